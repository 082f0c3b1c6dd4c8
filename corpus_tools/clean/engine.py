"""The cleaning engine: line furniture, paragraphs, inline repairs, duplicates, flags.

Every change is an :class:`~corpus_tools.model.Edit` located in the text as given
(code points, end exclusive), so ``text[e.start:e.end] == e.original`` always holds and
applying the edits from the end gives the cleaned text back.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from corpus_tools.clean.codes import CODES
from corpus_tools.clean.patterns import Furniture, by_blocks, line_key, load_furniture
from corpus_tools.clean.typography import HONORIFIC, INLINE_RULES, InlineRule
from corpus_tools.errors import ConfigError
from corpus_tools.furniture_model import load_furniture_model
from corpus_tools.model import Edit, Flag, Paragraph, Severity
from corpus_tools.reader_commands import is_reader_command


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A switchable cleaning rule: its taxonomy code and what it does."""

    name: str
    code: str
    description: str
    default: bool = True


def _registry() -> Mapping[str, RuleInfo]:
    rules: dict[str, RuleInfo] = {
        "boilerplate": RuleInfo("boilerplate", "BP001", "Delete furniture lines (ads, forms, share/subscribe prompts, "
                                "cross links) matched by data/clean/boilerplate.txt and --boilerplate files."),
        "recurring_line": RuleInfo("recurring_line", "BP001", "Delete lines recurring across a batch of documents "
                                   "(CleanConfig.extra_boilerplate_lines, see find_recurring_lines)."),
        "credit_line": RuleInfo("credit_line", "BP002", "Delete photo/agency credit lines and bylines "
                                "(data/clean/credits.txt, agencies.txt)."),
        "duplicate": RuleInfo("duplicate", "DU001", "Delete later copies of a repeated line or paragraph (keep the first)."),
        "captions": RuleInfo("captions", "BP003", "Mark photo captions (is_caption) instead of deleting them."),
        "quote_check": RuleInfo("quote_check", "TY003", "Flag quotes and brackets that are unbalanced (never auto-fixed)."),
        "number_check": RuleInfo("number_check", "TY008", "Flag French times (20 h 30) and space-grouped numbers "
                                 "that cannot be fixed safely."),
        "furniture_check": RuleInfo("furniture_check", "BP001", "Flag (never delete) short lines that the statistical "
                                    "furniture model (data/furniture/model.tsv) takes for furniture no pattern names."),
    }
    for r in INLINE_RULES:
        if r.name not in rules:
            rules[r.name] = RuleInfo(r.name, r.code, r.comment, default=r.name != "moses")
    return MappingProxyType(rules)


RULES: Mapping[str, RuleInfo] = _registry()


@dataclass(frozen=True)
class CleanConfig:
    """How to clean: language, rules switched off, extra furniture patterns.

    ``disabled`` holds rule names from :data:`RULES`; ``moses_normalize`` switches on the
    opt-in ``moses`` rule; ``extra_boilerplate_lines`` are whole lines to delete (from
    :func:`find_recurring_lines`).
    """

    lang: str = "en"
    disabled: frozenset[str] = frozenset()
    boilerplate_files: tuple[str, ...] = ()
    moses_normalize: bool = False
    extra_boilerplate_lines: frozenset[str] = frozenset()
    min_duplicate_chars: int = 16

    def __post_init__(self) -> None:
        unknown = sorted(set(self.disabled) - set(RULES))
        if unknown:
            raise ConfigError(f"unknown cleaning rule(s): {', '.join(unknown)}; valid: {', '.join(sorted(RULES))}")
        if not self.lang or not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*", self.lang):
            raise ConfigError(f"invalid language code {self.lang!r}")

    def enabled(self, rule: str) -> bool:
        if rule == "moses":
            return self.moses_normalize and "moses" not in self.disabled
        return rule not in self.disabled

    @property
    def english(self) -> bool:
        return self.lang.lower().replace("_", "-").split("-")[0] == "en"


@dataclass(frozen=True, slots=True)
class CleanResult:
    """Cleaned paragraphs, the edits that produced them and the flags raised."""

    paragraphs: tuple[Paragraph, ...]
    edits: tuple[Edit, ...]
    flags: tuple[Flag, ...]

    @property
    def text(self) -> str:
        """The cleaned document: paragraphs separated by one blank line, final newline."""
        return "".join(p.text + "\n\n" for p in self.paragraphs)[:-1] if self.paragraphs else ""


# --- the per-paragraph buffer -------------------------------------------------------

@dataclass
class _Pending:
    rules: list[str]
    start: int
    end: int


class _Buffer:
    """Current text of one paragraph; each character knows the original span it came from.

    The map from the current text to the original is a list of segments, not one entry per
    character, so memory stays proportional to the number of edits: a *copied* segment maps
    its i-th character to ``(o + i, o + i + 1)``; a *replacement* segment (text a rule
    inserted, or the line break joining two wrapped lines) maps all its characters to one
    span ``(a, b)``. Applying a rule and collecting the edits are linear in the text and
    the number of segments.
    """

    def __init__(self, text: str, pieces: list[tuple[int, int]]) -> None:
        # ``pieces``: (original start, original end) of each kept line, joined by "\n".
        self.start = pieces[0][0]
        self.end = pieces[-1][1]
        self.edits: list[_Pending] = []  # sorted by start, non-overlapping
        self.starts: list[int] = []  # the edits' starts, for bisection
        self.text = "\n".join(text[a:b] for a, b in pieces)
        # Segments, parallel lists: start in the current text, original span, copied or not.
        cur: list[int] = []
        oa: list[int] = []
        ob: list[int] = []
        copy: list[bool] = []
        pos = 0
        for k, (a, b) in enumerate(pieces):
            if k:
                # The line break between two wrapped lines stands for the whole terminator.
                cur.append(pos)
                oa.append(pieces[k - 1][1])
                ob.append(a)
                copy.append(False)
                pos += 1
            if b > a:
                cur.append(pos)
                oa.append(a)
                ob.append(b)
                copy.append(True)
                pos += b - a
        self._cur, self._oa, self._ob, self._copy = cur, oa, ob, copy

    def _seg(self, i: int) -> int:
        """Index of the segment holding current position ``i`` (0 <= i < len(text))."""
        return bisect_right(self._cur, i) - 1

    def _char_span(self, i: int) -> tuple[int, int]:
        k = self._seg(i)
        if self._copy[k]:
            o = self._oa[k] + i - self._cur[k]
            return o, o + 1
        return self._oa[k], self._ob[k]

    def _orig_span(self, s: int, e: int) -> tuple[int, int]:
        n = len(self.text)
        if s < e:
            cur, oa, ob, copy = self._cur, self._oa, self._ob, self._copy
            k = self._seg(s)
            lo = hi = -1
            first = True
            while k < len(cur) and cur[k] < e:
                seg_end = cur[k + 1] if k + 1 < len(cur) else n
                x, y = max(s, cur[k]), min(e, seg_end)
                if copy[k]:
                    a, b = oa[k] + x - cur[k], oa[k] + y - cur[k]
                else:
                    a, b = oa[k], ob[k]
                if first:
                    lo, hi, first = a, b, False
                else:
                    lo, hi = min(lo, a), max(hi, b)
                k += 1
            return lo, hi
        if s < n:
            pos = self._char_span(s)[0]
        else:
            pos = self._char_span(n - 1)[1] if n else self.end
        return pos, pos

    def apply(self, rule: str, proposals: list[tuple[int, int, str]]) -> None:
        """Apply non-overlapping proposals (ascending) made on the current text."""
        if not proposals:
            return
        old_text = self.text
        n = len(old_text)
        ocur, ooa, oob, ocopy = self._cur, self._oa, self._ob, self._copy
        nseg = len(ocur)
        cur: list[int] = []
        oa: list[int] = []
        ob: list[int] = []
        copy: list[bool] = []
        pieces: list[str] = []
        pos = 0  # length of the new text so far
        k = 0  # old segment holding the next old position to copy

        def keep(x: int, y: int) -> None:
            """Copy old text [x, y) with its map."""
            nonlocal pos, k
            if x >= y:
                return
            pieces.append(old_text[x:y])
            while k + 1 < nseg and ocur[k + 1] <= x:
                k += 1
            while True:
                seg_end = ocur[k + 1] if k + 1 < nseg else n
                z = min(y, seg_end)
                cur.append(pos)
                if ocopy[k]:
                    o = ooa[k] + x - ocur[k]
                    oa.append(o)
                    ob.append(o + z - x)
                    copy.append(True)
                else:
                    oa.append(ooa[k])
                    ob.append(oob[k])
                    copy.append(False)
                pos += z - x
                x = z
                if x >= y:
                    return
                k += 1

        # Pending edits: ``edits``/``starts`` hold those that may still be hit (the old
        # algorithm's sorted list, cut where later proposals can no longer reach); the old
        # ones after ``i`` start beyond every proposal so far and are appended at the end.
        old_edits, old_starts = self.edits, self.starts
        edits: list[_Pending] = []
        starts: list[int] = []
        i = 0
        last = 0
        for s, e, repl in proposals:
            a, b = self._orig_span(s, e)
            reach = max(a, b)
            while i < len(old_starts) and old_starts[i] <= reach:
                edits.append(old_edits[i])
                starts.append(old_starts[i])
                i += 1
            names = [rule]
            a0, b0 = a, b
            j = bisect_right(starts, reach) - 1
            while j >= 0 and edits[j].end > a0 - (1 if a0 == b0 else 0):
                p = edits[j]
                if (p.start < b0 and a0 < p.end) or (a0 == b0 and p.start < a0 < p.end):
                    a, b = min(a, p.start), max(b, p.end)
                    names = p.rules + [nm for nm in names if nm not in p.rules]
                    del edits[j], starts[j]
                j -= 1
            m = bisect_right(starts, a)
            edits.insert(m, _Pending(names, a, b))
            starts.insert(m, a)
            keep(last, s)
            if repl:
                pieces.append(repl)
                cur.append(pos)
                oa.append(a)
                ob.append(b)
                copy.append(False)
                pos += len(repl)
            last = e
        keep(last, n)
        edits.extend(old_edits[i:])
        starts.extend(old_starts[i:])
        self.edits, self.starts = edits, starts
        self.text = "".join(pieces)
        self._cur, self._oa, self._ob, self._copy = cur, oa, ob, copy

    def finished_edits(self, original: str) -> list[Edit]:
        pending = self.edits  # sorted by start, non-overlapping
        if not pending:
            return []
        # Each character of the current text, in order, goes to the first pending edit (from
        # a pointer that only moves forward) whose end reaches the character's original end,
        # if that edit contains the character's span. Done per segment, not per character.
        np = len(pending)
        parts: list[list[str]] = [[] for _ in pending]
        text, cur, oa, ob, copy = self.text, self._cur, self._oa, self._ob, self._copy
        n = len(text)
        j = 0
        for k in range(len(cur)):
            if j >= np:
                break
            x = cur[k]
            y = cur[k + 1] if k + 1 < len(cur) else n
            if copy[k]:
                # Character x + d has the span (o + d, o + d + 1).
                o = oa[k]
                q, q_end = o, o + y - x
                while q < q_end:
                    while j < np and pending[j].end < q + 1:
                        j += 1
                    if j >= np:
                        break
                    p = pending[j]
                    stop = min(q_end, p.end)
                    lo = max(q, p.start)
                    if lo < stop:
                        parts[j].append(text[x + lo - o:x + stop - o])
                    q = stop
            else:
                a, b = oa[k], ob[k]
                while j < np and pending[j].end < b:
                    j += 1
                if j < np and pending[j].start <= a:
                    parts[j].append(text[x:y])
        out = []
        for p, chars in zip(pending, parts):
            repl = "".join(chars)
            orig = original[p.start:p.end]
            if orig != repl:
                out.append(Edit("+".join(p.rules), p.start, p.end, orig, repl))
        return out

    def original_span(self, s: int, e: int) -> tuple[int, int]:
        n = len(self.text)
        s = min(max(s, 0), max(n - 1, 0))
        e = max(e, s + 1)
        return self._orig_span(s, min(e, n))


def _alnum(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFC", s) if c.isalnum())


@dataclass
class _Context:
    """Document-level facts the inline rules may consult."""

    honorific_dot: bool | None
    furniture: Furniture
    lang: str
    use_sites: bool
    use_credit: bool

    @property
    def site_names(self) -> re.Pattern[str] | None:
        return self.furniture.site_name_suffix if self.use_sites else None

    def credit(self, candidate: str) -> bool:
        return self.use_credit and self.furniture.credit_match(candidate) is not None

    @cached_property
    def _normalizer(self) -> Any:
        from sacremoses import MosesPunctNormalizer  # type: ignore[import-untyped]

        return MosesPunctNormalizer(lang=self.lang.split("-")[0].split("_")[0].lower())

    def moses(self, text: str) -> str:
        return str(self._normalizer.normalize(text))


def _run_inline(buf: _Buffer, rules: Iterable[InlineRule], ctx: _Context) -> None:
    for rule in rules:
        text = buf.text
        if not text:
            return
        if rule.gate is not None and not rule.gate(text):
            continue
        accepted: list[tuple[int, int, str]] = []
        last = -1
        for s, e, repl in rule.find(text, ctx):
            if s < last or text[s:e] == repl:
                continue
            # Never rewrite a word: letters and digits must survive every inline edit.
            if rule.furniture and repl or not rule.furniture and _alnum(text[s:e]) != _alnum(repl):
                continue
            accepted.append((s, e, repl))
            last = max(e, s + 1) if s == e else e
        buf.apply(rule.name, accepted)


# --- lines and paragraphs -----------------------------------------------------------

_LINE = re.compile(r"([^\r\n\u2028\u2029]*)(\r\n|[\r\n\u2028\u2029]|$)")
_END_PUNCT = ".!?:;\u201d\u2019\"')]\u2026"
_STRIP = " \t\x0b\x0c\x85\u00a0\u202f\u2000-\u200a\u3000\ufeff\u200b"


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, blank) for each line, without its terminator."""
    out = []
    for m in _LINE.finditer(text):
        out.append((m.start(1), m.end(1), not m.group(1).strip()))
        if not m.group(2):
            break
    return out


def _is_wrap(prev: str, nxt: str) -> bool:
    """Whether a line break inside a block is a hard wrap of one paragraph."""
    p, n = prev.rstrip(), nxt.lstrip()
    return bool(p) and bool(n) and p[-1] not in _END_PUNCT and (n[0].islower() or n[0].isdigit())


# Whitespace runs that are not already one plain space (few matches: sub stays cheap).
_SPACE_RUN = re.compile(r"\s{2,}|[^\S ]")
_SPLIT_MAX = 1 << 16


def _dup_fold(text: str) -> str:
    # Quotes straightened (str.replace: much faster than str.translate with a dict), case folded.
    key = unicodedata.normalize("NFKC", text)
    if "\u2018" in key or "\u2019" in key or "\u201c" in key or "\u201d" in key:
        key = key.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return key.casefold()


def _dup_key(text: str) -> str:
    key = by_blocks(_dup_fold, text)
    # Whitespace runs collapsed (\s is str.isspace, as in " ".join(s.split())).
    # Same result; split() is faster on paragraphs, the regex keeps a huge line to one copy.
    return " ".join(key.split()) if len(key) < _SPLIT_MAX else _SPACE_RUN.sub(" ", key).strip()


# Caption cues: "Putin, left, chats with Biden, right,", "(L)", "In this file photo", "pictured".
_CAPTION_CUE = re.compile(
    r",\s(?:left|right|centre|center|second (?:from )?(?:left|right)|top|bottom|foreground|background)[,)]"
    r"|\((?:left|right|L|R|C|centre|center|top|bottom|from left)\)"
    r"|^(?:in this (?:file |undated |handout )?(?:photo|image|picture)|file photo|photo d'archives)"
    r"|\b(?:pictured|is seen|are seen|poses for|pose for)\b", re.IGNORECASE)


def _honorific_majority(texts: Iterable[str]) -> bool | None:
    dotted = plain = 0
    for t in texts:
        for m in HONORIFIC.finditer(t):
            if m.group(2):
                dotted += 1
            else:
                plain += 1
    if dotted and plain and dotted != plain:
        return dotted > plain
    return None


# --- flags that are not fixes -------------------------------------------------------

_QUOTE_MARK_RX = re.compile("[\u201c\u201d\u2018\u2019()\\[\\]]")
_SENT_END = re.compile(r"[.!?\u2026](?=\s|$)")


def _unbalanced(text: str, continues: bool) -> list[tuple[int, int, str]]:
    """Quote and bracket marks that cannot be paired: (start, end, message) in ``text``."""
    out: list[tuple[int, int, str]] = []
    stack: list[tuple[str, int]] = []

    def unclosed(ch: str, pos: int) -> None:
        m = _SENT_END.search(text, pos + 1, pos + 401)
        end = m.end() if m else pos + 1
        out.append((pos, end, f"opening {ch} is never closed"))

    pairs = {"\u201d": "\u201c", "\u2019": "\u2018", ")": "(", "]": "["}
    opened = {"\u201c": 0, "\u2018": 0, "(": 0, "[": 0}  # open marks of each kind on the stack

    def push(ch: str, pos: int) -> None:
        stack.append((ch, pos))
        opened[ch] += 1

    def pop() -> tuple[str, int]:
        c, p = stack.pop()
        opened[c] -= 1
        return c, p

    for mark in _QUOTE_MARK_RX.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "\u201c":
            if opened["\u201c"]:
                # A second opening double quote while one is open: the first was never closed.
                while stack:
                    c, p = pop()
                    unclosed(c, p)
                    if c == "\u201c":
                        break
            push(ch, i)
        elif ch in "([":
            push(ch, i)
        elif ch == "\u2018":
            if i and text[i - 1].isalnum():
                continue
            push(ch, i)
        elif ch == "\u2019":
            if not opened["\u2018"]:
                continue  # apostrophe: it’s, States’, ’90s
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before.isalnum() and after.isalnum():
                continue  # apostrophe inside a word
            while stack:
                c, p = pop()
                if c == "\u2018":
                    break
                unclosed(c, p)
        elif ch in "\u201d)]":
            want = pairs[ch]
            if opened[want]:
                while stack:
                    c, p = pop()
                    if c == want:
                        break
                    if c == "\u2018":
                        unclosed(c, p)
            else:
                out.append((i, i + 1, f"closing {ch} has no opening mark"))
    for c, p in stack:
        if c == "\u201c" and continues:
            continue  # quotation continued in the next paragraph (which opens with “)
        unclosed(c, p)
    return sorted(out)


_FR_TIME = re.compile(r"(?<![\w:.,])\d{1,2}[ \u00a0\u202f]?h(?:[ \u00a0\u202f]?\d{2})?(?![\w])")
_SPACE_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d])")


# Necessary for either pattern above: a digit then "h" or " ddd" (a quick test first).
_NUMBER_GATE = re.compile(r"\d(?:[ \u00a0\u202f]?h| \d{3})")


def _number_flags(text: str) -> list[tuple[int, int, str, str]]:
    out: list[tuple[int, int, str, str]] = []
    if not _NUMBER_GATE.search(text):
        return out
    for m in _FR_TIME.finditer(text):
        out.append((m.start(), m.end(), "French time format (20 h 30) in English text", "20:30 / 8:30 p.m."))
    for m in _SPACE_THOUSANDS.finditer(text):
        out.append((m.start(), m.end(), "number grouped with spaces: French thousands separator or two numbers?",
                    m.group().replace(" ", ",")))
    return out


# --- the entry point -----------------------------------------------------------------

@dataclass
class _Para:
    pieces: list[tuple[int, int]]
    first_line: int
    last_line: int
    caption: bool = False
    buf: _Buffer | None = None
    deleted: Edit | None = None
    flags: list[Flag] = field(default_factory=list)


def _edit_flag(e: Edit) -> Flag:
    info = CODES[RULES[e.rule.split("+")[0]].code]
    what = "deleted" if not e.replacement else f"replaced by {e.replacement!r}"
    return Flag(code=info.code, category=info.category, severity=Severity.INFO,
                message=f"{e.rule}: {e.original!r} {what}", suggestion=e.replacement, span=e.original,
                start=e.start, end=e.end, auto_fixed=True)


def _flag(code: str, message: str, start: int, end: int, text: str, suggestion: str | None = None) -> Flag:
    info = CODES[code]
    return Flag(code=code, category=info.category, severity=info.severity, message=message,
                suggestion=suggestion, span=text[start:end], start=start, end=end)


def _furniture_guesses(text: str, lines: list[tuple[int, int, bool]], first_content: int,
                       deleted: Mapping[int, str]) -> Iterator[Flag]:
    """Flags for the lines kept that the statistical model takes for furniture (the headline excepted)."""
    model = load_furniture_model()
    for k, (a, b, blank) in enumerate(lines):
        if blank or k == first_content or k in deleted:
            continue
        kind = model.classify(text[a:b])
        if kind is not None:
            s = text[a:b]
            a2 = a + len(s) - len(s.lstrip())
            b2 = b - (len(s) - len(s.rstrip()))
            what = "page furniture" if kind == "BP001" else "photo credit, agency credit or byline"
            yield _flag(kind, f"{what}? kept, but the furniture model takes it for one: check it", a2, b2, text,
                        "delete the line")


def clean_text(text: str, config: CleanConfig | None = None, *,
               caption_spans: Iterable[tuple[int, int]] = ()) -> CleanResult:
    """Clean one document; edits and flags point into ``text`` (code points).

    ``caption_spans`` marks regions known to be captions (e.g. HTML ``figcaption``).
    """
    cfg = config or CleanConfig()
    on = cfg.enabled
    furniture = load_furniture(tuple(cfg.boilerplate_files))
    extra = frozenset(line_key(s) for s in cfg.extra_boilerplate_lines)
    edits: list[Edit] = []

    # 1. Whole-line furniture.
    lines = _lines(text)
    deleted_as: dict[int, str] = {}
    first_content = next((k for k, (_, _, blank) in enumerate(lines) if not blank), -1)
    for k, (a, b, blank) in enumerate(lines):
        if blank:
            continue
        line = text[a:b]
        key = line_key(line)
        rule = None
        if on("recurring_line") and key in extra:
            rule = "recurring_line"
        elif on("boilerplate") and (furniture.boilerplate_match(key)
                                    or (k != first_content and is_reader_command(line))):
            rule = "boilerplate"
        elif on("credit_line") and k != first_content and furniture.credit_match(line.strip(_STRIP)):
            rule = "credit_line"
        if rule:
            deleted_as[k] = rule
            edits.append(Edit(rule, a, b, line, ""))

    # 2. Paragraphs: blank lines and deleted lines separate; other breaks too, unless a wrap.
    paras: list[_Para] = []
    current: _Para | None = None
    for k, (a, b, blank) in enumerate(lines):
        if blank or k in deleted_as:
            current = None
            continue
        if current is not None and _is_wrap(text[current.pieces[-1][0]:current.pieces[-1][1]], text[a:b]):
            current.pieces.append((a, b))
            current.last_line = k
            continue
        current = _Para([(a, b)], k, k)
        paras.append(current)

    # 3. Inline repairs with document-level context.
    english = cfg.english
    rules = [r for r in INLINE_RULES if on(r.name) and (english or not r.english_only)]
    dot = _honorific_majority(text[p.pieces[0][0]:p.pieces[-1][1]] for p in paras) if on("honorific") else None
    ctx = _Context(dot, furniture, cfg.lang, on("site_name"), on("credit_span"))
    for p in paras:
        p.buf = _Buffer(text, p.pieces)
        _run_inline(p.buf, rules, ctx)
        if any(e.rules[0] == "credit_span" for e in p.buf.edits):
            p.caption = True

    # 4. Duplicates (keep the first copy) and paragraphs emptied by the repairs.
    seen: set[str] = set()
    for p in paras:
        assert p.buf is not None
        cleaned = p.buf.text
        key = _dup_key(cleaned)
        start, end = p.pieces[0][0], p.pieces[-1][1]
        if not cleaned.strip():
            p.deleted = Edit("+".join(sorted({n for e in p.buf.edits for n in e.rules})) or "whitespace",
                             start, end, text[start:end], "")
        elif on("duplicate") and (len(key) >= cfg.min_duplicate_chars or key.count(" ") >= 2):
            if key in seen:
                p.deleted = Edit("duplicate", start, end, text[start:end], "")
            seen.add(key)

    # 5. Captions: the text just before a deleted credit line (or with caption cues next to one).
    if on("captions"):
        kept = [p for p in paras if p.deleted is None]
        for n, p in enumerate(kept):
            nxt = _next_content_line(lines, p.last_line)
            prv = _prev_content_line(lines, p.first_line)
            cue = bool(_CAPTION_CUE.search(p.buf.text if p.buf else ""))
            if nxt is not None and deleted_as.get(nxt) == "credit_line" or prv is not None and deleted_as.get(prv) == "credit_line" and cue or cue and n > 0 and len(p.buf.text if p.buf else "") < 300:
                p.caption = True
        for s, e in caption_spans:
            for p in kept:
                if p.pieces[0][0] < e and s < p.pieces[-1][1]:
                    p.caption = True

    # 6. Assemble, with flags for what could not be fixed.
    out: list[Paragraph] = []
    flags: list[Flag] = []
    kept = [p for p in paras if p.deleted is None]
    for n, p in enumerate(kept):
        assert p.buf is not None
        buf = p.buf
        cleaned = buf.text
        edits.extend(buf.finished_edits(text))
        out.append(Paragraph(cleaned, len(out), buf.start, buf.end, p.caption))
        if on("quote_check"):
            continues = n + 1 < len(kept) and bool(kept[n + 1].buf) and kept[n + 1].buf.text.startswith("\u201c")  # type: ignore[union-attr]
            for s, e, msg in _unbalanced(cleaned, continues):
                a, b = buf.original_span(s, e)
                flags.append(_flag("TY003", msg, a, b, text))
        if on("number_check") and english:
            for s, e, msg, sugg in _number_flags(cleaned):
                a, b = buf.original_span(s, e)
                flags.append(_flag("TY008", msg, a, b, text, sugg))
    if on("furniture_check"):
        flags.extend(_furniture_guesses(text, lines, first_content, deleted_as))
    for p in paras:
        if p.deleted is not None:
            edits.append(p.deleted)
    edits.sort(key=lambda e: (e.start, e.end))
    flags.extend(_edit_flag(e) for e in edits)
    flags.sort(key=lambda f: (f.start or 0, f.end or 0, f.code))
    return CleanResult(tuple(out), tuple(edits), tuple(flags))


def _next_content_line(lines: list[tuple[int, int, bool]], k: int) -> int | None:
    for j in range(k + 1, len(lines)):
        if not lines[j][2]:
            return j
    return None


def _prev_content_line(lines: list[tuple[int, int, bool]], k: int) -> int | None:
    for j in range(k - 1, -1, -1):
        if not lines[j][2]:
            return j
    return None


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Replay edits on the original (for audits and tests): non-overlapping, any order."""
    edits = list(edits)
    # Left to right in one pass (edits at the same start: the later one first, as when
    # applying them from the end); linear, unlike slicing the whole text once per edit.
    order = sorted(range(len(edits)), key=lambda i: (edits[i].start, -i))
    parts: list[str] = []
    pos = 0
    for i in order:
        e = edits[i]
        if e.start < pos:  # overlapping edits: replay them from the end, as given
            out = text
            for e in sorted(edits, key=lambda e: e.start, reverse=True):
                out = out[:e.start] + e.replacement + out[e.end:]
            return out
        parts.append(text[pos:e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)

