"""How fast report.html opens for a large corpus, against a naive static page of the same units.

Generates a synthetic output folder (default 50,000 units, seeded), writes report.html,
and opens it in headless Chromium (DevTools protocol over a pipe). "Open" is the time from
the navigate command to the page's ready signal (first page rendered and painted). The
baseline is the obvious alternative: every unit as a row of one static HTML table.

    python scripts/bench_report.py [--units 50000] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import html
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from corpus_tools.report import write_report
from corpus_tools.report._cdp import CHROMIUM, Browser, CDPError

WORDS_EN = ("the summit leaders climate trade talks agreement minister Geneva said on Monday that "
            "government would new policy economic growth year countries security council").split()
WORDS_FR = ("le sommet dirigeants climat commerce pourparlers accord ministre Genève a déclaré lundi que "
            "gouvernement nouvelle politique croissance économique année pays sécurité conseil").split()
CODES = (("MT001", "major", "tgt"), ("AL002", "critical", "tgt"), ("LEN01", "minor", None),
         ("TERM1", "minor", "src"), ("NUM01", "major", "tgt"), ("PUN01", "info", "tgt"))


def sentence(rng: random.Random, words: tuple[str, ...] | list[str]) -> str:
    n = rng.randint(6, 32)
    s = " ".join(rng.choice(words) for _ in range(n))
    return s[0].upper() + s[1:] + rng.choice((".", ".", ".", "?", "!"))


def make_outdir(path: Path, n: int, seed: int = 13) -> Path:
    """A synthetic `prepare` output folder: corpus.jsonl, flags.jsonl, rejects.tsv, run.json."""
    rng = random.Random(seed)
    path.mkdir(parents=True, exist_ok=True)
    with open(path / "corpus.jsonl", "w", encoding="utf-8") as cf, \
            open(path / "flags.jsonl", "w", encoding="utf-8") as ff:
        for i in range(n):
            doc = f"doc{i // 250:04d}.txt"
            src, tgt = sentence(rng, WORDS_EN), sentence(rng, WORDS_FR)
            score = None if rng.random() < 0.03 else round(rng.betavariate(5, 1.5), 4)
            flags = []
            if rng.random() < 0.3:
                for code, sev, side in rng.sample(CODES, rng.randint(1, 2)):
                    f = {"code": code, "category": "qa", "severity": sev, "message": f"{code} finding",
                         "unit_id": f"u{i}", "doc": doc}
                    if side:
                        text = src if side == "src" else tgt
                        a = rng.randrange(0, max(1, len(text) - 8))
                        f.update(side=side, start=a, end=a + rng.randint(3, 8))
                    flags.append(f)
            machine = rng.random() < 0.2
            cf.write(json.dumps({"id": f"u{i}", "translation": {"en": src, "fr": tgt}, "score": score,
                                 "origin": "machine" if machine else "human",
                                 "model": "opus-mt-en-fr" if machine else None, "doc": doc,
                                 "flags": sorted({f["code"] for f in flags}), "note": None,
                                 "src_ids": str(i % 250), "tgt_ids": str(i % 250)}, ensure_ascii=False) + "\n")
            for f in flags:
                ff.write(json.dumps(f, ensure_ascii=False) + "\n")
            if i % 25 == 0:
                ff.write(json.dumps({"code": "CL001", "category": "cleaning", "severity": "info",
                                     "message": "page furniture removed", "span": f"Page {i // 25}\n",
                                     "suggestion": "", "start": i * 40, "end": i * 40 + 8, "auto_fixed": True,
                                     "doc": doc}) + "\n")
    with open(path / "rejects.tsv", "w", encoding="utf-8") as rf:
        rf.write("doc\tside\tindex\treason\ttext\n")
        for i in range(n // 50):
            rf.write(f"doc{i % 200:04d}.txt\tsrc\t{i}\tunaligned: no counterpart\t{sentence(rng, WORDS_EN)}\n")
    (path / "run.json").write_text(json.dumps({
        "tool": "corpus-tools", "version": "bench", "src_lang": "en", "tgt_lang": "fr",
        "signature": {"bench": "synthetic", "seed": str(seed)}, "counts": {"units": n}}), encoding="utf-8")
    return path


def naive_page(outdir: Path, out: Path) -> Path:
    """The baseline: one static table with every unit (what a simple exporter would write)."""
    with open(out, "w", encoding="utf-8") as f, open(outdir / "corpus.jsonl", encoding="utf-8") as cf:
        f.write("<!DOCTYPE html><html><head><meta charset='utf-8'><title>naive</title></head><body><table>")
        for line in cf:
            o = json.loads(line)
            src, tgt = list(o["translation"].values())
            f.write(f"<tr data-unit-id='{html.escape(o['id'])}'><td>{html.escape(src)}</td>"
                    f"<td>{html.escape(tgt)}</td><td>{o['score']}</td><td>{' '.join(o['flags'])}</td></tr>")
        f.write("</table></body></html>")
    return out


PAINTED = "new Promise(r => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))"


def open_times(page: Path, repeat: int, ours: bool, timeout: float = 60) -> tuple[list[float], list[float]]:
    """Wall seconds (navigate -> ready) and in-page ms (navigation start -> ready) per run."""
    wall, inpage = [], []
    for _ in range(repeat):
        with Browser(timeout=timeout) as b:  # a fresh browser each time: no cache, no warm JIT
            b.open("/dev/null", wait_ready=False)
            t0 = time.perf_counter()
            b.open(page, wait_ready=False)
            ms = b.eval("window.__reportReady" if ours else PAINTED, await_promise=True)
            wall.append(time.perf_counter() - t0)
            inpage.append(float(ms))
            if ours:
                open_times.last_timings = b.eval("window.__reportTimings")  # type: ignore[attr-defined]
                shown = b.eval("document.querySelectorAll('[data-unit-id]').length")
                assert shown > 0 and b.eval("document.documentElement.getAttribute('data-error')") is None
    return wall, inpage


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline-timeout", type=float, default=60.0)
    ap.add_argument("--keep", type=Path, default=None, help="write the folder here instead of a temp dir")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install -y chromium")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        outdir = make_outdir(args.keep or Path(tmp) / "out", args.units)
        t0 = time.perf_counter()
        page = write_report(outdir)
        t_write = time.perf_counter() - t0
        naive = naive_page(outdir, Path(tmp) / "naive.html")
        ours_wall, ours_in = open_times(page, args.repeat, True)
        try:
            base_wall, base_in = open_times(naive, 1, False, timeout=args.baseline_timeout)
        except CDPError:  # the naive page did not finish loading in time
            base_wall = base_in = [float("inf")]
        # Everything on one page ("all"): how long until all rows are in the DOM.
        with Browser() as b:
            b.open(page)
            t1 = time.perf_counter()
            b.eval("var s=document.getElementById('f-size'); s.value='0'; s.dispatchEvent(new Event('change'))")
            while not b.eval("document.getElementById('units').hasAttribute('data-complete')"):
                time.sleep(0.1)
            t_all = time.perf_counter() - t1
            assert b.eval("document.querySelectorAll('article[data-unit-id]').length") == args.units
        mb = page.stat().st_size / 1e6
        print(f"units: {args.units:,}; report.html {mb:.1f} MB written in {t_write:.2f} s")
        print(f"report.html opens (navigate -> first page painted), median of {args.repeat}: "
              f"{statistics.median(ours_wall):.2f} s wall, {statistics.median(ours_in) / 1000:.2f} s in page")
        stages = open_times.last_timings  # type: ignore[attr-defined]
        print("  last run, ms since navigation start: " + ", ".join(f"{k} {v:.0f}" for k, v in stages.items()))
        if base_wall[0] == float("inf"):
            print(f"naive static table, same units: not loaded after {args.baseline_timeout:.0f} s")
        else:
            print(f"naive static table, same units (1 run): "
                  f"{base_wall[0]:.2f} s wall, {base_in[0] / 1000:.2f} s in page")
        print(f"ratio report/naive (wall): {statistics.median(ours_wall) / statistics.median(base_wall):.2f}")
        print(f"all {args.units:,} rows in the DOM ('per page: all'): {t_all:.2f} s after opening")
        print("target: under 2 s to open:", "met" if statistics.median(ours_wall) < 2 else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
