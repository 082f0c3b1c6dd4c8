"""Write the review page (report.html) for an existing output folder."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("outdir", metavar="OUTDIR", help="a folder written by `corpus-tools prepare`")
    parser.add_argument("-o", "--output", metavar="HTML", default=None,
                        help="where to write the page (default: OUTDIR/report.html)")


def run(args: argparse.Namespace) -> int:
    from corpus_tools.report import write_report

    path = write_report(args.outdir, args.output)
    print(f"wrote {path}")
    return 0
