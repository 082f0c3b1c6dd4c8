"""The statistical page-furniture model: its weight table, its scoring, and where it applies."""

from __future__ import annotations

import pytest

from corpus_tools.checks import make_checker
from corpus_tools.clean import CleanConfig, clean_text
from corpus_tools.furniture_model import (
    MAX_WORDS,
    FurnitureModel,
    features,
    format_model,
    load_furniture_model,
    parse_model,
)

TINY = FurnitureModel({"w:subscribe": 6.0, "end:.": -2.0}, -3.0, {"w:photo": 4.0}, -2.0, 0.9, "t")


def test_shipped_model_loads_and_is_sane() -> None:
    m = load_furniture_model()
    assert m.version and 0.5 <= m.threshold < 1
    assert len(m.furniture) > 1000 and len(m.credit) > 100
    assert m.furniture["w:subscribe"] > 0


def test_format_and_parse_round_trip() -> None:
    text = format_model(TINY, "a header\n\nsecond line")
    assert text.startswith("# a header\n#\n# second line\n")
    assert parse_model(text) == TINY


@pytest.mark.parametrize(("text", "message"), [
    ("@version\t1\nfurniture\tw:a\n", "line 2"),
    ("@version\t1\nnonsense\tw:a\t1.0\n", "line 2"),
    ("@version\t1\n@threshold\t0.9\n@furniture_bias\t0\n", "missing setting @credit_bias"),
])
def test_parse_errors_name_the_place(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_model(text)


def test_tiny_model_scores_by_its_weights() -> None:
    assert TINY.classify("Subscribe") == "BP001"  # -3 + 6 = 3: p 0.95
    assert TINY.classify("Subscribe photo") == "BP002"
    assert TINY.classify("Subscribe.") is None  # -3 + 6 - 2 = 1: p 0.73 < 0.9
    assert TINY.classify("The council met on Monday") is None
    assert TINY.score("subscribe " * (MAX_WORDS + 1)) == 0.0  # too long to be furniture


@pytest.mark.parametrize(("line", "expected"), [
    ("Share on WhatsApp", {"w:share", "b:share on", "first:share", "last:whatsapp", "n:3", "end:alnum", "caps:2"}),
    ("Updated at 6:45 p.m.", {"digit", "time", "w:<num>", "end:."}),
    ("News | World", {"mark:bar", "w:|"}),
    ("© AFP 2024", {"mark:copy", "upper", "digit"}),
    ("“We will not give up.”", {"start:quote", "end:closer", "end:."}),
])
def test_features(line: str, expected: set[str]) -> None:
    assert expected <= set(features(line))


@pytest.mark.parametrize("line", [
    "Listen to this article · 4 min",
    "Abonnez-vous pour lire la suite",
    "Photo credit: Jean Dupont / Hans Lucas",
    "Audio version available",
    "Video / Channel 9 News",
    "Our podcasts",
])
def test_shipped_model_takes_furniture(line: str) -> None:
    assert load_furniture_model().classify(line) is not None


@pytest.mark.parametrize("line", [
    "Putin and Biden agree to return ambassadors",
    "What happens next",
    "The photographer’s credit card was declined at the border.",
    "“We will not give up,” she said.",
])
def test_shipped_model_leaves_article_text(line: str) -> None:
    assert load_furniture_model().classify(line) is None


# lines the model takes and no pattern names
UNNAMED = ["Audio version available", "Video / Channel 9 News", "Our podcasts"]


@pytest.mark.parametrize("line", UNNAMED)
def test_checker_never_judges_the_headline_by_model(line: str) -> None:
    checker = make_checker("en")
    assert not [f for f in checker.check_text(line + "\n") if f.code.startswith("BP")]
    flags = [f for f in checker.check_text("Summit ends without a deal\n\n" + line + "\n") if f.code.startswith("BP")]
    assert len(flags) == 1 and flags[0].span == line and "statistical model" in flags[0].message


def test_checker_model_off_with_the_codes() -> None:
    doc = f"Summit ends without a deal\n\n{UNNAMED[0]}\n"
    assert [f for f in make_checker("en").check_text(doc) if f.code.startswith("BP")]
    assert not [f for f in make_checker("en", disable=["BP"]).check_text(doc) if f.code.startswith("BP")]


def test_units_are_judged_by_patterns_only() -> None:
    # a unit is a sentence out of its page: the model stays out (dialogue, subtitles, lists)
    checker = make_checker("en", "fr")
    for line in UNNAMED:
        assert not [f for f in checker.check_pair(line, "Texte.") if f.code.startswith("BP")]


def test_cleaner_flags_and_keeps_what_the_model_takes() -> None:
    doc = f"Summit ends without a deal\n\n{UNNAMED[0]}\n\nThe talks lasted four hours.\n"
    res = clean_text(doc)
    assert [p.text for p in res.paragraphs] == ["Summit ends without a deal", UNNAMED[0], "The talks lasted four hours."]
    (flag,) = [f for f in res.flags if f.code.startswith("BP")]
    assert flag.span == UNNAMED[0] and not flag.auto_fixed and "furniture model" in flag.message
    assert doc[flag.start:flag.end] == UNNAMED[0]
    off = clean_text(doc, CleanConfig(disabled=frozenset({"furniture_check"})))
    assert not [f for f in off.flags if f.code.startswith("BP")]
    # never the headline
    assert not [f for f in clean_text(UNNAMED[0] + "\n\nThe talks lasted four hours.\n").flags if f.code.startswith("BP")]
