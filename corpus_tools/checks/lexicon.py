"""Pattern lexicons: French-to-English calques, false friends, literal idioms, Gallicisms.

A lexicon is a UTF-8 TSV file; ``#`` starts a comment line, the first non-comment
line is the header. Columns (``near``, ``unless``, ``severity`` and ``trigger`` are
optional)::

    code  french  pattern  suggestion  note  near  unless  severity  trigger

``pattern`` is a Python regular expression matched case-insensitively against the
English text (use ``(?-i:...)`` for case-sensitive parts); the whole match is the
flagged span. ``near`` must and ``unless`` must not match in the surrounding
window (about one sentence) for the entry to fire: context, not word lists.

Speed: each entry is indexed by a *trigger*, the rarest literal word (or word
prefix) its pattern requires, found by parsing the pattern. A text is tokenised
once and only entries whose trigger occurs in it are run. Entries without a
derivable trigger are always run. A pattern that begins with literal words also
gives the adjacent word pairs one of which any match contains (``the a`` for
``the\\s+a\\s+``): an entry whose words all occur, but never side by side, is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any, Generic, TypeVar

from corpus_tools.errors import InputError
from corpus_tools.model import Severity

try:  # the regex parser moved in 3.11; it is what ``re.compile`` itself uses
    import re._constants as _sre_const  # type: ignore[import-not-found,unused-ignore]
    import re._parser as _sre_parse  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre_const
    import sre_parse as _sre_parse

_COLUMNS = ("code", "french", "pattern", "suggestion", "note", "near", "unless", "severity", "trigger")
_REQUIRED = ("code", "pattern")
WINDOW = 160

# Words too frequent to be good triggers: an entry keyed on them would run on every sentence.
_COMMON = frozenset(["the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "make", "makes", "made", "making", "take", "takes", "took", "taken", "give", "gave", "given", "get", "got", "put", "puts", "that", "this", "these", "those", "it", "its", "his", "her", "their", "our", "your", "my", "he", "she", "they", "we", "you", "i", "who", "which", "what", "when", "where", "than", "then", "not", "no", "all", "any", "some", "one", "two", "more", "most", "very", "so", "such", "there", "here", "into", "over", "under", "after", "before", "about"])


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon row, compiled."""

    code: str
    french: str
    pattern: re.Pattern[str]
    suggestion: str
    note: str
    near: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    severity: Severity | None
    triggers: tuple[str, ...] | None
    source: str
    required: frozenset[str] = frozenset()
    lead: str | None = None  # literal word every match starts with: search by str.find + match
    # adjacent token pairs, one of which every match contains (None: no such set is known)
    pairs: frozenset[tuple[str, str]] | None = None
    # sets of whole words each of which shares a word with every match (see required_groups)
    groups: tuple[frozenset[str], ...] = ()


@lru_cache(maxsize=1)
def _parse(pattern: str) -> Any:
    """The parse tree of ``pattern`` as matched (case-insensitive); raises ``re.error``.

    The analyses below read it and never change it; a lexicon row runs five of them on its
    pattern in a row, and one remembered tree saves four parses of it (a third of start-up).
    """
    return _sre_parse.parse(pattern, re.IGNORECASE)


def data_text(name: str) -> str:
    """The text of ``corpus_tools/data/checks/<name>``."""
    return (resources.files("corpus_tools") / "data" / "checks" / name).read_text(encoding="utf-8")


def data_lines(name: str) -> list[str]:
    """The stripped lines of a data file, less blank lines and ``#`` comments."""
    return [ln.strip() for ln in data_text(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def data_words(name: str) -> frozenset[str]:
    """The whitespace-separated words of a data file's lines (see :func:`data_lines`)."""
    return frozenset(w for ln in data_lines(name) for w in ln.split())


def _is_sep(item: Any) -> bool:
    """True for a required separator: a non-alphanumeric literal, a class of such, or ``\\s+``."""
    op, av = item
    C = _sre_const
    if op is C.LITERAL:
        return not chr(av).isalnum()
    if op is C.IN:
        for sub_op, sub_av in av:
            if sub_op is C.CATEGORY and sub_av is C.CATEGORY_SPACE:
                continue
            if sub_op is C.LITERAL and not chr(sub_av).isalnum():
                continue
            return False
        return True
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, _hi, sub = av
        return bool(lo >= 1 and len(sub) and all(_is_sep(x) for x in sub))
    return False


def _ends_word(item: Any) -> bool:
    """True for an item that ends a word: a separator or an anchor other than ``\\B``."""
    return (item[0] is _sre_const.AT and item[1] is not _sre_const.AT_NON_BOUNDARY) or _is_sep(item)


def _ends_with_sep(items: Any) -> bool:
    seq = list(items)
    if not seq:
        return False
    last = seq[-1]
    if _is_sep(last):
        return True
    alts = _alternatives(*last)
    return alts is not None and bool(alts) and all(_ends_with_sep(a) for a in alts)


def _alternatives(op: Any, av: Any) -> list[Any] | None:
    C = _sre_const
    if op is C.BRANCH:
        return list(av[1])
    if op is C.SUBPATTERN:
        body = av[-1]
        if len(body) == 1 and body[0][0] is C.BRANCH:
            return list(body[0][1][1])
        return [body]
    return None


def _analyze(items: Any, at_start: bool, complete: set[str] | None = None, prefix: str = ""
             ) -> tuple[list[str], list[tuple[str, ...]]]:
    """Required literal words, and required alternations (one trigger set per group).

    Words known to be whole words (ended by a separator, a boundary or the pattern end)
    are added to ``complete``: a text lacking one of them as a token cannot match.
    ``prefix``: letters at a word start that precede ``items`` (see the alternation case).
    """
    runs: list[str] = []
    groups: list[tuple[str, ...]] = []
    cur: list[str] = list(prefix)
    C = _sre_const
    whole = complete if complete is not None else set()
    at_word = at_start

    def close(is_whole: bool = False) -> None:
        if len(cur) >= 3:
            runs.append("".join(cur).lower())
            if is_whole and at_word:
                whole.add("".join(cur).lower())
        cur.clear()


    for item in items:
        op, av = item
        if op is C.LITERAL and chr(av).isalpha():
            if not cur:
                at_word = at_start
            if cur or at_start:
                cur.append(chr(av))
            at_start = False
            continue
        # The parser factors a common prefix out of alternatives ('flight|fuite' becomes
        # 'f(?:light|uite)'): letters begun at a word start are carried into each alternative.
        factored = _alternatives(op, av) if cur and at_word else None
        if factored is not None and len(factored) > 1:
            pre = "".join(cur)
            close()  # a prefix of 3+ letters stays a required run ('rall' in 'rall(?:y|ies)')
            found: list[str] = []
            for alt in factored:
                t = _best(*_analyze(alt, True, None, pre))
                if t is None:
                    found = []
                    break
                found.extend(t)
            if found:
                groups.append(tuple(sorted(set(found))))
            at_start = all(_ends_with_sep(a) for a in factored)
            continue
        ends = _ends_word(item)
        close(ends)
        if ends:
            at_start = True
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, _hi, sub = av
            at_start = (at_start if lo == 0 else True) if _ends_with_sep(sub) else False
            continue
        alts = _alternatives(op, av)
        if alts is not None:
            found = []
            ok = True
            for alt in alts:
                r, g = _analyze(alt, at_start)
                if len(alts) == 1:
                    runs.extend(r)
                    groups.extend(g)
                    ok = False
                    break
                t = _best(r, g)
                if t is None:
                    ok = False
                    break
                found.extend(t)
            if ok and found:
                groups.append(tuple(sorted(set(found))))
            at_start = all(_ends_with_sep(a) for a in alts)
            continue
        at_start = False
    close(True)
    return runs, groups


def _leading_word(items: Any) -> str | None:
    """The literal letters a sequence starts with, if at least three (lowercase)."""
    cur: list[str] = []
    for op, av in items:
        if op is _sre_const.LITERAL and chr(av).isalpha():
            cur.append(chr(av))
            continue
        break
    return "".join(cur).lower() if len(cur) >= 3 else None


def leading_word(pattern: str) -> str | None:
    """The literal letters (3+, lowercase) every match starts with, after an optional ``\\b``."""
    try:
        parsed = _parse(pattern)
    except re.error:
        return None
    items = list(parsed)
    if items and items[0][0] is _sre_const.AT and items[0][1] is _sre_const.AT_BOUNDARY:
        items = items[1:]
    else:
        return None
    word = _leading_word(items)
    return word


# A state while spelling out a pattern's leading words: the tokens so far (None where
# something other than a whole literal word came), the letters of the open word, whether
# that word began at a token start, whether the position is at a token boundary, and
# whether spelling stopped (at an item that is neither a letter nor a separator).
_Spell = tuple[tuple[str | None, ...], str, bool, bool, bool]
_MAX_SPELLINGS = 256


def _stop(state: _Spell) -> _Spell:
    seq, cur, _ok, bnd, _ = state
    return (seq + (None,) if cur else seq, "", False, bnd, True)  # an open word may go on: not whole


def _class_letters(item: Any) -> tuple[str, ...] | None:
    """The letters (lowercase) of a class made only of letters ('[sz]'), else None."""
    op, av = item
    if op is not _sre_const.IN or not av:
        return None
    if not all(o is _sre_const.LITERAL and chr(a).isalpha() for o, a in av):
        return None
    return tuple(sorted({chr(a).lower() for _, a in av}))


def _spell(items: Any, states: list[_Spell], cap_stops: bool = False) -> list[_Spell] | None:
    """Advance every state over ``items`` (None when the spellings grow past ``_MAX_SPELLINGS``).

    Stopped states are carried through unchanged, once: only live ones branch. ``cap_stops``:
    instead of giving up, stop the spellings at a group that would grow them past the cap
    (what was spelled before it still holds for every match).
    """
    C = _sre_const
    done = [st for st in states if st[4]]
    live = [st for st in states if not st[4]]
    for item in items:
        if not live:
            break
        op, av = item
        if op is C.LITERAL and chr(av).isalpha():
            ch = chr(av).lower()
            live = [(seq, cur + ch, ok if cur else bnd, False, False) for seq, cur, ok, bnd, _ in live]
            continue
        letters = _class_letters(item)
        if letters and (not cap_stops or len(done) + len(live) * len(letters) <= _MAX_SPELLINGS):
            # a class of letters ('recogni[sz]ed', '[Bb]ill'): one spelling per letter
            live = [(seq, cur + ch, ok if cur else bnd, False, False)
                    for seq, cur, ok, bnd, _ in live for ch in letters]
            if len(done) + len(live) > _MAX_SPELLINGS:
                return None
            continue
        if _ends_word(item):
            # a boundary or separator ends the open word (whole if it also began at a boundary)
            live = [(seq + ((cur if ok else None),) if cur else seq, "", False, True, False)
                    for seq, cur, ok, _bnd, _ in live]
            continue
        if op in (C.ASSERT, C.ASSERT_NOT):
            # zero-width: consumes nothing; a lookbehind ending in a separator ('(?<=[.!?]\s)')
            # puts the position at a token start
            sub = list(av[1])
            if op is C.ASSERT and av[0] < 0 and sub and _ends_word(sub[-1]):
                live = [(seq, cur, ok, bnd or not cur, False) for seq, cur, ok, bnd, _ in live]
            continue
        before = live
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            taken = _spell(av[2], live, cap_stops)
            if taken is None:
                return None
            live = live + taken
        else:
            alts = _alternatives(op, av)
            if alts is None:
                done.extend(_stop(st) for st in live)
                live = []
                continue
            out: list[_Spell] = []
            for alt in alts:
                got = _spell(alt, live, cap_stops)
                if got is None:
                    return None
                out.extend(got)
            live = out
        if cap_stops and len(done) + len(live) > _MAX_SPELLINGS:
            done.extend(_stop(st) for st in before)
            live = []
            continue
        # spellings that stopped inside a group stay stopped
        done.extend(st for st in live if st[4])
        live = [st for st in live if not st[4]]
        if len(done) + len(live) > _MAX_SPELLINGS:
            return None
    return done + live


def required_pairs(pattern: str) -> frozenset[tuple[str, str]] | None:
    """Adjacent token pairs (lowercase) one of which every match of ``pattern`` contains.

    The pattern's leading part is spelled out as sequences of whole literal words (through
    alternatives, optional groups, separators and lookarounds); each spelling gives its first
    pair of adjacent whole words. ``\\bthe\\s+(?:a|an)\\s+`` gives {(the, a), (the, an)}: a text
    where 'the' is never followed by 'a' or 'an' cannot match, though it has all three words.
    None when some spelling has no such pair.
    """
    try:
        parsed = _parse(pattern)
    except re.error:
        return None
    spelled = _spell(list(parsed), [((), "", False, False, False)])
    if spelled is None:
        return None
    pairs: set[tuple[str, str]] = set()
    for st in spelled:
        seq = _stop(st)[0]  # at the pattern's end an open word may still be a token's prefix
        pair = next(((x, y) for x, y in pairwise(seq) if x is not None and y is not None), None)
        if pair is None:
            return None
        pairs.add(pair)
    return frozenset(pairs)


def required_groups(pattern: str) -> tuple[frozenset[str], ...]:
    r"""Sets of whole words (lowercase), each of which shares a word with every match of ``pattern``.

    From the spellings of the pattern's leading words (see :func:`required_pairs`): the k-th
    word of every spelling, where each has a whole word there (``\b(?:from|than)\s+the\s+ones?\s``
    gives {from, than}, {the}, {one, ones}); and each spelling's rarest whole word. A text whose
    tokens miss one of the sets cannot match. Empty when nothing is known.
    """
    try:
        parsed = _parse(pattern)
    except re.error:
        return ()
    spelled = _spell(list(parsed), [((), "", False, False, False)], cap_stops=True)
    if not spelled:
        return ()
    seqs = [_stop(st)[0] for st in spelled]  # at the end an open word may be a token's prefix
    found: list[frozenset[str]] = []
    for k in range(min(len(seq) for seq in seqs)):
        column = {seq[k] for seq in seqs}
        if None not in column:
            found.append(frozenset(w for w in column if w is not None))
    rarest: set[str] = set()
    for seq in seqs:
        words = [w for w in seq if w is not None]
        if not words:
            rarest.clear()
            break
        rare = [w for w in words if w not in _COMMON]
        rarest.add(max(rare or words, key=len))
    if rarest:
        found.append(frozenset(rarest))
    # a set containing another adds nothing; keep the order of first appearance
    out: list[frozenset[str]] = []
    for g in sorted(set(found), key=lambda g: (len(g), sorted(g))):
        if not any(h <= g for h in out):
            out.append(g)
    return tuple(out)


# The most frequent of them, in nearly every sentence.
_TOP = frozenset(["the", "of", "to", "and", "a", "in", "is", "for", "on", "that", "by", "with", "as", "at", "from"])


@cache
def _frequent() -> frozenset[str]:
    """Words too frequent in English news to key an entry on: _COMMON and ``en_words.txt``."""
    return _COMMON | data_words("en_words.txt")


def _rarer(triggers: tuple[str, ...] | None, groups: tuple[frozenset[str], ...]) -> tuple[str, ...] | None:
    """``triggers``, or one of ``groups`` (sets of whole words a match has one of) when that is rarer.

    The trigger found by parsing can be a frequent word ('the', 'president'): then an entry with
    a set of rare words every match contains ('ones' or 'one' after 'the') is keyed on that set.
    """
    frequent = _frequent()

    def cost(words: Iterable[str]) -> int:
        return sum(3 if w in _TOP else 1 if w in frequent else 0 for w in words)

    best = min(groups, key=lambda g: (cost(g), len(g)), default=None)
    if best is None or (triggers is not None and (cost(best), len(best)) >= (cost(triggers), len(triggers))):
        return triggers
    return tuple(sorted(best))


def index_keys(pattern: str) -> tuple[tuple[str, ...] | None, frozenset[str], tuple[frozenset[str], ...]]:
    """What :class:`LexiconIndex` keys an entry on: its triggers, required words and word sets.

    The word sets are :func:`required_groups` less those a required word already satisfies; the
    triggers are :func:`derive_triggers`' unless one of those sets, or one required word, is rarer.
    """
    required = required_words(pattern)
    groups = tuple(g for g in required_groups(pattern) if g.isdisjoint(required))
    singles = tuple(frozenset([w]) for w in sorted(required))
    return _rarer(derive_triggers(pattern), groups + singles), required, groups


def required_words(pattern: str) -> frozenset[str]:
    """Whole words every match of ``pattern`` contains (lowercase), for a cheap pre-check."""
    try:
        parsed = _parse(pattern)
    except re.error:
        return frozenset()
    whole: set[str] = set()
    _analyze(parsed, True, whole)
    return frozenset(whole)


def derive_triggers(pattern: str) -> tuple[str, ...] | None:
    """Literal words (or word prefixes) one of which any match of ``pattern`` must start a token with."""
    try:
        parsed = _parse(pattern)
    except re.error:
        return None
    return _best(*_analyze(parsed, True))


def _best(runs: list[str], branches: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    rare = sorted((w for w in runs if w not in _COMMON), key=len, reverse=True)
    if rare:
        return (rare[0],)
    good = [b for b in branches if not any(w in _COMMON for w in b)]
    if good:
        return min(good, key=len)
    if runs:
        return (max(runs, key=len),)
    if branches:
        return min(branches, key=len)
    return None


def derive_trigger(pattern: str) -> str | None:
    """The single trigger word of ``pattern`` (None if it has none or several)."""
    t = derive_triggers(pattern)
    return t[0] if t and len(t) == 1 else None


def _compile(pattern: str, where: str, path: str, line: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise InputError(path, f"bad {where} regex {pattern!r}: {exc}", line=line) from exc


def parse_lexicon(text: str, source: str, known_codes: Iterable[str]) -> list[LexEntry]:
    """Parse lexicon TSV text (see the module docstring)."""
    codes = frozenset(known_codes)
    lines = [(i + 1, ln) for i, ln in enumerate(text.splitlines()) if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return []
    header_line, header = lines[0]
    names = [h.strip().lower() for h in header.split("\t")]
    unknown = [n for n in names if n not in _COLUMNS]
    if unknown:
        raise InputError(source, f"unknown lexicon column(s) {', '.join(unknown)}; valid: {', '.join(_COLUMNS)}",
                         line=header_line)
    missing = [n for n in _REQUIRED if n not in names]
    if missing:
        raise InputError(source, f"lexicon header lacks {', '.join(missing)}", line=header_line)
    out: list[LexEntry] = []
    for lineno, raw in lines[1:]:
        cells = raw.split("\t")
        if len(cells) > len(names):
            raise InputError(source, f"{len(cells)} columns, header has {len(names)}", line=lineno)
        row = dict(zip(names, (c.strip() for c in cells)))
        code = row.get("code", "")
        if code not in codes:
            raise InputError(source, f"unknown check code {code!r}", line=lineno)
        pattern = row.get("pattern", "")
        if not pattern:
            raise InputError(source, "empty pattern", line=lineno)
        sev_name = row.get("severity", "")
        try:
            severity = Severity(sev_name) if sev_name else None
        except ValueError:
            raise InputError(source, f"bad severity {sev_name!r}", line=lineno) from None
        near = row.get("near", "")
        unless = row.get("unless", "")
        derived, required, groups = index_keys(pattern)
        explicit = row.get("trigger", "").lower()
        triggers = (tuple(t.strip() for t in explicit.split("|") if t.strip()) if explicit and explicit != "*"
                    else None if explicit == "*" else derived)
        out.append(LexEntry(
            code=code, french=row.get("french", ""), pattern=_compile(pattern, "pattern", source, lineno),
            suggestion=row.get("suggestion", ""), note=row.get("note", ""),
            near=_compile(near, "near", source, lineno) if near else None,
            unless=_compile(unless, "unless", source, lineno) if unless else None,
            severity=severity, triggers=triggers,
            source=f"{source}:{lineno}", required=required, lead=leading_word(pattern),
            pairs=required_pairs(pattern), groups=groups))
    return out


def builtin_lexicon_names() -> list[str]:
    """File names of the lexicons shipped in ``corpus_tools/data/checks/`` (``lex_*.tsv``)."""
    base = resources.files("corpus_tools") / "data" / "checks"
    return sorted(p.name for p in base.iterdir() if p.name.startswith("lex_") and p.name.endswith(".tsv"))


def load_builtin_lexicons(known_codes: Iterable[str]) -> list[LexEntry]:
    base = resources.files("corpus_tools") / "data" / "checks"
    codes = list(known_codes)
    out: list[LexEntry] = []
    for name in builtin_lexicon_names():
        out.extend(parse_lexicon((base / name).read_text(encoding="utf-8"), name, codes))
    return out


def load_lexicon_file(path: str, known_codes: Iterable[str]) -> list[LexEntry]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such lexicon file") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, "lexicon is not UTF-8", offset=exc.start) from None
    except OSError as exc:
        raise InputError(path, f"cannot read lexicon: {exc.strerror}") from None
    return parse_lexicon(text, path, known_codes)


_TOKEN = re.compile(r"[^\W\d_]+")


_V = TypeVar("_V")


class TokenMemo(Generic[_V]):
    """A property of tokens, computed once per distinct token and remembered.

    The tokens of a text that have the property are then found with two set operations
    instead of a Python loop over its tokens. Bounded: after ``limit`` distinct tokens (a
    vocabulary, not a corpus) everything is forgotten at once.
    """

    __slots__ = ("_compute", "_hits", "_known", "_limit", "_values")

    def __init__(self, compute: Callable[[str], _V | None], limit: int = 200_000) -> None:
        self._compute = compute
        self._limit = limit
        self._known: set[str] = set()
        self._hits: set[str] = set()
        self._values: dict[str, _V] = {}

    def hits(self, toks: set[str] | frozenset[str]) -> set[str] | frozenset[str]:
        """The tokens of ``toks`` whose value is truthy (see :meth:`value`)."""
        new = toks.difference(self._known)
        if new:
            if len(self._known) >= self._limit:
                self._known.clear()
                self._hits.clear()
                self._values.clear()
            self._known.update(new)
            for tok in new:
                v = self._compute(tok)
                if v:
                    self._values[tok] = v
                    self._hits.add(tok)
        return toks.intersection(self._hits)

    def value(self, tok: str) -> _V:
        """The value of a token :meth:`hits` returned."""
        return self._values[tok]


class LexiconIndex:
    """Entries grouped by trigger prefix; ``find`` yields (entry, match) pairs for a text."""

    __slots__ = ("_always", "_always_pos", "_always_rx", "_by_key", "_exact", "_exact_keys", "_prefix_keys", "_triggered",
                 "entries")

    def __init__(self, entries: Sequence[LexEntry]) -> None:
        self.entries = tuple(entries)
        # entries are kept with their position: candidates come out in lexicon order, so that of
        # two entries flagging the same span the first listed is reported, in every process
        by_key: dict[str, dict[str, list[tuple[int, LexEntry]]]] = {}
        exact: dict[str, list[tuple[int, LexEntry]]] = {}
        always: list[tuple[int, LexEntry]] = []

        def whole(trig: str, e: LexEntry) -> bool:
            # a required word, or one of a word set every match has a word of (see _rarer)
            return trig in e.required or (e.triggers is not None and frozenset(e.triggers) in e.groups)

        for pos, e in enumerate(self.entries):
            if e.triggers:
                for trig in e.triggers:
                    if whole(trig, e):
                        # a whole word: a set lookup suffices
                        exact.setdefault(trig, []).append((pos, e))
                    else:
                        by_key.setdefault(trig[:3], {}).setdefault(trig, []).append((pos, e))
            else:
                always.append((pos, e))
        self._exact = {k: tuple(v) for k, v in exact.items()}
        self._exact_keys = frozenset(self._exact)
        self._prefix_keys = frozenset(by_key)
        self._by_key = {k: tuple((t, tuple(es)) for t, es in v.items()) for k, v in by_key.items()}
        self._always = tuple(e for _, e in always)
        self._always_pos = tuple(pos for pos, _ in always)
        self._always_rx = _alternation(self._always)
        # the entries each token triggers, remembered per token
        self._triggered: TokenMemo[tuple[tuple[int, LexEntry], ...]] = TokenMemo(self._for_token)

    def _for_token(self, tok: str) -> tuple[tuple[int, LexEntry], ...]:
        """(position, entry) of the entries a token triggers (exact word or trigger prefix)."""
        found: list[tuple[int, LexEntry]] = list(self._exact.get(tok, ()))
        if tok[:3] in self._prefix_keys:
            for trig, entries in self._by_key[tok[:3]]:
                if tok.startswith(trig):
                    found.extend(entries)
        return tuple(found)

    def _triggered_by(self, toks: set[str] | frozenset[str]) -> dict[int, LexEntry]:
        """The entries some token of ``toks`` triggers, by lexicon position."""
        triggered = self._triggered
        seen: dict[int, LexEntry] = {}
        for tok in triggered.hits(toks):
            seen.update(triggered.value(tok))
        return seen

    @staticmethod
    def _in_order(seen: dict[int, LexEntry], toks: set[str] | frozenset[str]) -> list[LexEntry]:
        """The entries of ``seen`` whose required words and word sets ``toks`` has, in lexicon order."""
        return [e for _, e in sorted(seen.items())
                if e.required <= toks and not (e.groups and any(map(toks.isdisjoint, e.groups)))]

    def _triggered_candidates(self, toks: set[str] | frozenset[str]) -> list[LexEntry]:
        """Entries some token of ``toks`` triggers whose required words are all in ``toks``,
        in lexicon order."""
        return self._in_order(self._triggered_by(toks), toks)

    def candidates(self, lowered_tokens: Iterable[str]) -> list[LexEntry]:
        """Entries whose trigger and required words ``lowered_tokens`` has, and the entries
        without triggers, all in lexicon order."""
        toks = lowered_tokens if isinstance(lowered_tokens, (set, frozenset)) else set(lowered_tokens)
        seen = self._triggered_by(toks)
        seen.update(zip(self._always_pos, self._always))
        return self._in_order(seen, toks)

    def first_full_match(self, line: str, lowered_tokens: set[str] | frozenset[str]) -> LexEntry | None:
        """The first of :meth:`candidates` whose pattern matches the whole of ``line``, or None.

        The entries without trigger words (candidates for every line) are tried in one C-level
        alternation instead of one Python call each; the result is the same as trying them in turn.
        """
        toks = lowered_tokens
        for entry in self._triggered_candidates(toks):
            if entry.pattern.fullmatch(line):
                return entry
        rx = self._always_rx
        if rx is not None:
            m = rx.fullmatch(line)
            if m is None:
                return None
            entry = self._always[int(m.lastgroup[2:])] if m.lastgroup else None
            if entry is not None and entry.required <= toks:
                return entry
        # the first alternative that matched needs a word this line lacks: try them in turn
        for entry in self._always:
            if entry.required <= toks and entry.pattern.fullmatch(line):
                return entry
        return None

    def find(self, text: str, lowered_tokens: Iterable[str] | None = None,
             token_list: Sequence[str] | None = None) -> Iterator[tuple[LexEntry, re.Match[str]]]:
        """(entry, match) for every entry matching ``text``.

        ``lowered_tokens`` (a set) and ``token_list`` (in text order) are the lowercase letter
        runs of ``text``, when the caller has them.
        """
        low = text.lower()
        if token_list is None:
            token_list = _TOKEN.findall(low)
        if lowered_tokens is None:
            lowered_tokens = set(token_list)
        aligned = len(low) == len(text)
        adjacent: set[tuple[str, str]] | None = None
        for entry in self.candidates(lowered_tokens):
            if entry.pairs is not None:
                if adjacent is None:
                    adjacent = set(pairwise(token_list))
                if entry.pairs.isdisjoint(adjacent):
                    continue  # no adjacent word pair the pattern needs
            for m in _matches(entry, text, low, aligned):
                if m.end() == m.start():
                    continue
                if entry.near is not None or entry.unless is not None:
                    lo = max(0, m.start() - WINDOW)
                    hi = m.end() + WINDOW
                    window = text[lo:hi]
                    # keep the window inside the paragraph
                    cut = window.rfind("\n\n", 0, m.start() - lo)
                    if cut >= 0:
                        window = window[cut:]
                    cut = window.find("\n\n", len(window) - (hi - m.end()))
                    if cut >= 0:
                        window = window[:cut]
                    if entry.near is not None and not entry.near.search(window):
                        continue
                    if entry.unless is not None and entry.unless.search(window):
                        continue
                yield entry, m


def _alternation(entries: Sequence[LexEntry]) -> re.Pattern[str] | None:
    """One pattern ``(?P<_e0>p0)|(?P<_e1>p1)|...`` trying the entries in order, when that is exact.

    Needs several entries, one set of flags and no back-references or named groups of their own
    (numbering and names would change); None otherwise.
    """
    if len(entries) < 2 or len({e.pattern.flags for e in entries}) != 1:
        return None
    if any(e.pattern.groupindex or re.search(r"\\[1-9]|\(\?P=", e.pattern.pattern) for e in entries):
        return None
    joined = "|".join(f"(?P<_e{i}>{e.pattern.pattern})" for i, e in enumerate(entries))
    return re.compile(joined, entries[0].pattern.flags)


def _matches(entry: LexEntry, text: str, low: str, aligned: bool) -> Iterator[re.Match[str]]:
    """Matches of an entry: anchored at each occurrence of its leading word when it has one."""
    lead = entry.lead
    if not lead or not aligned or lead in _COMMON:  # a frequent lead: one C-level scan is cheaper
        yield from entry.pattern.finditer(text)
        return
    pos = low.find(lead)
    while pos >= 0:
        if pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] == "_"):
            m = entry.pattern.match(text, pos)
            if m:
                yield m
        pos = low.find(lead, pos + 1)


def tokens_lower(text: str) -> set[str]:
    """The set of lowercase letter runs in ``text`` (what the trigger index is keyed on)."""
    return set(_TOKEN.findall(text.lower()))


__all__ = [
    "LexEntry",
    "LexiconIndex",
    "TokenMemo",
    "builtin_lexicon_names",
    "derive_trigger",
    "index_keys",
    "load_builtin_lexicons",
    "load_lexicon_file",
    "parse_lexicon",
    "required_groups",
    "tokens_lower",
]
