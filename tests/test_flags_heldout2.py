"""Second blind held-out set (tests/data/flags_heldout2: doc4-doc6) scored with the mono checker.

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

The floors below sit a little under the measured values; the scorer follows
/work/shared/eval/flags/score.py exactly (overlap >= 1 char; recall over must_flag items; any
overlap with a gold item is a TP; predictions wholly inside a delete_line gold span are neutral;
other predictions are FPs, those overlapping a trap are also trap hits).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_tools.checks import make_checker
from tests.flag_scoring import check_annotations, score_document, totals

DATA = Path(__file__).resolve().parent / "data" / "flags_heldout2"
DOCS = ("doc4", "doc5", "doc6")

# doc: (recall floor, precision floor, max trap hits)
FLOORS: dict[str, tuple[float, float, int]] = {
    "doc4": (0.66, 0.95, 0),
    "doc5": (0.77, 0.95, 0),
    "doc6": (0.65, 0.95, 0),
}
TOTAL_FLOOR: tuple[float, float, int] = (0.70, 0.95, 0)


@pytest.fixture(scope="module")
def results() -> dict[str, dict]:
    checker = make_checker("en")
    return {doc: score_document(checker, DATA, doc) for doc in DOCS}


@pytest.mark.parametrize("doc", DOCS)
def test_annotation_offsets(doc: str) -> None:
    check_annotations(DATA, doc)


@pytest.mark.parametrize("doc", DOCS)
def test_heldout2_doc(results: dict[str, dict], doc: str) -> None:
    r = results[doc]
    rec, prec, traps = FLOORS[doc]
    msg = json.dumps(r, ensure_ascii=False, indent=1)
    assert r["recall"] >= rec, msg
    assert r["precision"] >= prec, msg
    assert r["trap_hits"] <= traps, msg


def test_heldout2_total(results: dict[str, dict]) -> None:
    recall, precision, traps = totals(results)
    rec, prec, max_traps = TOTAL_FLOOR
    msg = json.dumps(results, ensure_ascii=False, indent=1)
    assert recall >= rec, msg
    assert precision >= prec, msg
    assert traps <= max_traps, msg
