"""A small, hand-written ``prepare`` output folder for the report and review tests."""

from __future__ import annotations

import json
from pathlib import Path

from corpus_tools.io import write_units
from corpus_tools.model import Flag, Origin, Severity, TranslationUnit

SRC, TGT = "en", "fr"

# (id, src, tgt, score, origin, doc, extra props)
UNITS = [
    ("u1", "The summit opened in Geneva on Monday.", "Le sommet s'est ouvert lundi à Genève.", 0.93, "human", "geneva.txt", {"src_ids": "0", "tgt_ids": "0"}),
    ("u2", "Leaders discussed <b>climate</b> & trade.", "Les dirigeants ont discuté du <b>climat</b> & du commerce.", 0.81, "human", "geneva.txt", {"src_ids": "1", "tgt_ids": "1"}),
    ("u3", "Talks ended late.", "Les pourparlers ont pris fin tard. Puis ils sont partis.", 0.34, "human", "geneva.txt", {"src_ids": "2", "tgt_ids": "2,3"}),
    ("u4", "<script>alert(1)</script><img src=x onerror=\"window.__pwned=1\">", "</script><script>window.__pwned=2</script>", 0.12, "machine", "evil.txt", {"src_ids": "0", "tgt_ids": "0"}),
    ("u5", "Emoji 🎉 then flagged word here.", "Émoji 🎉 puis mot signalé ici.", None, "machine", "evil.txt", {"src_ids": "1", "tgt_ids": "1", "caption": "1"}),
    ("u6", "A clean sentence.", "Une phrase propre.", 0.99, "human", "geneva.txt", {"src_ids": "3", "tgt_ids": "4"}),
]

# Unit flags carry unit_id and offsets into that side; document flags carry offsets into the original.
FLAGS = [
    {"code": "MT001", "category": "mt", "severity": "major", "message": "untranslated <b>", "side": "tgt",
     "start": 30, "end": 43, "span": "<b>climat</b>", "unit_id": "u2", "doc": "geneva.txt"},
    {"code": "AL002", "category": "alignment", "severity": "critical", "message": "target has an extra sentence",
     "side": "tgt", "start": 35, "end": 56, "unit_id": "u3", "doc": "geneva.txt"},
    {"code": "LEN01", "category": "length", "severity": "minor", "message": "length ratio 3.2", "unit_id": "u3",
     "doc": "geneva.txt"},
    {"code": "XSS\"'<", "category": "qa", "severity": "info", "message": "<img src=x onerror=\"window.__pwned=3\">",
     "suggestion": "</script>", "side": "src", "start": 0, "end": 8, "unit_id": "u4", "doc": "evil.txt"},
    # offsets after a non-BMP character: "flagged" is code points 13..20 in the source (UTF-16: 14..21)
    {"code": "TERM1", "category": "terminology", "severity": "minor", "message": "check term", "side": "src",
     "start": 13, "end": 20, "span": "flagged", "unit_id": "u5", "doc": "evil.txt"},
    {"code": "TERM1", "category": "terminology", "severity": "minor", "message": "check term", "side": "tgt",
     "start": 13, "end": 17, "span": "mot ", "unit_id": "u5", "doc": "evil.txt"},
    {"code": "CL001", "category": "cleaning", "severity": "info", "message": "page furniture removed",
     "span": "Page 3 of 12\n", "suggestion": "", "start": 120, "end": 133, "auto_fixed": True, "doc": "geneva.txt"},
    {"code": "CL002", "category": "cleaning", "severity": "info", "message": "typography: straight quote",
     "span": "'", "suggestion": "\u2019", "start": 40, "end": 41, "auto_fixed": True, "doc": "geneva.txt"},
    {"code": "DOC01", "category": "document", "severity": "minor", "message": "document looks machine-translated",
     "doc": "evil.txt"},
    {"code": "ORPH1", "category": "qa", "severity": "minor", "message": "flag on a unit that is not in the corpus",
     "unit_id": "gone", "doc": "evil.txt"},
]

REJECTS = [
    ("geneva.txt", "src", "7", "unaligned: no counterpart", "A sentence without a partner."),
    ("evil.txt", "tgt", "2", "score below 0.2", "<i>Une phrase</i>\tavec tabulation"),
]


def units() -> list[TranslationUnit]:
    out = []
    for uid, src, tgt, score, origin, doc, props in UNITS:
        codes = [f for f in FLAGS if f.get("unit_id") == uid]
        out.append(TranslationUnit(
            src=src, tgt=tgt, src_lang=SRC, tgt_lang=TGT, id=uid, score=score, origin=Origin(origin),
            model="opus-mt-en-fr" if origin == "machine" else None, doc=doc,
            flags=tuple(Flag(f["code"], f["category"], Severity(f["severity"]), f["message"]) for f in codes),
            props=props))
    return out


def make_outdir(path: Path) -> Path:
    """Write corpus.{tmx,tsv,jsonl}, flags.jsonl, rejects.tsv and run.json into ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    us = units()
    for name in ("corpus.tmx", "corpus.tsv", "corpus.jsonl"):
        write_units(us, path / name, src_lang=SRC, tgt_lang=TGT)
    with open(path / "flags.jsonl", "w", encoding="utf-8") as f:
        for obj in FLAGS:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(path / "rejects.tsv", "w", encoding="utf-8") as f:
        f.write("doc\tside\tindex\treason\ttext\n")
        for row in REJECTS:
            f.write("\t".join(x.replace("\t", "\\t") for x in row) + "\n")
    run = {"tool": "corpus-tools", "version": "0.1.0", "src_lang": SRC, "tgt_lang": TGT,
           "signature": {"seg": "srx", "align": "galechurch", "checks": "default"},
           "counts": {"units": len(us)}, "timings": {}, "documents": ["geneva.txt", "evil.txt"]}
    (path / "run.json").write_text(json.dumps(run), encoding="utf-8")
    return path


def test_fixture_offsets_match_their_spans() -> None:
    by_id = {u[0]: u for u in UNITS}
    for f in FLAGS:
        if f.get("unit_id") in by_id and f.get("side") and f.get("span") is not None:
            text = by_id[f["unit_id"]][1 if f["side"] == "src" else 2]
            assert text[f["start"]:f["end"]] == f["span"], f["code"]
