"""From source text to machine-made translation units, streaming in chunks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from corpus_tools.model import Origin, TranslationUnit

if TYPE_CHECKING:
    from corpus_tools.translate import Translator


def source_sentences(path: str, src_lang: str, *, presegmented: bool = False,
                     encoding: str | None = None) -> Iterator[tuple[str, str]]:
    """``(id, sentence)`` pairs: one per non-blank line (id = line number) when ``presegmented``,
    else the sentences of each blank-line separated paragraph (id = ``paragraph.sentence``, from 1)."""
    if presegmented:
        from corpus_tools.io.text import iter_lines

        for n, line in enumerate(iter_lines(path, encoding), start=1):
            if line.strip():
                yield str(n), line.strip()
        return
    from corpus_tools.io.text import read_text, split_paragraphs
    from corpus_tools.segment import get_segmenter

    seg = get_segmenter(src_lang)
    for para in split_paragraphs(read_text(path, encoding)):
        for k, sentence in enumerate(seg.split(para.text), start=1):
            if sentence.strip():
                yield f"{para.index + 1}.{k}", sentence


def translate_units(items: Iterable[tuple[str, str]], translator: Translator, *, src_lang: str,
                    tgt_lang: str, doc: str | None = None, chunk: int = 5000) -> Iterator[TranslationUnit]:
    """Translate ``(id, sentence)`` pairs ``chunk`` at a time; each unit is marked machine-made."""
    it = iter(items)
    while True:
        batch = list(islice(it, chunk))
        if not batch:
            return
        done = translator.translate_scored([s for _, s in batch])
        for (uid, src), (tgt, score) in zip(batch, done):
            yield TranslationUnit(src=src, tgt=tgt, src_lang=src_lang, tgt_lang=tgt_lang, id=uid,
                                  score=score, origin=Origin.MACHINE, model=translator.model, doc=doc)
