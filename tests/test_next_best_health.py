"""Next best relationships on effective levels: a "trusted" link nobody has touched for months is weak."""

from __future__ import annotations

import datetime as dt

import pytest

from app.analysis import Edge, HealthInput, Node, Touch, next_best_relationships

TODAY = dt.date(2026, 12, 1)
M = ("member", 1)
A, B, C, D = (("person", i) for i in range(1, 5))


def committee():
    # Weights (declared influence): A 5, B 2, C 3, D 3 — total 13.
    nodes = [Node(M, "陈思远"),
             Node(A, "赵总", "economic_buyer", "supporter", 5),
             Node(B, "小李", "influencer", "neutral", 2),
             Node(C, "孙总", "decision_maker", "neutral", 3),
             Node(D, "刘工", "user_buyer", "supporter", 3)]
    edges = [Edge(M, A, "covers", 4), Edge(M, B, "covers", 1), Edge(M, D, "covers", 3)]
    return nodes, edges


def met(days: int, *who) -> Touch:
    return Touch(TODAY - dt.timedelta(days=days), "meeting", frozenset(who))


def test_without_history_the_declared_levels_decide():
    nodes, edges = committee()
    found = next_best_relationships(nodes, edges)
    # A is declared "trusted" (4) and D "working" (3): only C and B are below 3.
    assert [s.key for s in found] == [C, B]
    assert [s.gain for s in found] == pytest.approx([3 / 13, 2 / 13])


def test_a_stale_trusted_link_to_the_economic_buyer_comes_first():
    nodes, edges = committee()
    # A last met 130 days ago: 4 − floor(130 / 60) = 2. D met 10 days ago: 3 − 0 = 3, still counted.
    # B never touched: 1 − 1 = 0.
    health = HealthInput(today=TODAY, interactions=(met(130, M, A), met(10, M, D)))
    found = next_best_relationships(nodes, edges, health=health)
    assert [s.key for s in found] == [A, C, B]
    assert [s.gain for s in found] == pytest.approx([5 / 13, 3 / 13, 2 / 13])
    assert [s.coverage_level for s in found] == [2, 0, 0]
    assert found[0].reason == ["economic_buyer", "gap", "stale", "high_influence"]
    assert found[1].reason == ["decision_maker", "gap", "uncovered"]
    assert found[2].reason == ["weakly_covered"]


@pytest.mark.parametrize(("days", "stale"), [(119, False), (120, True), (0, False)])
def test_the_trusted_link_goes_weak_at_exactly_120_days(days, stale):
    nodes, edges = committee()
    health = HealthInput(today=TODAY, interactions=(met(days, M, A), met(10, M, D)))
    keys = [s.key for s in next_best_relationships(nodes, edges, health=health)]
    assert (A in keys) is stale


def test_a_meeting_without_our_member_does_not_refresh_the_relationship():
    nodes, edges = committee()
    # A met someone 5 days ago, but not 陈思远: the M–A relationship was last touched 200 days ago (4 − 3 = 1).
    health = HealthInput(today=TODAY, interactions=(met(5, A), met(200, M, A), met(10, M, D)))
    found = next_best_relationships(nodes, edges, health=health)
    assert found[0].key == A and found[0].coverage_level == 1


def test_history_of_an_empty_map_suggests_nothing():
    assert next_best_relationships([Node(M, "陈思远")], [], health=HealthInput(today=TODAY)) == []


def test_the_analysis_panel_s_suggestions_read_the_history(demo):
    """The worker behind the Analysis panel hands the history to the suggestions: on the demo manufacturer,
    王宏斌 (economic buyer, declared "working" by two of ours, last met four months ago) is suggested as stale."""
    from app.demo import DEMO_ACCOUNT_NAMES
    from app.ui.analysis.runner import AnalysisRunner

    account = demo.account_id_by_name(DEMO_ACCOUNT_NAMES[0])
    runner = AnalysisRunner(demo.database, account)
    got = []
    runner.done.connect(lambda *args: got.append(args))
    runner.run()  # on this thread: the same work the panel starts in a worker
    suggestions = got[0][3].suggestions
    wang = next(s for s in suggestions if s.name == "王宏斌")
    assert "stale" in wang.reason and wang.coverage_level < 3
    assert wang.gain == pytest.approx(max(s.gain for s in suggestions))
