"""Fuzz the CLI with generated bad inputs of every kind.

The only allowed outcomes: exit 0 with valid outputs, or exit 2 with one line on stderr,
no traceback, and no output file. Inputs are seeded mutations of good files, so a failure
is reproducible from its case number. ``main()`` runs in-process (hundreds of cases in
seconds); signals are covered by tests/test_reliability_outputs.py.
"""

from __future__ import annotations

import codecs
import gzip
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_reliability_support import (
    EN,
    FAST_PREPARE,
    FR,
    Outcome,
    assert_allowed,
    check_jsonl,
    check_outdir,
    check_tmx,
    check_tsv,
    need,
    need_prepare,
    run_cli,
)

SNIPPETS = [b"\x00", b"\xff", b"\xfe", b"\xc3", b"\xe2\x80\xa8", b"\r", b"\r\n", b"\n\n", b"\t", b"\\", b"\x1b[0m",
            b"\x07", b"\x0b", b"<", b">", b"&", b"&a;", b"]]>", b"<!--", b"<![CDATA[", b"\"", b"'", b"{", b"}", b"[",
            b"]", b":", b",", b"\\ud800", b"NaN", b"1e999", codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
            codecs.BOM_UTF32_LE, b"<!DOCTYPE tmx [<!ENTITY a SYSTEM \"file:///etc/passwd\">]>",
            b"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">", b"PK\x03\x04", b"%PDF-", "é".encode(),
            "日本".encode(), b"\xf0\x9f", b"</seg>", b"</tu>", b"<tu>", b"<tuv xml:lang=\"\">", b"<prop type=\"x-score\">",
            b"x" * 5000]
N = int(os.environ.get("CORPUS_TOOLS_FUZZ_N", "60"))  # cases per kind (plus the unmutated seed); raise for a deep run


def mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        pos = rng.randint(0, len(b))
        if op == 0 and b:  # flip a byte
            b[min(pos, len(b) - 1)] = rng.randrange(256)
        elif op == 1:  # insert a hostile snippet
            b[pos:pos] = rng.choice(SNIPPETS)
        elif op == 2:  # truncate
            del b[pos:]
        elif op == 3 and b:  # delete a run
            del b[pos:pos + rng.randint(1, 50)]
        elif op == 4:  # duplicate a run
            b[pos:pos] = b[pos:pos + rng.randint(1, 200)]
        else:  # re-encode a prefix
            try:
                text = bytes(b).decode("utf-8")
                enc = rng.choice(["latin-1", "utf-16", "utf-16-le", "cp1252", "utf-32"])
                return text.encode(enc, errors="replace")
            except UnicodeDecodeError:
                b[pos:pos] = b"\x00" * rng.randint(1, 300)
    return bytes(b)


def _seed_tmx(tmp: Path) -> bytes:
    rc = run_cli(["convert", _seed_tsv_file(tmp), tmp / "seed.tmx", "--src-lang", "en", "--tgt-lang", "fr"]).rc
    assert rc == 0
    return (tmp / "seed.tmx").read_bytes()


def _seed_tsv_file(tmp: Path) -> Path:
    p = tmp / "seed.tsv"
    p.write_text("Hello world.\tBonjour le monde.\t0.9000\tMT001\n"
                 "A & B < C.\tA & B < C.\t\t\nTab\\tand\\nnewline.\tTab\\tet\\nsaut.\t0.5\tTY001,MT002\n",
                 encoding="utf-8")
    return p


def _seed_jsonl(tmp: Path) -> bytes:
    assert run_cli(["convert", _seed_tsv_file(tmp), tmp / "seed.jsonl", "--src-lang", "en",
                    "--tgt-lang", "fr"]).rc == 0
    return (tmp / "seed.jsonl").read_bytes()


def _validate(path: Path) -> None:
    n = path.name
    if n.endswith((".tmx", ".tmx.gz")):
        check_tmx(path)
    elif n.endswith(".jsonl"):
        check_jsonl(path)
    elif n.endswith(".tsv"):
        check_tsv(path)


def _fuzz(tmp: Path, seed: bytes, suffix: str, argv: Callable[[Path, Path], list], outputs: Callable[[Path], list],
          n: int, kind: str) -> None:
    rng = random.Random(f"corpus-tools-fuzz-{kind}")
    failures: list[str] = []
    outcomes = {0: 0, 2: 0}
    for case in range(n + 1):
        data = seed if case == 0 else mutate(seed, rng)
        d = tmp / f"{kind}-{case}"
        d.mkdir()
        src = d / f"in{suffix}"
        src.write_bytes(data)
        out = d / "out"
        o: Outcome = run_cli(argv(src, out))
        try:
            assert_allowed(o)
            outs = outputs(out)
            if o.rc == 0:
                for p in outs:
                    _validate(p)
            else:
                assert not [p for p in outs if p.exists()], "an output was written by a failed run"
                assert not [p.name for p in d.rglob("*.tmp")], "temporary file left behind"
            outcomes[o.rc] += 1
        except AssertionError as exc:
            failures.append(f"{kind} case {case}: {str(exc)[:300]}")
            if len(failures) >= 5:
                break
    assert not failures, "\n".join(failures)
    assert outcomes[2] > 0, "the mutations never produced a bad input: the fuzzer is not fuzzing"


@pytest.mark.parametrize("out_suffix", [".tsv", ".tmx", ".jsonl"])
def test_fuzz_convert_tmx(tmp_path: Path, out_suffix: str) -> None:
    seed = _seed_tmx(tmp_path)
    _fuzz(tmp_path, seed, ".tmx", lambda s, o: ["convert", s, o.with_suffix(out_suffix)],
          lambda o: [o.with_suffix(out_suffix)], N, f"tmx{out_suffix}")


def test_fuzz_convert_tsv(tmp_path: Path) -> None:
    seed = _seed_tsv_file(tmp_path).read_bytes()
    _fuzz(tmp_path, seed, ".tsv", lambda s, o: ["convert", s, o.with_suffix(".tmx"), "--src-lang", "en",
                                                 "--tgt-lang", "fr", "--tsv-columns", "score,flags"],
          lambda o: [o.with_suffix(".tmx")], N, "tsv")


def test_fuzz_convert_jsonl(tmp_path: Path) -> None:
    seed = _seed_jsonl(tmp_path)
    _fuzz(tmp_path, seed, ".jsonl", lambda s, o: ["convert", s, o.with_suffix(".tmx")],
          lambda o: [o.with_suffix(".tmx")], N, "jsonl")


def test_fuzz_convert_gzip(tmp_path: Path) -> None:
    seed = gzip.compress(_seed_tmx(tmp_path), mtime=0)
    _fuzz(tmp_path, seed, ".tmx.gz", lambda s, o: ["convert", s, o.with_suffix(".tsv")],
          lambda o: [o.with_suffix(".tsv")], N, "gz")


def _doc_seed() -> bytes:
    return b"\n\n".join(EN.read_bytes().split(b"\n\n")[:4])


def test_fuzz_segment(tmp_path: Path) -> None:
    need("corpus_tools.commands.segment")
    _fuzz(tmp_path, _doc_seed(), ".txt", lambda s, o: ["segment", s, "--lang", "en"], lambda o: [], N, "segment")


def test_fuzz_clean(tmp_path: Path) -> None:
    need("corpus_tools.commands.clean")
    _fuzz(tmp_path, _doc_seed(), ".txt", lambda s, o: ["clean", s, "--lang", "en", "-o", o.with_suffix(".txt"),
                                                       "--edits", o.with_suffix(".edits.jsonl")],
          lambda o: [o.with_suffix(".txt"), o.with_suffix(".edits.jsonl")], N, "clean")


def test_fuzz_clean_html(tmp_path: Path) -> None:
    need("corpus_tools.commands.clean")
    paras = EN.read_text(encoding="utf-8").split("\n\n")[:3]
    seed = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in paras) + "<figure><figcaption>A caption.</figcaption></figure>"
            "</article></body></html>").encode()
    _fuzz(tmp_path, seed, ".html", lambda s, o: ["clean", s, "--lang", "en", "-o", o.with_suffix(".txt")],
          lambda o: [o.with_suffix(".txt")], N, "html")


def test_fuzz_prepare(tmp_path: Path) -> None:
    """Fewer cases: each prepare builds its stages (~0.2 s)."""
    need_prepare()
    fr = b"\n\n".join(FR.read_bytes().split(b"\n\n")[:4])
    (tmp_path / "fr.txt").write_bytes(fr)

    def outputs(o: Path) -> list[Path]:
        return [o / n for n in ("corpus.tmx", "corpus.tsv", "corpus.jsonl", "rejects.tsv", "run.json")]

    def argv(s: Path, o: Path) -> list:
        return ["prepare", s, tmp_path / "fr.txt", "-o", o, *FAST_PREPARE, "--no-check"]

    _fuzz(tmp_path, _doc_seed(), ".txt", argv, outputs, max(10, N // 4), "prepare")
    for d in tmp_path.glob("prepare-*/out"):
        if (d / "run.json").exists():
            check_outdir(d)
