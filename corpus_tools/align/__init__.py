"""Sentence alignment: beads over two sentence sequences, every sentence covered once, in order.

>>> from corpus_tools.align import make_aligner
>>> aligner = make_aligner("en", "fr", method="lexical")
>>> beads = aligner.align(src_segments, tgt_segments)        # doctest: +SKIP
"""

from corpus_tools.align.aligner import METHODS, Aligner, AlignOptions, make_aligner
from corpus_tools.align.beads import check_beads, format_beads, parse_beads

__all__ = [
           "METHODS",
           "AlignOptions",
           "Aligner",
           "check_beads",
           "format_beads",
           "make_aligner",
           "parse_beads",
]
