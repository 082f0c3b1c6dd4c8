"""scripts/bench_corpus.py: a deterministic, varied en-fr news bitext for benchmarks."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "scripts" / "bench_corpus.py"


def _load():
    spec = importlib.util.spec_from_file_location("bench_corpus", _PATH)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_corpus", mod)
    spec.loader.exec_module(mod)
    return mod


bc = _load()
N = 20_000


@pytest.fixture(scope="module")
def labelled() -> list[tuple[str, str, str]]:
    return list(bc.make_labelled_pairs(N, seed=13))


def test_deterministic_for_a_seed() -> None:
    a = list(bc.make_pairs(2000, seed=7))
    assert a == list(bc.make_pairs(2000, seed=7))
    assert a != list(bc.make_pairs(2000, seed=8))
    assert list(bc.make_pairs(500)) == [(s, t) for s, t, _ in bc.make_labelled_pairs(500, seed=13)]


def test_streams() -> None:
    it = bc.make_pairs(10**12)
    assert len(next(it)) == 2  # a generator: nothing built up front


def test_enough_templates() -> None:
    assert len(bc._TEMPLATES) >= 80


def test_almost_all_distinct(labelled: list[tuple[str, str, str]]) -> None:
    assert len({(s, t) for s, t, _ in labelled}) / N >= 0.99


def test_tsv_one_tab_per_line(tmp_path: Path) -> None:
    path = tmp_path / "p.tsv"
    bc.write_tsv(path, 5000, seed=3)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    assert len(lines) == 5001
    for line in lines[:-1]:
        assert line.count("\t") == 1 and "\r" not in line
        assert line.split("\t")[0]
    assert bc.distinct_fraction(path)[0] == 5000


def test_decimal_comma_in_french(labelled: list[tuple[str, str, str]]) -> None:
    with_decimals = 0
    for s, t, kind in labelled:
        if kind != "clean":
            continue
        en = sorted(re.findall(r"\d+\.\d+", s))
        fr = sorted(re.findall(r"\d+,\d+", t))
        assert [x.replace(".", ",") for x in en] == fr, (s, t)
        assert not re.search(r"\d\.\d", t), t
        with_decimals += bool(en)
    assert with_decimals > N * 0.05


def test_typography(labelled: list[tuple[str, str, str]]) -> None:
    for s, t, kind in labelled[:5000]:
        if kind != "clean":
            continue
        assert "'" not in s and "'" not in t
        # a no-break space before ; : ! ? » % and after «, never a plain space or none
        assert not re.search(r"[^\u00a0][;:!?»%]|«[^\u00a0]", t), t
        assert "«" not in s and "»" not in s and "\u00a0" not in s
        assert not re.search(r"\d,\d{3}\b", t), t  # French groups thousands with a space
        assert not re.search(r"\d\s?[ap]\.m\.", t), t


def test_planted_rates(labelled: list[tuple[str, str, str]]) -> None:
    kinds = Counter(k for _, _, k in labelled)
    for kind, rate in (("number", bc.PLANT_NUMBER), ("identical", bc.PLANT_IDENTICAL),
                       ("truncated", bc.PLANT_TRUNCATED), ("empty", bc.PLANT_EMPTY)):
        expected = rate * N
        assert abs(kinds[kind] - expected) <= 4 * expected ** 0.5 + 5, (kind, kinds[kind], expected)
    for s, t, k in labelled:
        if k == "identical":
            assert s == t
        elif k == "empty":
            assert t == ""
        elif k == "truncated":
            assert 0 < len(t.split()) < len(s.split())
        elif k == "number":
            assert re.search(r"\d", t)
        else:
            assert t and t != s


def test_numbers_in_about_forty_percent(labelled: list[tuple[str, str, str]]) -> None:
    share = sum(bool(re.search(r"\d", s)) for s, _, _ in labelled) / N
    assert 0.35 <= share <= 0.45


def test_lengths_vary(labelled: list[tuple[str, str, str]]) -> None:
    lens = sorted(len(s.split()) for s, _, _ in labelled)
    assert lens[0] >= 6 and lens[-1] <= 45
    assert 18 <= lens[len(lens) // 2] <= 24
