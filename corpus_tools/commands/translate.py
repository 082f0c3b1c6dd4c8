"""Machine-translate sentences offline with an installed Argos Translate model.

    corpus-tools translate IN --src-lang en --tgt-lang fr [--presegmented] -o OUT.tsv|.tmx|.jsonl

Without --presegmented, IN is split into blank-line separated paragraphs and those into
sentences; with it, every non-blank line is one sentence. Every unit written is marked
machine-made, with the model and its score. Translations are cached (SQLite, keyed by
model, options and text) so a rerun translates nothing twice; --no-cache turns that off.
"""

from __future__ import annotations

import argparse
import sys
import time

from corpus_tools.commands._common import add_encoding_arg, add_lang_args


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN", help="plain text (UTF-8/UTF-16 with BOM, .gz, - for stdin)")
    add_lang_args(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.tsv | .tmx | .tmx.gz | .jsonl")
    p.add_argument("--presegmented", action="store_true", help="one sentence per line; do not segment")
    p.add_argument("--beam-size", type=int, default=2, metavar="N", help="beam size (default 2; Argos uses 4)")
    p.add_argument("--threads", type=int, default=0, metavar="N", help="CPU threads (default 0: automatic)")
    p.add_argument("--device", choices=("cpu", "cuda", "auto"), default="cpu")
    p.add_argument("--compute-type", default="auto", metavar="T",
                   help="CTranslate2 compute type: auto (default, as Argos), default (as saved), int8, float16, ...")
    p.add_argument("--batch-tokens", type=int, default=4096, metavar="N", help="source pieces per batch")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the translation cache")
    p.add_argument("--cache-path", metavar="FILE",
                   help="translation cache (default $XDG_CACHE_HOME/corpus-tools/mt-cache.sqlite3)")
    p.add_argument("--backend", choices=("argos", "fake"), default="argos",
                   help="'fake' writes '[tgt] sentence' (for testing pipelines)")
    add_encoding_arg(p)


def run(args: argparse.Namespace) -> int:
    from corpus_tools.io import write_units
    from corpus_tools.translate import TranslateOptions, make_translator
    from corpus_tools.translate.units import source_sentences, translate_units

    opts = TranslateOptions(beam_size=args.beam_size, threads=args.threads, device=args.device,
                            compute_type=args.compute_type, cache=not args.no_cache,
                            cache_path=args.cache_path, batch_tokens=args.batch_tokens, backend=args.backend)
    t0 = time.perf_counter()
    tr = make_translator(args.src_lang, args.tgt_lang, opts)
    try:
        items = source_sentences(args.input, args.src_lang, presegmented=args.presegmented,
                                 encoding=args.encoding)
        units = translate_units(items, tr, src_lang=args.src_lang, tgt_lang=args.tgt_lang)
        n = write_units(units, args.output, src_lang=args.src_lang, tgt_lang=args.tgt_lang,
                        header_props={"x-mt-model": tr.model, "x-mt-translator": tr.name})
    finally:
        tr.close()
    dt = time.perf_counter() - t0
    cached = getattr(tr, "hits", None)
    extra = f", {cached} from cache" if cached else ""
    print(f"{n} sentences translated with {tr.name}{extra} in {dt:.1f}s -> {args.output}", file=sys.stderr)
    return 0
