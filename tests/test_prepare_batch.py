"""A batch goes on past a bad document: the others land, the bad one is reported and retried."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_tools.cli import main
from tests.conftest import SAMPLES


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_document_in_a_batch_is_skipped_and_reported(tmp_path: Path, jobs: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    src, tgt = tmp_path / "en", tmp_path / "fr"
    src.mkdir()
    tgt.mkdir()
    text_en = (SAMPLES / "geneva-summit.en.txt").read_text(encoding="utf-8").split("\n\n")
    text_fr = (SAMPLES / "geneva-summit.fr.txt").read_text(encoding="utf-8").split("\n\n")
    for i in range(3):
        (src / f"d{i}.txt").write_text("\n\n".join(text_en[4 + i * 3: 7 + i * 3]), encoding="utf-8")
        (tgt / f"d{i}.txt").write_text("\n\n".join(text_fr[2 + i * 3: 5 + i * 3]), encoding="utf-8")
    (tgt / "d1.txt").write_bytes("Caf\xe9 cr\xe8me.".encode("latin-1"))  # not UTF-8: a user error
    out = tmp_path / "out"
    rc = main(["prepare", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "fr", "-o", str(out),
               "--quiet", "--jobs", jobs, "--method", "lexical", "--no-report"])
    err = capsys.readouterr().err
    assert rc == 2
    assert "d1.txt" in err and "byte offset" in err and "Traceback" not in err
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert [f["doc"] for f in run["failed"]] == ["d1.txt"]
    docs = {json.loads(line)["doc"] for line in (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()}
    assert docs == {"d0.txt", "d2.txt"}

    # Fix the file: the rerun redoes only it, and the batch is complete.
    (tgt / "d1.txt").write_text("\n\n".join(text_fr[5:8]), encoding="utf-8")
    rc = main(["prepare", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "fr", "-o", str(out),
               "--quiet", "--jobs", jobs, "--method", "lexical", "--no-report"])
    assert rc == 0
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["failed"] == [] and run["documents_skipped"] == 2


def test_a_rerun_removes_temporaries_left_by_a_killed_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["prepare", str(SAMPLES / "geneva-summit.en.txt"), str(SAMPLES / "geneva-summit.fr.txt"),
            "--src-lang", "en", "--tgt-lang", "fr", "-o", str(out), "--quiet", "--method", "lexical",
            "--no-report"]
    assert main(args) == 0
    # What SIGKILL during a write leaves behind (the signal handlers never run).
    (out / ".corpus.tmx.abc123.tmp").write_text("<tmx", encoding="utf-8")
    shard = next((out / ".shards").iterdir())
    (shard / ".units.jsonl.xyz.tmp").write_text("{", encoding="utf-8")
    (shard / "done.json").unlink()  # that document was not finished
    assert main(args) == 0
    assert not list(out.glob(".*.tmp")) and not list(out.glob(".shards/*/.*.tmp"))
