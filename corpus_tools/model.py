"""The typed, frozen data model shared by every stage.

Offsets are Unicode code points (Python ``str`` indices), end exclusive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType

_EMPTY: Mapping[str, str] = MappingProxyType({})


class Severity(str, Enum):
    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for critical up to 3 for info: lower is worse."""
        return _SEVERITY_RANK[self.value]


_SEVERITY_RANK = {"critical": 0, "major": 1, "minor": 2, "info": 3}


class Origin(str, Enum):
    """Where the target side of a unit comes from."""

    HUMAN = "human"
    MACHINE = "machine"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text; ``start``/``end`` locate it in the decoded original (if known)."""

    text: str
    index: int
    start: int | None = None
    end: int | None = None
    is_caption: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """A named document as a tuple of paragraphs."""

    name: str
    paragraphs: tuple[Paragraph, ...]
    lang: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence: text plus its span in the paragraph it came from."""

    text: str
    paragraph: int
    start: int
    end: int
    is_caption: bool = False


@dataclass(frozen=True, slots=True)
class Bead:
    """One alignment step: source indices, target indices and a confidence in [0, 1].

    The printed form is vecalign's: ``[0]:[0, 1]:0.93``.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 1.0

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"

    def __str__(self) -> str:
        return f"[{', '.join(map(str, self.src))}]:[{', '.join(map(str, self.tgt))}]:{self.score:.4f}"


@dataclass(frozen=True, slots=True)
class Flag:
    """A QA or MT-artifact finding. Flags mark units; they never drop them.

    ``side`` is ``"src"``, ``"tgt"`` or ``None`` (whole unit / raw text);
    ``start``/``end`` are offsets into that side's text (or the raw file),
    ``span`` is the flagged text.
    """

    code: str
    category: str
    severity: Severity
    message: str
    suggestion: str | None = None
    span: str | None = None
    start: int | None = None
    end: int | None = None
    side: str | None = None
    unit: int | None = None
    auto_fixed: bool = False

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
        }
        for key in ("suggestion", "span", "start", "end", "side", "unit"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.auto_fixed:
            out["auto_fixed"] = True
        return out

    @classmethod
    def from_json(cls, obj: Mapping[str, object]) -> Flag:
        def opt_int(key: str) -> int | None:
            v = obj.get(key)
            return int(v) if isinstance(v, (int, float, str)) and v != "" else None

        def opt_str(key: str) -> str | None:
            v = obj.get(key)
            return None if v is None else str(v)

        return cls(
            code=str(obj["code"]),
            category=str(obj.get("category", "")),
            severity=Severity(str(obj.get("severity", "info"))),
            message=str(obj.get("message", "")),
            suggestion=opt_str("suggestion"),
            span=opt_str("span"),
            start=opt_int("start"),
            end=opt_int("end"),
            side=opt_str("side"),
            unit=opt_int("unit"),
            auto_fixed=bool(obj.get("auto_fixed", False)),
        )


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """A bilingual unit with its provenance.

    ``props`` holds extra machine-readable metadata (written as TMX ``x-`` props
    and JSONL fields): e.g. ``{"doc": "a.txt", "src_ids": "3,4"}``.
    """

    src: str
    tgt: str
    src_lang: str
    tgt_lang: str
    id: str = ""
    score: float | None = None
    origin: Origin = Origin.HUMAN
    model: str | None = None
    doc: str | None = None
    flags: tuple[Flag, ...] = ()
    note: str | None = None
    props: Mapping[str, str] = field(default_factory=lambda: _EMPTY)

    @property
    def flag_codes(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for f in self.flags:
            seen.setdefault(f.code, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Edit:
    """One cleaning edit, located in the original text (code points, end exclusive)."""

    rule: str
    start: int
    end: int
    original: str
    replacement: str

    def to_json(self) -> dict[str, object]:
        return {"rule": self.rule, "start": self.start, "end": self.end,
                "original": self.original, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Reject:
    """A sentence that did not become a unit, with the reason."""

    doc: str
    side: str
    index: int
    text: str
    reason: str
