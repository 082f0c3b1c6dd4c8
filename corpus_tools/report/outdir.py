"""Stream the files ``prepare`` leaves in an output folder: corpus.jsonl, flags.jsonl, rejects.tsv, run.json."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus_tools.errors import InputError
from corpus_tools.io.jsonl import iter_json_objects

CORPUS = "corpus.jsonl"
FLAGS = "flags.jsonl"
REJECTS = "rejects.tsv"
RUN = "run.json"

# Fields of a corpus.jsonl object that are not extra props.
UNIT_FIELDS = frozenset({"id", "translation", "score", "origin", "model", "doc", "flags", "note"})


@dataclass(frozen=True, slots=True)
class UnitRecord:
    """One corpus.jsonl line as the report needs it (texts, provenance, extra props)."""

    id: str
    src: str
    tgt: str
    score: float | None
    origin: str
    model: str | None
    doc: str | None
    codes: tuple[str, ...]
    note: str | None
    props: dict[str, str]
    langs: tuple[str, str]


def read_run(outdir: Path) -> dict[str, Any]:
    """run.json as a dict; an empty dict when the file is absent."""
    path = outdir / RUN
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from None
    if not isinstance(obj, dict):
        raise InputError(str(path), "expected a JSON object")
    return obj


def _iter_json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        f = open(path, encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        raise InputError(str(path), "no such file (is this a corpus-tools output folder?)") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    with f:
        yield from iter_json_objects(f, str(path))


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def iter_corpus(outdir: Path, src_lang: str | None = None,
                tgt_lang: str | None = None) -> Iterator[tuple[int, UnitRecord]]:
    """Yield ``(line number, unit)`` for each line of OUTDIR/corpus.jsonl."""
    path = outdir / CORPUS
    for lineno, obj in _iter_json_lines(path):
        tr = obj.get("translation")
        if not isinstance(tr, dict) or len(tr) < 2:
            raise InputError(str(path), 'expected {"translation": {"<src>": ..., "<tgt>": ...}}', line=lineno)
        keys = list(tr)
        s = src_lang if src_lang in tr else keys[0]
        t = tgt_lang if tgt_lang in tr and tgt_lang != s else next(k for k in keys if k != s)
        score = obj.get("score")
        codes = obj.get("flags") or ()
        if isinstance(codes, str):
            codes = [c for c in codes.split(",") if c]
        yield lineno, UnitRecord(
            id=str(obj.get("id") if obj.get("id") not in (None, "") else lineno),
            src=str(tr[s] if tr[s] is not None else ""), tgt=str(tr[t] if tr[t] is not None else ""),
            score=float(score) if isinstance(score, (int, float)) and not isinstance(score, bool) else None,
            origin=str(obj.get("origin") or "human"),
            model=_opt_str(obj.get("model")), doc=_opt_str(obj.get("doc")),
            codes=tuple(str(c) for c in codes), note=_opt_str(obj.get("note")),
            props={k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                   for k, v in obj.items() if k not in UNIT_FIELDS and v is not None},
            langs=(str(s), str(t)),
        )


def iter_flags(outdir: Path) -> Iterator[dict[str, Any]]:
    """Yield the objects of OUTDIR/flags.jsonl (nothing when the file is absent)."""
    path = outdir / FLAGS
    if not path.exists():
        return
    for _, obj in _iter_json_lines(path):
        yield obj


@dataclass(frozen=True, slots=True)
class RejectRecord:
    doc: str
    side: str
    index: str
    reason: str
    text: str


def iter_rejects(outdir: Path) -> Iterator[RejectRecord]:
    """Yield the lines of OUTDIR/rejects.tsv after its header (nothing when the file is absent)."""
    from corpus_tools.io.tsv import unescape_field

    path = outdir / REJECTS
    try:
        f = open(path, encoding="utf-8", errors="surrogateescape", newline="")
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    with f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line or (lineno == 1 and line.startswith("doc\t")):
                continue
            parts = line.split("\t", 4)
            if len(parts) < 5:
                raise InputError(str(path), "expected doc<TAB>side<TAB>index<TAB>reason<TAB>text", line=lineno)
            yield RejectRecord(*(unescape_field(p) for p in parts))
