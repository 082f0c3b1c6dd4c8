"""Monolingual checks: page furniture, duplicates, typography, style, MT artifacts.

``MonoChecker.check_document`` runs everything on a raw document (line and paragraph
structure, per-document statistics such as the majority honorific form);
``MonoChecker.check_segment`` runs the subset that makes sense on one sentence.
Offsets are code points into the text given.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise
from operator import eq

from corpus_tools.checks.data import CheckData
from corpus_tools.checks.lexicon import LexiconIndex, TokenMemo, tokens_lower
from corpus_tools.checks.registry import CHECKS
from corpus_tools.furniture_model import load_furniture_model
from corpus_tools.model import Flag, Severity
from corpus_tools.reader_commands import is_reader_command

# --- typography ------------------------------------------------------------------------------
# Space before , ; : ! ? ) ] ” or a full stop (not an ellipsis, not a decimal); anchors: taxonomy TY001.
_TY001 = re.compile(r"(?<=[^\s(\[“‘«])[ \u00A0\u202F]+(?:[,;:!?)\]”]|\.(?![.\d]))")
# Doubled punctuation, not an ellipsis (TY002).
_TY002 = re.compile(
    r"(?<![.])(?<!\. )\.[ \u00A0]?\.(?![ \u00A0]?\.)"
    r"|,[ \u00A0]?,|;[ \u00A0]?;|(?<!:):[ \u00A0]?:(?!:)"
    r"|[,;:][ \u00A0]?\.(?!\.)|[!?][ \u00A0]?\.(?!\.)")
# Closing quote detached and glued to the next word: 'verification, ”he' (TY004).
_TY004_GLUED = re.compile(r"\S?[ \u00A0]+”(?=[^\W\d_])")
# Opening-shaped quote used as a closing one at the end of a paragraph: 'States. “' (TY004).
_TY004_END = re.compile(r"[^\s“”]{1,40}[ \u00A0]+“[ \t\u00A0]*$", re.MULTILINE)
# Opening quote followed by a space inside a line, or glued after a letter.
_TY004_OPEN_SPACE = re.compile(r"“[ \u00A0]+(?=\S)|(?<=[^\W\d_])“(?=[^\W\d_])")
# Stray dashes: trailing dash(es) on a line, doubled dash, dash-only line (TY005).
_TY005 = re.compile(r"(?:[ \t\u00A0]+[–—-])+[ \t\u00A0]*$|[–—][ \u00A0]+[–—]|^[ \t]*[–—-]+[ \t]*$", re.MULTILINE)
# French guillemets and French spacing before ; : ! ? (TY006).
_TY006 = re.compile(r"«[ \u00A0\u202F]?|[ \u00A0\u202F]?»|[\u00A0\u202F]+(?=[;:!?])")
_TY007 = re.compile(r"(?<=\S)(?:[ ]{2,}|\t+)(?=\S)")
# French number and time formats (TY008).
_NOT_AFTER_MONTH = "".join(f"(?<!{m} )" for m in ("January", "February", "March", "April", "May", "June", "July", "August",
                                                  "September", "October", "November", "December", "Jan.", "Feb.",
                                                  "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."))
_UNIT = (r"(?:%|per ?cent|million|millions|billion|billions|trillion|thousand|milliards?|euros?|dollars?|\$|€|£"
         r"|km|kilomet(?:re|er)s?|met(?:re|er)s?|kg|kilos?|tonnes?|tons?|degrees?|°|points?|times|hours?|years?"
         r"|months?|days?|minutes?|seconds?|hectares?|litres?|liters?|m\b|cm\b|mm\b)")
_TY008 = re.compile(
    r"(?<![\d,.])\d{1,3},\d{1,2}(?![\d,])(?:[ \u00A0\u202F]?" + _UNIT + r")?"
    r"|(?<![\d,.])\d{1,3}(?:[\u00A0\u202F]\d{3})+(?![\d])"
    r"|(?<![\d,.])\d{1,3}(?: \d{3})+(?= ?(?:€|\$|euros?|dollars|people|persons|residents|inhabitants|workers|jobs"
    r"|employees|soldiers|troops|cases|deaths|dead|km|kilomet(?:re|er)s|tonnes|hectares|visitors|members|students"
    r"|participants|signatures|votes|copies|units|vehicles|homes|households|square)\b)"
    # any other counted noun ('38 000 spectators'), but not a phone number ('1300 659 467'), a day of
    # the month before a count ('March 15 200 people') or a compound ('10 100-metre')
    # (the look-ahead for a digit first: the twenty month look-behinds then run only at digits)
    r"|(?<![\d,.\w])(?=\d)(?<!\d )" + _NOT_AFTER_MONTH + r"\d{1,3}(?: \d{3})+(?= [a-z]{2,}\b(?![-’'\w]))"
    r"|(?<=\d)[ \u00A0\u202F]%"
    r"|(?<=\d)[ \u00A0\u202F]?€"
    r"|\b\d{1,2}[ \u00A0\u202F]?h[ \u00A0\u202F]?\d{2}\b"
    r"|\b(?:at|from|until|till|to|before|after|around|by|since|about|between|and)[ \u00A0]\d{1,2}[ \u00A0\u202F]?h\b(?![\w-])"
    r"|\b24[ \u00A0]?h[ \u00A0]?/[ \u00A0]?24\b|\b7[ \u00A0]?j[ \u00A0]?/[ \u00A0]?7\b"
    r"|\b\d{1,2}(?:e|ème|er|re|ère)\b(?![ \u00A0]arrondissement)")
# Mojibake (UTF-8 read as cp1252/latin-1) and control characters (TY009).
_MOJIBAKE = re.compile(
    "(?:Ã[\u0080-\u00BF]|â€[\u0080-\u00BF\u2018-\u201E\u2020-\u2026\u2122\u0152\u0153\u0160\u0161\u017D\u017E"
    "\u0178\u02DC\u0192\u0090\u009D]?|Â[\u00A0-\u00BF]|\uFFFD|Ã[©¨ª«§¢´¹®¯]|Å[\u0092\u0093\u00A0\u00A1\u00BD\u00BE])")
_CONTROL = re.compile("[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u200B\u2028\u2029\uFEFF]")
_TY010 = re.compile(r"\b([a-z]+)\s+\1\b(?![-’'])")
_TY010_OK = frozenset(["had", "that", "do", "is", "was", "bye", "so", "no", "yes", "ha", "ho", "hey", "knock", "tut", "chop", "wait", "now", "there", "well", "far", "go", "boo", "pom", "bla", "blah", "yada", "hush", "pooh", "tsk", "aye", "ciao", "dum", "la", "na", "mwah", "very", "really", "bang", "bye-bye"])
# Repetition loops (MT009): the same 1-6 word unit three or more times in a row.
_MT009 = re.compile(r"\b((?:\w+[\s,;:]+){0,5}?\w+)(?:[\s,;:]+\1\b){2,}", re.IGNORECASE)
_INTERJECTIONS = frozenset(["ha", "ho", "hey", "no", "yes", "go", "la", "na", "bla", "blah", "yada", "boo", "wow", "oh", "ah", "knock", "tick", "tock", "bang"])

_PRE_TY001 = re.compile(r"[ \u00A0\u202F][,;:!?)\]”.]")
_PRE_TY002 = re.compile(r"[.,;:!?][ \u00A0]?[.,;:]")
_DIGIT = re.compile(r"\d")
_PRE_TY008 = re.compile(r"\d(?:,\d{1,2}(?!\d)|[\u00A0\u202F]|[ \u00A0\u202F]%|[ \u00A0\u202F]?€|[ \u00A0\u202F]?h\b|[ \u00A0\u202F]?h[ \u00A0\u202F]?\d"
                        r"|(?:e|er|re|ème|ère)\b| \d{3}\b|[ \u00A0]?j[ \u00A0]?/)")
_WORD_RX = re.compile(r"[^\W\d_]+")
_FR_HON_TOKENS = frozenset(["m", "mm", "mme", "mmes", "mlle", "mlles", "me", "mgr", "dre", "pre", "pr"])


def repeated_run(toks: list[str], max_unit: int, min_copies: Callable[[int], int]) -> bool:
    """True if some unit of 1..``max_unit`` tokens occurs ``min_copies(k)`` times in a row.

    Pre-check for the repetition-loop checks (MT009 on a text, BI010 on a target).
    """
    n = len(toks)
    for k in range(1, max_unit + 1):
        need = (min_copies(k) - 1) * k  # equal tokens at distance k, in a row
        if sum(map(eq, toks, toks[k:])) < need:  # C-level count first: most texts stop here
            continue
        run = 0
        for i in range(n - k):
            if toks[i] == toks[i + k]:
                run += 1
                if run >= need:
                    return True
            else:
                run = 0
    return False


def _has_triple(toks: list[str]) -> bool:
    """True if some unit of 1-6 tokens occurs three times in a row (pre-check for MT009)."""
    # the unit's first token then occurs three times: one C-level sort answers that for most texts
    s = sorted(toks)
    if not any(map(eq, s, s[2:])):
        return False
    return repeated_run(toks, 6, lambda k: 3)


# --- style -----------------------------------------------------------------------------------
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Dr|Messrs|Mmes)(\.?)(?=\s+[A-Z])")
_FR_HONORIFIC = re.compile(r"\b(?:M\.|MM\.|Mme|Mmes|Mlle|Mlles|Me|Mgr|Dre|Pre|Pr)(?=\s+[A-ZÀ-Ý][a-zà-ÿ])")
_HONORED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+([A-Z][\w’'-]+)")
_PREV_CAP = re.compile(r"(?:^|[^\w])([A-ZÀ-Ý][\w’'.-]*)\s+$")

# --- page furniture ----------------------------------------------------------------------------
_SITE_SUFFIX = re.compile(r"\s+[|]\s+[^|]{2,60}$")
# Credit lines that are bylines or wire credits, not photo credits: the line above one is a
# headline, a standfirst or the last paragraph, never a caption ('By Jane Doe', 'With AFP',
# 'Reporting by ...; Editing by ...', 'Le Monde with AFP', 'Jane Doe contributed to this report').
_BYLINE = re.compile(r"^\W*(?:by|par|with|avec|sources?|reporting|writing|editing|additional|text|words|written"
                     r"|story|interview|edited|produced|compiled|translated|translation|research)\b"
                     r"|\b(?:with|avec)\s+(?:l['’])?(?:the\s+)?(?:AFP|Reuters|AP|agencies|agences|files|wire)\b"
                     r"|\bcontributed\s+(?:reporting\s+)?to\s+th|^\W*[—–-]"
                     r"|^\W*(?:the\s+)?(?:editorial\s+(?:staff|team|office|board)|newsroom)\b|^\W*la\s+rédaction\b", re.IGNORECASE)
# A related-article heading with nothing after it ('Read also', 'To read also', 'Related', 'À lire aussi'):
# the title-like lines right under it are the teasers' titles.
_TEASER_HEAD = re.compile(
    r"\W*(?:(?:to\s+)?(?:read|see|watch|listen|discover)(?:\s+(?:also|too|more|as\s+well))?|also\s+(?:to\s+)?(?:read|see|watch)"
    r"|related(?:\s+(?:articles?|stories|story|content|links|coverage|reading|news))?|more\s+(?:on\s+(?:this|the\s+same)"
    r"(?:\s+(?:topic|subject|story|issue))?|stories|news)|on\s+the\s+same\s+(?:subject|topic|theme)"
    r"|in\s+the\s+same\s+(?:section|category|heading|file)|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)"
    r"|recommended(?:\s+(?:for\s+you|reading))?|we\s+recommend|lire\s+aussi|à\s+lire(?:\s+aussi)?|a\s+lire(?:\s+aussi)?"
    r"|voir\s+aussi|à\s+voir(?:\s+aussi)?|sur\s+le\s+même\s+(?:sujet|thème)|dans\s+le\s+même\s+dossier"
    r"|(?:la\s+rédaction|the\s+editorial\s+(?:staff|team|board)|the\s+editors?)\s+(?:vous\s+)?(?:conseille|recommande|advises|recommends|suggests)(?:\s+you)?)"
    r"\s*[:.…>»›]*", re.IGNORECASE)
_TEASERS_AFTER_HEAD = 3


def _teaser_title(line: str) -> bool:
    """A headline-shaped line: 2-25 words, starts with a capital, digit or quote, no sentence-final stop."""
    if not (2 <= len(line.split()) <= 25 and len(line) <= 200):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "“\"‘«"):
        return False
    core = line.rstrip("”’\"»)] \u00A0")  # a quotation closing a sentence ('... he said: “We won.”') is prose
    return core.endswith(("...", "…")) or not core.endswith((".", ",", ";", ":", "!"))


_CAPTION_CUE = re.compile(r",\s+(?:left|right|centre|center|foreground|background)(?:,|\s+and\b)"
                          r"|\((?:left|right|centre|center|top|bottom|above|below|(?-i:L|R|C))\)", re.IGNORECASE)

# --- French fragments ---------------------------------------------------------------------------
_TOKEN_POS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ELISION = frozenset(["c", "d", "l", "j", "n", "qu", "s", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"])
_LOANS = re.compile(
    r"\b(?:je ne sais quoi|c['’]est la vie|raison d['’]être|fait accompli|à la (?:carte|mode)|laissez-faire|savoir-faire"
    r"|coup d['’]état|tour de force|pièce de résistance|crème de la crème|vis-à-vis|déjà vu|femme fatale"
    r"|joie de vivre|noblesse oblige|esprit de corps|enfant terrible|nouveau riche|bon vivant|carte blanche"
    r"|cause célèbre|cordon bleu|en route|en masse|par excellence|avant-garde|coup de grâce|hors d['’]oeuvres?"
    r"|hors d['’]œuvres?|belle époque|art déco|mise en scène|au pair|au revoir|bon appétit|ménage à trois"
    r"|plus ça change|idée fixe|comme il faut|de rigueur|tête-à-tête|film noir|pas de deux|faux pas|deus ex machina"
    r"|n['’]est-ce pas|s['’]il vous plaît|je suis charlie|liberté, égalité, fraternité|vive le québec libre"
    r"|qui vive|bien-pensant|sans serif|crème brûlée|pot-au-feu|coq au vin|soupe du jour|plat du jour)\b",
    re.IGNORECASE)
# French words that join untranslated words into one fragment ('taux de chômage')
_FR_JOIN = ("de", "du", "des", "la", "le", "les", "à", "au", "aux", "et")
_FR_GLUE = frozenset([*_FR_JOIN, "en", "d'", "l'"])
# addresses and tags, whose words are not prose
_NOT_PROSE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[@#][\w.-]+|\S+\.(?:com|org|net|fr|ca|be|ch)(?:/\S*)?\b")
_ACCENTED = re.compile(r"[àâäçéèêëîïôöùûüÿœæ]")
_EN_LOAN_ACCENTED = frozenset(["café", "cafés", "résumé", "résumés", "naïve", "fiancé", "fiancée", "cliché", "clichés", "protégé", "protégée", "décor", "rôle", "élite", "élites", "exposé", "touché", "née", "façade", "déjà", "entrée", "entrées", "soirée", "matinée", "communiqué", "communiqués", "détente", "régime", "régimes", "crème", "première", "premières"])


def _flag(code: str, start: int, end: int, text: str, message: str, suggestion: str | None = None,
          severity: Severity | None = None, side: str | None = None) -> Flag:
    info = CHECKS[code]
    return Flag(code=code, category=info.category, severity=severity or info.severity, message=message,
                suggestion=suggestion, span=text[start:end], start=start, end=end, side=side)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the newline and a trailing CR."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        e = end - 1 if end > pos and text[end - 1] == "\r" else end
        out.append((pos, e))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _norm_line(s: str) -> str:
    s = s.translate(_QUOTE_NORM)
    return " ".join(s.lower().split())


_QUOTE_NORM = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "\u00A0": " ", "\u202F": " "})


class MonoChecker:
    """Monolingual checks for one language, with the enabled codes and lexicon given."""

    def __init__(self, lang: str, enabled: frozenset[str], lexicon: LexiconIndex, data: CheckData) -> None:
        self.lang = lang.lower().split("-")[0].split("_")[0]
        self.english = self.lang == "en"
        self.enabled = enabled if self.english else frozenset(c for c in enabled if c in _LANG_FREE)
        self.lexicon = lexicon
        self.data = data
        cues = data.furniture_cues
        # tokens starting with a furniture cue word (a gate for sentence units)
        self._cues: TokenMemo[bool] = TokenMemo(lambda tok: tok.startswith(cues))
        self._furniture_on = not self.enabled.isdisjoint(("BP001", "BP002"))
        # the statistical model for furniture no pattern names (short lines only)
        self.furniture_model = load_furniture_model() if self._furniture_on else None
        # the lexicon's codes that can fire here (none: the lexicon is not searched at all)
        self._lexicon_on = any(e.code in self.enabled for e in lexicon.entries)

    # ---- public ---------------------------------------------------------------------------
    def check_document(self, text: str) -> list[Flag]:
        """Every enabled check on a raw document; flags sorted by position."""
        on = self.enabled
        flags: list[Flag] = []
        lines = _lines(text)
        whole_line: set[int] = set()  # line starts flagged as furniture/duplicates (others are skipped there)
        line_kind: dict[int, str] = {}
        seen: dict[str, int] = {}
        nonempty = [(s, e) for s, e in lines if text[s:e].strip()]
        teasers_left = 0  # lines that may still be teaser titles under a 'Read also' heading
        for idx, (s, e) in enumerate(nonempty):
            s2, e2 = _strip_span(text, s, e)
            line = text[s2:e2]
            if idx == 0 and "BP001" in on:
                m = _SITE_SUFFIX.search(line) or self.data.outlet_suffix.search(line)
                if m and len(line) - len(m.group()) > 20:
                    flags.append(_flag("BP001", s2 + m.start(), e2, text, "site-name suffix after the headline",
                                       "delete the suffix"))
            kind = self._furniture(line) if self._furniture_on else None
            guessed = kind is None and idx > 0 and self._furniture_on  # never the headline
            if guessed:
                kind = self._furniture_guess(line)
            teaser = False
            if kind is None and teasers_left and "BP001" in on and _teaser_title(line):
                kind, teaser = "BP001", True  # a related-article title under a 'Read also' heading
                teasers_left -= 1
            else:
                teasers_left = _TEASERS_AFTER_HEAD if kind == "BP001" and _TEASER_HEAD.fullmatch(line) else 0
            if kind and kind in on:
                msg = "related-article title under a 'Read also' heading" if teaser else _furniture_message(kind, guessed)
                flags.append(_flag(kind, s2, e2, text, msg, "delete the line"))
                whole_line.add(s)
                line_kind[s] = kind
                continue
            key = _norm_line(line)
            if len(key.split()) >= 3:
                if key in seen:
                    if "DU001" in on:
                        flags.append(_flag("DU001", s2, e2, text, "exact repeat of an earlier line",
                                           "delete the later copy"))
                        whole_line.add(s)
                    continue
                seen[key] = s2
        if "BP003" in on:
            flags.extend(self._captions(text, nonempty, line_kind, whole_line))
        if "DU002" in on:
            flags.extend(self._near_duplicates(text, nonempty, whole_line))
        # paragraphs for quote balance: blocks of consecutive non-empty lines
        paragraphs = self._paragraphs(lines, text, whole_line)
        quoted: list[tuple[int, int]] = []
        if "TY003" in on or "ST003" in on:
            for i, (ps, pe) in enumerate(paragraphs):
                nxt = text[paragraphs[i + 1][0]:paragraphs[i + 1][1]].lstrip()[:1] if i + 1 < len(paragraphs) else ""
                qf, qz = self._quotes(text, ps, pe, continues=nxt in ("“", "«", '"'))
                if "TY003" in on:
                    flags.extend(qf)
                quoted.extend(qz)
        flags.extend(self._inline(text, 0, len(text)))
        if self.english:
            flags.extend(self._document_style(text, paragraphs, quoted, line_kind))
        return _finish(f for f in flags if not _inside_lines(f, whole_line, lines, text) or f.code in _LINE_CODES)

    def check_segment(self, text: str, side: str | None = None, tok_list: list[str] | None = None) -> list[Flag]:
        """The checks that make sense on one sentence (no document statistics).

        ``tok_list``: the lowercase letter runs of ``text`` (``[^\\W\\d_]+``), when the caller has them.
        """
        on = self.enabled
        flags: list[Flag] = []
        if tok_list is None:
            tok_list = _WORD_RX.findall(text.lower())
        s2, e2 = _strip_span(text, 0, len(text))
        toks = set(tok_list)
        if (self._furniture_on and s2 < e2 and "\n" not in text[s2:e2]
                and (_maybe_furniture(text[s2:e2]) or self._cues.hits(toks))):
            # patterns only: a unit is a sentence out of its page, and short sentences of dialogue,
            # subtitles or lists look too much like furniture to the statistical model
            kind = self._furniture(text[s2:e2], toks)
            if kind and kind in on:
                flags.append(_flag(kind, s2, e2, text, _furniture_message(kind, False), "delete the unit"))
        # No TY003 here: a quotation or a bracket often spans sentences, so one sentence with an
        # unmatched mark is normal. Balance is checked on raw documents (check_document) and,
        # for units, by comparing the source and target structure (BI009, BI011).
        flags.extend(self._inline(text, 0, len(text), tok_list, toks))
        out = _finish(flags)
        if side is not None:
            out = [Flag(f.code, f.category, f.severity, f.message, f.suggestion, f.span, f.start, f.end, side)
                   for f in out]
        return out

    # ---- pieces -----------------------------------------------------------------------------
    def _furniture(self, line: str, toks: set[str] | None = None) -> str | None:
        """"BP002" for a credit line or byline, "BP001" for boilerplate, else None.

        ``toks``: the lowercase letter runs of ``line`` when the caller has them.
        """
        if len(line) > 400:
            return None
        # the word count first: the credit pattern costs ~10 µs on a long line
        if len(line.split()) <= 14 and self.data.credit.fullmatch(line):
            return "BP002"
        # only the patterns whose trigger words the line has (one alternation of all of
        # them costs ~16 µs a sentence)
        entry = self.data.boilerplate.first_full_match(line, toks if toks is not None else tokens_lower(line))
        if entry is not None:
            # boilerplate.txt marks credit and byline shapes with a leading (?#BP002) comment
            return "BP002" if "(?#BP002)" in entry.pattern.pattern else "BP001"
        # the shape of a command to the reader, on sites no pattern was written from
        if is_reader_command(line):
            return "BP001"
        return None

    def _furniture_guess(self, line: str) -> str | None:
        """The statistical model's code for a line no pattern took ("BP001"/"BP002"/None)."""
        return self.furniture_model.classify(line) if self.furniture_model is not None else None

    def _captions(self, text: str, nonempty: list[tuple[int, int]], kind: dict[int, str],
                  skip: set[int]) -> Iterator[Flag]:
        for i, (s, e) in enumerate(nonempty):
            if s in skip:
                continue
            line = text[s:e]
            before_credit = (i + 1 < len(nonempty) and kind.get(nonempty[i + 1][0]) == "BP002"
                             and not _BYLINE.search(text[nonempty[i + 1][0]:nonempty[i + 1][1]]))
            if (before_credit and i > 0) or (_CAPTION_CUE.search(line) and len(line) < 300):
                s2, e2 = _strip_span(text, s, e)
                yield _flag("BP003", s2, e2, text, "photo caption between body paragraphs",
                            "keep it, but mark it as a caption")

    def _near_duplicates(self, text: str, nonempty: list[tuple[int, int]], skip: set[int]) -> Iterator[Flag]:
        shingles: list[tuple[int, int, frozenset[str]]] = []
        for s, e in nonempty[:2000]:
            if s in skip:
                continue
            t = _norm_line(text[s:e])
            if len(t) < 40:
                continue
            sh = frozenset(t[i:i + 5] for i in range(len(t) - 4))
            for ps, pe, psh in shingles:
                inter = len(sh & psh)
                if inter and inter / len(sh | psh) >= 0.9:
                    s2, e2 = _strip_span(text, s, e)
                    yield _flag("DU002", s2, e2, text, "near-duplicate of an earlier paragraph",
                                "delete one copy after review")
                    break
            shingles.append((s, e, sh))

    @staticmethod
    def _paragraphs(lines: list[tuple[int, int]], text: str, skip: set[int]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        cur: tuple[int, int] | None = None
        for s, e in lines:
            if not text[s:e].strip() or s in skip:
                if cur:
                    out.append(cur)
                cur = None
                continue
            cur = (cur[0], e) if cur else (s, e)
        if cur:
            out.append(cur)
        return out

    def _quotes(self, text: str, ps: int, pe: int, continues: bool,
                segment: bool = False) -> tuple[list[Flag], list[tuple[int, int]]]:
        """Unbalanced double and single quotes and brackets in one paragraph (TY003).

        Apostrophes are told apart from closing single quotes by context: ’ between letters,
        after s/z as a possessive, or before digits ('90s) is an apostrophe unless a ‘ is open.
        """
        flags: list[Flag] = []
        quoted: list[tuple[int, int]] = []
        dq_open: int | None = None
        sq_open: int | None = None
        guil: list[int] = []  # « » nest in French, so they get a real stack
        seg_end = pe
        while seg_end > ps and text[seg_end - 1].isspace():
            seg_end -= 1
        i = ps
        while i < seg_end:
            ch = text[i]
            if ch == "«":
                guil.append(i)
            elif ch == "»":
                if guil:
                    quoted.append((guil.pop(), i + 1))
                else:
                    flags.append(_flag("TY003", max(ps, i - 12), i + 1, text,
                                       "closing guillemet without an opening one", "add the opening mark"))
            elif ch in "“\"”":
                prev = text[i - 1] if i > ps else " "
                nxt = text[i + 1] if i + 1 < pe else " "
                if ch == '"':
                    opener = prev.isspace() or prev in "([{–—-/" or i == ps
                    opener = opener and not nxt.isspace()
                elif ch == "“":
                    rest = text[i + 1:seg_end]
                    # an opening-shaped mark at paragraph end after a space closes the quote (TY004 flags it)
                    opener = not (rest.strip() == "" and dq_open is not None)
                else:
                    opener = False
                if opener:
                    if dq_open is not None:
                        flags.append(self._unclosed(text, dq_open, i))
                        quoted.append((dq_open, i))
                    dq_open = i
                else:
                    if dq_open is None:
                        if not segment or ch != '"':
                            flags.append(_flag("TY003", max(ps, i - 12), i + 1, text,
                                               "closing quotation mark without an opening one",
                                               "add the opening mark or delete this one"))
                    else:
                        quoted.append((dq_open, i + 1))
                        dq_open = None
            elif ch == "‘":
                if sq_open is not None:
                    flags.append(self._unclosed(text, sq_open, i, single=True))
                sq_open = i
            elif ch == "’":
                prev = text[i - 1] if i > ps else " "
                nxt = text[i + 1] if i + 1 < pe else " "
                if sq_open is not None and not (prev.isalpha() and nxt.isalpha()):
                    sq_open = None
            i += 1
        if dq_open is not None and not continues:
            flags.append(self._unclosed(text, dq_open, seg_end))
            quoted.append((dq_open, seg_end))
        elif dq_open is not None:
            quoted.append((dq_open, seg_end))
        for g in guil[:1] if not continues else []:
            flags.append(self._unclosed(text, g, seg_end))
            quoted.append((g, seg_end))
        if sq_open is not None:
            flags.append(self._unclosed(text, sq_open, seg_end, single=True))
        flags.extend(self._brackets(text, ps, seg_end))
        return flags, quoted

    @staticmethod
    def _unclosed(text: str, start: int, limit: int, single: bool = False) -> Flag:
        if single:
            m = re.compile(r"‘[^\s’]*").match(text, start)
            end = m.end() if m else start + 1
            return _flag("TY003", start, end, text, "opening single quotation mark never closed",
                         "close the quotation or delete the mark", Severity.MINOR)
        end = limit
        while end > start + 1 and text[end - 1].isspace():
            end -= 1
        return _flag("TY003", start, end, text, "quotation opened and never closed",
                     "add the closing quotation mark where the quotation ends")

    @staticmethod
    def _brackets(text: str, ps: int, pe: int) -> Iterator[Flag]:
        stack: list[tuple[str, int]] = []
        pairs = {")": "(", "]": "["}
        for i in range(ps, pe):
            ch = text[i]
            if ch in "([":
                stack.append((ch, i))
            elif ch in ")]":
                if stack and stack[-1][0] == pairs[ch]:
                    stack.pop()
                else:
                    # list markers such as '1)' or 'a)' at a line start are not brackets
                    ls = text.rfind("\n", 0, i) + 1
                    if re.fullmatch(r"\s*\w{1,2}", text[ls:i]):
                        continue
                    yield _flag("TY003", max(ps, i - 10), i + 1, text, "closing bracket without an opening one",
                                "add the opening bracket or delete this one")
        for ch, i in stack:
            yield _flag("TY003", i, min(pe, i + 12), text, "bracket opened and never closed",
                        "add the closing bracket")

    def _inline(self, text: str, lo: int, hi: int, tok_list: list[str] | None = None,
                toks: set[str] | None = None) -> Iterator[Flag]:
        """Regex checks and the lexicon over text[lo:hi] (offsets into text).

        Each regex runs only when a cheap string test says it can match: most sentences
        are clean, and this keeps a unit check at a few microseconds per regex family.
        """
        on = self.enabled
        chunk = text if (lo == 0 and hi == len(text)) else text[lo:hi]
        if tok_list is None:
            tok_list = _WORD_RX.findall(chunk.lower())
        if toks is None:
            toks = set(tok_list)
        ascii_only = chunk.isascii()

        def spans(rx: re.Pattern[str]) -> Iterator[tuple[int, int]]:
            for m in rx.finditer(chunk):
                yield lo + m.start(), lo + m.end()

        if "TY001" in on and _PRE_TY001.search(chunk):
            for s, e in spans(_TY001):
                yield _flag("TY001", s, e, text, "space before punctuation", "remove the space")
        if "TY002" in on and _PRE_TY002.search(chunk):
            for s, e in spans(_TY002):
                yield _flag("TY002", s, e, text, "doubled punctuation", "keep one mark")
        if "TY004" in on and not ascii_only and ("“" in chunk or "”" in chunk):
            if " ”" in chunk or "\u00A0”" in chunk:
                for s, e in spans(_TY004_GLUED):
                    yield _flag("TY004", s, e, text, "closing quotation mark detached from the quotation",
                                "move the mark after the punctuation and put the space after it")
            for rx in (_TY004_END, _TY004_OPEN_SPACE) if "“" in chunk else ():
                for s, e in spans(rx):
                    yield _flag("TY004", s, e, text, "quotation mark of the wrong shape or spacing",
                                "use ” to close, “ to open, with no inner space")
        if "TY005" in on and ("–" in chunk or "—" in chunk or "-" in chunk):
            for s, e in spans(_TY005):
                yield _flag("TY005", s, e, text, "stray dash", "delete it")
        if "TY006" in on and not ascii_only and ("«" in chunk or "»" in chunk or "\u00A0" in chunk
                                                  or "\u202F" in chunk):
            for s, e in spans(_TY006):
                yield _flag("TY006", s, e, text, "French guillemet or French spacing in English text",
                            "use “ ” and no space before ; : ! ?")
        if "TY007" in on and ("  " in chunk or "\t" in chunk):
            for s, e in spans(_TY007):
                yield _flag("TY007", s, e, text, "several spaces or a tab inside a line", "use one space")
        if "TY008" in on and ("€" in chunk or _PRE_TY008.search(chunk)):
            for s, e in spans(_TY008):
                yield _flag("TY008", s, e, text, "French number, time or ordinal format in English text",
                            "English uses 1.5, 2,500, 7.5%, 6:30 p.m., 20th")
        if "TY009" in on:
            if not ascii_only:
                for s, e in spans(_MOJIBAKE):
                    yield _flag("TY009", s, e, text, "encoding noise (mojibake)", "repair the encoding (e.g. ftfy)")
            if not chunk.replace("\n", " ").replace("\r", " ").replace("\t", " ").isprintable():
                for s, e in spans(_CONTROL):
                    yield _flag("TY009", s, e, text, f"control or invisible character U+{ord(text[s]):04X}",
                                "delete the character")
        if "TY010" in on and any(map(eq, tok_list, tok_list[1:])):
            for m in _TY010.finditer(chunk):
                if m.group(1) not in _TY010_OK:
                    yield _flag("TY010", lo + m.start(), lo + m.end(), text, "word repeated twice in a row",
                                f"keep one '{m.group(1)}'")
        if "MT009" in on and len(tok_list) - len(toks) >= 2 and _has_triple(tok_list):
            for m in _MT009.finditer(chunk):
                unit = m.group(1)
                nrep = len(re.findall(r"(?i)\b" + re.escape(unit) + r"\b", m.group(0)))
                single = " " not in unit.strip()
                if single and (unit.lower() in _INTERJECTIONS or nrep < 3):
                    continue
                sev = Severity.MINOR if single and nrep < 4 else Severity.CRITICAL
                yield _flag("MT009", lo + m.start(), lo + m.end(), text, f"'{unit}' repeated {nrep} times in a row",
                            f"keep one '{unit}'", sev)
        if self.english:
            if self._lexicon_on:
                yield from self._lexicon(text, chunk, lo, toks, tok_list)
            if "MT007" in on:
                if _maybe_french(tok_list, toks, chunk, self.data.fr_strong):
                    yield from self._french_fragments(text, chunk, lo)
                if not self.data.fr_only.isdisjoint(toks):
                    yield from self._french_words(text, chunk, lo)
            if "ST001" in on and not _FR_HON_TOKENS.isdisjoint(toks):
                for m in _FR_HONORIFIC.finditer(chunk):
                    s = lo + m.start()
                    word = m.group()
                    before = text[max(0, s - 30):s]
                    if word == "M." and (_PREV_CAP.search(before) or before.endswith(".")):
                        continue  # an initial: 'John M. Smith', 'A.M. Best'
                    if word == "Me" and text[lo + m.end():lo + m.end() + 4].strip() == "Too":
                        continue
                    yield _flag("ST001", s, lo + m.end(), text, f"untranslated French honorific '{word}'",
                                _FR_HONORIFIC_EN.get(word.rstrip("."), "Mr/Ms"))

    def _lexicon(self, text: str, chunk: str, lo: int, toks: set[str] | None = None,
                 tok_list: list[str] | None = None) -> Iterator[Flag]:
        on = self.enabled
        if toks is None:
            toks = tokens_lower(chunk)
        for entry, m in self.lexicon.find(chunk, toks, tok_list):
            if entry.code not in on:
                continue
            note = f" ({entry.note})" if entry.note else ""
            src = f"French '{entry.french}': " if entry.french else ""
            yield _flag(entry.code, lo + m.start(), lo + m.end(), text,
                        f"{src}{CHECKS[entry.code].title}{note}", entry.suggestion or None, entry.severity)

    def _french_fragments(self, text: str, chunk: str, lo: int) -> Iterator[Flag]:
        d = self.data
        masked = _LOANS.sub(lambda m: " " * len(m.group()), chunk)
        toks: list[tuple[int, int, float, bool, bool]] = []
        for m in _TOKEN_POS.finditer(masked):
            w = m.group()
            low = w.lower()
            cap = w[0].isupper()
            weight, strong, clausal = 0.0, False, False
            if "'" in low or "’" in low:
                head, _, tail = low.replace("’", "'").partition("'")
                if head in _ELISION and not m.group()[len(head) + 1:][:1].isupper():
                    weight, strong, clausal = 1.0, True, True
                    if tail in d.fr_strong:
                        weight = 1.5
            elif low in d.fr_strong:
                weight, strong = (0.5 if cap else 1.0), not cap
                clausal = strong and low in d.fr_clausal
            elif low in d.fr_weak:
                weight = 0.0 if cap else 0.5
            elif _ACCENTED.search(low) and not cap and low not in _EN_LOAN_ACCENTED:
                weight = 0.5
            toks.append((m.start(), m.end(), weight, strong, clausal))
        n = len(toks)
        marked = [False] * n
        for i in range(n):
            win = toks[i:i + 6]
            score = sum(t[2] for t in win)
            if score >= 2.5 and sum(t[3] for t in win) >= 2 and any(t[4] for t in win):
                for j in range(i, min(n, i + 6)):
                    if toks[j][2] > 0:
                        marked[j] = True
        i = 0
        while i < n:
            if not marked[i]:
                i += 1
                continue
            j = i
            while j + 1 < n and (marked[j + 1] or (j + 2 < n and marked[j + 2])):
                j += 1
            while not marked[j]:
                j -= 1
            s, e = lo + toks[i][0], lo + toks[j][1]
            yield _flag("MT007", s, e, text, "untranslated French fragment", "translate it (keep names as they are)")
            i = j + 1

    def _french_words(self, text: str, chunk: str, lo: int) -> Iterator[Flag]:
        """French words left in English: lowercase words French uses and English does not.

        A run of such words (French function words may join them: 'taux de chômage') is one
        flag. Capitalised words are names or sentence starts and are left alone, as are
        addresses (URL, e-mail, @handle, #tag), the loan phrases of ``_LOANS`` and the
        loanwords of ``en_loans.txt``.
        """
        d = self.data
        masked = _NOT_PROSE.sub(lambda m: " " * len(m.group()), _LOANS.sub(lambda m: " " * len(m.group()), chunk))
        run: list[tuple[int, int]] = []
        glue = False  # a French function word ('de') came after the run's last word

        def flush() -> Iterator[Flag]:
            if run:
                s, e = lo + run[0][0], lo + run[-1][1]
                words = text[s:e]
                what = "word" if len(run) == 1 else "words"
                yield _flag("MT007", s, e, text, f"untranslated French {what} '{words}'",
                            "translate it (keep names as they are)")
            run.clear()

        # inside a French name ('Fédération interprofessionnelle', 'Caisse de dépôt et placement'):
        # after a capitalised French word, then any of its lowercase French words and joining words
        name = cap = False
        end = 0  # where the previous word ends
        for m in _TOKEN_POS.finditer(masked):
            w = m.group()
            low = w.lower()
            joined = not masked[end:m.start()].strip()
            end = m.end()
            if w[0].isupper():
                name = low in d.fr_only or _ACCENTED.search(low) is not None
                cap = True
                continue
            if joined and (low in _FR_GLUE or low in d.fr_strong) and (name or cap):
                name = True  # 'Caisse de', 'Banque du'
            elif not (name and joined and low in d.fr_only):
                name = False
            cap = False
            if name:
                yield from flush()
                glue = False
                continue
            if low in d.fr_only and low not in d.en_loans and "-" not in masked[m.start() - 1:m.start()]:
                if run and not glue and masked[run[-1][1]:m.start()].strip():
                    yield from flush()  # punctuation between: two fragments
                run.append((m.start(), m.end()))
                glue = False
            elif run and not glue and (low in _FR_GLUE or low in d.fr_strong):
                glue = True
            else:
                yield from flush()
                glue = False
        yield from flush()

    def _document_style(self, text: str, paragraphs: list[tuple[int, int]], quoted: list[tuple[int, int]],
                        line_kind: dict[int, str]) -> Iterator[Flag]:
        on = self.enabled
        if "ST001" in on:
            forms = [(m.start(), m.end(), m.group(2) == ".", m.group(1)) for m in _HONORIFIC.finditer(text)]
            dotted = sum(1 for f in forms if f[2])
            bare = len(forms) - dotted
            if dotted and bare and max(dotted, bare) >= 2 * min(dotted, bare):
                minority_dot = dotted < bare
                for s, e, dot, word in forms:
                    if dot == minority_dot:
                        fix = word if dot else word + "."
                        yield _flag("ST001", s, e, text,
                                    f"honorific '{text[s:e]}' differs from the document's usual '{fix}'", fix)
        if "ST002" in on:
            yield from self._compound_variants(text)
            yield from _accent_variants(text)
        if "ST003" in on and paragraphs:
            names = Counter(m.group(1) for m in _HONORED_NAME.finditer(text))
            wanted = {n for n, c in names.items() if c >= 2}
            if wanted:
                first_end = paragraphs[0][1]
                rx = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(wanted)) + r")\b(?:[’']s)?")
                for m in rx.finditer(text, first_end):
                    s = m.start()
                    if any(a <= s < b for a, b in quoted):
                        continue
                    before = text[max(0, s - 40):s]
                    if re.search(r"(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+$", before) or _PREV_CAP.search(before):
                        continue
                    ls = text.rfind("\n", 0, s) + 1
                    if line_kind.get(ls):
                        continue
                    yield _flag("ST003", s, m.end(), text, "name without the honorific the document uses elsewhere",
                                f"{_honorific_for(text, m.group(1))} {m.group(1)}")

    @staticmethod
    def _compound_variants(text: str) -> Iterator[Flag]:
        # only lowercase prose words: capitalised or CamelCase tokens are names and identifiers
        words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"(?<![\w.-])[a-z]+(?![\w])", text)]
        closed = Counter(w for _, _, w in words)

        def stem(w: str) -> str:
            return w[:-1] if w.endswith("s") and len(w) > 4 else w

        closed_stems = Counter(stem(w) for _, _, w in words)
        open_forms: list[tuple[int, int, str]] = []
        for (s1, e1, a), (s2, e2, b) in pairwise(words):
            gap = text[e1:s2]
            if gap not in (" ", "-") or len(a) < 3 or len(b) < 3 or a in _COMPOUND_STOP or b in _COMPOUND_STOP:
                continue
            joined = a + b
            if closed.get(joined) or closed_stems.get(stem(joined)):
                open_forms.append((s1, e2, stem(joined)))
        counts = Counter(k for _, _, k in open_forms)
        for s, e, key in open_forms:
            if closed_stems[key] >= counts[key]:
                yield _flag("ST002", s, e, text, "spelling differs from the closed form used elsewhere in the document",
                            text[s:e].replace(" ", "").replace("-", ""))


# a French joining word right before or after a name word: the word is inside a French name
_FR_BEFORE = re.compile(r"(?:^|[^\w'’])(?:" + "|".join((*_FR_JOIN, "en", "d", "l")) + r")(?:\s+|['’])$", re.IGNORECASE)
_FR_AFTER = re.compile(r"\s*(?:d['’]|l['’]|(?:" + "|".join(_FR_JOIN) + r")\s)", re.IGNORECASE)
_NAME_WORD = re.compile(r"(?<![\w@#/.-])[A-ZÀ-Ý][^\W\d_]*(?:-[A-ZÀ-Ý][^\W\d_]*)*(?![\w@/-])")


def _accent_variants(text: str) -> Iterator[Flag]:
    """ST002 for a name written with and without its accents in one document ('Québec' and
    'Quebec', 'Montréal' and 'Montreal'): the less frequent spelling is flagged (on a tie, the one
    that comes later), with the usual one as the suggestion."""
    if text.isascii():
        return
    spots: dict[str, list[tuple[int, int, str]]] = {}
    for m in _NAME_WORD.finditer(text):
        w = m.group()
        if w.isupper() or len(w) < 3:
            continue  # 'QUEBEC' in a headline or a caption; 'Là' and 'La'
        if _FR_BEFORE.search(text, max(0, m.start() - 8), m.start()) or _FR_AFTER.match(text, m.end()):
            continue  # inside a French name: 'santé du Québec', 'Québec d'abord'
        bare = "".join(c for c in unicodedata.normalize("NFD", w.lower()) if not unicodedata.combining(c))
        spots.setdefault(bare, []).append((m.start(), m.end(), w))
    for found in spots.values():
        counts = Counter(w for _, _, w in found)
        if len(counts) < 2 or len({w.lower() for w in counts}) < 2:
            continue  # one spelling, or capitals only ('QUEBEC' / 'Quebec')
        first = {w: next(s for s, _, v in found if v == w) for w in counts}
        usual = max(counts, key=lambda w: (counts[w], -first[w]))
        for s, e, w in found:
            if w.lower() != usual.lower():
                yield _flag("ST002", s, e, text, f"'{w}' is written '{usual}' elsewhere in the document", usual)


_PRE_QUOTES = re.compile(r"[“”\"«»‘()\[\]]")


def _maybe_french(tok_list: list[str], toks: set[str], chunk: str, strong: frozenset[str]) -> bool:
    """Cheap necessary condition for MT007: a fragment needs two strong French words.

    Strong words are listed French words or elisions (``d'``, ``n'``...): count the listed
    words and every apostrophe (an upper bound on elisions); accented words alone never suffice.
    """
    n = chunk.count("'") + chunk.count("’")
    if not strong.isdisjoint(toks):
        n += sum(1 for t in tok_list if t in strong)
    return n >= 2


def _furniture_message(kind: str, guess: bool) -> str:
    what = "page furniture (not article text)" if kind == "BP001" else "photo credit, agency credit or byline"
    return f"{what}, by its words and shape (statistical model): check it" if guess else what


def _maybe_furniture(line: str) -> bool:
    """Cheap test: long sentences ending with a full stop are never page furniture."""
    if len(line) > 400:
        return False
    return not line.endswith(".") or line.count(" ") < 5


def _honorific_for(text: str, name: str) -> str:
    m = re.search(r"\b(Mr|Mrs|Ms|Dr|Prof)\.?\s+" + re.escape(name) + r"\b", text)
    return m.group(1) if m else "Mr"


_FR_HONORIFIC_EN = {"M": "Mr", "MM": "Messrs", "Mme": "Ms", "Mmes": "Mmes", "Mlle": "Ms", "Mlles": "Misses",
                    "Me": "(lawyer's title: drop it or write 'lawyer X')", "Mgr": "Bishop / Archbishop",
                    "Dre": "Dr", "Pre": "Prof", "Pr": "Prof"}
_COMPOUND_STOP = frozenset(["every", "any", "some", "may", "all", "in", "on", "out", "up", "over", "under", "with", "can", "not", "no", "for", "its", "the", "and", "one", "day", "time", "where", "what", "how", "who", "body", "thing", "way", "back", "down", "off", "some"])
# codes whose own span is a whole line: they stay even though their line is 'suppressed'
_LINE_CODES = frozenset({"BP001", "BP002", "DU001", "BP003", "DU002"})
# checks that apply to any language (the rest are English-specific)
_LANG_FREE = frozenset({"BP001", "BP002", "BP003", "DU001", "DU002", "TY002", "TY003", "TY005", "TY007", "TY009",
                        "TY010", "MT009"})


def _inside_lines(f: Flag, starts: set[int], lines: list[tuple[int, int]], text: str) -> bool:
    if not starts or f.start is None:
        return False
    ls = text.rfind("\n", 0, f.start) + 1
    return ls in starts


def _finish(flags: Iterable[Flag]) -> list[Flag]:
    """Sort by position; of overlapping flags with the same code keep the longest."""
    out: list[Flag] = []
    last: dict[str, int] = {}  # code -> index in out of its latest flag
    for f in sorted(flags, key=lambda f: (f.start or 0, -(f.end or 0), f.code)):
        i = last.get(f.code)
        if i is not None and f.start is not None:
            prev = out[i]
            if prev.end is not None and f.start < prev.end:
                if (f.end or 0) > prev.end:
                    out[i] = f if (f.end or 0) - f.start > prev.end - (prev.start or 0) else prev
                continue
        last[f.code] = len(out)
        out.append(f)
    return out
