"""Flag codes used by cleaning, copied from the project taxonomy (BP/DU/TY/ST families).

The flagging stage (``corpus_tools.checks``) reuses these codes; the table is data, not
behaviour, so it can be read without importing the cleaning engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from corpus_tools.model import Severity


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One taxonomy code: what it names, its flag category and default severity."""

    code: str
    name: str
    category: str
    severity: Severity
    safe_autofix: bool


def _c(code: str, name: str, category: str, severity: str, safe: bool) -> tuple[str, CodeInfo]:
    return code, CodeInfo(code, name, category, Severity(severity), safe)


# Source: taxonomy.json of the evaluation set (codes, gold categories, default severities).
CODES: Mapping[str, CodeInfo] = MappingProxyType(dict([
    _c("BP001", "boilerplate line (ad slot, comment/share/newsletter/paywall widget, "
                "related-article teaser, site-name suffix)", "boilerplate", "major", True),
    _c("BP002", "credit line (photo/agency credit, byline)", "credit_line", "major", True),
    _c("BP003", "caption / dateline interleaved with body", "other", "info", False),
    _c("DU001", "exact duplicate line or paragraph", "duplicate_line", "major", True),
    _c("DU002", "near-duplicate paragraph", "duplicate_line", "minor", False),
    _c("TY001", "space before punctuation or closing quote", "typography", "minor", True),
    _c("TY002", "doubled punctuation", "typography", "minor", True),
    _c("TY003", "unbalanced quote or bracket", "typography", "major", False),
    _c("TY004", "misplaced / wrong-direction quote mark", "typography", "minor", True),
    _c("TY005", "stray or trailing dash/separator", "typography", "minor", True),
    _c("TY006", "French guillemets or French spacing in English", "typography", "minor", True),
    _c("TY007", "whitespace noise (double spaces, tabs, trailing)", "typography", "minor", True),
    _c("TY008", "French number/time format left in English", "typography", "major", True),
    _c("TY009", "encoding noise (control characters, invisible characters, non-NFC)",
        "typography", "major", True),
    _c("ST001", "honorific form inconsistent (Mr vs Mr.)", "inconsistent_style", "minor", True),
]))
