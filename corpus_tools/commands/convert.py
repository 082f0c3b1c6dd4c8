"""Convert a corpus between TMX, TSV, JSONL and Moses, picked by file extension (streaming)."""

from __future__ import annotations

import argparse
import sys

from corpus_tools.commands._common import add_encoding_arg


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN", help="corpus.tmx[.gz] | .tsv | .jsonl | PREFIX.<lang> (Moses)")
    p.add_argument("output", metavar="OUT", help="same choices; the format comes from the extension")
    p.add_argument("--src-lang", metavar="L", help="needed for TSV and Moses; picks the side in TMX/JSONL")
    p.add_argument("--tgt-lang", metavar="L")
    p.add_argument("--tsv-columns", metavar="COLS", help="extra TSV columns: score,flags,id,doc,origin")
    add_encoding_arg(p)


def run(args: argparse.Namespace) -> int:
    from corpus_tools.convert import convert
    from corpus_tools.io.tsv import parse_columns

    n = convert(args.input, args.output, src_lang=args.src_lang, tgt_lang=args.tgt_lang,
                tsv_columns=parse_columns(args.tsv_columns), encoding=args.encoding)
    print(f"{n} units -> {args.output}", file=sys.stderr)
    return 0
