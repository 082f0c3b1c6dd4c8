"""JSONL in the Hugging Face translation format.

``{"translation": {"en": ..., "fr": ...}, "id": ..., "score": ..., "origin": ..., ...}``
loads with ``datasets.load_dataset("json", data_files=...)``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: object, what: str, path: str, lineno: int) -> str:
    """A JSON string that is valid Unicode (JSON allows lone surrogates like ``"\\ud800"``; UTF-8 does not)."""
    if not isinstance(value, str):
        raise InputError(path, f"{what} must be a string, not {type(value).__name__}", line=lineno)
    if _SURROGATE.search(value):
        raise InputError(path, f"{what} contains a lone surrogate escape, which is not valid Unicode", line=lineno)
    return value


def _opt_text(value: object, what: str, path: str, lineno: int) -> str | None:
    return None if value is None else _text(value, what, path, lineno)


def iter_json_objects(lines: Iterable[str], path: str,
                      not_object: str = "expected a JSON object") -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; anything but a JSON object is an InputError."""
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"invalid JSON: {exc.msg}", line=lineno, column=exc.colno) from None
        except RecursionError:
            raise InputError(path, "invalid JSON: nested too deeply", line=lineno) from None
        if not isinstance(obj, dict):
            raise InputError(path, not_object, line=lineno)
        yield lineno, obj


_NOT_TRANSLATION = 'expected {"translation": {"<src>": ..., "<tgt>": ...}}'


def read_jsonl(lines: Iterable[str], path: str, src_lang: str | None,
               tgt_lang: str | None) -> Iterator[TranslationUnit]:
    for lineno, obj in iter_json_objects(lines, path, _NOT_TRANSLATION):
        tr = obj.get("translation")
        if not isinstance(tr, dict) or len(tr) < 2:
            raise InputError(path, _NOT_TRANSLATION, line=lineno)
        langs = list(tr)
        s = src_lang if src_lang in tr else langs[0]
        t = tgt_lang if tgt_lang in tr else next(k for k in langs if k != s)
        origin = obj.get("origin") or "human"
        score = obj.get("score")
        raw_id = obj.get("id")
        flags = obj.get("flags") or []
        if not isinstance(flags, list):
            raise InputError(path, "flags must be a list of codes", line=lineno)
        props = {}
        for k, v in obj.items():
            if k not in _RESERVED and v is not None:
                props[_text(k, "a field name", path, lineno)] = _text(
                    v if isinstance(v, str) else json.dumps(v, ensure_ascii=False), f"field {k!r}", path, lineno)
        yield TranslationUnit(
            src=_text(tr[s], f"translation[{s!r}]", path, lineno),
            tgt=_text(tr[t], f"translation[{t!r}]", path, lineno),
            src_lang=_text(s, "a language code", path, lineno), tgt_lang=_text(t, "a language code", path, lineno),
            id=_text(str(raw_id), "id", path, lineno) if isinstance(raw_id, (str, int)) and raw_id != "" else str(lineno),
            score=float(score) if isinstance(score, (int, float)) and not isinstance(score, bool) else None,
            origin=Origin(origin) if origin in ("human", "machine") else Origin.HUMAN,
            model=_opt_text(obj.get("model"), "model", path, lineno),
            doc=_opt_text(obj.get("doc"), "doc", path, lineno),
            flags=tuple(Flag(code=_text(c, "a flag code", path, lineno), category="", severity=Severity.INFO,
                             message="") for c in flags),
            note=_opt_text(obj.get("note"), "note", path, lineno),
            props=props,
        )
