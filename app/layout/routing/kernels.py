"""The routing's compiled inner loops (_kernels, built from _kernels.pyx with the package), called with numpy arrays.

`blocked` tests segments against the cards of a geometry.Obstacles one at a time, stopping at the first card in the
way; `pull_taut` runs the router's rounds of shortcuts past waypoints; `fewest_hops` runs breadth-first searches
through a graph in compressed rows, each stopping once it has reached all of its targets; `join_ways` puts ways
together from the pieces those searches found.
"""

from __future__ import annotations

import numpy as np

try:
    from app.layout.routing import _kernels
except ImportError as error:  # a checkout whose extension was never built
    raise ImportError("app.layout.routing._kernels is not built: run scripts/bootstrap.sh (pip install -e .)"
                      ) from error


def blocked(p0: np.ndarray, p1: np.ndarray, end_a: np.ndarray, end_b: np.ndarray, grid: tuple) -> np.ndarray:
    """True where segment p0[i]→p1[i] comes too near a card other than end_a[i] and end_b[i] (the cards as
    geometry.Obstacles.grid gives them)."""
    out = np.zeros(len(p0), dtype=np.uint8)
    _kernels.blocked(_floats(p0), _floats(p1), _ints(end_a), _ints(end_b), *grid, out)
    return out.view(bool)


def pull_taut(points: np.ndarray, before: np.ndarray, after: np.ndarray, inner: np.ndarray, alive: np.ndarray,
              dirty: np.ndarray, path_of: np.ndarray, cards: np.ndarray, rounds: int, grid: tuple) -> np.ndarray:
    """The rounds of router._pull_taut on all paths at once (the cards as geometry.Obstacles.grid gives them):
    which points are still alive afterwards."""
    alive = np.array(alive, dtype=np.uint8)
    scratch = len(points)
    _kernels.pull_taut(_floats(points), _ints(before).copy(), _ints(after).copy(),
                       np.ascontiguousarray(inner, dtype=np.uint8), alive, np.array(dirty, dtype=np.uint8),
                       _ints(path_of), _ints(cards), int(rounds), *grid, np.empty(scratch, dtype=np.int64),
                       np.empty(scratch, dtype=np.int64), np.empty(scratch, dtype=np.uint8))
    return alive.view(bool)


def fewest_hops(indptr: np.ndarray, indices: np.ndarray, starts: np.ndarray, bounds: np.ndarray,
                targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each group g, the fewest-hop ways from starts[g] to each of targets[bounds[g]:bounds[g + 1]] through the
    graph whose vertex v leads to indices[indptr[v]:indptr[v + 1]]: every way's vertices (start and target
    included) in one flat array, and offsets (way r is flat[offsets[r]:offsets[r + 1]], empty when out of reach).
    """
    count = len(indptr) - 1
    targets = _ints(targets)
    parent = np.empty(count, dtype=np.int64)
    queue = np.empty(max(count, 1), dtype=np.int64)
    offsets = np.zeros(len(targets) + 1, dtype=np.int64)
    capacity = max(64, 16 * len(targets))
    while True:
        seen = np.full(count, -1, dtype=np.int64)
        wanted = np.full(count, -1, dtype=np.int64)
        flat = np.empty(capacity, dtype=np.int64)
        used = _kernels.fewest_hops(_ints(indptr), _ints(indices), _ints(starts), _ints(bounds), targets, parent,
                                    seen, wanted, queue, offsets, flat)
        if used >= 0:
            return flat[:used], offsets
        capacity *= 4  # ways longer than guessed: rare, and then once or twice


def join_ways(flat: np.ndarray, first: np.ndarray, last: np.ndarray, backwards: np.ndarray, link_bounds: np.ndarray,
              vertex_count: int) -> tuple[np.ndarray, np.ndarray]:
    """Each link's way joined from its pieces (link k's are link_bounds[k]:link_bounds[k + 1], piece p being
    flat[first[p]:last[p]], read backwards where backwards[p]), every stretch that comes back to a vertex it passed
    cut out: all ways in one flat array, and each one's length."""
    first, last = _ints(first), _ints(last)
    out = np.empty(int(np.maximum(last - first, 0).sum()), dtype=np.int64)
    counts = np.zeros(len(link_bounds) - 1, dtype=np.int64)
    stamp = np.full(vertex_count, -1, dtype=np.int64)
    place = np.empty(vertex_count, dtype=np.int64)
    used = _kernels.join_ways(_ints(flat), first, last, np.ascontiguousarray(backwards, dtype=np.uint8),
                              _ints(link_bounds), stamp, place, out, counts)
    return out[:used], counts


def _floats(values) -> np.ndarray:
    return np.ascontiguousarray(values, dtype=np.float64)


def _ints(values) -> np.ndarray:
    return np.ascontiguousarray(values, dtype=np.int64)
