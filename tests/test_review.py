"""apply_decisions: the reviewer's decisions become the final corpus in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from corpus_tools.cli import main
from corpus_tools.errors import InputError, UserError
from corpus_tools.io import read_units
from corpus_tools.report import apply_decisions, read_decisions
from tests import test_report_fixture as rf


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    return rf.make_outdir(tmp_path / "out")


def write(path: Path, *objs: object) -> Path:
    path.write_text("".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objs),
                    encoding="utf-8")
    return path


def test_apply(outdir: Path, tmp_path: Path) -> None:
    dec = write(tmp_path / "d.jsonl",
                {"id": "u1", "decision": "reject"},
                {"id": "u1", "decision": "accept"},  # the last decision for an id wins
                {"id": "u3", "decision": "accept", "target": "Les pourparlers ont pris fin tard.", "note": "cut"},
                {"id": "u4", "decision": "reject", "note": "garbage"},
                {"id": "u6", "decision": "accept", "target": "Une phrase propre."},  # same text: accepted
                "")
    final = tmp_path / "final"
    counts = apply_decisions(outdir, dec, final)
    assert counts == {"accepted": 2, "rejected": 1, "edited": 1, "unchanged": 2}
    for name in ("corpus.tmx", "corpus.tsv", "corpus.jsonl"):
        units = list(read_units(final / name, "en", "fr", tsv_columns=()))
        assert [u.tgt for u in units][2] == "Les pourparlers ont pris fin tard.", name
        assert len(units) == 5 and "<script>alert(1)</script>" not in [u.src for u in units], name
    jsonl = {u.id: u for u in read_units(final / "corpus.jsonl")}
    assert jsonl["u1"].props["reviewed"] == "accepted" and jsonl["u6"].props["reviewed"] == "accepted"
    assert jsonl["u3"].props["reviewed"] == "edited" and jsonl["u3"].props["review_note"] == "cut"
    assert "reviewed" not in jsonl["u2"].props
    # The target-only flag (AL002) was about the old target; the whole-unit one (LEN01) stays.
    assert jsonl["u3"].flag_codes == ("LEN01",)
    tus = {tu.get("tuid"): tu for tu in etree.parse(str(final / "corpus.tmx")).iter("tu")}
    assert tus["u3"].get("changedate") and tus["u1"].get("changedate") and tus["u2"].get("changedate") is None
    assert tus["u3"].find("prop[@type='x-reviewed']").text == "edited"
    rejects = (final / "rejects.tsv").read_text(encoding="utf-8").splitlines()
    assert rejects[0] == "doc\tside\tindex\treason\ttext" and len(rejects) == 1 + 2 + 2
    assert rejects[3].split("\t")[:4] == ["evil.txt", "src", "0", "review: rejected"]
    assert rejects[4].split("\t")[1] == "tgt"


@pytest.mark.parametrize("line, match", [
    ({"id": "nope", "decision": "accept"}, "unknown unit id 'nope'"),
    ({"id": "u1", "decision": "maybe"}, "must be \"accept\" or \"reject\""),
    ({"decision": "accept"}, 'missing "id"'),
    ({"id": "u1", "decision": "accept", "target": 3}, '"target" must be a string'),
    ({"id": "u1", "decision": "accept", "tgt": "x"}, "unknown field"),
    ("{not json", "invalid JSON"),
    ("[1]", "expected a JSON object"),
])
def test_bad_decisions_name_the_line(outdir: Path, tmp_path: Path, line: object, match: str) -> None:
    dec = write(tmp_path / "d.jsonl", {"id": "u2", "decision": "reject"}, line)
    with pytest.raises(InputError, match=match) as err:
        apply_decisions(outdir, dec, tmp_path / "final")
    assert err.value.line == 2
    assert not (tmp_path / "final" / "corpus.tmx").exists()  # nothing written


def test_final_folder_must_differ(outdir: Path, tmp_path: Path) -> None:
    dec = write(tmp_path / "d.jsonl", {"id": "u1", "decision": "accept"})
    with pytest.raises(UserError, match="must differ"):
        apply_decisions(outdir, dec, outdir)


def test_read_decisions_last_wins(tmp_path: Path) -> None:
    dec = write(tmp_path / "d.jsonl", {"id": 7, "decision": "accept", "target": "a"}, {"id": "7", "decision": "reject"})
    got = read_decisions(dec)
    assert list(got) == ["7"] and got["7"].decision == "reject" and got["7"].line == 2


def test_cli(outdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dec = write(tmp_path / "d.jsonl", {"id": "u2", "decision": "reject"})
    assert main(["review", "apply", str(outdir), str(dec), "-o", str(tmp_path / "final")]) == 0
    assert "1 rejected" in capsys.readouterr().out
    bad = write(tmp_path / "bad.jsonl", {"id": "zz", "decision": "reject"})
    assert main(["review", "apply", str(outdir), str(bad), "-o", str(tmp_path / "f2")]) == 2
    assert "line 1" in capsys.readouterr().err
