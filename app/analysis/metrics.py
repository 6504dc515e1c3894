"""The graph metrics of DESIGN.md "Analysis definitions", on the client-side people only.

networkx's results are the definitions (pagerank, betweenness_centrality with normalized=True). They are
computed here by faster means because networkx's exact betweenness takes seconds on a big account:
- PageRank by the same power iteration as networkx's, in numpy, run until the change is at rounding level,
  so it lands on the fixed point that networkx approaches to its tolerance (1e-6 by default).
- Betweenness by igraph (Brandes' algorithm in C), rescaled to networkx's normalisation.
- Communities by igraph's Louvain (multilevel) with its own seeded random generator: networkx's
  louvain_communities took 0.2 s of a 0.3 s budget at 2,000 people. The partition is a Louvain partition of the
  same graph, not networkx's one, but it is just as reproducible: same map, same coalitions.
"""

from __future__ import annotations

import random
import threading
from collections import deque

import igraph
import numpy as np

ALPHA = 0.85
LOUVAIN_SEED = 42
# Hidden power: percentile ranks (0 lowest .. 1 highest) that differ by at least this much. Below
# MIN_RANKED people a single step of rank is already a large percentile jump, so nobody is flagged.
FAR_APART = 0.4
MIN_RANKED = 5

_MAX_ITERATIONS = 10_000
_rng_lock = threading.Lock()  # igraph's random generator is process-wide


def pagerank(n: int, source, target, weight, alpha: float = ALPHA) -> np.ndarray:
    """networkx.pagerank's fixed point: uniform teleport and uniform redistribution of dangling nodes."""
    if n == 0:
        return np.zeros(0)
    source = np.asarray(source, dtype=np.int64)
    target = np.asarray(target, dtype=np.int64)
    # Parallel arcs are summed, in their given order, as networkx does for multigraphs.
    arcs, inverse = np.unique(source * n + target, return_inverse=True)
    arc_weight = np.bincount(inverse.reshape(-1), weights=np.asarray(weight, dtype=float), minlength=len(arcs))
    tail, head = np.divmod(arcs, n)  # sorted by tail, then head
    out = np.zeros(n)
    if len(arcs):
        first = np.flatnonzero(np.r_[True, tail[1:] != tail[:-1]])
        out[tail[first]] = np.add.reduceat(arc_weight, first)
    dangling = out == 0
    scale = np.zeros(n)
    scale[~dangling] = 1.0 / out[~dangling]
    # Arcs sorted by head, then tail: each node's incoming share is summed from the lowest tail up.
    order = np.lexsort((tail, head))
    tail, head = tail[order], head[order]
    share = scale[tail] * arc_weight[order]
    x = np.full(n, 1.0 / n)
    teleport = (1.0 - alpha) / n
    for _ in range(_MAX_ITERATIONS):
        previous = x
        incoming = np.bincount(head, weights=share * previous[tail], minlength=n)
        x = alpha * (incoming + previous[dangling].sum() / n) + teleport
        # The error left is at most alpha / (1 - alpha) times the last change: ~6e-14 here.
        if np.abs(x - previous).sum() < 1e-14:
            break
    return x / x.sum()


def metric_graph(n: int, pairs) -> igraph.Graph:
    """The undirected simple graph that brokerage and communities share."""
    return igraph.Graph(n=n, edges=sorted(pairs))


def brokerage(n: int, pairs, graph: igraph.Graph | None = None) -> np.ndarray:
    """networkx.betweenness_centrality(normalized=True) of the undirected simple graph on `pairs`."""
    if n <= 2:
        return np.zeros(n)  # no pair can have anyone between them
    graph = graph if graph is not None else metric_graph(n, pairs)
    raw = np.asarray(graph.betweenness(directed=False), dtype=float)
    # igraph counts each unordered pair once; networkx sums over ordered pairs and divides by (n-1)(n-2).
    return raw * (2.0 / ((n - 1) * (n - 2)))


def communities(n: int, pairs, keys, graph: igraph.Graph | None = None) -> list[int]:
    """Louvain coalitions, numbered 0.. by size (largest first), then by smallest key."""
    if n == 0:
        return []
    graph = graph if graph is not None else metric_graph(n, pairs)
    with _rng_lock:
        igraph.set_random_number_generator(random.Random(LOUVAIN_SEED))
        try:
            membership = graph.community_multilevel().membership
        finally:
            igraph.set_random_number_generator(random)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(membership):
        groups.setdefault(label, []).append(i)
    order = sorted(groups.values(), key=lambda members: (-len(members), min(keys[i] for i in members)))
    number = [0] * n
    for position, members in enumerate(order):
        for i in members:
            number[i] = position
    return number


def percentile_ranks(values) -> np.ndarray:
    """Average ranks scaled to 0 (lowest) .. 1 (highest); ties share their mean rank."""
    values = np.asarray(values)
    n = len(values)
    if n < 2:
        return np.full(n, 0.5)
    unique, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    start = np.concatenate(([0], np.cumsum(counts)[:-1]))
    mean_rank = start + (counts - 1) / 2.0
    return mean_rank[inverse] / (n - 1)


def power_flags(scores: np.ndarray, declared: list[int]) -> list[str | None]:
    """"hidden_power" where the map ranks someone far above their declared influence, "overrated" the reverse.

    Percentiles make one rule work from a committee of five to a map of thousands. When every score is the same
    (no links at all, or a perfectly symmetric map) the map says nothing about rank, so nobody is flagged.
    """
    n = len(scores)
    flags: list[str | None] = [None] * n
    if n < MIN_RANKED:
        return flags
    # Scores that differ only by rounding are ties; n * score is ~1 whatever the size of the map.
    rounded = np.round(np.asarray(scores) * n, 9)
    if rounded.min() == rounded.max():
        return flags
    difference = percentile_ranks(rounded) - percentile_ranks(np.asarray(declared))
    for i in range(n):
        if difference[i] >= FAR_APART - 1e-12:
            flags[i] = "hidden_power"
        elif difference[i] <= -FAR_APART + 1e-12:
            flags[i] = "overrated"
    return flags


def reporting_cycles(n: int, reports) -> tuple[list[list[int]], set[int]]:
    """One shortest cycle of reporting lines per tangle (strongly connected group), and everyone in the tangles.

    Each cycle ends where it starts (A → B → A). Everyone in a tangle of two or more lies on some cycle, so
    the second result holds all of them, not just those on the cycles shown.
    """
    if n == 0 or not reports:
        return [], set()
    source, target = zip(*sorted(reports), strict=True)
    graph = igraph.Graph(n=n, edges=list(zip(source, target, strict=True)), directed=True)
    label = np.asarray(graph.connected_components(mode="strong").membership, dtype=np.intp)
    if int(label.max()) + 1 == n:
        return [], set()
    sizes = np.bincount(label)
    members = {int(i) for i in np.flatnonzero(sizes[label] > 1)}
    successors: dict[int, list[int]] = {}
    for a, b in zip(source, target, strict=True):
        if label[a] == label[b]:
            successors.setdefault(a, []).append(b)
    cycles = []
    seen_labels = set()
    for start in sorted(members):
        if label[start] not in seen_labels:
            seen_labels.add(label[start])
            cycles.append(_shortest_cycle(start, successors))
    return cycles, members


def _shortest_cycle(start: int, successors: dict[int, list[int]]) -> list[int]:
    parent = {start: start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in successors.get(node, ()):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return path[::-1] + [start]
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start]  # unreachable for a member of a strongly connected group of two or more
