"""Command-line entry point: parse, call the library, map errors to exit codes.

Exit codes: 0 success, 1 internal error (or ``check --fail-on``), 2 user or input
error (one line on stderr), 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from corpus_tools import __version__
from corpus_tools.commands import COMMANDS
from corpus_tools.errors import CorpusToolsError


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on bad usage already; keep its message to one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


class _Missing:
    """Stands in for a subcommand whose module is not there (yet)."""

    def __init__(self, name: str) -> None:
        self.__doc__ = f"{name} (not available in this build)"
        self.name = name

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("rest", nargs=argparse.REMAINDER)

    def run(self, args: argparse.Namespace) -> int:
        raise CorpusToolsError(f"'{self.name}' is not implemented yet")


def _load(name: str) -> ModuleType | _Missing:
    try:
        return importlib.import_module(COMMANDS[name])
    except ModuleNotFoundError as exc:
        if exc.name == COMMANDS[name]:
            return _Missing(name)
        raise


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="corpus-tools",
                     description="Turn raw documents into bilingual corpora: clean, segment, align, translate, "
                                 "flag, and write TMX/TSV/JSONL/Moses.")
    parser.add_argument("--version", action="version", version=f"corpus-tools {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        module = _load(name)
        doc = (module.__doc__ or name).strip().splitlines()[0]
        p = sub.add_parser(name, help=doc, description=(module.__doc__ or doc).strip())
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def _on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not in the main thread (tests calling main())
        pass
    try:
        rc = args._module.run(args)
        return int(rc or 0)
    except CorpusToolsError as exc:
        # One line, whatever the message holds (a library message may quote input over several lines).
        message = " ".join(str(exc).split())
        print(f"corpus-tools {args.command}: error: {message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"corpus-tools {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error for us.
        try:
            sys.stdout = open("/dev/null", "w")  # noqa: SIM115
        except OSError:
            pass
        return 0
    except OSError as exc:
        # The system refused (disk full, I/O error, a folder vanished): one line, exit 2, no traceback.
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"corpus-tools {args.command}: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
