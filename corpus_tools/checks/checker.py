"""The checker: monolingual checks on raw text, bilingual checks on (source, target) units."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from corpus_tools.checks.bilingual import _WORD, BilingualChecker, RecentCache
from corpus_tools.checks.data import load_check_data
from corpus_tools.checks.lexicon import (
    LexiconIndex,
    load_builtin_lexicons,
    load_lexicon_file,
)
from corpus_tools.checks.mono import MonoChecker
from corpus_tools.checks.registry import CHECKS, CHECKS_VERSION
from corpus_tools.errors import ConfigError
from corpus_tools.model import Flag

# Off unless asked for with ``enable``: noisy on scraped text, or costly.
OPT_IN: frozenset[str] = frozenset({"TY007", "BI018"})


class Checker:
    """Runs the enabled checks; build it with :func:`make_checker`."""

    def __init__(self, src_lang: str, tgt_lang: str | None, enabled: frozenset[str], lexicon: LexiconIndex,
                 extra_lexicons: tuple[str, ...] = (), config: dict[str, object] | None = None) -> None:
        data = load_check_data()
        # what make_checker was given: lets worker processes build an identical checker
        self.config: dict[str, object] = dict(config or {})
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.enabled = enabled
        self._src = MonoChecker(src_lang, enabled, lexicon, data)
        self._bi = BilingualChecker(src_lang, tgt_lang, enabled, lexicon, data) if tgt_lang else None
        self._seen: RecentCache[str, tuple[tuple[Flag, ...], list[str]]] = RecentCache()
        self._pairs: RecentCache[tuple[str, str], tuple[Flag, ...]] = RecentCache()
        codes = ",".join(sorted(enabled))
        lex = f"|lex:{len(lexicon.entries)}" + (f"+{len(extra_lexicons)}files" if extra_lexicons else "")
        model = self._src.furniture_model
        fm = f"|furniture-model:{model.version}" if model is not None else ""
        self.name = f"checks-{CHECKS_VERSION}:{codes}{lex}{fm}"

    def check_text(self, text: str) -> Iterator[Flag]:
        """Monolingual checks on a whole raw document; ``start``/``end`` are offsets into ``text``."""
        yield from self._src.check_document(text)

    def check_pair(self, src: str, tgt: str) -> list[Flag]:
        """Bilingual checks plus monolingual checks on the source side (``side`` = "src"/"tgt")."""
        if self._bi is None:
            raise ConfigError("check_pair needs a target language: make_checker(src_lang, tgt_lang)")
        # Units repeat in real bitexts (boilerplate, short segments, one source with several
        # targets): results are remembered per checker, first in first out; flags are immutable.
        key = (src, tgt)
        done = self._pairs.get(key)
        if done is not None:
            return list(done)
        hit = self._seen.get(src)
        if hit is None:
            s_low = _WORD.findall(src.lower())
            hit = (tuple(self._src.check_segment(src, side="src", tok_list=s_low)), s_low)
            self._seen.put(src, hit)
        flags = list(hit[0])
        flags.extend(self._bi.check(src, tgt, hit[1]))
        self._pairs.put(key, tuple(flags))
        return flags


def make_checker(src_lang: str, tgt_lang: str | None = None, *, disable: Iterable[str] = (),
                 lexicons: Iterable[str] = (), enable: Iterable[str] = ()) -> Checker:
    """A checker for ``src_lang`` text (and ``tgt_lang`` units) with some codes switched off or on.

    ``disable`` and ``enable`` take check codes (``MT001``) or code prefixes (``TY``, ``BI``);
    ``lexicons`` are extra lexicon TSV files (see :mod:`corpus_tools.checks.lexicon`).
    """
    if not src_lang:
        raise ConfigError("a source language is needed (e.g. --src-lang en)")

    def expand(items: Iterable[str], what: str) -> set[str]:
        out: set[str] = set()
        for raw in items:
            item = raw.strip().upper()
            hits = {c for c in CHECKS if c == item or (len(item) < 5 and c.startswith(item))}
            if not item or not hits:
                raise ConfigError(f"unknown check code {raw!r} in {what}; known codes: {', '.join(CHECKS)}")
            out |= hits
        return out

    disable = tuple(disable)
    enable = tuple(enable)
    enabled = (set(CHECKS) - OPT_IN) | expand(enable, "enable")
    enabled -= expand(disable, "disable")
    extra = tuple(lexicons)
    entries = load_builtin_lexicons(CHECKS)
    for path in extra:
        entries.extend(load_lexicon_file(path, CHECKS))
    config: dict[str, object] = {"src_lang": src_lang, "tgt_lang": tgt_lang, "disable": tuple(disable) if not isinstance(disable, str)
              else (disable,), "lexicons": extra, "enable": tuple(enable)}
    return Checker(src_lang, tgt_lang, frozenset(enabled), LexiconIndex(entries), extra, config)
