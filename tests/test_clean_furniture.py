"""Page furniture: boilerplate and credit lines, duplicates, captions, batch lines, HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools.clean import CleanConfig, clean_html, clean_text, find_recurring_lines
from corpus_tools.clean.patterns import line_key, load_furniture, parse_pattern_file
from corpus_tools.errors import ConfigError, InputError

DATA = Path(__file__).resolve().parents[1] / "corpus_tools" / "data" / "clean"

BOILERPLATE = [
    "The story continues under the ad", "Story continues below advertisement",
    "Article continues after this advertisement", "The text continues after the ad",
    "The rest of the article is below the ad", "The continuation after the advertisement",
    "Continuation of the article below", "- Advertisement -", "ADVERTISING", "Advertisement - Scroll to continue",
    "La suite après la publicité", "Suite de l'article après la publicité", "Content continues below",
    "Please enter your comment!", "Please enter your name here", "Leave a Reply Cancel reply",
    "You have entered an incorrect email address!", "Comments (12)",
    "Your email address will not be published. Required fields are marked *",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Sign up for the Globe's daily newsletter", "Subscribe to our newsletter", "Already a subscriber? Log in",
    "Get the latest news delivered to your inbox", "Follow us on Twitter", "Share this story",
    "Facebook Twitter Email", "Read more: Putin, Biden meet in Geneva", "READ ALSO | Biden heads to Europe",
    "Related: Biden's trip", "To read also: The summit in Geneva", "À lire aussi : Le sommet de Genève",
    "Lire aussi", "Published June 16, 2021", "Updated June 16, 2021 at 5:30 p.m. EDT",
    "This article was translated from French.", "With files from The Canadian Press", "Listen to this article",
    "3 min read", "Home > World > Europe", "Most read", "All rights reserved.", "Abonnez-vous à notre infolettre",
]
NOT_BOILERPLATE = [
    "Read the full report on the ministry website, officials said.", "Share prices fell 3% on Monday.",
    "The story continues to unfold in Geneva.", "Published in 2019, the report found that emissions rose.",
    "Comments by the minister drew criticism.", "He said the talks would continue after the summit.",
    "Watch out for the next round of talks.", "Related discussions took place in Moscow.",
    "Log in to the system was impossible for hours, the company said.",
    "Canada / US relations remain tense", "The advertisement campaign was launched in May.",
    "More from the summit will follow.", "Full access to the report was denied.",
]
CREDITS = [
    "Peter Klaunzer/The Associated Press", "Peter Klaunzer / Keystone via AP", "DENIS BALIBOUSE/REUTERS",
    "SAUL LOEB/AFP via Getty Images", "Photo: Jacques Nadeau Le Devoir", "PHOTO: REUTERS",
    "Photograph: Kevin Lamarque/Reuters", "(AP Photo/Alex Brandon)", "Getty Images", "The Canadian Press",
    "THE CANADIAN PRESS/Adrian Wyld", "Mikhail Metzel/TASS via AP", "Photographer: Hollie Adams/Bloomberg",
    "© Jane Doe", "Copyright 2021 The Associated Press. All rights reserved.",
    "Jean-François Bélanger, Radio-Canada", "Crédit photo : Olivier Jean La Presse", "EPA-EFE/SALVATORE DI NOLFI",
    "Kevin Lamarque | Reuters", "Sean Kilpatrick/CP", "Photo by Chip Somodevilla/Getty Images",
    "Jane Doe/Le Soleil Régional", "By Jane Doe and John Roe",
]
NOT_CREDITS = [
    "Biden, Putin agree to cybersecurity talks", "The Associated Press reported that the talks went well.",
    "Mr Biden met Mr Putin in Geneva.", "US/Russia summit ends", "By Wednesday, the talks had collapsed.",
    "Putin/Biden", "Copyright law in Canada is changing.", "Reuters reported on Monday that the talks ended.",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_lines(line: str) -> None:
    assert load_furniture().boilerplate_match(line_key(line)) is not None


@pytest.mark.parametrize("line", NOT_BOILERPLATE)
def test_content_lines_are_not_boilerplate(line: str) -> None:
    assert load_furniture().boilerplate_match(line_key(line)) is None


@pytest.mark.parametrize("line", CREDITS)
def test_credit_lines(line: str) -> None:
    assert load_furniture().credit_match(line) is not None


@pytest.mark.parametrize("line", NOT_CREDITS)
def test_content_lines_are_not_credits(line: str) -> None:
    assert load_furniture().credit_match(line) is None


@pytest.mark.parametrize("name", ["boilerplate.txt", "credits.txt"])
def test_every_shipped_pattern_has_a_comment(name: str) -> None:
    entries = parse_pattern_file((DATA / name).read_text(encoding="utf-8"), name)
    assert entries
    assert all(e.comment for e in entries), [e.line for e in entries if not e.comment]


def test_document_furniture_captions_and_duplicates() -> None:
    text = ("Putin meets Biden – –\n\nPutin meets Biden – –\n\n"
            "Vladimir Putin, left, meets Joe Biden in Geneva.\n\nPeter Klaunzer/The Associated Press\n\n"
            "The summit began on Wednesday.\n\nAdvertisement\n\nThe two men spoke for hours.\n"
            "Please enter your comment!\nPlease enter your name here\n")
    res = clean_text(text, CleanConfig())
    assert [p.text for p in res.paragraphs] == [
        "Putin meets Biden", "Vladimir Putin, left, meets Joe Biden in Geneva.",
        "The summit began on Wednesday.", "The two men spoke for hours."]
    assert [p.is_caption for p in res.paragraphs] == [False, True, False, False]
    assert [e.rule for e in res.edits] == ["stray_dash", "duplicate", "credit_line", "boilerplate",
                                           "boilerplate", "boilerplate"]
    codes = [f.code for f in res.flags if f.auto_fixed]
    assert codes == ["TY005", "DU001", "BP002", "BP001", "BP001", "BP001"]
    for e in res.edits:
        assert text[e.start:e.end] == e.original
    for p in res.paragraphs:
        assert p.start is not None and p.end is not None
        assert text[p.start:p.end].startswith(p.text[:10])


def test_trailing_credit_is_removed_and_marks_a_caption() -> None:
    text = "Title\n\nPutin speaks in Geneva on Wednesday. (Peter Klaunzer/AP Photo)\n\nBody text here."
    res = clean_text(text, CleanConfig())
    assert res.paragraphs[1].text == "Putin speaks in Geneva on Wednesday."
    assert res.paragraphs[1].is_caption
    assert res.edits[0].rule == "credit_span" and res.edits[0].original == " (Peter Klaunzer/AP Photo)"


def test_first_line_is_never_a_credit() -> None:
    res = clean_text("Putin Meets Biden | Reuters\n\nBody.", CleanConfig())
    assert res.paragraphs[0].text == "Putin Meets Biden"


def test_user_boilerplate_file(tmp_path: Path) -> None:
    f = tmp_path / "extra.txt"
    f.write_text("# our site's promo line\nsupport local news.*\n", encoding="utf-8")
    text = "Body.\n\nSupport local news today!\n"
    assert len(clean_text(text, CleanConfig()).paragraphs) == 2
    res = clean_text(text, CleanConfig(boilerplate_files=(str(f),)))
    assert [p.text for p in res.paragraphs] == ["Body."]


def test_user_boilerplate_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("# broken\n(unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        clean_text("x", CleanConfig(boilerplate_files=(str(bad),)))
    with pytest.raises(InputError, match="no such"):
        clean_text("x", CleanConfig(boilerplate_files=(str(tmp_path / "missing.txt"),)))


def test_recurring_lines_across_a_batch() -> None:
    docs = [f"Story {i} happened.\n\nThe Daily Planet — your source\n\nMore text {i}." for i in range(5)]
    docs.append("Another story.\n\nNothing shared here.")
    lines = find_recurring_lines(docs, min_docs=3, min_fraction=0.3)
    assert lines == frozenset({line_key("The Daily Planet — your source")})
    res = clean_text(docs[0], CleanConfig(extra_boilerplate_lines=lines))
    assert [p.text for p in res.paragraphs] == ["Story 0 happened.", "More text 0."]
    assert res.edits[0].rule == "recurring_line"
    with pytest.raises(ConfigError):
        find_recurring_lines(docs, min_docs=1)


HTML = """<!DOCTYPE html><html><head><title>Putin meets Biden | Le Devoir</title>
<script>var ad = "Advertisement";</script><style>p {color: red}</style></head>
<body><nav><a href="/">Home</a> <p>Menu item</p></nav>
<article><h1>Putin meets Biden</h1>
<figure><img src="x.jpg"><figcaption>Putin, left, and Biden in Geneva.</figcaption></figure>
<p>The summit began on Wednesday , in Geneva.</p>
<p>Advertisement</p>
<p>The two men spoke&nbsp;for <b>four</b> hours.<br>A second line.</p>
<aside><p>Read also: Another story</p></aside>
<form><p>Please enter your comment!</p></form>
</article><footer><p>© 2021 Le Devoir</p></footer></body></html>"""


def test_html_main_text() -> None:
    res = clean_html(HTML, CleanConfig())
    assert [p.text for p in res.paragraphs] == [
        "Putin meets Biden", "Putin, left, and Biden in Geneva.", "The summit began on Wednesday, in Geneva.",
        "The two men spoke for four hours.", "A second line."]
    assert [p.is_caption for p in res.paragraphs] == [False, True, False, False, False]


def test_html_bytes_with_entities_are_safe() -> None:
    evil = (b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<html><body><p>caf\xc3\xa9 &x; ok</p></body></html>')
    res = clean_html(evil, CleanConfig())
    assert "root:" not in res.text and "café" in res.text


def test_config_validation() -> None:
    with pytest.raises(ConfigError):
        CleanConfig(lang="")
