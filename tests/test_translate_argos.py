"""Batched translation with a real (tiny, constructed) Argos package, offline.

The package from scripts/build_test_model.py copies its input piece by piece, swapping
hello/bonjour, world/monde, house/maison, cat/chat, dog/chien, red/rouge.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest_argos import (
    argos_env,
    build_model,
    require_argos,
    run_cli,
    run_json,
)

require_argos()

# Each case: source -> what the copy-and-swap model must produce.
COPY_CASES = [
    ("Hello world.", "Hello monde."),
    ("hello world, the red house.", "bonjour monde, the rouge maison."),
    ("My cat and my dog sleep.", "My chat and my chien sleep."),
    ("Prices rose by 3.5% in 2021 (the statistics office said).",
     "Prices rose by 3.5% in 2021 (the statistics office said)."),
    ("« bonjour », dit-il — “c’est ça”", "« hello », dit-il — “c’est ça”"),
    ("Wait…", "Wait..."),  # SentencePiece's NFKC normalization, as in Argos
    ("Zürich, Montréal & Kraków: déjà vu?", "Zürich, Montréal & Kraków: déjà vu?"),
]

TRANSLATE = r"""
import json, sys
from corpus_tools.translate import TranslateOptions, make_translator
sentences = json.loads(sys.argv[1])
opts = TranslateOptions(beam_size=int(sys.argv[2]), threads=1, cache=False, batch_tokens=int(sys.argv[3]))
tr = make_translator("en", "fr", opts)
out = tr.translate(sentences)
print(json.dumps({"out": out, "name": tr.name, "model": tr.model}))
"""

ARGOS_REFERENCE = r"""
import json, sys
import argostranslate.translate as at
sentences = json.loads(sys.argv[1])
print(json.dumps([at.translate(s, "en", "fr") for s in sentences]))
"""


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("argos-mt")
    model = build_model(root / "m.argosmodel")
    e = argos_env(root / "home-and-packages")
    proc = run_cli(e, "models", "install", str(model))
    assert proc.returncode == 0, proc.stderr
    return e


def translate(env: dict[str, str], sentences: list[str], beam: int = 2, batch_tokens: int = 4096) -> dict[str, object]:
    result = run_json(TRANSLATE, env, json.dumps(sentences), str(beam), str(batch_tokens))
    assert isinstance(result, dict)
    return result


def test_copy_model_translates_as_constructed(env: dict[str, str]) -> None:
    result = translate(env, [src for src, _ in COPY_CASES])
    assert result["out"] == [tgt for _, tgt in COPY_CASES]
    assert result["name"] == "argos:translate-en_fr-1.0:beam2"
    assert result["model"] == "translate-en_fr-1.0"


def test_order_empty_lines_and_duplicates_kept_one_to_one(env: dict[str, str]) -> None:
    # lengths deliberately unsorted, so that batching by length has to restore the order
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"]
    sentences = [" ".join(words[: (i * 5) % 7 + 1]) + f" {i}." for i in range(40)]
    sentences[3] = ""
    sentences[10] = "   "
    sentences[20] = sentences[5]
    # a tiny token budget forces many batches and length bands
    out = translate(env, sentences, batch_tokens=16)["out"]
    assert isinstance(out, list)
    assert len(out) == len(sentences)
    expected = [s if s.strip() else "" for s in sentences]
    assert out == expected


def test_very_long_sentence_is_not_cut(env: dict[str, str]) -> None:
    # ~900 pieces: Argos' own path stops at 256 output pieces; ours follows the input length
    long = " ".join(f"alpha bravo {i}" for i in range(300)) + "."
    out = translate(env, [long, "Hello world."])["out"]
    assert out == [long, "Hello monde."]


def test_beam4_equals_argostranslate_sentence_by_sentence(env: dict[str, str]) -> None:
    sentences = [src for src, _ in COPY_CASES] + [
        "",
        "Mr. Biden and Mr. Putin met in Geneva. They talked for four hours.",  # Argos splits this one itself
        "The story continues under the ad",
        "It’s not about trust. It’s about self-interest and self-interest verification, ”he said.",
        "Numbers: 1,000; 2.5; -3; 10^6; #hashtag @user https://example.com/a_b?c=d",
        "Tabs\tand  double  spaces   survive?",
    ]
    ours = translate(env, sentences, beam=4)["out"]
    reference = run_json(ARGOS_REFERENCE, env, json.dumps(sentences))
    assert ours == reference


def test_cli_presegmented_jsonl_marks_machine_units_and_caches(env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Hello world.\n\nMy red cat.\nHello world.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cache = tmp_path / "mt.sqlite3"
    args = ["translate", str(src), "--src-lang", "en", "--tgt-lang", "fr", "--presegmented",
            "--cache-path", str(cache), "--threads", "1", "-o", str(out)]
    first = run_cli(env, *args)
    assert first.returncode == 0, first.stderr
    assert "from cache" not in first.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["translation"]["en"], r["translation"]["fr"]) for r in rows] == [
        ("Hello world.", "Hello monde."), ("My red cat.", "My rouge chat."), ("Hello world.", "Hello monde.")]
    assert [r["id"] for r in rows] == ["1", "3", "4"]
    assert {r["origin"] for r in rows} == {"machine"}
    assert {r["model"] for r in rows} == {"translate-en_fr-1.0"}

    second = run_cli(env, *args)
    assert second.returncode == 0, second.stderr
    assert "2 from cache" in second.stderr  # two distinct sentences, none translated again
    assert out.read_text(encoding="utf-8").count("monde") == 2

    third = run_cli(env, *args[:-2], "--no-cache", "-o", str(out))
    assert third.returncode == 0, third.stderr
    assert "from cache" not in third.stderr


def test_cli_segments_paragraphs_without_presegmented(env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "doc.txt"
    src.write_text("Hello world. My dog sleeps.\n\nThe red house.\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    proc = run_cli(env, "translate", str(src), "--src-lang", "en", "--tgt-lang", "fr", "--no-cache",
                   "--threads", "1", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == [["Hello world.", "Hello monde."], ["My dog sleeps.", "My chien sleeps."],
                    ["The red house.", "The rouge maison."]]
