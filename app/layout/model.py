"""What the layouts take and give: cards with sizes, typed links, and centre positions. No Qt here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

Key = tuple[str, int]
Point = tuple[float, float]
Positions = dict[Key, Point]
Progress = Callable[[float], bool]

MEMBER = "member"

# The buying-role order of DESIGN.md ("Vocabulary"). Kept here rather than imported from app.models so that the
# layouts stay importable in a worker without loading the database layer.
ROLE_ORDER = (
    "economic_buyer",
    "decision_maker",
    "technical_buyer",
    "user_buyer",
    "influencer",
    "coach",
    "gatekeeper",
    "approver",
    "procurement",
    "unknown",
)
ROLE_RANK = {role: i for i, role in enumerate(ROLE_ORDER)}


class LayoutCancelled(Exception):
    """The progress callback asked the layout to stop."""


@dataclass(frozen=True)
class LayoutNode:
    key: Key
    width: float
    height: float
    role: str = "unknown"
    department: str | None = None
    x: float | None = None
    y: float | None = None

    @property
    def is_member(self) -> bool:
        return self.key[0] == MEMBER


@dataclass(frozen=True)
class LayoutEdge:
    source: Key
    target: Key
    kind: str
    strength: int = 3


def role_rank(role: str | None) -> int:
    """Unrecognised roles sort with `unknown`, so a typo never hides a card."""
    return ROLE_RANK.get(role or "unknown", ROLE_RANK["unknown"])


class Reporter:
    """Forwards progress to the caller's callback and turns a refusal into LayoutCancelled.

    A layout runs in stages; each stage gets a slice [start, end) of the overall 0..1 range so the bar moves
    steadily whichever layout runs.
    """

    def __init__(self, callback: Progress | None):
        self._callback = callback
        self._start = 0.0
        self._end = 1.0

    def stage(self, start: float, end: float) -> None:
        self._start, self._end = start, end
        self(0.0)

    def __call__(self, fraction: float) -> None:
        if self._callback is None:
            return
        fraction = min(1.0, max(0.0, fraction))
        overall = self._start + (self._end - self._start) * fraction
        # Only an explicit False stops: a callback that forgets to return anything should not cancel.
        if self._callback(overall) is False:
            raise LayoutCancelled()

    def done(self) -> None:
        self.stage(1.0, 1.0)


def check_nodes(nodes: Iterable[LayoutNode]) -> list[LayoutNode]:
    nodes = list(nodes)
    seen: set[Key] = set()
    for node in nodes:
        if node.key in seen:
            raise ValueError(f"duplicate layout node {node.key!r}")
        seen.add(node.key)
    return nodes


def usable_edges(edges: Iterable[LayoutEdge], keys: set[Key]) -> list[LayoutEdge]:
    """Edges between two distinct cards on the map; links to cards not being laid out are ignored."""
    return [e for e in edges if e.source != e.target and e.source in keys and e.target in keys]


def sizes(nodes: list[LayoutNode]) -> tuple[np.ndarray, np.ndarray]:
    # A zero or negative size would make separation degenerate; a card is always at least a point-sized box.
    w = np.array([max(1.0, float(n.width)) for n in nodes], dtype=float)
    h = np.array([max(1.0, float(n.height)) for n in nodes], dtype=float)
    return w, h


def to_positions(nodes: list[LayoutNode], xy: np.ndarray) -> Positions:
    return {node.key: (float(xy[i, 0]), float(xy[i, 1])) for i, node in enumerate(nodes)}
