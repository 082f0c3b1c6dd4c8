"""Gold-standard scores of the default engine on the shared suites (skipped without ../shared)."""

from __future__ import annotations

import json
import re

import pytest

from corpus_tools.segment import get_segmenter

# suite -> (language, minimum correct cases): the targets of issue 4
CASE_TARGETS = {
    "pysbd_golden_en": ("en", 47), "pysbd_golden_fr": ("fr", 5),
    "languagetool_en": ("en", 68), "languagetool_fr": ("fr", 51),
    "edge_news_en": ("en", 23), "edge_news_fr": ("fr", 20),
    "moses_splitter_en": ("en", 7),
}
NEWS_TARGETS = {"en_newstest_part.en": ("en", 0.995), "fr_wmt20.fr": ("fr", 0.989), "fr_wmt15.fr": ("fr", 0.988)}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.mark.parametrize("suite", sorted(CASE_TARGETS))
def test_case_suites(shared, suite):
    lang, target = CASE_TARGETS[suite]
    seg = get_segmenter(lang)
    path = shared / "eval" / "segmentation" / f"{suite}.jsonl"
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = [c for c in cases if "\n" not in c["text"].strip()]
    correct = sum([_norm(s) for s in seg.split(_norm(c["text"]))] == [_norm(e) for e in c["expected"] if _norm(e)]
                  for c in cases)
    assert correct >= target


@pytest.mark.parametrize("name", sorted(NEWS_TARGETS))
def test_news_boundary_f1(shared, name):
    # The protocol of shared/eval/segmentation/score.py: ten gold sentences per paragraph.
    lang, target = NEWS_TARGETS[name]
    seg = get_segmenter(lang)
    lines = (shared / "eval" / "segmentation" / "ersatz" / name).read_text(encoding="utf-8").splitlines()
    sents = [s for s in map(_norm, lines) if s and re.search(r"[.!?…»”\"')\]]$", s)]

    def cuts(ss: list[str]) -> set[int]:
        pos, out = 0, set()
        for s in ss[:-1]:
            pos += len(s.replace(" ", ""))
            out.add(pos)
        return out

    tp = fp = fn = 0
    for i in range(0, len(sents), 10):
        gold = sents[i:i + 10]
        g, p = cuts(gold), cuts([_norm(s) for s in seg.split(" ".join(gold))])
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= target
