"""Encodings and text extremes: decoded, or refused with the file and byte offset, never a crash."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest

from corpus_tools.errors import InputError
from corpus_tools.io.text import (
    _CHUNK,
    check_readable,
    iter_lines,
    read_text,
    split_paragraphs,
)
from tests.test_reliability_support import (
    BAD,
    EN,
    FAST_PREPARE,
    FR,
    assert_clean_failure,
    check_outdir,
    check_tmx,
    need,
    need_prepare,
    run_cli,
)

OK_FILES = [  # (file, first sentence after decoding)
    ("utf8-bom.txt", "Héllo wörld."),
    ("utf16le-bom.txt", "Héllo wörld."),
    ("utf16be-bom.txt", "Héllo wörld."),
]

BAD_FILES = [  # (file, byte offset named in the error)
    ("latin1.txt", 6),
    ("cp1252.txt", 8),
    ("utf16le-nobom.txt", 0),
    ("utf32le-bom.txt", 0),
    ("fake.pdf", 0),
]


# ---------------------------------------------------------------------------------------------
# Library level: io.text

@pytest.mark.parametrize("name,first", OK_FILES)
def test_bom_encodings_decode(name: str, first: str) -> None:
    text = read_text(BAD / name)
    assert text.startswith(first)
    assert "\ufeff" not in text


@pytest.mark.parametrize("name,offset", BAD_FILES)
def test_undecodable_names_file_and_offset(name: str, offset: int) -> None:
    for fn in (read_text, check_readable):
        with pytest.raises(InputError) as exc:
            fn(BAD / name)
        assert exc.value.offset == offset
        assert str(BAD / name) in str(exc.value) and f"byte offset {offset}" in str(exc.value)


@pytest.mark.parametrize("head", [b"a" * (_CHUNK - 1), b"a" * (_CHUNK - 2) + "é".encode(), b"a" * 70_000])
def test_offset_is_exact_across_chunk_boundaries(tmp_path: Path, head: bytes) -> None:
    # a 2-byte character cut by the chunk boundary, then an invalid byte
    data = head + "é".encode() + b"ok\xffrest"
    p = tmp_path / "x.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_text(p)
    assert exc.value.offset == data.index(b"\xff")


@pytest.mark.parametrize("encoding,expected", [("latin-1", "Le café est prêt."), ("cp1252", "Le café est prêt.")])
def test_encoding_override(encoding: str, expected: str) -> None:
    assert read_text(BAD / "latin1.txt", encoding).startswith(expected)
    check_readable(BAD / "latin1.txt", encoding)


@pytest.mark.parametrize("encoding,msg", [("no-such-codec", "unknown encoding"), ("base64", "not a text encoding"),
                                          ("rot13", "not a text encoding"), ("zlib", "not a text encoding")])
def test_bad_encoding_names(encoding: str, msg: str) -> None:
    with pytest.raises(InputError, match=msg):
        read_text(BAD / "latin1.txt", encoding)


@pytest.mark.parametrize("data", [
    b"MZ is the abbreviation of a state.\n",  # starts like a Windows executable, but is text
    b"GIF8 is not a picture here.\n",
    b"%PDF is a word in this sentence.\n",
])
def test_text_that_starts_like_a_magic_number_is_text(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "t.txt"
    p.write_bytes(data)
    assert read_text(p) == data.decode()


@pytest.mark.parametrize("data", [b"PK\x03\x04" + b"\x00" * 40, b"\x7fELF\x02\x01\x01" + b"\x00" * 40,
                                  b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, gzip.compress(b"hello"),
                                  b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", bytes(range(256)) * 4])
def test_binary_is_refused(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "doc.txt"
    p.write_bytes(data)
    with pytest.raises(InputError):
        check_readable(p)
    with pytest.raises(InputError):
        read_text(p)


def test_mixed_newlines() -> None:
    text = read_text(BAD / "newlines.txt")
    pars = list(split_paragraphs(text))
    assert [p.text.split()[0] for p in pars] == ["First", "Second", "Third", "Fourth"]
    for p in pars:
        assert text[p.start:p.end] == p.text
    assert list(iter_lines(BAD / "newlines.txt"))[:2] == ["First line", "same para."]


def test_twenty_megabyte_line(tmp_path: Path) -> None:
    """One 20 MB line with no sentence end: read, split and segmented in one pass (no blow-up)."""
    p = tmp_path / "big.txt"
    line = "word " * 4_000_000
    p.write_text(line + "\n", encoding="utf-8")
    text = read_text(p)
    assert len(text) == 20_000_001
    pars = list(split_paragraphs(text))
    assert len(pars) == 1 and pars[0].end - pars[0].start == 19_999_999
    assert [len(x) for x in iter_lines(p)] == [20_000_000]
    check_readable(p)
    need("corpus_tools.segment", "get_segmenter")
    from corpus_tools.segment import get_segmenter

    spans = get_segmenter("en").spans(pars[0].text)
    assert spans == [(0, 19_999_999)]


# ---------------------------------------------------------------------------------------------
# Through the CLI: prepare

def _prepare(tmp_path: Path, src: Path, tgt: Path, *extra: str):
    out = tmp_path / "out"
    return out, run_cli(["prepare", src, tgt, "-o", out, *FAST_PREPARE, "--no-check", *extra])


@pytest.mark.parametrize("name,first", OK_FILES)
def test_prepare_decodes_boms(tmp_path: Path, name: str, first: str) -> None:
    need_prepare()
    out, o = _prepare(tmp_path, BAD / name, BAD / name)
    assert o.rc == 0, o.err
    check_outdir(out)
    rows = [json.loads(x) for x in (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows[0]["translation"]["en"] == first


@pytest.mark.parametrize("side", ["src", "tgt"])
@pytest.mark.parametrize("name,offset", BAD_FILES)
def test_prepare_refuses_before_any_output(tmp_path: Path, name: str, offset: int, side: str) -> None:
    need_prepare()
    src, tgt = (BAD / name, FR) if side == "src" else (EN, BAD / name)
    out, o = _prepare(tmp_path, src, tgt)
    assert_clean_failure(o, mentions=[name, f"byte offset {offset}"])
    assert not out.exists(), "output folder created for a refused input"


def test_prepare_skips_a_binary_file_in_a_folder(tmp_path: Path) -> None:
    """A batch must not stop at its first odd file: the bad document is reported, the others land."""
    need_prepare()
    src, tgt = tmp_path / "en", tmp_path / "fr"
    src.mkdir()
    tgt.mkdir()
    for i in range(3):
        (src / f"doc{i}.txt").write_bytes(EN.read_bytes())
        (tgt / f"doc{i}.txt").write_bytes(FR.read_bytes())
    (tgt / "doc1.txt").write_bytes((BAD / "fake.pdf").read_bytes())
    out = tmp_path / "out"
    o = run_cli(["prepare", src, tgt, "-o", out, *FAST_PREPARE, "--no-check"])
    assert_clean_failure(o, mentions=["doc1.txt"])
    docs = {json.loads(line)["doc"] for line in (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()}
    assert docs == {"doc0.txt", "doc2.txt"}


def test_prepare_encoding_override(tmp_path: Path) -> None:
    need_prepare()
    out, o = _prepare(tmp_path, BAD / "latin1.txt", BAD / "latin1.txt", "--encoding", "latin-1")
    assert o.rc == 0, o.err
    check_outdir(out)
    assert "Le café est prêt." in (out / "corpus.tsv").read_text(encoding="utf-8")


def test_prepare_decoding_error_deep_in_a_file(tmp_path: Path) -> None:
    """Past the first block: still exit 2 with the offset, and no corpus file appears."""
    need_prepare()
    p = tmp_path / "late.txt"
    body = EN.read_bytes() * 40
    p.write_bytes(body + b"\nCaf\xe9.\n")
    out, o = _prepare(tmp_path, p, FR)
    assert_clean_failure(o, mentions=[f"byte offset {len(body) + 4}"])
    assert not out.exists() or not list(out.glob("corpus.*"))


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_empty_document_gives_empty_corpus_and_warning(tmp_path: Path, name: str) -> None:
    need_prepare()
    out, o = _prepare(tmp_path, BAD / name, BAD / name)
    assert o.rc == 0, o.err
    assert any("warning" in line and "empty" in line for line in o.err_lines), o.err
    run = check_outdir(out)
    assert run["counts"].get("units", 0) == 0
    assert run["warnings"]


def test_control_characters_never_reach_the_tmx(tmp_path: Path) -> None:
    need_prepare()
    for extra in ((), ("--no-clean",)):
        out, o = _prepare(tmp_path / ("raw" if extra else "cleaned"), BAD / "control.txt", BAD / "control.txt", *extra)
        assert o.rc == 0, o.err
        check_outdir(out)  # parses the TMX and asserts no XML-illegal character in it
        assert check_tmx(out / "corpus.tmx") >= 1


def test_xml_illegal_characters_are_flagged(tmp_path: Path) -> None:
    """Without cleaning, units that carry XML-illegal characters get a flag in flags.jsonl."""
    need_prepare(check=True)
    from corpus_tools.io.xmlsafe import XML_ILLEGAL

    out = tmp_path / "out"
    o = run_cli(["prepare", BAD / "control.txt", BAD / "control.txt", "-o", out, *FAST_PREPARE, "--no-clean"])
    assert o.rc == 0, o.err
    check_outdir(out)
    rows = [json.loads(x) for x in (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    dirty = {r["id"] for r in rows if any(XML_ILLEGAL.search(t) for t in r["translation"].values())}
    assert dirty, "fixture should leave control characters in units without cleaning"
    flags = [json.loads(x) for x in (out / "flags.jsonl").read_text(encoding="utf-8").splitlines()]
    flagged = {f.get("unit_id") for f in flags}
    assert dirty <= flagged, f"units with XML-illegal characters but no flag: {sorted(dirty - flagged)}"


def test_mixed_newlines_through_prepare(tmp_path: Path) -> None:
    need_prepare()
    out, o = _prepare(tmp_path, BAD / "newlines.txt", BAD / "newlines.txt")
    assert o.rc == 0, o.err
    run = check_outdir(out)
    assert run["counts"]["src_paragraphs"] == 4


def test_long_line_through_prepare(tmp_path: Path) -> None:
    """A 1 MB paragraph made of one sentence: a unit, exact text, valid outputs.

    (The full 20 MB line through ``prepare`` runs in scripts/bad_inputs.sh.)
    """
    need_prepare()
    p = tmp_path / "long.txt"
    p.write_text("word " * 200_000 + "\n", encoding="utf-8")
    out, o = _prepare(tmp_path, p, p, "--no-clean")
    assert o.rc == 0, o.err
    run = check_outdir(out)
    assert run["counts"]["units"] == 1


def test_utf16_sniffing_table() -> None:
    """The UTF-32-LE BOM starts with the UTF-16-LE one: it must not be read as UTF-16."""
    from corpus_tools.io.text import sniff_encoding

    assert sniff_encoding(codecs.BOM_UTF16_LE + b"a\x00", "x", None) == ("utf-16-le", 2)
    assert sniff_encoding(codecs.BOM_UTF16_BE + b"\x00a", "x", None) == ("utf-16-be", 2)
    assert sniff_encoding(codecs.BOM_UTF8 + b"a", "x", None) == ("utf-8", 3)
    with pytest.raises(InputError, match="UTF-32"):
        sniff_encoding(codecs.BOM_UTF32_LE + b"a\x00\x00\x00", "x", None)
