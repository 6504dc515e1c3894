"""Reading a map once: which records are usable, what is wrong with the rest, and the arrays the metrics need.

Bad data never raises here: it is described in `problems` and left out (or, for a strength outside 1–5,
clamped), because a map is edited by people and the analysis must still say something useful about it.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.analysis.model import (
    DEFAULT_INFLUENCE,
    LINK_KINDS,
    MAX_STRENGTH,
    MEMBER,
    MIN_STRENGTH,
    PERSON,
    STANCE_VALUES,
    UNKNOWN,
    Edge,
    Key,
    Node,
)

# How each kind enters the influence graph, whose arcs point from the influenced to the influencer.
_FORWARD = frozenset({"reports_to", "dotted_line"})
_BACKWARD = frozenset({"influences"})
_BOTH_WAYS = frozenset({"knows", "ally"})
# Kinds that never carry influence, brokerage or an introduction.
_NO_PATH = frozenset({"rival", "covers"})


@dataclass
class PreparedMap:
    nodes: list[Node] = field(default_factory=list)  # usable nodes, first of each key, input order
    by_key: dict[Key, Node] = field(default_factory=dict)
    clients: list[Node] = field(default_factory=list)
    members: list[Node] = field(default_factory=list)
    index: dict[Key, int] = field(default_factory=dict)  # client key -> position in `clients`
    declared: dict[Key, int | None] = field(default_factory=dict)  # valid declared influence, clients only
    stance_value: dict[Key, int | None] = field(default_factory=dict)  # -2..+2 or None, clients only
    edges: list[Edge] = field(default_factory=list)  # usable links, strength clamped to 1..5
    # Influence graph among clients: parallel arcs stay separate here and are summed by the sparse matrix.
    arc_source: list[int] = field(default_factory=list)
    arc_target: list[int] = field(default_factory=list)
    arc_weight: list[float] = field(default_factory=list)
    pairs: set[tuple[int, int]] = field(default_factory=set)  # undirected simple graph among clients, i < j
    reports: set[tuple[int, int]] = field(default_factory=set)  # client reports_to arcs
    covers: dict[Key, dict[Key, int]] = field(default_factory=dict)  # person -> member -> strongest level
    problems: list[str] = field(default_factory=list)

    def weight(self, key: Key) -> int:
        value = self.declared.get(key)
        return DEFAULT_INFLUENCE if value is None else value

    def name(self, key: Key) -> str:
        node = self.by_key.get(key)
        return node.name if node is not None else f"{key[0]} {key[1]}"

    def coverage_level(self, key: Key) -> int:
        levels = self.covers.get(key)
        return max(levels.values()) if levels else 0


def _valid_key(key) -> bool:
    return (isinstance(key, tuple) and len(key) == 2 and key[0] in (PERSON, MEMBER)
            and isinstance(key[1], numbers.Integral) and not isinstance(key[1], bool))


def _strength(value) -> int | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        return None
    return int(round(value))


def prepare(nodes: Iterable[Node], edges: Iterable[Edge]) -> PreparedMap:
    prep = PreparedMap()
    problems = prep.problems
    for node in nodes:
        if not _valid_key(node.key):
            problems.append(f"unknown kind of node: {node.name} {node.key!r}")
            continue
        if node.key in prep.by_key:
            problems.append(f"duplicate node: {node.name} {node.key!r}")
            continue
        prep.by_key[node.key] = node
        prep.nodes.append(node)
        if node.key[0] == MEMBER:
            prep.members.append(node)
            continue
        prep.index[node.key] = len(prep.clients)
        prep.clients.append(node)
        influence = node.influence
        if influence is not None and (isinstance(influence, bool) or not isinstance(influence, numbers.Integral)
                                      or not 1 <= influence <= 5):
            problems.append(f"influence out of range: {node.name} ({influence!r}), counted as unknown")
            influence = None
        prep.declared[node.key] = None if influence is None else int(influence)
        stance = node.stance
        if stance is not None and stance != UNKNOWN and stance not in STANCE_VALUES:
            problems.append(f"unknown stance: {node.name} ({stance!r}), counted as unknown")
        prep.stance_value[node.key] = STANCE_VALUES.get(stance) if isinstance(stance, str) else None

    index = prep.index
    by_key = prep.by_key
    for edge in edges:
        source, target, kind = edge.source, edge.target, edge.kind
        # Links to people who are not on the map (archived, or on another account) are expected: skip quietly.
        if source not in by_key or target not in by_key:
            continue
        if kind not in LINK_KINDS:
            problems.append(f"unknown link kind: {prep.name(source)} {kind!r} {prep.name(target)}")
            continue
        if source == target:
            problems.append(f"link to oneself: {prep.name(source)} {kind} {prep.name(target)}")
            continue
        strength = _strength(edge.strength)
        if strength is None or not MIN_STRENGTH <= strength <= MAX_STRENGTH:
            clamped = DEFAULT_INFLUENCE if strength is None else min(MAX_STRENGTH, max(MIN_STRENGTH, strength))
            problems.append(f"strength out of range: {prep.name(source)} {kind} {prep.name(target)} "
                            f"({edge.strength!r}), counted as {clamped}")
            strength = clamped
        if kind == "covers":
            if source[0] != MEMBER or target[0] != PERSON:
                problems.append(f"covers link not from a team member to a person: "
                                f"{prep.name(source)} → {prep.name(target)}")
                continue
            levels = prep.covers.setdefault(target, {})
            levels[source] = max(levels.get(source, 0), strength)
        if strength != edge.strength:
            edge = Edge(source, target, kind, strength)
        prep.edges.append(edge)
        if kind in _NO_PATH or source[0] != PERSON or target[0] != PERSON:
            continue
        a, b = index[source], index[target]
        prep.pairs.add((a, b) if a < b else (b, a))
        if kind in _FORWARD:
            _arc(prep, a, b, strength)
            if kind == "reports_to":
                prep.reports.add((a, b))
        elif kind in _BACKWARD:
            _arc(prep, b, a, strength)
        elif kind in _BOTH_WAYS:
            _arc(prep, a, b, strength)
            _arc(prep, b, a, strength)
    _several_managers(prep)
    return prep


def _arc(prep: PreparedMap, a: int, b: int, weight: float) -> None:
    prep.arc_source.append(a)
    prep.arc_target.append(b)
    prep.arc_weight.append(float(weight))


def _several_managers(prep: PreparedMap) -> None:
    managers: dict[int, list[int]] = {}
    for a, b in sorted(prep.reports):
        managers.setdefault(a, []).append(b)
    for a, bosses in managers.items():
        if len(bosses) > 1:
            names = ", ".join(prep.clients[b].name for b in bosses)
            prep.problems.append(f"reports to several managers: {prep.clients[a].name} → {names}")
