"""Polylines against card rectangles: which segments come too near a card.

Rectangles are bucketed into a uniform grid of square cells (grown by the clearance), a segment looks only at
the rectangles of the cells that the bounding boxes of its cell-long pieces touch (found in a dense table of the
cells), and measures each exactly: a segment meets a rectangle when Liang–Barsky clipping leaves some of it, and
otherwise their distance is the smallest of the segment's ends to the rectangle and the rectangle's corners to the
segment (for two disjoint convex shapes the nearest pair always has a corner of one of them). `Obstacles.near`
lists every (segment, rectangle) pair that is too near, in bulk with numpy; `Obstacles.blocked`, which the router
asks hundreds of thousands of times, only whether there is one, in a compiled loop that stops at the first.
"""

from __future__ import annotations

import numpy as np

from app.layout.routing import kernels

CLEARANCE = 6.0
# A path exactly at the clearance counts as clear: rounding must not turn a channel centre line into a crossing.
TOLERANCE = 1e-6
# A cell's side in typical card sizes.
CELL_CARDS = 2.5
# Cells in the table of an Obstacles at most (some 16 MB).
MAX_CELLS = 1 << 21


class Obstacles:
    """Card rectangles (n, 4) as left, top, right, bottom, bucketed for segment queries."""

    def __init__(self, rects: np.ndarray, clearance: float = CLEARANCE):
        self.rects = np.asarray(rects, dtype=float).reshape(-1, 4)
        self.clearance = float(clearance)
        self._grid = None
        n = len(self.rects)
        if n == 0:
            self.cell, self.origin = 1.0, np.zeros(2)
            self.members = np.empty(0, dtype=np.int64)
            self.boxes = np.empty((0, 4))
            self.box_columns = tuple(np.empty(0) for _ in range(4))
            self.start = np.zeros(2, dtype=np.int64)
            self.stride = self.width = 1
            return
        sizes = np.r_[self.rects[:, 2] - self.rects[:, 0], self.rects[:, 3] - self.rects[:, 1]]
        # Cells of a few cards each: a long segment is cut into fewer pieces, and the boxes of the pieces sift
        # out the cards of a cell that are not in the way cheaply (the routing of big maps was fastest with cells
        # two to four times a card's size).
        self.cell = max(CELL_CARDS * float(np.median(sizes)) + 2 * self.clearance, 1.0)
        grown = self.rects + np.array([-1, -1, 1, 1]) * self.clearance
        self.origin = grown[:, :2].min(axis=0)
        extent = grown[:, 2:].max(axis=0) - self.origin
        # Cards strewn far apart would make the dense table below huge: its cells grow instead.
        if np.prod(extent / self.cell + 3) > MAX_CELLS:
            self.cell = max(self.cell, float(np.sqrt(np.prod(extent + self.cell) / MAX_CELLS)) * 1.5)
        lo = np.floor((grown[:, :2] - self.origin) / self.cell).astype(np.int64)
        hi = np.floor((grown[:, 2:] - self.origin) / self.cell).astype(np.int64)
        self.stride = int(hi[:, 1].max()) + 3
        # A dense table of cells, one cell of padding all round, holds where each cell's rectangles start in
        # `members`: a query finds a cell's rectangles by indexing, not by a binary search.
        self.width = int(hi[:, 0].max()) + 3
        owner, keys = _cells(lo + 1, hi + 1, self.stride)
        order = np.argsort(keys, kind="stable")
        self.members = owner[order]
        self.boxes = self.rects[self.members] + np.array([-1, -1, 1, 1]) * (self.clearance - TOLERANCE)
        self.start = np.searchsorted(keys[order], np.arange(self.width * self.stride + 1))
        self.box_columns = tuple(np.ascontiguousarray(self.boxes[:, k]) for k in range(4))

    def near(self, p0: np.ndarray, p1: np.ndarray, end_a: np.ndarray, end_b: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray]:
        """(segment, rectangle) pairs closer than the clearance, rectangles end_a/end_b of a segment excepted."""
        p0 = np.asarray(p0, dtype=float).reshape(-1, 2)
        p1 = np.asarray(p1, dtype=float).reshape(-1, 2)
        empty = np.empty(0, dtype=np.int64)
        if len(p0) == 0 or len(self.rects) == 0:
            return empty, empty
        # A long diagonal segment's bounding box covers the square of its length in cells: cut into pieces about
        # a cell long, it covers a few cells per piece instead.
        pieces = np.maximum(np.ceil(np.abs(p1 - p0).max(axis=1) / self.cell).astype(np.int64), 1)
        piece_of = np.repeat(np.arange(len(p0)), pieces)
        step = np.arange(len(piece_of)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
        d = (p1 - p0) / pieces[:, None]
        a = p0[piece_of] + d[piece_of] * step[:, None]
        b = a + d[piece_of]
        low = np.minimum(a, b)
        high = np.maximum(a, b)
        # Cells beyond the occupied range are clipped into the padding, where no rectangle lies.
        top = np.array([self.width - 1, self.stride - 1])
        lo = np.clip(np.floor((low - self.origin) / self.cell) + 1, 0, top).astype(np.int64)
        hi = np.clip(np.floor((high - self.origin) / self.cell) + 1, 0, top).astype(np.int64)
        piece, keys = _cells(lo, hi, self.stride) if np.any(hi - lo > 1) else _cells_of_short(lo, hi, self.stride)
        first = self.start[keys]
        count = self.start[keys + 1] - first
        busy = count > 0
        piece, first, count = piece[busy], first[busy], count[busy]
        before = np.cumsum(count) - count
        slot = np.repeat(first - before, count) + np.arange(int(count.sum()))
        piece = np.repeat(piece, count)
        # A piece comes near a rectangle only where its box overlaps the rectangle grown by the clearance: this
        # drops most of a cell's rectangles before any exact test.
        # Along x first, then along y for what is left: most candidates drop out at the first test, and gathering
        # single columns moves a quarter of the memory that rows of the boxes would.
        left, top_, right, bottom = self.box_columns
        overlap = (left[slot] <= high[:, 0][piece]) & (right[slot] >= low[:, 0][piece])
        slot, piece = slot[overlap], piece[overlap]
        overlap = (top_[slot] <= high[:, 1][piece]) & (bottom[slot] >= low[:, 1][piece])
        seg, rect = piece_of[piece[overlap]], self.members[slot[overlap]]
        keep = (rect != np.asarray(end_a)[seg]) & (rect != np.asarray(end_b)[seg])
        seg, rect = seg[keep], rect[keep]
        if len(seg) == 0:
            return empty, empty
        pair = _distinct(seg.astype(np.int64) * len(self.rects) + rect)
        seg, rect = pair // len(self.rects), pair % len(self.rects)
        close = within(p0[seg], p1[seg], self.rects[rect], self.clearance - TOLERANCE)
        return seg[close], rect[close]

    def blocked(self, p0, p1, end_a, end_b) -> np.ndarray:
        """True for each segment that comes within the clearance of a card other than its ends."""
        p0 = np.asarray(p0, dtype=float).reshape(-1, 2)
        p1 = np.asarray(p1, dtype=float).reshape(-1, 2)
        if len(p0) == 0 or len(self.rects) == 0:
            return np.zeros(len(p0), dtype=bool)
        end_a = np.broadcast_to(np.asarray(end_a, dtype=np.int64), len(p0))
        end_b = np.broadcast_to(np.asarray(end_b, dtype=np.int64), len(p0))
        return kernels.blocked(p0, p1, end_a, end_b, self.grid())

    def grid(self) -> tuple:
        """The cards and their table of cells as the compiled loops take them (kernels): the rectangle of each
        card in each cell, how near is too near, the table's origin (x, y), cell, width and stride, where each
        cell's cards start, and which card each is."""
        if self._grid is None:
            self._grid = (np.ascontiguousarray(self.rects[self.members]), self.clearance - TOLERANCE,
                          float(self.origin[0]), float(self.origin[1]), float(self.cell), int(self.width),
                          int(self.stride), np.ascontiguousarray(self.start, dtype=np.int64),
                          np.ascontiguousarray(self.members, dtype=np.int64))
        return self._grid


def _distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (a sort and a mask: numpy's hashing unique is slower on these sizes)."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def _cells(lo: np.ndarray, hi: np.ndarray, stride: int) -> tuple[np.ndarray, np.ndarray]:
    """Every (owner, cell key) of the boxes of cells lo..hi (inclusive, per owner)."""
    nx = hi[:, 0] - lo[:, 0] + 1
    ny = hi[:, 1] - lo[:, 1] + 1
    count = nx * ny
    owner = np.repeat(np.arange(len(lo)), count)
    local = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    ix = lo[owner, 0] + local // ny[owner]
    iy = lo[owner, 1] + local % ny[owner]
    return owner, ix * stride + iy


def _cells_of_short(lo: np.ndarray, hi: np.ndarray, stride: int) -> tuple[np.ndarray, np.ndarray]:
    """`_cells` for boxes at most two cells wide and high: their one to four cells without the expansion."""
    wide = hi[:, 0] > lo[:, 0]
    high = hi[:, 1] > lo[:, 1]
    corner = lo[:, 0] * stride + lo[:, 1]
    owner = np.arange(len(lo))
    owners = (owner, owner[wide], owner[high], owner[wide & high])
    keys = (corner, corner[wide] + stride, corner[high] + 1, corner[wide & high] + stride + 1)
    return np.concatenate(owners), np.concatenate(keys)


def within(p0: np.ndarray, p1: np.ndarray, rects: np.ndarray, distance: float) -> np.ndarray:
    """True where the segment p0→p1 comes within `distance` of its rectangle (left, top, right, bottom).

    The points within the distance of a rectangle are the rectangle grown by it along x, the rectangle grown by it
    along y, and the discs round its corners. Missing the rectangle grown both ways rules most segments out; of
    the rest, clipping finds most against the two crosses, and only the few left pass a corner's disc or not.
    """
    grow = np.array([-1, -1, 1, 1]) * distance
    out = _clips(p0, p1, rects + grow)
    maybe = np.flatnonzero(out)
    p0, p1, rects = p0[maybe], p1[maybe], rects[maybe]
    along_x, along_y = grow * np.array([1, 0, 1, 0]), grow * np.array([0, 1, 0, 1])
    cross = _clips(p0, p1, rects + along_x) | _clips(p0, p1, rects + along_y)
    corner = np.flatnonzero(~cross)
    if len(corner):
        cross[corner] = segment_rect_distance(p0[corner], p1[corner], rects[corner]) < distance
    out[maybe] = cross
    return out


def segment_rect_distance(p0: np.ndarray, p1: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """Euclidean distance between each segment p0→p1 and its rectangle (left, top, right, bottom)."""
    x0, y0, x1, y1 = rects[:, 0], rects[:, 1], rects[:, 2], rects[:, 3]
    d = p1 - p0
    meets = _clips(p0, p1, rects)
    best = np.minimum(_point_rect(p0, rects), _point_rect(p1, rects))
    length2 = np.maximum((d * d).sum(axis=1), 1e-300)
    for cx, cy in ((x0, y0), (x1, y0), (x1, y1), (x0, y1)):
        corner = np.column_stack((cx, cy))
        t = np.clip(((corner - p0) * d).sum(axis=1) / length2, 0.0, 1.0)
        foot = p0 + d * t[:, None]
        best = np.minimum(best, np.hypot(*(corner - foot).T))
    return np.where(meets, 0.0, best)


def _clips(p0: np.ndarray, p1: np.ndarray, rects: np.ndarray) -> np.ndarray:
    """True where some of the segment lies in its (closed) rectangle: Liang–Barsky clipping."""
    d = p1 - p0
    enter, leave = np.zeros(len(p0)), np.ones(len(p0))
    with np.errstate(divide="ignore", invalid="ignore"):
        for axis in (0, 1):
            low, high = rects[:, axis], rects[:, axis + 2]
            start, step = p0[:, axis], d[:, axis]
            flat = step == 0
            ta = np.where(flat, -np.inf, (low - start) / step)
            tb = np.where(flat, np.inf, (high - start) / step)
            outside = flat & ((start < low) | (start > high))
            enter = np.maximum(enter, np.where(outside, np.inf, np.minimum(ta, tb)))
            leave = np.minimum(leave, np.maximum(ta, tb))
    return enter <= leave


def _point_rect(p: np.ndarray, rects: np.ndarray) -> np.ndarray:
    dx = np.maximum.reduce([rects[:, 0] - p[:, 0], np.zeros(len(p)), p[:, 0] - rects[:, 2]])
    dy = np.maximum.reduce([rects[:, 1] - p[:, 1], np.zeros(len(p)), p[:, 1] - rects[:, 3]])
    return np.hypot(dx, dy)
