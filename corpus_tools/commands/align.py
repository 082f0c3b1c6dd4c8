"""Align a document with its translation into sentence pairs (beads, TMX, TSV or JSONL).

Every sentence ends up in exactly one bead; sentences without a counterpart (1-0/0-1
beads) and beads scoring below --min-score go to OUT.rejects.tsv instead of the corpus.
With --format beads, OUT lists every bead in vecalign's format ([0]:[0, 1]:0.9300).
"""

from __future__ import annotations

import argparse

from corpus_tools.commands._common import add_encoding_arg, add_lang_args

BEAD_FORMATS = ("beads", "tmx", "tsv", "jsonl")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("src", metavar="SRC", help="source document (text, UTF-8; '-' for stdin)")
    p.add_argument("tgt", metavar="TGT", help="target document (its translation)")
    add_lang_args(p)
    add_encoding_arg(p)
    p.add_argument("--presegmented", action="store_true",
                   help="one sentence per line, never re-segmented (empty lines are sentences too; "
                        "bead indices are line numbers from 0)")
    p.add_argument("--method", choices=("lexical", "embed", "auto"), default="auto",
                   help="lexical: length + anchors + dictionary; embed: multilingual sentence "
                        "embeddings (extra 'embed'); auto: embed when installed and both languages "
                        "are covered (default)")
    p.add_argument("--dictionary", metavar="FILE",
                   help="bilingual word list, one 'source<TAB>target' pair per line "
                        "(default: the shipped list for the pair, if any)")
    p.add_argument("--src-mt", metavar="FILE",
                   help="machine translation of the source, one line per source sentence (line i "
                        "translates sentence i; meant for --presegmented input): adds a chrF-like "
                        "similarity to the scores (the Bleualign idea)")
    p.add_argument("--min-score", type=float, metavar="X",
                   help="beads scoring below X (0..1) go to OUT.rejects.tsv instead of OUT")
    p.add_argument("--format", choices=BEAD_FORMATS,
                   help="output format (default: from OUT's extension, else beads)")
    p.add_argument("--no-paragraphs", action="store_true",
                   help="align the whole document at once, ignoring paragraph breaks")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file")


def run(args: argparse.Namespace) -> int:
    import sys

    from corpus_tools.align import AlignOptions, make_aligner
    from corpus_tools.align.io import (
        bead_units,
        read_segments,
        read_src_mt,
        reject_rows,
        write_beads,
        write_rejects,
    )
    from corpus_tools.errors import ConfigError

    if args.min_score is not None and not 0.0 <= args.min_score <= 1.0:
        raise ConfigError(f"--min-score must be between 0 and 1, not {args.min_score}")
    fmt = args.format or _format_from_name(args.output)
    src = read_segments(args.src, args.src_lang, presegmented=args.presegmented, encoding=args.encoding)
    tgt = read_segments(args.tgt, args.tgt_lang, presegmented=args.presegmented, encoding=args.encoding)
    src_mt = read_src_mt(args.src_mt, len(src), args.encoding) if args.src_mt else None
    aligner = make_aligner(args.src_lang, args.tgt_lang, method=args.method, dictionary=args.dictionary,
                           options=AlignOptions(paragraphs=not args.no_paragraphs))
    beads = aligner.align(src, tgt, src_mt=src_mt)
    min_score = args.min_score
    if fmt == "beads":
        write_beads(beads, args.output)
        n_out = len(beads)
    else:
        from corpus_tools.io import write_units

        units = bead_units(beads, src, tgt, args.src_lang, args.tgt_lang, doc=args.src, min_score=min_score,
                           aligner=aligner.name)
        n_out = write_units(units, args.output, src_lang=args.src_lang, tgt_lang=args.tgt_lang, fmt=fmt,
                            header_props={"x-aligner": aligner.name})
    rows = reject_rows(beads, src, tgt, doc=args.src, min_score=min_score)
    rejects_path = f"{args.output}.rejects.tsv"
    if rows:
        write_rejects(rows, rejects_path)
    kinds: dict[str, int] = {}
    for b in beads:
        kinds[b.kind] = kinds.get(b.kind, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
    print(f"{aligner.name}: {len(src)} + {len(tgt)} sentences -> {len(beads)} beads ({summary}); "
          f"wrote {n_out} to {args.output}" + (f", {len(rows)} rejected sentences to {rejects_path}" if rows else ""),
          file=sys.stderr)
    return 0


def _format_from_name(path: str) -> str:
    low = path.lower().removesuffix(".gz")
    for ext in ("tmx", "tsv", "jsonl"):
        if low.endswith("." + ext):
            return ext
    return "beads"
