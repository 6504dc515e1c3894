"""Near points in the plane: the pairs within a radius, and each point's nearest other point.

Points are sorted into a uniform grid of square cells; every pair within the radius then lies in one cell or
in two touching ones. Joining each occupied cell with itself and with four of its eight neighbours (the other
four see it from their side) gives every candidate pair once, by sorting the cell keys and finding each
neighbour with `searchsorted`, and `np.repeat` spells out the pairs of each matched cell pair without a loop
over points. Only candidates are then measured exactly. Cells are a hair wider than the radius so that
rounding in the cell arithmetic can never hide a pair at exactly the radius.

Distances are measured as a k-d tree does (scipy's cKDTree): squared differences summed and compared with the
squared radius for the Euclidean distance, the larger difference for the Chebyshev one, and a pair at exactly
the radius counts. Results come in a fixed order so that sums over them are reproducible.
"""

from __future__ import annotations

import numpy as np

_EPS = float(np.finfo(float).eps)
# Cells whose 3×3 block holds more points than this are split before nearest points are looked for.
_CROWD = 48
_SPLITS = 64
_NEIGHBOURS = ((0, 1), (1, -1), (1, 0), (1, 1))
_BLOCK = tuple((dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))


@np.errstate(over="ignore")  # points near the largest floats: measured as inf, never missed
def pairs_within(points, radius: float, p: float = 2.0) -> np.ndarray:
    """(m, 2) indices i < j of the points at most `radius` apart, sorted by i then j.

    `p` is 2 for the Euclidean distance or np.inf for the Chebyshev one (the larger of |dx| and |dy|).
    """
    xy = _as_points(points)
    if p not in (2, np.inf):
        raise ValueError(f"p must be 2 or inf, not {p!r}")
    radius = float(radius)
    n = len(xy)
    if n < 2 or not radius >= 0.0:
        return np.empty((0, 2), dtype=np.intp)
    grid = _Grid(xy, radius if radius > 0.0 else 1.0)
    limit = radius * radius if p == 2 else radius
    found = []
    # Pairs inside one cell: each point with those after it in the cell.
    position = np.arange(n)
    rows, cols = _expand(position, position + 1, grid.end[grid.cell_of] - position - 1)
    found.append(_close(xy, grid.order[rows], grid.order[cols], limit, p))
    for dx, dy in _NEIGHBOURS:
        first, count = grid.neighbour(dx, dy)
        rows, cols = _expand(position, first[grid.cell_of], count[grid.cell_of])
        found.append(_close(xy, grid.order[rows], grid.order[cols], limit, p))
    i = np.concatenate([f[0] for f in found])
    j = np.concatenate([f[1] for f in found])
    low, high = np.minimum(i, j), np.maximum(i, j)
    order = np.argsort(low.astype(np.int64) * n + high)  # the keys differ: any sort gives this order
    return np.column_stack((low[order], high[order])).astype(np.intp, copy=False)


@np.errstate(over="ignore")  # points near the largest floats: measured as inf, never missed
def nearest_other(points) -> tuple[np.ndarray, np.ndarray]:
    """Each point's Euclidean distance to the nearest other point, and that point's index.

    Among equally near points the lowest index is given. With fewer than two points there is no other point:
    the distance is inf and the index is n, as a k-d tree reports a missing neighbour.
    """
    xy = _as_points(points)
    n = len(xy)
    distance2 = np.full(n, np.inf)
    index = np.full(n, n, dtype=np.intp)
    if n < 2:
        return np.sqrt(distance2), index
    # Points on the same spot are each other's nearest at distance 0; the grid then sees each spot once, under
    # its lowest index, so that it never has to tell apart points that cannot be told apart.
    order = np.lexsort((xy[:, 1], xy[:, 0]))
    ordered = xy[order]
    new_spot = np.r_[True, np.any(ordered[1:] != ordered[:-1], axis=1)]
    starts = np.flatnonzero(new_spot)
    sizes = np.diff(np.r_[starts, n])
    spot_of = np.repeat(np.arange(len(starts)), sizes)
    shared = sizes[spot_of] > 1
    first = order[starts][spot_of]
    second = order[np.minimum(starts + 1, n - 1)][spot_of]
    mine = order[shared]
    distance2[mine] = 0.0
    index[mine] = np.where(mine == first[shared], second[shared], first[shared])
    if len(starts) < 2:
        return np.sqrt(distance2), index
    # Each spot under its lowest index, in the order of those indices, so that ties go to the lowest index.
    by_index = np.argsort(order[starts])
    spots = order[starts][by_index]
    alone = np.flatnonzero(sizes[by_index] == 1)
    d2, j = _nearest_distinct(xy[spots], alone)
    distance2[spots[alone]] = d2
    index[spots[alone]] = spots[j]
    return np.sqrt(distance2), index


def _as_points(points) -> np.ndarray:
    xy = np.asarray(points, dtype=float)
    if xy.size == 0:
        return xy.reshape(0, 2)
    if xy.ndim != 2 or xy.shape[1] != 2:
        raise ValueError(f"points must be an (n, 2) array, not {xy.shape}")
    if not np.all(np.isfinite(xy)):
        raise ValueError("points must be finite")
    return xy


class _Grid:
    """Points sorted by the square cell of side `cell` (a hair more) that holds them."""

    def __init__(self, xy: np.ndarray, cell: float):
        n = len(xy)
        self.cell = cell
        self._neighbours: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
        low = xy.min(axis=0)
        columns = []
        for axis in (0, 1):
            offset = xy[:, axis] - low[axis]
            reach = float(offset.max()) / cell
            if not np.isfinite(reach):
                # Points too far apart for the arithmetic: one column then, which is slow but still right.
                columns.append(np.zeros(n))
                continue
            # The cell coordinates below carry rounding errors of a few ulps of `reach`; widening the cells by
            # more than that keeps two points at most `cell` apart in touching cells.
            size = cell * (1.0 + 16.0 * _EPS * max(reach, 1.0))
            columns.append(np.floor(offset / size))
        cx, cy = (_dense(c) for c in columns)
        # A margin of one cell on each side: a neighbour's key never wraps into the next column.
        self.stride = int(cy.max()) + 3
        keys = (cx + 1) * self.stride + (cy + 1)
        self.order = np.argsort(keys, kind="stable")
        ordered = keys[self.order]
        start = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        self.keys = ordered[start]
        self.start = start
        self.end = np.r_[start[1:], n]
        self.cell_of = np.repeat(np.arange(len(start)), self.end - start)

    def neighbour(self, dx: int, dy: int) -> tuple[np.ndarray, np.ndarray]:
        """For each occupied cell, the first sorted position and the count of points of its (dx, dy) neighbour."""
        if (dx, dy) not in self._neighbours:
            target = self.keys + dx * self.stride + dy
            at = np.minimum(np.searchsorted(self.keys, target), len(self.keys) - 1)
            hit = self.keys[at] == target
            self._neighbours[dx, dy] = self.start[at], np.where(hit, self.end[at] - self.start[at], 0)
        return self._neighbours[dx, dy]


def _dense(column: np.ndarray) -> np.ndarray:
    """Cell coordinates renumbered 0.. as int64, touching cells still one apart and all others further."""
    if column.max() < 2.0 ** 30:
        return column.astype(np.int64)
    values, inverse = np.unique(column, return_inverse=True)
    step = np.where(np.diff(values) == 1.0, 1, 2)
    return np.r_[0, np.cumsum(step)].astype(np.int64)[inverse.reshape(-1)]


def _expand(rows: np.ndarray, first: np.ndarray, count: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row rows[k] paired with first[k], first[k] + 1, … (count[k] of them), for every k, in order."""
    count = np.maximum(count, 0)
    total = int(count.sum())
    if total == 0:
        empty = np.empty(0, dtype=np.intp)
        return empty, empty
    repeated = np.repeat(rows, count)
    before = np.cumsum(count) - count
    cols = np.repeat(first - before, count) + np.arange(total)
    return repeated, cols


def _close(xy, i, j, limit, p):
    dx = xy[j, 0] - xy[i, 0]
    dy = xy[j, 1] - xy[i, 1]
    if p == 2:
        keep = dx * dx + dy * dy <= limit
    else:
        keep = np.maximum(np.abs(dx), np.abs(dy)) <= limit
    return i[keep], j[keep]


def _nearest_distinct(xy: np.ndarray, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Squared distance and index of the nearest other point for xy[queries]; no two points of xy coincide.

    A 3×3 block of cells holds every point within one cell side of the query, so a nearest point found at
    most that far is the nearest. The search starts on cells fine enough that no block is crowded and doubles
    them for the queries it has not settled yet.
    """
    n = len(xy)
    best2 = np.full(n, np.inf)
    best = np.full(n, n, dtype=np.intp)
    span = np.ptp(xy, axis=0)
    widest = float(span.max())
    cell = float(np.sqrt(span[0] * span[1] / n)) if span.min() > 0 else widest / n
    for _ in range(_SPLITS):
        grid = _Grid(xy, cell)
        counts = grid.end - grid.start
        block = sum(grid.neighbour(dx, dy)[1] for dx, dy in _BLOCK if (dx, dy) != (0, 0)) + counts
        if block.max() <= _CROWD or cell <= widest * 1e-12:
            break
        cell /= 2.0
    pending = np.asarray(queries, dtype=np.intp)
    while len(pending):
        if grid.cell != cell:
            grid = _Grid(xy, cell)
        rank = np.empty(n, dtype=np.intp)
        rank[grid.order] = np.arange(n)
        cell_of = grid.cell_of[rank[pending]]
        found2 = np.full(len(pending), np.inf)
        found = np.full(len(pending), n, dtype=np.intp)
        for dx, dy in _BLOCK:
            first, count = grid.neighbour(dx, dy)
            count = count[cell_of]
            row, col = _expand(np.arange(len(pending)), first[cell_of], count)
            if len(row) == 0:
                continue
            other = grid.order[col]
            query = pending[row]
            d2 = (xy[other, 0] - xy[query, 0]) ** 2 + (xy[other, 1] - xy[query, 1]) ** 2
            own = other == query
            d2[own], other[own] = np.inf, n
            # Each query's candidates in this cell are consecutive: the nearest of them, the lowest index
            # among equally near ones, then kept if nearer than what the other cells gave.
            rows = np.flatnonzero(count)
            group = (np.cumsum(count) - count)[rows]
            near2 = np.minimum.reduceat(d2, group)
            near = np.minimum.reduceat(np.where(d2 == np.repeat(near2, count[rows]), other, n), group)
            better = (near2 < found2[rows]) | ((near2 == found2[rows]) & (near < found[rows]))
            found2[rows[better]] = near2[better]
            found[rows[better]] = near[better]
        settled = (found2 <= cell * cell) | (cell >= widest)
        best2[pending] = found2
        best[pending] = found
        pending = pending[~settled]
        cell *= 2.0
    return best2[queries], best[queries]
