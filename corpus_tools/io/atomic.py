"""Atomic output: write to a temporary file in the target folder, rename when complete.

A failure or an interruption leaves either the previous complete file or none.
"""

from __future__ import annotations

import gzip
import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from corpus_tools.errors import OutputError

GZIP_LEVEL = 3  # fast: corpora are large and written once


def check_writable(path: str | os.PathLike[str]) -> None:
    """Raise OutputError now (before any work) when ``path`` cannot be created."""
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise OutputError(f"{p}: is a directory, expected a file path")
    probe = parent
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if not probe.is_dir():
        raise OutputError(f"{p}: {probe} is not a directory")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError(f"{p}: permission denied (cannot write in {probe})")


_HELD = (signal.SIGINT, signal.SIGTERM)


def _block_signals() -> set[int | signal.Signals] | None:
    try:
        return signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    except (AttributeError, OSError, ValueError):  # no pthread_sigmask on this platform
        return None


def _unblock_signals(previous: set[int | signal.Signals] | None) -> None:
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def atomic_output(path: str | os.PathLike[str], mode: str = "w",
                  encoding: str | None = "utf-8", newline: str | None = "\n") -> Iterator[IO]:  # type: ignore[type-arg]
    """Yield a file object that becomes ``path`` only when the block completes.

    ``mode`` is ``"w"`` (text) or ``"wb"`` (bytes). A path ending in ``.gz`` is gzip-compressed.
    """
    target = Path(path)
    # Ctrl-C or SIGTERM landing between the temp file's creation and the try block below
    # would leave it behind: hold those signals until the cleanup is armed.
    blocked = _block_signals()
    try:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        except OSError as exc:
            raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
        raw = os.fdopen(fd, "wb")
    except BaseException:
        _unblock_signals(blocked)
        raise
    try:
        # A signal held above is raised here, inside the block that removes the temporary file.
        _unblock_signals(blocked)
        if target.name.endswith(".gz"):
            binary: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=GZIP_LEVEL, mtime=0)  # type: ignore[assignment]
        else:
            binary = raw
        if "b" in mode:
            yield binary
            binary.flush()
        else:
            import io

            text = io.TextIOWrapper(binary, encoding=encoding or "utf-8", newline=newline, write_through=False)
            yield text
            text.flush()
            text.detach()
        if binary is not raw:
            binary.close()
        raw.flush()
        os.fsync(raw.fileno()) if os.environ.get("CORPUS_TOOLS_FSYNC") else None
        raw.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            raw.close()
        finally:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        raise
