"""Inline repair rules: an ordered, immutable table of named, pure functions.

Each rule looks at the current text of one paragraph and proposes replacements
``(start, end, new_text)`` in that text; the engine applies them, maps them back to
the original and logs them. No rule rewrites a word: the engine drops any proposal
that changes the letters or digits of the span (after NFC); furniture rules may only
delete.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Protocol

Proposal = tuple[int, int, str]


class RuleContext(Protocol):
    """What a rule may know about the document beyond its own paragraph."""

    @property
    def honorific_dot(self) -> bool | None: ...  # True: "Mr.", False: "Mr", None: leave alone

    @property
    def site_names(self) -> re.Pattern[str] | None: ...

    def credit(self, candidate: str) -> bool: ...  # is this a credit line?

    def moses(self, text: str) -> str: ...


Finder = Callable[[str, RuleContext], Iterable[Proposal]]


@dataclass(frozen=True, slots=True)
class InlineRule:
    """A named repair: its taxonomy code, why it exists, and where it applies."""

    name: str
    code: str
    comment: str
    find: Finder
    english_only: bool = True
    furniture: bool = False  # may delete whole words (site names, credits), never replace them
    # A cheap necessary condition on the paragraph (substring tests, str methods): when it is
    # false the rule cannot match and is skipped. Most paragraphs need few of the rules.
    gate: Callable[[str], object] | None = None


def _sub(pattern: str, replacement: str, flags: int = 0) -> Finder:
    rx = re.compile(pattern, flags)

    def find(text: str, ctx: RuleContext) -> Iterator[Proposal]:
        for m in rx.finditer(text):
            yield m.start(), m.end(), m.expand(replacement)
    return find


def double_quote_depth(text: str) -> list[int]:
    """Open curly double quotes before each position (index i = before text[i]), never below 0."""
    def step(depth: int, ch: str) -> int:
        if ch == "\u201c":
            return depth + 1
        if ch == "\u201d":
            return max(depth - 1, 0)
        return depth
    return list(accumulate(text, step, initial=0))


_DOUBLE_QUOTES = re.compile("[\u201c\u201d]")


class QuoteDepth:
    """``double_quote_depth`` without a list per character: depth at i by bisection."""

    __slots__ = ("_after", "_marks")

    def __init__(self, text: str) -> None:
        marks: list[int] = []
        after: list[int] = []
        depth = 0
        for m in _DOUBLE_QUOTES.finditer(text):
            depth = depth + 1 if m.group() == "\u201c" else max(depth - 1, 0)
            marks.append(m.start())
            after.append(depth)
        self._marks, self._after = marks, after

    def __getitem__(self, i: int) -> int:
        """Open curly double quotes before position i (in text[:i])."""
        k = bisect_left(self._marks, i)
        return self._after[k - 1] if k else 0


# --- encoding noise -----------------------------------------------------------------

# XML 1.0 forbids C0 controls except tab/LF/CR; C1 controls (U+0080-U+009F, except NEL) in
# scraped text are leftovers of cp1252 mis-decoding and never content.
_CONTROL = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]+"
# Soft hyphen, zero-width space, word joiner, BOM inside text: invisible and break matching.
_INVISIBLE = "[\u00ad\u200b\u2060\ufeff]+"


_NFC_BLOCK = 2048


def _nfc(text: str, ctx: RuleContext) -> Iterator[Proposal]:
    if unicodedata.is_normalized("NFC", text):
        return
    # A cluster (below) never spans a space (a normalised starter), so the text is cut into
    # blocks at spaces and only blocks that are not NFC are walked character by character.
    n = len(text)
    block = 0
    while block < n:
        cut = text.find(" ", block + _NFC_BLOCK)
        cut = n if cut < 0 else cut
        if not unicodedata.is_normalized("NFC", text[block:cut]):
            yield from _nfc_block(text, block, cut)
        block = cut


def _nfc_block(text: str, i: int, n: int) -> Iterator[Proposal]:
    # Normalise per run of non-starters with the starter before them (a grapheme-ish cluster).
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or not unicodedata.is_normalized("NFC", text[j])):
            j += 1
        chunk = text[i:j]
        fixed = unicodedata.normalize("NFC", chunk)
        if fixed != chunk:
            yield i, j, fixed
        i = j


# --- French typography leaking into English ------------------------------------------

_FR_SPACE = "[ \u00a0\u202f\u2009\u2007]"


def _thousands(text: str, ctx: RuleContext) -> Iterator[Proposal]:
    # "1 200 000" with no-break/thin spaces is a French-formatted number; a decimal comma
    # after it is French too ("1 200,5" -> "1,200.5"). Plain spaces are ambiguous: flagged only.
    for m in _THOUSANDS.finditer(text):
        head, groups, dec = m.group(1), m.group(2), m.group(3) or ""
        fixed = head + _FR_GROUP_SPACE.sub(",", groups) + dec.replace(",", ".")
        yield m.start(), m.end(), fixed


_FR_GROUP_SPACE = re.compile("[\u00a0\u202f\u2009\u2007]")
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:[\u00a0\u202f\u2009\u2007]\d{3})+)(,\d{1,2}(?![\d,]))?(?!\d)")


# --- quotes ------------------------------------------------------------------------

def _misplaced_close(text: str, ctx: RuleContext) -> Iterator[Proposal]:
    # ', ”he said' -> ',” he said': a closing quote pushed onto the next word. Only when a
    # quote is open, so a wrongly shaped opening mark ('said ”Hello') is left for review.
    depth = None
    for m in _MISPLACED.finditer(text):
        depth = depth or QuoteDepth(text)
        if depth[m.start()] > 0:
            yield m.start(), m.end(), "\u201d "


_MISPLACED = re.compile(r"(?<=[,.;:!?])[ ]+\u201d(?=[^\W\d_])")


def _open_as_close(text: str, ctx: RuleContext) -> Iterator[Proposal]:
    # 'States. “' at paragraph end, or '“Yes, “ he said': an opening-shaped mark used to
    # close an open quotation, after sentence punctuation.
    depth = None
    for m in _OPEN_AS_CLOSE.finditer(text):
        depth = depth or QuoteDepth(text)
        if depth[m.start()] > 0:
            yield m.start(), m.end(), "\u201d"


_OPEN_AS_CLOSE = re.compile(r"(?<=[.,!?;\u2026])[ ]*\u201c(?:[ ]*$|(?=[ ]+[a-z]))")


def _space_inside_open(text: str, ctx: RuleContext) -> Iterator[Proposal]:
    # '“ Hello' -> '“Hello', '( see' -> '(see'. A “ counts as opening only when no quote is
    # open (otherwise it may be a misplaced closing mark, left for review).
    depth = None
    for m in _SPACE_AFTER_OPEN.finditer(text):
        mark = text[m.start() - 1]
        if mark == "\u201c":
            depth = depth or QuoteDepth(text)
            if depth[m.start() - 1] > 0:
                continue
        yield m.start(), m.end(), ""


_SPACE_AFTER_OPEN = re.compile(r"(?:(?<=^[\u201c\u2018(\[])|(?<=[\s\u2014\u2013][\u201c\u2018(\[]))[ ]+(?=[^\W_])")


def _space_before_punct(text: str, ctx: RuleContext) -> Iterator[Proposal]:
    # 'word ,' 'word .' 'word ;' 'word ?' 'word )' 'spirit ”' -> no space (English).
    depth = None
    first_single = text.find("\u2018")  # an opening single quote before a match?
    for m in _SPACE_BEFORE.finditer(text):
        nxt = text[m.end()]
        if nxt == "." and (text[m.start() - 1] == "." or text.startswith(" .", m.end() + 1)):
            continue  # a spaced ellipsis ". . ."
        if nxt == "\u201d":
            depth = depth or QuoteDepth(text)
            if depth[m.start()] == 0:
                continue  # may be an opening quote with the wrong shape
        elif nxt == "\u2019" and not 0 <= first_single < m.start():
            continue  # no single quote open: an elision mark like ’n’ or ’90s
        yield m.start(), m.end(), ""


_SPACE_BEFORE = re.compile(
    r"(?<=[^\s(\[\u201c\u2018])[ ]+"
    r"(?=[,;:](?!\d)|[!?]|[)\]]|\.(?![\w.])|\u201d(?![^\W_])|\u2019(?![^\W_]))")


# --- honorifics -------------------------------------------------------------------

HONORIFIC = re.compile(r"(?<![\w.])(Mr|Mrs|Ms|Messrs|Dr)(\.?)(?=[ \u00a0]+[A-Z\u00c0-\u00de])")


def _honorific(text: str, ctx: RuleContext) -> Iterator[Proposal]:
    # One form per document: the majority of "Mr"/"Mr." (with Mrs, Ms, Messrs, Dr) wins.
    dot = ctx.honorific_dot
    if dot is None:
        return
    for m in HONORIFIC.finditer(text):
        if bool(m.group(2)) != dot:
            yield m.start(), m.end(), m.group(1) + ("." if dot else "")


# --- furniture inside a line ------------------------------------------------------

def _site_name(text: str, ctx: RuleContext) -> Iterator[Proposal]:
    # "Headline | The Globe and Mail": a site name left on a headline (no final punctuation).
    rx = ctx.site_names
    if rx is None:
        return
    m = rx.search(text) or (_PIPE_SUFFIX.search(text) if len(text) <= 300 else None)
    if m and m.start() > 0 and text[m.start() - 1] not in ".!?\u201d":
        yield m.start(), m.end(), ""


# "Headline | Some Site": a pipe then a few capitalised words at the end of a line is a
# site or section name even when the site is not in site_names.txt.
_PIPE_SUFFIX = re.compile(r"(?:[ ]+\|[ ]+[A-Z0-9][\w.'\u2019&-]*(?: [\w.'\u2019&-]+){0,4})+[ ]*$")


def _trailing_credit(text: str, ctx: RuleContext) -> Iterator[Proposal]:
    # "... in Geneva. (Peter Klaunzer/The Associated Press)": a credit glued to a caption.
    m = _TAIL.search(text, max(0, len(text) - 200))  # credits are short: only look at the end
    if m and m.start() > 0 and ctx.credit(m.group(1) or m.group(2) or m.group(3)):
        yield m.start(), m.end(), ""


# A bracketed tail, or a slash-credit tail after sentence punctuation: candidates for credit_match.
_TAIL = re.compile(r"[ ]*(?:\(([^()]{2,160})\)|\[([^\[\]]{2,160})\])[ ]*$"
                   r"|(?<=[.!?\u201d])[ ]+([^ .!?][^.!?]{1,158}/[^.!?]{1,80})[ ]*$")


_TRAIL_DASH = re.compile(r"(?:[ ]+[-\u2013\u2014|\u2022\u00b7])+[ ]*$")
_DASHES = "-\u2013\u2014|\u2022\u00b7"


def _trailing_dashes(text: str, ctx: RuleContext) -> Iterator[Proposal]:
    # The matches of _TRAIL_DASH, found from the end in linear time (the regex, tried at
    # every position of a long run of " –", would be quadratic).
    if text.endswith("\n"):  # "$" also matches before a final newline: let the regex decide
        for m in _TRAIL_DASH.finditer(text):
            yield m.start(), m.end(), ""
        return
    q = len(text.rstrip(" "))
    start = -1
    while q >= 2 and text[q - 1] in _DASHES and text[q - 2] == " ":
        t = q - 2
        while t > 0 and text[t - 1] == " ":
            t -= 1
        start = q = t
    if start >= 0:
        yield start, len(text), ""


def _moses(text: str, ctx: RuleContext) -> Iterator[Proposal]:
    import difflib

    new = ctx.moses(text)
    if new == text:
        return
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, text, new, autojunk=False).get_opcodes():
        if op != "equal":
            yield a0, a1, new[b0:b1]


_WS = "[ \t\r\n\x0b\x0c\x85\u2028\u2029]"
_WS_CHARS = " \t\r\n\x0b\x0c\x85\u2028\u2029"

# --- gates: cheap necessary conditions (see InlineRule.gate) ---------------------------
# Every character these rules look for (controls, invisible and fixed-width spaces, line
# separators) is non-printable, so ``str.isprintable()`` rules them all out at once.


def _has_any(*needles: str) -> Callable[[str], bool]:
    if len(needles) == 1:
        needle = needles[0]
        return lambda text: needle in text

    def gate(text: str) -> bool:
        for n in needles:
            if n in text:
                return True
        return False
    return gate


def _not_printable(text: str) -> bool:
    return not text.isprintable()


def _ws_run(text: str) -> bool:
    return "  " in text or not text.isprintable()


def _ws_ends(text: str) -> bool:
    return text[0] in _WS_CHARS or text[-1] in _WS_CHARS


def _ends_with_dash(text: str) -> bool:
    core = text.rstrip(" ")
    return bool(core) and core[-1] in _DASHES or text.endswith("\n")


_DIGIT_COMMA_DIGIT = re.compile(r"\d,\d")


def _decimal_gate(text: str) -> bool:
    return "," in text and _DIGIT_COMMA_DIGIT.search(text) is not None


_site_gate = _has_any(" |", " -", " \u2013", " \u2014", " :")
_credit_gate = _has_any("(", "[", "/")
_space_before_gate = _has_any(" ,", " ;", " :", " !", " ?", " )", " ]", " .", " \u201d", " \u2019")
_space_after_open_gate = _has_any("\u201c ", "\u2018 ", "( ", "[ ")
_inner_dash_gate = _has_any("\u2013 \u2013", "\u2013 \u2014", "\u2014 \u2013", "\u2014 \u2014")

# The table. Order matters: encoding first, then spacing, then punctuation and quotes.
INLINE_RULES: tuple[InlineRule, ...] = (
    InlineRule("control_chars", "TY009", "XML-illegal and C1 control characters are removed (lxml and TMX refuse them).",
               _sub(_CONTROL, ""), english_only=False, gate=_not_printable),
    InlineRule("invisible_chars", "TY009", "Soft hyphens, zero-width spaces, word joiners and stray BOMs are removed.",
               _sub(_INVISIBLE, ""), english_only=False, gate=_not_printable),
    InlineRule("nfc", "TY009", "Unicode NFC: decomposed accents become precomposed characters.", _nfc,
               english_only=False),
    InlineRule("guillemets", "TY006", "French guillemets become English curly quotes, inner spaces dropped: « x » -> “x”.",
               _sub("\u00ab[ \u00a0\u202f\u2009]*", "\u201c"), english_only=True, gate=_has_any("\u00ab")),
    InlineRule("guillemets", "TY006", "Closing guillemet, with the French space before it.",
               _sub("[ \u00a0\u202f\u2009]*\u00bb", "\u201d"), gate=_has_any("\u00bb")),
    InlineRule("thousands_separator", "TY008",
               "No-break/thin-space thousands separators become commas: 1\u202f200 -> 1,200.", _thousands,
               gate=_not_printable),
    InlineRule("decimal_comma", "TY008",
               "A decimal comma with one or two decimals is French: 7,5 -> 7.5 (three digits would be thousands).",
               _sub(r"(?<![\d.,])(\d{1,3}),(\d{1,2})(?![\d,]|\.\d)", r"\1.\2"), gate=_decimal_gate),
    InlineRule("percent_spacing", "TY008", "No space before % in English: 3 % -> 3%.",
               _sub(r"(?<=\d)[ \u00a0\u202f\u2009]+(?=%)", ""), gate=_has_any("%")),
    InlineRule("french_spacing", "TY006", "French no-break/thin space before ; : ! ? is dropped in English.",
               _sub(r"(?<=\S)[\u00a0\u202f\u2009]+(?=[;:!?])", ""), gate=_not_printable),
    InlineRule("nbsp", "TY007", "No-break, thin and other fixed-width spaces become plain spaces in English.",
               _sub("[\u00a0\u202f\u2000-\u200a\u205f\u3000]", " "), gate=_not_printable),
    InlineRule("whitespace", "TY007", "Runs of whitespace, tabs and wrapped-line breaks become one space.",
               _sub(f"{_WS}{{2,}}|[\t\r\n\x0b\x0c\x85\u2028\u2029]", " "), english_only=False,
               gate=_ws_run),
    InlineRule("whitespace", "TY007", "No leading or trailing whitespace in a paragraph.",
               _sub(f"^{_WS}+|{_WS}+$", ""), english_only=False, gate=_ws_ends),
    InlineRule("site_name", "BP001", "A site name left at the end of a headline ('Title | Le Devoir').",
               _site_name, english_only=False, furniture=True, gate=_site_gate),
    InlineRule("credit_span", "BP002", "A photo credit glued to the end of a caption ('... (Name/AP)').",
               _trailing_credit, english_only=False, furniture=True, gate=_credit_gate),
    InlineRule("stray_dash", "TY005", "Trailing dashes/separators left where a site name was cut: 'Title – –' -> 'Title'.",
               _trailing_dashes, english_only=False, gate=_ends_with_dash),
    InlineRule("stray_dash", "TY005", "A doubled spaced dash inside a line: 'a – – b' -> 'a – b'.",
               _sub(r"(?<= )([\u2013\u2014])(?: [\u2013\u2014])+(?= )", r"\1"), english_only=False,
               gate=_inner_dash_gate),
    InlineRule("doubled_punct", "TY002", "A full stop repeated across a space: 'targeted. . “We' -> 'targeted. “We' "
               "(spaced ellipses '. . .' are left alone).",
               _sub(r"(?<![.\s])\.(?:[ ]+\.)(?![ ]*\.)", "."), gate=_has_any(" .")),
    InlineRule("doubled_punct", "TY002", "Two full stops that are not an ellipsis: 'end..' -> 'end.'.",
               _sub(r"(?<=[^.\s])\.\.(?=[\s\u201d\u2019\"')\]]|$)", "."), gate=_has_any("..")),
    InlineRule("doubled_punct", "TY002", "Doubled comma or semicolon: ',,' ', ,' -> ','.",
               _sub(r"([,;])(?:[ ]*\1)+", r"\1")),
    InlineRule("misplaced_quote", "TY004", "Closing quote glued to the next word: ', ”he' -> ',” he'.",
               _misplaced_close, gate=_has_any("\u201d")),
    InlineRule("misplaced_quote", "TY004", "Opening-shaped quote closing an open quotation: 'States. “' -> 'States.”'.",
               _open_as_close, gate=_has_any("\u201c")),
    InlineRule("space_inside_quotes", "TY001", "No space after an opening quote or bracket: '“ Hello' -> '“Hello'.",
               _space_inside_open, gate=_space_after_open_gate),
    InlineRule("space_before_punct", "TY001", "No space before , . ; : ! ? ) ] or a closing quote in English.",
               _space_before_punct, gate=_space_before_gate),
    InlineRule("honorific", "ST001", "Mr/Mrs/Ms/Dr with or without a full stop, as the document's majority writes it.",
               _honorific, gate=_has_any("M", "Dr")),
    InlineRule("whitespace", "TY007", "Whitespace left at the ends after the repairs above.",
               _sub(f"^{_WS}+|{_WS}+$", ""), english_only=False, gate=_ws_ends),
    InlineRule("moses", "TY007", "sacremoses MosesPunctNormalizer (opt-in: turns curly quotes into ASCII).", _moses,
               english_only=False),
)
