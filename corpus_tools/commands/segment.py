"""Split paragraphs (blank-line separated) into sentences, one per line (streaming).

Output: one sentence per line, paragraphs separated by one blank line, in input order.
The default engine is our fast rule set; ``--engine srx`` uses SRX 2.0 rules
(LanguageTool's by default, or your CAT tool's export with ``--srx FILE``).
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN", help="text file (.gz ok) or - for stdin")
    p.add_argument("--lang", required=True, metavar="L", help="language code (e.g. en, fr, en-US)")
    p.add_argument("--engine", choices=("fast", "srx"), default="fast",
                   help="fast: our rules (default); srx: SRX 2.0 rules through choppa")
    p.add_argument("--srx", metavar="FILE",
                   help="SRX 2.0 rules file (OmegaT, Trados, Okapi export); implies --engine srx")
    p.add_argument("--encoding", metavar="ENC",
                   help="input encoding (default: UTF-8, or UTF-16/UTF-8 by BOM; anything else must be named)")


def run(args: argparse.Namespace) -> int:
    from corpus_tools.segment import get_segmenter
    from corpus_tools.segment._reader import iter_paragraphs

    seg = get_segmenter(args.lang, engine=args.engine, srx=args.srx)
    out = sys.stdout
    write = out.write
    first = True
    for para in iter_paragraphs(args.input, args.encoding):
        text = para.text
        lines = [text[a:b] for a, b in seg.spans(text)]
        if not lines:
            continue
        if not first:
            write("\n")
        first = False
        write("\n".join(lines))
        write("\n")
    out.flush()
    return 0
