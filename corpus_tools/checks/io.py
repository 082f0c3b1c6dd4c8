"""Streaming the check results of a raw text or a bitext as JSON-ready records."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import cast

from corpus_tools.checks.checker import Checker

# a bitext this large is checked by every core when no job count is given (~50,000 pairs)
AUTO_PARALLEL_BYTES = 8 << 20

_BITEXT_SUFFIXES = (".tsv", ".tmx", ".tmx.gz", ".jsonl", ".json", ".tsv.gz", ".jsonl.gz")


def is_bitext(path: str) -> bool:
    """True when ``path`` names a bitext format (TSV, TMX, JSONL)."""
    return path.lower().endswith(_BITEXT_SUFFIXES)


def auto_jobs(path: str) -> int:
    """Worker processes for checking the bitext at ``path`` when the user gave none: every core
    for a file of ``AUTO_PARALLEL_BYTES`` or more (worker start-up costs ~2 s), else one."""
    import os

    try:
        big = path != "-" and os.path.getsize(path) >= AUTO_PARALLEL_BYTES
    except OSError:
        big = False
    return (os.cpu_count() or 1) if big else 1


def iter_flag_records(checker: Checker, path: str, src_lang: str, tgt_lang: str | None,
                      bitext: bool, jobs: int = 1, batch: int = 2000) -> Iterator[dict[str, object]]:
    """One JSON-ready dict per flag: raw text flags carry start/end, bitext flags unit and side.

    With ``jobs`` > 1 a bitext is checked by that many worker processes, in order, with a
    bounded number of batches in flight (memory stays flat); ``jobs`` = 0 picks with
    :func:`auto_jobs`. The records are the same whatever the number of jobs.
    """
    if jobs <= 0:
        jobs = auto_jobs(path) if bitext else 1
    if not bitext:
        from corpus_tools.io.text import read_text

        text = read_text(path)
        for flag in checker.check_text(text):
            yield flag.to_json()
        return
    from corpus_tools.io import detect_format, read_units

    if jobs > 1:
        if detect_format(path, src_lang, tgt_lang) == "tsv":
            # workers parse raw lines themselves: one string per unit crosses the process boundary
            from corpus_tools.io.text import iter_lines

            lines = iter_lines(path, refuse_binary=False, records=True)
            yield from _parallel(checker, _line_batches(lines, batch), jobs, _check_lines, (path, src_lang, tgt_lang))
        else:
            yield from _parallel(checker, _unit_batches(read_units(path, src_lang, tgt_lang), batch), jobs,
                                 _check_units, ())
        return
    for i, unit in enumerate(read_units(path, src_lang, tgt_lang)):
        for flag in checker.check_pair(unit.src, unit.tgt):
            rec = flag.to_json()
            rec["unit"] = i
            if unit.id:
                rec["id"] = unit.id
            yield rec


_WORKER: Checker | None = None


def _init_worker(config: dict[str, object]) -> None:
    global _WORKER
    from corpus_tools.checks.checker import make_checker

    _WORKER = make_checker(**config)  # type: ignore[arg-type]


def _inherit_worker(checker: Checker) -> None:
    """Initializer of a forked worker: the parent's checker, already built, is this worker's."""
    global _WORKER
    _WORKER = checker


def _records(checker: Checker, i: int, uid: str, src: str, tgt: str, out: list[dict[str, object]]) -> None:
    for flag in checker.check_pair(src, tgt):
        rec = flag.to_json()
        rec["unit"] = i
        if uid:
            rec["id"] = uid
        out.append(rec)


def _check_units(items: list[tuple[str, str, str]], first: int) -> tuple[int, list[dict[str, object]]]:
    assert _WORKER is not None
    out: list[dict[str, object]] = []
    for k, (uid, src, tgt) in enumerate(items):
        _records(_WORKER, first + k, uid, src, tgt, out)
    return len(items), out


def _check_lines(lines: list[str], first_line: int, first_unit: int, path: str, src_lang: str,
                 tgt_lang: str) -> tuple[int, list[dict[str, object]]]:
    """Parse and check a batch of raw TSV lines; returns (units in the batch, records)."""
    assert _WORKER is not None
    from corpus_tools.errors import InputError
    from corpus_tools.io.tsv import read_tsv

    out: list[dict[str, object]] = []
    n = 0
    try:
        for unit in read_tsv(lines, path, src_lang, tgt_lang):
            uid = str(int(unit.id) + first_line - 1)  # read_tsv numbers the batch's lines from 1
            _records(_WORKER, first_unit + n, uid, unit.src, unit.tgt, out)
            n += 1
    except InputError as exc:
        line = exc.line + first_line - 1 if exc.line is not None else None
        raise InputError(exc.path, exc.message, line=line) from None
    return n, out


def _line_batches(lines: Iterator[str], size: int) -> Iterator[tuple[tuple[object, ...], int]]:
    """(args, unit count or -1 if unknown) per batch of raw lines: ([lines], first line number)."""
    buf: list[str] = []
    first = 1
    for lineno, line in enumerate(lines, 1):
        buf.append(line)
        if len(buf) == size:
            yield (buf, first), -1
            buf, first = [], lineno + 1
    if buf:
        yield (buf, first), -1


def _unit_batches(units: Iterator[object], size: int) -> Iterator[tuple[tuple[object, ...], int]]:
    buf: list[tuple[str, str, str]] = []
    for unit in units:
        buf.append((unit.id, unit.src, unit.tgt))  # type: ignore[attr-defined]
        if len(buf) == size:
            yield (buf,), len(buf)
            buf = []
    if buf:
        yield (buf,), len(buf)


def _parallel(checker: Checker, batches: Iterator[tuple[tuple[object, ...], int]], jobs: int,
              func: Callable[..., tuple[int, list[dict[str, object]]]],
              extra: tuple[object, ...]) -> Iterator[dict[str, object]]:
    """Run ``func`` over batches in ``jobs`` processes, yielding records in input order.

    Unit numbers must run on across batches; a batch of raw lines does not know how many units
    it holds (blank lines are skipped), so records carry batch-local numbers that are offset
    here, in order, as results come back.
    """
    import threading
    from collections import deque
    from multiprocessing import get_all_start_methods, get_context

    # Forked workers inherit the checker already built here (lexicons compiled: ~2.5 s a
    # worker saved); a parent running other threads, or a platform without fork, spawns
    # workers that build their own from the checker's config.
    if "fork" in get_all_start_methods() and threading.active_count() == 1:
        ctx = get_context("fork")
        init, initargs = _inherit_worker, (checker,)
    else:
        ctx = get_context("spawn")
        init, initargs = _init_worker, (checker.config,)
    with ctx.Pool(jobs, initializer=init, initargs=initargs) as pool:
        pending: deque = deque()  # type: ignore[type-arg]
        offset = 0

        def drain() -> Iterator[dict[str, object]]:
            nonlocal offset
            n, records = pending.popleft().get()
            for rec in records:
                rec["unit"] = cast(int, rec["unit"]) + offset
                yield rec
            offset += n

        for args, _count in batches:
            pending.append(pool.apply_async(func, (*args, 0, *extra) if func is _check_lines else (*args, 0)))
            while len(pending) >= 2 * jobs:
                yield from drain()
        while pending:
            yield from drain()
