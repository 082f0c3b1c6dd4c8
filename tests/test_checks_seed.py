"""The seed document scored against the shared gold annotation (skips without ../shared)."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

from corpus_tools.checks import make_checker

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_2403a802cb11eb48.txt"
FLAGS = SHARED / "eval" / "flags"


@pytest.fixture(scope="module")
def scored() -> dict[str, object]:
    if not (SEED.exists() and (FLAGS / "score.py").exists()):
        pytest.skip("../shared (seed and gold flags) not available")
    text = SEED.read_bytes().decode("utf-8")
    preds = [f.to_json() for f in make_checker("en").check_text(text)]
    for p in preds:
        assert text[p["start"]:p["end"]] == p["span"]
    score = runpy.run_path(str(FLAGS / "score.py"))["score"]
    load = runpy.run_path(str(FLAGS / "score.py"))["load"]
    return score(load(str(FLAGS / "seed_gold.jsonl")), preds, load(str(FLAGS / "seed_traps.jsonl")))


def test_seed_recall(scored: dict[str, object]) -> None:
    assert scored["recall"] >= 0.9, json.dumps(scored, ensure_ascii=False)


def test_seed_precision(scored: dict[str, object]) -> None:
    assert scored["precision"] >= 0.9, json.dumps(scored, ensure_ascii=False)


def test_seed_no_trap_hit(scored: dict[str, object]) -> None:
    assert scored["trap_hits"] == 0, json.dumps(scored, ensure_ascii=False)
