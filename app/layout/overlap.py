"""Pushing overlapping cards apart.

Two cards are apart when their rectangles, each grown by half the gap on every side, do not intersect: the
horizontal or the vertical distance between centres is at least half the summed sizes plus the gap.

Overlapping pairs are found on a grid (app.layout.neighbours) in coordinates scaled by the largest card, so a
pair is a candidate only when it could intersect. Each round pushes every overlapping pair apart along the
axis where they overlap least (the smallest move that separates them); all pushes of a round are added up, so
the result does not depend on the order of the pairs. Such rounds settle a loose map in a few steps but jam
inside a crowded heap, where every card is pushed from all sides at once; when many cards are still caught
after a batch of rounds the map is spread about its centre by a measured factor and the rounds resume. The few
cards left are then placed one at a time on the nearest free spot, which cannot create a new overlap, so the
whole procedure always ends with none. A heap far denser than the cards could ever be (everything dropped on
one spot, or on one line) is dealt onto a grid in the cards' order first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from app.layout.model import LayoutNode, Positions, Progress, Reporter, check_nodes, sizes, to_positions
from app.layout.neighbours import pairs_within

ROUNDS = 20
ATTEMPTS = 8
# Pushes aim slightly past contact so that rounding never leaves two cards touching by a hair.
SLACK = 1e-3
# A pair counts as overlapping only beyond this much, so cards exactly at the gap are left alone.
TOLERANCE = 1e-6
# Pushing half the overlap each way separates a lone pair; pushing a little more keeps chains from creeping.
OVERSHOOT = 1.5
# Cards still caught after a batch of rounds that are few enough to place one by one.
FEW = 0.05


def remove_overlaps(
    nodes: Iterable[LayoutNode], positions: Positions, gap: float = 24.0, progress: Progress | None = None
) -> Positions:
    """Centres moved as little as practical so that no two cards are closer than `gap`.

    Every node needs a position; positions of keys that are not among the nodes are ignored.
    """
    nodes = check_nodes(nodes)
    missing = [n.key for n in nodes if n.key not in positions]
    if missing:
        raise ValueError(f"no position for {len(missing)} node(s), e.g. {missing[0]!r}")
    if not nodes:
        return {}
    xy = np.array([positions[n.key] for n in nodes], dtype=float).reshape(-1, 2)
    if not np.all(np.isfinite(xy)):
        raise ValueError("positions must be finite")
    w, h = sizes(nodes)
    report = Reporter(progress)
    result = separate(xy, w, h, gap, report)
    report.done()
    return to_positions(nodes, result)


def separate(xy: np.ndarray, w: np.ndarray, h: np.ndarray, gap: float, report: Reporter | None = None) -> np.ndarray:
    """The array form of remove_overlaps, for the layouts: n×2 centres, widths and heights."""
    xy = np.array(xy, dtype=float, copy=True)
    n = len(xy)
    if n < 2:
        return xy
    gap = max(0.0, float(gap))
    half_w = (np.asarray(w, dtype=float) + gap) / 2.0
    half_h = (np.asarray(h, dtype=float) + gap) / 2.0
    # Candidate search works in units of the largest card so that one radius fits every pair.
    unit = np.array([2.0 * half_w.max(), 2.0 * half_h.max()])

    # Both steps below touch only cards that certainly overlap, so a clean map comes back unchanged; they
    # also keep a heap from handing the pair search millions of candidates.
    _fan_out_coincident(xy, half_w, half_h)
    if _crowding(xy, half_w, half_h) > 2.0:
        # Twice the card area that the centres can hold (a heap, or everything on one line): no local repair
        # can help, so keep only the cards' order and deal them onto a grid.
        _deal_onto_grid(xy, half_w, half_h)
    for attempt in range(ATTEMPTS):
        for round_ in range(ROUNDS):
            if report is not None:
                report((attempt * ROUNDS + round_) / (ATTEMPTS * ROUNDS))
            i, j, over_x, over_y = overlapping_pairs(xy, half_w, half_h, unit)
            if len(i) == 0:
                return xy
            _push_apart(xy, i, j, over_x, over_y)
        i, j, _, _ = overlapping_pairs(xy, half_w, half_h, unit)
        caught = len(np.union1d(i, j))
        if caught <= max(20, FEW * n) or attempt == ATTEMPTS - 1:
            break
        _spread(xy, i, j, half_w, half_h)
    _place_one_by_one(xy, half_w, half_h, unit, i, j)
    return xy


def overlapping_pairs(xy: np.ndarray, half_w: np.ndarray, half_h: np.ndarray, unit: np.ndarray):
    """Index pairs (i < j) closer than allowed, with how far they overlap along x and along y."""
    # The pairs come sorted by i, then j, which keeps the float sums below reproducible.
    pairs = pairs_within(xy / unit, 1.0, p=np.inf)
    if len(pairs) == 0:
        empty = np.empty(0, dtype=np.intp)
        return empty, empty, np.empty(0), np.empty(0)
    i, j = pairs[:, 0], pairs[:, 1]
    over_x = half_w[i] + half_w[j] - np.abs(xy[j, 0] - xy[i, 0])
    over_y = half_h[i] + half_h[j] - np.abs(xy[j, 1] - xy[i, 1])
    hit = (over_x > TOLERANCE) & (over_y > TOLERANCE)
    return i[hit], j[hit], over_x[hit], over_y[hit]


def _push_apart(xy, i, j, over_x, over_y):
    n = len(xy)
    along_x = over_x <= over_y
    amount = np.where(along_x, over_x, over_y) / 2.0 * OVERSHOOT + SLACK
    d = np.where(along_x, xy[j, 0] - xy[i, 0], xy[j, 1] - xy[i, 1])
    # Centres level on the pushing axis: j goes the positive way, a fixed and repeatable choice.
    step = np.where(d < 0, -amount, amount)
    for axis, mask in ((0, along_x), (1, ~along_x)):
        s = np.where(mask, step, 0.0)
        xy[:, axis] += np.bincount(j, weights=s, minlength=n) - np.bincount(i, weights=s, minlength=n)


def _fan_out_coincident(xy, half_w, half_h):
    """Cards dropped on exactly the same spot get a small grid around it; pushing cannot tell them apart."""
    _, inverse, counts = np.unique(xy, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    for group in np.flatnonzero(counts > 1):
        members = np.flatnonzero(inverse == group)
        cols = int(np.ceil(np.sqrt(len(members))))
        rows = int(np.ceil(len(members) / cols))
        pitch = 2.0 * np.array([half_w[members].max(), half_h[members].max()])
        r, c = np.divmod(np.arange(len(members)), cols)
        xy[members, 0] += (c - (cols - 1) / 2.0) * pitch[0]
        xy[members, 1] += (r - (rows - 1) / 2.0) * pitch[1]


def _crowding(xy, half_w, half_h) -> float:
    """Card area over the area that apart cards around these centres could cover; above 1 they must overlap."""
    need = float(np.sum(4.0 * half_w * half_h))
    span_x = np.ptp(xy[:, 0]) + 2.0 * half_w.max()
    span_y = np.ptp(xy[:, 1]) + 2.0 * half_h.max()
    return need / (span_x * span_y)


def _deal_onto_grid(xy, half_w, half_h):
    n = len(xy)
    pitch_x, pitch_y = 2.0 * half_w.max() + SLACK, 2.0 * half_h.max() + SLACK
    cols = max(1, round(np.sqrt(n * 16.0 / 9.0 * pitch_y / pitch_x)))
    rows = int(np.ceil(n / cols))
    centre = xy.mean(axis=0)
    by_x = np.lexsort((np.arange(n), xy[:, 1], xy[:, 0]))
    out = np.empty_like(xy)
    for c in range(cols):
        column = by_x[c * rows:(c + 1) * rows]
        column = column[np.lexsort((column, xy[column, 0], xy[column, 1]))]
        out[column, 0] = (c - (cols - 1) / 2.0) * pitch_x
        out[column, 1] = (np.arange(len(column)) - (rows - 1) / 2.0) * pitch_y
    xy[:] = out + centre


def _spread(xy, i, j, half_w, half_h):
    """Spread about the centre by a factor that would free most of the pairs still caught."""
    d = np.abs(xy[j] - xy[i])
    with np.errstate(divide="ignore"):
        fx = np.where(d[:, 0] > 0, (half_w[i] + half_w[j]) / d[:, 0], np.inf)
        fy = np.where(d[:, 1] > 0, (half_h[i] + half_h[j]) / d[:, 1], np.inf)
    factor = float(np.clip(np.percentile(np.minimum(fx, fy), 75), 1.1, 4.0))
    centre = xy.mean(axis=0)
    xy[:] = centre + (xy - centre) * factor


def _place_one_by_one(xy, half_w, half_h, unit, i, j):
    """Move each still-caught card to the nearest spot where it touches nothing.

    A card placed this way overlaps nothing and no later move lands on it, so every move strictly reduces the
    overlapping pairs. Cards caught in most pairs move first: moving them frees their neighbours as well.
    """
    n = len(xy)
    count = np.bincount(i, minlength=n) + np.bincount(j, minlength=n)
    caught = np.flatnonzero(count)
    order = caught[np.lexsort((caught, -count[caught]))].tolist()
    xs, ys = xy[:, 0].tolist(), xy[:, 1].tolist()
    hw, hh = half_w.tolist(), half_h.tolist()
    ux, uy = float(unit[0]), float(unit[1])
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k in range(n):
        grid[(int(xs[k] // ux), int(ys[k] // uy))].append(k)

    def near(x, y, reach):
        cx, cy = int(x // ux), int(y // uy)
        for gx in range(cx - reach, cx + reach + 1):
            for gy in range(cy - reach, cy + reach + 1):
                yield from grid.get((gx, gy), ())

    def clashes(v, x, y):
        a, b = hw[v], hh[v]
        for u in near(x, y, 1):
            if u != v and abs(xs[u] - x) < hw[u] + a - TOLERANCE and abs(ys[u] - y) < hh[u] + b - TOLERANCE:
                return True
        return False

    def first_free(v, x, y, spots):
        spots.sort(key=lambda p: ((p[0] - x) ** 2 + (p[1] - y) ** 2, p))
        return next((p for p in spots if not clashes(v, *p)), None)

    for v in order:
        x, y = xs[v], ys[v]
        if not clashes(v, x, y):
            continue
        # Most often a free spot is just beside one of the neighbours, moving along one axis only.
        spots = []
        for u in near(x, y, 2):
            if u != v:
                sx, sy = hw[u] + hw[v] + SLACK, hh[u] + hh[v] + SLACK
                spots += [(xs[u] - sx, y), (xs[u] + sx, y), (x, ys[u] - sy), (x, ys[u] + sy)]
        spot = first_free(v, x, y, spots)
        ring = 1
        while spot is None:
            # Rings of card-sized steps: every ring outside the occupied area is free, so this ends.
            px, py = 2.0 * hw[v] + SLACK, 2.0 * hh[v] + SLACK
            spots = [(x + a * px, y + b * py) for a in range(-ring, ring + 1) for b in range(-ring, ring + 1)
                     if max(abs(a), abs(b)) == ring]
            spot = first_free(v, x, y, spots)
            ring += 1
        grid[(int(x // ux), int(y // uy))].remove(v)
        xs[v], ys[v] = spot
        grid[(int(spot[0] // ux), int(spot[1] // uy))].append(v)
    xy[:, 0] = xs
    xy[:, 1] = ys
