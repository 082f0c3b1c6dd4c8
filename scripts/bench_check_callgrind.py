"""Compare the cost of ``check_pair`` in two trees by instruction counts (valgrind's callgrind).

Wall-clock benchmarks (``scripts/bench_check.py``) swing by 10-20% from run to run on a shared
virtual machine; callgrind counts the instructions a run executes, which repeat to within a
fraction of a percent. So a change to the checks can be measured exactly against a git revision:

    python scripts/bench_check_callgrind.py --base 920bfa4 [--pairs 2000]

Both trees check the same pairs of the news bench corpus (``scripts/bench_corpus.py``): a warm-up
of ``--pairs`` pairs runs uninstrumented (lexicon compilation, caches, py3langid), then the next
``--pairs`` pairs run with instrumentation switched on from outside (``callgrind_control``). The
base revision is checked out into a temporary git worktree. Prints instructions per pair for
each tree and the ratio. Needs valgrind (Debian package ``valgrind``); about a minute per tree.
Instructions are not seconds (cache misses and branch mispredictions are not counted), but the
regex engine and the interpreter dominate this workload and their instruction counts track time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def harness(tsv: str, pairs: int, flag_dir: str) -> None:
    """Run inside valgrind: warm up, signal, wait, check the measured pairs, signal, wait."""
    from corpus_tools.checks import make_checker

    rows = []
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            src, _, tgt = line.rstrip("\n").partition("\t")
            rows.append((src, tgt))
            if len(rows) >= 2 * pairs:
                break
    checker = make_checker("en", "fr")
    for src, tgt in rows[:pairs]:
        checker.check_pair(src, tgt)
    flags = Path(flag_dir)
    (flags / "ready").touch()
    while not (flags / "go").exists():
        time.sleep(0.05)
    for src, tgt in rows[pairs:]:
        checker.check_pair(src, tgt)
    (flags / "done").touch()
    while not (flags / "stop").exists():
        time.sleep(0.05)


def _wait_for(path: Path, proc: subprocess.Popen[bytes]) -> None:
    while not path.exists():
        if proc.poll() is not None:
            raise SystemExit(f"the harness stopped early (exit {proc.returncode}); see {path.parent / 'log'}")
        time.sleep(0.2)


def measure(tree: Path, tsv: Path, pairs: int, work: Path) -> int:
    """Instructions callgrind counts for ``pairs`` check_pair calls with ``tree`` on the path."""
    work.mkdir(parents=True, exist_ok=True)
    out = work / "callgrind.out"
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
           sys.executable, str(Path(__file__).resolve()), "--harness", str(tsv), str(pairs), str(work)]
    with open(work / "log", "wb") as log:
        proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_for(work / "ready", proc)
            subprocess.run(["callgrind_control", "-i", "on", str(proc.pid)], check=True, capture_output=True)
            (work / "go").touch()
            _wait_for(work / "done", proc)
            subprocess.run(["callgrind_control", "-d", str(proc.pid)], check=True, capture_output=True)
            subprocess.run(["callgrind_control", "-i", "off", str(proc.pid)], check=True, capture_output=True)
            (work / "stop").touch()
            proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
    dumps = sorted(work.glob("callgrind.out.*"))  # the explicit dump; the file at exit counts nothing new
    for line in dumps[0].read_text().splitlines() if dumps else ():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise SystemExit(f"no callgrind summary in {work}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--harness":
        harness(sys.argv[2], int(sys.argv[3]), sys.argv[4])
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", required=True, help="git revision to compare the working tree with")
    ap.add_argument("--pairs", type=int, default=2000, help="pairs to warm up with, then pairs measured")
    args = ap.parse_args()
    for tool in ("valgrind", "callgrind_control"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (Debian package 'valgrind')")
    sys.path.insert(0, str(HERE))
    from bench_corpus import write_tsv

    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        tsv = t / "pairs.tsv"
        write_tsv(tsv, 2 * args.pairs)
        base = t / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            counts = {name: measure(tree, tsv, args.pairs, t / f"run-{name}")
                      for name, tree in (("base", base), ("tree", ROOT))}
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    for name, n in counts.items():
        label = args.base if name == "base" else "working tree"
        print(f"{label}: {n:,} instructions for {args.pairs} pairs = {n / args.pairs:,.0f} per pair")
    print(f"ratio working tree / {args.base}: {counts['tree'] / counts['base']:.3f}")


if __name__ == "__main__":
    main()
