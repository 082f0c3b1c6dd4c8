"""Benchmark: our cleaning vs sacremoses.MosesPunctNormalizer on the same text, same run.

    python scripts/bench_clean.py [TEXT_FILE] [--repeat N]

Default text: the seed document from ../shared (or a built-in sample). Prints characters per
second for both and the ratio (ours / Moses time). Moses only normalises punctuation; we also
remove furniture, deduplicate, repair quotes and log every edit with offsets.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sacremoses import MosesPunctNormalizer

from corpus_tools.clean import CleanConfig, clean_text

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_2403a802cb11eb48.txt"
SAMPLE = ("Mr Biden said , ”he would . .\n\nThe story continues under the ad\n\n"
          "“It’s about self-interest, ”he said at 7,5 % growth.\n\n") * 50


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text", nargs="?", help="UTF-8 text file (default: the seed document)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--copies", type=int, default=20, help="documents per timed run (the text repeated)")
    args = ap.parse_args()
    if args.text:
        text = Path(args.text).read_text(encoding="utf-8")
    elif SEED.is_file():
        text = SEED.read_text(encoding="utf-8")
    else:
        text = SAMPLE
    docs = [text] * args.copies
    config = CleanConfig(lang="en")
    moses = MosesPunctNormalizer(lang="en")
    clean_text(text, config)  # warm up: pattern files and regexes are compiled once per process
    moses.normalize(text)

    ours = _best(lambda: [clean_text(d, config) for d in docs], args.repeat)
    theirs = _best(lambda: [[moses.normalize(p) for p in d.split("\n")] for d in docs], args.repeat)
    n = len(text) * args.copies
    print(f"text: {len(text)} chars x {args.copies} docs, best of {args.repeat}")
    print(f"corpus-tools clean_text        : {ours:.4f} s  ({n / ours / 1e6:.2f} M chars/s)")
    print(f"sacremoses MosesPunctNormalizer: {theirs:.4f} s  ({n / theirs / 1e6:.2f} M chars/s)")
    print(f"ratio ours/moses time: {ours / theirs:.2f}x")


if __name__ == "__main__":
    main()
