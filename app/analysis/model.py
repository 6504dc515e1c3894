"""What the analysis takes and gives. Plain frozen dataclasses: no database, no Qt, so a worker can use them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.analysis.health import AccountHealth

Key = tuple[str, int]  # ("person", id): the customer's people; ("member", id): our team members

PERSON = "person"
MEMBER = "member"

# Repeated from app.models.enums (DESIGN.md "Vocabulary") so that this package never loads the database layer.
LINK_KINDS = ("reports_to", "dotted_line", "influences", "ally", "rival", "knows", "covers")
STANCE_VALUES = {"advocate": 2, "supporter": 1, "neutral": 0, "skeptic": -1, "opponent": -2}
UNKNOWN = "unknown"
KEY_ROLES = ("economic_buyer", "decision_maker")
DEFAULT_INFLUENCE = 3  # an unknown declared influence counts as "medium"
COUNTED_LEVEL = 3  # a relationship counts as coverage from "working" upwards
HIGH_INFLUENCE = 4
MIN_STRENGTH, MAX_STRENGTH = 1, 5


@dataclass(frozen=True)
class Node:
    key: Key
    name: str
    role: str | None = None
    stance: str | None = None
    influence: int | None = None


@dataclass(frozen=True)
class Edge:
    source: Key
    target: Key
    kind: str
    strength: int = 3


@dataclass
class PersonResult:
    key: Key
    name: str
    side: str  # "client" | "team"
    role: str | None
    stance: str | None
    influence_declared: int | None
    influence_score: float
    brokerage: float
    community: int | None
    coverage_level: int
    flags: list[str] = field(default_factory=list)
    # Relationship health (DESIGN.md "Relationship health"); None and 0 on the team side.
    last_contact_days: int | None = None
    effective_coverage_level: int = 0
    inferred_level: int = 0
    satisfaction: int | None = None


@dataclass
class AccountAnalysis:
    people: list[PersonResult]
    coverage_score: float
    gaps: list[Key]
    single_threaded: bool
    support_index: float | None
    problems: list[str] = field(default_factory=list)
    health: AccountHealth | None = None

    def person(self, key: Key) -> PersonResult:
        for result in self.people:
            if result.key == key:
                return result
        raise KeyError(key)


@dataclass(frozen=True)
class Route:
    path: list[Key]  # introducer first, target last
    score: float  # product of strength / 5 along the path
    introducer: Key


@dataclass(frozen=True)
class WhatIf:
    support_before: float | None
    support_after: float | None
    coverage_before: float
    coverage_after: float
    gaps_before: list[Key]
    gaps_after: list[Key]
    single_threaded_before: bool
    single_threaded_after: bool

    @property
    def support_delta(self) -> float | None:
        if self.support_before is None or self.support_after is None:
            return None
        return self.support_after - self.support_before

    @property
    def coverage_delta(self) -> float:
        return self.coverage_after - self.coverage_before


@dataclass(frozen=True)
class Suggestion:
    key: Key
    name: str
    gain: float  # rise of the coverage score if this person's coverage reached the counted level
    coverage_level: int
    reason: list[str]
