"""Our account team as pure figures: missing roles, workload, hand-offs, the what-if of a member leaving, and fit —
on a portfolio small enough to work out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from app.portfolio.team_analysis import (
    AccountInfo,
    ActionRow,
    CoverRow,
    MemberInfo,
    TeamInput,
    fit,
    missing_roles,
    team_status,
    what_if,
    what_ifs,
    workload,
)

TODAY = dt.date(2026, 3, 15)
LI, HAN, ZHOU, WU = 1, 2, 3, 4
ALPHA, BETA, GAMMA, DELTA = 10, 11, 12, 13

TEMPLATES = {
    "strategic": ("account_manager", "solution_consultant", "executive_sponsor", "delivery", "service"),
    "key": ("account_manager", "solution_consultant", "executive_sponsor"),
    "growth": ("account_manager", "solution_consultant"),
    "maintain": ("account_manager",),
}


@pytest.fixture
def data() -> TeamInput:
    """Alpha (strategic): Li, Han, Zhou — Zhou also does delivery there; nobody does service.
    Beta (growth): Han, who is also its account manager. Gamma (maintain): Han only, no account manager.
    Delta: no tier, Zhou. Wu is on no team."""
    return TeamInput(
        members={LI: MemberInfo(LI, "Li Lei", "account_manager"),
                 HAN: MemberInfo(HAN, "Han Mei", "solution_consultant"),
                 ZHOU: MemberInfo(ZHOU, "Zhou Qi", "executive_sponsor"),
                 WU: MemberInfo(WU, "Wu Fan", "delivery")},
        accounts={ALPHA: AccountInfo(ALPHA, "Alpha", "strategic"), BETA: AccountInfo(BETA, "Beta", "growth"),
                  GAMMA: AccountInfo(GAMMA, "Gamma", "maintain"), DELTA: AccountInfo(DELTA, "Delta", None)},
        team=[(ALPHA, LI), (ALPHA, HAN), (ALPHA, ZHOU), (BETA, HAN), (GAMMA, HAN), (DELTA, ZHOU)],
        templates=TEMPLATES,
        # Han's service role on Delta does not count: Han is not on Delta's team.
        extra_roles=[(ALPHA, ZHOU, "delivery"), (BETA, HAN, "account_manager"), (DELTA, HAN, "service")],
        covers=[CoverRow(ALPHA, LI, 101, 5), CoverRow(ALPHA, LI, 102, 3), CoverRow(ALPHA, HAN, 101, 4),
                CoverRow(ALPHA, ZHOU, 103, 2), CoverRow(BETA, HAN, 104, 4), CoverRow(GAMMA, HAN, 105, 2),
                CoverRow(DELTA, ZHOU, 106, 3)],
        actions=[
            ActionRow(1, ALPHA, "Send the proposal", LI, HAN, "open", dt.date(2026, 3, 10)),  # overdue hand-off
            ActionRow(2, ALPHA, "Book the visit", LI, None, "open", dt.date(2026, 3, 20)),
            ActionRow(3, ALPHA, "Old call", LI, None, "done", dt.date(2026, 3, 1)),
            ActionRow(4, BETA, "Demo script", HAN, HAN, "open", None),  # asked of oneself: no hand-off
            ActionRow(5, DELTA, "Dropped", ZHOU, LI, "cancelled", dt.date(2026, 3, 1)),
            ActionRow(6, DELTA, "Sign the letter", ZHOU, LI, "open", dt.date(2026, 3, 14)),  # overdue hand-off
        ],
        participations=[(LI, TODAY), (LI, dt.date(2025, 12, 16)),  # today and 89 days ago: in
                        (LI, dt.date(2025, 12, 15)),  # 90 days ago: out
                        (LI, dt.date(2026, 3, 16)),  # a plan, not contact
                        (HAN, dt.date(2026, 2, 1))],
        competency={LI: {"negotiation": 4, "industry_knowledge": 2},
                    HAN: {"negotiation": 2, "solution_selling": 5},
                    ZHOU: {"negotiation": 4, "executive_presence": 5}},
    )


def test_missing_roles_follow_each_tier_template(data):
    assert missing_roles(data) == {ALPHA: ("service",), BETA: (), GAMMA: ("account_manager",), DELTA: ()}


def test_who_fills_each_role(data):
    alpha = team_status(data)[ALPHA]
    assert alpha.expected == TEMPLATES["strategic"]
    assert alpha.filled == {"account_manager": (LI,), "solution_consultant": (HAN,),
                            "executive_sponsor": (ZHOU,), "delivery": (ZHOU,)}
    assert team_status(data)[BETA].filled == {"solution_consultant": (HAN,), "account_manager": (HAN,)}


def test_an_edited_template_changes_what_is_missing(data):
    data.templates = {**TEMPLATES, "maintain": ("service",), "strategic": ()}
    assert missing_roles(data)[GAMMA] == ("service",)
    assert missing_roles(data)[ALPHA] == ()


def test_workload_per_member(data):
    loads = {load.member_id: load for load in workload(data, TODAY)}
    assert [load.name for load in workload(data, TODAY)] == ["Han Mei", "Li Lei", "Wu Fan", "Zhou Qi"]
    li, han, zhou, wu = loads[LI], loads[HAN], loads[ZHOU], loads[WU]
    assert (li.accounts, li.people_covered, li.strong_relationships) == ((ALPHA,), 2, 1)
    assert (han.accounts, han.people_covered, han.strong_relationships) == ((ALPHA, BETA, GAMMA), 3, 2)
    assert (zhou.accounts, zhou.people_covered, zhou.strong_relationships) == ((ALPHA, DELTA), 2, 0)
    assert (li.open_actions, li.overdue_actions) == (2, 1)
    assert (han.open_actions, han.overdue_actions) == (1, 0)
    assert (zhou.open_actions, zhou.overdue_actions) == (1, 1)
    assert (li.recent_interactions, han.recent_interactions, zhou.recent_interactions) == (2, 1, 0)
    assert (wu.accounts, wu.people_covered, wu.open_actions, wu.recent_interactions) == ((), 0, 0, 0)
    assert han.roles == ("solution_consultant", "account_manager")


def test_hand_offs_owed_and_waited_for(data):
    loads = {load.member_id: load for load in workload(data, TODAY)}
    assert [(h.action_id, h.other_id, h.overdue) for h in loads[LI].owes] == [(1, HAN, True)]
    assert [(h.action_id, h.other_id) for h in loads[LI].waits_for] == [(6, ZHOU)]
    assert [(h.action_id, h.other_id) for h in loads[HAN].waits_for] == [(1, LI)]
    assert [h.action_id for h in loads[ZHOU].owes] == [6]
    assert loads[HAN].owes == () and loads[WU].waits_for == ()


def test_what_if_a_member_leaves(data):
    # Alpha has Li and Han at level >= 3, Beta only Han, Delta only Zhou, Gamma nobody.
    assert (what_if(data, LI).single_threaded, what_if(data, LI).uncovered) == ((ALPHA,), ())
    assert (what_if(data, HAN).single_threaded, what_if(data, HAN).uncovered) == ((ALPHA,), (BETA,))
    assert (what_if(data, ZHOU).single_threaded, what_if(data, ZHOU).uncovered) == ((), (DELTA,))
    assert what_if(data, WU).accounts_hurt == 0
    assert what_ifs(data) == {mid: what_if(data, mid) for mid in data.members}


def test_a_third_strong_member_keeps_an_account_multi_threaded(data):
    data.covers.append(CoverRow(ALPHA, ZHOU, 103, 3))
    assert what_if(data, LI).single_threaded == ()
    assert what_if(data, HAN).single_threaded == ()


def test_fit_of_an_account_against_its_team(data):
    rows = fit({"negotiation": 5, "solution_selling": 3, "industry_knowledge": 4}, [LI, HAN], data.competency)
    assert [(r.criterion, r.needed, r.best, r.best_members, r.gap) for r in rows] == [
        ("negotiation", 5, 4, (LI,), 1),
        ("solution_selling", 3, 5, (HAN,), 0),
        ("industry_knowledge", 4, 2, (LI,), 2),
    ]
    assert fit({"executive_presence": 3}, [], data.competency)[0].best == 0
