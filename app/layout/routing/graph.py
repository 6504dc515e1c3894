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

from collections.abc import Hashable

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
        chains = self._chains(starts, ends) if starts is not None else [[] for _ in range(len(sources))]
        sink = self.m + self.n
        requests = []
        for k, chain in enumerate(chains):
            if chain:
                requests += [(chain[0], sink + int(sources[k]), (k, 0)), (chain[-1], sink + int(targets[k]), (k, 1))]
                requests += [(a, b, (k, 4 + i)) for i, (a, b) in enumerate(zip(chain[:-1], chain[1:], strict=True))]
        ways = self._search(requests)
        found: dict[int, list[int]] = {}
        for k, chain in enumerate(chains):
            # The first hub to the source's sink reversed, hub to hub, then the last hub to the target's sink.
            if not chain or not ways[k, 0] or not ways[k, 1]:
                continue
            way = ways[k, 0][-2:0:-1]
            for i in range(len(chain) - 1):
                piece = ways[k, 4 + i]
                if not piece:
                    break
                way += piece[:-1]
            else:
                found[k] = _without_loops(way + ways[k, 1][:-1])
        direct = [k for k in range(len(sources)) if k not in found]
        # The ways are symmetric, so each way is searched from the card with more ways to search: one search then
        # serves more ways, and there are fewer searches (ties go to the lower card number).
        ss, tt = sources[direct], targets[direct]
        degree = np.bincount(np.r_[ss, tt], minlength=self.n)
        flip = ((degree[tt] > degree[ss]) | ((degree[tt] == degree[ss]) & (tt < ss))).tolist()
        ways.update(self._search([(self.m + int(b if f else a), sink + int(a if f else b), (k, 2 + f))
                                  for k, a, b, f in zip(direct, ss.tolist(), tt.tolist(), flip, strict=True)]))
        counts = np.zeros(len(sources), dtype=np.int64)
        flat: list[int] = []
        for k in range(len(sources)):
            if (k, 2) in ways:  # source vertex, waypoints, target's sink
                way = ways[k, 2][1:-1]
            elif (k, 3) in ways:  # searched from the target: reversed
                way = ways[k, 3][-2:0:-1]
            else:
                way = found[k]
            counts[k] = len(way)
            flat += way
        return np.array(flat, dtype=np.int64), counts

    def _chains(self, starts: np.ndarray, ends: np.ndarray) -> list[list[int]]:
        """The hubs each way goes through, in order (none for a short way or where a hub is missing)."""
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
        bounds = np.r_[0, np.cumsum(np.bincount(way[keep], minlength=len(starts)))].tolist()
        kept = hubs[keep].tolist()
        return [kept[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]

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

    def _search(self, requests: list[tuple[int, int, Hashable]]) -> dict[Hashable, list[int]]:
        """{key: vertex path (empty where there is none)} for each (from vertex, to vertex, key), one search from
        each distinct from vertex.

        Fewest hops rather than shortest length: hops are at most the reach long, so few hops means a short path
        with few bends, and the shortcuts of the router then pull it taut.
        """
        if not requests:
            return {}
        begin = np.array([r[0] for r in requests], dtype=np.int64)
        end = np.array([r[1] for r in requests], dtype=np.int64)
        order = np.argsort(begin, kind="stable")
        starts, first = np.unique(begin[order], return_index=True)
        bounds = np.r_[first, len(order)].astype(np.int64)
        flat, offsets = kernels.fewest_hops(self.indptr, self.indices, starts, bounds, end[order])
        flat, offsets = flat.tolist(), offsets.tolist()
        keys = [requests[i][2] for i in order.tolist()]
        return {key: flat[a:b] for key, a, b in zip(keys, offsets[:-1], offsets[1:], strict=True)}


def _without_loops(way: list[int]) -> list[int]:
    """The way with every stretch that comes back to a vertex it passed cut out (the two halves of a way through
    a hub may share their first steps)."""
    if len(set(way)) == len(way):
        return way
    out: list[int] = []
    seen: dict[int, int] = {}
    for v in way:
        if v in seen:
            for gone in out[seen[v] + 1:]:
                del seen[gone]
            del out[seen[v] + 1:]
            continue
        seen[v] = len(out)
        out.append(v)
    return out


def _lattice(rects: np.ndarray, step: float) -> tuple[np.ndarray, np.ndarray, tuple[int, int]]:
    """Points `step` apart over the cards' extent and a step around it, its lowest point, its shape."""
    low = rects[:, :2].min(axis=0) - step
    high = rects[:, 2:].max(axis=0) + step
    xs = np.arange(low[0], high[0] + step, step)
    ys = np.arange(low[1], high[1] + step, step)
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    return np.column_stack((gx.ravel(), gy.ravel())), low, (len(xs), len(ys))
