"""Flag codes used by cleaning: the checks registry's entries, plus whether cleaning may fix them.

The codes, categories and severities live in one table, :data:`corpus_tools.checks.CHECKS`
(from the project taxonomy); cleaning adds only the ``safe_autofix`` bit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from corpus_tools.checks.registry import CHECKS
from corpus_tools.model import Severity


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One taxonomy code: what it names, its flag category and default severity."""

    code: str
    name: str
    category: str
    severity: Severity
    safe_autofix: bool


# Taxonomy codes cleaning emits, and whether the taxonomy marks them safe to fix without review.
_CLEAN_CODES: Mapping[str, bool] = MappingProxyType({
    "BP001": True, "BP002": True, "BP003": False, "DU001": True, "DU002": False,
    "TY001": True, "TY002": True, "TY003": False, "TY004": True, "TY005": True, "TY006": True,
    "TY007": True, "TY008": True, "TY009": True, "ST001": True,
})

CODES: Mapping[str, CodeInfo] = MappingProxyType({
    code: CodeInfo(code, CHECKS[code].title, CHECKS[code].category, CHECKS[code].severity, safe)
    for code, safe in _CLEAN_CODES.items()
})
