"""write_report: a self-contained page whose embedded data and summary match the output folder."""

from __future__ import annotations

import base64
import gzip
import json
import re
from pathlib import Path

import pytest

from corpus_tools.cli import main
from corpus_tools.errors import InputError
from corpus_tools.report import write_report
from tests import test_report_fixture as rf

DATA_RE = re.compile(r'<script type="application/octet-stream" id="report-data" data-encoding="gzip\+base64">'
                     r'([A-Za-z0-9+/=]*)</script>')


def embedded(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    m = DATA_RE.search(text)
    assert m is not None
    return json.loads(gzip.decompress(base64.b64decode(m.group(1))))


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    return rf.make_outdir(tmp_path / "out")


def test_default_path_and_self_contained(outdir: Path) -> None:
    page = write_report(outdir)
    assert page == outdir / "report.html"
    text = page.read_text(encoding="utf-8")
    assert "http://" not in text and "https://" not in text  # no CDN, no network
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", text)
    assert text.count("</script>") == 2  # the data block and the code; text never closes them
    assert not (outdir / ".report.html.tmp").exists()
    assert not [p for p in outdir.iterdir() if p.name.endswith(".tmp")]


def test_embedded_data_matches_the_folder(outdir: Path) -> None:
    data = embedded(write_report(outdir))
    assert [u[0] for u in data["units"]] == [u[0] for u in rf.UNITS]
    assert [(u[1], u[2]) for u in data["units"]] == [(u[1], u[2]) for u in rf.UNITS]
    assert [f[0] for f in data["flags"]] == [f["code"] for f in rf.FLAGS]
    assert data["meta"]["src_lang"] == "en" and data["meta"]["tgt_lang"] == "fr"
    assert len(data["rejects"]) == 2 and data["rejects"][1][4] == "<i>Une phrase</i>\tavec tabulation"
    by_code = {f[0]: f for f in data["flags"]}
    assert by_code["ORPH1"][7] == -2  # unit not in the corpus
    assert by_code["CL001"][7] == -1 and by_code["CL001"][3] == ""  # a deletion in the original


@pytest.mark.parametrize("index, side, start, end", [
    (4, "src", 14, 21),   # after "🎉" (one code point, two UTF-16 units)
    (5, "tgt", 14, 18),
    (0, "tgt", 30, 43),   # no astral characters: unchanged
])
def test_offsets_become_utf16_for_javascript(outdir: Path, index: int, side: str, start: int, end: int) -> None:
    flag = embedded(write_report(outdir))["flags"][index]
    assert (flag[4], flag[5], flag[6]) == (side, start, end)


def test_summary(outdir: Path) -> None:
    text = write_report(outdir, outdir / "sub" / "r.html").read_text(encoding="utf-8")
    summary = text[:text.index('<section class="units-section"')]
    assert '<div class="v">6</div><div class="l">units</div>' in summary
    assert '<div class="v">10</div><div class="l">flags</div>' in summary
    assert "confidence 0.9–1.0: 2 units" in summary and "no score: 1 units" in summary
    assert 'data-filter-code="XSS&quot;&#x27;&lt;"' in summary
    assert "<svg" in summary and "unaligned: no counterpart" in summary


def test_without_optional_files(tmp_path: Path) -> None:
    d = tmp_path / "bare"
    d.mkdir()
    (d / "corpus.jsonl").write_text(json.dumps({"id": "a", "translation": {"de": "Hallo", "it": "Ciao"}}) + "\n")
    data = embedded(write_report(d))
    assert data["meta"]["src_lang"] == "de" and data["units"][0][:3] == ["a", "Hallo", "Ciao"]
    assert data["flags"] == [] and data["rejects"] == []


def test_codes_without_details_are_still_shown(tmp_path: Path) -> None:
    d = tmp_path / "o"
    d.mkdir()
    (d / "corpus.jsonl").write_text(json.dumps({"id": "a", "translation": {"en": "x", "fr": "y"},
                                                "flags": ["ZZ9"]}) + "\n")
    flags = embedded(write_report(d))["flags"]
    assert [(f[0], f[7]) for f in flags] == [("ZZ9", 0)]


def test_undecodable_bytes_do_not_break_the_page(tmp_path: Path) -> None:
    d = tmp_path / "o"
    d.mkdir()
    (d / "corpus.jsonl").write_bytes(b'{"id": "a", "translation": {"en": "caf\xe9", "fr": "caf\xc3\xa9"}}\n')
    assert embedded(write_report(d))["units"][0][2] == "café"


@pytest.mark.parametrize("content, line", [
    ('{"id": "a", "translation": {"en": "x", "fr": "y"}}\n{oops\n', 2),
    ('{"id": "a", "translation": {"en": "x"}}\n', 1),
    ("[1, 2]\n", 1),
])
def test_bad_corpus_is_an_input_error_with_the_line(tmp_path: Path, content: str, line: int) -> None:
    d = tmp_path / "o"
    d.mkdir()
    (d / "corpus.jsonl").write_text(content)
    with pytest.raises(InputError) as err:
        write_report(d)
    assert err.value.line == line
    assert not (d / "report.html").exists()


def test_missing_corpus(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="corpus.jsonl"):
        write_report(tmp_path)


def test_cli(outdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(outdir), "-o", str(tmp_path / "x.html")]) == 0
    assert (tmp_path / "x.html").is_file()
    assert main(["report", str(tmp_path / "nowhere")]) == 2
    assert "corpus.jsonl" in capsys.readouterr().err
