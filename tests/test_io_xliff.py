"""XLIFF 1.2 and 2.x in: units out, inline codes kept as text, errors with line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools.errors import ConfigError, InputError
from corpus_tools.io import read_units, write_units

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en-US" target-language="fr-FR" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="t1"><source>Hello <g id="1">world</g>.</source><target>Bonjour <g id="1">le monde</g>.</target></trans-unit>
   <trans-unit id="t2"><source>No target yet.</source></trans-unit>
   <trans-unit id="t3"><source>A &amp; B<x id="2"/></source><target>A &amp; B<x id="2"/></target></trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr">
 <file id="f1">
  <unit id="u1">
   <segment><source>One.</source><target>Un.</target></segment>
   <segment><source>Two <pc id="1">bold</pc>.</source><target>Deux <pc id="1">gras</pc>.</target></segment>
  </unit>
 </file>
</xliff>
"""


@pytest.mark.parametrize("text,expected", [
    (XLIFF12, [("t1", "Hello world.", "Bonjour le monde.", "en-US", "fr-FR"),
               ("t3", "A & B", "A & B", "en-US", "fr-FR")]),
    (XLIFF20, [("u1.1", "One.", "Un.", "en", "fr"), ("u1.2", "Two bold.", "Deux gras.", "en", "fr")]),
])
def test_xliff_units(tmp_path: Path, text: str, expected: list[tuple[str, ...]]) -> None:
    path = tmp_path / "a.xlf"
    path.write_text(text, encoding="utf-8")
    got = [(u.id, u.src, u.tgt, u.src_lang, u.tgt_lang) for u in read_units(path)]
    assert got == expected


def test_xliff_to_tmx(tmp_path: Path) -> None:
    path = tmp_path / "a.xliff"
    path.write_text(XLIFF12, encoding="utf-8")
    from corpus_tools.convert import convert

    assert convert(path, tmp_path / "a.tmx") == 2
    assert [u.tgt for u in read_units(tmp_path / "a.tmx")] == ["Bonjour le monde.", "A & B"]


def test_malformed_xliff_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlf"
    path.write_text(XLIFF12.replace("</body>", "</bod>"), encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.xlf \(line \d+, column \d+\): malformed XML"):
        list(read_units(path))


def test_not_an_xliff(tmp_path: Path) -> None:
    path = tmp_path / "x.xlf"
    path.write_text("<tmx version='1.4'><body/></tmx>", encoding="utf-8")
    with pytest.raises(InputError, match="not an XLIFF"):
        list(read_units(path))


def test_xliff_is_read_only(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="input format"):
        write_units([], tmp_path / "o.xlf", src_lang="en", tgt_lang="fr")
