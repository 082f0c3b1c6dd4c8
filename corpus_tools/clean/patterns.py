"""Page-furniture patterns: loading the data files and matching whole lines.

Shipped data lives in ``corpus_tools/data/clean/``: ``boilerplate.txt`` (line regexes),
``credits.txt`` (credit-line templates), ``agencies.txt`` and ``site_names.txt`` (name
lists). Users add line regexes with ``--boilerplate FILE`` (same format as
``boilerplate.txt``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from corpus_tools.errors import ConfigError, InputError

_DATA = ("data", "clean")

# Straight forms of the quote marks, so patterns can be written with ' and ".
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u00ab": '"', "\u00bb": '"', "\u2032": "'"})
_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTES.items())
# Decoration scrapers leave around widget text: "— Advertisement —", "» Read also", "Comment !"
_EDGE = " -\u2013\u2014|\u2022\u00b7*>\u00bb\u203a<\u00ab\u2039"
_TRAIL = _EDGE + ":.!\u2026"
# Longer lines are never treated as furniture.
MAX_FURNITURE_CHARS = 300
# Whitespace runs that are not already one plain space (few matches: sub stays cheap).
_SPACES = re.compile(r"\s{2,}|[^\S ]")

# Upper-case letters of Latin-1 and Latin Extended-A/B: names in credit lines are capitalised.
_UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())
# A capitalised name word: "Klaunzer", "O'Brien", "J.", "Jean-Pierre", "KLAUNZER".
_NAME_WORD = rf"[{_UPPER}][\w'\u2019.\-]*"
# Lower-case particles inside names: "Charles de Gaulle", "Ursula von der Leyen".
_PARTICLE = r"(?:de|da|di|du|des|del|della|der|den|van|von|la|le|bin|al|el|y|dos|das|do|ter|ten|and|of|the)"
_NAME = rf"{_NAME_WORD}(?: (?:{_PARTICLE} ){{0,2}}{_NAME_WORD}){{0,3}}"
_NAME2 = rf"{_NAME_WORD}(?: (?:{_PARTICLE} ){{0,2}}{_NAME_WORD}){{1,3}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|&|\band\b|\bet\b)\s*{_NAME}){{0,3}}"
# Credit labels, case-insensitive: "Photo:", "PHOTO :", "Photograph:", "Crédit photo :", "Photo by", "By", "©", "Copyright 2021".
_LABEL = (r"(?i:(?:(?:photos?|photograph|photography|photographer|picture|image|images|video|vid\u00e9o|"
          r"illustration|credits?|photo credits?|cr\u00e9dits?(?: photo)?|source|file(?: photo)?|"
          r"photo d'archives|archives)\s*:\s*|(?:(?:photos?|photograph|picture|image|video) by|by|par|\u00a9|\(c\)|"
          r"copyright)\s+(?:\d{4}\s+)?))")


_CHUNK = 1 << 16


def by_blocks(fn: Callable[[str], str], text: str) -> str:
    """``fn(text)`` for a ``fn`` that works within space-separated blocks, a block at a time.

    NFKC, ``str.replace`` of single characters and ``casefold`` give the same result block
    by block when blocks are cut before a plain space (a starter nothing composes across);
    the C normaliser and casefold need 12-16 bytes per character, so a 20 MB line cut in
    blocks costs little more than its result.
    """
    if len(text) <= _CHUNK:
        return fn(text)
    parts = []
    i, n = 0, len(text)
    while i < n:
        cut = text.find(" ", i + _CHUNK)
        cut = n if cut < 0 else cut
        parts.append(fn(text[i:cut]))
        i = cut
    return "".join(parts)


def _fold(line: str) -> str:
    key = unicodedata.normalize("NFKC", line)
    if not key.isascii():  # str.replace is much faster than str.translate with a dict
        for curly, straight in _QUOTE_PAIRS:
            if curly in key:
                key = key.replace(curly, straight)
    return key.casefold()


def line_key(line: str) -> str:
    """Normalise a line for furniture matching (case, quotes, spacing, edge decoration)."""
    key = by_blocks(_fold, line)
    # " ".join(split()) and _SPACES.sub(" ") differ only by a space at the ends, which
    # strip(_EDGE) removes anyway; split() is faster on short lines.
    key = (" ".join(key.split()) if len(key) < _CHUNK else _SPACES.sub(" ", key)).strip(_EDGE).rstrip(_TRAIL).lstrip(_EDGE)
    if len(key) > 1 and key[0] + key[-1] in ("()", "[]"):
        key = key[1:-1].strip(_TRAIL)
    return key


def _read_shipped(name: str) -> str:
    node = files("corpus_tools")
    for part in _DATA:
        node = node / part
    return (node / name).read_text(encoding="utf-8")


def _read_user(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such boilerplate file") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"boilerplate file is not UTF-8: {exc.reason}", offset=exc.start) from None
    except OSError as exc:
        raise InputError(path, f"cannot read boilerplate file: {exc.strerror or exc}") from None


@dataclass(frozen=True, slots=True)
class PatternEntry:
    """One pattern line of a data file, with the comment that documents it."""

    pattern: str
    comment: str
    source: str
    line: int


def parse_pattern_file(text: str, source: str) -> tuple[PatternEntry, ...]:
    """Parse ``# comment`` / ``pattern`` lines; a pattern takes the comment just above it."""
    out: list[PatternEntry] = []
    comment = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            comment = ""
            continue
        if line.startswith("#"):
            comment = line.lstrip("#").strip()
            continue
        out.append(PatternEntry(line, comment, source, number))
        comment = ""
    return tuple(out)


def parse_name_list(text: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of a name list."""
    return tuple(s for s in (line.strip() for line in text.splitlines()) if s and not s.startswith("#"))


def _alternation(names: tuple[str, ...]) -> str:
    # Longest first, so "AFP via Getty Images" wins over "AFP".
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


def _compile(entry: PatternEntry, flags: int, user: bool) -> re.Pattern[str]:
    try:
        return re.compile(entry.pattern, flags)
    except re.error as exc:
        msg = f"invalid regular expression {entry.pattern!r}: {exc}"
        if user:
            raise InputError(entry.source, msg, line=entry.line) from None
        raise ConfigError(f"{entry.source}:{entry.line}: {msg}") from None


@dataclass(frozen=True, slots=True)
class Furniture:
    """Compiled furniture matchers: whole-line boilerplate and credit lines, site names."""

    boilerplate: tuple[tuple[re.Pattern[str], PatternEntry], ...]
    credits: tuple[tuple[re.Pattern[str], PatternEntry], ...]
    agencies: str
    site_names: str
    # A known site name after a separator at the end of a line (compiled once, in load_furniture).
    site_name_suffix: re.Pattern[str] | None = None

    def boilerplate_match(self, key: str) -> PatternEntry | None:
        """The entry whose pattern matches the whole normalised line ``key``, if any."""
        if len(key) > MAX_FURNITURE_CHARS:
            return None  # furniture is short; this also bounds the work of every pattern
        for rx, entry in self.boilerplate:
            if rx.fullmatch(key):
                return entry
        return None

    def credit_match(self, line: str) -> PatternEntry | None:
        """The credit-line template matching the whole stripped ``line``, if any."""
        core = line.strip()
        if len(core) > 2 and core[0] + core[-1] in ("()", "[]"):
            core = core[1:-1].strip()
        core = core.rstrip(".").strip()
        if not core or len(core) > 160:
            return None
        for rx, entry in self.credits:
            if rx.fullmatch(core):
                return entry
        return None


def _expand(template: str, agencies: str) -> str:
    agency = rf"(?i:\b(?:{agencies})\b)"
    chain = rf"{agency}(?:\s*(?:/|\||\bvia\b|\bfor\b)\s*(?:{agency}|{_NAME}))*"
    return (template.replace("{AGENCIES}", chain).replace("{AGENCY}", agency)
            .replace("{NAMES}", _NAMES).replace("{NAME2}", _NAME2).replace("{NAME}", _NAME)
            .replace("{PREFIX}", f"{_LABEL}?").replace("{LABEL}", _LABEL))


@lru_cache(maxsize=16)
def load_furniture(user_files: tuple[str, ...] = ()) -> Furniture:
    """Compile the shipped pattern files plus the user's ``--boilerplate`` files."""
    entries = [(e, False) for e in parse_pattern_file(_read_shipped("boilerplate.txt"), "boilerplate.txt")]
    for path in user_files:
        entries.extend((e, True) for e in parse_pattern_file(_read_user(path), path))
    boiler = tuple((_compile(e, re.IGNORECASE, user), e) for e, user in entries)
    agencies = _alternation(parse_name_list(_read_shipped("agencies.txt")))
    credit_entries = parse_pattern_file(_read_shipped("credits.txt"), "credits.txt")
    credits = tuple((_compile(PatternEntry(_expand(e.pattern, agencies), e.comment, e.source, e.line), 0, False), e)
                    for e in credit_entries)
    sites = _alternation(parse_name_list(_read_shipped("site_names.txt")))
    suffix = re.compile(rf"[ ]+[|\u2013\u2014\-:][ ]+(?i:{sites})[ ]*$") if sites else None
    return Furniture(boiler, credits, agencies, sites, suffix)
