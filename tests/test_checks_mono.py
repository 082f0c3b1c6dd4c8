"""Monolingual checks: table-driven calques that must fire and genuine English that must not."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from corpus_tools.checks import CHECKS, make_checker
from corpus_tools.checks.lexicon import (
    LexiconIndex,
    derive_triggers,
    load_builtin_lexicons,
    parse_lexicon,
    required_groups,
    required_pairs,
    required_words,
    tokens_lower,
)
from corpus_tools.errors import ConfigError, InputError
from tests.test_lexicon_recall import negatives, positives


@pytest.fixture(scope="module")
def en():  # type: ignore[no-untyped-def]
    return make_checker("en")


MUST_FLAG = [
    # (text, code, flagged substring)
    ("Russia has significant cybernetic capabilities.", "MT001", "cybernetic capabilities"),
    ("The hackers launched a cybernetic attack on the hospital.", "MT001", "cybernetic attack"),
    ("The talks were followed by an enlarged rally with ministers and officials.", "MT001", "enlarged rally"),
    ("Applicants must file within a delay of 30 days.", "MT001", "within a delay of"),
    ("The company realized a study on the project last year.", "MT001", "realized a study"),
    ("Car location prices soared this summer.", "MT001", "Car location"),
    ("Much to the deception of the fans, the team lost again.", "MT001", "deception of the fans"),
    ("Investigators still ignore whether the fire was deliberate.", "MT001", "ignore whether"),
    ("Police set up identity controls at the border crossing.", "MT001", "identity controls"),
    ("The minister refuted questions about the contract.", "MT001", "refuted questions"),
    ("He avoided citing him by name.", "MT001", "citing him by name"),
    ("The provisional balance is 12 dead and 40 injured.", "MT001", "provisional balance"),
    ("She will assist to the ceremony in Paris.", "MT001", "assist to the ceremony"),
    ("The opposition deputies voted against the bill in first lecture.", "MT001", "first lecture"),
    ("He was sentenced to a prison pain of five years.", "MT001", "prison pain"),
    ("The Liberal deputy for Outremont resigned.", "MT001", "Liberal deputy"),
    ("The campaign aims to sensitize the public to the risks.", "MT001", "sensitize the public"),
    ("Thousands of manifestants gathered downtown.", "MT001", "manifestants"),
    ("Both sides welcomed a new tentative of mediation.", "MT001", "tentative of"),
    ("The government announced a journey of mobilization for Friday.", "MT001", "journey of mobilization"),
    ("The ferry sank off the coast, at large of Lampedusa.", "MT001", "large of Lampedusa"),
    ("Mr Putin has remained on the same line as Russia since 2015.", "MT002", "remained on the same line as"),
    ("Mr Putin gave no reason on the issue of human rights.", "MT002", "gave no reason on the issue"),
    ("This is not the sea to drink, the coach said.", "MT002", "not the sea to drink"),
    ("The new stadium cost the eyes of the head.", "MT002", "eyes of the head"),
    ("The opposition threw oil on the fire with its remarks.", "MT002", "threw oil on the fire"),
    ("The minister must make face to a growing revolt.", "MT002", "make face to"),
    ("The company is the object of an investigation by the regulator.", "MT002", "object of an investigation"),
    ("He made a storm in a glass of water over the issue.", "MT002", "storm in a glass of water"),
    ("In average, rents rose by 8%.", "MT005", "In average"),
    ("She has worked there since ten years.", "MT006", "since ten years"),
    ("Unions have demanded a raise since months.", "MT006", "since months"),
    ("He explained them that the plan had changed.", "MT006", "explained them that"),
    ("The index rose 1,5 million points.", "TY008", "1,5 million"),
    ("Inflation reached 7,5 % in March.", "TY008", "7,5 %"),
    ("The meeting starts at 18 h 30 in the town hall.", "TY008", "18 h 30"),
    ("Mme Dupont told the court she was innocent.", "ST001", "Mme"),
    ("The study was led by Pr Hélène Caron of the university hospital.", "ST001", "Pr"),
    ("He shouted « enough » at the crowd.", "TY006", "«"),
    ("The crowd chanted slogans. . Police watched.", "TY002", ". ."),
    ("Is this the end ?", "TY001", " ?"),
    ("The result was very very very very disappointing.", "MT009", "very very very very"),
    ("He said that « nous ne lâcherons rien » before leaving.", "MT007", "nous ne lâcherons rien"),
    ("The festival attracted many visitorsÃ© this year.", "TY009", "Ã©"),
    ("Please enter your comment!", "BP001", "Please enter your comment!"),
    ("The story continues below advertisement", "BP001", "The story continues below advertisement"),
    ("Peter Klaunzer/The Associated Press", "BP002", "Peter Klaunzer/The Associated Press"),
]


@pytest.mark.parametrize("text,code,span", MUST_FLAG)
def test_must_flag(en, text: str, code: str, span: str) -> None:  # type: ignore[no-untyped-def]
    flags = [f for f in en.check_text(text) if f.code == code]
    assert flags, f"{code} not raised on {text!r}"
    start = text.index(span)
    assert any(f.start is not None and f.end is not None and f.start < start + len(span) and start < f.end
               for f in flags)


CLEAN = [
    # genuine English uses of the same words: nothing may fire
    "The armed formations it supports in eastern Ukraine were shelled overnight.",
    "She realized that the deadline had passed.",
    "Officials did not disclose the location of the meeting.",
    "The flight was cancelled after a two-hour delay.",
    "Thousands attended the rally in support of the candidate.",
    "He ignored the warnings of his advisers.",
    "The rebels control most of the north of the country.",
    "Arms control talks resumed in Geneva.",
    "The operation relied on deception and surprise.",
    "The proof of the pudding is in the eating.",
    "Only time will tell whether the reforms work.",
    "The building was completed at the turn of the century.",
    "Cyberspace has become a new battlefield.",
    "The balance of power shifted after the election.",
    "He has worked there since 2015.",
    "Since two of the suspects fled, police issued warrants.",
    "The police say the suspect acted alone.",
    "The cabinet met on Tuesday to discuss the budget.",
    "Many patrons of the restaurant left early.",
    "The company posted a profit of $2.5 million.",
    "Doors open at 6:30 p.m. on Friday.",
    "The eventual winner was announced at midnight.",
    "The court heard evidence from three witnesses.",
    "Fans were disappointed by the result.",
    "The festival takes place in July.",
    "In the end, the plan was abandoned.",
    "The Hôtel de Ville and the Place de la Concorde were lit up.",
    "Mr Legault met Mr Trudeau in Montreal.",
    "A.M. Best downgraded the insurer's rating.",
    "The report by J.M. Keynes was reprinted.",
    "She said the situation was \u201cunder control\u201d.",
    "The US-Russia summit took place on June 16, 2021.",
    "Prices rose by 2.5% in the third quarter.",
    "He said the agreement was a fait accompli.",
    "The game ended in a draw – a fair result – after extra time.",
    "It\u2019s the United States\u2019 turn to host the talks.",
    "The Caisse de dépôt et placement du Québec invested in the project.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_english_not_flagged(en, text: str) -> None:  # type: ignore[no-untyped-def]
    flags = list(en.check_text(text))
    assert flags == [], [(f.code, f.span) for f in flags]


def test_offsets_match_spans(en) -> None:  # type: ignore[no-untyped-def]
    text = "Headline – –\n\nIt has cybernetic capabilities , he said. .\n\nMr. Smith met Mr Jones and Mr Brown."
    for f in en.check_text(text):
        assert text[f.start:f.end] == f.span


def test_registry_codes_and_categories() -> None:
    assert {"MT001", "MT002", "BP001", "BI006", "TY003"} <= set(CHECKS)
    for code, info in CHECKS.items():
        assert re.fullmatch(r"[A-Z]{2}\d{3}", code) and info.code == code
        assert info.title and info.category


def test_disable_and_prefix(en) -> None:  # type: ignore[no-untyped-def]
    text = "It has cybernetic capabilities , he said."
    assert {"MT001", "TY001"} <= {f.code for f in en.check_text(text)}
    off = make_checker("en", disable=["MT001", "TY"])
    assert {f.code for f in off.check_text(text)} == set()
    assert "MT001" not in off.name and "TY001" not in off.name
    with pytest.raises(ConfigError):
        make_checker("en", disable=["XX999"])


def test_user_lexicon(tmp_path: Path) -> None:
    lex = tmp_path / "mine.tsv"
    lex.write_text("code\tfrench\tpattern\tsuggestion\tnote\tnear\tunless\n"
                   "MT001\tpiscine\t\\bswimming\\s+pool\\s+of\\s+the\\s+city\\b\tcity pool\tcalque\t\\bmayor\\b\t\n",
                   encoding="utf-8")
    c = make_checker("en", lexicons=[str(lex)])
    assert [f.span for f in c.check_text("The mayor opened the swimming pool of the city.") if f.code == "MT001"] \
        == ["swimming pool of the city"]
    assert not [f for f in c.check_text("They opened the swimming pool of the city.") if f.code == "MT001"]


@pytest.mark.parametrize("bad", [
    "code\tpattern\nMT999\tfoo\n",            # unknown code
    "code\tpattern\nMT001\tfoo(\n",           # bad regex
    "code\tpattern\tcolour\nMT001\tfoo\tx\n",  # unknown column
])
def test_bad_lexicon_rejected(bad: str) -> None:
    with pytest.raises(InputError):
        parse_lexicon(bad, "bad.tsv", CHECKS)


def test_triggers_and_required_words() -> None:
    assert derive_triggers(r"\bcybernetic\s+(?:attacks?|capabilit\w+)") == ("cybernetic",)
    assert derive_triggers(r"\b(?:larger|enlarged)\s+rall(?:y|ies)\b") == ("rall",)
    assert derive_triggers(r"\b(?:re)?fut") is None
    # the parser factors 'flight|fuite' into 'f(?:light|uite)': the prefix is carried into each word
    assert derive_triggers(r"\b(?:flight|fuite)\s+of\b") == ("flight", "fuite")
    assert derive_triggers(r"\b(?:put|puts|putting)\s+the\s+(?:parcel|packet)\b") == ("packet", "parcel")
    assert required_words(r"\bgave\s+no\s+reason\s+on\b") == {"gave", "reason"}
    assert required_words(r"\bthe\s+war\B") == {"the"}  # \B: the word goes on past 'war'
    entries = load_builtin_lexicons(CHECKS)
    assert len(entries) >= 500
    assert sum(e.triggers is None for e in entries) <= 5


@pytest.mark.parametrize("pattern, pairs", [
    (r"\b(?-i:the\s+a|an\s+the)\s+(?!priori\b)", {("the", "a"), ("an", "the")}),
    (r"\b(?:calls?|appeals?)\s+of\s+tenders", {("call", "of"), ("calls", "of"), ("appeal", "of"), ("appeals", "of")}),
    (r"\bthe\s+(?:big\s+)?dog\b", {("the", "big"), ("the", "dog")}),
    (r"\bit’s\s+been\b", {("it", "s")}),  # an apostrophe splits tokens
    (r"\baged\s+of\s+\d|\b(?:a|the)\s+man\s+of", {("aged", "of"), ("a", "man"), ("the", "man")}),
    (r"\bthe\s+a", None),             # 'a' may begin a longer token ('the army')
    (r"the\s+army\b", None),           # 'the' may end a longer token ('bathe')
    (r"\b(?:a|the)\s+\w+\s+of\b", None),  # no two literal words side by side
    (r"\bthe\s*-\s*a\b", None),         # optional spaces are not spelled out
    (r"\bcyber\w+", None),
    (r"\bthe\s+war\B", None),          # \B: the word goes on ('the wars')
])
def test_required_pairs(pattern: str, pairs: set[tuple[str, str]] | None) -> None:
    assert required_pairs(pattern) == (None if pairs is None else frozenset(pairs))


def test_required_pairs_are_in_every_match() -> None:
    # soundness: the pair filter never hides a real match of a shipped entry
    entries = [e for e in load_builtin_lexicons(CHECKS) if e.pairs is not None]
    assert len(entries) >= 300
    checked = 0
    for text, _code, _span in MUST_FLAG:
        toks = re.findall(r"[^\W\d_]+", text.lower())
        adjacent = set(pairwise(toks))
        for e in entries:
            if e.pattern.search(text):
                checked += 1
                assert not e.pairs.isdisjoint(adjacent), (e.source, text)
    assert checked >= 10


@pytest.mark.parametrize("pattern, groups", [
    # each spelling position where every spelling has a whole word, and each spelling's rarest word
    (r"\b(?:from|than)\s+the\s+ones?\s+of\s+(?:[A-Z]\w+)",
     [{"the"}, {"of"}, {"one", "ones"}, {"from", "than"}]),
    # a lookbehind ending in a space starts a token; a class of letters is spelled letter by letter
    (r"(?<=[,\"”] )(?:recogni[sz]ed|hammered)\s+the\b", [{"the"}, {"hammered", "recognised", "recognized"}]),
    (r"\b(?-i:[Bb]ill|[Ll]aw)\s+\d", [{"bill", "law"}]),
    (r"\bthe\s+(?:big\s+)?dog\b", [{"the"}, {"big", "dog"}]),
    (r"\bcyber\w+", []),           # 'cyber' may begin a longer token
    (r"the\s+army\b", [{"army"}]),   # 'the' may end a longer token ('bathe')
    (r"(?<!x)\bwar\B", []),          # \B: the word goes on
])
def test_required_groups(pattern: str, groups: list[set[str]]) -> None:
    assert sorted(map(sorted, required_groups(pattern))) == sorted(map(sorted, groups))


def _recall_sentences() -> list[str]:
    """Every MT and native sentence of tests/data/lexicon_recall."""
    return [p.sentence for p in positives()] + negatives()


def test_word_groups_and_triggers_are_in_every_match() -> None:
    # soundness on every MT and native sentence we keep: an entry whose pattern matches a
    # sentence has every word group in its tokens, and the index offers it as a candidate
    entries = load_builtin_lexicons(CHECKS)
    assert sum(bool(e.groups) for e in entries) >= 1000
    index = LexiconIndex(entries)
    sentences = _recall_sentences() + [text for text, _c, _s in MUST_FLAG]
    assert len(sentences) >= 1400
    checked = 0
    for text in sentences:
        toks = set(re.findall(r"[^\W\d_]+", text.lower()))
        offered = {id(e) for e in index.candidates(toks)}
        for e in entries:
            if any(m.end() > m.start() for m in e.pattern.finditer(text)):
                checked += 1
                assert all(not g.isdisjoint(toks) for g in e.groups), (e.source, text)
                assert id(e) in offered, (e.source, text)
    assert checked >= 1000


def test_boilerplate_index_agrees_with_one_alternation() -> None:
    from corpus_tools.checks.data import BP_TAIL, _lines, load_check_data

    data = load_check_data()
    patterns = _lines("boilerplate.txt")
    alternation = re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" + BP_TAIL, re.IGNORECASE)
    lines = ["Advertisement", "Share this article", "Sign up for our newsletter", "Read more:",
             "This article was originally published in French.", "Click here to subscribe.",
             "The minister said the budget would be tabled on Monday.", "Photo: Reuters",
             "2 hours ago", "Terms of use | Privacy policy", "Facebook Twitter Email",
             "We will not accept these cuts, said the president of the union."]
    lines += [text for text, _c, _s in MUST_FLAG]
    for line in lines:
        whole = alternation.fullmatch(line) is not None
        one = any(e.pattern.fullmatch(line) for e in data.boilerplate.candidates(tokens_lower(line)))
        assert whole == one, line
    assert len(data.boilerplate.entries) == len(patterns)
    assert any(alternation.fullmatch(x) for x in lines)


def test_no_catastrophic_backtracking(en) -> None:
    # adversarial input for the quote, repetition and lexicon patterns; must simply finish
    text = ("the " * 400 + "“" + "a, " * 300 + "\u00a0" * 50 + "1,5 " * 100 + "- " * 200 + ". " * 100) * 2
    flags = list(en.check_text(text))
    assert isinstance(flags, list)


def test_cli_text_and_bitext(tmp_path: Path) -> None:
    raw = tmp_path / "doc.txt"
    raw.write_text("Headline\n\nIt has cybernetic capabilities , he said.\n", encoding="utf-8")
    out = tmp_path / "flags.jsonl"
    cmd = [sys.executable, "-m", "corpus_tools", "check", str(raw), "--src-lang", "en", "-o", str(out)]
    assert subprocess.run(cmd, capture_output=True, check=False).returncode == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    text = raw.read_text(encoding="utf-8")
    assert recs and all(text[r["start"]:r["end"]] == r["span"] for r in recs)
    assert subprocess.run(cmd + ["--fail-on", "major"], capture_output=True, check=False).returncode == 1
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("The bridge is 250 metres long.\tLe pont mesure 205 mètres de long.\n"
                   "Good morning everyone.\tBonjour à tous.\n", encoding="utf-8")
    out2 = tmp_path / "f2.jsonl"
    cmd2 = [sys.executable, "-m", "corpus_tools", "check", str(tsv), "--src-lang", "en", "--tgt-lang", "fr",
            "-o", str(out2)]
    assert subprocess.run(cmd2, capture_output=True, check=False).returncode == 0
    recs2 = [json.loads(x) for x in out2.read_text(encoding="utf-8").splitlines()]
    assert [(r["code"], r["unit"], r["side"]) for r in recs2] == [("BI006", 0, "tgt")]



def test_candidates_come_in_lexicon_order() -> None:
    # Two entries may flag the same span ('specified the prefecture'); the one listed first is
    # reported. Candidates once came out in set order, which follows Python's string hash
    # seed: the reported message changed from one process to the next.
    entries = load_builtin_lexicons(CHECKS)
    index = LexiconIndex(entries)
    position = {id(e): i for i, e in enumerate(entries)}
    several = 0
    for text in _recall_sentences():
        found = [position[id(e)] for e in index.candidates(tokens_lower(text))]
        several += len(found) > 1
        assert found == sorted(found), text
    assert several >= 200


ACCENT_DOCS = [
    # (document, [(flagged span, suggestion)])
    ("The plant near Montréal will close.\n\nThe Montreal plant employs 300. Montreal's mayor objected.",
     [("Montréal", "Montreal")]),
    ("Quebec City hosted the summit.\n\nDelegates left Québec on Friday.", [("Québec", "Quebec")]),
    # capitals only, French names around the word, and one spelling throughout: nothing
    ("QUEBEC VOTES\n\nQuebec votes on Monday.", []),
    ("The Fédération des travailleurs du Québec met in Quebec City.\n\nQuebec unions agreed.", []),
    ("Hélène Roy met Hélène Caron in Montréal.", []),
]


@pytest.mark.parametrize("text, expected", ACCENT_DOCS)
def test_name_written_with_and_without_accents(en, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    got = [(f.span, f.suggestion) for f in en.check_text(text) if f.code == "ST002"]
    assert got == expected
