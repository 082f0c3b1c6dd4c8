"""Cleaning: strip page furniture and repair English typography, logging every edit.

Words are never rewritten. Each change is an :class:`~corpus_tools.model.Edit` with its
place in the input (code points) and an auto-fixed :class:`~corpus_tools.model.Flag`;
what cannot be repaired safely (unbalanced quotes, French times) is flagged only.

    >>> from corpus_tools.clean import CleanConfig, clean_text
    >>> clean_text("Hello , world . .", CleanConfig(lang="en")).paragraphs[0].text
    'Hello, world.'
"""

from __future__ import annotations

from corpus_tools.clean.batch import find_recurring_lines
from corpus_tools.clean.codes import CODES, CodeInfo
from corpus_tools.clean.engine import (
    RULES,
    CleanConfig,
    CleanResult,
    RuleInfo,
    apply_edits,
    clean_text,
)

__all__ = ["CODES", "RULES", "CleanConfig", "CleanResult", "CodeInfo", "RuleInfo", "apply_edits",
           "clean_html", "clean_text", "find_recurring_lines"]


def clean_html(html: str | bytes, config: CleanConfig | None = None, source: str = "<html>") -> CleanResult:
    """Extract the main text of an HTML page, then clean it.

    Offsets in the result point into the extracted text (blocks separated by a blank
    line), not into the HTML; ``figcaption`` blocks come out with ``is_caption=True``.
    """
    from corpus_tools.clean.html import extract_html

    text, captions = extract_html(html, source)
    return clean_text(text, config, caption_spans=captions)


