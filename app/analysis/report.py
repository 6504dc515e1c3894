"""One account's analysis in one pass, and its `analyze --json` form (DESIGN.md "Command line")."""

from __future__ import annotations

from collections.abc import Iterable

from app.analysis import metrics
from app.analysis.coverage import coverage, support_index
from app.analysis.graph import PreparedMap, prepare
from app.analysis.health import HealthInput, relationship_health
from app.analysis.model import AccountAnalysis, Edge, Node, PersonResult


def analyze(nodes: Iterable[Node], edges: Iterable[Edge], health: HealthInput | None = None) -> AccountAnalysis:
    """Everything DESIGN.md's "Analysis definitions" and "Relationship health" ask for; data problems are
    reported, never raised. Without `health` the map has no history: no interactions, no answers, no cadences."""
    return analyze_prepared(prepare(nodes, edges), health)


def client_scores(prep: PreparedMap):
    """influence_score of each client person (input order) and their hidden-power flags."""
    n = len(prep.clients)
    scores = metrics.pagerank(n, prep.arc_source, prep.arc_target, prep.arc_weight)
    declared = [prep.weight(node.key) for node in prep.clients]
    return scores, metrics.power_flags(scores, declared)


def analyze_prepared(prep: PreparedMap, health: HealthInput | None = None) -> AccountAnalysis:
    clients = prep.clients
    n = len(clients)
    keys = [node.key for node in clients]
    scores, power = client_scores(prep)
    graph = metrics.metric_graph(n, prep.pairs)
    between = metrics.brokerage(n, prep.pairs, graph)
    community = metrics.communities(n, prep.pairs, keys, graph)
    cycles, on_cycle = metrics.reporting_cycles(n, prep.reports)
    for cycle in cycles:
        prep.problems.append("reporting cycle: " + " → ".join(clients[i].name for i in cycle))
    cover = coverage(prep)
    gaps = set(cover.gaps)
    fresh = relationship_health(prep, cover.levels, health or HealthInput())

    people = []
    for i, node in enumerate(clients):
        level = cover.levels[node.key]
        flags = []
        if node.key in gaps:
            flags.append("gap")
        if level == 0:
            flags.append("uncovered")
        if power[i] is not None:
            flags.append(power[i])
        if i in on_cycle:
            flags.append("reporting_cycle")
        own = fresh.people[node.key]
        flags.extend(own.flags)
        people.append(PersonResult(
            key=node.key, name=node.name, side="client", role=node.role, stance=node.stance,
            influence_declared=prep.declared[node.key], influence_score=float(scores[i]),
            brokerage=float(between[i]), community=community[i], coverage_level=level, flags=flags,
            last_contact_days=own.last_contact_days, effective_coverage_level=own.effective_coverage_level,
            inferred_level=own.inferred_level, satisfaction=own.satisfaction))
    for node in prep.members:
        people.append(PersonResult(
            key=node.key, name=node.name, side="team", role=node.role, stance=node.stance,
            influence_declared=None, influence_score=0.0, brokerage=0.0, community=None, coverage_level=0,
            flags=[]))
    # Back to the order the nodes came in, so that a caller's table and ours line up.
    position = {node.key: i for i, node in enumerate(prep.nodes)}
    people.sort(key=lambda result: position[result.key])
    return AccountAnalysis(people=people, coverage_score=cover.score, gaps=cover.gaps,
                           single_threaded=cover.single_threaded, support_index=support_index(prep),
                           problems=prep.problems, health=fresh)


def to_json(analysis: AccountAnalysis, account_name: str) -> dict:
    """The object that `stakemap analyze --json` prints; people and gaps by name, as the contract says."""
    names = {person.key: person.name for person in analysis.people}
    health = analysis.health
    return {
        "account": account_name,
        "people": [
            {
                "name": person.name,
                "side": person.side,
                "role": person.role,
                "stance": person.stance,
                "influence_declared": person.influence_declared,
                "influence_score": float(person.influence_score),
                "brokerage": float(person.brokerage),
                "community": person.community,
                "coverage_level": int(person.coverage_level),
                "flags": list(person.flags),
                "last_contact_days": person.last_contact_days,
                "effective_coverage_level": int(person.effective_coverage_level),
                "inferred_level": int(person.inferred_level),
                "satisfaction": person.satisfaction,
            }
            for person in analysis.people
        ],
        "coverage": {
            "score": float(analysis.coverage_score),
            "gaps": [names.get(key, f"{key[0]} {key[1]}") for key in analysis.gaps],
            "single_threaded": bool(analysis.single_threaded),
            "effective_score": float(health.effective_score) if health else float(analysis.coverage_score),
            "stale": [names.get(key, f"{key[0]} {key[1]}") for key in health.stale] if health else [],
        },
        "support_index": None if analysis.support_index is None else float(analysis.support_index),
        "nps": None if health is None or health.nps is None else float(health.nps),
    }
