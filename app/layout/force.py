"""Force-directed layout: links pull, cards push each other away.

Each connected component is laid out on its own in units of one ideal link length, then stretched to card
proportions, freed of overlaps and packed with the others, the largest first and the rest beside and below
it; people without any link form a small grid among them, so nothing is flung far away.

A component starts from the cards' current places when all of them have one, else from pivot MDS (Brandes &
Pich): breadth-first distances from a few dozen far-apart pivot people, reduced to two dimensions. That start
already shows the global shape, so a short Fruchterman–Reingold run with a cooling schedule only has to tidy
up. Up to a few hundred people the repulsion is computed between all pairs, which costs little there. Beyond
that, all pairs would cost O(n²) per step, and keeping only near neighbours (FR's grid variant) lets a
densely linked map collapse into a heap, because nothing pushes it outward from afar: so the far push comes
from a grid field computed with FFTs (app.layout.field) and the near push from neighbours found on a grid
(app.layout.neighbours), reused for a few steps.
"""

from __future__ import annotations

from collections.abc import Iterable

import igraph
import numpy as np

from app.layout.field import Field
from app.layout.model import (
    LayoutEdge,
    LayoutNode,
    Positions,
    Progress,
    Reporter,
    check_nodes,
    role_rank,
    sizes,
    to_positions,
    usable_edges,
)
from app.layout.neighbours import nearest_other, pairs_within
from app.layout.overlap import separate
from app.layout.pack import shelves
from app.layout.rows import columns_for, grid

# How hard each kind of link pulls, on top of its strength: the reporting line gives the map its skeleton.
KIND_WEIGHT = {"reports_to": 1.5, "dotted_line": 1.0, "covers": 1.0, "ally": 1.0, "influences": 0.8,
               "rival": 0.6, "knows": 0.6}
# Room between cards for a link with its clearance on both sides, past a card's change mark (13 out) too.
GAP = 40.0
# The relaxation spaces cards by their size plus this; the separation then makes room up to GAP.
PITCH_GAP = 24.0
COMPONENT_GAP = 96.0
GRAVITY = 0.15  # in the exact (small-component) relaxation; the final scaling keeps cards one pitch apart
# Distance to the nearest card, in card pitches (card size plus gap); a little over one leaves room for links.
SPACING = 1.15
PIVOTS = 40
EXACT_UP_TO = 300
NEAR = 1.0  # reach of the exact short-range push on big maps, in link lengths
SKIN = 0.5  # extra reach of the neighbour list, so it stays valid over a few steps
REBUILD = 4


def force_directed(nodes: Iterable[LayoutNode], edges: Iterable[LayoutEdge], progress: Progress | None = None,
                   seed: int = 7) -> Positions:
    """Centres of the cards; linked cards near each other. The same input and seed give the same result."""
    nodes = check_nodes(nodes)
    report = Reporter(progress)
    if not nodes:
        report.done()
        return {}
    index = {n.key: i for i, n in enumerate(nodes)}
    edges = usable_edges(edges, set(index))
    n = len(nodes)
    w, h = sizes(nodes)
    pitch = np.array([w.mean() + PITCH_GAP, h.mean() + PITCH_GAP]) * SPACING

    src = np.array([index[e.source] for e in edges], dtype=np.intp)
    dst = np.array([index[e.target] for e in edges], dtype=np.intp)
    weight = np.array([max(1, min(5, e.strength)) / 3.0 * KIND_WEIGHT.get(e.kind, 0.6) for e in edges])
    # Links both ways between two people (A influences B, B knows A) add up into one pull.
    pair_a, pair_b, pull = _pulls(n, src, dst, weight)
    label = np.asarray(igraph.Graph(n=n, edges=np.column_stack((pair_a, pair_b)).tolist())
                       .connected_components().membership, dtype=np.intp)
    count = int(label.max()) + 1
    components = [np.flatnonzero(label == c) for c in range(count)]
    # Each component's pairs, still sorted by their first and then their second person.
    by_component = np.argsort(label[pair_a], kind="stable")
    bounds = np.searchsorted(label[pair_a][by_component], np.arange(count + 1))
    local = np.empty(n, dtype=np.intp)
    isolated = np.concatenate([c for c in components if len(c) == 1] or [np.empty(0, dtype=np.intp)])
    parts = sorted((c for c in components if len(c) > 1), key=lambda c: (-len(c), nodes[c[0]].key))

    rng = np.random.default_rng(seed)
    xy = np.zeros((n, 2))
    blocks = []
    done = 0
    total = sum(len(m) for m in parts) or 1
    for part in parts:
        report.stage(0.9 * done / total, 0.9 * (done + len(part)) / total)
        done += len(part)
        mine = by_component[bounds[label[part[0]]]:bounds[label[part[0]] + 1]]
        local[part] = np.arange(len(part))
        start = _given_start(nodes, part, pitch)
        unit = _component(len(part), local[pair_a[mine]], local[pair_b[mine]], pull[mine], start, rng, report)
        xy[part] = separate(unit * pitch, w[part], h[part], GAP)
        blocks.append(part)
    report.stage(0.9, 1.0)
    if len(isolated):
        # Loose cards get a tidy grid of their own, ordered as in the other layouts.
        loose = sorted(isolated.tolist(), key=lambda i: (role_rank(nodes[i].role), nodes[i].key))
        cell = (float(w[loose].max()) + GAP, float(h[loose].max()) + GAP)
        grid(loose, xy, w, h, 0.0, 0.0, columns_for(len(loose), *cell), GAP)
        blocks.append(np.array(loose, dtype=np.intp))

    extents = []
    for part in blocks:
        lo = (xy[part] - np.c_[w[part], h[part]] / 2.0).min(axis=0)
        hi = (xy[part] + np.c_[w[part], h[part]] / 2.0).max(axis=0)
        extents.append((lo, hi))
    corners = shelves([(float(hi[0] - lo[0]), float(hi[1] - lo[1])) for lo, hi in extents], COMPONENT_GAP)
    for part, (lo, _), corner in zip(blocks, extents, corners, strict=True):
        xy[part] += np.asarray(corner) - lo
    xy = separate(xy, w, h, GAP)
    report.done()
    return to_positions(nodes, xy)


def _pulls(n, src, dst, weight):
    """The pairs i < j linked either way, sorted by i then j, and how hard each pulls.

    Links both ways between two people (A influences B, B knows A) add up into one pull: the links from i to
    j are summed in their given order, those from j to i likewise, and the two sums then added.
    """
    directed, inverse = np.unique(src.astype(np.int64) * n + dst, return_inverse=True)
    summed = np.bincount(inverse.reshape(-1), weights=weight, minlength=len(directed))
    s, d = np.divmod(directed, n)
    low, high = np.minimum(s, d), np.maximum(s, d)
    pairs, at = np.unique(low * n + high, return_inverse=True)
    at = at.reshape(-1)
    forward = np.zeros(len(pairs))
    backward = np.zeros(len(pairs))
    forward[at[s < d]] = summed[s < d]
    backward[at[s > d]] = summed[s > d]
    a, b = np.divmod(pairs, n)
    return a.astype(np.intp), b.astype(np.intp), forward + backward


def _given_start(nodes, part, pitch):
    """The cards' current centres in link units, when every card of the component has one."""
    if any(nodes[i].x is None or nodes[i].y is None for i in part):
        return None
    start = np.array([(nodes[i].x, nodes[i].y) for i in part], dtype=float) / pitch
    if not np.all(np.isfinite(start)) or np.ptp(start, axis=0).max() == 0:
        return None
    return start


def _component(n, a, b, weight, start, rng, report) -> np.ndarray:
    """Positions in link units of a connected component with links a[k]–b[k]."""
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    # A little noise separates people the start puts on one spot, such as the leaves of a star in MDS.
    jitter = rng.normal(0.0, 0.05, (n, 2))
    pos = (start - start.mean(axis=0) if start is not None else _pivot_mds(n, a, b)) + jitter
    heat = 0.5 + 0.1 * np.sqrt(n) if n <= EXACT_UP_TO else 1.5
    radius = np.sqrt((pos ** 2).sum(axis=1).mean())
    # Spread to the area n cards need at one link apart: a uniform disc of n unit cells.
    pos *= np.sqrt(n / (2.0 * np.pi)) / max(radius, 1e-9)
    steps = 200 if n <= EXACT_UP_TO else 80
    return _to_link_units(_relax(pos, a, b, weight, steps, heat, report))


def _pivot_mds(n, a, b) -> np.ndarray:
    graph = igraph.Graph(n=n, edges=np.column_stack((a, b)).tolist())
    degree = np.bincount(a, minlength=n) + np.bincount(b, minlength=n)
    k = min(PIVOTS, n)
    distances = np.empty((n, k))
    nearest = np.full(n, np.inf)
    pivot = int(np.argmax(degree))
    for p in range(k):
        d = np.asarray(graph.distances(source=pivot, mode="all")[0], dtype=float)
        distances[:, p] = d
        nearest = np.minimum(nearest, d)
        # Each next pivot is the person farthest from all pivots so far: they then span the whole component.
        pivot = int(np.argmax(nearest))
    squared = distances ** 2
    centred = -0.5 * (squared - squared.mean(axis=0) - squared.mean(axis=1)[:, None] + squared.mean())
    _, vectors = np.linalg.eigh(centred.T @ centred)
    pos = centred @ vectors[:, [-1, -2]]
    return pos - pos.mean(axis=0)


def _relax(pos, a, b, weight, steps, heat, report) -> np.ndarray:
    """Fruchterman–Reingold with ideal link length 1 and a cooling schedule from `heat` down to 2 % of it."""
    n = len(pos)
    exact = n <= EXACT_UP_TO
    field = None if exact else Field(int(np.clip(2.0 * np.sqrt(n), 32, 128)))
    cool = 0.02 ** (1.0 / max(1, steps - 1))
    reach2 = NEAR ** 2
    pi = pj = None
    for step in range(steps):
        if step % 10 == 0:
            report(step / steps)
        if exact:
            d = pos[None, :, :] - pos[:, None, :]
            dist2 = (d ** 2).sum(axis=2)
            np.fill_diagonal(dist2, np.inf)
            # Repulsion 1/distance along the unit direction: d / distance².
            force = -(d / np.maximum(dist2, 1e-4)[:, :, None]).sum(axis=1)
            # A gentle pull to the middle: without it a chain or a sparse tree relaxes into a long line, and the
            # fitted map of a handful of people shrinks to unreadable boxes.
            force -= GRAVITY * np.sqrt(n) * (pos - pos.mean(axis=0))
        else:
            force = field.push(pos)
            if step % REBUILD == 0:
                # Sorted by i, then j: the float sums below come out the same every time.
                pairs = pairs_within(pos, NEAR + SKIN)
                pi, pj = pairs[:, 0], pairs[:, 1]
            d = pos[pj] - pos[pi]
            dist2 = np.maximum((d ** 2).sum(axis=1), 1e-4)
            # The grid cannot tell close neighbours apart; this short push, eased to nothing at NEAR so that
            # nothing jumps when a pair crosses it, keeps them from piling up.
            push = np.maximum(1.0 / dist2 - 1.0 / reach2, 0.0)
            for axis in (0, 1):
                c = d[:, axis] * push
                force[:, axis] += np.bincount(pj, weights=c, minlength=n) - np.bincount(pi, weights=c, minlength=n)
        d = pos[b] - pos[a]
        pull = weight * np.sqrt((d ** 2).sum(axis=1))
        for axis in (0, 1):
            c = d[:, axis] * pull
            force[:, axis] += np.bincount(a, weights=c, minlength=n) - np.bincount(b, weights=c, minlength=n)
        length = np.sqrt((force ** 2).sum(axis=1))
        pos += force * (np.minimum(length, heat) / np.maximum(length, 1e-12))[:, None]
        heat *= cool
    return pos - pos.mean(axis=0)


def _to_link_units(pos) -> np.ndarray:
    """Scaled so that the typical distance to the nearest card is one card pitch: then most cards just fit."""
    if len(pos) < 2:
        return pos
    nearest, _ = nearest_other(pos)
    typical = float(np.median(nearest))
    return pos / typical if typical > 0 else pos
