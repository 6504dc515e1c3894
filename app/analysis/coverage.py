"""Coverage and support: how well our team knows the committee, and which way the committee leans.

These need no graph metric, so what-if questions and suggestions use them without the cost of a full analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.analysis.graph import PreparedMap
from app.analysis.model import COUNTED_LEVEL, HIGH_INFLUENCE, KEY_ROLES, Key

_ROLE_ORDER = {role: i for i, role in enumerate(KEY_ROLES)}


@dataclass(frozen=True)
class Coverage:
    levels: dict[Key, int]  # every client person
    score: float
    gaps: list[Key]
    single_threaded: bool


def is_key_person(prep: PreparedMap, key: Key) -> bool:
    declared = prep.declared.get(key)
    return prep.by_key[key].role in KEY_ROLES or (declared is not None and declared >= HIGH_INFLUENCE)


def coverage(prep: PreparedMap) -> Coverage:
    levels = {node.key: prep.coverage_level(node.key) for node in prep.clients}
    total = sum(prep.weight(key) for key in levels)
    covered = sum(prep.weight(key) for key, level in levels.items() if level >= COUNTED_LEVEL)
    score = covered / total if total else 0.0
    gaps = [key for key, level in levels.items() if level < COUNTED_LEVEL and is_key_person(prep, key)]
    # Economic buyers first, then decision-makers, then by declared influence; input order breaks ties.
    position = {key: i for i, key in enumerate(levels)}
    gaps.sort(key=lambda key: (_ROLE_ORDER.get(prep.by_key[key].role, len(KEY_ROLES)),
                               -(prep.declared.get(key) or 0), position[key]))
    return Coverage(levels, score, gaps, single_threaded(prep))


def single_threaded(prep: PreparedMap) -> bool:
    """Every counted relationship (level ≥ 3) runs through one team member.

    With no counted relationship at all the account is not single-threaded but uncovered: that shows as a
    coverage score of 0 and as gaps, and calling it single-threaded would point at a team member who isn't there.
    """
    threads = {member for levels in prep.covers.values() for member, level in levels.items()
               if level >= COUNTED_LEVEL}
    return len(threads) == 1


def support_index(prep: PreparedMap) -> float | None:
    """Σ influence × stance ÷ (2 × Σ influence) over people whose stance is known, in −1..+1."""
    weighted = 0.0
    total = 0
    for node in prep.clients:
        value = prep.stance_value[node.key]
        if value is None:
            continue
        weight = prep.weight(node.key)
        weighted += weight * value
        total += weight
    return weighted / (2 * total) if total else None
