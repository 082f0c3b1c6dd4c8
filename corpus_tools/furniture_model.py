"""A statistical page-furniture detector for the lines the pattern files do not know.

Pattern files name furniture one site at a time, and measured on sites no pattern was written
from they find about half of it (``tests/test_furniture_heldout.py``). This model scores a line
by its words and its shape (length, final punctuation, capitals, separators, digits, credit
marks): two logistic regressions, one for "furniture or article text" and one for "credit or
byline (BP002) or other furniture (BP001)", trained by ``scripts/train_furniture_model.py`` on
furniture lines from many sites and on article text that shares their words, and shipped as a
weight table (``data/furniture/model.tsv``). Scoring is plain Python: a dictionary lookup per
feature. It only looks at short lines (``MAX_WORDS``): long sentences are article text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

MAX_WORDS = 24
MAX_CHARS = 220

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[^\w\s]")
_TIME = re.compile(r"\d{1,2}[:h]\s?\d{2}\b|\b\d{1,2}\s?(?:a\.?m\.?|p\.?m\.?)(?!\w)", re.IGNORECASE)
_CLOSERS = " \"”’'»)]"
_QUOTES = "\"“”‘’'«»„"
_MARKS = {"|": "bar", "©": "copy", "@": "at", "·": "dot", "•": "dot", "›": "sep", "»": "sep", "/": "slash",
          "…": "ellipsis", "→": "sep", ">": "sep"}


def _bucket(n: int) -> str:
    for hi, name in ((1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (12, "9-12"), (18, "13-18")):
        if n <= hi:
            return name
    return "19+"


def features(line: str, vocabulary: Container[str] | None = None) -> list[str]:
    """The features of one line (what the weight table is keyed on).

    With ``vocabulary`` (the ``w:`` features the model knows), also how many of the line's words
    it does not know: furniture is a closed set of words, headlines and article text are not.
    """
    s = line.strip()
    raw = _TOKEN.findall(s)
    toks = ["<num>" if t.isdigit() else t.lower().replace("’", "'") for t in raw]
    words = [t for t in raw if t[0].isalpha()]
    out = [f"w:{t}" for t in toks]
    out.extend(f"b:{a} {b}" for a, b in pairwise(toks))
    if toks:
        out.append(f"first:{toks[0]}")
        out.append(f"last:{toks[-1]}")
    n = len(s.split())
    out.append(f"n:{_bucket(n)}")
    core = s.rstrip(_CLOSERS)
    end = core[-1:] if core else ""
    if end.isalnum():
        end = "alnum"
    elif end not in ".!?:;,":
        end = "other"
    out.append(f"end:{end}")
    if core != s:
        out.append("end:closer")
    if s[:1] in _QUOTES:
        out.append("start:quote")
    if words:
        caps = sum(w[0].isupper() for w in words) / len(words)
        out.append(f"caps:{0 if caps == 0 else 1 if caps < 0.34 else 2 if caps < 0.67 else 3 if caps < 1 else 4}")
        if any(len(w) > 1 and w.isupper() for w in words):
            out.append("upper")
        if len(words) > 1 and all(w.isupper() for w in words if len(w) > 1):
            out.append("all_upper")
    out.extend(f"mark:{name}" for ch, name in _MARKS.items() if ch in s)
    if any(c.isdigit() for c in s):
        out.append("digit")
        if _TIME.search(s):
            out.append("time")
    if "http" in s or "www." in s:
        out.append("url")
    if ":" in s[:40]:
        out.append("colon_early")
    if vocabulary is not None:
        unknown = sum(1 for t in toks if len(t) > 2 and t[0].isalpha() and f"w:{t}" not in vocabulary)
        out.append(f"unk:{min(unknown, 4)}")
        if words:
            share = unknown / len(words)
            out.append(f"unk_share:{0 if share == 0 else 1 if share < 0.34 else 2 if share < 0.67 else 3}")
    return out


@dataclass(frozen=True)
class FurnitureModel:
    """Weights of the two classifiers and the decision threshold (a probability)."""

    furniture: dict[str, float]
    furniture_bias: float
    credit: dict[str, float]
    credit_bias: float
    threshold: float
    version: str

    def score(self, line: str) -> float:
        """Probability that ``line`` is page furniture (0.0 for lines too long to be furniture)."""
        feats = self._features(line)
        return 0.0 if feats is None else self._prob(feats, self.furniture, self.furniture_bias)

    def classify(self, line: str) -> str | None:
        """"BP002" (credit or byline), "BP001" (other furniture) or None (article text)."""
        feats = self._features(line)
        if feats is None or self._prob(feats, self.furniture, self.furniture_bias) < self.threshold:
            return None
        return "BP002" if self._prob(feats, self.credit, self.credit_bias) >= 0.5 else "BP001"

    def _features(self, line: str) -> list[str] | None:
        """The line's features, or None for an empty line or one too long to be furniture."""
        s = line.strip()
        if not s or len(s) > MAX_CHARS or len(s.split()) > MAX_WORDS:
            return None
        return features(s, self.furniture)

    @staticmethod
    def _prob(feats: list[str], weights: dict[str, float], bias: float) -> float:
        z = bias + sum(weights.get(f, 0.0) for f in feats)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


def parse_model(text: str) -> FurnitureModel:
    """Read the weight table: ``#`` comments, ``@key<TAB>value`` settings, ``table<TAB>feature<TAB>weight``."""
    tables: dict[str, dict[str, float]] = {"furniture": {}, "credit": {}}
    settings: dict[str, str] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        if parts[0].startswith("@") and len(parts) == 2:
            settings[parts[0][1:]] = parts[1]
        elif len(parts) == 3 and parts[0] in tables:
            tables[parts[0]][parts[1]] = float(parts[2])
        else:
            raise ValueError(f"furniture model: line {n}: expected 'table<TAB>feature<TAB>weight'")
    try:
        return FurnitureModel(tables["furniture"], float(settings["furniture_bias"]), tables["credit"],
                              float(settings["credit_bias"]), float(settings["threshold"]), settings["version"])
    except KeyError as e:
        raise ValueError(f"furniture model: missing setting @{e.args[0]}") from None


def format_model(model: FurnitureModel, header: str = "") -> str:
    """The weight table as ``parse_model`` reads it (features sorted, weights rounded)."""
    out = [f"# {ln}" if ln else "#" for ln in header.splitlines()]
    out += [f"@version\t{model.version}", f"@threshold\t{model.threshold:.4f}",
            f"@furniture_bias\t{model.furniture_bias:.4f}", f"@credit_bias\t{model.credit_bias:.4f}"]
    for name, table in (("furniture", model.furniture), ("credit", model.credit)):
        # every feature, even with a weight near 0: the 'w:' ones are also the model's vocabulary
        out.extend(f"{name}\t{f}\t{w:.4f}" for f, w in sorted(table.items()))
    return "\n".join(out) + "\n"


@lru_cache(maxsize=1)
def load_furniture_model() -> FurnitureModel:
    """The shipped model (read once per process)."""
    path = resources.files("corpus_tools") / "data" / "furniture" / "model.tsv"
    return parse_model(path.read_text(encoding="utf-8"))


__all__ = ["MAX_WORDS", "FurnitureModel", "features", "format_model", "load_furniture_model", "parse_model"]
