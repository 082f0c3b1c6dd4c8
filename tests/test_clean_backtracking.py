"""Catastrophic-backtracking regression tests: every non-trivial pattern on long adversarial input.

Each pattern runs in a worker process; a pattern that backtracks exponentially makes the
worker miss a generous deadline (the failure names the pattern) instead of hanging the suite.
"""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Iterator

import pytest

ADVERSARIAL = [
    "a " * 3000, "A" * 6000, "Aa " * 2000 + "!", "Ab/" * 2000 + "x", "A. " * 2000 + "x", "1 " * 3000 + "x",
    "published " + "on 1 " * 1000 + "!", "home > " * 1000 + "!", "Share " * 2000 + "?", "\u201c " * 3000,
    ". " * 3000 + "x", ", \u201da" * 2000, "Mr " * 2000 + "x", "\u2013 " * 3000 + "x", "1\u202f" * 3000 + "x",
    "(" * 3000, "Jean de la " * 1000 + "/", "Aa, " * 1500 + "/ x", "Photo: " + "Aa " * 2000 + "| x",
    "read also " * 600 + ":", "| Aa " * 1500 + "x", "the story continues " * 300 + "!", "\u00ab " * 3000,
    "7,5" * 2000, "\u2018a " * 2000, "copyright 2021 " + "x" * 5000, "a-" * 3000 + " ",
]


def _patterns() -> Iterator[tuple[str, tuple[str, int]]]:
    from corpus_tools.clean import engine, typography
    from corpus_tools.clean.patterns import load_furniture

    f = load_furniture()
    for rx, entry in f.boilerplate:
        yield f"boilerplate.txt:{entry.line}", (rx.pattern, rx.flags)
    for rx, entry in f.credits:
        yield f"credits.txt:{entry.line}", (rx.pattern, rx.flags)
    for name in dir(typography) + dir(engine):
        obj = getattr(typography, name, None) or getattr(engine, name, None)
        if isinstance(obj, re.Pattern):
            yield name, (obj.pattern, obj.flags)


PATTERNS = dict(_patterns())


def _run(pattern: str, flags: int) -> int:
    rx = re.compile(pattern, flags)
    n = 0
    for s in ADVERSARIAL:
        n += bool(rx.fullmatch(s)) + bool(rx.search(s))
    return n


@pytest.fixture(scope="module")
def pool() -> Iterator[multiprocessing.pool.Pool]:
    p = multiprocessing.get_context("spawn").Pool(1)
    yield p
    p.terminate()


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_catastrophic_backtracking(name: str, pool: multiprocessing.pool.Pool) -> None:
    job = pool.apply_async(_run, PATTERNS[name])
    try:
        job.get(timeout=60)
    except multiprocessing.TimeoutError:
        pytest.fail(f"pattern {name} did not finish on adversarial input (catastrophic backtracking?)")


def test_whole_document_on_adversarial_text(pool: multiprocessing.pool.Pool) -> None:
    job = pool.apply_async(_clean_all)
    try:
        job.get(timeout=120)
    except multiprocessing.TimeoutError:
        pytest.fail("clean_text did not finish on adversarial input")


def _clean_all() -> int:
    from corpus_tools.clean import CleanConfig, clean_text

    text = "\n".join(ADVERSARIAL) + "\n\n" + " ".join(ADVERSARIAL)
    return len(clean_text(text, CleanConfig()).edits)
