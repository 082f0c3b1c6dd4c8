"""Turn documents (and their translations) into a bilingual corpus: clean, segment, align, check, write.

Writes OUTDIR/corpus.tmx, corpus.tsv, corpus.jsonl, flags.jsonl, rejects.tsv, run.json
and report.html. SRC and TGT may be files or folders (documents paired by file name).
"""

from __future__ import annotations

import argparse
import os
import sys

from corpus_tools.commands._common import add_encoding_arg, csv_list


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("src", metavar="SRC", help="source document or folder")
    p.add_argument("tgt", metavar="TGT", nargs="?", help="target document or folder (omit with --translate)")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder")
    p.add_argument("--src-lang", required=True, metavar="L")
    p.add_argument("--tgt-lang", required=True, metavar="L")
    p.add_argument("--manifest", metavar="FILE.tsv", help="source<TAB>target paths, one pair per line")
    p.add_argument("--translate", action="store_true", help="translate the source with Argos (no TGT)")
    p.add_argument("--translate-for-alignment", action="store_true",
                   help="machine-translate the source to guide the aligner")
    g = p.add_argument_group("cleaning")
    g.add_argument("--no-clean", action="store_true", help="no cleaning at all")
    g.add_argument("--clean-disable", action="append", metavar="RULE", help="switch off cleaning rules")
    g.add_argument("--boilerplate", action="append", metavar="FILE", help="extra page-furniture patterns")
    g = p.add_argument_group("segmentation and alignment")
    g.add_argument("--segmenter", choices=("fast", "srx"), default="fast")
    g.add_argument("--srx", metavar="FILE", help="SRX 2.0 rules (implies --segmenter srx)")
    g.add_argument("--method", choices=("auto", "lexical", "embed"), default="auto", help="alignment method")
    g.add_argument("--dictionary", metavar="FILE", help="bilingual word list for the aligner")
    g.add_argument("--min-score", type=float, metavar="X", help="beads below this confidence go to rejects.tsv")
    g = p.add_argument_group("machine translation")
    g.add_argument("--beam-size", type=int, default=2)
    g.add_argument("--threads", type=int, default=0)
    g.add_argument("--device", choices=("cpu", "cuda", "auto"), default="cpu")
    g.add_argument("--compute-type", default="auto", help="CTranslate2 compute type (default: auto)")
    g.add_argument("--mt-backend", choices=("argos", "fake"), default="argos",
                   help="translation backend; 'fake' tags the source and is for tests")
    g.add_argument("--no-cache", action="store_true", help="do not use the translation cache")
    g = p.add_argument_group("checks")
    g.add_argument("--no-check", action="store_true")
    g.add_argument("--disable", action="append", metavar="CODE", help="switch off checks by code")
    g.add_argument("--lexicon", action="append", metavar="FILE", help="extra MT-artifact lexicon")
    g.add_argument("--drop-severity", choices=("critical", "major", "minor", "info"),
                   help="send units with flags this severe (or worse) to rejects.tsv")
    g = p.add_argument_group("output and execution")
    g.add_argument("--tsv-columns", metavar="COLS", help="extra TSV columns: score,flags,id,doc,origin")
    g.add_argument("--gzip", action="store_true", help="write corpus.tmx.gz")
    g.add_argument("--no-report", action="store_true", help="do not write report.html")
    g.add_argument("--jobs", type=int, default=0, metavar="N", help="worker processes (default: all cores)")
    g.add_argument("--executor", choices=("local", "ray"), default="local")
    g.add_argument("--force", action="store_true", help="redo documents already done")
    g.add_argument("--quiet", action="store_true", help="no progress bar")
    add_encoding_arg(p)


def run(args: argparse.Namespace) -> int:
    from corpus_tools.errors import ConfigError
    from corpus_tools.io.atomic import check_writable
    from corpus_tools.io.text import check_readable
    from corpus_tools.io.tsv import parse_columns
    from corpus_tools.pipeline import PrepareConfig, pair_inputs, run_prepare

    if args.tgt is None and not args.translate and not args.manifest:
        raise ConfigError("no TGT given: pass the translation, or --translate to machine-translate the source")
    if args.tgt is not None and args.translate:
        raise ConfigError("give either TGT or --translate, not both")
    config = PrepareConfig(
        src_lang=args.src_lang, tgt_lang=args.tgt_lang, clean=not args.no_clean,
        clean_disable=csv_list(args.clean_disable), boilerplate=tuple(args.boilerplate or ()),
        segmenter="srx" if args.srx else args.segmenter, srx=args.srx, align_method=args.method,
        dictionary=args.dictionary, min_score=args.min_score, translate=args.translate,
        beam_size=args.beam_size, threads=args.threads, device=args.device, compute_type=args.compute_type, mt_backend=args.mt_backend,
        mt_cache=not args.no_cache, translate_for_alignment=args.translate_for_alignment,
        check=not args.no_check, check_disable=csv_list(args.disable), lexicons=tuple(args.lexicon or ()),
        drop_severity=args.drop_severity, tsv_columns=parse_columns(args.tsv_columns), encoding=args.encoding,
        gzip_tmx=args.gzip, report=not args.no_report,
    )
    jobs = pair_inputs(args.src, args.tgt, args.manifest)
    # Missing, unreadable or binary inputs fail here, before the output folder is created.
    # In a batch, a bad document is skipped and reported instead (the others still land).
    check_writable(os.path.join(args.output, "corpus.tmx"))
    for job in jobs if len(jobs) == 1 else ():
        for path in (job.src, job.tgt):
            if path is not None:
                check_readable(path, args.encoding)
    n_jobs = args.jobs or os.cpu_count() or 1
    show = not args.quiet and sys.stderr.isatty()
    bar = None
    if show:
        from tqdm import tqdm  # type: ignore[import-untyped]

        bar = tqdm(total=len(jobs), unit="doc", file=sys.stderr)

    units = 0

    def progress(done: int, total: int, counts: object) -> None:
        nonlocal units
        if isinstance(counts, dict):
            units += int(counts.get("units", 0))
        elif counts is not None:
            units += int(getattr(counts, "counts", {}).get("units", 0))
        if bar is not None:
            bar.n = done
            elapsed = bar.format_dict.get("elapsed") or 1e-9
            bar.set_postfix_str(f"{units} units, {units / elapsed:.0f} units/s", refresh=False)
            bar.refresh()

    try:
        summary = run_prepare(jobs, args.output, config, jobs_n=n_jobs, force=args.force,
                              executor=args.executor, progress=progress)
    finally:
        if bar is not None:
            bar.close()
    for w in summary.warnings:
        print(f"corpus-tools prepare: warning: {w}", file=sys.stderr)
    for _doc, error in summary.failed:
        print(f"corpus-tools prepare: error: {error} (document skipped; rerun to retry it)", file=sys.stderr)
    c = summary.counts
    if not args.quiet and not summary.failed:
        print(f"{summary.documents} document(s) ({summary.skipped} already done), "
              f"{c.get('units', 0)} units, {c.get('src_rejected', 0) + c.get('tgt_rejected', 0)} rejected "
              f"sentences, {c.get('flags', 0)} flags -> {summary.outdir}/ ({summary.seconds:.1f}s)",
              file=sys.stderr)
    return 2 if summary.failed else 0
