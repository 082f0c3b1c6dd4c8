"""Blind held-out document sets scored with the mono checker (tests/flag_scoring.py follows
/work/shared/eval/flags/score.py). Each set was written and annotated by someone who had not seen
the checker, committed before the checker first ran on it, and measured once; nobody may tune
the checker on these sets. The first set (tests/data/flags_heldout, test_flags_heldout.py) was
tuned on after its first measure and is kept apart.

Set 2: tests/data/flags_heldout2 (doc4-doc6)
--------------------------------------------
Second blind held-out set (tests/data/flags_heldout2: doc4-doc6) scored with the mono checker.

How the set was made: three English news articles in the seed's style (machine-translated from
French, scraped with page furniture) were written and annotated in the seed_gold format without
opening the checker's code or data (corpus_tools/checks, corpus_tools/data/checks) or the earlier
held-out, lexicon-recall and furniture test data, and committed (2c9792c) before the checker was
ever run on them. Topics: an Aude wildfire (doc4), Montreal emergency rooms (doc5), a Toulouse
hydrogen-drone start-up (doc6). They were measured once, untuned, on the tree at
32861e1 (lexicons: sweep 9); nothing was changed to improve the numbers. Do not tune on this set.

Measured (10:35 UTC, `python -m corpus_tools check` + /work/shared/eval/flags/score.py; the
in-process checker below gives the same flags):

  doc4 (wildfire)    recall 27/38 = 0.711  precision 31/31 = 1.0  trap hits 0
  doc5 (Montreal ER) recall 28/34 = 0.824  precision 28/28 = 1.0  trap hits 0
  doc6 (start-up)    recall 19/27 = 0.704  precision 22/22 = 1.0  trap hits 0
  total              recall 74/99 = 0.747  precision 81/81 = 1.0  trap hits 0 (no false positives)

Recall by category (total): boilerplate 27/28, credit_line 5/5, duplicate_line 2/2,
inconsistent_style 6/6, typography 25/26, calque_or_false_friend 2/13, literal_idiom 2/6,
other 5/13. The 25 misses:
  calque_or_false_friend (11, MT001): 'has already travelled' (hectares), 'is not fixed' (fire),
    'a press point', 'tells' (inverted attribution), 'saluted' (courage), 'the most important'
    (= largest), 'relativizes', 'a new point of situation', 'launches' (reporting verb),
    'a fundraising of 45 million euros', 'regrets' (reporting verb);
  literal_idiom (4, MT002): 'On the side of the tourists', 'did not want to comment more',
    'pass the course of the industrialization', 'go out of the ground';
  other (8): MT005 'in reinforcement', 'in sick leave', 'the voice trembling', 'in the next weeks';
    MT006 'tells having lost', 'employs today', 'a too slow regulation';
    MT007 '“nettement insuffisante”' (untranslated French quote);
  boilerplate (1, BP001): sponsored teaser title 'Why thousands of savers are turning to this
    investment in 2025' under a 'SPONSORED' label;
  typography (1, TY008): '6 000' in 'a factory of 6 000 m²'.

Contamination (session 9): the brief for lexicon sweep 11 (structural Gallicisms) was written by
someone who had read the miss list above, and it named several of these misses as examples of
the families to cover ('tells having lost', 'employs today', 'a too slow X', 'the voice
trembling', 'in the next days', inverted 'tells'/'launches'/'regrets'). The helper who wrote the
entries never opened this set, but the examples came from it. After sweeps 10 and 11 the set
scores 81/99 = 0.818 (doc4 29/38, doc5 31/34, doc6 21/27; precision 1.0, 0 trap hits); the 7
items gained are exactly those named in the brief, so the honest blind number stays 74/99 and
this set no longer measures those seven. tests/data/flags_heldout3 is the next blind set.

Its floors sit a little under the values measured at 32861e1; the scorer follows
/work/shared/eval/flags/score.py exactly (overlap >= 1 char; recall over must_flag items; any
overlap with a gold item is a TP; predictions wholly inside a delete_line gold span are neutral;
other predictions are FPs, those overlapping a trap are also trap hits).

Set 3: tests/data/flags_heldout3 (doc7-doc9)
--------------------------------------------
Third blind held-out set (tests/data/flags_heldout3: doc7-doc9) scored with the mono checker.

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

Its floors sit a little under the measured values.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_tools.checks import make_checker
from tests.flag_scoring import check_annotations, score_document, totals

DATA = Path(__file__).resolve().parent / "data"

# set: doc -> (recall floor, precision floor, max trap hits); "total" for the whole set
FLOORS: dict[str, dict[str, tuple[float, float, int]]] = {
    "flags_heldout2": {"doc4": (0.66, 0.95, 0), "doc5": (0.77, 0.95, 0), "doc6": (0.65, 0.95, 0),
                       "total": (0.70, 0.95, 0)},
    "flags_heldout3": {"doc7": (0.65, 0.95, 0), "doc8": (0.67, 0.95, 0), "doc9": (0.73, 0.93, 1),
                       "total": (0.68, 0.95, 1)},
}
DOCS = [(folder, doc) for folder, floors in FLOORS.items() for doc in floors if doc != "total"]


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, dict]]:
    checker = make_checker("en")
    return {folder: {doc: score_document(checker, DATA / folder, doc) for doc in floors if doc != "total"}
            for folder, floors in FLOORS.items()}


@pytest.mark.parametrize("folder, doc", DOCS)
def test_annotation_offsets(folder: str, doc: str) -> None:
    check_annotations(DATA / folder, doc)


def _assert_floor(got: tuple[float, float, int], floor: tuple[float, float, int], detail: object) -> None:
    msg = json.dumps(detail, ensure_ascii=False, indent=1)
    assert got[0] >= floor[0], msg
    assert got[1] >= floor[1], msg
    assert got[2] <= floor[2], msg


@pytest.mark.parametrize("folder, doc", DOCS)
def test_blind_doc(results: dict[str, dict[str, dict]], folder: str, doc: str) -> None:
    r = results[folder][doc]
    _assert_floor((r["recall"], r["precision"], r["trap_hits"]), FLOORS[folder][doc], r)


@pytest.mark.parametrize("folder", list(FLOORS))
def test_blind_set_total(results: dict[str, dict[str, dict]], folder: str) -> None:
    _assert_floor(totals(results[folder]), FLOORS[folder]["total"], results[folder])
