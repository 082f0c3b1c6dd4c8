"""Outputs: atomic (the previous complete file or none, whatever happens), unwritable paths refused
before work, Ctrl-C / SIGTERM exit 130 with one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus_tools.io.atomic import atomic_output
from tests.test_reliability_support import (
    EN,
    FAST_PREPARE,
    FR,
    assert_clean_failure,
    check_jsonl,
    check_outdir,
    check_tmx,
    check_tsv,
    need_prepare,
    run_cli,
)

UNITS = [("Hello world.", "Bonjour le monde."), ("Second one.", "Deuxième.")]


def _tsv(path: Path, n: int, bad_last: bool = False) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(f"Sentence number {i} of the corpus.\tPhrase numéro {i} du corpus.\n" for i in range(n))
        if bad_last:
            f.write("a line without a tab\n")
    return path


def _check(path: Path) -> None:
    name = path.name
    if name.endswith((".tmx", ".tmx.gz")):
        check_tmx(path)
    elif name.endswith(".jsonl"):
        check_jsonl(path)
    else:
        check_tsv(path, min_fields=2 if name.endswith(".tsv") else 1)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ---------------------------------------------------------------------------------------------
# Unwritable outputs: exit 2 before any work

def _unwritable(tmp_path: Path) -> dict[str, Path]:
    afile = tmp_path / "a-file"
    afile.write_text("x", encoding="utf-8")
    adir = tmp_path / "a-dir.tsv"
    adir.mkdir()
    cases = {"parent is a file": afile / "out.tsv", "deeper under a file": afile / "sub" / "out.tsv",
             "output is a folder": adir, "in /proc": Path("/proc/self/no-such/out.tsv")}
    if os.geteuid() != 0:  # root writes anywhere: only a non-root run can test permissions
        ro = tmp_path / "read-only"
        ro.mkdir()
        ro.chmod(0o555)
        cases["read-only folder"] = ro / "out.tsv"
    return cases


@pytest.mark.parametrize("case", ["parent is a file", "deeper under a file", "output is a folder", "in /proc",
                                  "read-only folder"])
def test_convert_unwritable_output(tmp_path: Path, case: str) -> None:
    cases = _unwritable(tmp_path)
    if case not in cases:
        pytest.skip("running as root: permissions do not stop root")
    src = _tsv(tmp_path / "in.tsv", 3)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    o = run_cli(["convert", src, cases[case], "--src-lang", "en", "--tgt-lang", "fr"])
    assert_clean_failure(o, mentions=[str(cases[case])])
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


@pytest.mark.parametrize("case", ["parent is a file", "output is a folder file", "in /proc"])
def test_prepare_unwritable_output(tmp_path: Path, case: str) -> None:
    need_prepare()
    afile = tmp_path / "a-file"
    afile.write_text("x", encoding="utf-8")
    out = {"parent is a file": afile / "out", "output is a folder file": afile,
           "in /proc": Path("/proc/self/no-such/out")}[case]
    o = run_cli(["prepare", EN, FR, "-o", out, *FAST_PREPARE, "--no-check"])
    assert_clean_failure(o, mentions=[str(out)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_convert_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    src = _tsv(tmp_path / "in.tsv", 3)
    before = src.read_bytes()
    link = tmp_path / "link.tsv"
    link.symlink_to(src)
    for out in (src, link):
        o = run_cli(["convert", src, out, "--src-lang", "en", "--tgt-lang", "fr"])
        assert_clean_failure(o)
        assert src.read_bytes() == before


# ---------------------------------------------------------------------------------------------
# A failure half-way leaves the previous complete file

@pytest.mark.parametrize("out_name", ["out.tmx", "out.tmx.gz", "out.tsv", "out.jsonl", "out.fr"])
def test_error_half_way_keeps_previous_output(tmp_path: Path, out_name: str) -> None:
    out = tmp_path / out_name
    good = _tsv(tmp_path / "good.tsv", 5)
    assert run_cli(["convert", good, out, "--src-lang", "en", "--tgt-lang", "fr"]).rc == 0
    written = sorted(p for p in tmp_path.iterdir() if p.name.startswith("out."))
    before = {p.name: p.read_bytes() for p in written}
    bad = _tsv(tmp_path / "bad.tsv", 5000, bad_last=True)  # fails after 5000 units were written
    o = run_cli(["convert", bad, out, "--src-lang", "en", "--tgt-lang", "fr"])
    assert_clean_failure(o, mentions=["bad.tsv", "line 5001"])
    assert {p.name: p.read_bytes() for p in written} == before
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("exc", [RuntimeError("crash"), KeyboardInterrupt(), MemoryError()])
def test_atomic_output_on_any_exception(tmp_path: Path, exc: BaseException) -> None:
    target = tmp_path / "f.txt"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(type(exc)), atomic_output(target) as f:
        f.write("half")
        raise exc
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert _leftovers(tmp_path) == []


def test_atomic_output_replaces_a_symlink_not_its_target(tmp_path: Path) -> None:
    """Writing through a planted symlink must not write outside the output folder."""
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "corpus.tsv").symlink_to(outside)
    with atomic_output(folder / "corpus.tsv") as f:
        f.write("new\n")
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    assert not (folder / "corpus.tsv").is_symlink()


# ---------------------------------------------------------------------------------------------
# Real signals (subprocesses)

def _start(argv: list[str], cwd: Path, **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "corpus_tools", *map(str, argv)], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)  # type: ignore[call-overload]


def _wait_for(pred, proc: subprocess.Popen[str], limit: float = 60.0) -> bool:
    """Poll until ``pred()``; False if the process ended first (a hang guard, not a timing assertion)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if pred():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.002)
    return False


@pytest.fixture(scope="module")
def big_tsv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tsv(tmp_path_factory.mktemp("big") / "big.tsv", 400_000)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=lambda s: s.name)
def test_signal_during_write_leaves_previous_file(tmp_path: Path, big_tsv: Path, sig: signal.Signals) -> None:
    out = tmp_path / "corpus.tmx"
    small = _tsv(tmp_path / "small.tsv", 3)
    assert run_cli(["convert", small, out, "--src-lang", "en", "--tgt-lang", "fr"]).rc == 0
    before = out.read_bytes()
    proc = _start(["convert", big_tsv, out, "--src-lang", "en", "--tgt-lang", "fr"], tmp_path)
    try:
        started = _wait_for(lambda: bool(_leftovers(tmp_path)), proc)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    if not started:
        pytest.skip("the conversion finished before it could be interrupted")
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130, err
        assert err.strip().splitlines() == ["corpus-tools convert: interrupted"], err
        assert _leftovers(tmp_path) == [], "temporary file left behind"
    assert out.read_bytes() == before  # never half-written: the previous complete file


def _docs(tmp_path: Path, n: int) -> tuple[Path, Path]:
    src, tgt = tmp_path / "en", tmp_path / "fr"
    src.mkdir()
    tgt.mkdir()
    for i in range(n):
        (src / f"doc{i:02d}.txt").write_bytes(EN.read_bytes())
        (tgt / f"doc{i:02d}.txt").write_bytes(FR.read_bytes())
    return src, tgt


def test_prepare_killed_then_resumed(tmp_path: Path) -> None:
    """SIGTERM mid-run: exit 130, one line, no corpus file with a final name; the rerun completes."""
    need_prepare()
    src, tgt = _docs(tmp_path, 12)
    out = tmp_path / "out"
    argv = ["prepare", src, tgt, "-o", out, *FAST_PREPARE, "--no-check"]
    proc = _start(argv, tmp_path)
    try:
        started = _wait_for(lambda: len(list((out / ".shards").glob("*/done.json"))) >= 1, proc)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    if not started or proc.returncode == 0:
        pytest.skip("prepare finished before it could be interrupted")
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines() == ["corpus-tools prepare: interrupted"], err
    assert not list(out.glob("corpus.*")), "a corpus file appeared although the run was interrupted"
    assert _leftovers(out) == []
    o = run_cli(argv)
    assert o.rc == 0, o.err
    run = check_outdir(out)
    assert run["documents_skipped"] >= 1
    assert len(run["documents"]) == 12


def test_ctrl_c_on_parallel_prepare_is_one_line(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group (workers too): still one line, no traceback."""
    need_prepare()
    src, tgt = _docs(tmp_path, 12)
    out = tmp_path / "out"
    argv = ["prepare", src, tgt, "-o", out, *FAST_PREPARE, "--no-check"]
    argv[argv.index("--jobs") + 1] = "2"
    proc = _start(argv, tmp_path, start_new_session=True)
    try:
        started = _wait_for(lambda: len(list((out / ".shards").glob("*/done.json"))) >= 1, proc)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    if not started or proc.returncode == 0:
        pytest.skip("prepare finished before it could be interrupted")
    assert "Traceback" not in err, err
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["corpus-tools prepare: interrupted"], err
    assert not list(out.glob("corpus.*"))


def test_disk_full_is_one_line_and_keeps_previous_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import corpus_tools.io.tsv as tsv_mod

    out = tmp_path / "out.tsv"
    src = _tsv(tmp_path / "in.tsv", 3)
    assert run_cli(["convert", src, out, "--src-lang", "en", "--tgt-lang", "fr"]).rc == 0
    before = out.read_bytes()

    def full(*args: object, **kw: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tsv_mod, "write_tsv", full)
    o = run_cli(["convert", src, out, "--src-lang", "en", "--tgt-lang", "fr"])
    assert_clean_failure(o, mentions=["No space left on device"])
    assert out.read_bytes() == before
    assert _leftovers(tmp_path) == []
