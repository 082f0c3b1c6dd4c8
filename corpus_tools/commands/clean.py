"""Clean one document: strip page furniture, repair English typography, log every edit.

Writes the cleaned paragraphs separated by one blank line. With --edits, writes one JSON
object per edit (rule, start, end, original, replacement; offsets are code points into the
input as decoded, or into the extracted text for HTML). Words are never rewritten.
"""

from __future__ import annotations

import argparse
import json
import sys

from corpus_tools.commands._common import add_encoding_arg, csv_list

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN", help="text file (.txt, .gz, - for stdin) or HTML page (.html, .htm)")
    p.add_argument("--lang", required=True, metavar="L", help="language of the text (typography repair is for en)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="cleaned text (- for stdout)")
    p.add_argument("--edits", metavar="EDITS.jsonl", help="write the edit log here")
    p.add_argument("--flags", metavar="FLAGS.jsonl", help="write flags (auto-fixed edits and unfixable problems)")
    p.add_argument("--boilerplate", action="append", metavar="FILE",
                   help="extra furniture patterns: one regex per line matching a whole line, '#' comments "
                        "(repeatable)")
    p.add_argument("--disable", action="append", metavar="RULE",
                   help="switch off a rule (repeatable or comma-separated); see --list-rules")
    p.add_argument("--moses-normalize", action="store_true",
                   help="also run sacremoses MosesPunctNormalizer (turns curly quotes into ASCII)")
    p.add_argument("--list-rules", action="store_true", help="print the rule names and exit")
    add_encoding_arg(p)


def run(args: argparse.Namespace) -> int:
    from corpus_tools.clean import RULES, CleanConfig, clean_html, clean_text

    if args.list_rules:
        for name, info in RULES.items():
            state = "" if info.default else " (off by default)"
            print(f"{name:22} {info.code}  {info.description}{state}")
        return 0
    from corpus_tools.io.atomic import atomic_output, check_writable
    from corpus_tools.io.text import iter_decoded, read_text

    for path in (args.output, args.edits, args.flags):
        if path and path != "-":
            check_writable(path)
    config = CleanConfig(lang=args.lang, disabled=frozenset(csv_list(args.disable)),
                         boilerplate_files=tuple(args.boilerplate or ()), moses_normalize=args.moses_normalize)
    if args.input.lower().endswith(HTML_SUFFIXES):
        result = clean_html("".join(iter_decoded(args.input, args.encoding)), config, source=args.input)
    else:
        result = clean_text(read_text(args.input, args.encoding), config)

    body = result.text
    if args.output == "-":
        sys.stdout.write(body)
    else:
        with atomic_output(args.output) as f:
            f.write(body)
    if args.edits:
        with atomic_output(args.edits) as f:
            for e in result.edits:
                f.write(json.dumps(e.to_json(), ensure_ascii=False) + "\n")
    if args.flags:
        with atomic_output(args.flags) as f:
            for flag in result.flags:
                f.write(json.dumps(flag.to_json(), ensure_ascii=False) + "\n")
    fixed = sum(1 for f in result.flags if f.auto_fixed)
    print(f"{len(result.paragraphs)} paragraphs, {len(result.edits)} edits, "
          f"{len(result.flags) - fixed} flags to review -> {args.output}", file=sys.stderr)
    return 0
