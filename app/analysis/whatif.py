"""Questions about a changed map ("what if she became a supporter?") and where a new relationship pays most."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from app.analysis.coverage import coverage, is_key_person, support_index
from app.analysis.graph import prepare
from app.analysis.health import HealthInput, relationship_health
from app.analysis.model import COUNTED_LEVEL, HIGH_INFLUENCE, KEY_ROLES, Edge, Key, Node, Suggestion, WhatIf
from app.analysis.report import client_scores


def what_if(nodes: Iterable[Node], edges: Iterable[Edge], stance: dict[Key, str] | None = None,
            covers: dict[tuple[Key, Key], int] | None = None) -> WhatIf:
    """Support index, coverage score, gaps and single-threading before and after the changes.

    `stance` sets people's stances; `covers` sets the level of the covers link from a team member to a person
    (replacing any there is; level 0 removes it). Keys that are not on the map are ignored. Nothing given is
    changed: the "after" map is a new list of new records.
    """
    nodes = list(nodes)
    edges = list(edges)
    before = prepare(nodes, edges)
    after_nodes = [replace(node, stance=stance[node.key]) if stance and node.key in stance else node
                   for node in nodes]
    after_edges = edges
    if covers:
        after_edges = [edge for edge in edges
                       if not (edge.kind == "covers" and (edge.source, edge.target) in covers)]
        after_edges += [Edge(member, person, "covers", level) for (member, person), level in covers.items()
                        if level > 0]
    after = prepare(after_nodes, after_edges)
    old, new = coverage(before), coverage(after)
    return WhatIf(support_before=support_index(before), support_after=support_index(after),
                  coverage_before=old.score, coverage_after=new.score,
                  gaps_before=old.gaps, gaps_after=new.gaps,
                  single_threaded_before=old.single_threaded, single_threaded_after=new.single_threaded)


def next_best_relationships(nodes: Iterable[Node], edges: Iterable[Edge], limit: int = 5,
                            health: HealthInput | None = None) -> list[Suggestion]:
    """The people whose coverage, raised to the counted level (3, "working"), would raise the coverage score most.

    Raising someone already at 3 or more adds nothing, so only people below it are candidates, and each one's
    gain is their share of the declared influence. Equal gains are ordered by what makes a relationship urgent:
    being a gap, an economic buyer or decision-maker, then the influence the map gives them.
    With `health` (the interaction history) the levels are the effective ones (DESIGN.md "Relationship health"):
    a "trusted" link nobody has touched for months is as weak as it has become, and the suggestion's level and
    gain are those of the effective coverage score.
    Reason codes: the key role ("economic_buyer", "decision_maker"), "gap", "uncovered" (no relationship),
    "stale" (declared ≥ 3, effective below), or "weakly_covered" (below 3), "high_influence" (declared ≥ 4),
    "influence_unknown", "hidden_power".
    """
    prep = prepare(nodes, edges)
    if limit <= 0 or not prep.clients:
        return []
    current = coverage(prep)
    declared_levels = current.levels
    levels = declared_levels
    if health is not None:
        fresh = relationship_health(prep, declared_levels, health)
        levels = {key: person.effective_coverage_level for key, person in fresh.people.items()}
    total = sum(prep.weight(node.key) for node in prep.clients)
    scores, power = client_scores(prep)
    candidates = []
    for i, node in enumerate(prep.clients):
        level = levels[node.key]
        if level >= COUNTED_LEVEL:
            continue
        declared = prep.declared[node.key]
        reason = [node.role] if node.role in KEY_ROLES else []
        gap = is_key_person(prep, node.key)
        if gap:
            reason.append("gap")
        if declared_levels[node.key] >= COUNTED_LEVEL:
            reason.append("stale")
        else:
            reason.append("uncovered" if declared_levels[node.key] == 0 else "weakly_covered")
        if declared is None:
            reason.append("influence_unknown")
        elif declared >= HIGH_INFLUENCE:
            reason.append("high_influence")
        if power[i] == "hidden_power":
            reason.append("hidden_power")
        gain = prep.weight(node.key) / total
        role_rank = KEY_ROLES.index(node.role) if node.role in KEY_ROLES else len(KEY_ROLES)
        order = (-round(gain, 12), not gap, role_rank, -round(float(scores[i]), 12), i)
        candidates.append((order, Suggestion(node.key, node.name, gain, level, reason)))
    candidates.sort(key=lambda item: item[0])
    return [suggestion for _, suggestion in candidates[:limit]]
