"""Gold-standard alignment scores (../shared/eval/alignment), scored with its own score.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "alignment"

pytestmark = pytest.mark.skipif(not (GOLD / "score.py").is_file(), reason="../shared/eval/alignment is absent")


def _eval_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("eval_align", ROOT / "scripts" / "eval_align.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_align"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name,mt,floor", [
    ("textberg", None, 0.78),       # issue 5: > 0.78 without MT (hunalign 0.751)
    ("textberg", "google", 0.85),   # issue 5: > 0.85 with the Google MT (Bleualign 0.809)
])
def test_lexical_textberg(name: str, mt: str | None, floor: float) -> None:
    res = _eval_module().run_set(name, "lexical", mt, GOLD, None)
    assert res["f1_strict"] > floor


@pytest.mark.slow
def test_lexical_transread() -> None:
    res = _eval_module().run_set("transread", "lexical", None, GOLD, None)
    assert res["f1_strict"] > 0.85   # issue 5 (hunalign 0.815)
