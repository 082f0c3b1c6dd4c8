"""Apply the decisions exported from report.html: write the reviewed corpus."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                parser_class=type(parser))
    apply = sub.add_parser("apply", help="write FINALDIR/corpus.{tmx,tsv,jsonl} and rejects.tsv from "
                           "OUTDIR and a decisions file",
                           description="Apply decisions.jsonl (exported from report.html) to OUTDIR/corpus.jsonl. "
                           "Rejected units go to FINALDIR/rejects.tsv; accepted and edited units are marked "
                           "reviewed (TMX x-reviewed prop and changedate).")
    apply.add_argument("outdir", metavar="OUTDIR", help="a folder written by `corpus-tools prepare`")
    apply.add_argument("decisions", metavar="DECISIONS.jsonl", help="decisions exported from report.html")
    apply.add_argument("-o", "--output", metavar="FINALDIR", required=True, help="folder for the reviewed corpus")


def run(args: argparse.Namespace) -> int:
    from corpus_tools.report import apply_decisions

    counts = apply_decisions(args.outdir, args.decisions, args.output)
    kept = counts["accepted"] + counts["edited"] + counts["unchanged"]
    print(f"wrote {kept} units to {args.output} ({counts['accepted']} accepted, {counts['edited']} edited, "
          f"{counts['unchanged']} not reviewed); {counts['rejected']} rejected")
    return 0
