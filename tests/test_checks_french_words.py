"""MT007 on single French words left in English (data/checks/fr_only_words.txt, en_loans.txt)."""

from __future__ import annotations

import pytest

from corpus_tools.checks import make_checker
from corpus_tools.checks.checker import Checker
from corpus_tools.checks.lexicon import data_words


@pytest.fixture(scope="module")
def en() -> Checker:
    return make_checker("en")


def mt007(checker: Checker, text: str) -> list[str]:
    return [f.span or "" for f in checker.check_text(text) if f.code == "MT007"]


# (text, the spans MT007 must report, in order)
FLAGGED = [
    ("Hundreds of frontaliers cross the border to Geneva every morning.", ["frontaliers"]),
    ("The préfecture announced that the fête would go ahead.", ["préfecture"]),
    ("The union called the offer « nettement insuffisante » on Monday.", ["nettement insuffisante"]),
    ("The taux de chômage fell for the third quarter in a row.", ["taux de chômage"]),
    ("Residents complained about the nuisances sonores near the airport.", ["sonores"]),
    ("Two surveillants were suspended, and the proviseur resigned.", ["surveillants", "proviseur"]),
    # a capitalised English word before it is not a French name
    ("Thousands of Belgian cheminots joined the strike.", ["cheminots"]),
    # French article capitalised at the start: not a name either
    ("Le préfet ordered the evacuation of the campsite.", ["préfet"]),
]

CLEAN = [
    # loanwords English uses, and French phrases English has adopted
    "We stopped at the dépanneur for milk before the cégep opened.",
    "The crudités and the apéritif were served on the terrace.",
    "She felt a strong sense of déjà vu, and his joie de vivre was infectious.",
    "The café sold croissants and the chef cooked a ratatouille.",
    # French names: capitalised words, and their lowercase parts after a French word or 'de'
    "The Caisse de dépôt et placement du Québec bought the stake.",
    "The Parti québécois lost two seats in the Assemblée nationale.",
    "The Fédération autonome de l'enseignement called a strike.",
    # addresses, handles and tags
    "Details are at www.ville.quebec.qc.ca/actualites and from info@mairie-exemple.fr.",
    "Follow @franceinfo and the #canicule tag for updates.",
    # British spellings of English words that are French words too
    "The campaign aims to mobilise volunteers and to stigmatise no one.",
    # English words rare in English text that dictionaries have
    "A cold tramontane blew through the valley.",
]


@pytest.mark.parametrize("text, spans", FLAGGED)
def test_french_words_flagged(en: Checker, text: str, spans: list[str]) -> None:
    assert mt007(en, text) == spans


@pytest.mark.parametrize("text", CLEAN)
def test_english_not_flagged(en: Checker, text: str) -> None:
    assert mt007(en, text) == []


def test_spans_are_offsets_into_the_text(en: Checker) -> None:
    text = "Officials said the  navetteurs waited.\nThe canicule ended on Friday."
    flags = [f for f in en.check_text(text) if f.code == "MT007"]
    assert [(text[f.start:f.end], f.message) for f in flags if f.start is not None and f.end is not None] == [
        ("navetteurs", "untranslated French word 'navetteurs'"),
        ("canicule", "untranslated French word 'canicule'"),
    ]


def test_disable_switches_it_off() -> None:
    checker = make_checker("en", disable=["MT007"])
    assert [f for f in checker.check_text("The navetteurs waited.") if f.code == "MT007"] == []


def test_word_lists() -> None:
    fr_only = data_words("fr_only_words.txt")
    loans = data_words("en_loans.txt")
    assert len(fr_only) > 50_000
    assert all(w == w.lower() and len(w) >= 4 for w in fr_only)
    assert all(w == w.lower() for w in loans)
    # the loanwords only matter where the French list has them; a loan missing there is a typo
    assert sorted(loans - fr_only) == []
    # common English words never appear in the French-only list
    assert fr_only.isdisjoint({"the", "with", "government", "police", "minister", "president", "report"})
