"""Batch furniture: lines that recur in many documents of the same site."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from corpus_tools.clean.patterns import line_key
from corpus_tools.errors import ConfigError


def find_recurring_lines(texts: Iterable[str], min_docs: int = 3, min_fraction: float = 0.3) -> frozenset[str]:
    """Normalised lines found in at least ``min_docs`` documents and ``min_fraction`` of them.

    Pass the documents of ONE site. The result feeds ``CleanConfig.extra_boilerplate_lines``
    (matching normalises both sides the same way, see :func:`patterns.line_key`).
    """
    if min_docs < 2:
        raise ConfigError(f"min_docs must be at least 2, got {min_docs}")
    if not 0.0 < min_fraction <= 1.0:
        raise ConfigError(f"min_fraction must be in (0, 1], got {min_fraction}")
    counts: Counter[str] = Counter()
    n_docs = 0
    for text in texts:
        n_docs += 1
        keys = {line_key(line) for line in text.splitlines()}
        counts.update(k for k in keys if any(c.isalpha() for c in k))
    if not n_docs:
        return frozenset()
    threshold = max(min_docs, min_fraction * n_docs)
    return frozenset(k for k, n in counts.items() if n >= threshold)
