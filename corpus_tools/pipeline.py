"""``prepare``: documents in, a bilingual corpus out.

Each document is processed by one pure function (:func:`process_document`) that
writes its own shard atomically, with a completion marker; shards are merged in a
deterministic order into the final outputs. A rerun skips complete shards.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from corpus_tools import __version__
from corpus_tools.errors import ConfigError, CorpusToolsError, InputError, UserError
from corpus_tools.io.atomic import atomic_output, check_writable
from corpus_tools.model import (
    Bead,
    Flag,
    Origin,
    Paragraph,
    Reject,
    Segment,
    TranslationUnit,
)

SHARD_FORMAT = 1
HTML_SUFFIXES = (".html", ".htm")
OUTPUT_FILES = ("corpus.tmx", "corpus.tsv", "corpus.jsonl", "flags.jsonl", "rejects.tsv", "run.json")


@dataclass(frozen=True)
class PrepareConfig:
    """Every option of a ``prepare`` run; also what the run signature is made of."""

    src_lang: str
    tgt_lang: str
    clean: bool = True
    clean_disable: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    segmenter: str = "fast"
    srx: str | None = None
    align_method: str = "auto"
    dictionary: str | None = None
    min_score: float | None = None
    translate: bool = False
    beam_size: int = 2
    threads: int = 0
    device: str = "cpu"
    compute_type: str = "auto"
    mt_backend: str = "argos"
    mt_cache: bool = True
    translate_for_alignment: bool = False
    check: bool = True
    check_disable: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()
    drop_severity: str | None = None
    tsv_columns: tuple[str, ...] = ()
    encoding: str | None = None
    gzip_tmx: bool = False
    report: bool = True

    def key(self) -> str:
        """A hash of the options that change a document's shard (for resume)."""
        data = {k: v for k, v in asdict(self).items() if k not in ("tsv_columns", "gzip_tmx", "report")}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class DocumentJob:
    """One document pair to process; ``name`` is unique in the run."""

    name: str
    src: str
    tgt: str | None


@dataclass
class Stages:
    """The stage objects of a run, built once per process."""

    config: PrepareConfig
    src_segmenter: Any
    tgt_segmenter: Any
    aligner: Any | None
    translator: Any | None
    checker: Any | None

    def signature(self) -> dict[str, str]:
        sig = {
            "tool": f"corpus-tools {__version__}",
            "python": platform.python_version(),
            "cleaner": "clean-1.0" if self.config.clean else "none",
            "segmenter": self.src_segmenter.name,
            "aligner": self.aligner.name if self.aligner is not None else "none",
            "translator": self.translator.name if self.translator is not None else "none",
            "checks": self.checker.name if self.checker is not None else "none",
        }
        if self.config.min_score is not None:
            sig["min_score"] = str(self.config.min_score)
        if self.config.drop_severity:
            sig["drop_severity"] = self.config.drop_severity
        return sig

    def close(self) -> None:
        if self.translator is not None:
            self.translator.close()


def build_stages(config: PrepareConfig, *, with_translator: bool = True) -> Stages:
    """Construct segmenters, aligner, translator and checker for ``config``."""
    from corpus_tools.segment import get_segmenter

    src_seg = get_segmenter(config.src_lang, engine=config.segmenter, srx=config.srx)
    tgt_seg = get_segmenter(config.tgt_lang, engine=config.segmenter, srx=config.srx)
    aligner = None
    if not config.translate:
        from corpus_tools.align import make_aligner

        aligner = make_aligner(config.src_lang, config.tgt_lang, method=config.align_method,
                               dictionary=config.dictionary)
    translator = None
    if with_translator and (config.translate or config.translate_for_alignment):
        translator = make_translator_for(config)
    checker = None
    if config.check:
        from corpus_tools.checks import make_checker

        checker = make_checker(config.src_lang, config.tgt_lang, disable=config.check_disable,
                               lexicons=config.lexicons)
    return Stages(config, src_seg, tgt_seg, aligner, translator, checker)


def make_translator_for(config: PrepareConfig) -> Any:
    from corpus_tools.translate import TranslateOptions, make_translator

    opts = TranslateOptions(beam_size=config.beam_size, threads=config.threads, device=config.device,
                            compute_type=config.compute_type, cache=config.mt_cache, backend=config.mt_backend)
    return make_translator(config.src_lang, config.tgt_lang, opts)


# ---------------------------------------------------------------------------------------------
# One document

@dataclass
class DocumentResult:
    """What one document produced; serialised as a shard."""

    name: str
    units: list[TranslationUnit] = field(default_factory=list)
    doc_flags: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # set when the document could not be processed (batch runs go on)


def _clean_side(path: str, side: str, config: PrepareConfig, doc: str,
                extra_boilerplate: frozenset[str]) -> tuple[list[Paragraph], list[dict[str, Any]]]:
    """Read and clean one side (``"src"``/``"tgt"``); return paragraphs and document flags (JSON-ready)."""
    from corpus_tools.io.text import read_text, split_paragraphs

    lang = config.src_lang if side == "src" else config.tgt_lang
    is_html = path.lower().endswith(HTML_SUFFIXES)
    raw = read_text(path, config.encoding)
    if not config.clean and not is_html:
        return list(split_paragraphs(raw)), []
    from corpus_tools.clean import RULES, CleanConfig, clean_html, clean_text

    # --no-clean on HTML still extracts the text, with every rule off.
    ccfg = CleanConfig(lang=lang, disabled=frozenset(config.clean_disable) if config.clean else frozenset(RULES),
                       boilerplate_files=config.boilerplate, extra_boilerplate_lines=extra_boilerplate)
    res = clean_html(raw, ccfg) if is_html else clean_text(raw, ccfg)
    flags = []
    for f in res.flags:
        obj = f.to_json()
        obj["doc"] = doc
        obj["side"] = side
        flags.append(obj)
    return list(res.paragraphs), flags


def _segments(paragraphs: Iterable[Paragraph], segmenter: Any) -> list[Segment]:
    from corpus_tools.segment import segment_paragraphs

    return list(segment_paragraphs(paragraphs, segmenter))


_SEVERITY_ORDER = ("critical", "major", "minor", "info")


def _too_severe(flags: Sequence[Flag], threshold: str | None) -> Flag | None:
    if not threshold:
        return None
    limit = _SEVERITY_ORDER.index(threshold)
    for f in flags:
        if _SEVERITY_ORDER.index(f.severity.value) <= limit:
            return f
    return None


def process_document(job: DocumentJob, stages: Stages,
                     extra_boilerplate: frozenset[str] = frozenset()) -> DocumentResult:
    """Clean, segment, align (or translate), check one document pair. Pure: no output written."""
    config = stages.config
    res = DocumentResult(name=job.name)
    src_pars, src_flags = _clean_side(job.src, "src", config, job.name, extra_boilerplate)
    res.doc_flags.extend(src_flags)
    src = _segments(src_pars, stages.src_segmenter)
    res.counts["src_paragraphs"] = len(src_pars)
    res.counts["src_sentences"] = len(src)
    machine = job.tgt is None
    scored: list[tuple[str, float | None]] = []
    if machine:
        if stages.translator is None:
            raise ConfigError("no target document and no --translate")
        scored = _translate_scored(stages.translator, [s.text for s in src])
        tgt: list[Segment] = [Segment(t, s.paragraph, 0, len(t), s.is_caption) for s, (t, _) in zip(src, scored)]
        beads = [Bead((i,), (i,), 1.0) for i in range(len(src))]
        res.counts["tgt_sentences"] = len(tgt)
    else:
        assert job.tgt is not None
        tgt_pars, tgt_flags = _clean_side(job.tgt, "tgt", config, job.name, extra_boilerplate)
        res.doc_flags.extend(tgt_flags)
        tgt = _segments(tgt_pars, stages.tgt_segmenter)
        res.counts["tgt_paragraphs"] = len(tgt_pars)
        res.counts["tgt_sentences"] = len(tgt)
        src_mt = None
        if config.translate_for_alignment and stages.translator is not None:
            src_mt = stages.translator.translate([s.text for s in src])
        beads = stages.aligner.align(src, tgt, src_mt=src_mt) if stages.aligner is not None else []
    if not src and not tgt:
        res.warnings.append(f"{job.src}: empty document, no sentences")
    units_src = units_tgt = 0
    for bead in beads:
        if not bead.src or not bead.tgt:
            side, idxs, segs = ("src", bead.src, src) if bead.src else ("tgt", bead.tgt, tgt)
            for i in idxs:
                res.rejects.append(Reject(job.name, side, i, segs[i].text, "unaligned: no counterpart"))
            continue
        s_text = " ".join(src[i].text for i in bead.src)
        t_text = " ".join(tgt[i].text for i in bead.tgt)
        if config.min_score is not None and not machine and bead.score < config.min_score:
            reason = f"low alignment score {bead.score:.3f} < {config.min_score}"
            res.rejects.extend(Reject(job.name, "src", i, src[i].text, reason) for i in bead.src)
            res.rejects.extend(Reject(job.name, "tgt", i, tgt[i].text, reason) for i in bead.tgt)
            continue
        flags: tuple[Flag, ...] = ()
        if stages.checker is not None:
            flags = tuple(stages.checker.check_pair(s_text, t_text))
        bad = _too_severe(flags, config.drop_severity)
        if bad is not None:
            reason = f"flagged {bad.code} ({bad.severity.value}): {bad.message}"
            res.rejects.extend(Reject(job.name, "src", i, src[i].text, reason) for i in bead.src)
            res.rejects.extend(Reject(job.name, "tgt", i, tgt[i].text, reason) for i in bead.tgt)
            continue
        props = {"src_ids": ",".join(map(str, bead.src)), "tgt_ids": ",".join(map(str, bead.tgt)),
                 "bead": bead.kind}
        if any(src[i].is_caption for i in bead.src):
            props["caption"] = "1"
        if machine and scored[bead.src[0]][1] is not None:
            props["mt_score"] = f"{scored[bead.src[0]][1]:.4f}"  # the model's log-probability score
        res.units.append(TranslationUnit(
            src=s_text, tgt=t_text, src_lang=config.src_lang, tgt_lang=config.tgt_lang,
            id=f"{job.name}:{len(res.units) + 1}",
            score=None if machine else round(bead.score, 4),
            origin=Origin.MACHINE if machine else Origin.HUMAN,
            model=stages.translator.model if machine and stages.translator is not None else None,
            doc=job.name, flags=flags, props=props,
        ))
        units_src += len(bead.src)
        units_tgt += len(bead.tgt)
    res.counts["units"] = len(res.units)
    res.counts["src_in_units"] = units_src
    res.counts["tgt_in_units"] = units_tgt
    res.counts["src_rejected"] = sum(1 for r in res.rejects if r.side == "src")
    res.counts["tgt_rejected"] = sum(1 for r in res.rejects if r.side == "tgt")
    res.counts["flags"] = sum(len(u.flags) for u in res.units) + len(res.doc_flags)
    return res


def _translate_scored(translator: Any, sentences: list[str]) -> list[tuple[str, float | None]]:
    if hasattr(translator, "translate_scored"):
        return list(translator.translate_scored(sentences))
    return [(t, None) for t in translator.translate(sentences)]


# ---------------------------------------------------------------------------------------------
# Shards

def _unit_record(unit: TranslationUnit) -> dict[str, Any]:
    return {"src": unit.src, "tgt": unit.tgt, "id": unit.id, "score": unit.score, "origin": unit.origin.value,
            "model": unit.model, "doc": unit.doc, "note": unit.note, "props": dict(unit.props),
            "flags": [f.to_json() for f in unit.flags]}


def _unit_from_record(rec: Mapping[str, Any], src_lang: str, tgt_lang: str) -> TranslationUnit:
    return TranslationUnit(src=rec["src"], tgt=rec["tgt"], src_lang=src_lang, tgt_lang=tgt_lang, id=rec["id"],
                           score=rec["score"], origin=Origin(rec["origin"]), model=rec["model"], doc=rec["doc"],
                           note=rec["note"], props=rec["props"],
                           flags=tuple(Flag.from_json(f) for f in rec["flags"]))


def shard_dir(outdir: Path, job: DocumentJob) -> Path:
    digest = hashlib.sha256(job.name.encode()).hexdigest()[:16]
    return outdir / ".shards" / digest


def _file_stamp(path: str | None) -> list[Any] | None:
    if path is None:
        return None
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns]


def shard_is_complete(outdir: Path, job: DocumentJob, config: PrepareConfig) -> bool:
    marker = shard_dir(outdir, job) / "done.json"
    try:
        meta = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    try:
        stamps = [_file_stamp(job.src), _file_stamp(job.tgt)]
    except OSError:
        return False
    return (meta.get("format") == SHARD_FORMAT and meta.get("config") == config.key() and not meta.get("error")
            and meta.get("name") == job.name and meta.get("inputs") == stamps)


def _shard_error(outdir: Path, job: DocumentJob) -> str | None:
    try:
        meta = json.loads((shard_dir(outdir, job) / "done.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    error = meta.get("error")
    return str(error) if error else None


def write_shard(outdir: Path, job: DocumentJob, result: DocumentResult, config: PrepareConfig) -> None:
    """Write one document's results; the marker is written last, so a partial shard is never taken."""
    d = shard_dir(outdir, job)
    d.mkdir(parents=True, exist_ok=True)
    marker = d / "done.json"
    if marker.exists():
        marker.unlink()
    with atomic_output(d / "units.jsonl") as f:
        for u in result.units:
            f.write(json.dumps(_unit_record(u), ensure_ascii=False) + "\n")
    with atomic_output(d / "flags.jsonl") as f:
        for obj in result.doc_flags:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with atomic_output(d / "rejects.jsonl") as f:
        for r in result.rejects:
            f.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")
    meta = {"format": SHARD_FORMAT, "config": config.key(), "name": job.name,
            "inputs": [_file_stamp(job.src), _file_stamp(job.tgt)],
            "counts": result.counts, "warnings": result.warnings, "error": result.error}
    with atomic_output(marker) as f:
        json.dump(meta, f, ensure_ascii=False)


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


# ---------------------------------------------------------------------------------------------
# Jobs and the run

def pair_inputs(src: str, tgt: str | None, manifest: str | None = None) -> list[DocumentJob]:
    """Documents to process: one pair, two folders paired by file name, or a manifest TSV."""
    if manifest:
        from corpus_tools.io.text import iter_lines

        jobs = []
        for n, line in enumerate(iter_lines(manifest), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            s = parts[0].strip()
            t = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
            if not os.path.isfile(s):
                raise InputError(manifest, f"source {s!r} is not a file", line=n)
            if t is not None and not os.path.isfile(t):
                raise InputError(manifest, f"target {t!r} is not a file", line=n)
            jobs.append(DocumentJob(name=os.path.basename(s), src=s, tgt=t))
        return _unique_names(jobs)
    if os.path.isdir(src):
        files = sorted(p for p in os.listdir(src) if not p.startswith(".") and os.path.isfile(os.path.join(src, p)))
        if tgt is not None and not os.path.isdir(tgt):
            raise InputError(tgt, "SRC is a folder, so TGT must be a folder too")
        jobs = []
        missing = []
        for name in files:
            t = None
            if tgt is not None:
                t = _find_counterpart(tgt, name)
                if t is None:
                    missing.append(name)
                    continue
            jobs.append(DocumentJob(name=name, src=os.path.join(src, name), tgt=t))
        if missing and not jobs:
            raise InputError(tgt or "", f"no file matches the source documents by name (e.g. {missing[0]})")
        return jobs
    if not os.path.exists(src) and src != "-":
        raise InputError(src, "no such file")
    if tgt is not None and not os.path.exists(tgt) and tgt != "-":
        raise InputError(tgt, "no such file")
    return [DocumentJob(name=os.path.basename(src), src=src, tgt=tgt)]


def _find_counterpart(folder: str, name: str) -> str | None:
    """Same name, or the same name with the language part swapped (``a.en.txt`` ~ ``a.fr.txt``)."""
    direct = os.path.join(folder, name)
    if os.path.isfile(direct):
        return direct
    parts = name.split(".")
    if len(parts) >= 3:
        for cand in sorted(os.listdir(folder)):
            cp = cand.split(".")
            if len(cp) == len(parts) and cp[0] == parts[0] and cp[2:] == parts[2:]:
                return os.path.join(folder, cand)
    return None


def _unique_names(jobs: list[DocumentJob]) -> list[DocumentJob]:
    seen: dict[str, int] = {}
    out = []
    for j in jobs:
        n = seen.get(j.name, 0)
        seen[j.name] = n + 1
        out.append(j if n == 0 else replace(j, name=f"{j.name}#{n + 1}"))
    return out


@dataclass
class RunSummary:
    outdir: Path
    counts: dict[str, int]
    documents: int
    skipped: int
    seconds: float
    warnings: list[str]
    failed: list[tuple[str, str]] = field(default_factory=list)  # (document, error) of a batch


ProgressFn = Callable[[int, int, DocumentResult | None], None]


def run_document(outdir: Path, job: DocumentJob, stages: Stages, extra: frozenset[str] = frozenset(),
                 *, keep_going: bool = False) -> DocumentResult:
    """Process one document and write its shard; the one function every executor calls.

    With ``keep_going`` (batches), a user error in this document is recorded in its shard
    (and in run.json) instead of stopping the run; the document is retried on the next run.
    """
    try:
        result = process_document(job, stages, extra)
    except UserError as exc:
        if not keep_going:
            raise portable_error(exc) from None
        result = DocumentResult(name=job.name, error=str(exc), counts={"documents_failed": 1})
    except CorpusToolsError as exc:
        raise portable_error(exc) from None
    write_shard(outdir, job, result, stages.config)
    return result


def _worker_init(config: PrepareConfig) -> None:
    import signal

    # Ctrl-C is the parent's to handle: a worker that sees it too prints a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _WORKER_STAGES  # per-process cache, in pool workers only
    _WORKER_STAGES = build_stages(config)


_WORKER_STAGES: Stages | None = None


def _worker_run(args: tuple[str, DocumentJob, frozenset[str]]) -> dict[str, int]:
    outdir, job, extra = args
    assert _WORKER_STAGES is not None
    return run_document(Path(outdir), job, _WORKER_STAGES, extra, keep_going=True).counts


def portable_error(exc: CorpusToolsError) -> CorpusToolsError:
    """``exc``, or an error with its message and exit code that survives pickling out of a worker.

    An exception whose ``__init__`` takes other arguments than its message (InputError) cannot
    be unpickled, and a process pool waits forever for the result it was carrying.
    """
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001  (any failure means: send a plain copy)
        return UserError(str(exc)) if isinstance(exc, UserError) else CorpusToolsError(str(exc))
    return exc


def run_prepare(jobs: Sequence[DocumentJob], outdir: str | Path, config: PrepareConfig, *,
                jobs_n: int = 1, force: bool = False, executor: str = "local",
                progress: ProgressFn | None = None) -> RunSummary:
    """Process every document (skipping complete shards unless ``force``), then merge."""
    out = Path(outdir)
    check_writable(out / "corpus.tmx")
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    todo = [j for j in jobs if force or not shard_is_complete(out, j, config)]
    skipped = len(jobs) - len(todo)
    if not todo:
        # Every shard done and already merged into these outputs: a rerun changes nothing.
        current = _merged_run(out, jobs, config)
        if current is not None:
            if progress:
                progress(len(jobs), len(jobs), None)
            return current
    if todo:
        _remove_stale_temporaries(out)
    extra = frozenset[str]()
    if todo and len(jobs) >= 5 and config.clean:
        extra = _batch_boilerplate(jobs, config)
    done = skipped
    if progress:
        progress(done, len(jobs), None)
    signature: dict[str, str] | None = None
    if todo:
        if executor == "ray":
            from corpus_tools.parallel import run_ray

            for counts in run_ray(todo, str(out), config, extra, num_cpus=jobs_n):
                done += 1
                if progress:
                    progress(done, len(jobs), DocumentResult(name="", counts=counts))
        elif jobs_n <= 1 or len(todo) == 1:
            stages = build_stages(config)
            signature = stages.signature()
            try:
                for job in todo:
                    result = run_document(out, job, stages, extra, keep_going=len(jobs) > 1)
                    done += 1
                    if progress:
                        progress(done, len(jobs), result)
            finally:
                stages.close()
        else:
            import multiprocessing as mp

            ctx = mp.get_context("spawn")
            with ctx.Pool(jobs_n, initializer=_worker_init, initargs=(config,)) as pool:
                for counts in pool.imap_unordered(_worker_run, [(str(out), j, extra) for j in todo]):
                    done += 1
                    if progress:
                        progress(done, len(jobs), DocumentResult(name="", counts=counts))
    if len(jobs) == 1:
        # A single document that failed is the run's error (batches report and go on).
        error = _shard_error(out, jobs[0])
        if error:
            raise UserError(error)
    if signature is None:
        signature = build_stages(config, with_translator=False).signature()
        if config.translate or config.translate_for_alignment:
            signature["translator"] = _translator_name(config)
    summary = merge_shards(jobs, out, config, signature, time.perf_counter() - t0, skipped)
    return summary


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary files an interrupted run (SIGKILL, power loss) could not remove."""
    for pattern in (".*.tmp", ".shards/*/.*.tmp"):
        for tmp in out.glob(pattern):
            try:
                tmp.unlink()
            except OSError:
                pass


def _translator_name(config: PrepareConfig) -> str:
    try:
        tr = make_translator_for(config)
    except UserError:
        return "unavailable"
    try:
        return str(tr.name)
    finally:
        tr.close()


def _batch_boilerplate(jobs: Sequence[DocumentJob], config: PrepareConfig) -> frozenset[str]:
    """Lines recurring across many documents of the batch (site furniture)."""
    try:
        from corpus_tools.clean import find_recurring_lines
    except ImportError:
        return frozenset()
    from corpus_tools.io.text import read_text

    def texts() -> Iterator[str]:
        for j in jobs:
            try:
                yield read_text(j.src, config.encoding)
            except UserError:
                continue

    return frozenset(find_recurring_lines(texts()))


def _shards_digest(jobs: Sequence[DocumentJob], out: Path) -> str:
    """A hash of every completion marker, in job order: what a merge was made from."""
    h = hashlib.sha256()
    for job in jobs:
        h.update(job.name.encode() + b"\0")
        h.update((shard_dir(out, job) / "done.json").read_bytes() + b"\0")
    return h.hexdigest()


def _merged_run(out: Path, jobs: Sequence[DocumentJob], config: PrepareConfig) -> RunSummary | None:
    """The summary of the previous run if its outputs were merged from exactly the current shards."""
    try:
        run = json.loads((out / "run.json").read_text(encoding="utf-8"))
        digest = _shards_digest(jobs, out)
    except (OSError, ValueError):
        return None
    tmx_name = "corpus.tmx.gz" if config.gzip_tmx else "corpus.tmx"
    outputs = [tmx_name, *(n for n in OUTPUT_FILES if n != "corpus.tmx")]
    if (not isinstance(run, dict) or run.get("version") != __version__ or run.get("shards") != digest
            or run.get("config") != json.loads(json.dumps(asdict(config)))
            or not all((out / n).is_file() for n in outputs)):
        return None
    if config.report:
        # The report is made from run.json after it: an older (or no) report means the merge was cut short.
        try:
            if (out / "report.html").stat().st_mtime_ns < (out / "run.json").stat().st_mtime_ns:
                return None
        except OSError:
            return None
    return RunSummary(out, dict(run.get("counts", {})), len(jobs), len(jobs), 0.0, list(run.get("warnings", [])))


def merge_shards(jobs: Sequence[DocumentJob], out: Path, config: PrepareConfig, signature: Mapping[str, str],
                 seconds: float, skipped: int) -> RunSummary:
    """Concatenate the shards, in job order, into the final outputs (each written atomically)."""
    from corpus_tools.io import write_units

    sl, tl = config.src_lang, config.tgt_lang

    def units() -> Iterator[TranslationUnit]:
        for job in jobs:
            for rec in _read_jsonl(shard_dir(out, job) / "units.jsonl"):
                yield _unit_from_record(rec, sl, tl)

    header = {"signature": "|".join(f"{k}:{v}" for k, v in signature.items())}
    tmx_name = "corpus.tmx.gz" if config.gzip_tmx else "corpus.tmx"
    write_units(units(), out / tmx_name, src_lang=sl, tgt_lang=tl, header_props=header)
    write_units(units(), out / "corpus.tsv", src_lang=sl, tgt_lang=tl, tsv_columns=config.tsv_columns)
    write_units(units(), out / "corpus.jsonl", src_lang=sl, tgt_lang=tl)
    with atomic_output(out / "flags.jsonl") as f:
        for job in jobs:
            d = shard_dir(out, job)
            for obj in _read_jsonl(d / "flags.jsonl"):
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            for rec in _read_jsonl(d / "units.jsonl"):
                for flag in rec["flags"]:
                    obj = dict(flag)
                    obj["doc"] = job.name
                    obj["unit_id"] = rec["id"]
                    f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    from corpus_tools.io.tsv import escape_field

    with atomic_output(out / "rejects.tsv") as f:
        f.write("doc\tside\tindex\treason\ttext\n")
        for job in jobs:
            for r in _read_jsonl(shard_dir(out, job) / "rejects.jsonl"):
                f.write("\t".join([escape_field(r["doc"]), r["side"], str(r["index"]),
                                   escape_field(r["reason"]), escape_field(r["text"])]) + "\n")
    totals: dict[str, int] = {}
    documents = []
    warnings: list[str] = []
    failed: list[tuple[str, str]] = []
    for job in jobs:
        meta = json.loads((shard_dir(out, job) / "done.json").read_text(encoding="utf-8"))
        for k, v in meta["counts"].items():
            totals[k] = totals.get(k, 0) + int(v)
        documents.append({"name": job.name, "src": job.src, "tgt": job.tgt, "counts": meta["counts"]})
        if meta.get("error"):
            documents[-1]["error"] = meta["error"]
            failed.append((job.name, meta["error"]))
        warnings.extend(meta.get("warnings", []))
    run = {
        "tool": "corpus-tools", "version": __version__, "src_lang": sl, "tgt_lang": tl,
        "signature": dict(signature), "config": asdict(config), "counts": totals,
        "timings": {"seconds": round(seconds, 3)}, "documents_processed": len(jobs) - skipped,
        "documents_skipped": skipped, "documents": documents, "warnings": warnings,
        "failed": [{"doc": d, "error": e} for d, e in failed],
        "shards": _shards_digest(jobs, out),
    }
    with atomic_output(out / "run.json") as f:
        json.dump(run, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if config.report:
        try:
            from corpus_tools.report import write_report
        except ImportError:
            pass
        else:
            write_report(out)
    return RunSummary(out, totals, len(jobs), skipped, seconds, warnings, failed)
