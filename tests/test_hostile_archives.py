"""``models install`` refuses archives that would write outside their folder, and writes nothing then."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from tests.test_reliability_support import (
    assert_clean_failure,
    need,
    run_cli,
    run_sub,
    snapshot,
)

META = json.dumps({"package_version": "1.0", "from_code": "en", "to_code": "fr", "type": "translate",
                   "code": "translate-en_fr"})


def _zip(path: Path, members: list[tuple[str, str | None]], symlinks: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members:
            if data is None:
                zf.writestr(zipfile.ZipInfo(name if name.endswith("/") else name + "/"), "")
            else:
                zf.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return path


GOOD = [("pkg/", None), ("pkg/metadata.json", META), ("pkg/model/model.bin", "weights")]

EVIL = {
    "absolute": GOOD + [("/tmp/evil-absolute.txt", "x")],
    "dotdot": GOOD + [("pkg/../../evil-dotdot.txt", "x")],
    "dotdot-top": GOOD + [("../evil.txt", "x")],
    "backslash-dotdot": GOOD + [("pkg\\..\\..\\evil.txt", "x")],
    "windows-drive": GOOD + [("C:/evil.txt", "x")],
    "two-top-folders": GOOD + [("other/metadata.json", META)],
    "file-at-top": GOOD + [("README", "x")],
    "no-metadata": [("pkg/", None), ("pkg/model.bin", "x")],
    "empty": [],
}


@pytest.fixture
def argos_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    need("corpus_tools.translate.packages")
    from corpus_tools.translate import packages

    d = tmp_path / "argos-packages"
    monkeypatch.setattr(packages, "package_dirs", lambda: [d])
    return d


def _state(tmp_path: Path) -> dict[str, bytes]:
    return snapshot(tmp_path)


@pytest.mark.parametrize("case", sorted(EVIL))
def test_refuses_escaping_archives(tmp_path: Path, argos_dir: Path, case: str) -> None:
    pkg = _zip(tmp_path / f"{case}.argosmodel", EVIL[case])
    before = _state(tmp_path)
    o = run_cli(["models", "install", pkg])
    assert_clean_failure(o, mentions=[pkg.name])
    assert _state(tmp_path) == before, "something was written"
    assert not (tmp_path.parent / "evil-dotdot.txt").exists()
    assert not Path("/tmp/evil-absolute.txt").exists()


def test_refuses_symlinks(tmp_path: Path, argos_dir: Path) -> None:
    pkg = _zip(tmp_path / "link.argosmodel", GOOD, symlinks={"pkg/passwd": "/etc/passwd"})
    before = _state(tmp_path)
    o = run_cli(["models", "install", pkg])
    assert_clean_failure(o, mentions=["link.argosmodel"])
    assert _state(tmp_path) == before


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04truncated", b"\x00" * 100])
def test_refuses_non_archives(tmp_path: Path, argos_dir: Path, data: bytes) -> None:
    pkg = tmp_path / "x.argosmodel"
    pkg.write_bytes(data)
    before = _state(tmp_path)
    o = run_cli(["models", "install", pkg])
    assert_clean_failure(o)
    assert _state(tmp_path) == before


def test_missing_archive(tmp_path: Path, argos_dir: Path) -> None:
    o = run_cli(["models", "install", tmp_path / "nope.argosmodel"])
    assert_clean_failure(o)
    assert not argos_dir.exists() or not any(argos_dir.iterdir())


def test_good_archive_installs_inside_the_package_folder(tmp_path: Path, argos_dir: Path) -> None:
    """The control: the same layout without the hostile member installs, and only under argos_dir/pkg."""
    pkg = _zip(tmp_path / "good.argosmodel", GOOD)
    o = run_cli(["models", "install", pkg])
    assert o.rc == 0, o.err
    assert (argos_dir / "pkg" / "metadata.json").is_file()
    assert sorted(p.name for p in argos_dir.iterdir() if not p.name.startswith(".")) == ["pkg"]
    assert not [p for p in argos_dir.iterdir() if p.name.startswith(".installing")]


def test_real_cli_with_argos_env(tmp_path: Path) -> None:
    """Through a real process and ARGOS_PACKAGES_DIR (how users point it elsewhere)."""
    need("corpus_tools.translate.packages")
    pytest.importorskip("argostranslate")
    d = tmp_path / "pk"
    pkg = _zip(tmp_path / "evil.argosmodel", EVIL["dotdot"])
    o = run_sub(["models", "install", pkg], env={"ARGOS_PACKAGES_DIR": str(d), "HOME": str(tmp_path / "home"),
                                                 "XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert_clean_failure(o, mentions=["evil.argosmodel"])
    assert not (tmp_path.parent / "evil-dotdot.txt").exists()
    assert not d.exists() or not any(d.iterdir())
