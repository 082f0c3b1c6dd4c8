#!/usr/bin/env python3
"""Align the gold sets in ../shared/eval/alignment with our aligner and score with the shared score.py.

    python scripts/eval_align.py --set transread --method lexical
    python scripts/eval_align.py --set textberg --method lexical --mt google
    python scripts/eval_align.py --set all --method embed --out /tmp/pred
    python scripts/eval_align.py --set textberg-dev --method embed --run-length 4   # second pass

Strict/lax F1 are micro-averaged over the documents of a set (score.py's definition).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "alignment"
SETS = {
    "transread": ("transread_enfr", "en", "fr", None),
    "textberg": ("textberg_defr", "de", "fr", [f"test{k}" for k in range(7)]),
    "textberg-dev": ("textberg_defr", "de", "fr", ["dev"]),
    "parice": ("parice_enis", "en", "is", None),
}


def load_scorer(gold_root: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("shared_score", gold_root / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def docs_of(gold_root: Path, name: str) -> tuple[Path, str, str, list[str]]:
    folder, s, t, names = SETS[name]
    d = gold_root / folder
    if names is None:
        names = sorted(p.stem for p in d.glob(f"*.{s}{t}"))
    return d, s, t, names


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1] if path.read_text(encoding="utf-8").endswith("\n") \
        else path.read_text(encoding="utf-8").split("\n")


def run_set(name: str, method: str, mt: str | None, gold_root: Path, out: Path | None,
            aligner=None, verbose: bool = False, options=None) -> dict:  # type: ignore[no-untyped-def, type-arg]
    sys.path.insert(0, str(ROOT))
    from corpus_tools.align import check_beads, make_aligner
    from corpus_tools.model import Segment

    d, s, t, names = docs_of(gold_root, name)
    scorer = load_scorer(gold_root)
    al = aligner or make_aligner(s, t, method=method, options=options)
    golds, tests = [], []
    t0 = time.perf_counter()
    for doc in names:
        src = [Segment(x, 0, 0, len(x)) for x in read_lines(d / f"{doc}.{s}")]
        tgt = [Segment(x, 0, 0, len(x)) for x in read_lines(d / f"{doc}.{t}")]
        src_mt = read_lines(d / "mt" / f"{doc}.{s}2{t}.{mt}") if mt else None
        beads = al.align(src, tgt, src_mt=src_mt)
        check_beads(beads, len(src), len(tgt))
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{doc}.{s}{t}").write_text("".join(f"{b}\n" for b in beads), encoding="utf-8")
        gold = scorer.read_beads(str(d / f"{doc}.{s}{t}"))
        test = [(b.src, b.tgt) for b in beads]
        golds.append(gold)
        tests.append(test)
        if verbose:
            r = scorer.score([gold], [test])
            print(f"  {doc:32s} strict F1 {r['f1_strict']:.3f}  lax {r['f1_lax']:.3f}", file=sys.stderr)
    elapsed = time.perf_counter() - t0
    res = scorer.score(golds, tests)
    res["seconds"] = elapsed
    res["aligner"] = al.name
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="all", choices=[*SETS, "all"])
    ap.add_argument("--method", default="lexical", choices=["lexical", "embed", "auto"])
    ap.add_argument("--mt", choices=["google", "europarlfull"], help="Text+Berg: use mt/testN.de2fr.MT as src_mt")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--out", type=Path, help="write predicted bead files here")
    ap.add_argument("--run-length", type=int, default=0,
                    help="embed: rescore beads with whole-run vectors of up to N sentences (0: off, the default)")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    if not a.gold.is_dir():
        sys.exit(f"gold folder not found: {a.gold}")
    names = ["transread", "textberg"] if a.set == "all" else [a.set]
    sys.path.insert(0, str(ROOT))
    from corpus_tools.align import AlignOptions

    options = AlignOptions(run_length=a.run_length)
    for name in names:
        mt = a.mt if name.startswith("textberg") else None
        r = run_set(name, a.method, mt, a.gold, a.out / name if a.out else None, verbose=a.verbose,
                    options=options)
        print(f"{name:12s} {r['aligner']:40s} mt={mt or '-':8s} strict P/R/F1 {r['precision_strict']:.3f} "
              f"{r['recall_strict']:.3f} {r['f1_strict']:.3f}  lax F1 {r['f1_lax']:.3f}  {r['seconds']:.1f}s")


if __name__ == "__main__":
    main()
