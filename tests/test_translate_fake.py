"""The translation interface without Argos: options, the fake backend, the SQLite cache, the install hint."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from corpus_tools.errors import BackendUnavailableError, ConfigError
from corpus_tools.model import Origin
from corpus_tools.translate import TranslateOptions, make_translator
from corpus_tools.translate.cache import (
    CachedTranslator,
    TranslationCache,
    default_cache_path,
)
from corpus_tools.translate.fake import FakeTranslator
from corpus_tools.translate.units import translate_units


@pytest.mark.parametrize("kwargs", [
    {"beam_size": 0}, {"threads": -1}, {"device": "tpu"}, {"batch_tokens": 0}, {"backend": "google"},
    {"max_length_ratio": 0.0},
])
def test_bad_options_are_config_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        TranslateOptions(**kwargs)  # type: ignore[arg-type]


def test_fake_backend_is_one_to_one(tmp_path: Path) -> None:
    tr = make_translator("en", "fr", TranslateOptions(backend="fake", cache_path=str(tmp_path / "c.sqlite3")))
    assert tr.translate(["Hello.", "", "  ", "Bye."]) == ["[fr] Hello.", "", "", "[fr] Bye."]
    assert tr.name == "fake:fake-en_fr"
    tr.close()


def test_cache_hits_on_rerun_and_keys_on_options(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    sentences = ["b", "a", "b", "", "c"]

    def run(beam: int) -> tuple[list[str], int]:
        backend = FakeTranslator("en", "fr", TranslateOptions(backend="fake", beam_size=beam))
        tr = CachedTranslator(backend, TranslationCache(path), chunk=2)
        out = tr.translate(sentences)
        tr.close()
        return out, backend.calls

    assert run(2) == (["[fr] b", "[fr] a", "[fr] b", "", "[fr] c"], 3)  # duplicates translated once
    assert run(2) == (["[fr] b", "[fr] a", "[fr] b", "", "[fr] c"], 0)  # all from the cache
    assert run(4)[1] == 3  # another beam size is another key


def test_default_cache_path_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_path() == tmp_path / "corpus-tools" / "mt-cache.sqlite3"


def test_units_are_marked_machine_made() -> None:
    tr = FakeTranslator("en", "fr", TranslateOptions(backend="fake"))
    units = list(translate_units([("1", "Hi."), ("2", "Yes.")], tr, src_lang="en", tgt_lang="fr", chunk=1))
    assert [(u.id, u.src, u.tgt) for u in units] == [("1", "Hi.", "[fr] Hi."), ("2", "Yes.", "[fr] Yes.")]
    assert {u.origin for u in units} == {Origin.MACHINE}
    assert {u.model for u in units} == {"fake-en_fr"}


def test_missing_argos_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "argostranslate", None)
    monkeypatch.setitem(sys.modules, "argostranslate.package", None)
    with pytest.raises(BackendUnavailableError, match=r"pip install 'corpus-tools\[argos\]'"):
        make_translator("en", "fr", TranslateOptions(cache=False))


def test_importing_the_package_does_not_import_argos() -> None:
    import subprocess

    code = ("import sys, corpus_tools.translate, corpus_tools.commands.translate, corpus_tools.commands.models\n"
            "print(sorted(m for m in sys.modules if m.startswith(('argostranslate', 'ctranslate2'))))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
