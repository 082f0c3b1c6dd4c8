"""Write the self-contained review page (report.html) for an output folder.

The page embeds the corpus as gzipped, base64-encoded JSON in a ``<script>`` data block and
renders it page by page in the browser; the summary (counts, flag table,
confidence chart) is plain HTML and SVG written here, so it prints and shows
without JavaScript. The inputs are read once, as streams: the embedded data is
spooled to a temporary file while the summary counts accumulate.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import io
import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

from corpus_tools.io.atomic import atomic_output, check_writable
from corpus_tools.report.outdir import iter_corpus, iter_flags, iter_rejects, read_run

SEVERITIES = ("critical", "major", "minor", "info")
_SEV_RANK = {s: i for i, s in enumerate(SEVERITIES)}
GZIP_LEVEL = 6
BINS = 10  # confidence histogram: [0, 0.1), ..., [0.9, 1.0]
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # two UTF-16 code units in JavaScript


def _asset(name: str) -> str:
    return (files("corpus_tools") / "data" / "report" / name).read_text(encoding="utf-8")


def _js_json(value: Any) -> str:
    """JSON safe inside a <script> element: no "<" can close it or open a comment."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _utf16(text: str, offset: int) -> int:
    """A code-point offset as the UTF-16 offset JavaScript strings use."""
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def _int_or_none(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


@dataclass
class _Stats:
    units: int = 0
    machine: int = 0
    flagged_units: int = 0
    scored: int = 0
    score_sum: float = 0.0
    hist: list[int] = field(default_factory=lambda: [0] * BINS)
    no_score: int = 0
    flags: Counter[tuple[str, str]] = field(default_factory=Counter)
    flag_total: int = 0
    cleaning: int = 0
    orphans: int = 0
    auto_fixed: int = 0
    rejects: Counter[str] = field(default_factory=Counter)
    reject_total: int = 0
    docs: int = 0


def write_report(outdir: str | Path, out: str | Path | None = None) -> Path:
    """Write the review page for OUTDIR (default OUTDIR/report.html) and return its path."""
    outdir = Path(outdir)
    target = Path(out) if out is not None else outdir / "report.html"
    check_writable(target)
    run = read_run(outdir)
    src_lang = run.get("src_lang") if isinstance(run.get("src_lang"), str) else None
    tgt_lang = run.get("tgt_lang") if isinstance(run.get("tgt_lang"), str) else None
    stats = _Stats()
    with tempfile.TemporaryFile("w+b") as spool:
        # The data is gzipped and base64-encoded in the page: a quarter of the bytes to
        # load, which is most of the time a large report takes to open. errors=
        # "backslashreplace": a lone surrogate (undecodable input) becomes a \\udcXX JSON
        # escape instead of failing the write.
        gz = gzip.GzipFile(fileobj=spool, mode="wb", compresslevel=GZIP_LEVEL, mtime=0)
        text = io.TextIOWrapper(gz, encoding="utf-8", errors="backslashreplace", newline="\n")
        src_lang, tgt_lang = _spool_data(outdir, text, stats, src_lang, tgt_lang)
        key_src = json.dumps(run, sort_keys=True, default=str) + f"|{stats.units}|{outdir.resolve()}"
        meta = {
            "src_lang": src_lang, "tgt_lang": tgt_lang,
            "key": "corpus-tools-review:" + hashlib.sha256(key_src.encode("utf-8", "replace")).hexdigest()[:16],
        }
        text.write(',"meta":' + _js_json(meta) + "}")
        text.flush()
        text.detach()
        gz.close()
        spool.seek(0)
        with atomic_output(target, "wb") as raw:
            f = io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace", newline="\n")
            f.write(_head(run, src_lang, tgt_lang, stats))
            f.write('<script type="application/octet-stream" id="report-data" data-encoding="gzip+base64">')
            f.flush()
            while chunk := spool.read(3 << 18):  # a multiple of 3: no padding mid-stream
                raw.write(base64.b64encode(chunk))
            f.write("</script>\n<script>\n")
            f.write(_asset("report.js"))
            f.write("\n</script>\n</body>\n</html>\n")
            f.flush()
            f.detach()
    return target


def _spool_data(outdir: Path, spool: IO[str], stats: _Stats, src_lang: str | None,
                tgt_lang: str | None) -> tuple[str, str]:
    """Write ``,"units":[...],"flags":[...],"rejects":[...],"docs":[...]`` and count as we go."""
    docs: dict[str, int] = {}

    def doc_index(name: object) -> int:
        if name is None or name == "":
            return -1
        key = str(name)
        if key not in docs:
            docs[key] = len(docs)
        return docs[key]

    ids: dict[str, int] = {}
    wide: dict[int, tuple[str, str]] = {}  # units with non-BMP characters, for offset conversion
    listed: dict[int, set[str]] = {}  # codes corpus.jsonl lists, not yet seen in flags.jsonl
    spool.write('{"units":[')
    first = True
    for _, u in iter_corpus(outdir, src_lang, tgt_lang):
        if src_lang is None or tgt_lang is None:
            src_lang, tgt_lang = u.langs
        i = stats.units
        stats.units += 1
        ids.setdefault(u.id, i)
        if u.origin == "machine":
            stats.machine += 1
        if u.score is None:
            stats.no_score += 1
        else:
            stats.scored += 1
            stats.score_sum += u.score
            stats.hist[min(BINS - 1, max(0, int(u.score * BINS)))] += 1
        if u.codes:
            listed[i] = set(u.codes)
        if _ASTRAL.search(u.src) or _ASTRAL.search(u.tgt):
            wide[i] = (u.src, u.tgt)
        row = [u.id, u.src, u.tgt, None if u.score is None else round(u.score, 4),
               1 if u.origin == "machine" else 0, u.model, doc_index(u.doc), u.note, u.props or None]
        spool.write(("" if first else ",\n") + _js_json(row))
        first = False
    spool.write('],\n"flags":[')
    first = True
    flagged: set[int] = set()
    for obj in iter_flags(outdir):
        row = _flag_row(obj, ids, wide, doc_index, stats)
        unit = row[7]
        if isinstance(unit, int) and unit >= 0:
            flagged.add(unit)
            listed.get(unit, set()).discard(str(row[0]))
        spool.write(("" if first else ",\n") + _js_json(row))
        first = False
    # Codes corpus.jsonl lists for a unit without a flags.jsonl entry: still shown, with what we know.
    for unit, codes in sorted(listed.items()):
        for code in sorted(codes):
            flagged.add(unit)
            stats.flags[(code, "info")] += 1
            row = [code, _SEV_RANK["info"], "listed in corpus.jsonl (no details in flags.jsonl)",
                   None, None, None, None, unit, "", None, 0, -1, None]
            spool.write(("" if first else ",\n") + _js_json(row))
            first = False
    stats.flagged_units = len(flagged)
    spool.write('],\n"rejects":[')
    first = True
    for r in iter_rejects(outdir):
        stats.reject_total += 1
        stats.rejects[r.reason] += 1
        spool.write(("" if first else ",\n") + _js_json([doc_index(r.doc), r.side, r.index, r.reason, r.text]))
        first = False
    spool.write('],\n"docs":')
    spool.write(_js_json(list(docs)))
    stats.docs = len(docs)
    return src_lang or "src", tgt_lang or "tgt"


def _flag_row(obj: dict[str, Any], ids: dict[str, int], wide: dict[int, tuple[str, str]],
              doc_index: Any, stats: _Stats) -> list[Any]:
    """[code, severity rank, message, suggestion, side, start, end, unit index, category, span,
    auto_fixed, doc index, unit_id]; unit index -1 = document/cleaning flag, -2 = unknown unit."""
    code = str(obj.get("code", "?"))
    severity = str(obj.get("severity", "info"))
    if severity not in _SEV_RANK:
        severity = "info"
    stats.flag_total += 1
    stats.flags[(code, severity)] += 1
    unit_id = obj.get("unit_id", obj.get("unit"))
    start, end = _int_or_none(obj.get("start")), _int_or_none(obj.get("end"))
    side = obj.get("side") if obj.get("side") in ("src", "tgt") else None
    if unit_id is None:
        unit = -1
        stats.cleaning += 1
    else:
        unit = ids.get(str(unit_id), -2)
        stats.orphans += unit == -2
        if unit in wide and side is not None and start is not None and end is not None:
            text = wide[unit][0 if side == "src" else 1]
            start, end = _utf16(text, start), _utf16(text, end)
    auto = bool(obj.get("auto_fixed"))
    stats.auto_fixed += auto
    def s(key: str) -> str | None:
        v = obj.get(key)
        return None if v is None else str(v)
    return [code, _SEV_RANK[severity], s("message") or "", s("suggestion"), side, start, end, unit,
            s("category") or "", s("span"), 1 if auto else 0, doc_index(obj.get("doc")),
            None if unit_id is None else str(unit_id)]


# ---------------------------------------------------------------------------------------------
# The static part: head, styles, summary

def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _head(run: dict[str, Any], src_lang: str, tgt_lang: str, stats: _Stats) -> str:
    title = f"Corpus review: {src_lang} → {tgt_lang}"
    raw_sig = run.get("signature")
    sig: dict[str, Any] = raw_sig if isinstance(raw_sig, dict) else {}
    sig_text = "|".join(f"{k}:{v}" for k, v in sig.items())
    made = f"{run.get('tool', 'corpus-tools')} {run.get('version', '')}".strip()
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    csp = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
           "img-src data: blob:; form-action 'none'; base-uri 'none'")
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{_e(title)}</title>\n<style>\n{_asset('report.css')}\n</style>\n</head>\n<body>\n",
        '<header class="top"><h1>', _e(title), "</h1>",
        f'<p class="made">Made by {_e(made)} · report generated {_e(generated)}',
        f' · <code class="sig" title="run signature">{_e(sig_text)}</code>' if sig_text else "",
        "</p></header>\n",
        _summary(stats),
        _units_section(src_lang, tgt_lang),
        _other_sections(stats),
    ]
    return "".join(parts)


def _card(label: str, value: str, sub: str = "", cls: str = "") -> str:
    return (f'<div class="card {cls}"><div class="v">{_e(value)}</div><div class="l">{_e(label)}</div>'
            + (f'<div class="s">{_e(sub)}</div>' if sub else "") + "</div>")


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "–"


def _summary(st: _Stats) -> str:
    mean = f"{st.score_sum / st.scored:.2f}" if st.scored else "–"
    low = sum(st.hist[:5])
    cards = "".join([
        _card("units", f"{st.units:,}", f"{st.docs:,} document{'s' * (st.docs != 1)}"),
        _card("flagged units", f"{st.flagged_units:,}", _pct(st.flagged_units, st.units) + " of units",
              "warn" if st.flagged_units else ""),
        _card("flags", f"{st.flag_total:,}", f"{st.cleaning:,} on the original text"),
        _card("mean confidence", mean, f"{low:,} units below 0.5", "warn" if low else ""),
        _card("machine-translated", f"{st.machine:,}", _pct(st.machine, st.units) + " of units"),
        _card("rejected sentences", f"{st.reject_total:,}", "not in the corpus", "warn" if st.reject_total else ""),
    ])
    return (f'<section class="summary" aria-label="Summary"><div class="cards">{cards}</div>'
            f'<div class="summary-row"><figure class="chart-box" id="confidence-chart">'
            f'<figcaption>Alignment confidence</figcaption>{_chart(st)}</figure>'
            f'<div class="table-box"><h2>Flags by code and severity</h2>{_flag_table(st)}</div>'
            f'<div class="table-box"><h2>Rejected sentences</h2>{_reject_table(st)}</div></div></section>\n')


def _tick(v: float) -> str:
    return f"{v:,.0f}" if v >= 10 or v == int(v) else f"{v:.1f}"


def _chart(st: _Stats) -> str:
    """A histogram: ten confidence bins and, apart, the units without a score."""
    w, h, left, bottom, top = 420, 150, 34, 22, 14
    slot = (w - left - 10) / (BINS + 1.6)
    peak = max(st.hist + [st.no_score, 1])
    base = h - bottom
    out = [f'<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
           f'aria-label="Histogram of alignment confidence">']
    for frac in (0.5, 1.0):
        y = base - frac * (base - top)
        out.append(f'<line class="grid" x1="{left}" x2="{w - 4}" y1="{y:.1f}" y2="{y:.1f}"/>'
                   f'<text class="ax" x="{left - 4}" y="{y + 3:.1f}" text-anchor="end">{_tick(peak * frac)}</text>')
    for b in range(BINS + 1):
        count = st.no_score if b == BINS else st.hist[b]
        bh = 0 if count == 0 else max(1.5, count / peak * (base - top))
        x = left + (b + (0.6 if b == BINS else 0)) * slot
        if b == BINS:
            lo = hi = ""
            cls, title = "bar na", f"no score: {count:,} units"
        else:
            lo, hi = f"{b / BINS:.1f}", f"{(b + 1) / BINS:.1f}"
            cls, title = f"bar b{b}", f"confidence {lo}–{hi}: {count:,} units"
        out.append(f'<g class="{cls}" data-min="{lo}" data-max="{hi}" tabindex="0"><title>{_e(title)}</title>'
                   f'<rect class="v" x="{x + 2:.1f}" y="{base - bh:.1f}" width="{slot - 4:.1f}" height="{bh:.1f}" rx="2"/>'
                   f'<rect class="hit" x="{x:.1f}" y="{top:.1f}" width="{slot:.1f}" height="{base - top:.1f}"/></g>')
        if b == BINS:
            out.append(f'<text class="ax" x="{x + slot / 2:.1f}" y="{h - 6}" text-anchor="middle">n/a</text>')
    for b in range(0, BINS + 1, 2):
        out.append(f'<text class="ax" x="{left + b * slot:.1f}" y="{h - 6}" text-anchor="middle">{b / BINS:.1f}</text>')
    out.append(f'<line class="axis" x1="{left}" x2="{left + BINS * slot:.1f}" y1="{base}" y2="{base}"/>'
               f'<line class="axis" x1="{left + (BINS + 0.6) * slot:.1f}" x2="{left + (BINS + 1.6) * slot:.1f}" '
               f'y1="{base}" y2="{base}"/></svg>')
    return "".join(out)


def _flag_table(st: _Stats) -> str:
    if not st.flags:
        return '<p class="none">No flags.</p>'
    codes = sorted({c for c, _ in st.flags},
                   key=lambda c: (min(_SEV_RANK[s] for cc, s in st.flags if cc == c), c))
    head = "".join(f'<th class="sev-{s}">{s}</th>' for s in SEVERITIES)
    rows = []
    for code in codes:
        cells = "".join(f'<td class="n">{st.flags[(code, s)] or ""}</td>' for s in SEVERITIES)
        total = sum(st.flags[(code, s)] for s in SEVERITIES)
        rows.append(f'<tr><th><button type="button" class="link" data-filter-code="{_e(code)}">{_e(code)}</button>'
                    f'</th>{cells}<td class="n total">{total:,}</td></tr>')
    totals = "".join(f'<td class="n">{sum(v for (c, s), v in st.flags.items() if s == sev) or ""}</td>'
                     for sev in SEVERITIES)
    return (f'<table class="flagtab"><thead><tr><th>code</th>{head}<th>total</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody><tfoot><tr><th>all</th>{totals}'
            f'<td class="n total">{st.flag_total:,}</td></tr></tfoot></table>')


def _reject_table(st: _Stats) -> str:
    if not st.rejects:
        return '<p class="none">None: every sentence is in the corpus.</p>'
    rows = "".join(f'<tr><td>{_e(reason)}</td><td class="n">{n:,}</td></tr>'
                   for reason, n in st.rejects.most_common(8))
    more = len(st.rejects) - 8
    extra = f'<tr><td colspan="2" class="none">and {more} other reasons</td></tr>' if more > 0 else ""
    return (f'<table class="rejtab"><thead><tr><th>reason</th><th>sentences</th></tr></thead>'
            f'<tbody>{rows}{extra}</tbody></table>'
            f'<p><a href="#rejects" class="link" data-open="rejects">List them ↓</a></p>')


def _units_section(src_lang: str, tgt_lang: str) -> str:
    return f"""<section class="units-section" aria-label="Units">
<div class="toolbar" role="toolbar" aria-label="Filters">
<label>Flag <select id="f-code"><option value="">any</option><option value="*">any flag</option><option value="-">no flag</option></select></label>
<label>Severity <select id="f-sev"><option value="">any</option><option value="0">critical</option><option value="1">major or worse</option><option value="2">minor or worse</option><option value="3">any flag</option><option value="4">no flag</option></select></label>
<label>Confidence <input id="f-min" type="number" min="0" max="1" step="0.05" placeholder="0" inputmode="decimal"> – <input id="f-max" type="number" min="0" max="1" step="0.05" placeholder="1" inputmode="decimal"></label>
<label>Decision <select id="f-dec"><option value="">any</option><option value="none">undecided</option><option value="accept">accepted</option><option value="edit">edited</option><option value="reject">rejected</option></select></label>
<label>Search <input id="f-q" type="search" placeholder="text or id"></label>
<label>Sort <select id="f-sort"><option value="doc">document order</option><option value="conf">lowest confidence first</option><option value="sev">most severe first</option></select></label>
<button type="button" id="f-reset">Reset</button>
</div>
<div class="bar2">
<span id="count" aria-live="polite"></span>
<span class="spacer"></span>
<span id="progress"></span>
<button type="button" id="accept-page" title="Accept every undecided unit on this page">Accept rest of page</button>
<button type="button" id="export" class="primary" title="Download decisions.jsonl">Export decisions</button>
<button type="button" id="help-btn" aria-expanded="false" title="Keyboard shortcuts (?)">?</button>
</div>
<div id="help" class="help" hidden><b>Keyboard</b>: <kbd>j</kbd>/<kbd>k</kbd> next/previous unit ·
<kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>e</kbd> edit target (<kbd>Ctrl</kbd>+<kbd>Enter</kbd> save, <kbd>Esc</kbd> cancel) ·
<kbd>u</kbd> undo decision · <kbd>n</kbd>/<kbd>p</kbd> next/previous page · <kbd>/</kbd> search · <kbd>x</kbd> export.
Decisions are kept in this browser until exported; <code>corpus-tools review apply OUTDIR decisions.jsonl -o FINALDIR</code> applies them.
To print every unit, choose page size “all” first.</div>
<div class="colhead"><span></span><span lang="{_e(src_lang)}">source ({_e(src_lang)})</span><span lang="{_e(tgt_lang)}">target ({_e(tgt_lang)})</span><span></span></div>
<div id="units" class="units" data-src-lang="{_e(src_lang)}" data-tgt-lang="{_e(tgt_lang)}"><noscript><p class="none">The unit list needs JavaScript; the summary above does not.</p></noscript></div>
<nav class="pager" aria-label="Pages"><button type="button" id="prev">← previous</button><span id="pageinfo"></span><button type="button" id="next">next →</button>
<label>per page <select id="f-size"><option>100</option><option selected>200</option><option>500</option><option>1000</option><option value="0">all</option></select></label></nav>
<textarea id="decisions-jsonl" hidden readonly aria-hidden="true"></textarea>
</section>
"""


def _other_sections(st: _Stats) -> str:
    return (f'<details class="section" id="cleaning"><summary><h2>Cleaning and document flags '
            f'<span class="n">({st.cleaning + st.orphans:,})</span></h2></summary>'
            f'<p class="hint">Edits and findings located in the original documents (offsets are code points '
            f'into the original text): page furniture removed, typography fixed, document-level flags.</p>'
            f'<div class="body"></div></details>\n'
            f'<details class="section" id="rejects"><summary><h2>Rejected sentences '
            f'<span class="n">({st.reject_total:,})</span></h2></summary><div class="body"></div></details>\n')
