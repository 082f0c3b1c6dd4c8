"""`corpus-tools models`: install from a file, list, remove, refuse unsafe zips, fail cleanly offline."""

from __future__ import annotations

import stat
import zipfile
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


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_model(tmp_path_factory.mktemp("model") / "m.argosmodel")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return argos_env(tmp_path / "argos")


def test_install_list_remove_roundtrip(model_file: Path, env: dict[str, str]) -> None:
    packages = Path(env["ARGOS_PACKAGES_DIR"])
    proc = run_cli(env, "models", "list")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""

    proc = run_cli(env, "models", "install", str(model_file))
    assert proc.returncode == 0, proc.stderr
    assert [p.name for p in packages.iterdir()] == ["translate-en_fr-1_0"]

    proc = run_cli(env, "models", "list")
    assert proc.returncode == 0, proc.stderr
    fields = proc.stdout.strip().split("\t")
    assert fields[:4] == ["en", "fr", "1.0", "translate-en_fr-1.0"]

    # Argos itself (what argospm uses) sees the package we installed
    seen = run_json("import json, argostranslate.package as p\n"
                    "print(json.dumps([[k.from_code, k.to_code] for k in p.get_installed_packages()]))", env)
    assert seen == [["en", "fr"]]

    proc = run_cli(env, "models", "remove", "en", "fr")
    assert proc.returncode == 0, proc.stderr
    assert list(packages.iterdir()) == []
    assert run_cli(env, "models", "remove", "en", "fr").returncode == 2


def test_package_installed_by_argos_is_listed(model_file: Path, env: dict[str, str]) -> None:
    run_json("import argostranslate.package as p, sys\n"
             "p.install_from_path(sys.argv[1])\nprint('{}')", env, str(model_file))
    proc = run_cli(env, "models", "list")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("en\tfr\t1.0\t")


def _zip(path: Path, members: list[tuple[str, bytes]], symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members:
            zf.writestr(name, data)
        if symlink is not None:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


META = ("pkg/metadata.json", b'{"from_code": "en", "to_code": "fr", "package_version": "1"}')

UNSAFE = [
    ("parent", [META, ("pkg/../../escaped.txt", b"x")], None),
    ("parent-top", [META, ("../escaped.txt", b"x")], None),
    ("absolute", [META, ("/tmp/escaped-corpus-tools.txt", b"x")], None),
    ("symlink", [META], "pkg/link"),
    ("two-tops", [META, ("other/metadata.json", b"{}")], None),
    ("top-level-file", [META, ("escaped.txt", b"x")], None),
    ("no-metadata", [("pkg/model/model.bin", b"x")], None),
]


@pytest.mark.parametrize("name,members,symlink", UNSAFE, ids=[u[0] for u in UNSAFE])
def test_unsafe_package_refused_and_nothing_written(tmp_path: Path, env: dict[str, str], name: str,
                                                    members: list[tuple[str, bytes]], symlink: str | None) -> None:
    bad = _zip(tmp_path / f"{name}.argosmodel", members, symlink)
    def outside_argos() -> set[Path]:
        return {p for p in tmp_path.rglob("*") if p.relative_to(tmp_path).parts[0] != "argos"}

    before = outside_argos()
    proc = run_cli(env, "models", "install", str(bad))
    assert proc.returncode == 2, proc.stderr
    assert "error:" in proc.stderr
    packages = Path(env["ARGOS_PACKAGES_DIR"])
    assert not packages.exists() or list(packages.iterdir()) == []
    assert outside_argos() == before
    assert not Path("/tmp/escaped-corpus-tools.txt").exists()


def test_not_a_zip_refused(tmp_path: Path, env: dict[str, str]) -> None:
    bad = tmp_path / "x.argosmodel"
    bad.write_text("not a zip", encoding="utf-8")
    proc = run_cli(env, "models", "install", str(bad))
    assert proc.returncode == 2
    assert "not a zip" in proc.stderr


def test_online_install_offline_says_so(env: dict[str, str]) -> None:
    proc = run_cli(env, "models", "install", "en", "fr")
    assert proc.returncode == 2
    assert "offline" in proc.stderr
    assert "models install FILE.argosmodel" in proc.stderr


def test_translate_without_package_lists_installed_pairs(tmp_path: Path, env: dict[str, str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Hello world.\n", encoding="utf-8")
    proc = run_cli(env, "translate", str(src), "--src-lang", "en", "--tgt-lang", "de", "-o", str(tmp_path / "o.tsv"))
    assert proc.returncode == 2
    assert "no Argos Translate package for en->de" in proc.stderr
    assert "installed: none" in proc.stderr
