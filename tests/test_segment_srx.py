"""SRX mode: LanguageTool's bundled rules and a user rule file, through choppa."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools.errors import ConfigError, InputError
from corpus_tools.segment import get_segmenter

USER_SRX = Path(__file__).resolve().parent / "data" / "segment_user.srx"

# (language code as the user types it, text, expected) for tests/data/segment_user.srx:
# "Mr", "Dr", "Acme" are exceptions for EN.* only; ";" breaks for EN.* and FR.*.
USER_CASES = [
    ("en", "Mr. Smith met Acme. Staff; then left. Done", ["Mr. Smith met Acme. Staff;", "then left.", "Done"]),
    ("EN", "Dr. Who. Next", ["Dr. Who.", "Next"]),
    ("en-GB", "Dr. Who. Next", ["Dr. Who.", "Next"]),
    ("en_us", "Dr. Who. Next", ["Dr. Who.", "Next"]),
    ("fr", "Mr. Smith; then. Done", ["Mr.", "Smith;", "then.", "Done"]),
]


@pytest.mark.parametrize("lang,text,expected", USER_CASES)
def test_user_srx_file_case_insensitive(lang, text, expected):
    seg = get_segmenter(lang, srx=str(USER_SRX))
    spans = seg.spans(text)
    assert [text[a:b] for a, b in spans] == expected
    assert seg.split(text) == expected
    assert seg.name.startswith("srx:segment_user.srx#") and seg.name.endswith(f":{lang}")


def test_user_srx_language_without_map():
    with pytest.raises(ConfigError, match="no <languagemap> matches language 'de'"):
        get_segmenter("de", srx=str(USER_SRX))


@pytest.mark.parametrize("lang", ["en", "EN", "en-US"])
def test_languagetool_default(lang):
    seg = get_segmenter(lang, engine="srx")
    assert seg.name == f"srx:languagetool:{lang}"
    text = "Mr. Smith arrived.  He left.\nA headline"
    spans = seg.spans(text)
    assert [text[a:b] for a, b in spans] == ["Mr. Smith arrived.", "He left.", "A headline"]


def test_languagetool_unknown_language():
    with pytest.raises(ConfigError, match="LanguageTool's SRX rules have no language 'xx'"):
        get_segmenter("xx", engine="srx")


def test_missing_and_invalid_srx(tmp_path):
    with pytest.raises(InputError, match="not found"):
        get_segmenter("en", srx=str(tmp_path / "nope.srx"))
    bad = tmp_path / "bad.srx"
    bad.write_text("<srx><body>", encoding="utf-8")
    with pytest.raises(InputError, match="bad.srx"):
        get_segmenter("en", srx=str(bad))


def test_shared_rule_files_load(shared):
    """The OmegaT and Okapi exports in ../shared segment English."""
    for name in ("omegat_defaultRules.srx", "okapi_defaultSegmentation.srx"):
        seg = get_segmenter("en", srx=str(shared / "eval" / "segmentation" / "srx" / name))
        assert seg.split("Is Dr. Watson there? Yes, he is.") == ["Is Dr. Watson there?", "Yes, he is."]
