"""Manage offline translation models (Argos Translate packages): list, install, remove.

    corpus-tools models list
    corpus-tools models install FILE.argosmodel     (offline)
    corpus-tools models install en fr               (online, through Argos' package index)
    corpus-tools models remove en fr

Packages go where Argos keeps them (ARGOS_PACKAGES_DIR, or Argos' default), so packages
installed with argospm are seen here and the other way round.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("list", help="installed packages, with languages, versions and folders")
    p = sub.add_parser("install", help="install FILE.argosmodel (offline) or SRC TGT (online)")
    p.add_argument("what", nargs="+", metavar="FILE | SRC TGT")
    r = sub.add_parser("remove", help="remove the installed package(s) for SRC TGT")
    r.add_argument("src", metavar="SRC")
    r.add_argument("tgt", metavar="TGT")


def run(args: argparse.Namespace) -> int:
    from corpus_tools.errors import ConfigError
    from corpus_tools.translate import packages

    if args.action == "list":
        pkgs = packages.installed_packages()
        dirs = ", ".join(str(d) for d in packages.package_dirs())
        if not pkgs:
            print(f"no Argos packages installed (looked in {dirs})", file=sys.stderr)
            return 0
        for p in sorted(pkgs, key=lambda p: (p.from_code, p.to_code, p.version)):
            names = f"{p.from_name} -> {p.to_name}" if p.from_name and p.to_name else p.type
            print(f"{p.from_code}\t{p.to_code}\t{p.version or '-'}\t{p.model_id}\t{names}\t{p.path}")
        return 0
    if args.action == "install":
        if len(args.what) == 1:
            info = packages.install_file(args.what[0])
        elif len(args.what) == 2:
            info = packages.install_pair(args.what[0], args.what[1])
        else:
            raise ConfigError("models install takes FILE.argosmodel, or SRC TGT language codes")
        print(f"installed {info.model_id} ({info.from_code} -> {info.to_code}) in {info.path}", file=sys.stderr)
        return 0
    if args.action == "remove":
        for info in packages.remove(args.src, args.tgt):
            print(f"removed {info.model_id} from {info.path}", file=sys.stderr)
        return 0
    raise ConfigError(f"unknown action {args.action!r}")
