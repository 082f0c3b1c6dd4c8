"""Three held-out MT news documents (tests/data/flags_heldout), written and annotated blind.

Validation of the annotation files (offsets, sorting, trap/gold disjointness).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "flags_heldout"
DOCS = ("doc1", "doc2", "doc3")


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _text(doc: str) -> str:
    return (DATA / f"{doc}.txt").read_bytes().decode("utf-8")


@pytest.mark.parametrize("doc", DOCS)
def test_annotation_offsets(doc: str) -> None:
    text = _text(doc)
    gold = _load(DATA / f"{doc}_gold.jsonl")
    traps = _load(DATA / f"{doc}_traps.jsonl")
    assert [g["start"] for g in gold] == sorted(g["start"] for g in gold)
    for k, g in enumerate(gold, 1):
        assert g["id"] == f"{doc}-{k:03d}"
        assert text[g["start"]:g["end"]] == g["span"], g["id"]
        assert g["line"] == text.count("\n", 0, g["start"]) + 1, g["id"]
        assert g["action"] in {"delete_line", "delete_span", "replace", "flag_only"}
        if g["action"] == "delete_line":
            assert text[g["start"] - 1:g["start"]] in ("", "\n") and text[g["end"]:g["end"] + 1] in ("", "\n")
    for t in traps:
        assert text[t["start"]:t["end"]] == t["span"], t["id"]
        assert not any(g["start"] < t["end"] and t["start"] < g["end"] for g in gold), t["id"]
