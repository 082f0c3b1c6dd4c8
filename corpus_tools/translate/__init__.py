"""Machine translation backends behind one small interface, with a persistent cache.

    >>> from corpus_tools.translate import make_translator, TranslateOptions
    >>> tr = make_translator("en", "fr", TranslateOptions(backend="fake"))
    >>> tr.translate(["Hello.", ""])
    ['[fr] Hello.', '']

Backends (``TranslateOptions.backend``), imported on first use:

* ``argos`` (default): an installed Argos Translate package, run through its CTranslate2
  model and tokenizer directly (batched, length-sorted), needs the ``argos`` extra.
* ``fake``: ``"[{tgt}] {sentence}"`` for every non-empty sentence; no dependency, for
  tests of the stages around translation.

Every translator has ``name`` (for run signatures, e.g. ``argos:translate-en_fr-1.9:beam2``),
``model`` (the model id and version recorded on each machine-made unit),
``translate(sentences) -> list[str]`` (1:1, same order, empty or blank -> ``""``),
``translate_scored(sentences) -> list[tuple[str, float | None]]`` and ``close()``.
With ``cache=True`` (default) results are kept in SQLite, keyed by model, options and
source text, at ``cache_path`` or ``$XDG_CACHE_HOME/corpus-tools/mt-cache.sqlite3``.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from corpus_tools.errors import ConfigError

BACKENDS: dict[str, str] = {
    "argos": "corpus_tools.translate.argos:ArgosTranslator",
    "fake": "corpus_tools.translate.fake:FakeTranslator",
}
DEVICES = ("cpu", "cuda", "auto")


@dataclass(frozen=True, slots=True)
class TranslateOptions:
    """How to translate; every field that can change the output is part of the cache key."""

    beam_size: int = 2
    threads: int = 0  # CPU threads for one batch; 0 = CTranslate2's default
    device: str = "cpu"  # cpu | cuda | auto
    compute_type: str = "auto"  # CTranslate2 compute type; "auto" as Argos (int8 on most CPUs), "default" = as saved
    cache: bool = True
    cache_path: str | None = None
    batch_tokens: int = 4096  # source pieces per batch
    backend: str = "argos"
    max_length_ratio: float = 2.0  # max output pieces = ratio * input pieces + 16

    def __post_init__(self) -> None:
        if self.beam_size < 1:
            raise ConfigError(f"beam size must be >= 1, not {self.beam_size}")
        if self.threads < 0:
            raise ConfigError(f"threads must be >= 0, not {self.threads}")
        if self.device not in DEVICES:
            raise ConfigError(f"unknown device {self.device!r}; choose one of: {', '.join(DEVICES)}")
        if self.batch_tokens < 1:
            raise ConfigError(f"batch tokens must be >= 1, not {self.batch_tokens}")
        if self.backend not in BACKENDS:
            raise ConfigError(f"unknown translation backend {self.backend!r}; "
                              f"choose one of: {', '.join(BACKENDS)}")
        if self.max_length_ratio <= 0:
            raise ConfigError(f"max length ratio must be > 0, not {self.max_length_ratio}")

    def signature(self) -> str:
        """The options that change the output, as a stable string (part of the cache key)."""
        return (f"beam{self.beam_size}|{self.compute_type}|{self.device}"
                f"|ratio{self.max_length_ratio:g}")


class Translator(Protocol):
    """What every backend provides."""

    name: str
    model: str

    def translate(self, sentences: Sequence[str]) -> list[str]: ...

    def translate_scored(self, sentences: Sequence[str]) -> list[tuple[str, float | None]]: ...

    def close(self) -> None: ...


class _Backend(Translator, Protocol):
    #: what, beyond ``model``, identifies the weights (changes when a package is replaced)
    fingerprint: str

    def signature(self) -> str: ...


def make_translator(src_lang: str, tgt_lang: str, options: TranslateOptions | None = None) -> Translator:
    """A translator for ``src_lang`` -> ``tgt_lang``, wrapped in the cache unless ``options.cache`` is off.

    Raises BackendUnavailableError when the backend's extra is missing, ConfigError when no
    installed model covers the pair (the message lists the installed pairs).
    """
    options = options or TranslateOptions()
    module_name, _, cls_name = BACKENDS[options.backend].partition(":")
    cls = getattr(importlib.import_module(module_name), cls_name)
    backend: _Backend = cls(src_lang, tgt_lang, options)
    if not options.cache:
        return backend
    from corpus_tools.translate.cache import CachedTranslator, TranslationCache

    return CachedTranslator(backend, TranslationCache(options.cache_path))


__all__ = ["BACKENDS", "DEVICES", "TranslateOptions", "Translator", "make_translator"]
