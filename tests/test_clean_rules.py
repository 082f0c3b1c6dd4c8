"""Typography rules: a table of cases, no-change cases, exact offsets, no rewritten words."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.clean import CleanConfig, apply_edits, clean_text
from corpus_tools.errors import ConfigError

EN = CleanConfig(lang="en")

# (input, expected cleaned text, expected edits as (rule, original, replacement))
CASES = [
    # space before punctuation and closing quotes
    ("He left , then came back .", "He left, then came back.",
     [("space_before_punct", " ", ""), ("space_before_punct", " ", "")]),
    ("Why ? Because !", "Why? Because!", [("space_before_punct", " ", ""), ("space_before_punct", " ", "")]),
    ("Note : the deal ; the end", "Note: the deal; the end",
     [("space_before_punct", " ", ""), ("space_before_punct", " ", "")]),
    ("took place “in a constructive spirit ”.", "took place “in a constructive spirit”.",
     [("space_before_punct", " ", "")]),
    ("backed “separatists” , could", "backed “separatists”, could", [("space_before_punct", " ", "")]),
    ("( see below )", "(see below)", [("space_inside_quotes", " ", ""), ("space_before_punct", " ", "")]),
    ("“ We will not give in, ” he said.", "“We will not give in,” he said.",
     [("space_inside_quotes", " ", ""), ("space_before_punct", " ", "")]),
    # doubled punctuation
    ("were targeted. . “We have", "were targeted. “We have", [("doubled_punct", ". .", ".")]),
    ("the Minsk Protocol. .", "the Minsk Protocol.", [("doubled_punct", ". .", ".")]),
    ("new strikes..", "new strikes.", [("doubled_punct", "..", ".")]),
    ("first,, second", "first, second", [("doubled_punct", ",,", ",")]),
    # misplaced quotes
    ("“It is about verification, ”he said.", "“It is about verification,” he said.",
     [("misplaced_quote", " ”", "” ")]),
    ("“I think it is the goal of the United States. “", "“I think it is the goal of the United States.”",
     [("misplaced_quote", " “", "”")]),
    ("“Yes, “ he said.", "“Yes,” he said.", [("misplaced_quote", " “", "”")]),
    # stray dashes and site names
    ("Biden, Putin agree to talks – –", "Biden, Putin agree to talks", [("stray_dash", " – –", "")]),
    ("Putin agrees to talks | Le Devoir", "Putin agrees to talks", [("site_name", " | Le Devoir", "")]),
    ("Putin agrees to talks | Sudbury Star", "Putin agrees to talks", [("site_name", " | Sudbury Star", "")]),
    ("a – – b", "a – b", [("stray_dash", "– –", "–")]),
    # whitespace, NBSP, controls, NFC
    ("two  spaces\tand tab", "two spaces and tab", [("whitespace", "  ", " "), ("whitespace", "\t", " ")]),
    ("  padded  ", "padded", [("whitespace", "  ", ""), ("whitespace", "  ", "")]),
    ("no\u00a0break", "no break", [("nbsp", "\u00a0", " ")]),
    ("bell\x07char", "bellchar", [("control_chars", "\x07", "")]),
    ("inter\u00adnational\u200b", "international", [("invisible_chars", "\u00ad", ""),
                                                    ("invisible_chars", "\u200b", "")]),
    ("Ele\u0301onore", "Éléonore".replace("É", "E"), [("nfc", "e\u0301", "é")]),
    # French leaks
    ("« Bonjour » dit-il", "“Bonjour” dit-il", [("guillemets", "« ", "“"), ("guillemets", " »", "”")]),
    ("Really\u202f?", "Really?", [("french_spacing", "\u202f", "")]),
    ("it costs 7,5 billion", "it costs 7.5 billion", [("decimal_comma", "7,5", "7.5")]),
    ("up 3 % on the year", "up 3% on the year", [("percent_spacing", " ", "")]),
    ("1\u202f200\u202f000 people", "1,200,000 people", [("thousands_separator", "1\u202f200\u202f000", "1,200,000")]),
    ("1\u00a0200,5 tonnes", "1,200.5 tonnes", [("thousands_separator", "1\u00a0200,5", "1,200.5")]),
    # honorifics: majority wins, minority logged
    ("Mr Biden met Mr Putin and Mr. Lavrov.", "Mr Biden met Mr Putin and Mr Lavrov.",
     [("honorific", "Mr.", "Mr")]),
    ("Mr. Biden met Mr. Putin and Mr Lavrov.", "Mr. Biden met Mr. Putin and Mr. Lavrov.",
     [("honorific", "Mr", "Mr.")]),
]

# Text that must come out unchanged: genuine dashes, apostrophes, U.S., nested quotes...
UNCHANGED = [
    "A list of 16 “critical infrastructure” targets – and told the Kremlin boss.",
    "Mr Navalny – whom he avoided citing by name – had broken the law.",
    "The U.S. and the U.K. signed; it’s the United States’ anger.",
    "“As the saying goes, ‘The proof of the pudding is in the eating.’ We will see,” he said.",
    "Rock ’n’ roll in the ’90s was loud.",
    "He paid $1,000 for 1,500 copies, i.e. 3.5% more; see p. 12.",
    "Wait... what? No!",
    "The US-Russia summit ended on June 16, 2021.",
    "Mr Biden met Mr. Putin.",  # a tie: no majority, nothing normalised
    "He waited . . . and waited.",
    "It cost 12,345 dollars at 10:30 a.m.",
    "See www.example.com or .NET for details.",
    "“Why?” she asked. “Because.”",
    "An em dash—like this—is fine.",
    "(Reuters) reported it first.",
]


def _check_offsets(text: str, res) -> None:  # type: ignore[no-untyped-def]
    for e in res.edits:
        assert text[e.start:e.end] == e.original
    for f in res.flags:
        assert f.start is not None and f.end is not None
        assert text[f.start:f.end] == f.span
    prev_end = -1
    for e in res.edits:
        assert e.start >= prev_end, "edits must not overlap"
        prev_end = e.end


@pytest.mark.parametrize("text,expected,edits", CASES)
def test_rule_cases(text: str, expected: str, edits: list[tuple[str, str, str]]) -> None:
    res = clean_text(text, EN)
    assert [p.text for p in res.paragraphs] == [expected]
    assert [(e.rule, e.original, e.replacement) for e in res.edits] == edits
    _check_offsets(text, res)
    assert apply_edits(text, res.edits).strip() == expected
    fixed = [f for f in res.flags if f.auto_fixed]
    assert len(fixed) == len(res.edits)


@pytest.mark.parametrize("text", UNCHANGED)
def test_no_change(text: str) -> None:
    res = clean_text(text, EN)
    assert [p.text for p in res.paragraphs] == [text]
    assert res.edits == ()


def test_disable_rule() -> None:
    res = clean_text("Hello , world", CleanConfig(disabled=frozenset({"space_before_punct"})))
    assert res.paragraphs[0].text == "Hello , world"


def test_unknown_rule_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="valid:"):
        CleanConfig(disabled=frozenset({"no_such_rule"}))


def test_french_text_keeps_french_typography() -> None:
    text = "Il a dit : « Non ! » Le déficit est de 4,7 %."
    res = clean_text(text, CleanConfig(lang="fr"))
    assert res.paragraphs[0].text == text


def test_moses_is_opt_in() -> None:
    text = "He said “yes” ."
    assert "“" in clean_text(text, EN).paragraphs[0].text
    res = clean_text(text, CleanConfig(moses_normalize=True))
    assert "“" not in res.paragraphs[0].text
    _check_offsets(text, res)


def test_unbalanced_quotes_are_flagged_not_fixed() -> None:
    text = "“If Russia is the enemy, what will America support? Mr Putin said. He left."
    res = clean_text(text, EN)
    assert res.paragraphs[0].text == text
    ty003 = [f for f in res.flags if f.code == "TY003"]
    assert len(ty003) == 1 and not ty003[0].auto_fixed
    assert ty003[0].span is not None and ty003[0].span.startswith("“If Russia")
    _check_offsets(text, res)


def test_quote_continued_in_next_paragraph_is_not_flagged() -> None:
    text = "“First paragraph of a long quote.\n\n“Second paragraph,” he said."
    res = clean_text(text, EN)
    assert not [f for f in res.flags if f.code == "TY003"]


def test_french_time_is_flagged_only() -> None:
    res = clean_text("The talks resume at 20 h 30.", EN)
    assert res.paragraphs[0].text == "The talks resume at 20 h 30."
    assert [f.code for f in res.flags] == ["TY008"]


def test_crlf_wrapped_lines_join_with_exact_offsets() -> None:
    text = "This paragraph was hard\r\nwrapped by the scraper .\r\n\r\nNext one."
    res = clean_text(text, EN)
    assert [p.text for p in res.paragraphs] == ["This paragraph was hard wrapped by the scraper.", "Next one."]
    _check_offsets(text, res)
    assert res.paragraphs[0].start == 0 and text[res.paragraphs[1].start:res.paragraphs[1].end] == "Next one."


_ALPHABET = st.sampled_from(list("ab Z.,;:!?“”‘’«»()–-\u00a0\u202f\t\n7,%") + ["Mr. ", "Mr ", ". .", "\x07", "e\u0301"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_edits_replay_and_never_rewrite_words(text: str) -> None:
    res = clean_text(text, EN)
    _check_offsets(text, res)
    for e in res.edits:
        if e.rule in ("duplicate", "boilerplate", "credit_line", "recurring_line") or "site_name" in e.rule \
                or "credit_span" in e.rule or e.replacement == "" and not any(c.isalnum() for c in e.original):
            continue
        letters = [c for c in unicodedata.normalize("NFC", e.original) if c.isalnum()]
        assert letters == [c for c in unicodedata.normalize("NFC", e.replacement) if c.isalnum()]
    # Each kept paragraph is its original span with the edits inside it applied.
    for p in res.paragraphs:
        assert p.start is not None and p.end is not None
        inside = [e for e in res.edits if p.start <= e.start and e.end <= p.end]
        shifted = [type(e)(e.rule, e.start - p.start, e.end - p.start, e.original, e.replacement) for e in inside]
        assert apply_edits(text[p.start:p.end], shifted).strip() == p.text
