"""Benchmark ``check`` throughput on a large en-fr TSV (default 400,000 pairs).

The input is written to a temporary folder:

* ``--corpus news`` (default): ``scripts/bench_corpus.py``, a varied news bitext (133 sentence
  templates over large pools of names, places and numbers; >99% of pairs distinct, ~40% with
  numbers, a few planted problems), the cost of a real bitext;
* ``--corpus templates``: ten templates that repeat (13% distinct pairs), where the checker's
  cache of recent units helps; kept to compare with earlier measurements.

Then, in the same run:

* baseline: a plain regex scan of the same file (split + digit findall on both sides);
* ``check_pair`` on every unit read with ``corpus_tools.io.read_units``, in one process, and
  with ``--workers`` forked processes;
* the command a user runs, ``corpus-tools check FILE --jobs N -o flags.jsonl`` (reading,
  worker start-up and writing included), with its wall time and peak RSS.

Prints pairs/s for each and the ratio to the baseline. Run:

    python scripts/bench_check.py [--pairs 400000] [--workers 2] [--corpus news|templates]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from multiprocessing import get_context
from pathlib import Path

_FIRST = ["Justin", "Marie", "Pierre", "Sophie", "Jean", "Anne", "Olivier", "Claire", "Luc", "Isabelle"]
_LAST = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné"]
_CITY_EN = [("Montreal", "Montréal"), ("Quebec City", "Québec"), ("London", "Londres"), ("Geneva", "Genève"),
            ("Moscow", "Moscou"), ("Brussels", "Bruxelles"), ("Ottawa", "Ottawa"), ("Toronto", "Toronto")]
_DAYS = [("Monday", "lundi"), ("Tuesday", "mardi"), ("Wednesday", "mercredi"), ("Thursday", "jeudi"),
         ("Friday", "vendredi")]
_TEMPLATES = [
    ("{name} said on {day} that the government would invest ${n},000 in public transit in {city}.",
     "{name} a déclaré {dayfr} que le gouvernement investirait {n} 000 $ dans le transport en commun à {cityfr}."),
    ("About {n} people attended the meeting, which lasted more than two hours.",
     "Environ {n} personnes ont assisté à la réunion, qui a duré plus de deux heures."),
    ("The unemployment rate fell to {d}% in {city}, according to Statistics Canada.",
     "Le taux de chômage a reculé à {dfr} % à {cityfr}, selon Statistique Canada."),
    ("Police arrested {n} suspects after a series of burglaries in the north of the city.",
     "La police a arrêté {n} suspects après une série de cambriolages dans le nord de la ville."),
    ("The minister will present her budget to the National Assembly on {day}.",
     "La ministre présentera son budget à l'Assemblée nationale {dayfr}."),
    ("“We will not accept these cuts,” said {name}, the president of the union.",
     "« Nous n'accepterons pas ces compressions », a déclaré {name}, président du syndicat."),
    ("The hospital in {city} had to postpone {n} surgeries because of the staff shortage.",
     "L'hôpital de {cityfr} a dû reporter {n} opérations en raison de la pénurie de personnel."),
    ("The NATO summit will take place in {city} at 6:30 p.m. on {day}.",
     "Le sommet de l'OTAN aura lieu à {cityfr} {dayfr} à 18 h 30."),
    ("Residents were asked to boil their water until further notice.",
     "Les résidents ont été invités à faire bouillir leur eau jusqu'à nouvel ordre."),
    ("The company reported a profit of {d} million dollars for the third quarter.",
     "L'entreprise a déclaré un bénéfice de {dfr} millions de dollars pour le troisième trimestre."),
]


def make_pairs(n: int, seed: int = 13) -> Iterator[tuple[str, str]]:
    """The ten-template corpus (pairs repeat: about 13% distinct at 400,000)."""
    rng = random.Random(seed)
    for i in range(n):
        en, fr = rng.choice(_TEMPLATES)
        city, cityfr = rng.choice(_CITY_EN)
        day, dayfr = rng.choice(_DAYS)
        num = rng.randint(2, 950)
        dec = f"{rng.randint(1, 19)}.{rng.randint(1, 9)}"
        vals = {"name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", "n": num, "city": city, "cityfr": cityfr,
                "day": day, "dayfr": dayfr, "d": dec, "dfr": dec.replace(".", ",")}
        s, t = en.format(**vals), fr.format(**vals)
        r = rng.random()
        if r < 0.01:
            t = t.replace(str(num), str(num + 1), 1)
        elif r < 0.02:
            t = s
        yield s, t


def write_tsv(path: Path, n: int, corpus: str = "news") -> None:
    if corpus == "news":
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bench_corpus import write_tsv as write_news

        write_news(path, n)
        return
    with path.open("w", encoding="utf-8") as out:
        for s, t in make_pairs(n):
            out.write(f"{s}\t{t}\n")


def baseline(path: Path) -> tuple[int, float]:
    digits = re.compile(r"\d+")
    n = 0
    t0 = time.perf_counter()
    with path.open(encoding="utf-8") as f:
        for line in f:
            s, _, t = line.rstrip("\n").partition("\t")
            if sorted(digits.findall(s)) != sorted(digits.findall(t)):
                pass
            n += 1
    return n, time.perf_counter() - t0


def run_single(path: Path) -> tuple[int, int, float, float]:
    from corpus_tools.checks import make_checker
    from corpus_tools.io import read_units

    checker = make_checker("en", "fr")
    checker.check_pair("warm-up sentence with the langid model", "phrase d'échauffement pour le modèle")
    n = flags = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    for unit in read_units(str(path), "en", "fr"):
        flags += len(checker.check_pair(unit.src, unit.tgt))
        n += 1
    return n, flags, time.perf_counter() - t0, time.process_time() - c0


_WORKER_CHECKER = None


def _init_worker() -> None:
    global _WORKER_CHECKER
    from corpus_tools.checks import make_checker

    _WORKER_CHECKER = make_checker("en", "fr")


def _work(lines: list[str]) -> tuple[int, int]:
    assert _WORKER_CHECKER is not None
    flags = 0
    for line in lines:
        s, _, t = line.rstrip("\n").partition("\t")
        flags += len(_WORKER_CHECKER.check_pair(s, t))
    return len(lines), flags


def _chunks(path: Path, size: int) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as f:
        buf: list[str] = []
        for line in f:
            buf.append(line)
            if len(buf) == size:
                yield buf
                buf = []
        if buf:
            yield buf


def _child_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_parallel(path: Path, workers: int) -> tuple[int, int, float, float]:
    """Wall time of the checking, and CPU seconds of the workers (start-up included)."""
    n = flags = 0
    c0 = _child_cpu()
    ctx = get_context("fork")
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        pool.map(_work, [["a b c\td e f\n"]] * workers)  # warm the workers
        t0 = time.perf_counter()
        for k, f in pool.imap_unordered(_work, _chunks(path, 2000), chunksize=1):
            n += k
            flags += f
        dt = time.perf_counter() - t0
    return n, flags, dt, _child_cpu() - c0


def run_cli(path: Path, jobs: int, out: Path) -> tuple[int, float, float]:
    """Flags written, wall seconds and peak RSS (MiB, largest process) of the check command."""
    import subprocess

    cmd = [sys.executable, "-m", "corpus_tools", "check", str(path), "--src-lang", "en", "--tgt-lang", "fr",
           "--jobs", str(jobs), "-o", str(out)]
    # a small wrapper process reports the peak RSS of the command and its workers alone (this
    # process and the pool it forked are far larger than the command)
    wrapper = ("import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:]).returncode; "
               "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", wrapper, *cmd], cwd=Path(__file__).resolve().parents[1],
                          check=False, stdout=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    rc, kib = (int(x) for x in done.stdout.split()[-2:])
    if rc not in (0, 1):
        raise SystemExit(f"corpus-tools check failed with exit code {rc}")
    rss = kib / 1024
    with out.open(encoding="utf-8") as f:
        return sum(1 for _ in f), dt, rss


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=400_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--skip-single", action="store_true", help="only run the parallel measurement")
    ap.add_argument("--corpus", choices=("news", "templates"), default="news",
                    help="news: varied, >99%% distinct pairs (default); templates: ten repeating templates")
    ap.add_argument("--skip-cli", action="store_true", help="do not time the corpus-tools command")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.tsv"
        write_tsv(path, a.pairs, a.corpus)
        nb, tb = baseline(path)
        print(f"baseline regex scan: {nb} pairs in {tb:.2f}s = {nb / tb:,.0f} pairs/s")
        uniq = len({hash(ln) for ln in path.open(encoding="utf-8")})  # hashes: keeps this process small
        print(f"distinct pairs: {uniq} of {nb} ({uniq / nb:.0%}); the checker remembers recent units")
        if not a.skip_single:
            n, flags, dt, cpu = run_single(path)
            print(f"check_pair, 1 process: {n} pairs in {dt:.2f}s = {n / dt:,.0f} pairs/s, {flags} flags, "
                  f"{cpu / n * 1e6:.0f} us CPU/pair; ratio to baseline {(n / dt) / (nb / tb):.3f}")
        if a.workers > 1:
            n, flags, dt, cpu = run_parallel(path, a.workers)
            print(f"check_pair, {a.workers} processes: {n} pairs in {dt:.2f}s = {n / dt:,.0f} pairs/s, "
                  f"{flags} flags, {cpu / n * 1e6:.0f} us worker CPU/pair (start-up included); "
                  f"ratio to baseline {(n / dt) / (nb / tb):.3f}")
        if not a.skip_cli:
            n_cli, dt, rss = run_cli(path, a.workers, Path(tmp) / "flags.jsonl")
            print(f"corpus-tools check --jobs {a.workers}: {nb} pairs in {dt:.2f}s = {nb / dt:,.0f} pairs/s, "
                  f"{n_cli} flags, peak RSS {rss:.0f} MiB (largest of the command's processes); ratio to baseline "
                  f"{(nb / dt) / (nb / tb):.3f}")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: main {self_rss:.0f} MiB, largest worker {child_rss:.0f} MiB; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
