"""Unit-level precision: clean sentence pairs from faithful translations must not be flagged.

Each class below was a false positive seen on ``prepare`` output (a unit is one sentence of a
human-translated article); each has a negative case showing the check still fires.
"""

from __future__ import annotations

import pytest

from corpus_tools.checks import make_checker


@pytest.fixture(scope="module")
def en_fr():  # type: ignore[no-untyped-def]
    return make_checker("en", "fr")


CLEAN = [
    # acronyms rendered by a translated form or an adjective
    ("acronym-adjective", "He chats with US President Joe Biden.", "Il discute avec le président américain, Joe Biden."),
    ("acronym-adjective", "Russian nationals in US prisons.", "Des ressortissants russes détenus dans des prisons américaines."),
    ("acronym-name", "The US said no to the plan.", "Les États-Unis ont dit non au plan."),
    ("acronym-abbrev", "The US said no to the plan.", "Les É.-U. ont dit non au plan."),
    ("acronym-adjective", "The UK government will respond.", "Le gouvernement britannique répondra."),
    ("acronym-adjective", "EU ministers met on Monday.", "Les ministres européens se sont réunis lundi."),
    ("acronym-translated", "EU ministers met on Monday.", "Les ministres de l'UE se sont réunis lundi."),
    ("acronym-adjective", "The UN agencies sent aid.", "Les agences onusiennes ont envoyé de l'aide."),
    ("acronym-translated", "NATO allies met in Brussels.", "Les alliés de l'OTAN se sont réunis à Bruxelles."),
    # a country noun used as a modifier becomes an adjective in French
    ("country-adjective", "During the US-Russia summit in Geneva.", "Lors du sommet américano-russe à Genève."),
    ("country-adjective", "The Germany-France treaty was signed by Mr Scholz.",
     "Le traité franco-allemand a été signé par M. Scholz."),
    # a state code after a city name is often dropped
    ("place-qualifier", "The violence on Capitol Hill in Washington, DC, shocked many.",
     "Les violences au Capitole, à Washington, ont choqué."),
    # a phrase whose French name differs from the English word inside it
    ("geo-phrase", "The men met on the shores of Lake Geneva on Wednesday.",
     "Les hommes se sont rencontrés sur les rives du lac Léman mercredi."),
    # Roman-numeral centuries
    ("century", "An 18th-century villa on the lake.", "Une villa du XVIIIe siècle au bord du lac."),
    ("century", "The 5th century was violent.", "Le Ve siècle fut violent."),
    # quotations and brackets spanning sentences: the same open/close structure on both sides
    ("quote-spanning-open", "“It’s not about trust.", "« Ce n’est pas une question de confiance."),
    ("quote-spanning-close", "It’s about self-interest and verification,” he said at a press conference.",
     "C’est une question d’intérêt personnel et de vérification », a-t-il affirmé en conférence de presse."),
    ("quote-spanning-nested", "“As that old saying goes, ‘The proof of the pudding is in the eating.’",
     "« Comme le dit le vieil adage, “c’est au pied du mur qu’on voit le maçon”."),
    ("quote-spanning-middle", "He said the two men “generally spoke the same language.",
     "Selon lui, les deux hommes « parlaient généralement le même langage."),
    ("bracket-spanning", "The agency (which was founded in 1990 in Paris.",
     "L'agence (qui a été fondée en 1990 à Paris."),
    ("bracket-spanning", "It closed in 2004.) Nobody knows why.", "Elle a fermé en 2004.) Personne ne sait pourquoi."),
    # numbers: each side read by its own conventions
    ("numbers", "He will invest $5,000 in transit.", "Il investira 5 000 $ dans le transport."),
    ("numbers", "Inflation hit 2.5% and debt 1,250.75 euros.", "L'inflation a atteint 2,5 % et la dette 1 250,75 euros."),
]


@pytest.mark.parametrize("label,src,tgt", CLEAN, ids=[c[0] for c in CLEAN])
def test_clean_pairs_not_flagged(en_fr, label: str, src: str, tgt: str) -> None:  # type: ignore[no-untyped-def]
    flags = [(f.code, f.message) for f in en_fr.check_pair(src, tgt)]
    assert flags == [], label


FLAGGED = [
    ("acronym-wrong-country", "The US said no to the plan.", "La Chine a dit non au plan.", "BI008"),
    ("name-swapped", "Putin met Biden in Geneva on Wednesday.", "Poutine a rencontré Trump à Genève mercredi.", "BI008"),
    ("century-changed", "An 17th-century villa on the lake.", "Une villa du XVIIIe siècle au bord du lac.", "BI006"),
    ("quote-only-target-open", "It’s not about trust.", "« Ce n’est pas une question de confiance.", "BI009"),
    ("quote-only-source-open", "“If Russia is the enemy, what will America support? Mr Putin said.",
     "« Si la Russie est l’ennemi, que soutiendra l’Amérique ? » a demandé M. Poutine.", "BI009"),
    ("bracket-dropped", "The party (which won the election) is ahead.", "Le parti (qui a gagné l'élection est en tête.",
     "BI011"),
    ("number-changed", "He will invest $5,000 in transit.", "Il investira 6 000 $ dans le transport.", "BI006"),
    ("decimal-changed", "Inflation hit 2.5% this year.", "L'inflation a atteint 25 % cette année.", "BI006"),
]


@pytest.mark.parametrize("label,src,tgt,code", FLAGGED, ids=[c[0] for c in FLAGGED])
def test_problem_pairs_still_flagged(en_fr, label: str, src: str, tgt: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert code in [f.code for f in en_fr.check_pair(src, tgt)], label


def test_unit_quote_balance_left_to_documents() -> None:
    """One sentence with an open quotation is normal in a unit; the raw document still gets TY003."""
    en = make_checker("en")
    doc = "He said: “It is not about trust. It is about interests.\n\nThe summit ended.\n"
    assert "TY003" in [f.code for f in en.check_text(doc)]
    assert "TY003" not in [f.code for f in make_checker("en", "fr").check_pair(
        "He said: “It is not about trust.", "Il a dit : « Ce n’est pas une question de confiance.")]


def test_repeated_units_give_equal_flags(en_fr) -> None:  # type: ignore[no-untyped-def]
    """The per-checker memory of recent units returns the same flags, and callers may mutate the list."""
    pair = ("The company cut 1,200 jobs last year.", "L'entreprise a supprimé 1 300 emplois l'an dernier.")
    first = en_fr.check_pair(*pair)
    first.clear()
    again = en_fr.check_pair(*pair)
    assert [f.code for f in again] == ["BI006"]


@pytest.mark.parametrize(("line", "code"), [
    # long furniture lines ending with a full stop: the cheap 'body sentence' gate used to skip them
    ("This article was originally published in French.", "BP001"),
    ("Subscribe to our newsletter to receive the latest news every morning.", "BP001"),
    ("Photo: Adrian Wyld, The Canadian Press.", "BP002"),
    # body sentences with the same cue words stay unflagged
    ("The article published on Monday by the newspaper was shared widely across the country.", None),
    ("A photo of the minister in front of the archives building went viral on Tuesday.", None),
])
def test_unit_furniture_found_by_cue_words(en_fr, line: str, code: str | None) -> None:  # type: ignore[no-untyped-def]
    codes = {f.code for f in en_fr.check_pair(line, "Une phrase française quelconque, assez longue pour être prise au sérieux.")}
    if code is None:
        assert not {c for c in codes if c.startswith("BP")}
    else:
        assert code in codes


def test_disabled_codes_cost_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the lexicon's codes and the furniture codes switched off, neither is searched."""
    from corpus_tools.checks import lexicon as lexicon_module
    from corpus_tools.checks import mono

    def boom(*_a: object, **_k: object) -> None:
        raise AssertionError("searched although disabled")

    checker = make_checker("en", "fr", disable=["MT001", "MT002", "MT003", "MT005", "MT006", "MT008",
                                                "BP001", "BP002"])
    monkeypatch.setattr(lexicon_module.LexiconIndex, "find", boom)
    monkeypatch.setattr(mono.MonoChecker, "_furniture", boom)
    flags = checker.check_pair("Photo: John Smith / AFP. The cybernetic attacks were 7,5 % higher.",
                               "Photo : John Smith / AFP. Les attaques cybernétiques ont augmenté de 7,5 %.")
    assert {f.code for f in flags} >= {"TY008"}  # the other checks still run
    assert not {f.code for f in flags} & {"MT001", "BP001", "BP002"}
    # and with them on, both are searched (the test above would pass vacuously otherwise)
    on = make_checker("en", "fr")
    with pytest.raises(AssertionError, match="searched"):
        on.check_pair("Photo: John Smith / AFP", "Photo : John Smith / AFP")
