"""Argument helpers shared by several subcommands."""

from __future__ import annotations

import argparse


def add_lang_args(p: argparse.ArgumentParser, *, tgt_required: bool = True) -> None:
    p.add_argument("--src-lang", required=True, metavar="L", help="source language code (e.g. en)")
    p.add_argument("--tgt-lang", required=tgt_required, metavar="L", help="target language code (e.g. fr)")


def add_encoding_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoding", metavar="ENC",
                   help="input encoding (default: UTF-8, or UTF-16/UTF-8 by BOM; anything else must be named)")


def csv_list(values: list[str] | None) -> tuple[str, ...]:
    """``--disable A,B --disable C`` -> ("A", "B", "C")."""
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)
