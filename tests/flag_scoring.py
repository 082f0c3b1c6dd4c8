"""Scoring of checker flags against gold annotations, by the rules of ../shared/eval/flags/score.py.

Copied here so that the held-out document tests need nothing outside the repository:
a prediction overlapping any gold item is a true positive; one lying inside a gold
``delete_line`` span is neutral; any other is a false positive (a trap hit when it overlaps
a trap). Recall counts the ``must_flag`` gold items found.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_doc(path: Path) -> str:
    """The document as decoded (offsets are code points into this string)."""
    return path.read_bytes().decode("utf-8")


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score(gold: list[dict], preds: list[dict], traps: list[dict],
          lexicon_codes: frozenset[str] = frozenset()) -> dict:
    """Counts and lists for one document; ``non_lexicon`` = (found, must) over codes outside ``lexicon_codes``."""
    matched: set[str] = set()
    tp = fp = neutral = trap_hits = 0
    fps: list[tuple[str, str]] = []
    for p in preds:
        hits = [g for g in gold if overlaps(p, g)]
        if hits:
            tp += 1
            matched.update(g["id"] for g in hits)
            continue
        if any(g["action"] == "delete_line" and g["start"] <= p["start"] and p["end"] <= g["end"] for g in gold):
            neutral += 1
            continue
        trap_hits += any(overlaps(p, t) for t in traps)
        fp += 1
        fps.append((p["code"], p["span"][:50]))
    must = [g for g in gold if g["must_flag"]]
    found = sum(g["id"] in matched for g in must)
    other = [g for g in must if g["code"] not in lexicon_codes]
    return {"must": len(must), "found": found, "recall": found / len(must) if must else 1.0,
            "tp": tp, "fp": fp, "neutral": neutral, "trap_hits": trap_hits,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "non_lexicon": (sum(g["id"] in matched for g in other), len(other)), "fps": fps,
            "missed": [(g["id"], g["code"], g["span"][:50]) for g in must if g["id"] not in matched]}


def score_document(checker: Any, folder: Path, doc: str, lexicon_codes: frozenset[str] = frozenset()) -> dict:
    """Run ``checker.check_text`` on ``folder/doc.txt`` and score it against ``doc_gold.jsonl`` and ``doc_traps.jsonl``.

    Every flag's offsets must point at its span in the document (asserted).
    """
    text = read_doc(folder / f"{doc}.txt")
    preds = [f.to_json() for f in checker.check_text(text)]
    for p in preds:
        assert 0 <= p["start"] < p["end"] <= len(text) and text[p["start"]:p["end"]] == p["span"], p
    return score(load_jsonl(folder / f"{doc}_gold.jsonl"), preds, load_jsonl(folder / f"{doc}_traps.jsonl"),
                 lexicon_codes)


def check_annotations(folder: Path, doc: str) -> None:
    """Assert that ``doc``'s gold and trap files point at their spans (ids in order, line and
    occurrence numbers right, delete_line spans whole lines, no trap overlapping a gold item)."""
    text = read_doc(folder / f"{doc}.txt")
    gold = load_jsonl(folder / f"{doc}_gold.jsonl")
    traps = load_jsonl(folder / f"{doc}_traps.jsonl")
    assert [g["id"] for g in gold] == [f"{doc}-{i:03d}" for i in range(1, len(gold) + 1)]
    assert [g["start"] for g in gold] == sorted(g["start"] for g in gold)
    for g in gold:
        assert text[g["start"]:g["end"]] == g["span"], g["id"]
        assert text.count("\n", 0, g["start"]) + 1 == g["line"], g["id"]
        starts, i = [], text.find(g["span"])
        while i >= 0:
            starts.append(i)
            i = text.find(g["span"], i + 1)
        assert starts.index(g["start"]) + 1 == g["occurrence"], g["id"]
        if g["action"] == "delete_line":
            assert g["start"] == 0 or text[g["start"] - 1] == "\n", g["id"]
            assert text[g["end"]:g["end"] + 1] in ("\n", ""), g["id"]
    for t in traps:
        assert text[t["start"]:t["end"]] == t["span"], t["id"]
        assert not any(overlaps(t, g) for g in gold), t["id"]


def totals(results: dict[str, dict]) -> tuple[float, float, int]:
    """Recall, precision and trap hits over several scored documents."""
    must = sum(r["must"] for r in results.values())
    found = sum(r["found"] for r in results.values())
    tp = sum(r["tp"] for r in results.values())
    fp = sum(r["fp"] for r in results.values())
    return found / must, tp / (tp + fp) if tp + fp else 1.0, sum(r["trap_hits"] for r in results.values())
