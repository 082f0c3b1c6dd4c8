"""The fast rule-based sentence splitter (the default engine).

One regular expression finds every candidate boundary (a run of sentence
terminals plus the closing quotes, brackets and footnote marks that stay with
it); a small decision function then looks at the word before and the word after,
with the language's abbreviation sets (Moses prefixes plus ours, see
``_rules.py``). Line breaks always end a sentence (headlines, list items).

Conventions followed (and where they come from):
- ``?``/``!`` end a sentence unless a lower-case word or a comma follows
  ("Yahoo! in", "« Quoi ? » dit-il") -- LanguageTool and Pragmatic Segmenter tests.
- After a plain word, ``.`` ends a sentence before anything but continuing
  punctuation, also before a lower-case word ("This is it. and") -- LanguageTool.
- After an abbreviation or an initial, ``.`` ends a sentence only before a capitalised
  sentence starter ("in the U.S. How about", not "the U.S. Senate") -- the
  Pragmatic Segmenter heuristic; titles (Mr., M., Dr.) never end one; numeric
  prefixes (No., p., art.) do not before a number -- Moses ``#NUMERIC_ONLY#``.
- ``...``/``…`` end a sentence before a capital; ``(...)``/``[...]`` never (omission);
  ``. . .`` (spaced, three dots) is an omission, four spaced dots are an ellipsis
  plus a full stop (Chicago Manual of Style 13.50-13.56).
- Without a space, a terminal ends a sentence only before a capitalised word
  ("sentence.Isn't it?"), never inside e-mail addresses or URLs.
- A list that starts a line ("1. ...", "a) ...", "• ...") is split at its next items.
- Units after a number ("5 ft. 6 in. tall"), compass points ("NE.") and degrees ("Ph.D.")
  end a sentence before a capital only; spaced abbreviations ("5 a. m.", "e. g.") read as
  dotted ones.
- Tokenised text ("actress . She"): before a spaced full stop only a title or a dotted
  abbreviation ("Mr . Robinson", "U.S . Highway") keeps the sentence going.
- A quote standing apart after a terminal ("Boursier . ' He", "do ? '' Graham") goes with the
  sentence before it when the quotes of the line pair up that way (``_quote_roles``).
"""

from __future__ import annotations

import re

from corpus_tools.segment._rules import LanguageRules, load_rules

VERSION = "1.1"  # part of run signatures: bump when the output changes

_TERMINALS = ".!?\u2026\u203d\u2047\u2048\u2049\uff01\uff1f\uff61\u3002\u0964\u0965\u061f\u06d4"
_QE = frozenset("!?\u203d\u2047\u2048\u2049\uff01\uff1f\u061f")
_CJK = frozenset("\uff61\u3002\uff01\uff1f")  # no space follows these
_CLOSERS = "»›”’)\\]）］」』〉》】"
_OPENERS = frozenset("\"'“‘«‹„‚(\\[（［「『〈《【¿¡")
_BULLETS = "•◦▪‣⁃●■"
# Punctuation that continues a sentence: nothing after a terminal that starts with one of these
# begins a new sentence.
_CONT = frozenset(",;:.!?)]}»›”’…%\u2026")
_SPACES = " \t\u00a0\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u205f\u3000"

# The candidate pattern. ``sp``: spaced dots (". . ." or ". . . ."); ``t``: a run of terminals;
# ``c``: what stays with the terminal: closing brackets/guillemets (a space may precede them,
# as in French « ... ! »), straight quotes and backticks (no space before: after a space they
# open; "`hello.`" and "``hello.``" close with backticks in some plain-text conventions),
# footnote marks "[4]", further terminals ('"Yes!".') and invisible control characters.
# Every repetition consumes at least one character and the alternatives start with disjoint
# characters, so matching is linear (see tests/test_segment_fast.py::test_no_backtracking).
_CANDIDATE = re.compile(
    # the lookahead lets the regex engine skip to the next interesting character quickly
    rf"(?=[{re.escape(_TERMINALS)}»”\")])(?:"
    r"(?P<sp>\.(?:[ \u00a0\u202f]\.){2,})"
    rf"|(?P<t>[{re.escape(_TERMINALS)}]+)"
    rf"(?P<c>(?:[ \u00a0\u202f]*[{_CLOSERS}]|[\"'`]|[ \u00a0\u202f]?\[\d{{1,3}}\]|[{re.escape(_TERMINALS)}]"
    r"|[\x00-\x08\x0e-\x1f\x7f\u200b-\u200f\u2060\ufeff])*)"
    # a closing quote or bracket with no terminal before it (a quoted headline: '... is back"')
    r"|(?P<q>[»”\")])(?=[ \u00a0\u202f]))"
)
_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
# A list marker at the start of a line: "1.", "12)", "1.)", "a.", "• 9.", "⁃10."
_ENUM = re.compile(rf"[{_BULLETS}]?[ \t\u00a0]*(\d{{1,3}}|[a-z])(\.\)|[.)])(?=\s)")
_ANY_BULLET = re.compile(rf"[{_BULLETS}]")
_BULLET_MID = re.compile(rf"(?<=\s)[{_BULLETS}]")
# Dotted abbreviations and initials: U.S, a.m, e.g, Ph.D, J.-P, LL.AA.II.RR, c.-à-d
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.-?)+[^\W\d_]{1,2}|[^\W\d_]\.-[^\W\d_]-[^\W\d_]")
_WORD_AT = re.compile(r"[^\W\d_]+['\u2019]?")
_TRAIL_WORD = re.compile(r"[^\W_]+$")
_ELISION = re.compile(r"^[^\W\d_]{1,5}['\u2019](?=\w)")
_STRIP_OPEN = "\"'“‘«‹„‚(\\[¿¡–—-"
_STRIP_CLOSE = "\"'”’»›)]"

# Decision outcomes of the word before a full stop.
_NORMAL, _TITLE, _ABBREV, _POSTPOSITIVE = 0, 1, 2, 3


class FastSegmenter:
    """Rule-based splitter; ``spans(text)`` gives whitespace-trimmed sentence spans."""

    def __init__(self, lang: str) -> None:
        self.rules: LanguageRules = load_rules(lang)
        self.lang = self.rules.lang
        self.name = f"fast-{VERSION}:{self.lang}"

    def __repr__(self) -> str:
        return f"FastSegmenter({self.lang!r})"

    # -- public API ---------------------------------------------------------------------------

    def split(self, text: str) -> list[str]:
        return [text[a:b] for a, b in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for line in _LINE.finditer(text):
            self._line_spans(text, line.start(), line.end(), out)
        return out

    # -- internals ----------------------------------------------------------------------------

    def _line_spans(self, text: str, ls: int, le: int, out: list[tuple[int, int]]) -> None:
        cuts: list[int] = []
        protected: set[int] = set()
        if _ANY_BULLET.search(text, ls, le) is not None:
            starts = [m.start() for m in _BULLET_MID.finditer(text, ls, le)]
            cuts.extend(starts)
            for s in [ls, *starts]:
                self._enumerators(text, s, le, cuts, protected)
        else:
            self._enumerators(text, ls, le, cuts, protected)
        sent = ls
        quotes: list[dict[int, str]] = []  # the line's quote roles, computed on first need
        for m in _CANDIDATE.finditer(text, ls, le):
            cut = self._decide(text, m, sent, le, protected, ls, quotes)
            if cut is not None:
                cuts.append(cut)
                sent = cut
        if len(cuts) > 1:
            cuts.sort()
        cuts.append(le)
        a = ls
        for b in cuts:
            if b <= a:
                continue
            s, e = a, b
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
            a = b

    def _enumerators(self, text: str, pos: int, le: int, cuts: list[int], protected: set[int]) -> None:
        """Protect a list marker at ``pos`` and cut before the following items of the same list."""
        while pos < le and text[pos] in _SPACES:
            pos += 1
        m = _ENUM.match(text, pos, le)
        if m is None:
            return
        if "." in m.group(2):
            protected.add(m.start(2))
        value, style = m.group(1), m.group(2)
        end = m.end()
        while True:
            value = str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)
            nxt = re.compile(rf"(?<=\s)(?:[{_BULLETS}][ \t\u00a0]*)?{re.escape(value)}{re.escape(style)}(?=\s)"
                             ).search(text, end, le)
            if nxt is None:
                return
            cuts.append(nxt.start())
            if "." in style:
                protected.add(nxt.end() - len(style))
            end = nxt.end()

    def _decide(self, text: str, m: re.Match[str], ls: int, le: int, protected: set[int],
                line: int, quotes: list[dict[int, str]]) -> int | None:
        """The position where the sentence ends at this candidate, or None.

        ``ls`` is the start of the current sentence, ``line`` that of the line."""
        start = m.start()
        if start in protected:
            return None
        end = m.end()
        sp = m.group("sp")
        if sp is not None:
            return self._spaced_dots(text, start, end, ls, le, sp)
        if m.group("q") is not None:
            # a closer after a word, or after a word and one space ("inacceptables »")
            if start <= ls:
                return None
            prev = text[start - 1]
            if prev in " \u00a0\u202f" and text[start] == "»" and start - 1 > ls:
                prev = text[start - 2]
            if prev.isspace() or prev in _TERMINALS:
                return None
            if text[start] == ")" and text.find("(", ls, start) == -1:
                return None  # "1) The first item": a list marker, not a closing bracket
            return self._headline_quote(text, end, le)
        t = m.group("t")
        c = m.group("c")
        if end >= le:
            return None
        if t == ".":
            kind = "period"
        elif any(ch in _CJK for ch in t):
            return end
        elif any(ch in _QE for ch in t):
            kind = "qe"
        elif all(ch in ".\u2026" for ch in t):
            kind = "ellipsis"
        else:
            kind = "qe"  # dandas and other single terminals behave like ? and !
        if kind == "ellipsis" and start > ls and text[start - 1] in "([":
            # "(...)" and "[...]" mark an omission; a terminal after the bracket still counts.
            rest = c.lstrip(" \u00a0\u202f")
            if not rest or rest[0] not in ")]":
                return None
            after = rest[1:]
            if "." in after:
                kind = "period"
            elif any(ch in _QE for ch in after):
                kind = "qe"
            else:
                return None
        nxt = text[end]
        if not nxt.isspace():
            return self._no_space(text, start, end, ls, le, kind)
        j = end + 1
        while j < le and text[j].isspace():
            j += 1
        if j >= le:
            return None
        if text[j] in "'\"`":
            # a quote standing apart ("Boursier . ' He", "do ? '' Graham"): it closes the
            # sentence when the line's quotes pair up that way; the decision is then taken after it
            qe = self._spaced_closer(text, j, line, le, quotes)
            if qe is not None:
                j = qe
                while j < le and text[j].isspace():
                    j += 1
                if j >= le or text[j] in _CONT:
                    return None  # "Dad ! '' .", "shower. ' , Tim"
                end = qe
                c += text[qe - 1]
        first = text[j]
        if first in _BULLETS:
            return end
        if first in "-\u2013\u2014" and j + 2 < le and text[j + 1].isspace():
            # a spaced dash: '"Then what?" - asks Valery' continues the sentence,
            # '- What else awaits us?' (an interview turn) starts one.
            j += 2
            while j < le and text[j].isspace():
                j += 1
            if j >= le or text[j].islower():
                return None
            first = text[j]
        opener = False
        k = j
        while k < le and (text[k] in _OPENERS or (opener and text[k] in _SPACES)):
            opener = True
            k += 1
        if k >= le:
            return None
        ch = text[k]
        if ch.isupper() or ch.istitle():
            nk = "upper"
        elif ch.islower():
            nk = "lower"
        elif ch.isdigit():
            nk = "digit"
        elif ch.isalpha():
            nk = "upper"  # scripts without case
        elif not opener and ch in _CONT:
            return None
        else:
            nk = "other"
        if nk in ("lower", "digit") and _bracket_depth(text, ls, start) > 0:
            return None  # "(see. section 4.2)": still inside the brackets
        if nk == "lower" and c.strip(" \u00a0\u202f"):
            # '"This is great." she said', '(... an engineer.) at the': the quoted or
            # bracketed sentence is part of the sentence around it.
            return None
        if kind == "qe":
            return None if nk == "lower" else end
        if kind == "ellipsis":
            return end if nk == "upper" and not _pronoun_i(text, k, le) else None
        # A full stop: look at the word before it.
        if nk == "lower" and k == j and text[start - 1].isalpha() and self._spaced_head(text, start, k, ls, le):
            return None
        cls, numeric = self._classify(text, start, ls)
        if numeric and nk == "digit":
            return None
        if cls == _TITLE:
            return None
        if cls == _POSTPOSITIVE:
            # "at 6 p.m. Police said", "in 753 B.C. Augustus": a capital is enough evidence,
            # except for a time zone ("p.m. PDT") or after a fronted adverbial that has no verb
            # yet ("At 5 a.m. Mr. Smith went", "He noted: In 44 B.C. Caesar was"), unless a
            # sentence-starter word follows ("At 6 a.m. The birds sing": a complete sentence).
            if nk != "upper" or _pronoun_i(text, k, le) or _all_caps(text, k, le):
                return None
            if self.rules.continuers and self._continuer(text, k, le):
                return None  # "at 4 p.m. Monday", "at 9 a.m. Jan. 5"
            if self._fronted(text, ls, start) and not self._is_starter(text, k, le):
                return None
            return end
        if cls == _ABBREV:
            if nk != "upper":
                return None
            if opener:
                return end
            return end if self._is_starter(text, k, le) else None
        return end

    def _spaced_closer(self, text: str, j: int, line: int, le: int,
                       quotes: list[dict[int, str]]) -> int | None:
        """The end of the quote at ``j`` if it stands apart and closes a quotation, else None."""
        qe = j + 2 if text.startswith(("''", "``"), j) else j + 1
        if text[j] == "`" or (qe < le and not text[qe].isspace() and text[qe] not in _CONT):
            return None  # a backtick opens; a quote attached to the next word opens
        if not quotes:
            quotes.append(_quote_roles(text, line, le))
        return qe if quotes[0].get(j) == "c" else None

    def _headline_quote(self, text: str, end: int, le: int) -> int | None:
        """'... "The revolution is back" For weeks': a quote or bracket closes a headline
        without a terminal; a sentence starts after it only with a sentence-starter word."""
        k = end
        while k < le and text[k].isspace():
            k += 1
        if k < le and (text[k].isupper() or text[k].istitle()) and self._is_starter(text, k, le):
            return end
        return None

    def _spaced_dots(self, text: str, start: int, end: int, ls: int, le: int, sp: str) -> int | None:
        dots = sp.count(".")
        if end >= le:
            return None
        j = end
        while j < le and (text[j].isspace() or text[j] in _CLOSERS or text[j] in "\"'"):
            j += 1
        if j >= le:
            return None
        k = j
        while k < le and text[k] in _OPENERS:
            k += 1
        if k >= le or not (text[k].isupper() or text[k].istitle()) or _pronoun_i(text, k, le):
            return None
        attached = start > ls and not text[start - 1].isspace()
        if dots == 3:
            # ". . ." is an omission; before a capital it also ends the sentence ("Happy . . . No one")
            return end
        if attached:
            # "compounds. . . . The": a full stop, then an ellipsis that opens the next sentence.
            return start + 1
        # "a period . . . . Next": an ellipsis, then the full stop.
        e = end
        while e < le and (text[e] in _CLOSERS or text[e] in "\"'"):
            e += 1
        return e

    def _no_space(self, text: str, start: int, end: int, ls: int, le: int, kind: str) -> int | None:
        """"sentence.Isn't it?Yes": a boundary only before a capitalised word, never in URLs."""
        if end + 1 >= le or not self.rules.split_without_space:
            return None
        a, b = text[end], text[end + 1]
        if not (a.isupper() and (b.islower() or b in "'\u2019")):
            return None
        w = end + 1
        while w < le and text[w].isalpha():
            w += 1
        if w < le and text[w].isdigit():
            return None  # "7.Bg5", "1.Nf3" (chess moves), "v.Mk2": not a word, not a sentence
        if kind != "ellipsis" and (start == ls or not text[start - 1].isalnum()):
            return None
        # the whole non-space token: no cut inside an address
        i = start
        while i > ls and not text[i - 1].isspace():
            i -= 1
        j = end
        while j < le and not text[j].isspace():
            j += 1
        token = text[i:j]
        if "@" in token or "://" in token or "www." in token.lower():
            return None
        if kind == "period":
            cls, _ = self._classify(text, start, ls)
            if cls != _NORMAL:
                return None
        return end

    def _classify(self, text: str, pos: int, ls: int) -> tuple[int, bool]:
        """Classify the token ending at the full stop at ``pos``: (class, numeric prefix?)."""
        if pos <= ls or text[pos - 1].isspace():
            if pos - 2 > ls and text[pos - 1] == " " and not text[pos - 2].isspace():
                # tokenised text: "Mr . Robinson", "U.S . Highway", "No . 5"; only titles and
                # dotted abbreviations (a plain word before " ." ends a sentence: "actress . She")
                cls, numeric = self._classify(text, pos - 1, ls)
                if cls == _TITLE or (cls == _ABBREV and "." in text[max(ls, pos - 49):pos - 1].rsplit(None, 1)[-1]):
                    return cls, numeric
                return _NORMAL, numeric
            return _NORMAL, False
        window = text[max(ls, pos - 48):pos].rsplit(None, 1)
        tok = window[-1] if window else ""
        r = self.rules
        if tok.isalpha():
            # the common case: a plain word
            n = len(tok)
            if n > 2 and tok not in r.listed:
                return _NORMAL, False
            if n <= 2 and pos - n - 3 >= ls and text[pos - n - 2] == ".":
                joined = _spaced_tail(text, pos - len(tok), pos, ls)
                if joined is not None:
                    spaced = self._listed(joined)
                    if spaced is not None:
                        return spaced, False  # "5 a. m. The", "e. g."
            if tok in r.units and _after_number(text, pos - len(tok), ls):
                return _POSTPOSITIVE, tok in r.numeric  # "5 ft. 6 in. tall", "3 ft. Tom"
            if tok in r.titles:
                return _TITLE, tok in r.numeric
            low = tok.lower() if (len(tok) > 1 and tok[0].isupper() and tok[1:].islower()) else None
            numeric = tok in r.numeric or (low is not None and low in r.numeric)
            if tok in r.postpositive:
                return _POSTPOSITIVE, numeric
            if tok in r.abbreviations or (low is not None and low in r.abbreviations):
                return _ABBREV, numeric
            if len(tok) == 1 and tok.isupper():
                return _ABBREV, numeric  # an initial
            return _NORMAL, numeric
        tok = tok.lstrip(_STRIP_OPEN).rstrip(_STRIP_CLOSE)
        if "/" in tok and "://" not in tok:
            tok = tok.rsplit("/", 1)[1]  # "Route 171/U.S.", "Calif./Nev."
        if not tok:
            return _NORMAL, False
        if tok[0].isdigit():
            tok = tok.lstrip("0123456789")  # "6a.m."
            if not tok:
                return _NORMAL, False
            if tok.lstrip("-") in r.units:
                return _POSTPOSITIVE, False  # "5ft.", "a 5-in. pipe"
        el = _ELISION.match(tok)
        if el is not None:
            tok = tok[el.end():]
        if "@" in tok or "://" in tok:
            return _NORMAL, False
        cands = [tok]
        tw = _TRAIL_WORD.search(tok)
        if tw is not None and tw.start() > 0 and tok[tw.start() - 1] not in ".":
            cands.append(tw.group())
        for w in cands:
            low = w.lower() if (len(w) > 1 and w[0].isupper() and w[1:].islower()) else None
            numeric = w in r.numeric or (low is not None and low in r.numeric)
            if w in r.titles:
                return _TITLE, numeric
            if w in r.postpositive:
                return _POSTPOSITIVE, numeric
            if w in r.abbreviations or (low is not None and low in r.abbreviations):
                return _ABBREV, numeric
            if numeric:
                return _NORMAL, True
        if len(tok) == 1 and tok.isupper():
            return _ABBREV, False  # an initial
        if "." in tok and _DOTTED.fullmatch(tok):
            return _ABBREV, False
        return _NORMAL, False

    def _listed(self, w: str) -> int | None:
        r = self.rules
        if w in r.titles:
            return _TITLE
        if w in r.postpositive:
            return _POSTPOSITIVE
        if w in r.abbreviations:
            return _ABBREV
        return None

    def _spaced_head(self, text: str, start: int, k: int, ls: int, le: int) -> bool:
        """Is the full stop at ``start`` inside a spaced abbreviation ("5 a. m. we", "e. g. this")?"""
        i = start
        while i > ls and start - i < 2 and text[i - 1].isalpha():
            i -= 1
        if i == start or (i > ls and not text[i - 1].isspace()):
            return False
        m = _WORD_AT.match(text, k, le)
        if m is None or m.end() - k > 2 or m.end() >= le or text[m.end()] != ".":
            return False
        return self._listed(f"{text[i:start]}.{text[k:m.end()]}") is not None

    def _fronted(self, text: str, a: int, b: int) -> bool:
        """Does the sentence from ``a``, or its last clause after a colon or semicolon,
        open with a short prepositional phrase ending at ``b``?"""
        fronted = self.rules.fronted
        clause = max(text.rfind(":", a, b), text.rfind(";", a, b))
        for start in ((a,) if clause < 0 else (a, clause + 1)):
            words = text[start:b].split()
            if words and len(words) <= 6 and words[0].strip(_STRIP_OPEN).casefold() in fronted:
                return True
        return False

    def _continuer(self, text: str, k: int, le: int) -> bool:
        m = _WORD_AT.match(text, k, le)
        return m is not None and m.group() in self.rules.continuers

    def _is_starter(self, text: str, k: int, le: int) -> bool:
        m = _WORD_AT.match(text, k, le)
        if m is None:
            return False
        w = m.group().casefold().replace("\u2019", "'")
        if len(w) == 1 and m.end() < le and text[m.end()] == ".":
            return False  # an initial ("U. S. A.") is not the article "A"
        starters = self.rules.starters
        return w in starters or w.rstrip("'") in starters


def _spaced_tail(text: str, i: int, pos: int, ls: int) -> str | None:
    """"a.m" for the "m" at ``i:pos`` in "5 a. m.": the short word and full stop before it, joined."""
    if i - 3 < ls or text[i - 1] != " " or text[i - 2] != ".":
        return None
    h = i - 2
    while h > ls and i - 2 - h < 2 and text[h - 1].isalpha():
        h -= 1
    if h == i - 2 or (h > ls and not text[h - 1].isspace()):
        return None
    return f"{text[h:i - 2]}.{text[i:pos]}"


_QUOTE_TOKEN = re.compile(r"''|``|[\"'`]")
_CLITIC = re.compile(r"(?:s|re|ll|ve|d|m|t)\b|\d", re.IGNORECASE)


def _quote_roles(text: str, ls: int, le: int) -> dict[int, str]:
    """Opening ("o") or closing ("c") role of each straight quote, backtick and ``''`` of a line.

    A quote attached to the word before it closes, one attached to the word after it or
    opening the line opens, one with nothing but punctuation after it closes;
    one standing apart ("a ' Maistre Boursier . ' He", tokenised or careless text) takes the role
    its neighbours leave it: the opposite of the nearest decided quote of its kind before it,
    counting alternately, or, at the start of the line, the role that lets the next decided one
    pair up; with no decided quote at all, an odd count means the line starts inside a
    quotation (the first quote closes it). Apostrophes (don't, 's, '90s) are not quotes.
    """
    kinds: dict[str, list[tuple[int, str]]] = {"d": [], "s": []}
    for m in _QUOTE_TOKEN.finditer(text, ls, le):
        p, q = m.start(), m.end()
        tok = m.group()
        left = text[p - 1] if p > ls else " "
        right = text[q] if q < le else " "
        if tok == "'" and left.isalnum() and right.isalnum():
            continue  # don't
        l_att = not left.isspace() and left not in _OPENERS
        r_att = not right.isspace()
        if tok == "'" and not l_att and _CLITIC.match(text, q, le) is not None:
            continue  # tokenised "Sebadoh 's", "'90s"
        if l_att and r_att:
            if right.isalnum() and left not in _TERMINALS:
                continue  # inside a word
            role = "c"
        elif l_att:
            role = "c"
        elif r_att:
            role = "c" if right in ",;:)" else "o"
        elif tok in ("`", "``") or p == ls:
            role = "o"  # a backtick, or a quote opening the line
        else:
            k = q
            while k < le and text[k].isspace():
                k += 1
            nxt = text[k] if k < le else ""
            if nxt == "" or nxt in ",;:)!?" or (nxt == "." and text[k + 1:k + 2] != "."):
                role = "c"  # nothing left to quote: "Dad ! '' .", "shower. ' , Tim"
            else:
                role = "a"
        kinds["s" if tok in ("'", "`") else "d"].append((p, role))
    out: dict[int, str] = {}
    for toks in kinds.values():
        anchors = [i for i, (_, r) in enumerate(toks) if r != "a"]
        n = len(toks)
        prev = -1
        nxt_i = 0
        for i, (p, r) in enumerate(toks):
            if r != "a":
                out[p] = r
                prev = i
                nxt_i += 1
                continue
            if prev >= 0:
                after = toks[prev][1]
                odd = (i - prev) % 2 == 1
                out[p] = ("c" if after == "o" else "o") if odd else after
            elif nxt_i < len(anchors):
                na = anchors[nxt_i]
                odd = (na - i) % 2 == 1
                anchor = toks[na][1]
                out[p] = ("o" if anchor == "c" else "c") if odd else anchor
            else:
                out[p] = ("c" if i % 2 == 0 else "o") if n % 2 == 1 else ("o" if i % 2 == 0 else "c")
    return out


def _after_number(text: str, i: int, ls: int) -> bool:
    """Does a number end just before ``i`` (one space apart at most): "5 ft", "1½ in"?"""
    if i > ls and text[i - 1] in _SPACES:
        i -= 1
    return i > ls and text[i - 1].isnumeric()


def _all_caps(text: str, k: int, le: int) -> bool:
    j = k
    while j < le and (text[j].isalpha() or text[j] == "."):
        j += 1
    word = text[k:j].replace(".", "")
    return len(word) >= 2 and word.isupper()


def _pronoun_i(text: str, k: int, le: int) -> bool:
    """Is the word at ``k`` the pronoun "I" (capitalised anywhere: no evidence of a new sentence)?"""
    return text[k] == "I" and (k + 1 >= le or not text[k + 1].isalpha())


_OPEN_BRACKETS = "([{（［"
_CLOSE_BRACKETS = ")]}）］"


def _bracket_depth(text: str, a: int, b: int) -> int:
    depth = 0
    for ch in _OPEN_BRACKETS:
        depth += text.count(ch, a, b)
    for ch in _CLOSE_BRACKETS:
        depth -= text.count(ch, a, b)
    return depth
