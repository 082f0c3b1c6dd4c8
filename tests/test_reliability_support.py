"""Helpers shared by the reliability, hostile-input, accounting and fuzz tests.

Named ``test_*`` so it sits with the tests it serves; it defines no tests itself
except a self-check of the outcome rules.
"""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from corpus_tools.io.xmlsafe import XML_ILLEGAL

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "samples"
EN = SAMPLES / "geneva-summit.en.txt"
FR = SAMPLES / "geneva-summit.fr.txt"
BAD = Path(__file__).resolve().parent / "data" / "bad"

# A fast, deterministic prepare: the lexical aligner needs no model; report and checks are
# switched on by callers that test them.
FAST_PREPARE = ("--src-lang", "en", "--tgt-lang", "fr", "--quiet", "--jobs", "1", "--method", "lexical",
                "--no-report")


def have(module: str) -> bool:
    """True when ``module`` can be imported (a stage another helper is still writing may not be)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def have_attr(module: str, name: str) -> bool:
    if not have(module):
        return False
    try:
        mod = __import__(module, fromlist=[name])
    except ImportError:
        return False
    return hasattr(mod, name)


def need(module: str, name: str | None = None) -> None:
    """Skip the calling test while ``module`` (or ``module.name``) is missing from this build."""
    ok = have_attr(module, name) if name else have(module)
    if not ok:
        pytest.skip(f"{module}{'.' + name if name else ''} is not in this build yet")


def need_prepare(check: bool = False) -> None:
    need("corpus_tools.segment", "get_segmenter")
    need("corpus_tools.align", "make_aligner")
    need("corpus_tools.clean", "clean_text")
    if check:
        need("corpus_tools.checks", "make_checker")


@dataclass
class Outcome:
    rc: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def run_cli(argv: Sequence[str]) -> Outcome:
    """Call ``corpus_tools.cli.main`` in-process; SystemExit (argparse) counts as an exit code."""
    from corpus_tools.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_term = signal.getsignal(signal.SIGTERM)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = main([str(a) for a in argv])
            except SystemExit as exc:
                rc = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        signal.signal(signal.SIGTERM, old_term)
    return Outcome(int(rc), out.getvalue(), err.getvalue())


def run_sub(argv: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 60) -> Outcome:
    """Run the real ``corpus-tools`` in a subprocess (for signals, env-dependent backends)."""
    proc = subprocess.run([sys.executable, "-m", "corpus_tools", *map(str, argv)], check=False, cwd=cwd,
                          env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=timeout)
    return Outcome(proc.returncode, proc.stdout, proc.stderr)


def assert_clean_failure(o: Outcome, *, mentions: Iterable[str] = ()) -> None:
    """Exit 2, exactly one line on stderr, no traceback."""
    assert "Traceback" not in o.err, o.err
    assert o.rc == 2, (o.rc, o.err)
    assert len(o.err_lines) == 1, o.err
    assert "error" in o.err_lines[0], o.err
    for m in mentions:
        assert m in o.err_lines[0], (m, o.err)


def assert_allowed(o: Outcome) -> None:
    """The only allowed outcomes: exit 0, or exit 2 with one line and no traceback."""
    assert "Traceback" not in o.err, o.err
    assert o.rc in (0, 2), (o.rc, o.err[-2000:])
    if o.rc == 2:
        assert len(o.err_lines) == 1, o.err


# ---------------------------------------------------------------------------------------------
# Output validation: a file with a final name is always complete and well formed.

def check_tmx(path: Path) -> int:
    from lxml import etree

    data = path.read_bytes()
    if path.name.endswith(".gz"):
        import gzip

        data = gzip.decompress(data)
    assert XML_ILLEGAL.search(data.decode("utf-8")) is None, f"{path}: XML-illegal character in output"
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    assert root.tag == "tmx"
    assert root.find("header") is not None
    return len(root.findall("body/tu"))


def check_jsonl(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), f"{path}: last line incomplete"
    # Only \n ends a record: U+2028 may appear raw inside JSON strings.
    return [json.loads(line) for line in text.split("\n")[:-1]]


def check_tsv(path: Path, min_fields: int = 2) -> int:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), f"{path}: last line incomplete"
    lines = text.split("\n")[:-1]
    for line in lines:
        assert len(line.split("\t")) >= min_fields, f"{path}: short line {line[:80]!r}"
    return len(lines)


def check_outdir(out: Path) -> dict:
    """Every prepare output present and complete; corpus files agree; returns run.json."""
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    tmx = out / "corpus.tmx" if (out / "corpus.tmx").exists() else out / "corpus.tmx.gz"
    n_tmx = check_tmx(tmx)
    rows = check_jsonl(out / "corpus.jsonl")
    n_tsv = check_tsv(out / "corpus.tsv")
    assert n_tmx == len(rows) == n_tsv == run["counts"].get("units", 0)
    check_jsonl(out / "flags.jsonl")
    check_tsv(out / "rejects.tsv", min_fields=5)
    assert not [p.name for p in out.glob(".*.tmp")], "temporary files left behind"
    return run


def read_rejects(path: Path) -> list[dict[str, str]]:
    from corpus_tools.io.tsv import unescape_field

    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    assert header == ["doc", "side", "index", "reason", "text"], header
    return [{k: unescape_field(v) for k, v in zip(header, r)} for r in body]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path -> bytes)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("rc,err,ok", [
    (0, "", True),
    (2, "corpus-tools convert: error: x.tmx (line 1, column 2): malformed XML\n", True),
    (2, "Traceback (most recent call last):\n  ...\n", False),
    (2, "line one\nline two\n", False),
    (1, "corpus-tools convert: error: boom\n", False),
])
def test_outcome_rules(rc: int, err: str, ok: bool) -> None:
    o = Outcome(rc, "", err)
    if ok:
        assert_allowed(o)
    else:
        with pytest.raises(AssertionError):
            assert_allowed(o)
