"""JSONL in the Hugging Face translation format.

``{"translation": {"en": ..., "fr": ...}, "id": ..., "score": ..., "origin": ..., ...}``
loads with ``datasets.load_dataset("json", data_files=...)``.
"""

from __future__ import annotations

import json
from typing import IO, Iterable, Iterator

from corpus_tools.errors import InputError
from corpus_tools.model import Flag, Origin, Severity, TranslationUnit

_RESERVED = ("translation", "id", "score", "origin", "model", "doc", "flags", "note")


def unit_to_json(unit: TranslationUnit) -> dict[str, object]:
    obj: dict[str, object] = {
        "id": unit.id,
        "translation": {unit.src_lang: unit.src, unit.tgt_lang: unit.tgt},
        "score": None if unit.score is None else round(unit.score, 4),
        "origin": unit.origin.value,
        "model": unit.model,
        "doc": unit.doc,
        "flags": list(unit.flag_codes),
        "note": unit.note,
    }
    for key, value in unit.props.items():
        if key not in _RESERVED:
            obj[key] = value
    return obj


def write_jsonl(units: Iterable[TranslationUnit], out: IO[str]) -> int:
    n = 0
    for unit in units:
        out.write(json.dumps(unit_to_json(unit), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def read_jsonl(lines: Iterable[str], path: str, src_lang: str | None,
               tgt_lang: str | None) -> Iterator[TranslationUnit]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"invalid JSON: {exc.msg}", line=lineno, column=exc.colno) from None
        tr = obj.get("translation") if isinstance(obj, dict) else None
        if not isinstance(tr, dict) or len(tr) < 2:
            raise InputError(path, 'expected {"translation": {"<src>": ..., "<tgt>": ...}}', line=lineno)
        langs = list(tr)
        s = src_lang if src_lang in tr else langs[0]
        t = tgt_lang if tgt_lang in tr else next(k for k in langs if k != s)
        origin = obj.get("origin") or "human"
        score = obj.get("score")
        yield TranslationUnit(
            src=str(tr[s]), tgt=str(tr[t]), src_lang=s, tgt_lang=t,
            id=str(obj.get("id") or lineno),
            score=float(score) if isinstance(score, (int, float)) else None,
            origin=Origin(origin) if origin in ("human", "machine") else Origin.HUMAN,
            model=obj.get("model"), doc=obj.get("doc"),
            flags=tuple(Flag(code=str(c), category="", severity=Severity.INFO, message="")
                        for c in obj.get("flags") or ()),
            note=obj.get("note"),
            props={k: str(v) for k, v in obj.items() if k not in _RESERVED and v is not None},
        )
