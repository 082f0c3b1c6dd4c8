"""Plain-text input: decoding with a clear error, and paragraphs with offsets.

Paragraphs are blank-line separated blocks. Offsets are code points into the
decoded text (BOM removed), so edits and flags can point back into the original.
"""

from __future__ import annotations

import codecs
import gzip
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from corpus_tools.errors import InputError
from corpus_tools.model import Paragraph

# A line and its terminator; \r\n, \r, \n, U+2028 and U+2029 all end a line.
_LINE = re.compile(r"([^\r\n\u2028\u2029]*)(\r\n|[\r\n\u2028\u2029]|$)")
_NEWLINE = re.compile(r"\r\n|[\r\n\u2028\u2029]")
_BINARY_MAGIC = (b"PK\x03\x04", b"%PDF-", b"\x7fELF", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff",
                 b"\xd0\xcf\x11\xe0", b"SQLite format 3\x00", b"\x00\x00\x01\x00", b"\x1f\x8b", b"BZh",
                 b"\xfd7zXZ\x00", b"7z\xbc\xaf", b"Rar!")
# "MZ" (Windows executables) is too short to trust alone: plain text may start with it.
_WEAK_MAGIC = (b"MZ",)
_CHUNK = 1 << 20


def _open_binary(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    try:
        f: BinaryIO = open(path, "rb")  # noqa: SIM115
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, expected a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot open: {exc.strerror or exc}") from None
    if path.endswith(".gz"):
        return gzip.GzipFile(fileobj=f, mode="rb")  # type: ignore[return-value]
    return f


def sniff_encoding(head: bytes, path: str, encoding: str | None, refuse_binary: bool = True) -> tuple[str, int]:
    """Return (codec name, BOM length) for a file starting with ``head``.

    Refuses binary data. ``encoding`` overrides detection (the BOM is still skipped).
    """
    if encoding:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        # bytes-to-bytes codecs (base64, hex, zlib) and str-to-str ones (rot13) are not text encodings.
        if not getattr(info, "_is_text_encoding", True):
            raise InputError(path, f"{encoding!r} is not a text encoding")
        bom = 0
        if info.name == "utf-8" and head.startswith(codecs.BOM_UTF8):
            bom = 3
        elif ((info.name == "utf-16-le" and head.startswith(codecs.BOM_UTF16_LE))
              or (info.name == "utf-16-be" and head.startswith(codecs.BOM_UTF16_BE))):
            bom = 2
        return encoding, bom
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith(codecs.BOM_UTF32_LE) or head.startswith(codecs.BOM_UTF32_BE):
        # Checked before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
        raise InputError(path, "looks like UTF-32 (by its byte-order mark); give --encoding utf-32 to read it",
                         offset=0)
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return ("utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"), 2
    weak = head.startswith(_WEAK_MAGIC) and b"\x00" in head[:256]
    if refuse_binary and (head.startswith(_BINARY_MAGIC) or weak
                          or head.count(b"\x00") > max(1, len(head) // 100)):
        raise InputError(path, "looks like a binary file, not text (use --encoding to force a text encoding)",
                         offset=0)
    return "utf-8", 0


def iter_decoded(path: str, encoding: str | None = None, refuse_binary: bool = True) -> Iterator[str]:
    """Decode ``path`` in chunks; a decoding error names the byte offset."""
    f = _open_binary(path)
    try:
        try:
            head = f.read(_CHUNK)
        except (OSError, EOFError, zlib.error) as exc:  # corrupt .gz: zlib.error
            raise InputError(path, f"cannot read: {exc}") from None
        codec, bom = sniff_encoding(head, path, encoding, refuse_binary)
        decoder = codecs.getincrementaldecoder(codec)("strict")
        consumed = bom
        chunk = head[bom:]
        while True:
            final = not chunk
            # Bytes of an incomplete character held back from the previous chunk: error
            # positions count from the start of those.
            held = len(decoder.getstate()[0])
            try:
                out = decoder.decode(chunk, final=final)
            except UnicodeDecodeError as exc:
                where = consumed - held + exc.start
                raise InputError(path, f"not valid {codec} ({exc.reason}); "
                                 "give the right --encoding", offset=where) from None
            consumed += len(chunk)
            if out:
                yield out
            if final:
                return
            try:
                chunk = f.read(_CHUNK)
            except (OSError, EOFError, zlib.error) as exc:  # corrupt .gz: zlib.error
                raise InputError(path, f"cannot read: {exc}", offset=consumed) from None
    finally:
        if f is not sys.stdin.buffer:
            f.close()


def check_readable(path: str | Path, encoding: str | None = None) -> None:
    """Raise InputError now (before any output exists) if ``path`` cannot be opened, looks binary,
    or does not decode.

    Reads only the first 64 KiB; a decoding error further in is still found when the file is read.
    """
    path = str(path)
    if path == "-":
        return
    f = _open_binary(path)
    try:
        try:
            head = f.read(1 << 16)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(path, f"cannot read: {exc}") from None
        codec, bom = sniff_encoding(head, path, encoding)
        try:
            # final=False: a character cut at the end of the block is not an error.
            codecs.getincrementaldecoder(codec)("strict").decode(head[bom:], final=False)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {codec} ({exc.reason}); give the right --encoding",
                             offset=bom + exc.start) from None
    finally:
        f.close()


def read_text(path: str | Path, encoding: str | None = None) -> str:
    """Decode one document: UTF-8 (BOM optional), UTF-16 with BOM, ``.gz``, ``-`` for stdin."""
    return "".join(iter_decoded(str(path), encoding))


def iter_lines(path: str | Path, encoding: str | None = None, refuse_binary: bool = True, *,
               records: bool = False) -> Iterator[str]:
    """Stream decoded lines without terminators (any newline convention).

    ``records=True`` is for one-record-per-line corpus files (TSV, JSONL, Moses): only
    ``\n`` (or ``\r\n``) ends a line, so a U+2028 or a lone ``\r`` inside a sentence
    stays text, as it does for every other tool reading those files.
    """
    if records:
        yield from _iter_records(str(path), encoding, refuse_binary)
        return
    pending = ""
    for chunk in iter_decoded(str(path), encoding, refuse_binary):
        buf = pending + chunk
        hold = ""
        if buf.endswith("\r"):  # may be the first half of a \r\n split across chunks
            buf, hold = buf[:-1], "\r"
        if "\r" in buf or "\u2028" in buf or "\u2029" in buf:
            parts = _NEWLINE.split(buf)
        else:  # the usual case, and several times faster than the regular expression
            parts = buf.split("\n")
        pending = parts.pop() + hold
        yield from parts
    if pending:
        yield pending.rstrip("\r")


def _iter_records(path: str, encoding: str | None, refuse_binary: bool) -> Iterator[str]:
    pending = ""
    for chunk in iter_decoded(path, encoding, refuse_binary):
        parts = (pending + chunk).split("\n")
        pending = parts.pop()
        for line in parts:
            yield line.removesuffix("\r")
    if pending:
        yield pending.removesuffix("\r")


def iter_paragraph_texts(path: str | Path, encoding: str | None = None) -> Iterator[str]:
    """Stream blank-line separated paragraphs (lines joined by ``\\n``), for large inputs."""
    block: list[str] = []
    for line in iter_lines(path, encoding):
        if line.strip():
            block.append(line)
        elif block:
            yield "\n".join(block)
            block = []
    if block:
        yield "\n".join(block)


def split_paragraphs(text: str) -> Iterator[Paragraph]:
    """Blank-line separated blocks of ``text`` with their offsets (stripped of outer space)."""
    index = 0
    start: int | None = None
    end = 0
    for m in _LINE.finditer(text):
        line, term = m.group(1), m.group(2)
        if line.strip():
            if start is None:
                start = m.start(1)
            end = m.end(1)
        elif start is not None:
            yield _make_paragraph(text, start, end, index)
            index += 1
            start = None
        if not term:
            break
    if start is not None:
        yield _make_paragraph(text, start, end, index)


def _make_paragraph(text: str, start: int, end: int, index: int) -> Paragraph:
    block = text[start:end]
    lead = len(block) - len(block.lstrip())
    trail = len(block) - len(block.rstrip())
    s, e = start + lead, end - trail
    return Paragraph(text=text[s:e], index=index, start=s, end=e)
