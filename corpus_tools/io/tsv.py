"""TSV: ``source<TAB>target`` per line, no header; optional extra columns.

Tabs, newlines, carriage returns and backslashes inside text are escaped as
``\\t``, ``\\n``, ``\\r`` and ``\\\\`` so that one line is always one unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

from corpus_tools.errors import ConfigError, InputError
from corpus_tools.model import Flag, Origin, Severity, TranslationUnit

TSV_EXTRA_COLUMNS = ("score", "flags", "id", "doc", "origin")
_ESCAPE = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_ESC_RE = re.compile(r"[\\\t\n\r]")
_UNESC = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
_UNESC_RE = re.compile(r"\\[\\tnr]")


def escape_field(text: str) -> str:
    return _ESC_RE.sub(lambda m: _ESCAPE[m.group()], text)


def unescape_field(text: str) -> str:
    return _UNESC_RE.sub(lambda m: _UNESC[m.group()], text) if "\\" in text else text


def first_line(line: str) -> str:
    """``line`` as the first line of a file: a leading U+FEFF gets a BOM before it.

    Readers take a U+FEFF at the start of a file for a byte-order mark and drop it; with
    one written in front, the text's own U+FEFF survives a round trip.
    """
    return "\ufeff" + line if line.startswith("\ufeff") else line


def parse_columns(spec: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"score,flags"`` -> ("score", "flags"); unknown names are a ConfigError."""
    if not spec:
        return ()
    names = [c.strip() for c in (spec.split(",") if isinstance(spec, str) else spec) if c.strip()]
    bad = [c for c in names if c not in TSV_EXTRA_COLUMNS]
    if bad:
        raise ConfigError(f"unknown TSV column(s) {', '.join(bad)}; choose from {', '.join(TSV_EXTRA_COLUMNS)}")
    return tuple(names)


def _extra(unit: TranslationUnit, column: str) -> str:
    if column == "score":
        return "" if unit.score is None else f"{unit.score:.4f}"
    if column == "flags":
        return ",".join(unit.flag_codes)
    if column == "origin":
        return unit.origin.value
    return escape_field(getattr(unit, column) or "")


def write_tsv(units: Iterable[TranslationUnit], out: IO[str], columns: Sequence[str] = ()) -> int:
    n = 0
    for unit in units:
        fields = [escape_field(unit.src), escape_field(unit.tgt)]
        fields.extend(_extra(unit, c) for c in columns)
        line = "\t".join(fields)
        out.write(first_line(line) if n == 0 else line)
        out.write("\n")
        n += 1
    return n


def read_tsv(lines: Iterable[str], path: str, src_lang: str, tgt_lang: str,
             columns: Sequence[str] = ()) -> Iterator[TranslationUnit]:
    if columns:
        yield from _read_tsv_columns(lines, path, src_lang, tgt_lang, columns)
        return
    # The plain two-column case, kept lean: it is what multi-million-line bitexts look like.
    human = Origin.HUMAN
    unit = TranslationUnit
    for lineno, line in enumerate(lines, 1):
        if not line:
            continue
        if line[-1] in "\r\n" or line[0] in "\r\n":
            if not line.strip("\r\n"):
                continue
            line = line.rstrip("\r\n")
        src, sep, rest = line.partition("\t")
        if not sep:
            raise InputError(path, "expected source<TAB>target", line=lineno)
        tgt = rest.partition("\t")[0]
        if "\\" in src:
            src = unescape_field(src)
        if "\\" in tgt:
            tgt = unescape_field(tgt)
        yield unit(src=src, tgt=tgt, src_lang=src_lang, tgt_lang=tgt_lang, id=str(lineno), origin=human)


def _read_tsv_columns(lines: Iterable[str], path: str, src_lang: str, tgt_lang: str,
                      columns: Sequence[str]) -> Iterator[TranslationUnit]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip("\r\n"):
            continue
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) < 2:
            raise InputError(path, "expected source<TAB>target", line=lineno)
        values = dict(zip(columns, fields[2:]))
        score = values.get("score")
        try:
            score_f = float(score) if score else None
        except ValueError:
            raise InputError(path, f"score {score!r} is not a number", line=lineno) from None
        codes = [c for c in values.get("flags", "").split(",") if c]
        origin = values.get("origin", "human")
        yield TranslationUnit(
            src=unescape_field(fields[0]), tgt=unescape_field(fields[1]),
            src_lang=src_lang, tgt_lang=tgt_lang,
            id=unescape_field(values.get("id", "")) or str(lineno),
            score=score_f,
            origin=Origin(origin) if origin in ("human", "machine") else Origin.HUMAN,
            doc=unescape_field(values["doc"]) if values.get("doc") else None,
            flags=tuple(Flag(code=c, category="", severity=Severity.INFO, message="") for c in codes),
        )
