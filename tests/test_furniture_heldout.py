"""Generalisation of page-furniture detection to pages the patterns were not written from.

``tests/data/furniture_heldout/furniture.txt`` holds furniture lines (``CODE<TAB>line``) in
the styles of many English and French news sites and the machine translations of French
furniture; ``body.txt`` holds article sentences and subheadings that share their words. Both
were written independently of the seed document. Each line is checked alone as a document
(``check_text``, the path of ``corpus-tools check``) and as the source of a unit
(``check_pair``, the path of ``prepare``).

The cleaner (``corpus-tools clean``) reads its own pattern files; the same lines measure it.

Round 1 (``furniture.txt``, ``body.txt``, 204 + 170 lines), measured before the furniture
data was extended (2026-11-28): checker recall 0.529 (108/204), cleaner recall 0.461
(94/204), no body line flagged by either. After general shapes were added with round 1 in
view: checker 0.995 (203/204; the miss, a bare Guardian byline 'Name in City', is too close
to a headline), cleaner 0.995, no body line flagged.

Round 2 (``*_round2.txt``, 117 + 78 lines from other sites) was written after that and
measured before any further change: checker recall 0.393 (46/117), cleaner 0.359 (42/117), one body
line flagged by the checker (an old 'Sponsored by ...' pattern) -- the patterns written
from round 1 generalised poorly to bare widget labels, French widgets and 'Outlet with AFP'
bylines. After 10 more general shapes (bylines of an outlet with agencies, bracketed and
initialled wire credits, credit labels, French widget labels and their MT, French paywall and
reaction prompts, inbox pitches, membership and sponsor notes, reading tools, site notices):
round 2 checker recall 0.966 (113/117), both rounds 0.984 (316/321), no body line flagged;
the misses are site-specific slogans ('Before it's here, it's on the Bloomberg Terminal').
The cleaner, given the same shapes: round 2 0.359 -> 0.966, both rounds 0.984, no body line.
Code agreement 312/316.

Round 3 (``*_round3.txt``, 84 + 56 lines from still other sites), written after round 2's
changes and measured before any further change: checker recall 0.488 (41/84), cleaner 0.452,
no body line flagged by the checker, one removed by the cleaner (an old 'connectez-vous'
pattern). Unseen furniture is thus found about half the time by patterns written from other
sites; each round's own misses are mostly general shapes (actions on the article, account
chrome, paywall notes, unavailable embeds, provenance and tip lines), added after measuring:
round 3 checker recall 0.952 (80/84), all rounds 0.978 (396/405); cleaner round 3 0.940,
all rounds 0.978, no body line removed.
The thresholds sit a little below what both rounds reach now.

Round 4 (``*_round4.txt``, 121 + 71 lines from 34 sites no earlier round used, written by a
helper who did not read the pattern files) was measured against the patterns alone: checker
recall 0.355 (43/121), cleaner 0.298 (36/121), no body line taken. The shape of a reader command
(``corpus_tools.reader_commands``: a few words, no full stop, a verb of page interaction first),
designed on rounds 1-3 before round 4 was written, finds 19 of its lines on its own and adds
11 to the checker (0.446) and 11 to the cleaner (0.388), still with no body line taken; on
rounds 1-3 it finds 80 of 405 lines alone, none of 304 body lines, none of 40,000 bench
sentences and none of 15,500 literary sentences. (The round-4 data commit's own numbers, 0.446
and 0.298, were taken with that rule already in the working tree for the checker.) Round 4 is
kept apart with a floor of its own, so it keeps measuring unseen sites.

A fix pass on round 4 then added general shapes for its misses to both stages (donation appeals
and buttons, trial and plan offers, early-access and editor's-pick notes, tag lists without a
colon, Name/Outlet, chart, 'OUTLET PHOTO: NAME' and 'Photo ABBR' credits, copyright lines with
the holder first, correction, print-edition, republish, disclosure and funding notes, academic
and reporter bios, browser notices, live-blog controls, comment counters, French free-access,
paywall, independence and consent notes and their MT, bylines with a role or place, e-mail
addresses alone): checker 0.446 (54/121) -> 0.975 (118/121), cleaner 0.388 (47/121) -> 0.975,
no body line taken, rounds 1-3 unchanged (396/405 each). Left alone: a bare photographer's name
('Greg Nash', indistinguishable from a one-line name), a product name ('Semafor Signals') and a
site's slogan ('Get news that's free, independent and based on evidence.'). Round 4 is no
longer unseen after this pass; its floor now guards the shapes.

Round 5 (``*_round5.txt``, 126 + 71 lines from 20 sites no earlier round used, written blind by
another helper) was measured after round 4's fix pass, and nothing was changed with it in view:
patterns alone 0.405 (51/126) in each stage; with the reader-command shape, checker 0.484
(61/126) and cleaner 0.508 (64/126); no body line taken. That is the honest figure for pages of
sites no pattern was written from: about half of their furniture lines. Round 5 stays unseen,
with a floor just below what it measured.

The statistical furniture model (``corpus_tools.furniture_model``, trained by
``scripts/train_furniture_model.py`` on rounds 1-4 and ``tests/data/furniture_train`` (480 lines
from 41 other sites and 500 article lines, headlines among them), never on round 5) flags the
lines of a document that no pattern takes: round 5, checker on documents, 0.484 (61/126) ->
0.889 (112/126), no body line of any round taken; rounds 1-3 and 4 reach 1.0 (training data).
Units (``check_pair``) keep the patterns alone (0.484 on round 5): a unit is a sentence out of
its page, and the model takes too many short sentences of dialogue or subtitles for furniture
(7% of the short TransRead lines). The cleaner flags what the model takes and deletes nothing
more. Documents are checked with a headline before the line, as on a page, since the model
never judges a document's first line.

Round 6 (``*_round6.txt``, 128 + 74 lines from 23 sites no earlier round used, written blind by a
third helper while the model was being built, measured once after it was committed, never
trained on): patterns alone (with the reader-command shape) 0.477 (61/128), with the model 0.875
(112/128); on the 13 sites no training line came from 0.878, on the 10 that the training file
also drew from (other lines) 0.868; cleaner 0.445; no body line taken by either stage.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from corpus_tools.checks import make_checker
from corpus_tools.checks.checker import Checker
from corpus_tools.clean import clean_text
from corpus_tools.clean.patterns import line_key, load_furniture

DATA = Path(__file__).resolve().parent / "data" / "furniture_heldout"
FURNITURE_CODES = frozenset({"BP001", "BP002"})

MIN_RECALL = 0.95
# round 4: written blind to the patterns, then fixed in its own pass (see above)
MIN_ROUND4_RECALL = 0.96
MIN_ROUND4_CLEAN_RECALL = 0.96
# round 5: written blind and never fixed against; the model was not trained on it (see above)
MIN_ROUND5_RECALL = 0.87
MIN_ROUND5_CLEAN_RECALL = 0.49
# round 6: written blind, measured once with the model, never trained or fixed on (see above)
MIN_ROUND6_RECALL = 0.85
MIN_ROUND6_CLEAN_RECALL = 0.42
# share of found lines given the expected code
MIN_CODE_AGREEMENT = 0.95
MIN_CLEAN_RECALL = 0.95


def _furniture(name: str = "furniture.txt") -> list[tuple[str, str]]:
    out = []
    for raw in (DATA / name).read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            code, line = raw.split("\t", 1)
            out.append((code, line))
    return out


def _body(name: str = "body.txt") -> list[str]:
    return [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


# rounds 1-3 (furniture.txt and body.txt, then *_round2.txt and *_round3.txt, each written after
# the previous round's data changes to see whether they generalise) are checked together
ROUND1 = _furniture()
ROUND2 = _furniture("furniture_round2.txt")
ROUND3 = _furniture("furniture_round3.txt")
FURNITURE = ROUND1 + ROUND2 + ROUND3
ROUND4 = _furniture("furniture_round4.txt")
ROUND5 = _furniture("furniture_round5.txt")
ROUND6 = _furniture("furniture_round6.txt")
BODY = (_body() + _body("body_round2.txt") + _body("body_round3.txt") + _body("body_round4.txt")
        + _body("body_round5.txt") + _body("body_round6.txt"))


@pytest.fixture(scope="module")
def checker() -> Checker:
    return make_checker("en", "fr")


_HEADLINE = "Headline of the page\n\n"


def _doc_codes(checker: Checker, line: str) -> set[str]:
    # after a headline, as on a page: the statistical model never judges a document's first line
    doc = _HEADLINE + line + "\n"
    return {f.code for f in checker.check_text(doc) if f.start is not None and f.start >= len(_HEADLINE)} \
        & FURNITURE_CODES


def _segment_codes(checker: Checker, line: str) -> set[str]:
    return {f.code for f in checker.check_pair(line, "Texte.") if f.side == "src"} & FURNITURE_CODES


def test_data_is_well_formed() -> None:
    assert len(ROUND1) >= 150 and len(ROUND2) >= 100 and len(ROUND3) >= 80 and len(BODY) >= 250
    assert {c for c, _ in FURNITURE} <= FURNITURE_CODES
    every = FURNITURE + ROUND4 + ROUND5 + ROUND6
    assert len({ln for _, ln in every}) == len(every), "duplicate furniture line"
    assert not {ln for _, ln in every} & set(BODY)
    assert len(ROUND4) >= 100 and len(ROUND5) >= 100 and len(ROUND6) >= 100
    assert {c for c, _ in ROUND4 + ROUND5 + ROUND6} <= FURNITURE_CODES
    # the furniture model's own training lines stay out of the rounds it is measured on
    train = DATA.parent / "furniture_train"
    trained = {ln.split("\t")[-1].strip().lower() for name in ("furniture_train.txt", "body_train.txt")
               for ln in (train / name).read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")}
    unseen = [ln for _, ln in ROUND5 + ROUND6] + _body("body_round5.txt") + _body("body_round6.txt")
    assert not trained & {ln.strip().lower() for ln in unseen}


@pytest.mark.parametrize(("rows", "floor", "clean_floor"), [
    (ROUND4, MIN_ROUND4_RECALL, MIN_ROUND4_CLEAN_RECALL),
    (ROUND5, MIN_ROUND5_RECALL, MIN_ROUND5_CLEAN_RECALL),
    (ROUND6, MIN_ROUND6_RECALL, MIN_ROUND6_CLEAN_RECALL),
], ids=["round4", "round5", "round6"])
def test_rounds_kept_apart(checker: Checker, rows: list[tuple[str, str]], floor: float,
                           clean_floor: float) -> None:
    found = sum(bool(_doc_codes(checker, line)) for _c, line in rows) / len(rows)
    cleaned = sum(_cleaner_removes(line) for _c, line in rows) / len(rows)
    assert found >= floor, found
    assert cleaned >= clean_floor, cleaned


def test_furniture_recall_on_unseen_sites(checker: Checker) -> None:
    found = [(code, line, _doc_codes(checker, line)) for code, line in FURNITURE]
    hits = [(code, got) for code, _line, got in found if got]
    missed = [line for _code, line, got in found if not got]
    recall = len(hits) / len(FURNITURE)
    agree = sum(code in got for code, got in hits) / max(1, len(hits))
    assert recall >= MIN_RECALL, f"recall {recall:.3f} ({len(hits)}/{len(FURNITURE)}); missed: {missed}"
    assert agree >= MIN_CODE_AGREEMENT, f"code agreement {agree:.3f}"


def test_segments_find_the_same_furniture_as_documents(checker: Checker) -> None:
    # units skip long full-stop sentences before matching: they may find less, never more
    doc = sum(bool(_doc_codes(checker, line)) for _c, line in FURNITURE)
    seg = sum(bool(_segment_codes(checker, line)) for _c, line in FURNITURE)
    assert seg >= doc - 12, (seg, doc)


@pytest.mark.parametrize("line", BODY)
def test_body_sentence_is_not_furniture(checker: Checker, line: str) -> None:
    assert not _doc_codes(checker, line), f"article text taken for furniture: {line!r}"
    assert not _segment_codes(checker, line), f"article sentence taken for furniture: {line!r}"


def _cleaner_removes(line: str) -> bool:
    furniture = load_furniture()
    if furniture.boilerplate_match(line_key(line)) is not None or furniture.credit_match(line) is not None:
        return True
    # the cleaner's other whole-line rule, on the line as it would come after a page's headline
    doc = f"Headline of the page\n\n{line}\n"
    return any(e.rule == "boilerplate" and e.original.strip() == line.strip() for e in clean_text(doc).edits)


def test_cleaner_recall_on_unseen_sites() -> None:
    missed = [line for _code, line in FURNITURE if not _cleaner_removes(line)]
    recall = 1 - len(missed) / len(FURNITURE)
    assert recall >= MIN_CLEAN_RECALL, f"cleaner recall {recall:.3f}; missed: {missed}"


def test_cleaner_keeps_body_sentences() -> None:
    removed = [line for line in BODY if _cleaner_removes(line)]
    assert removed == []


def test_body_sentences_are_distinct_from_furniture() -> None:
    assert len(set(BODY)) == len(BODY)


# Lines of up to 400 characters (the checker's furniture limit) built to make the furniture
# patterns backtrack: long runs of names, numbers, dates, slashes and commas.
_HOSTILE = ["A " * 199, "Aa/" * 133, "Ab Cd/" * 66, "By " + "Jane " * 79, "Jane Doe, " * 40, "1 " * 199,
            "Published " + "12 " * 130, "Published " + "12" * 130, "Updated " + "Mar 12 " * 50,
            "x," * 195 + "click here", "Reporting by " + "Jane Doe and " * 30, "Copyright 2024 " + "a" * 380,
            "Listen " * 57, "CNN’s Jane " * 36, "Photo archives " + "Ab " * 128, "Mar 12 " * 57,
            "the " * 99 + "contributed to this report", "Written by " + "Jane " * 60 + ", x", "Published · " * 30]


def test_furniture_patterns_do_not_backtrack(checker: Checker) -> None:
    from corpus_tools.checks.data import load_check_data

    entries = load_check_data().boilerplate.entries
    slow = []
    for entry in entries:
        for line in _HOSTILE:
            t0 = time.perf_counter()
            entry.pattern.fullmatch(line[:400])
            elapsed = time.perf_counter() - t0
            if elapsed > 0.005:
                slow.append((entry.source, line[:30], round(elapsed * 1000, 1)))
    assert slow == []


def test_bylines_and_wire_credits_do_not_make_captions(checker: Checker) -> None:
    # the line above a photo credit is a caption; above a byline or a wire credit it is a
    # standfirst or the last paragraph
    page = ("Pension reform passes\n\nThe bill was adopted after weeks of protests.\n\nBy Jane Doe, Staff reporter\n\n"
            "Protesters march in Paris on March 7.\n\nPhoto: Ludovic Marin / AFP\n\n"
            "Unions called for new strikes.\n\nReporting by John Irish; Editing by Alex Richardson\n\n"
            "The last paragraph.\n\nWith AFP\n")
    captions = [f.span for f in checker.check_text(page) if f.code == "BP003"]
    assert captions == ["Protesters march in Paris on March 7."]
