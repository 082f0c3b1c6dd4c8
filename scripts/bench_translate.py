#!/usr/bin/env python3
"""Benchmark: corpus-tools' batched Argos path against argostranslate.translate.translate() per sentence.

    python scripts/bench_translate.py [--input FILE] [--n 1500] [--beam-size 4] [--threads 1]
                                      [--big-n 300] [--no-big]

Runs offline, in throw-away ARGOS_PACKAGES_DIR / XDG folders set before anything imports
argostranslate. Builds the test package (scripts/build_test_model.py: 1+1 layers,
d_model 64) and installs it, then times, each in a fresh process, end to end (imports,
model load, translation):

  ours : ``make_translator(...).translate(sentences)`` (no cache)
  argos: ``[argostranslate.translate.translate(s, src, tgt) for s in sentences]``

and checks that the outputs are identical sentence for sentence. Then the same for a
transformer-base-sized package with constructed weights (6+6 layers, d_model 512,
8 heads, FFN 2048, SentencePiece trained on the input) on ``--big-n`` sentences.
Default input: the first 1,500 lines of the WMT newstest part of ../shared's Ersatz suite.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "eval" / "segmentation" / "ersatz" / "en_newstest_part.en"

OURS = r"""
import json, sys, time
t0 = time.perf_counter()
from corpus_tools.translate import TranslateOptions, make_translator
lines = json.load(open(sys.argv[1], encoding="utf-8"))
tr = make_translator("en", "fr", TranslateOptions(beam_size=int(sys.argv[3]), threads=int(sys.argv[4]), cache=False))
t1 = time.perf_counter()
out = tr.translate(lines)
t2 = time.perf_counter()
json.dump({"out": out, "load": t1 - t0, "translate": t2 - t1}, open(sys.argv[2], "w", encoding="utf-8"))
"""

ARGOS = r"""
import json, sys, time
t0 = time.perf_counter()
import argostranslate.translate as at
lines = json.load(open(sys.argv[1], encoding="utf-8"))
at.translate("warm up", "en", "fr")
t1 = time.perf_counter()
out = [at.translate(s, "en", "fr") for s in lines]
t2 = time.perf_counter()
json.dump({"out": out, "load": t1 - t0, "translate": t2 - t1}, open(sys.argv[2], "w", encoding="utf-8"))
"""


def run_path(code: str, lines_file: Path, out_file: Path, env: dict[str, str], beam: int,
             threads: int) -> tuple[float, dict[str, object]]:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(lines_file), str(out_file), str(beam), str(threads)],
                   env=env, check=True)
    wall = time.perf_counter() - t
    return wall, json.loads(out_file.read_text(encoding="utf-8"))


def compare(label: str, lines: list[str], env: dict[str, str], work: Path, beam: int, threads: int) -> None:
    lines_file = work / f"{label}.lines.json"
    lines_file.write_text(json.dumps(lines), encoding="utf-8")
    ours_wall, ours = run_path(OURS, lines_file, work / f"{label}.ours.json", env, beam, threads)
    argos_wall, argos = run_path(ARGOS, lines_file, work / f"{label}.argos.json", env, beam, threads)
    a, b = ours["out"], argos["out"]
    assert isinstance(a, list) and isinstance(b, list)
    same = sum(x == y for x, y in zip(a, b))
    n = len(lines)
    print(f"[{label}] {n} sentences, beam {beam}, threads {threads}")
    print(f"  ours : {ours_wall:7.1f} s end to end ({n / ours_wall:7.1f} sent/s); "
          f"load {ours['load']:.1f} s, translate {ours['translate']:.1f} s ({n / float(ours['translate']):.1f} sent/s)")  # type: ignore[arg-type]
    print(f"  argos: {argos_wall:7.1f} s end to end ({n / argos_wall:7.1f} sent/s); "
          f"load {argos['load']:.1f} s, translate {argos['translate']:.1f} s ({n / float(argos['translate']):.1f} sent/s)")  # type: ignore[arg-type]
    print(f"  speed-up end to end: {argos_wall / ours_wall:.2f}x; identical outputs: {same}/{n}")
    shown = 0
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y and shown < 3:
            shown += 1
            print(f"  differs at {i}:\n    src  : {lines[i]!r}\n    ours : {x!r}\n    argos: {y!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="one sentence per line")
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--beam-size", type=int, default=4, help="4 = Argos' default")
    ap.add_argument("--threads", type=int, default=1,
                    help="CPU threads for both paths (ARGOS_INTRA_THREADS for Argos); 0 = automatic")
    ap.add_argument("--big-n", type=int, default=300, help="sentences for the 6+6 layer, d_model 512 model")
    ap.add_argument("--no-big", action="store_true")
    a = ap.parse_args()
    if not a.input.is_file():
        print(f"input {a.input} not found (../shared absent?); give --input", file=sys.stderr)
        return 2
    lines = [ln.strip() for ln in a.input.read_text(encoding="utf-8").splitlines() if ln.strip()]

    sys.path.insert(0, str(REPO / "scripts"))
    from build_test_model import build_package

    with tempfile.TemporaryDirectory(prefix="bench-mt-") as tmp:
        work = Path(tmp)
        env = dict(os.environ)
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            env[var] = str(work / var.lower())
        env["HOME"] = str(work / "home")
        env["ARGOS_INTRA_THREADS"] = str(a.threads)
        env["ARGOS_BEAM_SIZE"] = str(a.beam_size)
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
        runs = [("tiny 1+1 d64", {"layers": 1, "d_model": 64, "heads": 2, "ffn": 64}, None, a.n)]
        if not a.no_big:
            runs.append(("base 6+6 d512", {"layers": 6, "d_model": 512, "heads": 8, "ffn": 2048}, a.input, a.big_n))
        for label, dims, corpus, n in runs:
            pkgs = work / f"pkgs-{dims['d_model']}"
            env["ARGOS_PACKAGES_DIR"] = str(pkgs)
            model = work / f"{dims['d_model']}.argosmodel"
            t = time.perf_counter()
            build_package(model, corpus=corpus, vocab_size=8000 if corpus else 1000, **dims)
            subprocess.run([sys.executable, "-m", "corpus_tools", "models", "install", str(model)],
                           env=env, check=True)
            print(f"[{label}] built and installed in {time.perf_counter() - t:.1f} s")
            compare(label.split()[0], lines[:n], env, work, a.beam_size, a.threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
