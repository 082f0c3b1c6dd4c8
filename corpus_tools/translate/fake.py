"""A dependency-free translator for tests: ``"[{tgt}] {sentence}"``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpus_tools.translate import TranslateOptions


class FakeTranslator:
    """Marks each non-blank sentence with the target language; blank -> ``""``."""

    fingerprint = "fake"

    def __init__(self, src_lang: str, tgt_lang: str, options: TranslateOptions) -> None:
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.options = options
        self.model = f"fake-{src_lang}_{tgt_lang}"
        self.name = f"fake:{self.model}"
        self.calls = 0  # sentences translated (lets tests see cache hits)

    def signature(self) -> str:
        return self.options.signature()

    def translate_scored(self, sentences: Sequence[str]) -> list[tuple[str, float | None]]:
        out: list[tuple[str, float | None]] = []
        for s in sentences:
            if s.strip():
                self.calls += 1
                out.append((f"[{self.tgt_lang}] {s}", 0.0))
            else:
                out.append(("", None))
        return out

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return [t for t, _ in self.translate_scored(sentences)]

    def close(self) -> None:
        pass
