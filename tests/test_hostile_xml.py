"""Hostile XML in: no external entities, no DTD loading, no network, bounded entity expansion,
malformed XML reported with line and column."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_reliability_support import (
    BAD,
    FAST_PREPARE,
    Outcome,
    assert_clean_failure,
    check_tmx,
    check_tsv,
    need,
    need_prepare,
    run_cli,
    snapshot,
)

SECRET = "s3cr3t-token-that-must-not-leak"
TU = '<tu><tuv xml:lang="en"><seg>{}</seg></tuv><tuv xml:lang="fr"><seg>{}</seg></tuv></tu>'


def tmx(body: str, doctype: str = "") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + doctype
            + '<tmx version="1.4">\n<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" '
              'adminlang="en" srclang="en" datatype="plaintext"/>\n<body>\n' + body + '\n</body>\n</tmx>\n').encode()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    p = tmp_path / "secret.txt"
    p.write_text(SECRET + "\n", encoding="utf-8")
    return p


class _Server:
    def __init__(self) -> None:
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.requests.append(self.path)
                body = f'<!ENTITY leak "{SECRET}">'.encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def _module_server() -> Iterator[_Server]:
    s = _Server()
    yield s
    s.close()


@pytest.fixture
def server(_module_server: _Server) -> _Server:
    _module_server.requests.clear()
    return _module_server


def _hostile_cases(secret: Path, url: str) -> dict[str, bytes]:
    f = secret.as_uri()
    return {
        "xxe-file": tmx(TU.format("&xxe;", "b"), f'<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "{f}">]>\n'),
        "xxe-param-file": tmx(TU.format("a", "b"), f'<!DOCTYPE tmx [<!ENTITY % p SYSTEM "{f}"> %p;]>\n'),
        "xxe-http": tmx(TU.format("&xxe;", "b"), f'<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "{url}/e">]>\n'),
        "xxe-param-http": tmx(TU.format("&leak;", "b"),
                              f'<!DOCTYPE tmx [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>\n'),
        "external-dtd-http": tmx(TU.format("&leak;", "b"), f'<!DOCTYPE tmx SYSTEM "{url}/tmx14.dtd">\n'),
        "external-dtd-file": tmx(TU.format("a", "b"), f'<!DOCTYPE tmx SYSTEM "{f}">\n'),
        "xinclude": tmx(TU.format(f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{f}" '
                                  'parse="text"/>', "b")),
        "stylesheet-pi": b'<?xml-stylesheet type="text/xsl" href="' + url.encode() + b'/x.xsl"?>\n'
                         + tmx(TU.format("a", "b")).split(b"\n", 1)[1],
        "xsi-schema": tmx(TU.format("a", "b")).replace(
            b"<tmx version", b'<tmx xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                             b'xsi:noNamespaceSchemaLocation="' + url.encode() + b'/s.xsd" version'),
    }


@pytest.mark.parametrize("case", ["xxe-file", "xxe-param-file", "xxe-http", "xxe-param-http", "external-dtd-http",
                                  "external-dtd-file", "xinclude", "stylesheet-pi", "xsi-schema"])
@pytest.mark.parametrize("out_name", ["out.tsv", "out.tmx", "out.jsonl"])
def test_no_external_resource_is_read(tmp_path: Path, secret: Path, server: _Server, case: str,
                                      out_name: str) -> None:
    src = tmp_path / "in.tmx"
    src.write_bytes(_hostile_cases(secret, server.url)[case])
    out = tmp_path / out_name
    o = run_cli(["convert", src, out])
    assert "Traceback" not in o.err
    assert o.rc in (0, 2), o.err
    assert server.requests == [], f"network access: {server.requests}"
    assert SECRET not in o.err and SECRET not in o.out
    if o.rc == 0:
        assert SECRET not in out.read_text(encoding="utf-8")
    else:
        assert len(o.err_lines) == 1 and not out.exists()


def test_shipped_xxe_fixtures_leak_nothing(tmp_path: Path) -> None:
    passwd = Path("/etc/passwd")
    marker = passwd.read_text().split(":", 1)[0] + ":x:" if passwd.is_file() else "root:x:"
    for name in ("xxe.tmx", "xxe-param.tmx", "external-dtd.tmx"):
        out = tmp_path / f"{name}.tsv"
        o = run_cli(["convert", BAD / name, out])
        assert o.rc in (0, 2) and "Traceback" not in o.err, o.err
        if o.rc == 0:
            assert marker not in out.read_text(encoding="utf-8")
        assert marker not in o.err


def _lol(levels: int, fanout: int) -> bytes:
    ents = '<!ENTITY a0 "lol">\n' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * fanout}">\n' for i in range(1, levels + 1))
    return tmx(TU.format(f"&a{levels};", "b"), f"<!DOCTYPE tmx [\n{ents}]>\n")


@pytest.mark.parametrize("name,data", [
    ("billion-laughs", _lol(9, 10)),
    ("wide-laughs", _lol(4, 400)),
    ("quadratic-blowup", tmx(TU.format("&a;" * 50_000, "b"), '<!DOCTYPE tmx [<!ENTITY a "' + "x" * 50_000 + '">]>\n')),
    ("shipped-billion-laughs", (BAD / "billion-laughs.tmx").read_bytes()),
], ids=lambda v: v if isinstance(v, str) else "")
def test_entity_expansion_is_bounded(tmp_path: Path, name: str, data: bytes) -> None:
    """Finishes (the test would hang otherwise) with an error, or without expanding."""
    src = tmp_path / f"{name}.tmx"
    src.write_bytes(data)
    out = tmp_path / "out.tsv"
    o = run_cli(["convert", src, out])
    assert "Traceback" not in o.err
    if o.rc == 2:
        assert_clean_failure(o, mentions=[src.name])
        assert not out.exists()
    else:
        assert o.rc == 0
        assert out.stat().st_size < 10 * len(data)


@pytest.mark.parametrize("name,data,line", [
    ("malformed", (BAD / "malformed.tmx").read_bytes(), 5),
    ("truncated", (BAD / "truncated.tmx").read_bytes(), None),
    ("unclosed-attr", tmx(TU.format("a", "b")).replace(b'srclang="en"', b'srclang="en'), None),
    ("bad-charref", tmx(TU.format("&#1;", "b")), 5),
    ("undefined-entity", tmx(TU.format("&nope;", "b")), 5),
    ("two-roots", tmx(TU.format("a", "b")) + b"<tmx/>", None),
    ("deep-nesting", tmx(TU.format("<hi>" * 5000 + "x" + "</hi>" * 5000, "b")), 5),
    ("bad-encoding-decl", tmx(TU.format("a", "b")).replace(b"UTF-8", b"no-such-enc"), 1),
    ("latin1-bytes-as-utf8", tmx(TU.format("caf\xe9", "b")).replace("caf\xe9".encode(), b"caf\xe9"), 5),
], ids=lambda v: v if isinstance(v, str) else "")
def test_malformed_xml_names_line_and_column(tmp_path: Path, name: str, data: bytes, line: int | None) -> None:
    src = tmp_path / f"{name}.tmx"
    src.write_bytes(data)
    out = tmp_path / "out.tsv"
    o = run_cli(["convert", src, out])
    assert_clean_failure(o, mentions=[src.name, "line ", "column "])
    if line is not None:
        assert f"line {line}," in o.err
    assert not out.exists()


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x00\x01\x02binary", b"not xml at all"])
def test_empty_or_non_xml_tmx(tmp_path: Path, data: bytes) -> None:
    src = tmp_path / "x.tmx"
    src.write_bytes(data)
    o = run_cli(["convert", src, tmp_path / "out.tsv"])
    assert_clean_failure(o, mentions=["x.tmx"])


@pytest.mark.parametrize("name", ["not-tmx.tmx", "namespaced.tmx"])
def test_xml_that_is_not_tmx_is_refused(tmp_path: Path, name: str) -> None:
    """An XLIFF (or a namespaced TMX) given as a TMX: an error, not an empty corpus."""
    src = tmp_path / name
    if name == "namespaced.tmx":
        src.write_bytes(tmx(TU.format("a", "b")).replace(b"<tmx ", b'<tmx xmlns="urn:other" '))
    else:
        src.write_bytes((BAD / "not-tmx.xlf").read_bytes())
    o = run_cli(["convert", src, tmp_path / "out.tsv"])
    assert_clean_failure(o, mentions=[name])
    assert "root:" not in o.err


def test_xliff_reader_is_safe(tmp_path: Path) -> None:
    need("corpus_tools.io.xliff")
    o = run_cli(["convert", BAD / "not-tmx.xlf", tmp_path / "out.tsv", "--src-lang", "en", "--tgt-lang", "fr"])
    assert o.rc in (0, 2) and "Traceback" not in o.err
    if o.rc == 0:
        assert "root:x:" not in (tmp_path / "out.tsv").read_text(encoding="utf-8")


def test_html_entities_and_dtd_are_not_resolved(tmp_path: Path, secret: Path, server: _Server) -> None:
    need_prepare()
    html = (f'<?xml version="1.0"?>\n<!DOCTYPE html SYSTEM "{server.url}/html.dtd" '
            f'[<!ENTITY xxe SYSTEM "{secret.as_uri()}"><!ENTITY net SYSTEM "{server.url}/e">]>\n'
            '<html><head><link rel="stylesheet" href="' + server.url + '/s.css"></head><body><article>'
            '<p>Hello &xxe; world, and &net; again.</p><p>The second paragraph is here.</p>'
            f'<p><img src="{server.url}/i.png"> Third paragraph.</p></article></body></html>\n')
    src = tmp_path / "page.en.html"
    src.write_text(html, encoding="utf-8")
    tgt = tmp_path / "page.fr.html"
    tgt.write_text(html, encoding="utf-8")
    out = tmp_path / "out"
    o = run_cli(["prepare", src, tgt, "-o", out, *FAST_PREPARE, "--no-check"])
    assert o.rc == 0, o.err
    assert server.requests == []
    for name, data in snapshot(out).items():
        assert SECRET.encode() not in data, name
    assert check_tsv(out / "corpus.tsv") >= 1
    assert check_tmx(out / "corpus.tmx") >= 1


def test_shipped_html_xxe(tmp_path: Path) -> None:
    need_prepare()
    out = tmp_path / "out"
    o: Outcome = run_cli(["prepare", BAD / "xxe.html", BAD / "xxe.html", "-o", out, *FAST_PREPARE, "--no-check"])
    assert o.rc in (0, 2) and "Traceback" not in o.err, o.err
    if o.rc == 0:
        for name, data in snapshot(out).items():
            assert b"root:x:" not in data, name
