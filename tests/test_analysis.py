"""Account analysis (DESIGN.md "Analysis definitions"): hand-worked small maps, agreement with networkx's
definitions, and properties that must hold on any map, however odd."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.analysis import (
    AccountAnalysis,
    Edge,
    Node,
    analyze,
    best_routes,
    next_best_relationships,
    routes,
    to_json,
    what_if,
)
from app.analysis.metrics import percentile_ranks


def P(i, role=None, stance=None, influence=None, name=None):
    return Node(("person", i), name or f"P{i}", role, stance, influence)


def M(i, name=None):
    return Node(("member", i), name or f"M{i}", "account_manager")


def link(a, b, kind="knows", strength=3):
    return Edge(("person", a), ("person", b), kind, strength)


def cover(m, p, level=3):
    return Edge(("member", m), ("person", p), "covers", level)


def scores(analysis: AccountAnalysis) -> dict:
    return {p.key: p.influence_score for p in analysis.people}


def by_name(analysis: AccountAnalysis) -> dict:
    return {p.name: p for p in analysis.people}


# --- influence score -------------------------------------------------------------------------------------------

def test_star_everyone_reports_to_the_ceo():
    # Four reports point at the CEO; the CEO points nowhere, so its rank is spread evenly (networkx's rule for
    # dangling nodes). With x_c + 4 x_r = 1 and x_r = 0.15/5 + 0.85 x_c/5, x_c = 0.88 / 1.68 = 11/21 and each
    # report gets (1 - 11/21) / 4 = 5/42.
    nodes = [P(0, name="CEO")] + [P(i) for i in range(1, 5)]
    result = analyze(nodes, [link(i, 0, "reports_to") for i in range(1, 5)])
    got = by_name(result)
    assert got["CEO"].influence_score == pytest.approx(11 / 21, abs=1e-12)
    for i in range(1, 5):
        assert got[f"P{i}"].influence_score == pytest.approx(5 / 42, abs=1e-12)
    assert max(result.people, key=lambda p: p.influence_score).name == "CEO"


def test_direction_of_each_kind():
    # reports_to and dotted_line lend influence to the manager; "A influences B" lends it to A; knows and ally are
    # symmetric, so the two ends of a lone knows link are equal.
    for kind, stronger in (("reports_to", 2), ("dotted_line", 2), ("influences", 1)):
        s = scores(analyze([P(1), P(2)], [link(1, 2, kind)]))
        weaker = 3 - stronger
        assert s[("person", stronger)] > s[("person", weaker)], kind
    for kind in ("knows", "ally"):
        s = scores(analyze([P(1), P(2), P(3)], [link(1, 2, kind), link(3, 1, "reports_to")]))
        assert s[("person", 1)] > s[("person", 2)] > s[("person", 3)], kind


def test_rival_and_covers_carry_no_influence():
    nodes = [P(1), P(2), P(3), M(1)]
    base = [link(1, 2, "reports_to"), link(3, 2, "influences")]
    with_more = base + [link(1, 3, "rival", 5), cover(1, 1, 5), cover(1, 3, 2)]
    assert scores(analyze(nodes, base)) == pytest.approx(scores(analyze(nodes, with_more)), abs=1e-15)


def test_parallel_links_add_their_weights():
    # P1 reports to P2 with strength 2 and has a dotted line to P2 with strength 3: together 5, the same as its
    # single strength-5 line to P3, so P2 and P3 must come out equal (taking the strongest would give 3 against 5).
    s = scores(analyze([P(1), P(2), P(3)],
                       [link(1, 2, "reports_to", 2), link(1, 2, "dotted_line", 3), link(1, 3, "reports_to", 5)]))
    assert s[("person", 2)] == pytest.approx(s[("person", 3)], abs=1e-12)
    assert s[("person", 2)] > s[("person", 1)]


def test_team_members_are_outside_the_metrics():
    result = analyze([P(1), P(2), M(1), M(2)],
                     [link(1, 2, "reports_to"), cover(1, 1, 4), Edge(("member", 1), ("member", 2), "knows", 5),
                      Edge(("member", 2), ("person", 2), "knows", 5)])
    team = [p for p in result.people if p.side == "team"]
    assert [p.name for p in team] == ["M1", "M2"]
    for p in team:
        assert (p.influence_score, p.brokerage, p.community, p.coverage_level, p.flags) == (0.0, 0.0, None, 0, [])
    assert sum(p.influence_score for p in result.people if p.side == "client") == pytest.approx(1.0, abs=1e-12)


# --- brokerage and communities -----------------------------------------------------------------------------------

def test_chain_middle_is_the_broker():
    # A–B–C: the only pair not adjacent (A, C) runs through B, so B's normalized betweenness is 1 and the ends' 0.
    got = by_name(analyze([P(1, name="A"), P(2, name="B"), P(3, name="C")], [link(1, 2), link(2, 3, "reports_to")]))
    assert got["B"].brokerage == pytest.approx(1.0)
    assert got["A"].brokerage == got["C"].brokerage == 0.0


def test_rival_links_are_no_bridge():
    got = by_name(analyze([P(1, name="A"), P(2, name="B"), P(3, name="C")], [link(1, 2), link(2, 3, "rival")]))
    assert got["B"].brokerage == 0.0


def test_two_cliques_and_a_bridge_make_two_coalitions():
    # Two groups of four, everyone knowing everyone in their group, and one link between them: Louvain splits
    # them. Equal sizes, so the group holding the smallest key (person 1) is community 0.
    nodes = [P(i) for i in range(1, 9)] + [M(1)]
    edges = [link(a, b) for group in ((1, 2, 3, 4), (5, 6, 7, 8)) for a in group for b in group if a < b]
    edges += [link(4, 5), cover(1, 1)]
    result = analyze(nodes, edges)
    community = {p.key: p.community for p in result.people}
    assert {community[("person", i)] for i in (1, 2, 3, 4)} == {0}
    assert {community[("person", i)] for i in (5, 6, 7, 8)} == {1}
    assert community[("member", 1)] is None


def test_communities_are_numbered_by_size_and_repeatable():
    # Cliques of 3, 5 and 4 people with no links between them: numbered largest first.
    groups = ((1, 2, 3), (4, 5, 6, 7, 8), (9, 10, 11, 12))
    nodes = [P(i) for i in range(1, 13)]
    edges = [link(a, b) for group in groups for a in group for b in group if a < b]
    first = analyze(nodes, edges)
    community = {p.key: p.community for p in first.people}
    assert [community[("person", g[0])] for g in groups] == [2, 0, 1]
    random.seed(12345)  # the global generator must not matter
    again = analyze(nodes, edges)
    assert [p.community for p in again.people] == [p.community for p in first.people]


def test_planted_coalitions_are_found_as_networkx_finds_them():
    # Four groups of eight, dense inside (p = 0.7) and sparse between (p = 0.02): any Louvain run should recover
    # the groups; networkx's louvain_communities (the reference implementation) does on this graph.
    planted = nx.planted_partition_graph(4, 8, 0.7, 0.02, seed=3)
    nodes = [P(i) for i in planted]
    edges = [link(a, b) for a, b in planted.edges]
    ours: dict[int, set] = {}
    for p in analyze(nodes, edges).people:
        ours.setdefault(p.community, set()).add(p.key[1])
    theirs = nx.community.louvain_communities(planted, seed=42)
    groups = [set(range(g * 8, g * 8 + 8)) for g in range(4)]
    assert sorted(map(sorted, ours.values())) == sorted(map(sorted, theirs)) == sorted(map(sorted, groups))


def test_coalitions_are_as_good_as_networkx_ones():
    # A different Louvain implementation need not give the same partition on a noisy map, but its modularity
    # should be no worse than networkx's by more than a little (fixed seeds: this is one deterministic check).
    for seed in (11, 12, 13):
        nodes, edges = random_map(seed, 120, 260, members=0)
        plain = nx.Graph()
        plain.add_nodes_from(n.key for n in nodes)
        plain.add_edges_from((e.source, e.target) for e in edges if e.kind != "rival")
        ours: dict[int, set] = {}
        for p in analyze(nodes, edges).people:
            ours.setdefault(p.community, set()).add(p.key)
        reference = nx.community.modularity(plain, nx.community.louvain_communities(plain, seed=42))
        assert nx.community.modularity(plain, list(ours.values())) >= reference - 0.02


def test_no_qt_in_the_analysis():
    code = "import sys, app.analysis; sys.exit(any(m.split('.')[0] == 'PySide6' for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent).returncode == 0


# --- agreement with networkx -------------------------------------------------------------------------------------

def random_map(seed: int, people: int, links: int, members: int = 2):
    rng = random.Random(seed)
    kinds = ("reports_to", "dotted_line", "influences", "ally", "rival", "knows")
    nodes = [P(i) for i in range(people)] + [M(m) for m in range(members)]
    edges = []
    for _ in range(links):
        a, b = rng.randrange(people), rng.randrange(people)
        if a != b:
            edges.append(link(a, b, rng.choice(kinds), rng.randint(1, 5)))
    if people > 3:  # the same pair twice, in the same and in the opposite direction
        edges += [link(0, 1, "reports_to", 2), link(0, 1, "knows", 4), link(1, 0, "influences", 5)]
    for m in range(members):
        for p in rng.sample(range(people), min(people, 3)):
            edges.append(Edge(("member", m), ("person", p), "covers", rng.randint(1, 5)))
    return nodes, edges


def networkx_reference(nodes, edges):
    """DESIGN.md's definitions built straight into networkx graphs."""
    clients = [n.key for n in nodes if n.key[0] == "person"]
    influence = nx.MultiDiGraph()
    influence.add_nodes_from(clients)
    plain = nx.Graph()
    plain.add_nodes_from(clients)
    for e in edges:
        if e.kind in ("rival", "covers") or e.source[0] != "person" or e.target[0] != "person":
            continue
        plain.add_edge(e.source, e.target)
        if e.kind in ("reports_to", "dotted_line"):
            influence.add_edge(e.source, e.target, weight=e.strength)
        elif e.kind == "influences":
            influence.add_edge(e.target, e.source, weight=e.strength)
        else:
            influence.add_edge(e.source, e.target, weight=e.strength)
            influence.add_edge(e.target, e.source, weight=e.strength)
    # networkx stops its power iteration at tol=1e-6 by default, i.e. within ~1e-6 of the PageRank fixed point;
    # a tight tolerance lets it reach the fixed point closely enough to compare at 1e-9.
    pagerank = nx.pagerank(influence, alpha=0.85, weight="weight", tol=1e-13, max_iter=100_000)
    return pagerank, nx.betweenness_centrality(plain, normalized=True), plain


@pytest.mark.parametrize(("seed", "people", "links"), [
    (1, 1, 0), (2, 2, 1), (3, 3, 2), (4, 12, 0), (5, 12, 8), (6, 40, 30), (7, 40, 120), (8, 80, 60),
    (9, 150, 400), (10, 60, 25),  # sparse ones fall apart into several components and isolated people
])
def test_equal_to_networkx(seed, people, links):
    nodes, edges = random_map(seed, people, links)
    pagerank, betweenness, plain = networkx_reference(nodes, edges)
    if links < people - 1:
        assert not nx.is_connected(plain)  # the case meant to be in pieces is
    result = analyze(nodes, edges)
    for p in result.people:
        if p.side == "client":
            assert p.influence_score == pytest.approx(pagerank[p.key], abs=1e-9)
            assert p.brokerage == pytest.approx(betweenness[p.key], abs=1e-9)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**6), st.integers(1, 30), st.integers(0, 80))
def test_equal_to_networkx_on_random_maps(seed, people, links):
    nodes, edges = random_map(seed, people, links)
    pagerank, betweenness, _ = networkx_reference(nodes, edges)
    for p in analyze(nodes, edges).people:
        if p.side == "client":
            assert abs(p.influence_score - pagerank[p.key]) <= 1e-9
            assert abs(p.brokerage - betweenness[p.key]) <= 1e-9


# --- coverage and support ----------------------------------------------------------------------------------------

def committee():
    nodes = [P(1, "economic_buyer", "advocate", 5), P(2, "technical_buyer", "opponent", None),
             P(3, "decision_maker", "neutral", 2), P(4, "user_buyer", "unknown", 4), P(5, "coach"), M(1), M(2)]
    edges = [link(2, 1, "reports_to"), link(3, 1, "reports_to"), link(4, 3, "reports_to"), link(5, 4),
             cover(1, 1, 4), cover(2, 1, 2), cover(1, 2, 3), cover(2, 3, 2)]
    return nodes, edges


def test_coverage_by_hand():
    # Weights (declared influence, unknown = 3): P1 5, P2 3, P3 2, P4 4, P5 3; total 17.
    # Levels: P1 max(4, 2) = 4, P2 3, P3 2, P4 0, P5 0; counted (≥ 3): P1 and P2, 5 + 3 = 8, so 8/17.
    # Gaps: P3 is a decision-maker at level 2 and P4 has influence 4 at level 0; P1 (economic buyer) is covered.
    # Every counted link comes from M1: single-threaded.
    nodes, edges = committee()
    result = analyze(nodes, edges)
    assert result.coverage_score == pytest.approx(8 / 17)
    assert [p.coverage_level for p in result.people] == [4, 3, 2, 0, 0, 0, 0]
    assert result.gaps == [("person", 3), ("person", 4)]
    assert result.single_threaded is True
    got = by_name(result)
    assert got["P3"].flags[:1] == ["gap"] and "uncovered" not in got["P3"].flags
    assert got["P4"].flags[:2] == ["gap", "uncovered"]
    assert got["P5"].flags[:1] == ["uncovered"]
    assert "gap" not in got["P1"].flags
    # M2 now trusted by P4 as well: two threads, and P4 is no longer a gap; (8 + 4) / 17 covered.
    result = analyze(nodes, edges + [cover(2, 4, 3)])
    assert result.single_threaded is False
    assert result.gaps == [("person", 3)]
    assert result.coverage_score == pytest.approx(12 / 17)


def test_nobody_covered_is_not_single_threaded():
    result = analyze([P(1, influence=5), M(1)], [cover(1, 1, 2)])
    assert (result.coverage_score, result.single_threaded, result.gaps) == (0.0, False, [("person", 1)])


def test_support_index_by_hand():
    # Known stances only: P1 5 × (+2) = 10, P2 3 × (−2) = −6 (unknown influence counts 3), P3 2 × 0 = 0;
    # P4 ("unknown") and P5 (none) are left out. 4 / (2 × (5 + 3 + 2)) = 0.2.
    nodes, edges = committee()
    assert analyze(nodes, edges).support_index == pytest.approx(0.2)
    assert analyze([P(1), P(2, stance="unknown")], []).support_index is None
    assert analyze([P(1, stance="advocate"), P(2, stance="advocate", influence=1)], []).support_index == 1.0


# --- flags and data problems -------------------------------------------------------------------------------------

def test_hidden_power_and_overrated():
    # P2..P5 report to P1, declared "minimal"; P6, declared "decisive", has no links. P2..P6 only get the teleport
    # and dangling shares, so they tie below P1. Score percentiles: P1 1.0, the rest (0+1+2+3+4)/5/5 = 0.4.
    # Declared percentiles: P1 0.0, P2..P5 (1+2+3+4)/4/5 = 0.5, P6 1.0. Differences: P1 +1.0 (hidden power),
    # P6 −0.6 (overrated), P2..P5 −0.1 (nothing).
    nodes = [P(1, influence=1)] + [P(i, influence=3) for i in range(2, 6)] + [P(6, influence=5)]
    got = by_name(analyze(nodes, [link(i, 1, "reports_to") for i in range(2, 6)]))
    assert "hidden_power" in got["P1"].flags
    assert "overrated" in got["P6"].flags
    for i in range(2, 6):
        assert not {"hidden_power", "overrated"} & set(got[f"P{i}"].flags)


def test_no_power_flags_on_tiny_or_linkless_maps():
    small = [P(1, influence=1)] + [P(i, influence=5) for i in range(2, 5)]
    flags = [f for p in analyze(small, [link(i, 1, "reports_to") for i in range(2, 5)]).people for f in p.flags]
    assert "hidden_power" not in flags and "overrated" not in flags
    linkless = [P(i, influence=1 + i % 5) for i in range(10)]
    flags = [f for p in analyze(linkless, []).people for f in p.flags]
    assert "hidden_power" not in flags and "overrated" not in flags


def test_percentile_ranks_share_ties():
    assert list(percentile_ranks([3, 1, 3, 5])) == pytest.approx([0.5, 0.0, 0.5, 1.0])


def test_reporting_cycle_is_reported_not_raised():
    nodes = [P(1, name="A"), P(2, name="B"), P(3, name="C"), P(4, name="D"), P(5, name="E"), P(6, name="F")]
    edges = [link(1, 2, "reports_to"), link(2, 3, "reports_to"), link(3, 1, "reports_to"), link(4, 1, "reports_to"),
             link(5, 6, "reports_to"), link(6, 5, "reports_to")]
    result = analyze(nodes, edges)
    got = by_name(result)
    assert [n for n, p in got.items() if "reporting_cycle" in p.flags] == ["A", "B", "C", "E", "F"]
    assert "reporting cycle: A → B → C → A" in result.problems
    assert "reporting cycle: E → F → E" in result.problems
    assert sum(p.influence_score for p in result.people) == pytest.approx(1.0)


def test_data_problems_are_described():
    nodes = [P(1, name="A", stance="hostile", influence=9), P(2, name="B"), P(2, name="B again"), M(1, name="Ann")]
    edges = [link(1, 1), link(1, 2, "friends"), link(1, 2, "knows", 8), cover(1, 2, 0),
             Edge(("person", 1), ("person", 2), "covers", 3), link(1, 99, "knows"),
             link(2, 1, "reports_to"), Edge(("person", 2), ("person", 3), "reports_to", 3)]
    result = analyze(nodes, edges)
    text = "\n".join(result.problems)
    for expected in ("unknown stance: A", "influence out of range: A", "duplicate node: B again",
                     "link to oneself: A knows A", "unknown link kind: A 'friends' B",
                     "strength out of range: A knows B (8), counted as 5",
                     "strength out of range: Ann covers B (0), counted as 1",
                     "covers link not from a team member to a person: A → B"):
        assert expected in text
    assert "99" not in text  # a link to someone not on the map (archived) is expected, not a problem
    got = by_name(result)
    assert got["A"].influence_declared is None
    assert got["B"].coverage_level == 1


@pytest.mark.parametrize("nodes", [[], [M(1)], [P(1)], [P(1), P(2)], [P(i) for i in range(5)]])
def test_degenerate_maps(nodes):
    result = analyze(nodes, [])
    clients = [p for p in result.people if p.side == "client"]
    assert len(result.people) == len(nodes)
    assert result.coverage_score == 0.0 and result.support_index is None and result.single_threaded is False
    assert result.problems == []
    if clients:
        assert sum(p.influence_score for p in clients) == pytest.approx(1.0)
        assert all(p.influence_score == pytest.approx(1 / len(clients)) for p in clients)
        assert all(p.brokerage == 0.0 and p.flags == ["uncovered"] for p in clients)
        assert sorted(p.community for p in clients) == list(range(len(clients)))


# --- routes ------------------------------------------------------------------------------------------------------

def route_map():
    # M1 knows X as well as anyone (5) but X barely knows T (1): 1.0 × 0.2 = 0.2.
    # M1 → A (5) → B (4) → T (4): 1.0 × 0.8 × 0.8 = 0.64, a longer and better way in.
    # M2 → A (4) → B → T: 0.8 × 0.8 × 0.8 = 0.512. A and T are rivals: no introduction there.
    nodes = [P(1, name="X"), P(2, name="A"), P(3, name="B"), P(4, name="T"), M(1), M(2)]
    edges = [cover(1, 1, 5), link(1, 4, "knows", 1), cover(1, 2, 5), link(2, 3, "ally", 4),
             link(4, 3, "reports_to", 2), link(3, 4, "knows", 4), cover(2, 2, 4), link(2, 4, "rival", 5)]
    return nodes, edges


def test_best_route_beats_a_weak_short_one():
    nodes, edges = route_map()
    found = routes(nodes, edges, ("person", 4), k=3)
    assert [r.path for r in found] == [
        [("member", 1), ("person", 2), ("person", 3), ("person", 4)],
        [("member", 2), ("person", 2), ("person", 3), ("person", 4)],
        [("member", 1), ("person", 1), ("person", 4)],
    ]
    assert [r.score for r in found] == pytest.approx([0.64, 0.512, 0.2])
    assert [r.introducer for r in found] == [("member", 1), ("member", 2), ("member", 1)]
    assert len({tuple(r.path) for r in found}) == 3
    assert [r.path for r in routes(nodes, edges, ("person", 4), k=1)] == [found[0].path]


def test_no_route():
    nodes, edges = route_map()
    assert routes(nodes + [P(9)], edges, ("person", 9)) == []  # nobody knows them
    assert routes(nodes, edges, ("member", 1)) == []  # one of us
    assert routes(nodes, edges, ("person", 77)) == []  # not on the map
    assert routes([P(1), P(2)], [link(1, 2)], ("person", 2)) == []  # no team


def brute_force_best(nodes, edges, target):
    """The best product over every simple path, enumerated."""
    graph = nx.Graph()
    for e in edges:
        if e.kind == "rival" or e.source == e.target or (e.source[0] == e.target[0] == "member"):
            continue
        old = graph.get_edge_data(e.source, e.target, {"s": 0})["s"]
        graph.add_edge(e.source, e.target, s=max(old, e.strength))
    best = 0.0
    for m in (n.key for n in nodes if n.key[0] == "member"):
        if m not in graph or target not in graph:
            continue
        for path in nx.all_simple_paths(graph, m, target):
            if any(k[0] == "member" for k in path[1:]):
                continue
            best = max(best, math.prod(graph[a][b]["s"] / 5 for a, b in zip(path, path[1:], strict=False)))
    return best


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6))
def test_best_route_is_the_best_product(seed):
    nodes, edges = random_map(seed, 7, 12, members=2)
    for target in (n.key for n in nodes if n.key[0] == "person"):
        found = routes(nodes, edges, target, k=4)
        best = brute_force_best(nodes, edges, target)
        if best == 0.0:
            assert found == []
            continue
        assert found[0].score == pytest.approx(best)
        assert [r.score for r in found] == sorted((r.score for r in found), reverse=True)
        assert len({tuple(r.path) for r in found}) == len(found)
        assert all(r.path[0] == r.introducer and r.path[-1] == target for r in found)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6))
def test_one_search_finds_the_best_route_to_everyone(seed):
    nodes, edges = random_map(seed, 9, 16, members=2)
    people = [n.key for n in nodes if n.key[0] == "person"]
    found = best_routes(nodes, edges, people)
    for target in people:
        best = brute_force_best(nodes, edges, target)
        if best == 0.0:
            assert target not in found
            continue
        route = found[target]
        assert route.score == pytest.approx(best)
        assert route.path[0] == route.introducer and route.path[-1] == target
        assert len(route.path) == len(routes(nodes, edges, target, k=1)[0].path)  # the shorter of equals


# --- what if, next best relationships ---------------------------------------------------------------------------

def test_what_if_matches_a_fresh_analysis_and_changes_nothing():
    nodes, edges = committee()
    nodes_copy, edges_copy = list(nodes), list(edges)
    changes = {("person", 2): "supporter", ("person", 5): "skeptic"}
    new_covers = {(("member", 2), ("person", 4)): 4, (("member", 1), ("person", 1)): 0}
    result = what_if(nodes, edges, stance=changes, covers=new_covers)
    assert nodes == nodes_copy and edges == edges_copy

    before = analyze(nodes, edges)
    changed_nodes = [replace(n, stance=changes.get(n.key, n.stance)) for n in nodes]
    changed_edges = [e for e in edges if (e.source, e.target) != (("member", 1), ("person", 1))]
    changed_edges.append(cover(2, 4, 4))
    after = analyze(changed_nodes, changed_edges)
    assert (result.support_before, result.coverage_before) == (before.support_index, before.coverage_score)
    assert (result.support_after, result.coverage_after) == (after.support_index, after.coverage_score)
    assert (result.gaps_before, result.gaps_after) == (before.gaps, after.gaps)
    # By hand: P1 loses M1's 4 and keeps M2's 2, so only P2 (3) and P4 (4) count: 7/17. Support:
    # 10 + 3×1 + 0 + 3×(−1) = 10 over 2 × (5 + 3 + 2 + 3) = 26.
    assert result.coverage_after == pytest.approx(7 / 17)
    assert result.support_after == pytest.approx(10 / 26)
    assert result.coverage_delta == pytest.approx(7 / 17 - 8 / 17)


def test_what_if_with_nothing_changed():
    nodes, edges = committee()
    result = what_if(nodes, edges)
    assert result.coverage_before == result.coverage_after and result.support_delta == 0.0


def test_next_best_relationships_by_hand():
    # Candidates below level 3: P3 (weight 2, decision-maker, gap), P4 (4, gap, high influence), P5 (3).
    # Gains are weight / 17: P4 4/17, P5 3/17, P3 2/17.
    nodes, edges = committee()
    found = next_best_relationships(nodes, edges)
    assert [s.key for s in found] == [("person", 4), ("person", 5), ("person", 3)]
    assert [s.gain for s in found] == pytest.approx([4 / 17, 3 / 17, 2 / 17])
    assert found[0].reason == ["gap", "uncovered", "high_influence"]
    assert found[1].reason == ["uncovered", "influence_unknown"]
    assert found[2].reason == ["decision_maker", "gap", "weakly_covered"]
    assert [s.key for s in next_best_relationships(nodes, edges, limit=1)] == [("person", 4)]


def test_equal_gains_put_key_people_first():
    nodes = [P(1), P(2, "economic_buyer"), P(3, influence=4), P(4, influence=3)]
    found = next_best_relationships(nodes, [])
    assert found[0].key == ("person", 3)  # the only weight-4 person
    assert [s.key for s in found[1:]] == [("person", 2), ("person", 1), ("person", 4)]


# --- the `analyze --json` contract -------------------------------------------------------------------------------

def test_to_json_shape():
    nodes, edges = committee()
    data = to_json(analyze(nodes, edges), "Acme")
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {"account", "people", "coverage", "support_index", "nps"}
    assert data["account"] == "Acme"
    assert set(data["coverage"]) == {"score", "gaps", "single_threaded", "effective_score", "stale"}
    assert isinstance(data["coverage"]["effective_score"], float)
    assert all(isinstance(name, str) for name in data["coverage"]["stale"])
    assert data["nps"] is None
    assert isinstance(data["coverage"]["score"], float)
    assert data["coverage"]["gaps"] == ["P3", "P4"]
    assert isinstance(data["coverage"]["single_threaded"], bool)
    assert isinstance(data["support_index"], float)
    types = {"name": (str,), "side": (str,), "role": (str, type(None)), "stance": (str, type(None)),
             "influence_declared": (int, type(None)), "influence_score": (float,), "brokerage": (float,),
             "community": (int, type(None)), "coverage_level": (int,), "flags": (list,),
             "last_contact_days": (int, type(None)), "effective_coverage_level": (int,), "inferred_level": (int,),
             "satisfaction": (int, type(None))}
    for person in data["people"]:
        assert set(person) == set(types)
        for key, allowed in types.items():
            assert type(person[key]) in allowed, (key, person[key])
        assert person["side"] in ("client", "team")
        assert all(isinstance(flag, str) for flag in person["flags"])
    team = [p for p in data["people"] if p["side"] == "team"]
    assert [p["community"] for p in team] == [None, None]
    assert to_json(analyze([], []), "Empty")["support_index"] is None


# --- properties on any map ---------------------------------------------------------------------------------------

KINDS = ("reports_to", "dotted_line", "influences", "ally", "rival", "knows", "covers")
person_keys = st.builds(lambda i: ("person", i), st.integers(0, 9))
member_keys = st.builds(lambda i: ("member", i), st.integers(0, 2))
any_key = st.one_of(person_keys, member_keys)


@st.composite
def maps(draw):
    people = draw(st.integers(0, 10))
    members = draw(st.integers(0, 3))
    nodes = [P(i, draw(st.sampled_from([None, "economic_buyer", "decision_maker", "coach"])),
               draw(st.sampled_from([None, "unknown", "advocate", "supporter", "neutral", "skeptic", "opponent"])),
               draw(st.sampled_from([None, 1, 2, 3, 4, 5]))) for i in range(people)]
    nodes += [M(m) for m in range(members)]
    edges = draw(st.lists(st.builds(Edge, any_key, any_key, st.sampled_from(KINDS), st.integers(1, 5)),
                          max_size=30))
    return nodes, edges


@settings(max_examples=150, deadline=None)
@given(maps())
def test_analysis_holds_on_any_map(data):
    nodes, edges = data
    result = analyze(nodes, edges)
    clients = [p for p in result.people if p.side == "client"]
    if clients:
        assert sum(p.influence_score for p in clients) == pytest.approx(1.0, abs=1e-9)
    assert all(p.influence_score == 0.0 for p in result.people if p.side == "team")
    assert all(0.0 <= p.brokerage <= 1.0 + 1e-12 for p in result.people)
    assert result.support_index is None or -1.0 <= result.support_index <= 1.0
    assert 0.0 <= result.coverage_score <= 1.0
    communities = sorted({p.community for p in clients})
    assert communities == list(range(len(communities)))
    json.dumps(to_json(result, "Any"))


@settings(max_examples=100, deadline=None)
@given(maps(), st.integers(0, 2), st.integers(0, 9), st.integers(1, 5))
def test_a_new_relationship_never_lowers_coverage(data, member, person, level):
    nodes, edges = data
    nodes = nodes + [M(member)] if ("member", member) not in {n.key for n in nodes} else nodes
    before = analyze(nodes, edges)
    after = analyze(nodes, edges + [cover(member, person, level)])
    assert after.coverage_score >= before.coverage_score - 1e-12
    old = {p.key: p.coverage_level for p in before.people}
    assert all(p.coverage_level >= old[p.key] for p in after.people)


@settings(max_examples=100, deadline=None)
@given(maps(), st.dictionaries(person_keys, st.sampled_from(["advocate", "opponent", "unknown"]), max_size=3),
       st.dictionaries(st.tuples(member_keys, person_keys), st.integers(0, 5), max_size=3))
def test_what_if_is_a_fresh_analysis_of_the_changed_map(data, stance, covers):
    nodes, edges = data
    frozen = (tuple(nodes), tuple(edges), dict(stance), dict(covers))
    result = what_if(nodes, edges, stance=stance, covers=covers)
    assert (tuple(nodes), tuple(edges), stance, covers) == frozen
    changed_nodes = [replace(n, stance=stance[n.key]) if n.key in stance else n for n in nodes]
    changed_edges = [e for e in edges if not (e.kind == "covers" and (e.source, e.target) in covers)]
    changed_edges += [Edge(m, p, "covers", level) for (m, p), level in covers.items() if level]
    after = analyze(changed_nodes, changed_edges)
    assert result.support_after == after.support_index
    assert result.coverage_after == after.coverage_score
    assert result.single_threaded_after == after.single_threaded


@settings(max_examples=80, deadline=None)
@given(maps())
def test_suggested_gains_are_real(data):
    nodes, edges = data
    newcomer = M(99)
    before = analyze(nodes, edges).coverage_score
    found = next_best_relationships(nodes, edges, limit=100)
    for suggestion in found:
        after = analyze(nodes + [newcomer], edges + [cover(99, suggestion.key[1], 3)]).coverage_score
        assert suggestion.gain == pytest.approx(after - before, abs=1e-12)
    assert [s.gain for s in found] == sorted((s.gain for s in found), reverse=True)
