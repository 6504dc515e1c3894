"""Relationship health (DESIGN.md "Relationship health"): every definition on small maps worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from app.analysis import Answer, Edge, HealthInput, Node, Touch, analyze, to_json
from app.analysis.health import (
    DEFAULT_CADENCE_DAYS,
    cadence_for,
    decayed_level,
    level_from_weight,
    nps,
    nps_over_time,
)

TODAY = dt.date(2026, 6, 30)


def P(i, role=None, stance=None, influence=None):
    return Node(("person", i), f"P{i}", role, stance, influence)


def M(i):
    return Node(("member", i), f"M{i}", "account_manager")


def cover(m, p, level):
    return Edge(("member", m), ("person", p), "covers", level)


def touch(days_ago, *participants, channel="meeting"):
    keys = frozenset(("member", int(k[1:])) if k[0] == "M" else ("person", int(k[1:])) for k in participants)
    return Touch(TODAY - dt.timedelta(days=days_ago), channel, keys)


def answer(p, day, recommend, satisfaction=None):
    return Answer(("person", p), dt.date(2026, 1, day), recommend, satisfaction)


def run(nodes, edges, **health):
    return analyze(nodes, edges, HealthInput(today=TODAY, **health))


def person(result, i):
    return result.person(("person", i))


# --- the formulas alone ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("level", "days", "expected"), [
    (4, 0, 4), (4, 59, 4), (4, 60, 3), (4, 119, 3), (4, 120, 2), (4, 240, 0), (2, 400, 0),
    (3, None, 2), (1, None, 0), (5, -3, 5),
])
def test_effective_level_loses_one_level_per_60_days(level, days, expected):
    assert decayed_level(level, days) == expected


@pytest.mark.parametrize(("weight", "expected"), [
    (0, 0), (1, 2), (1.5, 2), (2, 2), (3, 3), (6, 3), (7, 4), (14.5, 4), (15, 5), (100, 5),
])
def test_inferred_level_from_channel_weight(weight, expected):
    # 1 + floor(log2(1 + w)): w=1 → log2 2 = 1 → 2; w=3 → log2 4 = 2 → 3; w=7 → 3 → 4; w=15 → 4 → 5 (the cap).
    assert level_from_weight(weight) == expected


def test_nps_counts_promoters_minus_detractors():
    assert nps([]) is None
    assert nps([10]) == 100.0
    assert nps([6]) == -100.0
    assert nps([7, 8]) == 0.0
    # 2 promoters, 1 passive, 1 detractor of 4: 50 % − 25 % = 25.
    assert nps([9, 10, 8, 0]) == pytest.approx(25.0)
    # One promoter and one detractor tie: 0; weighted 4 : 1 for the promoter gives (4 − 1) / 5 = 60.
    assert nps([9, 3]) == 0.0
    assert nps([9, 3], [4, 1]) == pytest.approx(60.0)


def test_cadence_comes_from_the_person_else_from_the_role():
    assert cadence_for(14, "economic_buyer") == 14
    assert cadence_for(None, "economic_buyer") == DEFAULT_CADENCE_DAYS["economic_buyer"] == 30
    assert cadence_for(None, "unknown") is None
    assert cadence_for(None, "coach", {"coach": 10}) == 10


# --- on a map ----------------------------------------------------------------------------------------------------

def test_no_interactions_at_all():
    result = run([P(1, "economic_buyer", influence=5), P(2), M(1)], [cover(1, 1, 3), cover(1, 2, 5)])
    p1, p2 = person(result, 1), person(result, 2)
    assert p1.last_contact_days is None and p2.last_contact_days is None
    # Never touched: level − 1. P1 3 → 2 (stale), P2 5 → 4 (still counted).
    assert (p1.effective_coverage_level, p2.effective_coverage_level) == (2, 4)
    assert (p1.inferred_level, p2.inferred_level) == (0, 0)
    assert "stale" in p1.flags and "stale" not in p2.flags
    # P2 declared 5 with no history at all: overstated.
    assert "overstated_relationship" in p2.flags and "overstated_relationship" not in p1.flags
    # Effective coverage: only P2 (weight 3) of 5 + 3.
    assert result.coverage_score == 1.0
    assert result.health.effective_score == pytest.approx(3 / 8)
    assert result.health.stale == [("person", 1)]
    assert result.health.nps is None and person(result, 1).satisfaction is None


def test_exactly_60_and_120_days():
    nodes = [P(1), P(2), P(3), M(1)]
    edges = [cover(1, 1, 4), cover(1, 2, 4), cover(1, 3, 4)]
    result = run(nodes, edges, interactions=(touch(59, "M1", "P1"), touch(60, "M1", "P2"), touch(120, "M1", "P3")))
    assert [person(result, i).last_contact_days for i in (1, 2, 3)] == [59, 60, 120]
    assert [person(result, i).effective_coverage_level for i in (1, 2, 3)] == [4, 3, 2]
    assert result.health.stale == [("person", 3)]


def test_a_member_who_did_not_take_part_gets_no_touch():
    # P1 met M2 yesterday, but the covers link is M1's: M1–P1 was never touched, so 4 − 1 = 3.
    nodes = [P(1), M(1), M(2)]
    result = run(nodes, [cover(1, 1, 4)], interactions=(touch(1, "M2", "P1"),))
    p1 = person(result, 1)
    assert p1.last_contact_days == 1
    assert p1.effective_coverage_level == 3
    links = {(link.member, link.person): link for link in result.health.links}
    assert links[(("member", 1), ("person", 1))].last_touch_days is None
    # M2's one meeting: weight 3 → inferred 3, the strongest over team members. Without a declared link and
    # below the "understated" bar, M2–P1 is not listed among the relationships.
    assert p1.inferred_level == 3
    assert (("member", 2), ("person", 1)) not in links


def test_last_touch_is_the_latest_shared_interaction_and_future_ones_do_not_count():
    nodes = [P(1), M(1)]
    result = run(nodes, [cover(1, 1, 5)],
                 interactions=(touch(200, "M1", "P1"), touch(130, "M1", "P1"), touch(-5, "M1", "P1"),
                               touch(10, "P1", channel="email")))
    p1 = person(result, 1)
    assert p1.last_contact_days == 10
    # Last shared touch 130 days ago: 5 − 2 = 3.
    assert p1.effective_coverage_level == 3
    # Within 180 days only the meeting 130 days ago is shared with M1: weight 3 → 3.
    assert p1.inferred_level == 3


def test_inferred_level_weighs_channels_within_180_days():
    nodes = [P(1), P(2), M(1)]
    interactions = (
        touch(180, "M1", "P1"), touch(181, "M1", "P1"),  # 180 counts, 181 does not
        touch(5, "M1", "P1", channel="dinner"), touch(6, "M1", "P1", channel="call"),
        touch(7, "M1", "P2", channel="email"),
    )
    result = run(nodes, [cover(1, 1, 1), cover(1, 2, 4)], interactions=interactions)
    # P1: 3 + 3 + 1.5 = 7.5 → 1 + floor(log2 8.5) = 4. Declared 1: understated.
    assert person(result, 1).inferred_level == 4
    assert "understated_relationship" in person(result, 1).flags
    # P2: one e-mail, 1 → 2. Declared 4: overstated.
    assert person(result, 2).inferred_level == 2
    assert "overstated_relationship" in person(result, 2).flags


def test_a_strong_history_without_a_declared_link_is_understated():
    result = run([P(1), M(1)], [], interactions=tuple(touch(d, "M1", "P1") for d in (1, 2, 3)))
    [link] = result.health.links
    assert (link.member, link.person, link.declared, link.last_touch_days, link.inferred) == (
        ("member", 1), ("person", 1), 0, 1, 4)
    # 9 → 1 + floor(log2 10) = 4, declared 0.
    assert person(result, 1).inferred_level == 4
    assert "understated_relationship" in person(result, 1).flags
    assert person(result, 1).effective_coverage_level == 0


def test_cadence_overdue():
    nodes = [P(1), P(2), P(3), P(4)]
    interactions = (touch(30, "P1"), touch(31, "P2"))
    cadence = {("person", 1): 30, ("person", 2): 30, ("person", 3): 90}
    result = run(nodes, [], interactions=interactions, cadence=cadence)
    assert "cadence_overdue" not in person(result, 1).flags  # exactly on the day
    assert "cadence_overdue" in person(result, 2).flags
    assert "cadence_overdue" in person(result, 3).flags  # never contacted
    assert "cadence_overdue" not in person(result, 4).flags  # no cadence
    assert result.health.people[("person", 3)].cadence_days == 90


def test_satisfaction_nps_and_trend():
    nodes = [P(1, influence=5), P(2, influence=1), P(3), P(4)]
    answers = (
        answer(1, 3, 5), answer(1, 10, 9),  # P1 from 5 to 9: a promoter now, trend +4
        answer(2, 4, 10), answer(2, 4, 2),  # one date twice: the last given wins, a detractor
        answer(3, 8, 8, 4),  # one answer: passive, no trend
        answer(9, 8, 10),  # somebody not on the map: left out
    )
    result = run(nodes, [], answers=answers)
    health = result.health
    assert [person(result, i).satisfaction for i in (1, 2, 3, 4)] == [9, 2, 8, None]
    assert [health.people[("person", i)].trend for i in (1, 2, 3, 4)] == [4, -8, None, None]
    # Latest answers 9, 2, 8: (1 − 1) / 3 = 0. Weighted 5, 1, 3: (5 − 1) / 9.
    assert health.nps == 0.0
    assert health.nps_weighted == pytest.approx(400 / 9)


def test_nps_over_time_follows_each_persons_latest_answer():
    answers = [answer(1, 1, 10), answer(2, 1, 3), answer(1, 5, 4), answer(2, 9, 9)]
    series = nps_over_time(answers, {("person", 1): 3.0, ("person", 2): 1.0})
    assert [day.day for day, _, _ in series] == [1, 5, 9]
    assert [plain for _, plain, _ in series] == [0.0, -100.0, 0.0]
    # Day 1: promoter weight 3, detractor 1 → 50; day 9: P1 detractor 3, P2 promoter 1 → −50.
    assert [weighted for _, _, weighted in series] == [50.0, -100.0, -50.0]


def test_champions_at_risk():
    nodes = [P(1, "coach", "supporter"), P(2, "influencer", "skeptic"), P(3, "user_buyer", "advocate"),
             P(4, "coach", "advocate"), M(1)]
    departed = (P(5, "coach", "neutral"), P(6, "user_buyer", "neutral"))
    snapshot = {("person", 1): "supporter", ("person", 2): "advocate", ("person", 4): "supporter"}
    result = run(nodes, [cover(1, 3, 3), cover(1, 4, 4)], snapshot_stances=snapshot, departed=departed,
                 interactions=(touch(10, "M1", "P4"),))
    risks = {risk.name: risk.reasons for risk in result.health.champions_at_risk}
    # P2 was an advocate and is a skeptic now; P3 an advocate whose working relationship went stale; P5 left.
    # P1 holds steady, P4 rose and is fresh, P6 left but was no champion.
    assert risks == {"P2": ("turned",), "P3": ("stale",), "P5": ("left",)}
    assert "champion_at_risk" in person(result, 2).flags and "champion_at_risk" not in person(result, 1).flags


def test_a_decision_makers_only_strong_relationship_gone_stale():
    nodes = [P(1, "economic_buyer"), P(2, "decision_maker"), P(3, "decision_maker"), M(1), M(2)]
    edges = [cover(1, 1, 4), cover(1, 2, 4), cover(2, 2, 4), cover(1, 3, 5)]
    result = run(nodes, edges, interactions=(touch(10, "M1", "P3"),))
    # P1's one strong link was never touched: 4 − 1 = 3, still counted. P3's is fresh; P2 has two strong links.
    assert result.health.lone_strong_stale == []
    result = run(nodes, edges, interactions=(touch(130, "M1", "P1"), touch(10, "M1", "P3")))
    # Met 130 days ago: 4 − 2 = 2, and M1 is P1's only strong relationship.
    assert result.health.lone_strong_stale == [(("person", 1), ("member", 1))]


def test_ties_between_members_take_the_strongest():
    nodes = [P(1), M(1), M(2)]
    # Both members at level 4; M1 met P1 61 days ago (→ 3), M2 130 days ago (→ 2): the strongest, 3, counts.
    result = run(nodes, [cover(1, 1, 4), cover(2, 1, 4)],
                 interactions=(touch(61, "M1", "P1"), touch(130, "M2", "P1")))
    assert person(result, 1).effective_coverage_level == 3
    assert "stale" not in person(result, 1).flags
    assert person(result, 1).inferred_level == 3


def test_json_carries_the_new_fields():
    nodes = [P(1, "economic_buyer", influence=4), P(2), M(1)]
    result = run(nodes, [cover(1, 1, 4), cover(1, 2, 3)], interactions=(touch(125, "M1", "P1"),),
                 answers=(answer(1, 2, 10, 5),))
    payload = to_json(result, "Acme")
    people = {p["name"]: p for p in payload["people"]}
    assert people["P1"]["last_contact_days"] == 125
    assert people["P1"]["effective_coverage_level"] == 2
    assert people["P1"]["inferred_level"] == 3
    assert people["P1"]["satisfaction"] == 10
    assert "stale" in people["P1"]["flags"]
    assert people["M1"]["last_contact_days"] is None and people["M1"]["satisfaction"] is None
    assert payload["coverage"]["stale"] == ["P1", "P2"]
    assert payload["coverage"]["effective_score"] == 0.0
    assert payload["nps"] == 100.0
