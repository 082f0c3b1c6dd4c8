"""Moses: two line-aligned plain files, ``PREFIX.<src>`` and ``PREFIX.<tgt>``.

Newlines, tabs and backslashes inside text are escaped as in TSV, so line i of
one file always matches line i of the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from corpus_tools.errors import InputError
from corpus_tools.io.atomic import atomic_output
from corpus_tools.io.tsv import escape_field, first_line, unescape_field
from corpus_tools.model import TranslationUnit


def moses_paths(path: str | Path, src_lang: str, tgt_lang: str) -> tuple[Path, Path]:
    """``corpus.en`` (or ``corpus``) -> (``corpus.en``, ``corpus.fr``)."""
    p = Path(path)
    stem = p.with_suffix("") if p.suffix.lstrip(".") in (src_lang, tgt_lang) else p
    return Path(f"{stem}.{src_lang}"), Path(f"{stem}.{tgt_lang}")


def write_moses(units: Iterable[TranslationUnit], path: str | Path, src_lang: str, tgt_lang: str) -> int:
    src_path, tgt_path = moses_paths(path, src_lang, tgt_lang)
    n = 0
    with atomic_output(src_path) as fs, atomic_output(tgt_path) as ft:
        for unit in units:
            src, tgt = escape_field(unit.src), escape_field(unit.tgt)
            if n == 0:
                src, tgt = first_line(src), first_line(tgt)
            fs.write(src + "\n")
            ft.write(tgt + "\n")
            n += 1
    return n


def read_moses(path: str | Path, src_lang: str, tgt_lang: str, encoding: str | None = None) -> Iterator[TranslationUnit]:
    from corpus_tools.io.text import iter_lines

    src_path, tgt_path = moses_paths(path, src_lang, tgt_lang)
    src_lines = iter_lines(src_path, encoding, refuse_binary=False, records=True)
    tgt_lines = iter_lines(tgt_path, encoding, refuse_binary=False, records=True)
    lineno = 0
    sentinel = object()
    while True:
        s = next(src_lines, sentinel)
        t = next(tgt_lines, sentinel)
        if s is sentinel and t is sentinel:
            return
        lineno += 1
        if s is sentinel or t is sentinel:
            short = src_path if s is sentinel else tgt_path
            raise InputError(str(short), "has fewer lines than its pair", line=lineno)
        yield TranslationUnit(src=unescape_field(str(s)), tgt=unescape_field(str(t)),
                              src_lang=src_lang, tgt_lang=tgt_lang, id=str(lineno))
