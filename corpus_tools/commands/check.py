"""Flag MT artifacts and QA problems in raw text or a bitext, writing FLAGS.jsonl.

Raw text (``.txt``, with ``--src-lang`` only): each flag has ``start``/``end`` code-point
offsets into the decoded file. Bitext (``.tsv``, ``.tmx``, ``.jsonl`` with ``--tgt-lang``):
each flag has ``unit`` (0-based) and ``side`` (``src``/``tgt``). Exit 0, or 1 with
``--fail-on SEVERITY`` when a flag at that severity or worse exists.
"""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="IN", help="raw text file (.txt, - for stdin) or bitext (.tsv/.tmx/.jsonl)")
    parser.add_argument("--src-lang", required=True, metavar="L", help="language of the text or source side")
    parser.add_argument("--tgt-lang", metavar="L", help="target language (bitext input)")
    parser.add_argument("-o", "--output", default="-", metavar="FLAGS.jsonl", help="output JSONL (default: stdout)")
    parser.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                        help="extra calque/idiom lexicon TSV (repeatable)")
    parser.add_argument("--disable", action="append", default=[], metavar="CODE",
                        help="switch a check off: a code (MT001) or a prefix (TY); repeatable, comma lists allowed")
    parser.add_argument("--enable", action="append", default=[], metavar="CODE",
                        help="switch on an opt-in check (TY007 whitespace, BI018 similarity)")
    parser.add_argument("--fail-on", choices=["critical", "major", "minor", "info"], metavar="SEVERITY",
                        help="exit 1 when a flag of this severity or worse is found")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="worker processes for a bitext (default 0: all cores for a bitext over 8 MB, "
                             "else 1; flags keep the input order)")
    parser.add_argument("--list-checks", action="store_true", help="print the check registry and exit")


def _split(values: list[str]) -> list[str]:
    return [v for item in values for v in item.split(",") if v.strip()]


def run(args: argparse.Namespace) -> int:
    from corpus_tools.checks import CHECKS, make_checker
    from corpus_tools.checks.io import is_bitext, iter_flag_records
    from corpus_tools.errors import ConfigError
    from corpus_tools.io.atomic import atomic_output
    from corpus_tools.model import Severity

    if args.jobs < 0:
        raise ConfigError("--jobs must be 0 (automatic) or more")
    if args.list_checks:
        for info in CHECKS.values():
            print(f"{info.code}\t{info.severity.value}\t{info.category}\t{info.title}")
        return 0
    bitext = is_bitext(args.input)
    if bitext and not args.tgt_lang:
        raise ConfigError(f"{args.input}: a bitext needs --tgt-lang")
    checker = make_checker(args.src_lang, args.tgt_lang if bitext else None, disable=_split(args.disable),
                           lexicons=args.lexicon, enable=_split(args.enable))
    threshold = Severity(args.fail_on).rank if args.fail_on else -1
    worst = 99
    count = 0

    def write(out: object) -> None:
        nonlocal worst, count
        for record in iter_flag_records(checker, args.input, args.src_lang, args.tgt_lang, bitext,
                                        jobs=args.jobs):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")  # type: ignore[attr-defined]
            worst = min(worst, Severity(record["severity"]).rank)
            count += 1

    if args.output == "-":
        write(sys.stdout)
    else:
        with atomic_output(args.output) as out:
            write(out)
    print(f"corpus-tools check: {count} flags ({checker.name.split('|')[0][:60]}...)", file=sys.stderr)
    return 1 if threshold >= 0 and worst <= threshold else 0
