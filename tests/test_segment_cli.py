"""`corpus-tools segment`: paragraphs in, one sentence per line out, streaming."""

from __future__ import annotations

import codecs
import gzip
import io
import sys

import pytest

from corpus_tools.cli import main
from corpus_tools.segment._reader import iter_paragraphs

TEXT = "Mr. Smith arrived. He left.\n\nHeadline\nM. Dupont est là.\n\n\n  Last one.\n"
EXPECTED = "Mr. Smith arrived.\nHe left.\n\nHeadline\nM. Dupont est là.\n\nLast one.\n"


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("encoded", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),  # with BOM
    TEXT.replace("\n", "\r\n").encode("utf-8"),
])
def test_stdin_encodings(monkeypatch, capsys, encoded):
    _stdin(monkeypatch, encoded)
    assert main(["segment", "--lang", "en", "-"]) == 0
    assert capsys.readouterr().out == EXPECTED


def test_file_gzip_and_named_encoding(tmp_path, capsys):
    gz = tmp_path / "in.txt.gz"
    gz.write_bytes(gzip.compress(TEXT.encode("utf-8")))
    assert main(["segment", "--lang", "en", str(gz)]) == 0
    assert capsys.readouterr().out == EXPECTED
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Il est là. Voilà.".encode("latin-1"))
    assert main(["segment", "--lang", "fr", "--encoding", "latin-1", str(latin)]) == 0
    assert capsys.readouterr().out == "Il est là.\nVoilà.\n"


def test_srx_flag(tmp_path, capsys):
    f = tmp_path / "in.txt"
    f.write_text("Hello there. Bye now.\n", encoding="utf-8")
    assert main(["segment", "--lang", "en", "--engine", "srx", str(f)]) == 0
    assert capsys.readouterr().out == "Hello there.\nBye now.\n"


@pytest.mark.parametrize("argv,message", [
    (["segment", "--lang", "xx", "-"], "supported: "),
    (["segment", "--lang", "en", "/nonexistent/file.txt"], "/nonexistent/file.txt"),
    (["segment", "--lang", "en", "--srx", "/nonexistent.srx", "-"], "SRX file not found"),
])
def test_user_errors_exit_2(monkeypatch, capsys, argv, message):
    _stdin(monkeypatch, b"x\n")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_invalid_utf8_names_the_line(tmp_path, capsys):
    f = tmp_path / "bad.txt"
    f.write_bytes(b"Fine line.\n\nBad \xff byte.\n")
    assert main(["segment", "--lang", "en", str(f)]) == 2
    assert "line 3" in capsys.readouterr().err


def test_reader_offsets(tmp_path):
    f = tmp_path / "in.txt"
    f.write_text(TEXT, encoding="utf-8")
    paras = list(iter_paragraphs(str(f)))
    assert [p.index for p in paras] == [0, 1, 2]
    for p in paras:
        assert TEXT[p.start:p.end] == p.text
