"""Benchmark ``check_pair`` throughput on a large synthetic en-fr TSV (default 400,000 pairs).

Writes the TSV to a temporary folder, then in the same process:

* baseline: a plain regex scan of the same file (split + digit findall on both sides);
* check: ``make_checker("en", "fr").check_pair`` on every unit read with
  ``corpus_tools.io.read_units`` (streaming), single process and with ``--workers`` processes.

Prints pairs/s for each, the ratio check/baseline, flags found, and peak RSS (flat memory:
units are streamed, flags are counted and dropped). Run:

    python scripts/bench_check.py [--pairs 400000] [--workers 2]
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


def make_pairs(n: int, seed: int = 13, distinct: bool = False) -> Iterator[tuple[str, str]]:
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
        if distinct:  # every pair unique, so no cache can help: the cost of a real, varied bitext
            s, t = f"{s} (ref. {i})", f"{t} (réf. {i})"
        r = rng.random()
        if r < 0.01:
            t = t.replace(str(num), str(num + 1), 1)
        elif r < 0.02:
            t = s
        yield s, t


def write_tsv(path: Path, n: int, distinct: bool = False) -> None:
    with path.open("w", encoding="utf-8") as out:
        for s, t in make_pairs(n, distinct=distinct):
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=400_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--skip-single", action="store_true", help="only run the parallel measurement")
    ap.add_argument("--distinct", action="store_true",
                    help="make every pair unique (the templates repeat pairs; the checker caches recent units)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.tsv"
        write_tsv(path, a.pairs, a.distinct)
        nb, tb = baseline(path)
        print(f"baseline regex scan: {nb} pairs in {tb:.2f}s = {nb / tb:,.0f} pairs/s")
        uniq = len({ln for ln in path.open(encoding="utf-8")})
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
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: main {self_rss:.0f} MiB, largest worker {child_rss:.0f} MiB; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
