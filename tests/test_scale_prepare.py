"""``prepare`` over a folder of 120 documents: identical whatever ``--jobs``, resumable, idempotent.

The runs happen in subprocesses started from this file (see ``main``) with small fake stages
in place of the real segmenter and aligner, so they are fast and test the pipeline itself:
sharding, markers, merge order, resume. Spawned pool workers run this file's top level
too (as ``__mp_main__``), which is how the fakes reach them.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from corpus_tools import pipeline
from corpus_tools.model import Bead, Segment

REPO = Path(__file__).resolve().parents[1]
N_DOCS = 120
COMPARED = ("corpus.tsv", "corpus.tmx", "corpus.jsonl", "flags.jsonl", "rejects.tsv")


# ---------------------------------------------------------------------------------------------
# Fake stages, installed only when this file runs as a script (and in its pool workers)

class FakeSegmenter:
    name = "fake-sentences"

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        start = 0
        for m in re.finditer(r"(?<=[.!?])\s+", text):
            yield start, m.start()
            start = m.end()
        if start < len(text):
            yield start, len(text)


class FakeAligner:
    """One-to-one in order; leftovers unaligned. ``FAKE_DELAY`` seconds per document."""

    name = "fake-1to1"

    def align(self, src: Sequence[Segment], tgt: Sequence[Segment], src_mt: Any = None) -> list[Bead]:
        delay = float(os.environ.get("FAKE_DELAY", "0"))
        if delay:
            time.sleep(delay)
        n = min(len(src), len(tgt))
        beads = [Bead((i,), (i,), round(0.5 + len(src[i].text) % 7 / 20, 4)) for i in range(n)]
        beads += [Bead((i,), (), 0.0) for i in range(n, len(src))]
        beads += [Bead((), (j,), 0.0) for j in range(n, len(tgt))]
        return beads


def _fake_build_stages(config: pipeline.PrepareConfig, *, with_translator: bool = True) -> pipeline.Stages:
    return pipeline.Stages(config, FakeSegmenter(), FakeSegmenter(), FakeAligner(), None, None)


if __name__ in ("__main__", "__mp_main__"):
    pipeline.build_stages = _fake_build_stages  # type: ignore[assignment]


def main(argv: Sequence[str]) -> int:
    """``python test_scale_prepare.py SRC TGT OUT JOBS [--force]``: one run, its summary as JSON."""
    src, tgt, out, n = argv[0], argv[1], argv[2], int(argv[3])
    config = pipeline.PrepareConfig("en", "fr", clean=False, check=False, report=False)
    jobs = pipeline.pair_inputs(src, tgt)
    seen: list[int] = []
    summary = pipeline.run_prepare(jobs, out, config, jobs_n=n, force="--force" in argv,
                                   progress=lambda done, total, res: seen.append(done))
    print(json.dumps({"documents": summary.documents, "skipped": summary.skipped, "counts": summary.counts,
                      "progress_last": seen[-1] if seen else None, "failed": summary.failed}))
    return 0


# ---------------------------------------------------------------------------------------------
# Test data and helpers

_WORDS_EN = ["the", "council", "said", "new", "report", "water", "rights", "city", "people", "budget", "river", "summit", "talks", "week"]
_WORDS_FR = ["le", "conseil", "a", "dit", "nouveau", "rapport", "eau", "droits", "ville", "gens", "budget", "fleuve", "sommet", "semaine"]


def _sentence(rng: random.Random, words: list[str]) -> str:
    s = " ".join(rng.choice(words) for _ in range(rng.randint(3, 12))).capitalize()
    if rng.random() < 0.05:
        s += " \\ «é» \u00a0—"
    return s + rng.choice(".!?")


def _make_corpus(root: Path) -> tuple[Path, Path]:
    rng = random.Random(9)
    src, tgt = root / "en", root / "fr"
    src.mkdir(parents=True)
    tgt.mkdir(parents=True)
    for d in range(N_DOCS):
        s_pars, t_pars = [], []
        for _ in range(0 if d == 7 else rng.randint(2, 6)):
            k = rng.randint(1, 3)
            s_pars.append(" ".join(_sentence(rng, _WORDS_EN) for _ in range(k)))
            t_pars.append(" ".join(_sentence(rng, _WORDS_FR) for _ in range(k + (rng.random() < 0.1))))
        (src / f"doc{d:03d}.en.txt").write_text("\n\n".join(s_pars) + "\n", encoding="utf-8")
        (tgt / f"doc{d:03d}.fr.txt").write_text("\n\n".join(t_pars) + "\n", encoding="utf-8")
    return src, tgt


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["SOURCE_DATE_EPOCH"] = "1700000000"
    env.pop("FAKE_DELAY", None)
    env.update(extra)
    return env


def _run(src: Path, tgt: Path, out: Path, jobs: int, *flags: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, str(src), str(tgt), str(out), str(jobs), *flags],
                          env=_env(), capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _outputs(out: Path) -> dict[str, bytes]:
    files = {name: (out / name).read_bytes() for name in COMPARED}
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    for volatile in ("timings", "documents_processed", "documents_skipped"):
        run.pop(volatile)
    files["run.json"] = json.dumps(run, sort_keys=True).encode()
    return files


def _snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(out)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _make_corpus(tmp_path_factory.mktemp("docs"))


@pytest.fixture(scope="module")
def serial_run(corpus: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("serial") / "out"
    return out, _run(*corpus, out, 1)


# ---------------------------------------------------------------------------------------------
# Tests

def test_first_run_processes_every_document(serial_run: tuple[Path, dict[str, Any]]) -> None:
    out, summary = serial_run
    assert summary["documents"] == N_DOCS and summary["skipped"] == 0
    assert summary["progress_last"] == N_DOCS
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert [d["name"] for d in run["documents"]] == [f"doc{d:03d}.en.txt" for d in range(N_DOCS)]
    assert sum(d["counts"]["units"] for d in run["documents"]) == run["counts"]["units"] > 0
    lines = (out / "corpus.tsv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == run["counts"]["units"]
    assert any("empty document" in w for w in run["warnings"])  # doc007 has no paragraph


def test_jobs_1_and_2_give_byte_identical_outputs(corpus: tuple[Path, Path], serial_run: tuple[Path, dict[str, Any]],
                                                  tmp_path: Path) -> None:
    summary = _run(*corpus, tmp_path / "out", 2)
    assert summary["skipped"] == 0 and summary["progress_last"] == N_DOCS
    assert _outputs(tmp_path / "out") == _outputs(serial_run[0])


def test_rerun_on_finished_output_changes_nothing(corpus: tuple[Path, Path], serial_run: tuple[Path, dict[str, Any]],
                                                  tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(serial_run[0], out)
    before = _snapshot(out)
    summary = _run(*corpus, out, 2)
    assert summary["skipped"] == N_DOCS and summary["progress_last"] == N_DOCS
    assert summary["counts"] == serial_run[1]["counts"]
    assert _snapshot(out) == before  # same bytes, and not even rewritten


def test_changed_document_is_redone_and_others_kept(corpus: tuple[Path, Path],
                                                    serial_run: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    src, tgt = tmp_path / "en", tmp_path / "fr"
    shutil.copytree(corpus[0], src)
    shutil.copytree(corpus[1], tgt)
    out = tmp_path / "out"
    shutil.copytree(serial_run[0], out)
    (src / "doc050.en.txt").write_text("A brand new sentence. And another one.\n", encoding="utf-8")
    summary = _run(src, tgt, out, 1)
    assert summary["skipped"] == N_DOCS - 1
    tsv = (out / "corpus.tsv").read_text(encoding="utf-8")
    assert "A brand new sentence." in tsv
    fresh = _rerun_fresh(src, tgt, tmp_path / "fresh")
    # run.json differs: the warnings of the kept shards name the inputs where they were first read.
    assert {n: (out / n).read_bytes() for n in COMPARED} == {n: (fresh / n).read_bytes() for n in COMPARED}
    forced = _run(src, tgt, out, 1, "--force")
    assert forced["skipped"] == 0


def _rerun_fresh(src: Path, tgt: Path, out: Path) -> Path:
    _run(src, tgt, out, 1)
    return out


def test_a_failing_document_is_reported_and_the_pool_goes_on(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    # InputError cannot be pickled as it is; a pool used to wait forever for its result.
    src, tgt = tmp_path / "en", tmp_path / "fr"
    shutil.copytree(corpus[0], src)
    shutil.copytree(corpus[1], tgt)
    (src / "doc003.en.txt").write_bytes(b"Caf\xe9 au lait.\n")
    proc = subprocess.run([sys.executable, __file__, str(src), str(tgt), str(tmp_path / "out"), "2"],
                          env=_env(), capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert len(summary["failed"]) == 1
    doc, error = summary["failed"][0]
    assert doc == "doc003.en.txt"
    assert "doc003.en.txt (byte offset 3): not valid utf-8" in error
    assert summary["counts"]["documents_failed"] == 1


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_run_resumes_to_the_uninterrupted_output(corpus: tuple[Path, Path],
                                                        serial_run: tuple[Path, dict[str, Any]],
                                                        tmp_path: Path, sig: signal.Signals) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, __file__, str(corpus[0]), str(corpus[1]), str(out), "2"],
                            env=_env(FAKE_DELAY="0.05"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    done = 0
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            done = len(list(out.glob(".shards/*/done.json")))
            if done >= 20:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        os.killpg(proc.pid, sig)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert not (out / "corpus.tsv").exists()
    finished = len(list(out.glob(".shards/*/done.json")))
    assert 20 <= finished < N_DOCS
    summary = _run(*corpus, out, 1)
    assert summary["skipped"] == finished
    assert _outputs(out) == _outputs(serial_run[0])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
