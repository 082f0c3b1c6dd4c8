"""The check registry: one stable code per check, with its category, severity and title.

Codes and default severities follow ``shared/eval/flags/taxonomy.json`` (BP page
furniture, DU duplicates, TY typography, ST style, MT machine-translation artifacts,
BI bilingual); ``TY010`` (repeated word) is ours. ``category`` is the reviewer-facing
class used by the evaluation scorer (``boilerplate``, ``typography``,
``calque_or_false_friend`` ...); bilingual checks use their own category names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from corpus_tools.model import Severity

CHECKS_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class CheckInfo:
    """What a check code means: category, default severity, one-line title and scope."""

    code: str
    category: str
    severity: Severity
    title: str
    scope: str = "mono"  # "mono", "bi" or "mono+bi"


_C, _MA, _MI, _I = Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO

_TABLE: tuple[CheckInfo, ...] = (
    CheckInfo("BP001", "boilerplate", _MA, "boilerplate line (ad slot, widget, teaser, site-name suffix)"),
    CheckInfo("BP002", "credit_line", _MA, "photo/agency credit or byline"),
    CheckInfo("BP003", "other", _I, "photo caption interleaved with body text"),
    CheckInfo("DU001", "duplicate_line", _MA, "exact duplicate line or paragraph"),
    CheckInfo("DU002", "duplicate_line", _MI, "near-duplicate paragraph"),
    CheckInfo("TY001", "typography", _MI, "space before punctuation or closing quote"),
    CheckInfo("TY002", "typography", _MI, "doubled punctuation"),
    CheckInfo("TY003", "typography", _MA, "unbalanced quote or bracket"),
    CheckInfo("TY004", "typography", _MI, "misplaced or wrong-direction quote mark"),
    CheckInfo("TY005", "typography", _MI, "stray or trailing dash"),
    CheckInfo("TY006", "typography", _MI, "French guillemets or French spacing in English"),
    CheckInfo("TY007", "typography", _I, "whitespace noise inside a line"),
    CheckInfo("TY008", "typography", _MA, "French number or time format in English"),
    CheckInfo("TY009", "typography", _MA, "encoding noise (mojibake) or control character"),
    CheckInfo("TY010", "typography", _MI, "word repeated twice in a row"),
    CheckInfo("ST001", "inconsistent_style", _MI, "honorific form inconsistent or untranslated"),
    CheckInfo("ST002", "inconsistent_style", _MI, "spelling variant inconsistent within the document"),
    CheckInfo("ST003", "inconsistent_style", _I, "honorific dropped outside quotes"),
    CheckInfo("MT001", "calque_or_false_friend", _MA, "lexical calque or false friend", "mono+bi"),
    CheckInfo("MT002", "literal_idiom", _MA, "French idiom rendered word for word"),
    CheckInfo("MT003", "garbled_sentence", _MA, "garbled or ungrammatical clause"),
    CheckInfo("MT005", "other", _MI, "preposition or article calque"),
    CheckInfo("MT006", "other", _MI, "structural or tense calque"),
    CheckInfo("MT007", "other", _MA, "untranslated French fragment", "mono+bi"),
    CheckInfo("MT008", "calque_or_false_friend", _I, "register Gallicism or soft false friend"),
    CheckInfo("MT009", "other", _C, "repetition loop", "mono+bi"),
    CheckInfo("BI001", "empty", _C, "empty side", "bi"),
    CheckInfo("BI002", "untranslated", _MA, "target identical to source", "bi"),
    CheckInfo("BI003", "untranslated", _MA, "untranslated fragment copied from the source", "bi"),
    CheckInfo("BI004", "wrong_language", _C, "wrong language on one side", "bi"),
    CheckInfo("BI005", "length_ratio", _MI, "length ratio out of range for the language pair", "bi"),
    CheckInfo("BI006", "number_mismatch", _MA, "number missing or changed", "bi"),
    CheckInfo("BI007", "url_mismatch", _MA, "URL or e-mail missing or changed", "bi"),
    CheckInfo("BI008", "entity_mismatch", _MA, "name or acronym missing or changed", "bi"),
    CheckInfo("BI009", "punctuation_mismatch", _MI, "quote count or final punctuation differs", "bi"),
    CheckInfo("BI010", "repetition", _C, "repetition in the target absent from the source", "bi"),
    CheckInfo("BI011", "bracket_mismatch", _MI, "bracket count differs", "bi"),
    CheckInfo("BI012", "tag_mismatch", _C, "tag or placeholder missing or changed", "bi"),
    CheckInfo("BI015", "calque_or_false_friend", _MA, "French word rendered by its English false friend", "bi"),
    CheckInfo("BI017", "encoding_noise", _MA, "control character or mojibake", "bi"),
    CheckInfo("BI018", "low_similarity", _MA, "meanings of source and target differ (sentence vectors)", "bi"),
)

CHECKS: Mapping[str, CheckInfo] = MappingProxyType({c.code: c for c in _TABLE})

SEVERITY_ORDER: tuple[Severity, ...] = (_C, _MA, _MI, _I)


def check_info(code: str) -> CheckInfo:
    """The registry entry for ``code`` (KeyError if unknown)."""
    return CHECKS[code]
