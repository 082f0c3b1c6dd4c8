"""Reading documents for alignment and turning beads into units, bead files and rejects."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from corpus_tools.errors import InputError
from corpus_tools.model import Bead, Reject, Segment, TranslationUnit

REJECTS_HEADER = "doc\tside\tindex\ttext\treason"


def read_segments(path: str, lang: str, *, presegmented: bool, encoding: str | None = None) -> list[Segment]:
    """Sentences of a document: one per line when presegmented, else segmented by paragraph."""
    from corpus_tools.io.text import iter_lines, read_text, split_paragraphs

    if presegmented:
        return [Segment(line, paragraph=0, start=0, end=len(line))
                for line in iter_lines(path, encoding, records=True)]
    from corpus_tools.segment import get_segmenter, segment_paragraphs

    return list(segment_paragraphs(split_paragraphs(read_text(path, encoding)), get_segmenter(lang)))


def read_src_mt(path: str, n_src: int, encoding: str | None = None) -> list[str]:
    """Line i translates source sentence i; the count must match."""
    from corpus_tools.io.text import iter_lines

    lines = list(iter_lines(path, encoding, records=True))
    if len(lines) != n_src:
        raise InputError(path, f"has {len(lines)} lines but the source has {n_src} sentences; "
                               "line i must be the translation of source sentence i")
    return lines


def write_beads(beads: Iterable[Bead], path: str) -> int:
    """vecalign bead lines, written atomically; returns the count."""
    from corpus_tools.io.atomic import atomic_output

    n = 0
    with atomic_output(path) as f:
        for b in beads:
            f.write(f"{b}\n")
            n += 1
    return n


def bead_units(beads: Sequence[Bead], src: Sequence[Segment], tgt: Sequence[Segment], src_lang: str,
               tgt_lang: str, *, doc: str | None = None, min_score: float | None = None,
               aligner: str | None = None) -> Iterator[TranslationUnit]:
    """One unit per bead with both sides and a score of at least ``min_score``."""
    for k, b in enumerate(beads):
        if not b.src or not b.tgt or (min_score is not None and b.score < min_score):
            continue
        props = {"src_ids": ",".join(map(str, b.src)), "tgt_ids": ",".join(map(str, b.tgt)),
                 "bead": b.kind}
        if aligner:
            props["aligner"] = aligner
        yield TranslationUnit(
            src=" ".join(src[i].text for i in b.src), tgt=" ".join(tgt[j].text for j in b.tgt),
            src_lang=src_lang, tgt_lang=tgt_lang, id=str(k + 1), score=b.score, doc=doc, props=props)


def rejects(beads: Sequence[Bead], src: Sequence[Segment], tgt: Sequence[Segment], *, doc: str = "",
            min_score: float | None = None) -> Iterator[Reject]:
    """A Reject per sentence of a 1-0/0-1 bead, or of a bead scoring below ``min_score``."""
    for b in beads:
        if b.src and b.tgt:
            if min_score is None or b.score >= min_score:
                continue
            reason = f"low alignment score {b.score:.4f} < {min_score} in bead {b}"
        else:
            reason = "no counterpart (1-0 bead)" if b.src else "no counterpart (0-1 bead)"
        for i in b.src:
            yield Reject(doc, "src", i, src[i].text, reason)
        for j in b.tgt:
            yield Reject(doc, "tgt", j, tgt[j].text, reason)


def reject_rows(beads: Sequence[Bead], src: Sequence[Segment], tgt: Sequence[Segment], *, doc: str = "",
                min_score: float | None = None) -> list[Reject]:
    return list(rejects(beads, src, tgt, doc=doc, min_score=min_score))


def write_rejects(rows: Iterable[Reject], path: str) -> int:
    """rejects.tsv: a header, then doc, side, index, text, reason (TSV-escaped)."""
    from corpus_tools.io.atomic import atomic_output
    from corpus_tools.io.tsv import escape_field

    n = 0
    with atomic_output(path) as f:
        f.write(REJECTS_HEADER + "\n")
        for r in rows:
            f.write("\t".join((escape_field(r.doc), r.side, str(r.index), escape_field(r.text),
                               escape_field(r.reason))) + "\n")
            n += 1
    return n
