"""Property-based contracts (hypothesis): corpus readers/writers, the segmenter, the aligner.

Extends tests/test_io_roundtrip.py with metadata, hostile ids and prop names, and every format
including gzip TMX and Moses.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_tools.io import read_units, write_units
from corpus_tools.io.xmlsafe import XML_ILLEGAL, strip_xml_illegal
from corpus_tools.model import (
    Flag,
    Origin,
    Paragraph,
    Segment,
    Severity,
    TranslationUnit,
)
from tests.test_reliability_support import check_tmx, need

ANY = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
# Separators, escapes and markup: what breaks line- and XML-based formats.
NASTY = st.lists(st.sampled_from(["\n", "\r", "\r\n", "\t", "\\", "\\n", "\\t", "\u2028", "\u2029", "\x85", "\x0b",
                                 "\x0c", "\x00", "\x1b", "&", "<", ">", "]]>", '"', "'", "&amp;", "\ufeff", "\ufffe",
                                 " ", "a", "é", "𝄞", "\u200b", "\u0301"]), max_size=12).map("".join)
TEXT = st.one_of(ANY, NASTY)
LANGS = st.sampled_from([("en", "fr"), ("en-US", "fr-CA"), ("de", "fr"), ("zh-Hant", "ja")])
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _unit(i: int, s: str, t: str, meta: dict, langs: tuple[str, str]) -> TranslationUnit:
    return TranslationUnit(src=s, tgt=t, src_lang=langs[0], tgt_lang=langs[1], id=meta["id"] or str(i),
                           score=meta["score"], origin=meta["origin"], doc=meta["doc"] or None,
                           flags=tuple(Flag(c, "", Severity.INFO, "") for c in meta["flags"]))


META = st.fixed_dictionaries({
    "id": st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\t\\,"), max_size=8),
    "score": st.one_of(st.none(), st.floats(0, 1).map(lambda x: round(x, 4))),
    "origin": st.sampled_from(list(Origin)),
    "doc": st.text(st.characters(whitelist_categories=("L", "N")), max_size=8),
    "flags": st.lists(st.from_regex(r"[A-Z]{2}[0-9]{3}", fullmatch=True), max_size=3, unique=True),
})


@SETTINGS
@given(rows=st.lists(st.tuples(TEXT, TEXT, META), max_size=6), langs=LANGS,
       name=st.sampled_from(["c.tmx", "c.tmx.gz", "c.tsv", "c.jsonl", "c.moses"]))
def test_any_text_roundtrips(tmp_path: Path, rows, langs, name: str) -> None:
    units = [_unit(i, s, t, m, langs) for i, (s, t, m) in enumerate(rows)]
    path = tmp_path / (name.replace("moses", langs[0]))
    cols = ("score", "flags", "id", "doc", "origin") if name.endswith(".tsv") else ()
    assert write_units(units, path, src_lang=langs[0], tgt_lang=langs[1], tsv_columns=cols) == len(units)
    back = list(read_units(path, langs[0], langs[1], tsv_columns=cols))
    xml = ".tmx" in name
    want = [(strip_xml_illegal(u.src)[0], strip_xml_illegal(u.tgt)[0]) if xml else (u.src, u.tgt) for u in units]
    assert [(u.src, u.tgt) for u in back] == want
    if xml:
        assert check_tmx(path) == len(units)
    if name.endswith((".jsonl", ".tsv", ".tmx")):
        assert [u.score for u in back] == [u.score for u in units]
        assert [u.flag_codes for u in back] == [u.flag_codes for u in units]
        assert [u.origin for u in back] == [u.origin for u in units]


@SETTINGS
@given(key=ANY, value=ANY, tuid=ANY, note=ANY)
def test_tmx_metadata_never_breaks_the_xml(tmp_path: Path, key: str, value: str, tuid: str, note: str) -> None:
    """Hostile prop names, ids and notes from an untrusted corpus: the TMX stays well formed."""
    unit = TranslationUnit(src="a", tgt="b", src_lang="en", tgt_lang="fr", id=tuid, note=note or None,
                           props={key or "k": value})
    path = tmp_path / "c.tmx"
    write_units([unit], path, src_lang="en", tgt_lang="fr", header_props={key or "k": value})
    assert check_tmx(path) == 1
    assert XML_ILLEGAL.search(path.read_text(encoding="utf-8")) is None


# ---------------------------------------------------------------------------------------------
# Segmenter: segments cover the paragraph, spans exact

SEG_WORDS = st.sampled_from(["Hello", "world", "Mr.", "Dr.", "U.S.", "e.g.", "3.5", "No.", "St.", "a.m.", "...", "!",
                             "?", ".", "«", "»", "\"", "(", ")", "—", "é", "日本語。", "x", "1.", "A.", "etc.",
                             "\u00a0", "\t", "\n", "  ", "\u2028", "\u200b"])
PARA = st.builds(" ".join, st.lists(SEG_WORDS, max_size=40))


@functools.cache
def _segmenter(lang: str, engine: str):
    from corpus_tools.segment import get_segmenter

    return get_segmenter(lang, engine=engine)


@pytest.mark.parametrize("lang,engine", [("en", "fast"), ("fr", "fast"), ("en", "srx"), ("fr", "srx")])
@settings(max_examples=25, deadline=None)
@given(text=st.one_of(PARA, ANY))
def test_segments_cover_the_paragraph(lang: str, engine: str, text: str) -> None:
    need("corpus_tools.segment", "get_segmenter")
    from corpus_tools.segment import segment_paragraphs

    seg = _segmenter(lang, engine)
    spans = seg.spans(text)
    pos = 0
    for a, b in spans:
        assert pos <= a < b <= len(text), (spans, text)
        assert text[pos:a].strip() == "", f"text between segments lost: {text[pos:a]!r}"
        assert text[a:b] == text[a:b].strip(), "span not trimmed"
        pos = b
    assert text[pos:].strip() == ""
    para = Paragraph(text=text, index=3)
    segs = list(segment_paragraphs([para], seg))
    assert [(s.start, s.end) for s in segs] == spans
    assert all(s.text == text[s.start:s.end] and s.paragraph == 3 for s in segs)
    assert seg.split(text) == [text[a:b] for a, b in spans]


# ---------------------------------------------------------------------------------------------
# Aligner: beads cover every sentence once, in order

SENT = st.builds(lambda ws: " ".join(ws) + ".", st.lists(st.sampled_from(
    ["the", "summit", "le", "sommet", "2024", "Geneva", "Genève", "peace", "paix", "a", "x" * 30, "1,000", "é"]),
    min_size=0, max_size=20))


def _segs(texts: list[str], pars: list[int]) -> list[Segment]:
    return [Segment(t, p, 0, len(t)) for t, p in zip(texts, pars)]


@settings(max_examples=30, deadline=None)
@given(src=st.lists(SENT, max_size=15), tgt=st.lists(SENT, max_size=15), data=st.data())
def test_beads_cover_every_sentence_once_in_order(src: list[str], tgt: list[str], data) -> None:
    need("corpus_tools.align", "make_aligner")
    from corpus_tools.align import check_beads, make_aligner

    sp = sorted(data.draw(st.lists(st.integers(0, 4), min_size=len(src), max_size=len(src))))
    tp = sorted(data.draw(st.lists(st.integers(0, 4), min_size=len(tgt), max_size=len(tgt))))
    aligner = make_aligner("en", "fr", method="lexical")
    beads = aligner.align(_segs(src, sp), _segs(tgt, tp))
    check_beads(beads, len(src), len(tgt))  # independent restatement below
    assert [i for b in beads for i in b.src] == list(range(len(src)))
    assert [j for b in beads for j in b.tgt] == list(range(len(tgt)))
    assert all((b.src or b.tgt) and 0.0 <= b.score <= 1.0 for b in beads)
