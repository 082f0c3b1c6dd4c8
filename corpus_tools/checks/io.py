"""Streaming the check results of a raw text or a bitext as JSON-ready records."""

from __future__ import annotations

from collections.abc import Iterator

from corpus_tools.checks.checker import Checker

_BITEXT_SUFFIXES = (".tsv", ".tmx", ".tmx.gz", ".jsonl", ".json", ".tsv.gz", ".jsonl.gz")


def is_bitext(path: str) -> bool:
    """True when ``path`` names a bitext format (TSV, TMX, JSONL)."""
    return path.lower().endswith(_BITEXT_SUFFIXES)


def iter_flag_records(checker: Checker, path: str, src_lang: str, tgt_lang: str | None,
                      bitext: bool, jobs: int = 1, batch: int = 2000) -> Iterator[dict[str, object]]:
    """One JSON-ready dict per flag: raw text flags carry start/end, bitext flags unit and side.

    With ``jobs`` > 1 a bitext is checked by that many worker processes, in order, with a
    bounded number of batches in flight (memory stays flat).
    """
    if not bitext:
        from corpus_tools.io.text import read_text

        text = read_text(path)
        for flag in checker.check_text(text):
            yield flag.to_json()
        return
    from corpus_tools.io import read_units

    if jobs > 1:
        yield from _parallel(checker, read_units(path, src_lang, tgt_lang), jobs, batch)
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


def _check_batch(items: list[tuple[int, str, str, str]]) -> list[dict[str, object]]:
    assert _WORKER is not None
    out: list[dict[str, object]] = []
    for i, uid, src, tgt in items:
        for flag in _WORKER.check_pair(src, tgt):
            rec = flag.to_json()
            rec["unit"] = i
            if uid:
                rec["id"] = uid
            out.append(rec)
    return out


def _parallel(checker: Checker, units: Iterator[object], jobs: int, batch: int) -> Iterator[dict[str, object]]:
    from collections import deque
    from multiprocessing import get_context

    ctx = get_context("spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(checker.config,)) as pool:
        pending: deque = deque()  # type: ignore[type-arg]
        buf: list[tuple[int, str, str, str]] = []
        for i, unit in enumerate(units):
            buf.append((i, unit.id, unit.src, unit.tgt))  # type: ignore[attr-defined]
            if len(buf) == batch:
                pending.append(pool.apply_async(_check_batch, (buf,)))
                buf = []
                while len(pending) >= 2 * jobs:
                    yield from pending.popleft().get()
        if buf:
            pending.append(pool.apply_async(_check_batch, (buf,)))
        while pending:
            yield from pending.popleft().get()
