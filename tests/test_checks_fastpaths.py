"""Fast paths of the checker give the same answers as the plain code they replace.

* ``LexiconIndex.first_full_match`` (entries without trigger words tried in one alternation)
  against trying every candidate in turn, on every furniture and body line the tests ship;
* ``RecentCache``: bounded, and a hit is the value put;
* BI010's pre-check ``_repeats`` against the plain scan ``repeated_run`` it short-cuts;
* the name and acronym regexes, whose look-behinds come after the first letter, against the
  plain forms.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.checks.bilingual import (
    _ACRONYM,
    _CAPWORD,
    _DEC_COMMA,
    _GROUP_COMMA_LANG,
    _GROUP_EN,
    _TRICKY_NUM,
    RecentCache,
    _repeats,
)
from corpus_tools.checks.data import load_check_data
from corpus_tools.checks.lexicon import LexEntry, LexiconIndex, tokens_lower
from corpus_tools.checks.mono import repeated_run

DATA = Path(__file__).parent / "data"


def _sequential(index: LexiconIndex, line: str) -> LexEntry | None:
    toks = tokens_lower(line)
    for entry in index.candidates(toks):
        if entry.pattern.fullmatch(line):
            return entry
    return None


def _lines() -> list[str]:
    out: list[str] = []
    for folder in ("furniture_train", "furniture_heldout"):
        for path in sorted((DATA / folder).glob("*.txt")):
            out.extend(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip())
    return out


def test_first_full_match_equals_trying_candidates_in_turn() -> None:
    index = load_check_data().boilerplate
    lines = _lines()
    assert len(lines) > 1000
    matched = untriggered = 0
    for line in lines:
        want = _sequential(index, line)
        got = index.first_full_match(line, tokens_lower(line))
        assert got is want, line
        matched += got is not None
        untriggered += got is not None and not got.triggers
    # the comparison is not all None, and the alternation of untriggered entries is exercised
    assert matched > 50 and untriggered > 10


def _entry(pattern: str, required: frozenset[str] = frozenset(), flags: int = re.IGNORECASE) -> LexEntry:
    return LexEntry(code="BP001", french="", pattern=re.compile(pattern, flags), suggestion="", note="", near=None,
                    unless=None, severity=None, triggers=None, source=pattern, required=required)


@pytest.mark.parametrize(("line", "want"), [
    ("share this", 0),             # first alternative
    ("advertisement", 1),          # second
    ("share on facebook", None),   # none matches the whole line
    ("share", 2),                  # first alternative needs 'this': the one after it is the answer
])
def test_first_full_match_keeps_order_and_required_words(line: str, want: int | None) -> None:
    entries = [_entry(r"share(?: this)?", frozenset({"this"})), _entry(r"advert\w+"), _entry(r"(share)")]
    index = LexiconIndex(entries)
    got = index.first_full_match(line, tokens_lower(line))
    assert got is (None if want is None else entries[want])


def test_no_alternation_when_flags_differ_or_back_references() -> None:
    differ = LexiconIndex([_entry("a"), _entry("b", flags=0)])
    backref = LexiconIndex([_entry(r"(a)\1"), _entry("b")])
    assert differ.first_full_match("B", {"b"}) is None  # the case-sensitive entry keeps its flags
    assert differ.first_full_match("A", {"a"}) is differ.entries[0]
    assert backref.first_full_match("aa", {"aa"}) is backref.entries[0]


def test_recent_cache_is_bounded_and_returns_what_was_put() -> None:
    cache: RecentCache[int, tuple[int]] = RecentCache(size=10)
    for i in range(100):
        cache.put(i, (i,))
        assert cache.get(i) == (i,)
        assert len(cache) <= 20
    assert cache.get(99) == (99,)
    assert cache.get(85) == (85,)  # the older generation still answers
    assert cache.get(0) is None  # dropped long ago
    cache.clear()
    assert cache.get(99) is None and len(cache) == 0


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=20))
def test_repeats_precheck_agrees_with_the_scan(toks: list[str]) -> None:
    assert _repeats(toks) == repeated_run(toks, 8, lambda k: 3 if k <= 2 else 2)


_PLAIN_ACRONYM = re.compile(r"\b[A-ZÀ-Ý][A-ZÀ-Ý0-9&]{1,6}\b")
_PLAIN_CAPWORD = re.compile(r"(?<![\w’'-])[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="AbÉé1&-’' .xYZ_", max_size=30))
def test_name_regexes_agree_with_plain_forms(text: str) -> None:
    for fast, plain in ((_ACRONYM, _PLAIN_ACRONYM), (_CAPWORD, _PLAIN_CAPWORD)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


_PLAIN_NUMBER_RXS = (
    (_GROUP_EN, re.compile(r"(?<=\d),(?=\d{3}(?!\d))")),
    (_GROUP_COMMA_LANG, re.compile(r"(?<=\d)[ .\u00A0\u202F](?=\d{3}(?!\d))")),
    (_DEC_COMMA, re.compile(r"(?<=\d),(?=\d)")),
    (_TRICKY_NUM, re.compile(r"\d\s?[hH]\b|\d\s?[ap]\.?m\b", re.IGNORECASE)),
)


@settings(max_examples=5000, deadline=None)
@given(st.text(alphabet="0123456789,. \u00a0\u202fhHapmAPM x\t", max_size=16))
def test_number_regexes_agree_with_plain_forms(text: str) -> None:
    for fast, plain in _PLAIN_NUMBER_RXS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
