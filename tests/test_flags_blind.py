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

Contamination (session 10, 2026-11-29): the briefs of lexicon sweeps 12-14 and two checks written
that session (MT007 on single French words, ST002 on names written with and without accents) were
chosen by someone who had read the misses above, and the briefs named several of them among their
examples. Sets 2 and 3 are development sets from then on: after that session set 2 scores 82/99 =
0.828 (doc4 29/38, doc5 32/34, doc6 21/27; precision 1.0, 0 trap hits) and set 3 85/99 = 0.859
(doc7 30/37, doc8 26/29, doc9 29/33; precision 0.989, the one trap hit above). Their floors are
unchanged. Set 4 is the blind measure.

Set 4: tests/data/flags_heldout4 (doc10-doc12)
----------------------------------------------
Fourth blind held-out set, made the same way as set 3 by a helper who read only the seed and
../shared/eval/flags (see its README): a council's flood-protection plan in Belgium (doc10), the
closing of a maternity ward in the canton of Fribourg (doc11), the Ivorian farm-gate cocoa price
(doc12); 144 gold items, 113 must-flag, 35 traps, more MT items than the earlier sets (82 gold
items with MT codes). Committed (4c65a9d) before any checker ran on it. Measured twice and never
tuned on: on the session's starting tree (63309ba), totals only, without reading the misses:

  total  recall 74/113 = 0.655  precision 84/85 = 0.988  trap hits 0

and once on the session's final checker (lexicon sweeps 12-14, MT007 single French words, ST002
accent variants, 2,387 lexicon entries):

  doc10 (flood plan)       recall 32/40 = 0.800  precision 38/39 = 0.974  trap hits 0
  doc11 (maternity ward)   recall 26/41 = 0.634  precision 29/30 = 0.967  trap hits 1
  doc12 (cocoa price)      recall 24/32 = 0.750  precision 29/29 = 1.0    trap hits 0
  total                    recall 82/113 = 0.726 precision 96/98 = 0.980  trap hits 1

The 31 misses (all but one are MT items; doc11 is mostly false friends):
  doc10 MT006 'votes its plan of protection against the floods';
    MT002 'it is not tomorrow the day before', 'cry victory', 'A polemic is nevertheless already
    born around'; MT001 'be terminated', 'launch the public markets'; MT007 'Hall of Fêtes';
    MT005 'live in the fear of';
  doc11 MT002 'A decision that passes badly in the Gruyère'; MT001 'the direction of the HFR',
    'realised last year 612 births', 'the security of the mothers and the newborns',
    'collaborators', 'will be affected to', 'the urgencies of Riaz', 'ensures that', 'no post will
    be suppressed', 'a formation in neonatology', 'for the future mothers', '“sensible”', 'the
    deputy UDC', 'has deposited an urgent motion'; MT007 'syndic';
  doc12 MT001 'the price edge-field passes to', 'the main campaign 2025-2026', 'The price
    edge-field', 'passes from', 'evoked', 'responsible of a cooperative'; MT006 'makes live nearly
    six million people'; TY008 '2 800'.
The trap hit: MT007 on 'maternité' inside the quoted French name of a campaign group
('“Touche pas à ma maternité”'). The other false positive: MT006 on '," summarised the former'
(sweep 12's inversion entry; not annotated).

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
    "flags_heldout4": {"doc10": (0.75, 0.95, 0), "doc11": (0.6, 0.93, 1), "doc12": (0.7, 0.95, 0),
                       "total": (0.7, 0.95, 1)},
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
