"""Introduction routes: from one of our team members, through people who know each other, to a target person.

A route's score is the product of strength / 5 along it (DESIGN.md "route"), so the best route is the shortest
path under weights −log(strength / 5), and runner-ups are the next shortest simple paths (Yen's algorithm).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import islice

import networkx as nx

from app.analysis.graph import prepare
from app.analysis.model import MAX_STRENGTH, MEMBER, PERSON, Edge, Key, Node, Route

_NOT_AN_INTRODUCTION = frozenset({"rival"})
_PER_HOP = 1e-9  # far below the gap between any two different products of a few strengths / 5
_START = ("start", 0)  # a virtual source joined to every team member, so one search covers them all


def routes(nodes: Iterable[Node], edges: Iterable[Edge], target: Key, k: int = 3) -> list[Route]:
    """The best `k` distinct introduction paths to `target`, best first.

    Any link but `rival` can carry an introduction, in either direction (a manager introduces their report as
    readily as the reverse); between the same two people the strongest link counts. Only the first step leaves
    our side: a path through a second team member would be that member's own, better route. A target that is
    not a client person on the map, or that nobody can reach, has no route.
    """
    prep = prepare(nodes, edges)
    if k <= 0 or target not in prep.index or not prep.members:
        return []
    graph, strongest = _introductions(prep)
    if target not in graph or not nx.has_path(graph, _START, target):
        return []

    found = []
    # A few spare paths, so that ties across the k-th place are settled by the same rule as the rest.
    for path in islice(nx.shortest_simple_paths(graph, _START, target, weight="cost"), k + 3):
        keys = path[1:]
        score = math.prod(_strength(strongest, a, b) / MAX_STRENGTH for a, b in zip(keys, keys[1:], strict=False))
        # Rounded so that equal products reached in a different order compare equal and tie-break by length.
        found.append(Route(path=keys, score=round(score, 12), introducer=keys[0]))
    found.sort(key=lambda route: (-route.score, len(route.path), route.path))
    return found[:k]


def _strength(strongest: dict[tuple[Key, Key], int], a: Key, b: Key) -> int:
    value = strongest.get((a, b))
    return value if value is not None else strongest[(b, a)]


def best_routes(nodes: Iterable[Node], edges: Iterable[Edge], targets: Iterable[Key]) -> dict[Key, Route]:
    """The best introduction path to each of ``targets`` that can be reached, from one search.

    The same graph and costs as ``routes``; where two paths give exactly the same product, the search keeps
    the shorter, as ``routes`` does, but between equally short ones it may pick another than ``routes``' first.
    """
    prep = prepare(nodes, edges)
    if not prep.members:
        return {}
    graph, strongest = _introductions(prep)
    _, paths = nx.single_source_dijkstra(graph, _START, weight="cost")
    found = {}
    for target in targets:
        path = paths.get(target)
        if path is None or target[0] != PERSON or len(path) < 2:
            continue
        keys = path[1:]
        score = math.prod(_strength(strongest, a, b) / MAX_STRENGTH for a, b in zip(keys, keys[1:], strict=False))
        found[target] = Route(path=keys, score=round(score, 12), introducer=keys[0])
    return found


def _introductions(prep) -> tuple[nx.DiGraph, dict[tuple[Key, Key], int]]:
    """The graph introductions travel on, from a virtual start joined to every team member, and the strongest
    link between each pair of people."""
    strongest: dict[tuple[Key, Key], int] = {}
    for edge in prep.edges:
        if edge.kind in _NOT_AN_INTRODUCTION:
            continue
        a, b = edge.source, edge.target
        if a[0] == MEMBER and b[0] == MEMBER:
            continue
        if a[0] == PERSON and b[0] == MEMBER:
            a, b = b, a
        pair = (a, b) if a[0] == MEMBER or a <= b else (b, a)
        strongest[pair] = max(strongest.get(pair, 0), edge.strength)

    graph = nx.DiGraph()
    graph.add_node(_START)
    for member in prep.members:
        graph.add_edge(_START, member.key, cost=0.0)
    for (a, b), strength in strongest.items():
        # A hair per hop so that, between equal products, the search itself prefers the shorter introduction.
        cost = -math.log(strength / MAX_STRENGTH) + _PER_HOP
        graph.add_edge(a, b, cost=cost)
        if a[0] == PERSON:
            graph.add_edge(b, a, cost=cost)
    return graph, strongest
