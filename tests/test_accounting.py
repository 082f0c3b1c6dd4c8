"""Nothing lost: every input sentence of every document is in exactly one place, a unit of the
corpus or a line of rejects.tsv with its reason, and run.json's counts add up."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_reliability_support import (
    EN,
    FAST_PREPARE,
    FR,
    check_jsonl,
    check_outdir,
    need_prepare,
    read_rejects,
    run_cli,
)


def _places(out: Path) -> tuple[Counter, list[dict]]:
    """(doc, side, index) -> how many places it appears in (units + rejects)."""
    seen: Counter = Counter()
    for row in check_jsonl(out / "corpus.jsonl"):
        for side in ("src", "tgt"):
            ids = row.get(f"{side}_ids", "")
            for i in filter(None, str(ids).split(",")):
                seen[(row["doc"], side, int(i))] += 1
    rejects = read_rejects(out / "rejects.tsv")
    for r in rejects:
        seen[(r["doc"], r["side"], int(r["index"]))] += 1
    return seen, rejects


def assert_accounted(out: Path) -> dict:
    run = check_outdir(out)
    seen, rejects = _places(out)
    totals: Counter = Counter()
    for doc in run["documents"]:
        c = doc["counts"]
        for side in ("src", "tgt"):
            n = c.get(f"{side}_sentences", 0)
            for i in range(n):
                assert seen[(doc["name"], side, i)] == 1, (doc["name"], side, i, seen[(doc["name"], side, i)])
            assert c.get(f"{side}_in_units", 0) + c.get(f"{side}_rejected", 0) == n, (doc["name"], side, c)
        for k, v in c.items():
            totals[k] += v
    expected = {(d["name"], side, i) for d in run["documents"] for side in ("src", "tgt")
                for i in range(d["counts"].get(f"{side}_sentences", 0))}
    assert set(seen) == expected, f"places for sentences that do not exist: {sorted(set(seen) - expected)[:5]}"
    counts = run["counts"]
    assert {k: counts.get(k, 0) for k in totals} == dict(totals)
    assert counts.get("src_rejected", 0) + counts.get("tgt_rejected", 0) == len(rejects)
    assert all(r["reason"].strip() for r in rejects), "a reject without a reason"
    return run


@pytest.mark.parametrize("extra", [(), ("--min-score", "0.6"), ("--min-score", "0.95")], ids=["all", "0.6", "0.95"])
def test_sample_is_fully_accounted(tmp_path: Path, extra: tuple[str, ...]) -> None:
    need_prepare()
    out = tmp_path / "out"
    o = run_cli(["prepare", EN, FR, "-o", out, *FAST_PREPARE, "--no-check", *extra])
    assert o.rc == 0, o.err
    run = assert_accounted(out)
    assert run["counts"]["src_sentences"] >= 40
    if extra and extra[1] == "0.95":
        assert run["counts"]["src_rejected"] > 0  # the threshold really sent something to rejects.tsv


def test_sample_with_checks_and_drop_severity(tmp_path: Path) -> None:
    need_prepare(check=True)
    out = tmp_path / "out"
    o = run_cli(["prepare", EN, FR, "-o", out, *FAST_PREPARE, "--drop-severity", "minor"])
    assert o.rc == 0, o.err
    assert_accounted(out)


def test_unbalanced_documents(tmp_path: Path) -> None:
    """A target with paragraphs the source lacks (and the other way round): extras become rejects."""
    need_prepare()
    src = tmp_path / "a.en.txt"
    tgt = tmp_path / "a.fr.txt"
    en = EN.read_text(encoding="utf-8")
    fr = FR.read_text(encoding="utf-8")
    src.write_text(en.split("\n\n", 3)[-1], encoding="utf-8")
    tgt.write_text(fr + "\n\nUn paragraphe en trop. Avec deux phrases.\n", encoding="utf-8")
    out = tmp_path / "out"
    o = run_cli(["prepare", src, tgt, "-o", out, *FAST_PREPARE, "--no-check"])
    assert o.rc == 0, o.err
    assert_accounted(out)


# ---------------------------------------------------------------------------------------------
# Property-based: random documents

WORDS = ["the", "summit", "leaders", "agreed", "on", "a", "new", "plan", "Mr.", "Dr.", "U.S.", "3.5", "%",
         "«", "»", "(", ")", "e.g.", "...", "Geneva", "le", "sommet", "a", "été", "1,000", "—", "\"", "'",
         "é", "日本", "\u00a0", "\t", "x\u200b"]
END = [".", "!", "?", "...", "", ".\"", ".)"]

sentence = st.builds(lambda ws, e: " ".join(ws) + e, st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
                     st.sampled_from(END))
paragraph = st.builds(" ".join, st.lists(sentence, min_size=0, max_size=5))
document = st.builds("\n\n".join, st.lists(paragraph, min_size=0, max_size=6))
newline = st.sampled_from(["\n", "\r\n", "\r"])


@pytest.fixture(scope="module")
def stages_by_score():
    need_prepare()
    from corpus_tools.pipeline import PrepareConfig, build_stages

    out = {}
    for ms in (None, 0.5):
        cfg = PrepareConfig(src_lang="en", tgt_lang="fr", align_method="lexical", check=False, report=False,
                            min_score=ms)
        out[ms] = build_stages(cfg)
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(src=document, tgt=document, nl=newline, min_score=st.sampled_from([None, 0.5]),
       clean=st.booleans())
def test_every_sentence_in_exactly_one_place(tmp_path_factory: pytest.TempPathFactory, stages_by_score,
                                             src: str, tgt: str, nl: str, min_score: float | None,
                                             clean: bool) -> None:
    from dataclasses import replace

    from corpus_tools.pipeline import DocumentJob, process_document

    d = tmp_path_factory.mktemp("doc")
    (d / "s.txt").write_text(src.replace("\n", nl), encoding="utf-8", newline="")
    (d / "t.txt").write_text(tgt.replace("\n", nl), encoding="utf-8", newline="")
    stages = stages_by_score[min_score]
    if not clean:
        stages = replace(stages, config=replace(stages.config, clean=False))
    res = process_document(DocumentJob("doc", str(d / "s.txt"), str(d / "t.txt")), stages)
    c = res.counts
    for side in ("src", "tgt"):
        places = Counter()
        for u in res.units:
            for i in filter(None, u.props[f"{side}_ids"].split(",")):
                places[int(i)] += 1
        for r in res.rejects:
            if r.side == side:
                assert r.reason
                places[r.index] += 1
        n = c[f"{side}_sentences"]
        assert places == Counter(range(n)), (side, n, places)
        assert c[f"{side}_in_units"] + c[f"{side}_rejected"] == n
    assert c["units"] == len(res.units)
    if not src.strip() and not tgt.strip():
        assert res.warnings  # an empty document is reported, not silent


def test_accounting_through_a_batch_run(tmp_path: Path) -> None:
    """Several documents, one of them empty, through run_prepare and the shard merge."""
    need_prepare()
    src, tgt = tmp_path / "en", tmp_path / "fr"
    src.mkdir()
    tgt.mkdir()
    en = EN.read_text(encoding="utf-8").split("\n\n")
    fr = FR.read_text(encoding="utf-8").split("\n\n")
    for i in range(4):
        (src / f"d{i}.txt").write_text("\n\n".join(en[i::4]), encoding="utf-8")
        (tgt / f"d{i}.txt").write_text("\n\n".join(fr[i::4]), encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    (tgt / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    o = run_cli(["prepare", src, tgt, "-o", out, *FAST_PREPARE, "--no-check", "--min-score", "0.5"])
    assert o.rc == 0, o.err
    run = assert_accounted(out)
    assert len(run["documents"]) == 5
    meta = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert meta["warnings"], "the empty document should be reported"
