"""End to end: the README's prepare command on the shipped sample, then the TMX in real tools."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_tools.cli import main
from tests.conftest import SAMPLES

EN = SAMPLES / "geneva-summit.en.txt"
FR = SAMPLES / "geneva-summit.fr.txt"
OUTPUTS = ("corpus.tmx", "corpus.tsv", "corpus.jsonl", "flags.jsonl", "rejects.tsv", "run.json")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("prepare") / "out"
    rc = main(["prepare", str(EN), str(FR), "--src-lang", "en", "--tgt-lang", "fr", "-o", str(outdir),
               "--quiet", "--jobs", "1"])
    assert rc == 0
    return outdir


def test_prepare_writes_every_output(out: Path) -> None:
    for name in OUTPUTS:
        assert (out / name).is_file(), name
    assert not list(out.glob(".*.tmp")), "temporary files left behind"


def _tmx_units(path: Path) -> list:
    from lxml import etree

    return etree.parse(str(path)).getroot().findall("body/tu")


def test_tmx_has_one_unit_per_bead(out: Path) -> None:
    tus = _tmx_units(out / "corpus.tmx")
    assert len(tus) >= 40
    jsonl = (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(jsonl) == len(tus)
    tsv = (out / "corpus.tsv").read_text(encoding="utf-8").splitlines()
    assert len(tsv) == len(tus)


def test_every_sentence_is_accounted_for(out: Path) -> None:
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    c = run["counts"]
    assert c["src_in_units"] + c["src_rejected"] == c["src_sentences"]
    assert c["tgt_in_units"] + c["tgt_rejected"] == c["tgt_sentences"]
    with open(out / "rejects.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == ["doc", "side", "index", "reason", "text"]
    assert len(rows) - 1 == c["src_rejected"] + c["tgt_rejected"]
    assert all(r[3] for r in rows[1:])


def test_run_json_records_the_signature(out: Path) -> None:
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    for key in ("tool", "segmenter", "aligner", "checks", "cleaner"):
        assert run["signature"][key], key
    from lxml import etree

    header = etree.parse(str(out / "corpus.tmx")).getroot().find("header")
    sig = header.find("prop[@type='x-signature']").text
    assert "aligner:" in sig and "segmenter:" in sig


def test_jsonl_loads_with_hugging_face_datasets(out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    ds = datasets.load_dataset("json", data_files=str(out / "corpus.jsonl"), split="train",
                               cache_dir=str(tmp_path / "hf"))
    assert len(ds) >= 40
    row = ds[0]
    assert set(row["translation"]) == {"en", "fr"}
    assert row["translation"]["en"] and row["translation"]["fr"]


def test_tmx_validates_against_the_tmx14_dtd(out: Path, shared: Path) -> None:
    if not Path("/usr/share/omegat/OmegaT.jar").exists():
        pytest.skip("OmegaT (source of the TMX 1.4 DTD) is not installed: apt-get install -y omegat")
    r = subprocess.run([sys.executable, str(shared / "tools" / "validate_tmx.py"), str(out / "corpus.tmx")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.omegat
def test_omegat_reuses_the_translations(out: Path, shared: Path) -> None:
    if not Path("/usr/share/omegat/OmegaT.jar").exists() or shutil.which("java") is None:
        pytest.skip("OmegaT/Java not installed: apt-get install -y omegat")
    r = subprocess.run([sys.executable, str(shared / "tools" / "omegat_check.py"), str(out / "corpus.tmx")],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0 and "PASS" in r.stdout, r.stdout + r.stderr


def test_prepare_without_target_needs_translate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["prepare", str(EN), "--src-lang", "en", "--tgt-lang", "fr", "-o", str(tmp_path / "o")])
    assert rc == 2
    err = capsys.readouterr().err
    assert "--translate" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


def test_cli_entry_points() -> None:
    for argv in (["corpus-tools", "--version"], [sys.executable, "-m", "corpus_tools", "--version"]):
        r = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        assert r.returncode == 0 and r.stdout.startswith("corpus-tools ")


def test_prepare_translate_marks_machine_units(tmp_path: Path) -> None:
    outdir = tmp_path / "mt"
    rc = main(["prepare", str(EN), "--translate", "--mt-backend", "fake", "--src-lang", "en", "--tgt-lang", "fr",
               "-o", str(outdir), "--quiet", "--no-report"])
    assert rc == 0
    rows = [json.loads(line) for line in (outdir / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 40
    assert all(r["origin"] == "machine" and r["model"] == "fake-en_fr" for r in rows)
    assert all(r["translation"]["fr"] == "[fr] " + r["translation"]["en"] for r in rows)
    run = json.loads((outdir / "run.json").read_text(encoding="utf-8"))
    assert run["signature"]["translator"].startswith("fake")
    assert run["counts"]["src_in_units"] + run["counts"]["src_rejected"] == run["counts"]["src_sentences"]


@pytest.mark.parametrize("option,reason", [(["--drop-severity", "major"], "flagged "),
                                           (["--min-score", "0.9"], "low alignment score")])
def test_filters_send_units_to_rejects_not_to_nowhere(tmp_path: Path, option: list[str], reason: str) -> None:
    outdir = tmp_path / "f"
    rc = main(["prepare", str(EN), str(FR), "--src-lang", "en", "--tgt-lang", "fr", "-o", str(outdir),
               "--quiet", "--no-report", "--method", "lexical", *option])
    assert rc == 0
    run = json.loads((outdir / "run.json").read_text(encoding="utf-8"))
    c = run["counts"]
    assert c["src_rejected"] > 0
    assert c["src_in_units"] + c["src_rejected"] == c["src_sentences"]
    assert c["tgt_in_units"] + c["tgt_rejected"] == c["tgt_sentences"]
    with open(outdir / "rejects.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    assert rows and all(r[3].startswith(reason) for r in rows)
    kept = [json.loads(line) for line in (outdir / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    if "--min-score" in option:
        assert all(u["score"] >= 0.9 for u in kept)
