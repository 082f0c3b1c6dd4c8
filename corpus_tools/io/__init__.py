"""Readers and writers for bilingual corpora, picked by file extension.

Every reader streams; every writer streams into a temporary file renamed on success.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from corpus_tools.errors import ConfigError
from corpus_tools.io.atomic import atomic_output
from corpus_tools.model import TranslationUnit

FORMATS = ("tmx", "tsv", "jsonl", "moses")


def detect_format(path: str | Path, src_lang: str | None = None, tgt_lang: str | None = None) -> str:
    """Format from the file name: ``.tmx``/``.tmx.gz``, ``.tsv``, ``.jsonl``, or ``.<lang>`` (Moses)."""
    name = str(path).lower()
    name = name.removesuffix(".gz")
    for ext, fmt in ((".tmx", "tmx"), (".tsv", "tsv"), (".jsonl", "jsonl"), (".json", "jsonl"),
                     (".xlf", "xliff"), (".xliff", "xliff"), (".sdlxliff", "xliff")):
        if name.endswith(ext):
            return fmt
    suffix = Path(name).suffix.lstrip(".")
    if suffix and suffix in {(src_lang or "").lower(), (tgt_lang or "").lower()}:
        return "moses"
    raise ConfigError(f"{path}: cannot tell the format from the name; use .tmx, .tmx.gz, .tsv, .jsonl, "
                      f"or .<lang> for Moses (with --src-lang/--tgt-lang)")


def read_units(path: str | Path, src_lang: str | None = None, tgt_lang: str | None = None, *,
               fmt: str | None = None, encoding: str | None = None,
               tsv_columns: Sequence[str] = ()) -> Iterator[TranslationUnit]:
    """Stream the units of a TMX, XLIFF (read only), TSV, JSONL or Moses corpus."""
    from corpus_tools.io.text import iter_lines

    fmt = fmt or detect_format(path, src_lang, tgt_lang)
    if fmt == "tmx":
        from corpus_tools.io.tmx import read_tmx

        return read_tmx(path, src_lang, tgt_lang)
    if fmt == "xliff":
        from corpus_tools.io.xliff import read_xliff

        return read_xliff(path, src_lang, tgt_lang)
    if fmt == "jsonl":
        from corpus_tools.io.jsonl import read_jsonl

        return read_jsonl(iter_lines(path, encoding, refuse_binary=False, records=True), str(path), src_lang, tgt_lang)
    if not src_lang or not tgt_lang:
        raise ConfigError(f"{path}: {fmt.upper()} does not name its languages; give --src-lang and --tgt-lang")
    if fmt == "tsv":
        from corpus_tools.io.tsv import read_tsv

        return read_tsv(iter_lines(path, encoding, refuse_binary=False, records=True), str(path), src_lang, tgt_lang, tsv_columns)
    if fmt == "moses":
        from corpus_tools.io.moses import read_moses

        return read_moses(path, src_lang, tgt_lang, encoding)
    raise ConfigError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def write_units(units: Iterable[TranslationUnit], path: str | Path, *, src_lang: str, tgt_lang: str,
                fmt: str | None = None, header_props: Mapping[str, str] | None = None,
                tsv_columns: Sequence[str] = ()) -> int:
    """Write ``units`` atomically in the format of ``path``; return how many were written."""
    fmt = fmt or detect_format(path, src_lang, tgt_lang)
    if fmt == "tmx":
        from corpus_tools.io.tmx import write_tmx

        with atomic_output(path, "wb") as fb:
            return write_tmx(units, fb, src_lang=src_lang, tgt_lang=tgt_lang, header_props=header_props)
    if fmt == "tsv":
        from corpus_tools.io.tsv import write_tsv

        with atomic_output(path) as f:
            return write_tsv(units, f, tsv_columns)
    if fmt == "jsonl":
        from corpus_tools.io.jsonl import write_jsonl

        with atomic_output(path) as f:
            return write_jsonl(units, f)
    if fmt == "moses":
        from corpus_tools.io.moses import write_moses

        return write_moses(units, path, src_lang, tgt_lang)
    if fmt == "xliff":
        raise ConfigError(f"{path}: XLIFF is an input format here; write .tmx, .tsv, .jsonl or Moses")
    raise ConfigError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


__all__ = ["FORMATS", "atomic_output", "detect_format", "read_units", "write_units"]
