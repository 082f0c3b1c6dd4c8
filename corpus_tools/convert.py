"""Format conversion between corpus files, streaming one unit at a time."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from pathlib import Path

from corpus_tools.errors import ConfigError, InputError
from corpus_tools.io import read_units, write_units
from corpus_tools.io.atomic import check_writable


def convert(src: str | Path, dst: str | Path, *, src_lang: str | None = None, tgt_lang: str | None = None,
            tsv_columns: Sequence[str] = (), encoding: str | None = None) -> int:
    """Read ``src`` and write ``dst``; languages come from the input when it names them."""
    if Path(src).resolve() == Path(dst).resolve():
        raise ConfigError(f"{dst}: output would overwrite the input")
    check_writable(dst)
    units = read_units(src, src_lang, tgt_lang, encoding=encoding, tsv_columns=tsv_columns)
    first = next(units, None)
    if first is None:
        if not (src_lang and tgt_lang):
            raise InputError(str(src), "is empty and names no languages; give --src-lang and --tgt-lang")
        return write_units([], dst, src_lang=src_lang, tgt_lang=tgt_lang, tsv_columns=tsv_columns)
    sl = src_lang or first.src_lang
    tl = tgt_lang or first.tgt_lang
    return write_units(chain([first], units), dst, src_lang=sl, tgt_lang=tl, tsv_columns=tsv_columns)
