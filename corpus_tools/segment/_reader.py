"""Stream paragraphs (blank-line separated blocks) from a text file or stdin, line by line.

Used by ``corpus-tools segment`` so that input of any size is never read whole.
Decoding: UTF-8 by default, a UTF-8 or UTF-16 byte-order mark wins; anything else
must be named with ``encoding``. A decoding error is an InputError naming the line.
"""

from __future__ import annotations

import codecs
import gzip
import io
import sys
from collections.abc import Iterator
from typing import BinaryIO

from corpus_tools.errors import InputError
from corpus_tools.model import Paragraph

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _open_binary(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    try:
        raw: BinaryIO = open(path, "rb")  # noqa: SIM115 - closed by iter_paragraphs
    except OSError as exc:
        raise InputError(path, f"cannot open: {exc.strerror or exc}") from exc
    if path.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def iter_paragraphs(path: str, encoding: str | None = None) -> Iterator[Paragraph]:
    """Yield the non-blank paragraphs of ``path`` (``-`` = stdin) with offsets into the text."""
    raw = _open_binary(path)
    buffered: io.BufferedReader = (raw if isinstance(raw, io.BufferedReader)
                                   else io.BufferedReader(raw))  # type: ignore[arg-type]
    try:
        enc = encoding
        if enc is None:
            head = buffered.peek(4)[:4]
            enc = "utf-8"
            for bom, name in _BOMS:
                if head.startswith(bom):
                    enc = name
                    break
        try:
            codecs.lookup(enc)
        except LookupError as exc:
            from corpus_tools.errors import ConfigError

            raise ConfigError(f"unknown encoding {enc!r}") from exc
        if codecs.lookup(enc).name == "utf-8":
            # decode line by line so that an error names its line and byte offset
            yield from _paragraphs(_utf8_lines(buffered, path, enc == "utf-8-sig"), path, enc)
        else:
            reader = io.TextIOWrapper(buffered, encoding=enc, errors="strict", newline=None)
            yield from _paragraphs(reader, path, enc)
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()


def _utf8_lines(raw: io.BufferedReader, path: str, bom: bool) -> Iterator[str]:
    offset = 0
    for n, line in enumerate(raw, 1):
        if bom and n == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
            offset = 3
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"cannot decode as utf-8: {exc.reason}", line=n,
                             offset=offset + exc.start) from exc
        offset += len(line)
        if text.endswith("\r\n"):
            text = text[:-2] + "\n"
        yield text


def _paragraphs(lines: Iterator[str], path: str, enc: str) -> Iterator[Paragraph]:
    buf: list[str] = []
    offset = 0
    start = 0
    index = 0
    try:
        for line in lines:
            if line.strip():
                if not buf:
                    start = offset
                buf.append(line)
            elif buf:
                text = "".join(buf).rstrip("\n")
                yield Paragraph(text, index, start, start + len(text))
                index += 1
                buf = []
            offset += len(line)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"cannot decode as {enc}: {exc.reason}") from exc
    if buf:
        text = "".join(buf).rstrip("\n")
        yield Paragraph(text, index, start, start + len(text))
