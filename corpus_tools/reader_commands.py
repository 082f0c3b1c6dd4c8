"""Reader commands: short lines of a scraped page that tell the reader to act on the page.

'Read more', 'Share this article', 'Sign up for our newsletter', 'Abonnez-vous', 'To read also'
(a French widget label through MT), 'Home › World › Europe' (a breadcrumb). Pattern lists name
the commands one site at a time; the shape of a command generalises to sites no pattern was
written from: a few words, no sentence punctuation at the end, and a verb of page interaction
first (``data/furniture/reader_commands.txt``). Body text rarely has that shape: a sentence ends
with a full stop, and a subheading that opens with such a word ('Sign of the times') has an
ordinary word, not a determiner or particle, after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MAX_WORDS = 8
MAX_CHARS = 90
# what may follow a word that is also a noun, for the line to be a command
_AFTER = frozenset((
    'the', 'this', 'that', 'these', 'those', 'our', 'your', 'my', 'his', 'her', 'their', 'its', 'it', 'us',
    'me', 'them', 'him', 'all', 'more', 'now', 'here', 'up', 'in', 'out', 'a', 'an', 'free', 'le', 'la',
    'les', "l'", 'un', 'une', 'des', 'ce', 'cet', 'cette', 'ces', 'nos', 'notre', 'votre', 'vos', 'mon',
    'ma', 'mes', 'son', 'sa', 'ses', 'leur', 'leurs', 'tout', 'tous', 'toute', 'toutes', 'plus', 'ici',
))
_QUOTES = "\"“”‘’'«»„‹›"
_CLOSERS = " \"”’'»)]"
_EDGE = re.compile(r"^[^\w'’-]+|[^\w'’-]+$")
# breadcrumbs and menus: short items between separators ('Home › World › Europe', 'News | Sport')
_SEPARATOR = re.compile(r"\s[|›•·→>]\s|\s›|›\s|\s»\s")


@dataclass(frozen=True)
class CommandWords:
    verbs: frozenset[str]
    noun_like: frozenset[str]


@lru_cache(maxsize=1)
def command_words() -> CommandWords:
    """The shipped word list (read once per process)."""
    text = (resources.files("corpus_tools") / "data" / "furniture" / "reader_commands.txt").read_text(encoding="utf-8")
    verbs: set[str] = set()
    nouns: set[str] = set()
    for raw in text.splitlines():
        w = raw.strip()
        if not w or w.startswith("#"):
            continue
        (nouns if w.startswith("~") else verbs).add(w.lstrip("~").lower())
    return CommandWords(frozenset(verbs), frozenset(nouns))


def _word(token: str) -> str:
    return _EDGE.sub("", token).lower().replace("’", "'")


def is_reader_command(line: str, words: CommandWords | None = None) -> bool:
    """True when ``line`` (one line of a page) has the shape of a reader command."""
    s = line.strip()
    if not s or len(s) > MAX_CHARS or s[0] in _QUOTES:
        return False  # speech: '"Show the book."', '“Listen to me,” she said'
    core = s.rstrip(_CLOSERS)
    if core and core[-1] in ".?" and not core.endswith(("...", "…")):
        return False  # a sentence
    toks = s.split()
    if len(toks) > MAX_WORDS:
        return False
    if len(_SEPARATOR.findall(s)) >= 2 and "«" not in s:
        return True
    cw = words or command_words()
    first = _word(toks[0])
    rest = toks[1:]
    if first == "to" and rest:  # 'To read also': a French infinitive label through MT
        first, rest = _word(rest[0]), rest[1:]
    if first in cw.verbs:
        return True
    if first in cw.noun_like:
        return not rest or _word(rest[0]) in _AFTER
    return False
