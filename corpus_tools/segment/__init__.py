"""Sentence segmentation: a fast rule engine (default) and SRX 2.0 rules (CAT-tool compatible).

    >>> seg = get_segmenter("en")
    >>> seg.split("Mr. Smith arrived. He left.")
    ['Mr. Smith arrived.', 'He left.']

Every segmenter has ``name`` (for run signatures), ``spans(text)`` (whitespace-trimmed
``(start, end)`` sentence spans covering all non-space text, in order) and ``split(text)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from corpus_tools.errors import ConfigError
from corpus_tools.model import Paragraph, Segment

ENGINES = ("fast", "srx")


class Segmenter(Protocol):
    """What every sentence splitter provides."""

    name: str

    def spans(self, text: str) -> list[tuple[int, int]]: ...

    def split(self, text: str) -> list[str]: ...


def get_segmenter(lang: str, *, engine: str = "fast", srx: str | None = None) -> Segmenter:
    """A segmenter for ``lang``; ``srx`` (a file) implies the SRX engine.

    Raises ConfigError for an unknown engine or language (naming the supported ones).
    """
    if srx is not None:
        engine = "srx"
    if engine == "fast":
        from corpus_tools.segment.fast import FastSegmenter

        return FastSegmenter(lang)
    if engine == "srx":
        from corpus_tools.segment.srx import SrxSegmenter

        return SrxSegmenter(lang, srx)
    raise ConfigError(f"unknown segmentation engine {engine!r}; choose one of: {', '.join(ENGINES)}")


def segment_paragraphs(paragraphs: Iterable[Paragraph], seg: Segmenter) -> Iterator[Segment]:
    """Split each paragraph into sentences; spans are offsets into ``paragraph.text``."""
    for p in paragraphs:
        text = p.text
        for a, b in seg.spans(text):
            yield Segment(text[a:b], paragraph=p.index, start=a, end=b, is_caption=p.is_caption)


def __getattr__(name: str) -> object:
    # SUPPORTED_LANGUAGES lists a folder of the installed sacremoses: computed on first use.
    if name == "SUPPORTED_LANGUAGES":
        from corpus_tools.segment._rules import supported_languages

        return supported_languages()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ENGINES", "SUPPORTED_LANGUAGES", "Segmenter", "get_segmenter", "segment_paragraphs"]
