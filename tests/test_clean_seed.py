"""Golden test: the seed document against the reviewer's expected clean text and gold edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_tools.clean import CleanConfig, clean_text
from corpus_tools.cli import main

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_2403a802cb11eb48.txt"
FLAGS = SHARED / "eval" / "flags"


@pytest.fixture
def seed() -> str:
    if not SEED.is_file():
        pytest.skip("../shared is absent (evaluation data not available)")
    return SEED.read_text(encoding="utf-8")


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def test_seed_matches_expected_clean_text(seed: str, tmp_path: Path) -> None:
    out, edits = tmp_path / "clean.txt", tmp_path / "edits.jsonl"
    assert main(["clean", str(SEED), "--lang", "en", "-o", str(out), "--edits", str(edits)]) == 0
    expected = _paragraphs((FLAGS / "seed_clean_expected.txt").read_text(encoding="utf-8"))
    got = _paragraphs(out.read_text(encoding="utf-8"))
    assert len(got) <= len(expected) + 1
    assert sum(a != b for a, b in zip(got, expected)) + abs(len(got) - len(expected)) <= 1
    assert out.read_text(encoding="utf-8").endswith(".\n") and not out.read_text(encoding="utf-8").endswith("\n\n")
    for line in edits.read_text(encoding="utf-8").splitlines():
        e = json.loads(line)
        assert seed[e["start"]:e["end"]] == e["original"]


def test_seed_safe_autofix_items_are_covered_and_traps_untouched(seed: str) -> None:
    res = clean_text(seed, CleanConfig(lang="en"))
    gold = [json.loads(line) for line in (FLAGS / "seed_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    for g in gold:
        if g["safe_autofix"]:
            assert any(e.start < g["end"] and g["start"] < e.end for e in res.edits), g["id"]
    traps = [json.loads(line) for line in (FLAGS / "seed_traps.jsonl").read_text(encoding="utf-8").splitlines()]
    for t in traps:
        hits = [f for f in res.flags if f.start is not None and f.end is not None
                and f.start < t["end"] and t["start"] < f.end
                and not any(f.start < g["end"] and g["start"] < f.end for g in gold)]
        assert not hits, t["id"]
    # (as in score.py, a flag overlapping a gold item is a true positive first)
    # Flags that are not auto-fixes all point at a gold item (no false alarms on the seed).
    for f in res.flags:
        if not f.auto_fixed:
            assert any(f.start < g["end"] and g["start"] < f.end for g in gold), f  # type: ignore[operator]


def test_cli_list_rules_and_bad_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Hello , world\n", encoding="utf-8")
    assert main(["clean", str(src), "--lang", "en", "-o", str(tmp_path / "o.txt"), "--list-rules"]) == 0
    assert "space_before_punct" in capsys.readouterr().out
    assert main(["clean", str(src), "--lang", "en", "-o", str(tmp_path / "o.txt"), "--disable", "nope"]) == 2
    assert not (tmp_path / "o.txt").exists()
    assert main(["clean", str(src), "--lang", "en", "-o", str(tmp_path / "o.txt"),
                 "--disable", "space_before_punct,whitespace"]) == 0
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == "Hello , world\n"
