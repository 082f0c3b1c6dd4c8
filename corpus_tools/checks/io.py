"""Streaming the check results of a raw text or a bitext as JSON-ready records."""

from __future__ import annotations

from typing import Iterator

from corpus_tools.checks.checker import Checker

_BITEXT_SUFFIXES = (".tsv", ".tmx", ".tmx.gz", ".jsonl", ".json", ".tsv.gz", ".jsonl.gz")


def is_bitext(path: str) -> bool:
    """True when ``path`` names a bitext format (TSV, TMX, JSONL)."""
    return path.lower().endswith(_BITEXT_SUFFIXES)


def iter_flag_records(checker: Checker, path: str, src_lang: str, tgt_lang: str | None,
                      bitext: bool) -> Iterator[dict[str, object]]:
    """One JSON-ready dict per flag: raw text flags carry start/end, bitext flags unit and side."""
    if not bitext:
        from corpus_tools.io.text import read_text

        text = read_text(path)
        for flag in checker.check_text(text):
            yield flag.to_json()
        return
    from corpus_tools.io import read_units

    for i, unit in enumerate(read_units(path, src_lang, tgt_lang)):
        for flag in checker.check_pair(unit.src, unit.tgt):
            rec = flag.to_json()
            rec["unit"] = i
            if unit.id:
                rec["id"] = unit.id
            yield rec
