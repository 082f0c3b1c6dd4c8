"""XML-safety helpers shared by the XML readers and writers."""

from __future__ import annotations

import re

from lxml import etree

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
    return etree.XMLParser(**{**safe_parser_kwargs(), **extra})
