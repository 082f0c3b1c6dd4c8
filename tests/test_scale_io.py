"""The fast TMX writer writes the same bytes as lxml would, and remembers ids in flat memory."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping
from typing import IO
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from corpus_tools import __version__
from corpus_tools.io.tmx import (
    _prop,
    _SeenIds,
    tmx_date,
    tmx_lang,
    unit_to_element,
    write_tmx,
)
from corpus_tools.model import Flag, Origin, Severity, TranslationUnit


def _reference_tmx(units: Iterable[TranslationUnit], out: IO[bytes], *, src_lang: str, tgt_lang: str,
                   header_props: Mapping[str, str] | None = None) -> int:
    """The writer as it was before it was made fast: one lxml element per unit through ``xmlfile``."""
    n = 0
    with etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_declaration()
        xf.write_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
        with xf.element("tmx", version="1.4"):
            header = etree.Element("header", {
                "creationtool": "corpus-tools", "creationtoolversion": __version__,
                "segtype": "sentence", "o-tmf": "corpus-tools", "adminlang": "en",
                "srclang": tmx_lang(src_lang), "datatype": "plaintext", "creationdate": tmx_date(),
            })
            for key, value in (header_props or {}).items():
                _prop(header, key if key.startswith("x-") else f"x-{key}", str(value))
            xf.write(header, pretty_print=True)
            with xf.element("body"):
                seen: set[str] = set()
                for unit in units:
                    tuid = unit.id or str(n + 1)
                    if tuid in seen:
                        tuid = f"{tuid}#{n + 1}"
                    seen.add(tuid)
                    xf.write(unit_to_element(unit, tuid, src_lang, tgt_lang), pretty_print=True)
                    n += 1
    out.write(b"\n")
    return n


def _both(units: list[TranslationUnit], header: Mapping[str, str] | None = None,
          langs: tuple[str, str] = ("en", "fr")) -> tuple[bytes, bytes]:
    fast, ref = io.BytesIO(), io.BytesIO()
    # A fixed date: the two writers would otherwise read the clock in different seconds now and then.
    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": "1700000000"}):
        assert write_tmx(units, fast, src_lang=langs[0], tgt_lang=langs[1], header_props=header) == len(units)
        assert _reference_tmx(units, ref, src_lang=langs[0], tgt_lang=langs[1],
                              header_props=header) == len(units)
    return fast.getvalue(), ref.getvalue()


FLAG = Flag("MT001", "calque_or_false_friend", Severity.MAJOR, 'calque "x" & <y>')
CASES = [
    ("empty corpus", [], None),
    ("plain", [TranslationUnit("Hello.", "Bonjour.", "en", "fr", id="1")], {"signature": "a|b"}),
    ("escapes", [TranslationUnit("a & b < c > d \"q\" 'a' ]]>", "x\r\ny\tz\u2028\x85", "en", "fr",
                                 id='id "1"\t<&>\n')], None),
    ("illegal characters", [TranslationUnit("a\x00b\x0bc\ufffe", "\ud800x", "en", "fr", id="a\x01b",
                                            note="n\x02", props={"k\x03": "v\x04"})], None),
    ("everything", [TranslationUnit("s", "t", "en", "fr", id="d:1", score=0.123456, origin=Origin.MACHINE,
                                    model="argos en-fr", doc="doc.txt", flags=(FLAG, FLAG), note=None,
                                    props={"reviewed": "1", "changedate": "20200101T000000Z",
                                           "x-already": "1", "src_ids": "1,2", "empty": ""})], None),
    ("empty texts and note", [TranslationUnit("", "", "en", "fr", id="", note="")], {"x-e": ""}),
    ("duplicate and missing ids", [TranslationUnit("a", "b", "en", "fr", id=i) for i in ("1", "1", "", "2", "")],
     None),
    ("region codes", [TranslationUnit("a", "b", "en_us", "zh_hant", id="1")], None),
]


@pytest.mark.parametrize("name,units,header", CASES, ids=[c[0] for c in CASES])
def test_fast_tmx_writer_matches_lxml_byte_for_byte(name: str, units: list[TranslationUnit],
                                                    header: Mapping[str, str] | None) -> None:
    langs = (units[0].src_lang, units[0].tgt_lang) if units else ("en", "fr")
    fast, ref = _both(units, header, langs)
    assert fast == ref


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20) | st.text(max_size=5)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_text, _text, st.one_of(st.none(), _text), st.sampled_from(["", "1", "x", "007"]),
                          st.dictionaries(st.text("abxy-", min_size=1, max_size=4), _text, max_size=2)),
                max_size=4))
def test_fast_tmx_writer_matches_lxml_on_any_text(rows: list[tuple[str, str, str | None, str,
                                                                  dict[str, str]]]) -> None:
    units = [TranslationUnit(s, t, "en", "fr", id=i, note=n, props=p) for s, t, n, i, p in rows]
    fast, ref = _both(units)
    assert fast == ref


@pytest.mark.parametrize("ids,expected", [
    (["1", "2", "1"], [True, True, False]),
    (["0", "0", "00", "00"], [True, False, True, False]),
    (["9999999999", "9999999999"], [True, False]),
    (["a", "b", "a", "7", "7"], [True, True, False, True, False]),
    (["1000000", "999999", "1000000"], [True, True, False]),
])
def test_seen_ids(ids: list[str], expected: list[bool]) -> None:
    seen = _SeenIds()
    assert [seen.add(i) for i in ids] == expected


def test_seen_ids_stay_small_for_line_numbers() -> None:
    seen = _SeenIds()
    for i in range(1, 200_001):
        assert seen.add(str(i))
    assert not seen.add("123456")
    assert len(seen._bits) < 64 * 1024 and not seen._other
