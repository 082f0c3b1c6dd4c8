"""Sentence features for the aligners: lexical anchors, dictionary concepts, char n-grams.

Every sentence becomes a bag of features in a space shared by both sides; the
aligner compares bags by cosine, so a run of sentences is the sum of its bags.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from corpus_tools.errors import InputError

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
# A number as written in running text: digit groups joined by a thousands separator
# (space, no-break space, narrow no-break space, apostrophe, comma, period) and an optional
# decimal part; compared by value, so "1,5" = "1.5" and "2 500" = "2,500" = "2500".
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f'’.,]\d{3})+(?:[.,]\d+)?(?![\w])"
                     r"|(?<![\w])\d+(?:[.,]\d+)?(?![\w])")
_SEP_GROUPS = re.compile(r"[ \u00a0\u202f'’.,]")
_PUNCT_FEATURES = (("?", "q"), ("!", "x"), (":", "c"), (";", "s"), ("(", "p"), ("«", "g"), ("»", "g"),
                   ("\"", "g"), ("“", "g"), ("”", "g"), ("„", "g"), ("—", "d"), ("–", "d"), ("…", "e"))
# Suffixes stripped to find a dictionary entry for an inflected source word.
_SUFFIXES: Mapping[str, tuple[str, ...]] = {
    "en": ("'s", "ies", "es", "s", "ed", "ing", "ly", "er", "est"),
    "de": ("en", "em", "er", "es", "e", "n", "s", "t", "te", "ten", "st"),
    "fr": ("s", "x", "es", "e", "ent", "ait", "aient", "é", "ée", "és", "ées"),
}
_STEM = 5


def fold(word: str) -> str:
    """Lower-case and strip accents: the form used to compare near-identical tokens."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A crude language-independent stem: the first five letters."""
    return word[:_STEM]


def number_values(text: str) -> set[str]:
    """All values the numbers in ``text`` can denote, as canonical strings.

    An ambiguous form like ``2,500`` yields both readings (2500 and 2.5): which one the
    writer meant depends on the language, and one of them will match the other side.
    """
    out: set[str] = set()
    for m in _NUMBER.finditer(text):
        s = m.group()
        groups = _SEP_GROUPS.split(s)
        if len(groups) == 1:
            out.add(_canon(s))
            continue
        # thousands reading: every separator but possibly a final decimal one
        if all(len(g) == 3 for g in groups[1:]):
            out.add(_canon("".join(groups)))
        if len(groups) == 2:
            out.add(_canon(groups[0] + "." + groups[1]))
        elif s[-len(groups[-1]) - 1] in ".," and all(len(g) == 3 for g in groups[1:-1]):
            out.add(_canon("".join(groups[:-1]) + "." + groups[-1]))
    return out


def _canon(s: str) -> str:
    try:
        v = float(s)
    except ValueError:
        return s
    return repr(int(v)) if v == int(v) and abs(v) < 1e15 else repr(v)


@dataclass(frozen=True)
class Dictionary:
    """A bilingual word list: source word -> target words (both lower-case)."""

    pairs: Mapping[str, frozenset[str]]
    src_lang: str
    tgt_lang: str
    source: str

    def __len__(self) -> int:
        return len(self.pairs)

    def translations(self, word: str) -> frozenset[str]:
        """Target words for ``word``, trying a few inflectional suffixes when absent."""
        hit = self.pairs.get(word)
        if hit is not None:
            return hit
        for suf in _SUFFIXES.get(self.src_lang, ()):
            if word.endswith(suf) and len(word) - len(suf) >= 3:
                hit = self.pairs.get(word[: -len(suf)])
                if hit is not None:
                    return hit
        return frozenset()

    def reversed(self) -> Dictionary:
        rev: dict[str, set[str]] = {}
        for s, ts in self.pairs.items():
            for t in ts:
                rev.setdefault(t, set()).add(s)
        return Dictionary({k: frozenset(v) for k, v in rev.items()}, self.tgt_lang, self.src_lang,
                          self.source + " (reversed)")


def parse_dictionary(lines: Iterable[str], path: str, src_lang: str, tgt_lang: str) -> Dictionary:
    """Read ``src<TAB>tgt`` lines (``#`` comments and blank lines ignored)."""
    pairs: dict[str, set[str]] = {}
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            raise InputError(path, "expected 'source<TAB>target'", line=n)
        pairs.setdefault(fields[0].strip().lower(), set()).add(fields[1].strip().lower())
    return Dictionary({k: frozenset(v) for k, v in pairs.items()}, src_lang, tgt_lang, path)


def load_dictionary(src_lang: str, tgt_lang: str, path: str | None = None) -> Dictionary | None:
    """The user's word list, or the shipped one for this pair (either direction), or None."""
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read dictionary: {exc}") from exc
        return parse_dictionary(text.splitlines(), path, src_lang, tgt_lang)
    base = resources.files("corpus_tools") / "data" / "align"
    for a, b, flip in ((src_lang, tgt_lang, False), (tgt_lang, src_lang, True)):
        res = base / f"{a}-{b}.tsv"
        if res.is_file():
            d = parse_dictionary(res.read_text(encoding="utf-8").splitlines(), f"{a}-{b}.tsv", a, b)
            return d.reversed() if flip else d
    return None


def _token_features(tok: str, side: str, dictionary: Dictionary | None) -> tuple[tuple[str, float], ...]:
    out: list[tuple[str, float]] = []
    low = tok.lower()
    f = fold(tok)
    if len(tok) >= 3 or tok.isupper():
        out.append(("=" + f, 1.0))
    if len(f) >= 6:
        # near-identical (cognates, inflected names): a shared prefix
        out.append(("~" + f[:_STEM], 0.5))
    if dictionary is not None:
        if side == "src":
            out.extend(("d:" + stem(t), 1.0) for t in dictionary.translations(low))
        else:
            out.append(("d:" + stem(low), 1.0))
    return tuple(out)


def lexical_bags(texts: Sequence[str], lang: str, side: str,
                 dictionary: Dictionary | None) -> list[dict[str, float]]:
    """Feature counts per sentence; ``side`` is "src" (dictionary is applied) or "tgt"."""
    memo: dict[str, tuple[tuple[str, float], ...]] = {}
    bags = []
    for text in texts:
        bag: dict[str, float] = {}
        for v in number_values(text):
            bag["#" + v] = bag.get("#" + v, 0.0) + 1.0
        for tok in _TOKEN.findall(text):
            if tok[0].isdigit():
                continue
            feats = memo.get(tok)
            if feats is None:
                feats = memo[tok] = _token_features(tok, side, dictionary)
            for key, w in feats:
                bag[key] = bag.get(key, 0.0) + w
        for ch, name in _PUNCT_FEATURES:
            if ch in text:
                bag["p:" + name] = bag.get("p:" + name, 0.0) + text.count(ch)
        bags.append(bag)
    return bags


def char_ngram_bags(texts: Sequence[str], orders: tuple[int, ...] = (3, 4)) -> list[dict[str, float]]:
    """chrF-style character n-gram counts (lower-case, inside words padded by spaces)."""
    bags = []
    for text in texts:
        bag: dict[str, float] = {}
        for word in _TOKEN.findall(text.lower()):
            w = f" {word} "
            for n in orders:
                for k in range(max(1, len(w) - n + 1)):
                    g = w[k:k + n]
                    bag[g] = bag.get(g, 0.0) + 1.0
        for v in number_values(text):
            bag["#" + v] = bag.get("#" + v, 0.0) + 2.0
        bags.append(bag)
    return bags


def bags_to_matrices(src_bags: Sequence[Mapping[str, float]], tgt_bags: Sequence[Mapping[str, float]],
                     *, dims: int = 8192, idf: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Dense (tf-idf weighted) matrices for both sides in one shared feature space.

    Features are numbered in order of first appearance (deterministic), folded into
    ``dims`` columns when the document has more distinct features than that.
    """
    ids: dict[str, int] = {}
    df: dict[str, int] = {}
    for bags in (src_bags, tgt_bags):
        for bag in bags:
            for k in bag:
                if k not in ids:
                    ids[k] = len(ids)
                df[k] = df.get(k, 0) + 1
    total = len(src_bags) + len(tgt_bags)
    width = max(1, min(dims, len(ids)))
    weight = {k: (float(np.log((total + 1) / (df[k] + 0.5))) if idf else 1.0) for k in ids}
    out = []
    for bags in (src_bags, tgt_bags):
        mat = np.zeros((len(bags), width), dtype=np.float32)
        for r, bag in enumerate(bags):
            for k, v in bag.items():
                mat[r, ids[k] % width] += v * weight[k]
        out.append(mat)
    return out[0], out[1]
