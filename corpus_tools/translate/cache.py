"""A persistent translation cache (SQLite) and the wrapper that consults it.

Keyed by (model id + weights fingerprint, output-changing options, source text), so a
rerun or a resumed batch never translates a sentence twice, and a replaced model or a
different beam size never reuses stale output. Results are committed every
``chunk`` sentences: an interrupted run keeps what it finished.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from corpus_tools.errors import OutputError

if TYPE_CHECKING:
    from corpus_tools.translate import _Backend

_SCHEMA = """
CREATE TABLE IF NOT EXISTS mt (
    model TEXT NOT NULL,
    options TEXT NOT NULL,
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    score REAL,
    PRIMARY KEY (model, options, src)
) WITHOUT ROWID
"""
_LOOKUP_BATCH = 500  # stays under SQLite's bound-parameter limit


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/corpus-tools/mt-cache.sqlite3`` (``~/.cache`` when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corpus-tools" / "mt-cache.sqlite3"


class TranslationCache:
    """Source -> (translation, score) for one (model, options) pair at a time."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(f"cannot open the translation cache {self.path}: {exc}") from exc

    def get_many(self, model: str, options: str, sources: Iterable[str]) -> dict[str, tuple[str, float | None]]:
        found: dict[str, tuple[str, float | None]] = {}
        todo = list(sources)
        for i in range(0, len(todo), _LOOKUP_BATCH):
            part = todo[i:i + _LOOKUP_BATCH]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(
                f"SELECT src, tgt, score FROM mt WHERE model = ? AND options = ? AND src IN ({marks})",
                (model, options, *part))
            for src, tgt, score in rows:
                found[src] = (tgt, score)
        return found

    def put_many(self, model: str, options: str, items: Iterable[tuple[str, str, float | None]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO mt (model, options, src, tgt, score) VALUES (?, ?, ?, ?, ?)",
                ((model, options, s, t, sc) for s, t, sc in items))

    def close(self) -> None:
        self._db.close()


class CachedTranslator:
    """Wraps a backend: cached sentences are answered from SQLite, the rest translated once."""

    def __init__(self, backend: _Backend, cache: TranslationCache, chunk: int = 2000) -> None:
        self.backend = backend
        self.cache = cache
        self.chunk = chunk
        self.name = backend.name
        self.model = backend.model
        self.hits = 0
        self.misses = 0
        self._key_model = f"{backend.model}|{backend.fingerprint}"
        self._key_options = backend.signature()

    def translate_scored(self, sentences: Sequence[str]) -> list[tuple[str, float | None]]:
        wanted = {s for s in sentences if s.strip()}
        known = self.cache.get_many(self._key_model, self._key_options, wanted)
        missing = [s for s in dict.fromkeys(sentences) if s in wanted and s not in known]
        self.hits += len(known)
        self.misses += len(missing)
        for i in range(0, len(missing), self.chunk):
            part = missing[i:i + self.chunk]
            done = self.backend.translate_scored(part)
            self.cache.put_many(self._key_model, self._key_options,
                                ((s, t, sc) for s, (t, sc) in zip(part, done)))
            known.update(zip(part, done))
        return [known.get(s, ("", None)) for s in sentences]

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return [t for t, _ in self.translate_scored(sentences)]

    def close(self) -> None:
        self.backend.close()
        self.cache.close()
