"""Bead sequences: the coverage invariant and vecalign's text format."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from corpus_tools.errors import InputError
from corpus_tools.model import Bead

_LINE = re.compile(r"^\s*\[([^\]]*)\]\s*:\s*\[([^\]]*)\](?:\s*:\s*([-+0-9.eE]+))?\s*$")


def check_beads(beads: Sequence[Bead], n_src: int, n_tgt: int) -> None:
    """Raise ValueError unless the beads cover 0..n_src-1 and 0..n_tgt-1 once each, in order."""
    s = [i for b in beads for i in b.src]
    t = [j for b in beads for j in b.tgt]
    if s != list(range(n_src)) or t != list(range(n_tgt)):
        raise ValueError("beads do not cover every sentence exactly once, in order")
    for b in beads:
        if not b.src and not b.tgt:
            raise ValueError("empty bead")
        if not 0.0 <= b.score <= 1.0:
            raise ValueError(f"bead score {b.score} outside [0, 1]")


def format_beads(beads: Iterable[Bead]) -> Iterator[str]:
    """vecalign lines: ``[0]:[0, 1]:0.9300``."""
    for b in beads:
        yield str(b)


def parse_beads(lines: Iterable[str], path: str = "<beads>") -> list[Bead]:
    """Read vecalign bead lines (the score field is optional)."""
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if not m:
            raise InputError(path, f"not a bead line: {line.strip()[:60]!r}", line=n)
        src = tuple(int(x) for x in re.split(r"[,\s]+", m.group(1).strip()) if x)
        tgt = tuple(int(x) for x in re.split(r"[,\s]+", m.group(2).strip()) if x)
        out.append(Bead(src, tgt, float(m.group(3)) if m.group(3) else 1.0))
    return out
