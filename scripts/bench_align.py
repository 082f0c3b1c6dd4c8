#!/usr/bin/env python3
"""Benchmark: our aligner vs the `galechurch` package on the 11 TransRead books, plus linear growth.

    python scripts/bench_align.py                    # lexical, TransRead en-fr
    python scripts/bench_align.py --method embed     # embedding included in the time

Prints strict F1 (shared score.py, micro-averaged) and wall/CPU time for both aligners in the
same run, then aligns a document built by repeating the books 1x, 3x and 10x and prints how
time grows (linear means ~10x time for 10x length).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def main() -> None:
    from eval_align import GOLD, docs_of, load_scorer, read_lines

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--method", default="lexical", choices=["lexical", "embed", "auto"])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--no-growth", action="store_true", help="skip the linear-growth measurement")
    a = ap.parse_args()
    if not a.gold.is_dir():
        sys.exit(f"gold folder not found: {a.gold}")
    import galechurch

    from corpus_tools.align import make_aligner
    from corpus_tools.model import Segment

    scorer = load_scorer(a.gold)
    d, s, t, names = docs_of(a.gold, "transread")
    docs = [(read_lines(d / f"{n}.{s}"), read_lines(d / f"{n}.{t}"), scorer.read_beads(str(d / f"{n}.{s}{t}")))
            for n in names]

    def seg(lines: list[str]) -> list[Segment]:
        return [Segment(x, 0, 0, len(x)) for x in lines]

    def ours(src: list[str], tgt: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        return [(b.src, b.tgt) for b in aligner.align(seg(src), seg(tgt))]

    def gale_church(src: list[str], tgt: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        res = galechurch.align(src, tgt, max_block_size=10**9)
        return [(tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)))
                for b in res.beads]

    t0, c0 = time.perf_counter(), time.process_time()
    aligner = make_aligner(s, t, method=a.method)  # model loading counts
    rows = []
    for label, fn in ((aligner.name, ours), (f"galechurch-{galechurch.__version__}", gale_church)):
        if fn is gale_church:
            t0, c0 = time.perf_counter(), time.process_time()
        tests = [fn(x, y) for x, y, _ in docs]
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        r = scorer.score([g for _, _, g in docs], tests)
        rows.append((label, r["f1_strict"], r["f1_lax"], wall, cpu))
    print(f"TransRead en-fr, {len(docs)} books, {sum(len(x) for x, _, _ in docs)} + "
          f"{sum(len(y) for _, y, _ in docs)} sentences")
    print(f"{'aligner':44s} {'strict F1':>9s} {'lax F1':>7s} {'wall s':>7s} {'cpu s':>7s}")
    for label, f1, lax, wall, cpu in rows:
        print(f"{label:44s} {f1:9.3f} {lax:7.3f} {wall:7.1f} {cpu:7.1f}")
    print(f"time ratio ours/galechurch: {rows[0][3] / max(rows[1][3], 1e-9):.1f}x wall")
    if a.no_growth:
        return
    # linear growth: one document made of all books, repeated k times (vectors cached for embed,
    # so this measures the alignment itself)
    base_src = [x for src, _, _ in docs[:3] for x in src]
    base_tgt = [y for _, tgt, _ in docs[:3] for y in tgt]
    ours(base_src, base_tgt)  # warm the embedding cache
    prev = None
    print(f"{'copies':>6s} {'sentences':>10s} {'ours s':>8s} {'galechurch s':>12s}")
    for k in (1, 3, 10):
        src, tgt = base_src * k, base_tgt * k
        t1 = time.perf_counter()
        ours(src, tgt)
        mine = time.perf_counter() - t1
        t1 = time.perf_counter()
        gale_church(src, tgt)
        gc = time.perf_counter() - t1
        note = f"  ({mine / prev:.1f}x the 1-copy time)" if prev else ""
        prev = prev or mine
        print(f"{k:6d} {len(src):10d} {mine:8.2f} {gc:12.2f}{note}")


if __name__ == "__main__":
    main()
