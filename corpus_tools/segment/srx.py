"""SRX 2.0 segmentation through ``choppa-srx`` (CAT-tool compatible segments).

Default rules: LanguageTool's ``segment.srx`` as shipped in the choppa wheel. A user
file (OmegaT, Trados or Okapi export) replaces them. choppa matches language codes
case-sensitively (OmegaT writes ``EN.*``, LanguageTool ``(EN|en).*``); we recompile
every language pattern case-insensitively so ``en``, ``EN`` and ``en-US`` all match.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from corpus_tools.errors import ConfigError, InputError
from corpus_tools.segment._rules import base_language

# LanguageTool's maps: "(EN|en).*" -> rule name; ".*" and "[a-z]{2,3}_one/_two" are generic.
_LT_LANG = re.compile(r"^\(([A-Z]{2,3})\|([a-z]{2,3})\)\.\*$")


class SrxSegmenter:
    """Segments with SRX rules; ``spans`` trims whitespace like the fast engine."""

    def __init__(self, lang: str, srx: str | None = None) -> None:
        try:
            import choppa
            from choppa.iterators import SrxTextIterator
        except ImportError as exc:  # pragma: no cover - choppa-srx is a core dependency
            raise ConfigError("the SRX engine needs choppa-srx: pip install choppa-srx") from exc
        self._iterator = SrxTextIterator
        if srx is None:
            path = Path(choppa.DEFAULT_SRX_RULESET)
            label = "languagetool"
        else:
            path = Path(srx)
            if not path.is_file():
                raise InputError(srx, "SRX file not found")
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
            label = f"{path.name}#{digest}"
        self._document = _load(path, srx is not None)
        if srx is None:
            # LanguageTool's rules: "<lang>_one" selects the rules of that language plus
            # "a line break ends a segment", which is what our paragraphs need.
            code = base_language(lang)
            known = sorted(_lt_languages(self._document))
            if code not in known:
                raise ConfigError(
                    f"LanguageTool's SRX rules have no language {lang!r}; they have: "
                    f"{', '.join(known)} (or give your own rules with --srx FILE)")
            self._code = f"{code}_one"
        else:
            self._code = lang
            specific = [m for m in self._document.language_map_list
                        if m.language_pattern.pattern not in (".*", "(.*)", ".+")]
            if not any(m.matches(lang) for m in self._document.language_map_list):
                pats = ", ".join(sorted({m.language_pattern.pattern for m in specific})) or "none"
                raise ConfigError(f"{srx}: no <languagemap> matches language {lang!r} "
                                  f"(patterns: {pats})")
        self.lang = lang
        self.name = f"srx:{label}:{lang}"

    def __repr__(self) -> str:
        return f"SrxSegmenter({self.name!r})"

    def split(self, text: str) -> list[str]:
        return [text[a:b] for a, b in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        pos = 0
        for seg in self._iterator(self._document, self._code, text):
            s, e = pos, pos + len(seg)
            pos = e
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
        return out


def _lt_languages(document: Any) -> set[str]:
    out: set[str] = set()
    for m in document.language_map_list:
        mm = _LT_LANG.match(m.language_pattern.pattern)
        if mm is not None:
            out.add(mm.group(2))
    return out


def _load(path: Path, user: bool) -> Any:
    import xml.sax

    import regex  # type: ignore[import-untyped]
    from choppa import SrxDocument

    try:
        doc = SrxDocument(ruleset=str(path))
    except xml.sax.SAXParseException as exc:
        raise InputError(str(path), f"not a valid SRX file: {exc.getMessage()}",
                         line=exc.getLineNumber(), column=exc.getColumnNumber()) from exc
    except (regex.error, AttributeError, TypeError, KeyError) as exc:
        raise InputError(str(path), f"not a valid SRX 2.0 file: {exc}") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    if user and not doc.language_map_list:
        raise InputError(str(path), "no <languagemap> in <maprules>: not an SRX 2.0 rule file")
    for m in doc.language_map_list:
        m.language_pattern = regex.compile(m.language_pattern.pattern, regex.IGNORECASE)
    doc.language_rule_cache.clear()
    return doc
