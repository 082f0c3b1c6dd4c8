"""``--executor ray`` gives the same outputs as the local pool (a local Ray instance, 2 CPUs)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from corpus_tools import pipeline
from corpus_tools.errors import BackendUnavailableError, UserError
from corpus_tools.io.text import read_text, split_paragraphs
from corpus_tools.pipeline import DocumentJob, PrepareConfig, pair_inputs, run_prepare

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
OUTPUTS = ("corpus.tsv", "corpus.tmx", "corpus.jsonl", "flags.jsonl", "rejects.tsv")
# The real stages, minus the ones that load models (embedding aligner) or are not under test.
CONFIG = PrepareConfig("en", "fr", align_method="lexical", check=False, report=False)


def _fake_translator(config: PrepareConfig) -> Any:
    from corpus_tools.translate import TranslateOptions, make_translator

    return make_translator(config.src_lang, config.tgt_lang, TranslateOptions(backend="fake", cache=False))


@pytest.fixture(scope="module")
def ray_instance() -> Iterator[Any]:
    ray = pytest.importorskip("ray")

    def use_fake_translator() -> None:  # a closure: pickled by value, so workers need not import tests/
        from corpus_tools import pipeline
        from corpus_tools.translate import TranslateOptions, make_translator

        pipeline.make_translator_for = lambda c: make_translator(  # type: ignore[assignment]
            c.src_lang, c.tgt_lang, TranslateOptions(backend="fake", cache=False))

    ray.init(num_cpus=2, include_dashboard=False,
             runtime_env={"worker_process_setup_hook": use_fake_translator})
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Eight document pairs cut from the Geneva sample (windows of paragraphs)."""
    root = tmp_path_factory.mktemp("docs")
    en = [p.text for p in split_paragraphs(read_text(SAMPLES / "geneva-summit.en.txt"))]
    fr = [p.text for p in split_paragraphs(read_text(SAMPLES / "geneva-summit.fr.txt"))]
    for side, pars in (("en", en), ("fr", fr)):
        (root / side).mkdir()
        for k in range(8):
            text = "\n\n".join(pars[k * 3:k * 3 + 4]) + "\n"
            (root / side / f"d{k}.txt").write_text(text, encoding="utf-8")
    return root / "en", root / "fr"


def _outputs(out: Path) -> dict[str, bytes]:
    files = {n: (out / n).read_bytes() for n in OUTPUTS}
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    run.pop("timings")
    files["run.json"] = json.dumps(run, sort_keys=True).encode()
    return files


@pytest.mark.ray
def test_ray_outputs_are_identical_to_the_local_pool(ray_instance: Any, documents: tuple[Path, Path],
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    jobs = pair_inputs(str(documents[0]), str(documents[1]))
    local = run_prepare(jobs, tmp_path / "local", CONFIG, jobs_n=2)
    seen: list[dict[str, int]] = []
    remote = run_prepare(jobs, tmp_path / "ray", CONFIG, jobs_n=2, executor="ray",
                         progress=lambda done, total, res: seen.append(res.counts) if res is not None else None)
    assert remote.counts == local.counts and remote.counts["units"] > 0
    assert sorted(c["units"] for c in seen) == sorted(
        d["counts"]["units"] for d in json.loads((tmp_path / "local" / "run.json").read_text())["documents"])
    assert _outputs(tmp_path / "ray") == _outputs(tmp_path / "local")
    assert ray_instance.is_initialized()  # an instance set up by the caller is left running


@pytest.mark.ray
def test_ray_resumes_from_shards_of_a_local_run(ray_instance: Any, documents: tuple[Path, Path],
                                                tmp_path: Path) -> None:
    jobs = pair_inputs(str(documents[0]), str(documents[1]))
    run_prepare(jobs[:3], tmp_path / "out", CONFIG)
    summary = run_prepare(jobs, tmp_path / "out", CONFIG, executor="ray")
    assert summary.skipped == 3 and summary.documents == len(jobs)


@pytest.mark.ray
def test_ray_task_error_reaches_the_user_unwrapped(ray_instance: Any, documents: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 au lait\n")
    jobs = [DocumentJob("bad.txt", str(bad), str(documents[1] / "d0.txt"))]
    with pytest.raises(UserError, match="not valid utf-8"):
        run_prepare(jobs, tmp_path / "out", CONFIG, executor="ray")


def test_missing_ray_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from corpus_tools.parallel import run_ray

    monkeypatch.setitem(sys.modules, "ray", None)
    job = DocumentJob("a", str(SAMPLES / "geneva-summit.en.txt"), str(SAMPLES / "geneva-summit.fr.txt"))
    with pytest.raises(BackendUnavailableError) as err:
        list(run_ray([job], str(tmp_path), CONFIG))
    assert "ray" in str(err.value)


@pytest.mark.ray
def test_ray_translation_actors_match_the_local_run(ray_instance: Any, documents: tuple[Path, Path],
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The fake backend in this process and (through the instance's setup hook) in the actors.
    monkeypatch.setattr(pipeline, "make_translator_for", _fake_translator)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    config = replace(CONFIG, translate=True, mt_cache=False)
    jobs = [DocumentJob(j.name, j.src, None) for j in pair_inputs(str(documents[0]), str(documents[1]))]
    local = run_prepare(jobs, tmp_path / "local", config, jobs_n=1)
    remote = run_prepare(jobs, tmp_path / "ray", config, executor="ray")
    assert remote.counts == local.counts and remote.counts["units"] > 0
    assert _outputs(tmp_path / "ray") == _outputs(tmp_path / "local")
    assert "\t[fr] " in (tmp_path / "ray" / "corpus.tsv").read_text(encoding="utf-8")
