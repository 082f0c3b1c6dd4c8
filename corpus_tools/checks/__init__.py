"""QA and machine-translation-artifact checks.

Library use::

    from corpus_tools.checks import make_checker, CHECKS
    checker = make_checker("en")                    # raw English text
    for flag in checker.check_text(text): ...
    checker = make_checker("fr", "en")              # bilingual units
    flags = checker.check_pair(src, tgt)

Every check has a stable code in :data:`CHECKS`; flags mark, they never drop.
"""

from __future__ import annotations

from corpus_tools.checks.checker import Checker, make_checker
from corpus_tools.checks.registry import CHECKS, CHECKS_VERSION, CheckInfo

__all__ = ["CHECKS", "CHECKS_VERSION", "CheckInfo", "Checker", "make_checker"]
