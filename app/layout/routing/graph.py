"""Routes around cards: a visibility graph over points just outside the cards, searched with igraph.

Each card offers four waypoints (its corners) one unit further out than the clearance; a waypoint too near
another card is dropped. Two waypoints within reach of each other are joined when the straight segment between
them keeps the clearance from every card, tested in bulk. Each card also
has a source vertex with edges out to its own waypoints and a sink vertex with edges in from them, so a path
may start and end inside its own two cards but never cuts through a third. igraph's Dijkstra from one source
stops once all of that source's targets are settled, and links are mostly local, so each search stays small.
The search counts hops, not length (see `paths`).
"""

from __future__ import annotations

import igraph as ig
import numpy as np

from app.layout.neighbours import pairs_within
from app.layout.routing.geometry import Obstacles

# Waypoints sit this much beyond the clearance, so that a path along a card never grazes it.
WAYPOINT_SLACK = 1.0
# How far waypoints see each other, in typical card widths.
REACH = 1.2


class VisibilityGraph:
    def __init__(self, rects: np.ndarray, obstacles: Obstacles):
        self.rects = rects
        n = len(rects)
        d = obstacles.clearance + WAYPOINT_SLACK
        left, top, right, bottom = (rects[:, k] for k in range(4))
        lo_x, hi_x, lo_y, hi_y = left - d, right + d, top - d, bottom + d
        # Only the corners: a path along a side runs corner to corner, and every waypoint costs edges to test and
        # vertices to search (the middles of the top and bottom made routing a fifth slower for no shorter path).
        xs = np.column_stack((lo_x, hi_x, hi_x, lo_x))
        ys = np.column_stack((lo_y, lo_y, hi_y, hi_y))
        # Reach: far enough to see past a neighbouring card to the waypoints beyond it.
        reach = REACH * float(np.median(np.maximum(right - left, bottom - top))) + 2 * d if n else 0.0
        # Open space between groups of cards has no corners to hop between: a lattice fills it.
        lattice = _lattice(rects, 0.9 * reach) if n else np.zeros((0, 2))
        points = np.concatenate([np.column_stack((xs.ravel(), ys.ravel())), lattice])
        owner = np.r_[np.repeat(np.arange(n), xs.shape[1]), np.full(len(lattice), -1)]
        none = np.full(len(points), -1)
        free = ~obstacles.blocked(points, points, none, none)
        self.points, self.owner = points[free], owner[free]
        m = len(self.points)
        pairs = pairs_within(self.points, reach) if m > 1 else np.empty((0, 2), dtype=np.intp)
        none = np.full(len(pairs), -1)
        clear = ~obstacles.blocked(self.points[pairs[:, 0]], self.points[pairs[:, 1]], none, none)
        pairs = pairs[clear]
        self.pair_count = len(pairs)
        # Vertices: waypoints 0..m-1, then card i's source m + i and its sink m + n + i.
        own = np.flatnonzero(self.owner >= 0)
        sources = m + self.owner[own]
        sinks = m + n + self.owner[own]
        wp = own
        edges = np.concatenate([pairs, pairs[:, ::-1], np.column_stack((sources, wp)), np.column_stack((wp, sinks))])
        self.m, self.n = m, n
        self.graph = ig.Graph(n=m + 2 * n, edges=edges.tolist(), directed=True)

    def paths(self, roots: np.ndarray, others: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The waypoints from card roots[k] to card others[k], for every k: their indices in `points`, all ways
        in one flat array, and each way's count of waypoints (0 where there is no way)."""
        roots, others = np.asarray(roots, dtype=np.int64), np.asarray(others, dtype=np.int64)
        order = np.lexsort((others, roots))
        bounds = np.flatnonzero(np.r_[True, roots[order][1:] != roots[order][:-1], True])
        found: list[list[int]] = [[]] * len(roots)
        sinks = (self.m + self.n + others).tolist()
        for first, last in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            chunk = order[first:last].tolist()
            # Fewest hops rather than shortest length: python-igraph converts a weight list on every call, some
            # milliseconds on a big map, while an unweighted search from one source costs a fraction of that.
            # Hops are at most the reach long, so few hops means a short path, with few bends; the shortcuts
            # of the router then pull it taut.
            ways = self.graph.get_shortest_paths(self.m + int(roots[chunk[0]]), to=[sinks[k] for k in chunk],
                                                 mode="out", output="vpath")
            for k, way in zip(chunk, ways, strict=True):
                found[k] = way
        # A way runs from the root's source vertex through waypoints to the other card's sink vertex.
        counts = np.array([max(len(way) - 2, 0) for way in found], dtype=np.int64)
        flat = [v for way in found for v in way[1:-1]]
        return np.array(flat, dtype=np.int64), counts


def _lattice(rects: np.ndarray, step: float) -> np.ndarray:
    """Points `step` apart over the cards' extent and a step around it."""
    low = rects[:, :2].min(axis=0) - step
    high = rects[:, 2:].max(axis=0) + step
    xs = np.arange(low[0], high[0] + step, step)
    ys = np.arange(low[1], high[1] + step, step)
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    return np.column_stack((gx.ravel(), gy.ravel()))
