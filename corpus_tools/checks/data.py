"""Loading of the shipped check data (word lists, boilerplate and credit patterns, name table)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus_tools.checks.lexicon import (
    LexEntry,
    LexiconIndex,
    derive_triggers,
    index_keys,
)
from corpus_tools.checks.lexicon import data_lines as _lines
from corpus_tools.checks.lexicon import data_words as _words


@dataclass(frozen=True, slots=True)
class CheckData:
    """Immutable tables shared by the checks; build once per checker with :func:`load_check_data`."""

    fr_strong: frozenset[str]
    fr_weak: frozenset[str]
    fr_clausal: frozenset[str]
    en_words: frozenset[str]
    # the boilerplate patterns one by one, indexed by their trigger words: a line is
    # boilerplate when one of the candidates its tokens select matches it whole
    boilerplate: LexiconIndex
    credit: re.Pattern[str]
    outlet_suffix: re.Pattern[str]
    names_fr_en: tuple[tuple[frozenset[str], frozenset[str]], ...]
    # word prefixes one of which every furniture line of a derivable pattern starts a token with
    # (lexicon.index_keys, for patterns derive_triggers finds a trigger in), plus the credit-line
    # lead words: a cheap gate for sentences
    furniture_cues: tuple[str, ...] = ()
    # French words English does not use, and the French loanwords English does use (MT007)
    fr_only: frozenset[str] = frozenset()
    en_loans: frozenset[str] = frozenset()


# Clause-building French words: a French fragment must contain one (names of institutions do not).
_FR_CLAUSAL = frozenset(["il", "elle", "ils", "elles", "je", "tu", "nous", "vous", "est", "sont", "était", "étaient", "ont", "avons", "avez", "ai", "suis", "sera", "seront", "fait", "peut", "peuvent", "faut", "dit", "disent", "va", "vont", "ne", "pas", "que", "qui", "mais", "c", "n", "qu", "j", "s", "avait", "avaient", "sommes", "êtes", "veut", "veulent", "doit", "doivent", "sait", "savent"])

_NAME = r"(?-i:[A-ZÀ-Ý][\w'’.-]+)"
# lead words of credit lines ('Photo: ...', 'Credit ...', 'File photo ...', '© ...' has none)
_CREDIT_CUES = ("photo", "credit", "crédit", "image", "file", "archives", "source", "video", "vidéo",
                "illustration", "graphic", "graphique")


def _credit_pattern(agencies: list[str]) -> re.Pattern[str]:
    agency = "(?:" + "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True)) + ")"
    name = rf"{_NAME}(?:\s+(?:(?-i:d[eu]|van|von|la|le|da|di|al|el|bin|ibn)\s+)?{_NAME}){{0,3}}"
    prefix = (r"(?:(?:photo|photos|photograph|image|images|credit|credits|crédit|source|video|vidéo|illustration"
              r"|graphic|graphique|file\s+photo|photo\s+d'archives|archives)\s*[:/|-]?\s*|©\s*)?")
    agencies_run = (rf"{agency}(?:\s*(?:/|via|,|for|pour|and|et)\s*{agency})*"
                    r"(?:\s+(?:photo|photos|file\s+photo|file|files|archives|pool|handout))?")
    forms = [
        # Name/Agency, Name, Agency, Name - Agency, Agency/Agency
        rf"\(?{prefix}(?:{name}\s*(?:/|,|\||\s[–—-]\s|\s)\s*(?:(?:via|for|pour)\s+)?)?{agencies_run}\)?",
        # Agency/Name: 'The Canadian Press/Adrian Wyld'
        rf"\(?{prefix}{agencies_run}\s*[/,|]\s*{name}\)?",
        # Photo: Name (no agency), PHOTO ARCHIVES LA PRESSE
        rf"(?:photo|photos|crédit\s+photo|photo\s+credit|credit|image)\s*:\s*{name}(?:\s*[,/|]\s*[\w'’ .&-]{{1,40}})?",
        r"(?-i:PHOTO|PHOTOS)\s+[A-ZÀ-Ý0-9'’ .&/,-]{3,60}",
        # © words/Agency or Outlet: '© FT montage/Getty Images', '© Jane Doe for Le Monde/Hans Lucas'
        rf"©\s*[^/\n]{{1,40}}/\s*(?:{agencies_run}|{name})",
        # bylines: By First Last[, Outlet]
        (rf"(?:by|par)\s+{_NAME}\s+{_NAME}(?:\s+{_NAME}){{0,2}}(?:\s*(?:,|and|et|&)\s*{_NAME}\s+{_NAME}(?:\s+{_NAME}){{0,2}})*"
         rf"(?:\s*[,|/–—-]\s*(?:(?:the\s+)?{_NAME}\s*|&\s*){{1,6}})?"),
        # With files from The Canadian Press / Avec AFP
        (rf"\(?(?:with|avec)\s+(?:(?:files|information|reporting|notes|contributions?)\s+(?:from|de)\s+|(?:l'|les\s+)?)?"
         rf"(?:the\s+)?{agencies_run}\)?"),
    ]
    return re.compile(r"(?:" + "|".join(forms) + r")\s*\.?", re.IGNORECASE)


BP_TAIL = r"[\s.!?:;,…]*"  # what may follow a boilerplate pattern on its line


def _boilerplate_index(patterns: list[str]) -> LexiconIndex:
    """One entry per pattern (anchored by the caller's fullmatch), found through its trigger words."""
    entries = []
    for i, p in enumerate(patterns, 1):
        triggers, required, groups = index_keys(p)
        entries.append(LexEntry(
            code="BP001", french="", pattern=re.compile(f"(?:{p}){BP_TAIL}", re.IGNORECASE), suggestion="", note="",
            near=None, unless=None, severity=None, triggers=triggers, source=f"boilerplate.txt:{i}",
            required=required, groups=groups))
    return LexiconIndex(entries)


def load_check_data() -> CheckData:
    """Read every table from package data (a few milliseconds; call once per checker)."""
    boiler = _lines("boilerplate.txt")
    names: list[tuple[frozenset[str], frozenset[str]]] = []
    for ln in _lines("names_fr_en.tsv")[1:]:
        cells = ln.split("\t")
        if len(cells) >= 2:  # further columns are notes
            names.append((frozenset(cells[0].split("|")), frozenset(cells[1].split("|"))))
    strong = _words("fr_words.txt")
    boilerplate = _boilerplate_index(boiler)
    cues = set(_CREDIT_CUES)
    for p, entry in zip(boiler, boilerplate.entries, strict=True):
        # a pattern with no trigger of its own stays outside the gate, as it always was
        if derive_triggers(p) is not None:
            cues.update(entry.triggers or ())
    return CheckData(
        fr_strong=strong,
        fr_weak=_words("fr_weak.txt"),
        fr_clausal=_FR_CLAUSAL & (strong | frozenset(["c", "n", "qu", "j", "s"])),
        en_words=_words("en_words.txt"),
        boilerplate=boilerplate,
        credit=_credit_pattern(_lines("agencies.txt")),
        outlet_suffix=re.compile(r"\s+[|–—-]\s+(?:" + "|".join(re.escape(a) for a in sorted(
            (a for a in _lines("agencies.txt") if len(a) > 3), key=len, reverse=True)) + r")\s*$"),
        names_fr_en=tuple(names),
        furniture_cues=tuple(sorted(c.lower() for c in cues if c)),
        fr_only=_words("fr_only_words.txt"),
        en_loans=_words("en_loans.txt"),
    )
