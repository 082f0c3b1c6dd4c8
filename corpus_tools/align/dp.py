"""Banded dynamic programming over alignment beads, vectorised row by row with numpy.

Cells ``(i, j)`` mean "the first i source and j target units are aligned". A bead
``(a, b)`` goes from ``(i-a, j-b)`` to ``(i, j)``. Only cells within a band around a
centre path are computed, so time and memory grow linearly with document length;
when the best path touches the band's edge, the band is re-centred on that path and
widened, and the search runs again.

Similarity comes from *channels*: one vector per unit on each side (lexical bags,
char n-grams of a machine translation, sentence embeddings). A run of units is the
sum of its vectors, and the cosine of two runs is computed from banded source-target
dot products and within-side dot products of nearby units, without building the run
vectors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

INF = float("inf")
_BLOCK = 64


@dataclass(frozen=True)
class Channel:
    """Vectors for one similarity signal: ``src`` is (n, d), ``tgt`` is (m, d)."""

    src: np.ndarray
    tgt: np.ndarray
    weight: float
    # Each member of a multi-sentence bead must resemble the other side's run on its own:
    # a member whose cosine with it is below ``member_tau`` costs ``member_weight`` per unit
    # of shortfall (it keeps captions and debris from being glued onto a neighbour's bead).
    member_tau: float = 0.0
    member_weight: float = 0.0
    # Vectors of whole runs, each embedded as one text: ``src_runs[k][p]`` stands for units
    # p .. p+k+1 (a run of k+2 units; zero rows where it would pass the end). A multi-unit
    # bead whose runs all have one blends two cosines: of its summed unit vectors (weight
    # 1 - run_weight) and of its run vectors less ``run_offset`` (a joined text resembles
    # any other long text more than single sentences do, so its cosine runs higher).
    src_runs: tuple[np.ndarray, ...] = ()
    tgt_runs: tuple[np.ndarray, ...] = ()
    run_weight: float = 0.0
    run_offset: float = 0.0


@dataclass(frozen=True)
class CostModel:
    """How a bead is scored: every term is a cost (lower is better)."""

    beads: tuple[tuple[int, int], ...]
    prior: Mapping[tuple[int, int], float]
    skip_cost: float
    len_weight: float
    ratio: float
    variance: float = 6.8
    len_cap: float = 1e9
    sim_offset: float = 0.0
    band: int = 60
    max_rounds: int = 4


@dataclass(frozen=True)
class RawBead:
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    cos: float
    len_prob: float


def _neg_log_erfc(x: np.ndarray) -> np.ndarray:
    """-log(erfc(x)) for x >= 0 (Abramowitz & Stegun 7.1.26, stable for large x)."""
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    out: np.ndarray = x * x - np.log(poly)
    return out


def length_cost(lx: np.ndarray, ly: np.ndarray, ratio: float, variance: float) -> np.ndarray:
    """Gale-Church: -log P(|delta|) for character lengths lx, ly."""
    mean = np.maximum((lx + ly / ratio) / 2.0, 1.0)
    delta = np.abs(ly - lx * ratio) / np.sqrt(mean * variance * ratio)
    return _neg_log_erfc(delta / np.sqrt(2.0))


def _run_norms(vecs: np.ndarray, max_run: int) -> list[np.ndarray]:
    """norms[r][i] = |sum(vecs[i-r:i])|^2 for i >= r (0 elsewhere), r = 0..max_run."""
    n = vecs.shape[0]
    dots = [np.einsum("ij,ij->i", vecs[: n - k], vecs[k:]).astype(np.float64) if k < n else np.zeros(0)
            for k in range(max_run)]
    cums = [np.concatenate(([0.0], np.cumsum(d))) for d in dots]
    out = [np.zeros(n + 1)]
    for r in range(1, max_run + 1):
        g = np.zeros(n + 1)
        i = np.arange(r, n + 1)
        g[r:] = cums[0][i] - cums[0][i - r]
        for k in range(1, r):
            # pairs (p, p+k) with both inside [i-r, i): p in [i-r, i-k)
            g[r:] += 2.0 * (cums[k][i - k] - cums[k][i - r])
        out.append(g)
    return out


class _Band:
    def __init__(self, lo: np.ndarray, hi: np.ndarray) -> None:
        self.lo = lo
        self.hi = hi
        self.width = int((hi - lo).max()) + 1


def _make_band(center: np.ndarray, half: int, m: int) -> _Band:
    lo = np.clip(np.floor(center).astype(np.int64) - half, 0, m)
    hi = np.clip(np.ceil(center).astype(np.int64) + half, 0, m)
    lo[0] = 0
    hi[-1] = m
    lo = np.maximum.accumulate(lo)
    hi = np.maximum.accumulate(hi)
    for i in range(1, len(lo)):
        lo[i] = min(lo[i], hi[i - 1])
    hi = np.maximum(hi, lo)
    return _Band(lo, hi)


def _cross_prefix(ch: Channel, band: _Band, max_a: int, max_b: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Per source unit p: prefix sums of x_p . y_q over the q its beads can reach."""
    n = ch.src.shape[0]
    lo, hi = band.lo, band.hi
    p = np.arange(n)
    clo = np.maximum(lo[p + 1] - max_b, 0)
    chi = np.minimum(hi[np.minimum(p + max_a, n)] - 1, m - 1)
    ck = int(max(1, (chi - clo + 1).max())) if n else 1
    pref = np.zeros((n, ck + 1))
    ar = np.arange(ck)
    for p0 in range(0, n, _BLOCK):
        p1 = min(n, p0 + _BLOCK)
        qa, qb = int(clo[p0:p1].min()), int(chi[p0:p1].max())
        if qb < qa:
            continue
        block = ch.src[p0:p1] @ ch.tgt[qa:qb + 1].T
        idx = clo[p0:p1, None] - qa + ar[None, :]
        mask = idx <= (chi[p0:p1, None] - qa)
        vals = np.take_along_axis(block, np.clip(idx, 0, block.shape[1] - 1), axis=1) * mask
        pref[p0:p1, 1:] = np.cumsum(vals, axis=1)
    return pref, clo


def _member_dots(pref: np.ndarray, clo: np.ndarray, gy1: np.ndarray, i: int, j: np.ndarray, max_a: int,
                 max_b: int, m: int) -> tuple[list[list[np.ndarray]], list[np.ndarray]]:
    """For the row's cells: dots[r][t-1] = x_(i-1-r) . y_(j-t), and norms[t-1] = |y_(j-t)|.

    Indices are clipped where j-t < 0 (cells the caller masks anyway).
    """
    last = pref.shape[1] - 1
    qs = [np.minimum(np.maximum(j - t, 0), m - 1) for t in range(1, max_b + 1)]
    norms = [np.sqrt(np.maximum(gy1[q + 1], 1e-12)) for q in qs]
    dots = []
    for r in range(min(max_a, i)):
        p = i - 1 - r
        row, c = pref[p], clo[p]
        dots.append([row[np.minimum(np.maximum(q + 1 - c, 0), last)] - row[np.minimum(np.maximum(q - c, 0), last)]
                     for q in qs])
    return dots, norms


def _member_shortfall(dots: list[list[np.ndarray]], norms: list[np.ndarray], gx: list[np.ndarray],
                      gy: list[np.ndarray], i: int, a: int, j: np.ndarray, b: int, tau: float) -> np.ndarray:
    """Sum over the members of an a-b bead ending at (i, j) of max(0, tau - cos(member, other run)).

    Cells where the bead cannot end (masked by the caller) get a meaningless value.
    """
    out = np.zeros(len(j))
    if b >= 2:
        nx = np.sqrt(max(gx[a][i], 1e-12))
        for t in range(b):
            d = dots[0][t]
            for r in range(1, a):
                d = d + dots[r][t]
            out += np.maximum(0.0, tau - d / (nx * norms[t]))
    if a >= 2:
        ny = np.sqrt(np.maximum(gy[b][j], 1e-12))
        for r in range(a):
            d = dots[r][0]
            for t in range(1, b):
                d = d + dots[r][t]
            out += np.maximum(0.0, tau - d / (np.sqrt(max(gx[1][i - r], 1e-12)) * ny))
    return out


def unit_rows(mat: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float64."""
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    out: np.ndarray = (mat / np.where(norms > 0, norms, 1.0)).astype(np.float64)
    return out


def _run_tables(ch: Channel) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Unit-length run vectors by run length (index 0 unused, 1 = single units)."""
    empty = np.zeros((0, 0))
    src = [empty, unit_rows(ch.src)] + [unit_rows(r) for r in ch.src_runs]
    tgt = [empty, unit_rows(ch.tgt)] + [unit_rows(r) for r in ch.tgt_runs]
    return src, tgt


def _run_dp(src_len: np.ndarray, tgt_len: np.ndarray, channels: Sequence[Channel], model: CostModel,
            band: _Band, src_skip: np.ndarray, tgt_skip: np.ndarray
            ) -> tuple[list[tuple[int, int]], bool]:
    n, m = len(src_len), len(tgt_len)
    beads = model.beads
    max_a = max(a for a, _ in beads)
    max_b = max(b for _, b in beads)
    lx = np.concatenate(([0.0], np.cumsum(src_len, dtype=np.float64)))
    ly = np.concatenate(([0.0], np.cumsum(tgt_len, dtype=np.float64)))
    sx_cum = np.concatenate(([0.0], np.cumsum(src_skip)))
    ty_cum = np.concatenate(([0.0], np.cumsum(tgt_skip)))
    chdata = []
    runs: list[tuple[list[np.ndarray], list[np.ndarray]] | None] = []
    run_w = [ch.run_weight for ch in channels]
    run_off = [ch.run_offset for ch in channels]
    total_w = sum(c.weight for c in channels) or 1.0
    for ch in channels:
        gx = _run_norms(ch.src, max_a)
        gy = _run_norms(ch.tgt, max_b)
        pref, clo = _cross_prefix(ch, band, max_a, max_b, m)
        chdata.append((ch.weight / total_w, gx, gy, pref, clo, ch.member_tau, ch.member_weight))
        runs.append(_run_tables(ch) if ch.src_runs or ch.tgt_runs else None)
    lo, hi, width = band.lo, band.hi, band.width
    dist = np.full((n + 1, width), INF)
    back = np.full((n + 1, width), -1, dtype=np.int16)
    one_one = [k for k, (a, b) in enumerate(beads) if a == 0 and b == 1]
    k01 = one_one[0] if one_one else -1
    for i in range(n + 1):
        j = np.arange(lo[i], hi[i] + 1)
        w = len(j)
        best = np.full(w, INF)
        arg = np.full(w, -1, dtype=np.int16)
        if i == 0:
            best[j == 0] = 0.0
        # member dots are shared by every bead of the row; computed on first use
        mdots: dict[int, tuple[list[list[np.ndarray]], list[np.ndarray]]] = {}
        for k, (a, b) in enumerate(beads):
            if a == 0 or a > i:
                continue
            pr = i - a
            kk = j - b - lo[pr]
            ok = (kk >= 0) & (kk <= hi[pr] - lo[pr]) & (j - b >= 0)
            if not ok.any():
                continue
            prev = np.where(ok, dist[pr, np.minimum(np.maximum(kk, 0), width - 1)], INF)
            if b == 0:
                cost = (sx_cum[i] - sx_cum[i - a]) + model.prior.get((a, b), 0.0)
            else:
                jb = np.maximum(j - b, 0)
                cost = model.len_weight * np.minimum(
                    length_cost(lx[i] - lx[i - a], ly[j] - ly[jb], model.ratio, model.variance), model.len_cap)
                slots = (a + b) / 2.0
                for c_id, (wgt, gx, gy, pref, clo, tau, mw) in enumerate(chdata):
                    dot = np.zeros(w)
                    # in range by construction of the band (see _cross_prefix)
                    for p in range(i - a, i):
                        row = pref[p]
                        dot += row[j - clo[p]] - row[jb - clo[p]]
                    den = np.sqrt(gx[a][i] * gy[b][jb + b])
                    cos = np.where(den > 0, dot / np.where(den > 0, den, 1.0), 0.0)
                    rt = runs[c_id]
                    if rt is not None and a + b > 2 and a < len(rt[0]) and b < len(rt[1]):
                        tv = rt[1][b]
                        rcos = tv[np.minimum(jb, len(tv) - 1)] @ rt[0][a][i - a] - run_off[c_id]
                        cos = run_w[c_id] * rcos + (1.0 - run_w[c_id]) * cos
                    cost = cost + wgt * slots * (1.0 - cos - model.sim_offset)
                    if mw > 0 and a + b >= 3:
                        if c_id not in mdots:
                            mdots[c_id] = _member_dots(pref, clo, gy[1], i, j, max_a, max_b, m)
                        dots, norms = mdots[c_id]
                        cost = cost + mw * _member_shortfall(dots, norms, gx, gy, i, a, j, b, tau)
                cost = cost + model.prior.get((a, b), 0.0)
            cand = prev + cost
            better = cand < best
            best = np.where(better, cand, best)
            arg = np.where(better, k, arg)
        if k01 >= 0 and w > 1:
            # 0-1 beads move along the row: D[j] = min(best[j], D[j-1] + skip(j-1)),
            # solved in one pass as a running minimum.
            c = np.zeros(w)
            c[1:] = ty_cum[j[1:]] - ty_cum[j[1:] - 1] + model.prior.get((0, 1), 0.0)
            s = np.cumsum(c)
            v = best - s
            rm = np.minimum.accumulate(v)
            moved = v > rm
            best = s + rm
            arg = np.where(moved, k01, arg)
        dist[i, :w] = best
        back[i, :w] = arg
    # backtrack
    path: list[tuple[int, int]] = []
    i, jj = n, m
    touched = False
    while i > 0 or jj > 0:
        k = int(back[i, jj - lo[i]])
        if k < 0:
            raise RuntimeError("alignment band is disconnected")
        if (jj == lo[i] and lo[i] > 0) or (jj == hi[i] and hi[i] < m):
            touched = True
        a, b = beads[k]
        path.append((a, b))
        i, jj = i - a, jj - b
    path.reverse()
    return path, touched


def align_units(src_len: Sequence[float] | np.ndarray, tgt_len: Sequence[float] | np.ndarray, channels: Sequence[Channel],
                model: CostModel, *, src_skip: Sequence[float] | np.ndarray | None = None,
                tgt_skip: Sequence[float] | np.ndarray | None = None, around: Sequence[RawBead] | None = None,
                half_width: int | None = None) -> list[RawBead]:
    """Best monotone bead sequence covering every unit of both sides exactly once.

    ``around`` (an earlier alignment of the same units) centres the band on its path
    instead of the diagonal, and ``half_width`` then overrides ``model.band``.
    """
    n, m = len(src_len), len(tgt_len)
    if n == 0 or m == 0:
        return ([RawBead((i,), (), 0.0, 0.0) for i in range(n)]
                + [RawBead((), (j,), 0.0, 0.0) for j in range(m)])
    sl = np.asarray(src_len, dtype=np.float64)
    tl = np.asarray(tgt_len, dtype=np.float64)
    ss = np.full(n, model.skip_cost) if src_skip is None else np.asarray(src_skip, dtype=np.float64)
    ts = np.full(m, model.skip_cost) if tgt_skip is None else np.asarray(tgt_skip, dtype=np.float64)
    center = np.arange(n + 1) * (m / n)
    half = max(4, model.band)
    if around is not None:
        center = _path_center([(len(b.src), len(b.tgt)) for b in around], n)
        half = max(1, half_width if half_width is not None else model.band)
    steps: list[tuple[int, int]] = []
    for _round in range(model.max_rounds):
        band = _make_band(center, half, m)
        steps, touched = _run_dp(sl, tl, channels, model, band, ss, ts)
        if not touched or half >= max(n, m):
            break
        center = _path_center(steps, n)
        half *= 2
    out = []
    i = jj = 0
    for a, b in steps:
        out.append(_describe(tuple(range(i, i + a)), tuple(range(jj, jj + b)), sl, tl, channels, model))
        i, jj = i + a, jj + b
    return out


def _path_center(steps: Sequence[tuple[int, int]], n: int) -> np.ndarray:
    """The target position a path reaches at each source position (interpolated)."""
    rows, cols = [0], [0]
    i = jj = 0
    for a, b in steps:
        i, jj = i + a, jj + b
        rows.append(i)
        cols.append(jj)
    out: np.ndarray = np.interp(np.arange(n + 1), np.asarray(rows, float), np.asarray(cols, float))
    return out


def _describe(src: tuple[int, ...], tgt: tuple[int, ...], sl: np.ndarray, tl: np.ndarray,
              channels: Sequence[Channel], model: CostModel) -> RawBead:
    if not src or not tgt:
        return RawBead(src, tgt, 0.0, 0.0)
    total_w = sum(c.weight for c in channels) or 1.0
    cos = 0.0
    for ch in channels:
        x = ch.src[list(src)].sum(axis=0)
        y = ch.tgt[list(tgt)].sum(axis=0)
        den = float(np.linalg.norm(x) * np.linalg.norm(y))
        c = float(x @ y) / den if den > 0 else 0.0
        if len(src) + len(tgt) > 2 and len(src) <= len(ch.src_runs) + 1 and len(tgt) <= len(ch.tgt_runs) + 1:
            xr = ch.src[src[0]] if len(src) == 1 else ch.src_runs[len(src) - 2][src[0]]
            yr = ch.tgt[tgt[0]] if len(tgt) == 1 else ch.tgt_runs[len(tgt) - 2][tgt[0]]
            den = float(np.linalg.norm(xr) * np.linalg.norm(yr))
            rc = (float(xr @ yr) / den if den > 0 else 0.0) - ch.run_offset
            c = ch.run_weight * rc + (1.0 - ch.run_weight) * c
        cos += ch.weight / total_w * c
    lc = float(length_cost(np.array([sl[list(src)].sum()]), np.array([tl[list(tgt)].sum()]),
                           model.ratio, model.variance)[0])
    return RawBead(src, tgt, cos, float(np.exp(-lc)))
