#!/usr/bin/env python3
"""How ``convert``, ``check`` and ``prepare`` scale: time and peak memory at 1x and 10x input.

Each command runs as a child process; its wall time, CPU time (user + system) and peak
resident memory come from ``os.wait4`` (the largest process for ``prepare``'s worker pool).
CPU time is printed next to wall time because a busy machine stretches the latter.

Baselines in the same run: ``convert`` against the previous TMX writer (an lxml element per
unit through ``etree.xmlfile``), and the ``prepare`` rerun against the first run.

    python scripts/bench_scale.py                     # 400,000 and 4,000,000 pairs; 24 and 240 documents
    python scripts/bench_scale.py --pairs 40000 --check-pairs 5000 --docs 12   # quick
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "samples"

_EN = ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "it", "at", "from", "his", "an", "were", "are", "which", "this", "be", "has", "had", "not", "but", "or", "they", "their", "one", "been", "new", "more", "its", "also", "after", "first", "who", "two", "other", "council", "summit", "water"]
_FR = ["le", "la", "les", "de", "des", "du", "et", "à", "en", "un", "une", "est", "que", "pour", "sur", "avec", "comme", "était", "par", "il", "au", "dans", "son", "ont", "sont", "qui", "ce", "être", "a", "pas", "mais", "ou", "ils", "leur", "été", "plus", "aussi", "après", "premier", "deux", "autre", "conseil", "sommet", "eau"]


def make_tsv(path: Path, pairs: int, base: Path | None = None) -> None:
    """``pairs`` synthetic sentence pairs; built by repeating ``base`` when it divides evenly."""
    if path.exists():
        return
    if base is not None and base.exists():
        with open(base, "rb") as f:
            base_lines = sum(1 for _ in f)
        if base_lines and pairs % base_lines == 0:
            with open(path, "wb") as out:
                for _ in range(pairs // base_lines):
                    with open(base, "rb") as f:
                        shutil.copyfileobj(f, out, 1 << 22)
            return
    rng = random.Random(0)
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(pairs):
            n = rng.randint(8, 30)
            s = " ".join(rng.choices(_EN, k=n)).capitalize()
            t = " ".join(rng.choices(_FR, k=n + 2)).capitalize()
            f.write(f"{s}.\t{t}.\n")


def make_documents(root: Path, n: int) -> tuple[Path, Path]:
    """``n`` document pairs cut from the Geneva sample (windows of four paragraphs)."""
    src, tgt = root / f"docs{n}" / "en", root / f"docs{n}" / "fr"
    if src.is_dir():
        return src, tgt
    sys.path.insert(0, str(REPO))
    from corpus_tools.io.text import read_text, split_paragraphs

    en = [p.text for p in split_paragraphs(read_text(SAMPLES / "geneva-summit.en.txt"))]
    fr = [p.text for p in split_paragraphs(read_text(SAMPLES / "geneva-summit.fr.txt"))]
    windows = min(len(en), len(fr)) - 3
    src.mkdir(parents=True)
    tgt.mkdir(parents=True)
    for d in range(n):
        k = d % windows
        (src / f"doc{d:05d}.txt").write_text("\n\n".join(en[k:k + 4]) + "\n", encoding="utf-8")
        (tgt / f"doc{d:05d}.txt").write_text("\n\n".join(fr[k:k + 4]) + "\n", encoding="utf-8")
    return src, tgt


def measure(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float, float, int]:
    """Run ``cmd``; return (wall s, cpu s, peak RSS MB, exit status)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def _baseline_convert(src: str, dst: str) -> None:
    """The TMX writer before it was made fast: ``unit_to_element`` per unit through ``xmlfile``."""
    from lxml import etree

    from corpus_tools import __version__
    from corpus_tools.io import read_units
    from corpus_tools.io.tmx import tmx_date, tmx_lang, unit_to_element

    with open(dst, "wb") as out, etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_declaration()
        xf.write_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
        with xf.element("tmx", version="1.4"):
            xf.write(etree.Element("header", {
                "creationtool": "corpus-tools", "creationtoolversion": __version__, "segtype": "sentence",
                "o-tmf": "corpus-tools", "adminlang": "en", "srclang": tmx_lang("en"),
                "datatype": "plaintext", "creationdate": tmx_date()}), pretty_print=True)
            with xf.element("body"):
                for unit in read_units(src, "en", "fr"):
                    xf.write(unit_to_element(unit, unit.id, "en", "fr"), pretty_print=True)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, int, float, float, float]] = []
        print(f"{'step':<28}{'scale':>6}{'items':>11}{'wall s':>9}{'cpu s':>9}{'items/s wall':>14}"
              f"{'items/s cpu':>13}{'peak MB':>9}", flush=True)

    def add(self, step: str, scale: str, items: int, wall: float, cpu: float, rss: float) -> None:
        self.rows.append((step, scale, items, wall, cpu, rss))
        print(f"{step:<28}{scale:>6}{items:>11,}{wall:>9.2f}{cpu:>9.2f}{items / wall:>14,.0f}"
              f"{items / max(cpu, 1e-9):>13,.0f}{rss:>9.0f}", flush=True)

    def growth(self) -> None:
        print("\ncost growth 10x / 1x (10 = linear time; 1 = flat memory)")
        by = {(r[0], r[1]): r for r in self.rows}
        for (step, scale), r in by.items():
            if scale == "1x" and (step, "10x") in by:
                r10 = by[(step, "10x")]
                print(f"  {step:<26} wall x{r10[3] / r[3]:5.1f}   cpu x{r10[4] / max(r[4], 1e-9):5.1f}   "
                      f"peak memory x{r10[5] / r[5]:4.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=400_000, help="convert input at 1x (default 400,000)")
    ap.add_argument("--check-pairs", type=int, default=20_000, help="check input at 1x (default 20,000)")
    ap.add_argument("--docs", type=int, default=24, help="prepare documents at 1x (default 24)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--prepare-args", default="--method lexical",
                    help="extra prepare options (default: the lexical aligner, no model download)")
    ap.add_argument("--only", default="convert,check,prepare")
    ap.add_argument("--workdir", help="keep inputs here between runs (default: a temporary folder)")
    ap.add_argument("--baseline-convert", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.baseline_convert:
        _baseline_convert(*args.baseline_convert)
        return 0
    only = set(args.only.split(","))
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    cli = [sys.executable, "-m", "corpus_tools"]
    print(f"# bench_scale: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, work in {work}")
    table = Table()
    try:
        if "convert" in only:
            for scale in (1, 10):
                n = args.pairs * scale
                tsv = work / f"pairs{n}.tsv"
                make_tsv(tsv, n, base=work / f"pairs{args.pairs}.tsv")
                wall, cpu, rss, rc = measure([*cli, "convert", str(tsv), str(work / "out.tmx"),
                                              "--src-lang", "en", "--tgt-lang", "fr"], env)
                table.add("convert tsv->tmx" + ("" if rc == 0 else " FAILED"), f"{scale}x", n, wall, cpu, rss)
                (work / "out.tmx").unlink(missing_ok=True)
                if scale == 1:
                    wall_b, cpu_b, rss_b, _ = measure([sys.executable, __file__, "--baseline-convert", str(tsv),
                                                       str(work / "base.tmx")], env)
                    table.add("  baseline: lxml per <tu>", "1x", n, wall_b, cpu_b, rss_b)
                    print(f"  -> convert is x{cpu_b / cpu:.1f} faster (cpu) than the lxml element writer")
                    (work / "base.tmx").unlink(missing_ok=True)
        if "check" in only:
            for scale in (1, 10):
                n = args.check_pairs * scale
                tsv = work / f"pairs{n}.tsv"
                make_tsv(tsv, n, base=work / f"pairs{args.check_pairs}.tsv")
                wall, cpu, rss, rc = measure([*cli, "check", str(tsv), "--src-lang", "en", "--tgt-lang", "fr",
                                              "-o", str(work / "flags.jsonl")], env)
                table.add("check tsv" + ("" if rc in (0, 1) else " FAILED"), f"{scale}x", n, wall, cpu, rss)
        if "prepare" in only:
            for scale in (1, 10):
                n = args.docs * scale
                src, tgt = make_documents(work, n)
                out = work / f"prepared{n}"
                shutil.rmtree(out, ignore_errors=True)
                cmd = [*cli, "prepare", str(src), str(tgt), "-o", str(out), "--src-lang", "en", "--tgt-lang",
                       "fr", "--jobs", str(args.jobs), "--quiet", *args.prepare_args.split()]
                wall, cpu, rss, rc = measure(cmd, env)
                table.add(f"prepare --jobs {args.jobs}" + ("" if rc == 0 else " FAILED"), f"{scale}x", n,
                          wall, cpu, rss)
                wall_r, cpu_r, rss_r, _ = measure(cmd, env)
                table.add("  rerun on finished output", f"{scale}x", n, wall_r, cpu_r, rss_r)
                print(f"  -> the rerun takes {100 * wall_r / wall:.0f}% of the first run's time")
        table.growth()
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
