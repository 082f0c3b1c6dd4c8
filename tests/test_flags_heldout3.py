"""Third blind held-out set (tests/data/flags_heldout3: doc7-doc9) scored with the mono checker.

How the set was made: a helper who had not seen the checker's code or data, the earlier held-out
sets, the lexicon test data or the repository history wrote three English news articles in the
seed's style (machine-translated from French, scraped with page furniture) and annotated them in
the seed_gold format, reading only the seed and ../shared/eval/flags; it was committed (2e9988a)
before any checker ran on it (see its README). Topics: a Belgian rail strike (doc7), a Quebec
cheese recall (doc8), a heatwave alert around Lyon (doc9). Measured once, untuned, on the tree at
2e9988a (after lexicon sweeps 10 and 11); nothing was changed to improve the numbers. Do not tune
on this set.

  doc7 (rail strike)  recall 26/37 = 0.703  precision 28/28 = 1.0    trap hits 0
  doc8 (recall)       recall 21/29 = 0.724  precision 21/21 = 1.0    trap hits 0
  doc9 (heatwave)     recall 26/33 = 0.788  precision 28/29 = 0.966  trap hits 1
  total               recall 73/99 = 0.737  precision 77/78 = 0.987  trap hits 1

Recall by category (total): boilerplate 15/15, credit_line 6/6, duplicate_line 3/3,
typography 35/35, inconsistent_style 5/6, calque_or_false_friend 2/9, literal_idiom 2/11,
other 5/14. Page furniture and typography generalise; lexicon-type artifacts on fresh text are
found about one time in four, as on set 2 before it was seen. The 26 misses:
  MT001 'usual offer', 'launched Pierre Lejeune', 'militants', 'specified the MAPAQ',
    'the risk remains weak', 'alert device', 'colleges';
  MT002 'almost at the arrest', 'let ourselves be done', 'on the antenna of the RTBF',
    'the addition is salty', 'by prudence', 'passes before everything', 'under shelter',
    'to be of the greatest vigilance', 'press point';
  MT005 'associated to', 'For all question'; MT006 'one train on three', 'foresees to abolish',
    'did not exclude to requisition', 'deplores Jean-François Ouellet', 'reminds that';
  MT007 'navetteurs', 'makes mal to'; ST001 'Pr Karim Haddad'.
The trap hit: MT001 on 'an eventual return to seasonal temperatures' (the annotator reads
'eventual' there as English 'final').

The floors sit a little under the measured values (scoring as in tests/flag_scoring.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_tools.checks import make_checker
from tests.flag_scoring import check_annotations, score_document, totals

DATA = Path(__file__).resolve().parent / "data" / "flags_heldout3"
DOCS = ("doc7", "doc8", "doc9")

# doc: (recall floor, precision floor, max trap hits)
FLOORS: dict[str, tuple[float, float, int]] = {
    "doc7": (0.65, 0.95, 0),
    "doc8": (0.67, 0.95, 0),
    "doc9": (0.73, 0.93, 1),
}
TOTAL_FLOOR: tuple[float, float, int] = (0.68, 0.95, 1)


@pytest.fixture(scope="module")
def results() -> dict[str, dict]:
    checker = make_checker("en")
    return {doc: score_document(checker, DATA, doc) for doc in DOCS}


@pytest.mark.parametrize("doc", DOCS)
def test_annotation_offsets(doc: str) -> None:
    check_annotations(DATA, doc)


@pytest.mark.parametrize("doc", DOCS)
def test_heldout3_doc(results: dict[str, dict], doc: str) -> None:
    r = results[doc]
    rec, prec, traps = FLOORS[doc]
    msg = json.dumps(r, ensure_ascii=False, indent=1)
    assert r["recall"] >= rec, msg
    assert r["precision"] >= prec, msg
    assert r["trap_hits"] <= traps, msg


def test_heldout3_total(results: dict[str, dict]) -> None:
    recall, precision, traps = totals(results)
    rec, prec, max_traps = TOTAL_FLOOR
    msg = json.dumps(results, ensure_ascii=False, indent=1)
    assert recall >= rec, msg
    assert precision >= prec, msg
    assert traps <= max_traps, msg
