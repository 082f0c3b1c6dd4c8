"""Helpers for the Argos Translate tests (imported by test modules; not a conftest plugin).

Argos reads ``ARGOS_PACKAGES_DIR`` and ``XDG_*`` once, when first imported, and creates
folders there; so everything that imports it runs in a subprocess whose environment
points at temporary folders, with sockets blocked before any import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BUILDER = REPO / "scripts" / "build_test_model.py"

BLOCK_NETWORK = """
import socket as _s
def _no_network(*a, **k):
    raise OSError("network access is blocked in tests")
_s.socket.connect = _no_network
_s.socket.connect_ex = _no_network
_s.create_connection = _no_network
_s.getaddrinfo = _no_network
"""


def require_argos() -> None:
    """Skip unless the ``argos`` extra is installed (importing the bare package has no side effects)."""
    pytest.importorskip("argostranslate")
    pytest.importorskip("ctranslate2")
    pytest.importorskip("sentencepiece")


def argos_env(root: Path) -> dict[str, str]:
    """An environment whose Argos folders, caches and home all live under ``root``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOS_", "XDG_"))}
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = str(root / var.lower())
    env["HOME"] = str(root / "home")
    env["ARGOS_PACKAGES_DIR"] = str(root / "packages")
    env["ARGOS_INTRA_THREADS"] = "1"  # no OpenMP spinning on a busy 2-core machine
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_py(code: str, env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter with the network blocked."""
    return subprocess.run([sys.executable, "-c", BLOCK_NETWORK + code, *args], env=env, capture_output=True, check=False,
                          text=True, timeout=timeout)


def run_cli(env: dict[str, str], *argv: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``corpus-tools ARGV`` in a fresh interpreter with the network blocked."""
    code = "import sys\nfrom corpus_tools.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    return run_py(code, env, *argv, timeout=timeout)


def run_json(code: str, env: dict[str, str], *args: str) -> object:
    """Run ``code`` (which prints one JSON document last) and return that document."""
    proc = run_py(code, env, *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def build_model(out: Path) -> Path:
    proc = subprocess.run([sys.executable, str(BUILDER), str(out)], capture_output=True, text=True, timeout=300,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    return out
