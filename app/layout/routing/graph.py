"""Routes around cards: a visibility graph over points just outside the cards, searched breadth first.

Each card offers four waypoints (its corners) one unit further out than the clearance; a waypoint too near
another card is dropped. Two waypoints within reach of each other are joined when the straight segment between
them keeps the clearance from every card, tested in bulk; a lattice of points fills the open space. Each card
also has a source vertex with edges out to its own waypoints and a sink vertex with edges in from them, so a
path may start and end inside its own two cards but never cuts through a third. The breadth-first search from one
vertex (kernels.fewest_hops) stops once all of its targets are reached, so a search costs about the area within
reach of its farthest target: a long way is searched from a lattice point near its middle (a hub) out to both its
cards, a very long one in pieces from hub to hub along its line, and nearby long ways share their hubs. The search
counts hops, not length (see `_search`).
"""

from __future__ import annotations

import numpy as np

from app.layout.neighbours import pairs_within
from app.layout.routing import kernels
from app.layout.routing.geometry import Obstacles

# Waypoints sit this much beyond the clearance, so that a path along a card never grazes it.
WAYPOINT_SLACK = 1.0
# How far waypoints see each other, in typical card widths.
REACH = 1.2
# A way longer than this many reaches is searched from the lattice point at its middle out to both its cards: two
# searches half as far reach a quarter of the vertices that one search from a card would (fewer where they are
# combined), and the middle of a long link mostly lies in open space, so the way bends little there.
HUB_LENGTH = 2.0
# Hubs are every other lattice point: ways of neighbouring links then share a hub, and one search serves them all.
HUB_STEPS = 2
# A way longer than twice this many reaches goes through more hubs than the one at its middle, one about every
# this many reaches: a search costs about the square of how far it goes, so pieces cost less than halves.
CHAIN_LENGTH = 6.0
# Hubs tried around a long way's middle, in hub steps from the hub below and left of it: the four around it and
# the ring beyond.
HUB_AROUND = np.array([(x, y) for x in range(-1, 3) for y in range(-1, 3)])


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
        self.reach, self.step = reach, 0.9 * reach
        lattice, self.lattice_low, self.lattice_shape = _lattice(rects, self.step)
        points = np.concatenate([np.column_stack((xs.ravel(), ys.ravel())), lattice])
        owner = np.r_[np.repeat(np.arange(n), xs.shape[1]), np.full(len(lattice), -1)]
        none = np.full(len(points), -1)
        free = ~obstacles.blocked(points, points, none, none)
        self.points, self.owner = points[free], owner[free]
        m = len(self.points)
        # Each lattice point's vertex, or -1 where it fell inside a card's clearance.
        number = np.full(len(points), -1, dtype=np.int64)
        number[free] = np.arange(m)
        self.lattice_vertex = number[n * xs.shape[1]:].reshape(self.lattice_shape)
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
        # Compressed rows: each vertex's edges in one run, to its neighbours in increasing order.
        edges = edges.astype(np.int64)
        order = np.lexsort((edges[:, 1], edges[:, 0]))
        self.indices = np.ascontiguousarray(edges[order, 1])
        self.indptr = np.r_[0, np.cumsum(np.bincount(edges[:, 0], minlength=m + 2 * n))].astype(np.int64)

    def paths(self, sources: np.ndarray, targets: np.ndarray, starts: np.ndarray | None = None,
              ends: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The waypoints from card sources[k] to card targets[k], for every k: their indices in `points`, all
        ways in one flat array, and each way's count of waypoints (0 where there is no way).

        A way whose straight line starts[k] → ends[k] is long (see `HUB_LENGTH`) goes through hubs in open space
        along that line, one every `CHAIN_LENGTH` or so: it is searched from the first hub out to the source
        card, from each hub to the next, and from the last hub to the target card. The others, and those where a
        hub is missing or a piece finds no way, are searched from one card to the other.
        """
        sources, targets = np.asarray(sources, dtype=np.int64), np.asarray(targets, dtype=np.int64)
        count = len(sources)
        if starts is not None:
            hubs, hub_counts = self._chains(starts, ends)
        else:
            hubs, hub_counts = np.empty(0, dtype=np.int64), np.zeros(count, dtype=np.int64)
        sink = self.m + self.n
        hub_start = np.cumsum(hub_counts) - hub_counts
        link_of_hub = np.repeat(np.arange(count), hub_counts)
        chained = np.flatnonzero(hub_counts > 0)
        # A chained way's pieces: its first hub out to the source's sink (A), its last hub out to the target's sink
        # (B), and each hub to the next (H).
        hop = np.flatnonzero(link_of_hub[1:] == link_of_hub[:-1])
        a_from, b_from = hubs[hub_start[chained]], hubs[hub_start[chained] + hub_counts[chained] - 1]
        flat, first, last = self._search(np.r_[a_from, b_from, hubs[hop]],
                                         np.r_[sink + sources[chained], sink + targets[chained], hubs[hop + 1]])
        a_way, b_way = np.arange(len(chained)), len(chained) + np.arange(len(chained))
        h_way = 2 * len(chained) + np.arange(len(hop))
        empty = first == last
        found = np.zeros(count, dtype=bool)
        found[chained] = True
        found[chained[empty[a_way] | empty[b_way]]] = False
        found[link_of_hub[hop][empty[h_way]]] = False
        # The others, and the chains with a piece missing, from card to card. The ways are symmetric, so each is
        # searched from the card with more ways to search: one search then serves more ways, and there are fewer
        # searches (ties go to the lower card number).
        direct = np.flatnonzero(~found)
        ss, tt = sources[direct], targets[direct]
        degree = np.bincount(np.r_[ss, tt], minlength=self.n)
        flip = (degree[tt] > degree[ss]) | ((degree[tt] == degree[ss]) & (tt < ss))
        flat2, first2, last2 = self._search(self.m + np.where(flip, tt, ss), sink + np.where(flip, ss, tt))
        first2, last2 = first2 + len(flat), last2 + len(flat)
        # Each way as pieces of the searched ways: A backwards without its hub and sink, each H without its last
        # hub, B without its sink; a direct way without its source vertex and sink (backwards where flipped).
        keep = found[chained]  # the A and B pieces of the ways found through hubs
        keep_h = found[link_of_hub[hop]]
        reached = first2 < last2
        kept, kept_h = int(keep.sum()), int(keep_h.sum())
        piece_link = np.r_[chained[keep], link_of_hub[hop][keep_h], chained[keep], direct[reached]]
        piece_rank = np.r_[np.zeros(kept, dtype=np.int64), 1 + (hop - hub_start[link_of_hub[hop]])[keep_h],
                           np.full(kept, len(hubs) + 1), np.zeros(int(reached.sum()), dtype=np.int64)]
        piece_first = np.r_[first[a_way][keep] + 1, first[h_way][keep_h], first[b_way][keep], first2[reached] + 1]
        piece_last = np.r_[last[a_way][keep] - 1, last[h_way][keep_h] - 1, last[b_way][keep] - 1, last2[reached] - 1]
        piece_reversed = np.r_[np.ones(kept, dtype=bool), np.zeros(kept_h + kept, dtype=bool), flip[reached]]
        order = np.lexsort((piece_rank, piece_link))
        link_bounds = np.searchsorted(piece_link[order], np.arange(count + 1))
        return kernels.join_ways(np.r_[flat, flat2], piece_first[order], piece_last[order], piece_reversed[order],
                                 link_bounds, self.m + 2 * self.n)

    def _chains(self, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The hubs each way goes through, in order, all in one flat array, and each way's count of them (none
        for a short way or where a hub is missing)."""
        starts = np.asarray(starts, dtype=float).reshape(-1, 2)
        ends = np.asarray(ends, dtype=float).reshape(-1, 2)
        length = np.hypot(*(ends - starts).T)
        # Pieces: none for a short way, else two, or more for a long way, each at most CHAIN_LENGTH long.
        pieces = np.where(length > HUB_LENGTH * self.reach,
                          np.maximum(np.ceil(length / (CHAIN_LENGTH * self.reach)), 2), 1).astype(np.int64)
        hubs_of = pieces - 1
        way = np.repeat(np.arange(len(starts)), hubs_of)
        step = np.arange(len(way)) - np.repeat(np.cumsum(hubs_of) - hubs_of, hubs_of) + 1
        points = starts[way] + (ends[way] - starts[way]) * (step / pieces[way])[:, None]
        hubs = self._hubs(points)
        missing = np.bincount(way[hubs < 0], minlength=len(starts)) > 0
        # Neighbouring points of a chain may find the same hub; a chain with a hub missing is left empty.
        keep = ~missing[way] & np.r_[True, (hubs[1:] != hubs[:-1]) | (way[1:] != way[:-1])]
        return hubs[keep], np.bincount(way[keep], minlength=len(starts)).astype(np.int64)

    def _hubs(self, middles: np.ndarray) -> np.ndarray:
        """The free hub nearest each middle point, or -1 (no middle given (NaN), or every hub around it fell
        inside a card's clearance)."""
        middles = np.asarray(middles, dtype=float).reshape(-1, 2)
        out = np.full(len(middles), -1, dtype=np.int64)
        given = np.flatnonzero(np.isfinite(middles).all(axis=1))
        spacing = self.step * HUB_STEPS
        # The nearest of the hubs around the middle that is not in a card's clearance (on a crowded map the one
        # nearest the middle often is, and its ways would be searched from a card, over twice the area).
        at = (middles[given] - self.lattice_low) / spacing
        # The hub nearest the middle wins where it is free; only the others look around.
        near = (np.rint(at) * HUB_STEPS).astype(np.int64)
        inside = np.all((near >= 0) & (near < np.array(self.lattice_shape)), axis=1)
        out[given[inside]] = self.lattice_vertex[near[inside, 0], near[inside, 1]]
        look = out[given] < 0
        given, at = given[look], at[look]
        cell = np.floor(at).astype(np.int64)[:, None, :] + HUB_AROUND[None, :, :]
        lattice = cell * HUB_STEPS
        inside = np.all((lattice >= 0) & (lattice < np.array(self.lattice_shape)), axis=2)
        vertex = np.full(inside.shape, -1, dtype=np.int64)
        vertex[inside] = self.lattice_vertex[lattice[inside][:, 0], lattice[inside][:, 1]]
        distance = np.where(vertex >= 0, ((cell - at[:, None, :]) ** 2).sum(axis=2), np.inf)
        best = np.argmin(distance, axis=1)
        out[given] = vertex[np.arange(len(given)), best]
        return out

    def _search(self, begin: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The way from vertex begin[r] to vertex end[r] for every r, one search from each distinct begin vertex:
        all ways' vertices (both ends included) in one flat array, and each way's first and last place in it
        (flat[first[r]:last[r]], empty where there is no way).

        Fewest hops rather than shortest length: hops are at most the reach long, so few hops means a short path
        with few bends, and the shortcuts of the router then pull it taut.
        """
        begin, end = np.asarray(begin, dtype=np.int64), np.asarray(end, dtype=np.int64)
        order = np.argsort(begin, kind="stable")
        starts, first_of = np.unique(begin[order], return_index=True)
        bounds = np.r_[first_of, len(order)].astype(np.int64)
        flat, offsets = kernels.fewest_hops(self.indptr, self.indices, starts, bounds, end[order])
        first, last = np.empty(len(begin), dtype=np.int64), np.empty(len(begin), dtype=np.int64)
        first[order], last[order] = offsets[:-1], offsets[1:]
        return flat, first, last


def _lattice(rects: np.ndarray, step: float) -> tuple[np.ndarray, np.ndarray, tuple[int, int]]:
    """Points `step` apart over the cards' extent and a step around it, its lowest point, its shape."""
    low = rects[:, :2].min(axis=0) - step
    high = rects[:, 2:].max(axis=0) + step
    xs = np.arange(low[0], high[0] + step, step)
    ys = np.arange(low[1], high[1] + step, step)
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    return np.column_stack((gx.ravel(), gy.ravel())), low, (len(xs), len(ys))
