"""XML-safety helpers shared by the XML readers and writers."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from corpus_tools.errors import InputError

# Characters XML 1.0 forbids (C0 controls but tab/newline/CR, surrogates, U+FFFE/U+FFFF).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_xml_illegal(text: str) -> tuple[str, int]:
    """Return ``text`` without XML-illegal characters, and how many were removed."""
    cleaned, n = XML_ILLEGAL.subn("", text)
    return cleaned, n


def safe_parser_kwargs() -> dict[str, bool]:
    """Parser settings for untrusted XML: no entities, no DTD, no network."""
    return {"resolve_entities": False, "no_network": True, "load_dtd": False,
            "dtd_validation": False, "huge_tree": False}


def safe_parser(**extra: bool) -> etree.XMLParser:
    opts = {**safe_parser_kwargs(), **extra}
    return etree.XMLParser(resolve_entities=opts["resolve_entities"], no_network=opts["no_network"],
                           load_dtd=opts["load_dtd"], dtd_validation=opts["dtd_validation"],
                           huge_tree=opts["huge_tree"])


def xml_input_error(path: str, exc: etree.XMLSyntaxError) -> InputError:
    """A one-line InputError with the line and column of a syntax error."""
    line, col = exc.position if exc.position else (0, 0)
    msg = re.sub(r", line \d+, column \d+$", "", exc.msg or "syntax error")
    # iterparse without entity resolution can report a bare "no element found" at (0, 0);
    # the error log (shared by the thread's parses, so take its latest entry) holds the real one.
    entries: list[Any] = list(exc.error_log) if exc.error_log else []  # type: ignore[call-overload]
    first = next((e for e in reversed(entries) if e.level >= 3), None)
    if first is not None and (not line or msg == "no element found"):
        line, col, msg = first.line, first.column, first.message.strip()
    # Some libxml2 messages go on with a copy of the offending input: keep the first line only.
    msg = (msg.splitlines() or ["syntax error"])[0][:200]
    return InputError(path, f"malformed XML: {msg}", line=line or None, column=col or None)
