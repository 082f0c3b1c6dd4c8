"""Per-language rule data for the fast segmenter: Moses prefixes plus our own lists.

The Moses nonbreaking prefixes are the files ``sacremoses.NonbreakingPrefixes``
reads (``sacremoses/data/nonbreaking_prefixes/nonbreaking_prefix.<lang>``). They
are read directly from the installed sacremoses package instead of through its
API because ``import sacremoses`` costs ~0.7 s (it pulls in joblib and the
tokenizer tables), and because ``NonbreakingPrefixes().words(lang)`` silently
returns the English list for a language it does not have: here a missing file
means an unsupported language.

Our additions live in ``corpus_tools/data/segment/<lang>.txt`` (see ``en.txt``
for the format).
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from corpus_tools.errors import ConfigError

_MOSES_PREFIX = "nonbreaking_prefix."
_NUMERIC_ONLY = "#NUMERIC_ONLY#"
_SECTIONS = ("titles", "abbreviations", "postpositive", "units", "continuers", "numeric", "starters",
             "fronted", "settings")
# [settings] keys and their defaults (for languages without a data file too).
_SETTINGS = {"split_without_space": False}


@dataclass(frozen=True, slots=True)
class LanguageRules:
    """Abbreviation and sentence-starter sets for one language (immutable)."""

    lang: str
    titles: frozenset[str]
    abbreviations: frozenset[str]
    postpositive: frozenset[str]
    units: frozenset[str]
    continuers: frozenset[str]
    numeric: frozenset[str]
    starters: frozenset[str]
    fronted: frozenset[str]
    split_without_space: bool = False
    # every plain word any list above can match (with the capitalised form of lower-case
    # entries): a word outside it is an ordinary word, decided with one lookup
    listed: frozenset[str] = frozenset()


def _moses_dir() -> Path | None:
    spec = importlib.util.find_spec("sacremoses")
    if spec is None or not spec.submodule_search_locations:
        return None
    for loc in spec.submodule_search_locations:
        d = Path(loc) / "data" / "nonbreaking_prefixes"
        if d.is_dir():
            return d
    return None


def _data_dir() -> importlib.resources.abc.Traversable:
    return importlib.resources.files("corpus_tools") / "data" / "segment"


@lru_cache(maxsize=1)
def supported_languages() -> tuple[str, ...]:
    """Language codes the fast engine supports: Moses prefix files plus our own lists."""
    langs: set[str] = set()
    d = _moses_dir()
    if d is not None:
        langs.update(p.name[len(_MOSES_PREFIX):] for p in d.iterdir()
                     if p.name.startswith(_MOSES_PREFIX))
    langs.update(p.name[:-4] for p in _data_dir().iterdir() if p.name.endswith(".txt"))
    return tuple(sorted(langs))


def base_language(lang: str) -> str:
    """``en-US``, ``EN_gb``, ``fr`` -> ``en``, ``en``, ``fr``."""
    return lang.strip().replace("_", "-").split("-")[0].lower()


def _read_moses(lang: str) -> tuple[set[str], set[str]]:
    general: set[str] = set()
    numeric: set[str] = set()
    d = _moses_dir()
    if d is None:
        return general, numeric
    path = d / f"{_MOSES_PREFIX}{lang}"
    if not path.is_file():
        return general, numeric
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if _NUMERIC_ONLY in line:
            numeric.add(line.split("#", 1)[0].strip())
        else:
            general.add(line)
    return general, numeric


def _read_ours(lang: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {name: set() for name in _SECTIONS}
    res = _data_dir() / f"{lang}.txt"
    if not res.is_file():
        return out
    section: str | None = None
    for n, raw in enumerate(res.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            if section not in out:
                raise ValueError(f"data/segment/{lang}.txt line {n}: unknown section [{section}]")
            continue
        if section is None:
            raise ValueError(f"data/segment/{lang}.txt line {n}: entry before any [section]")
        out[section].add(line)
    return out


@lru_cache(maxsize=64)
def load_rules(lang: str) -> LanguageRules:
    """Rules for ``lang`` (any case, region ignored); ConfigError naming the supported ones."""
    code = base_language(lang)
    supported = supported_languages()
    if code not in supported:
        raise ConfigError(
            f"no sentence-segmentation rules for language {lang!r}; supported: {', '.join(supported)}"
            " (or use --engine srx --srx FILE with your own SRX rules)")
    general, numeric_only = _read_moses(code)
    ours = _read_ours(code)
    settings = dict(_SETTINGS)
    for entry in ours["settings"]:
        key, _, value = (x.strip() for x in entry.partition("="))
        if key not in settings or value not in ("yes", "no"):
            raise ValueError(f"data/segment/{code}.txt: bad setting {entry!r}; known: {', '.join(settings)}")
        settings[key] = value == "yes"
    rules = LanguageRules(
        lang=code,
        titles=frozenset(ours["titles"]),
        abbreviations=frozenset(general | ours["abbreviations"]),
        postpositive=frozenset(ours["postpositive"]),
        # every spelling a lookup may meet (lb, Lb, LB) so that no lower() is needed
        units=frozenset(v for u in ours["units"] for v in (u.lower(), u.upper(), u.lower().capitalize())),
        continuers=frozenset(ours["continuers"]),
        numeric=frozenset(numeric_only | ours["numeric"]),
        starters=frozenset(s.casefold().replace("\u2019", "'") for s in ours["starters"]),
        fronted=frozenset(s.casefold() for s in ours["fronted"]),
        split_without_space=settings["split_without_space"],
    )
    entries = (rules.titles | rules.abbreviations | rules.postpositive | rules.units | rules.numeric)
    listed = entries | {w.capitalize() for w in entries}
    return dataclasses.replace(rules, listed=frozenset(listed))
