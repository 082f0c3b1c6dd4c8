"""Apply a reviewer's decisions (the JSONL report.html exports) to an output folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from corpus_tools.errors import InputError, UserError
from corpus_tools.model import TranslationUnit

DECISIONS = ("accept", "reject")
REJECT_REASON = "review: rejected"


@dataclass(frozen=True, slots=True)
class Decision:
    """One line of decisions.jsonl: accept (optionally with a corrected target) or reject."""

    id: str
    decision: str
    target: str | None = None
    note: str | None = None
    line: int = 0


def read_decisions(path: str | Path) -> dict[str, Decision]:
    """Decisions by unit id; the last line for an id wins. Malformed lines are InputErrors."""
    from corpus_tools.io.jsonl import iter_json_objects
    from corpus_tools.io.text import iter_lines

    out: dict[str, Decision] = {}
    name = str(path)
    for lineno, obj in iter_json_objects(iter_lines(path), name):
        unit_id, decision = obj.get("id"), obj.get("decision")
        if not isinstance(unit_id, (str, int)) or isinstance(unit_id, bool) or unit_id == "":
            raise InputError(name, 'missing "id"', line=lineno)
        if decision not in DECISIONS:
            raise InputError(name, f'"decision" must be "accept" or "reject", not {decision!r}', line=lineno)
        target, note = obj.get("target"), obj.get("note")
        if target is not None and not isinstance(target, str):
            raise InputError(name, '"target" must be a string', line=lineno)
        if note is not None and not isinstance(note, str):
            raise InputError(name, '"note" must be a string', line=lineno)
        unknown = set(obj) - {"id", "decision", "target", "note"}
        if unknown:
            raise InputError(name, f"unknown field(s) {', '.join(sorted(unknown))}; "
                             "expected id, decision, target, note", line=lineno)
        out[str(unit_id)] = Decision(str(unit_id), decision, target, note or None, lineno)
    return out


def _target_only_codes(outdir: Path) -> dict[str, set[str]]:
    """Per unit id, the flag codes flags.jsonl places only on the target side."""
    from corpus_tools.report.outdir import iter_flags

    tgt: dict[str, set[str]] = {}
    other: dict[str, set[str]] = {}
    for obj in iter_flags(outdir):
        uid = obj.get("unit_id")
        if uid is None:
            continue
        (tgt if obj.get("side") == "tgt" else other).setdefault(str(uid), set()).add(str(obj.get("code")))
    return {uid: codes - other.get(uid, set()) for uid, codes in tgt.items()}


def _reviewed(unit: TranslationUnit, d: Decision | None,
              stale: dict[str, set[str]] | None = None) -> TranslationUnit | None:
    """The unit after its decision: None when rejected, props["reviewed"] set when decided.

    An edited target drops the flags that were only about the old target (``stale``).
    """
    if d is None:
        return unit
    if d.decision == "reject":
        return None
    props = dict(unit.props)
    props.pop("changedate", None)  # the TMX writer stamps a fresh changedate on reviewed units
    if d.target is not None and d.target != unit.tgt:
        props["reviewed"] = "edited"
        drop = (stale or {}).get(unit.id, set())
        unit = replace(unit, tgt=d.target, flags=tuple(f for f in unit.flags if f.code not in drop))
    else:
        props["reviewed"] = "accepted"
    if d.note:
        props["review_note"] = d.note
    return replace(unit, props=props)


def apply_decisions(outdir: str | Path, decisions: str | Path, finaldir: str | Path) -> dict[str, int]:
    """Write FINALDIR/corpus.{tmx,tsv,jsonl} and rejects.tsv from OUTDIR/corpus.jsonl and the decisions.

    FINALDIR/rejects.tsv holds OUTDIR's rejects followed by the rejected units (both sides,
    reason "review: rejected").
    Returns counts: accepted, rejected, edited, unchanged. Every id in the decisions must
    be a unit of the corpus (checked before anything is written).
    """
    from corpus_tools.io import read_units, write_units
    from corpus_tools.io.atomic import atomic_output, check_writable
    from corpus_tools.io.tsv import escape_field
    from corpus_tools.report.outdir import CORPUS, iter_rejects, read_run

    outdir, finaldir = Path(outdir), Path(finaldir)
    corpus = outdir / CORPUS
    if not corpus.is_file():
        raise InputError(str(corpus), "no such file (is this a corpus-tools output folder?)")
    if finaldir.resolve() == outdir.resolve():
        raise UserError(f"{finaldir}: the final folder must differ from the output folder it reads")
    check_writable(finaldir / "corpus.tmx")
    run = read_run(outdir)
    src_lang, tgt_lang = run.get("src_lang"), run.get("tgt_lang")
    by_id = read_decisions(decisions)
    stale = _target_only_codes(outdir)

    def units() -> Iterator[TranslationUnit]:
        return read_units(corpus, src_lang, tgt_lang, fmt="jsonl")

    seen: set[str] = set()
    first: TranslationUnit | None = None
    for u in units():
        first = first or u
        seen.add(u.id)
    missing = [d for d in by_id.values() if d.id not in seen]
    if missing:
        unknown = min(missing, key=lambda m: m.line)
        raise InputError(str(decisions), f"unknown unit id {unknown.id!r} (not in {corpus})", line=unknown.line)
    if first is None:
        src_lang, tgt_lang = src_lang or "src", tgt_lang or "tgt"
    else:
        src_lang, tgt_lang = first.src_lang, first.tgt_lang

    counts = {"accepted": 0, "rejected": 0, "edited": 0, "unchanged": 0}
    with atomic_output(finaldir / "rejects.tsv") as f:
        f.write("doc\tside\tindex\treason\ttext\n")
        for r in iter_rejects(outdir):  # the pipeline's rejects first, so FINALDIR is complete
            f.write("\t".join(escape_field(x) for x in (r.doc, r.side, r.index, r.reason, r.text)) + "\n")
        for u in units():
            d = by_id.get(u.id)
            after = _reviewed(u, d, stale)
            if d is None:
                counts["unchanged"] += 1
            elif after is not None:
                counts["edited" if after.props.get("reviewed") == "edited" else "accepted"] += 1
            else:
                counts["rejected"] += 1
                doc = escape_field(u.doc or "")
                for side, ids, text in (("src", "src_ids", u.src), ("tgt", "tgt_ids", u.tgt)):
                    f.write("\t".join([doc, side, escape_field(u.props.get(ids, "")), REJECT_REASON,
                                       escape_field(text)]) + "\n")

    def kept() -> Iterator[TranslationUnit]:
        for u in units():
            after = _reviewed(u, by_id.get(u.id), stale)
            if after is not None:
                yield after

    header = {"reviewed": str(counts["accepted"] + counts["edited"]), "review-rejected": str(counts["rejected"])}
    for name in ("corpus.tmx", "corpus.tsv", "corpus.jsonl"):
        write_units(kept(), finaldir / name, src_lang=src_lang, tgt_lang=tgt_lang,
                    header_props=header if name.endswith(".tmx") else None)
    return counts
