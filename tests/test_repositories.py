"""Repository functions against a real temporary database file.

Each test writes through ``database.session()`` (one committed unit of work, as the workspace does) and
reads back in a fresh session, so what is asserted is what the file holds.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest
from sqlalchemy import func, select, update

from app.demo import DEMO_ACCOUNT_NAMES, load_demo
from app.models.base import Base
from app.models.entities import (
    Account,
    AccountTeam,
    Action,
    InteractionParticipant,
    Link,
    Need,
    Person,
    QualificationCriterion,
    QualificationRating,
    TeamMember,
)
from app.models.repositories import InvalidInput
from app.models.repositories import accounts as accounts_repo
from app.models.repositories import links as links_repo
from app.models.repositories import people as people_repo
from app.models.repositories import qualification as qual_repo
from app.models.repositories import team as team_repo
from app.models.repositories.deletion import delete_with_record, restore

PAST = dt.datetime(2020, 1, 2, 3, 4, 5)


def _count(database, model) -> int:
    with database.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _names(database) -> list[str]:
    with database.session() as s:
        return list(s.scalars(select(Account.name).order_by(Account.name)))


def _dump(database) -> dict[str, list[tuple]]:
    """Every row of every table, ids included, in a stable order."""
    with database.session() as s:
        return {
            t.name: sorted((tuple(row) for row in s.execute(select(t))), key=repr) for t in Base.metadata.sorted_tables
        }


# -- accounts ------------------------------------------------------------------------------------
def test_create_and_update_account(database):
    with database.session() as s:
        aid = accounts_repo.create_account(s, "  Acme 机械  ", industry="制造", tier="key", employees=120).id
    with database.session() as s:
        account = s.get(Account, aid)
        assert (account.name, account.industry, account.tier, account.employees) == ("Acme 机械", "制造", "key", 120)

    with database.session() as s:
        old = accounts_repo.update_account(s, aid, {"region": "华东", "tier": "strategic", "industry": "  "})
    assert old == {"region": None, "tier": "key", "industry": "制造"}
    with database.session() as s:
        account = s.get(Account, aid)
        assert (account.region, account.tier, account.industry) == ("华东", "strategic", None)


@pytest.mark.parametrize("name", ["", "   ", None])
def test_account_without_a_name_is_refused_and_nothing_written(database, name):
    with database.session() as s:
        with pytest.raises(InvalidInput):
            accounts_repo.create_account(s, name)
        assert not s.new
    assert _count(database, Account) == 0


def test_duplicate_account_name_is_refused_and_nothing_written(database):
    with database.session() as s:
        accounts_repo.create_account(s, "Acme")
    with database.session() as s:
        with pytest.raises(InvalidInput, match="Acme"):
            accounts_repo.create_account(s, " Acme ", industry="x")
        assert not s.new
    assert _names(database) == ["Acme"]


def test_rename_account(database):
    with database.session() as s:
        acme = accounts_repo.create_account(s, "Acme").id
        accounts_repo.create_account(s, "Beta")
    with database.session() as s:
        assert accounts_repo.update_account(s, acme, {"name": "Acme Group"}) == {"name": "Acme"}
    assert _names(database) == ["Acme Group", "Beta"]
    with database.session() as s:  # keeping its own name is not a clash with itself
        accounts_repo.update_account(s, acme, {"name": "Acme Group", "notes": "n"})
    assert _names(database) == ["Acme Group", "Beta"]


@pytest.mark.parametrize("new_name", ["Beta", " Beta ", "", "  "])
def test_rename_to_taken_or_blank_name_is_refused_and_nothing_written(database, new_name):
    with database.session() as s:
        acme = accounts_repo.create_account(s, "Acme", region="华南").id
        accounts_repo.create_account(s, "Beta")
    with database.session() as s:
        with pytest.raises(InvalidInput):
            accounts_repo.update_account(s, acme, {"name": new_name, "region": "华北"})
    assert _names(database) == ["Acme", "Beta"]
    with database.session() as s:
        assert s.get(Account, acme).region == "华南"


def test_unknown_tier_and_negative_employees_are_refused(database):
    with database.session() as s:
        with pytest.raises(InvalidInput):
            accounts_repo.create_account(s, "Acme", tier="platinum")
        with pytest.raises(InvalidInput):
            accounts_repo.create_account(s, "Acme", employees=-1)
    assert _count(database, Account) == 0


class _Summary(NamedTuple):
    """The columns of a summary row, in the order account_summaries documents."""

    id: int
    name: str
    tier: str | None
    industry: str | None
    region: str | None
    owner_id: int | None
    owner_name: str | None
    people: int
    team_members: int


def _summaries(s) -> dict[str, _Summary]:
    return {row[1]: _Summary(*row) for row in accounts_repo.account_summaries(s)}


def test_account_summaries_count_active_people_and_team(database):
    with database.session() as s:
        lead = team_repo.add_member(s, "陈思远", team_role="account_manager")
        helper = team_repo.add_member(s, "何静")
        team_repo.add_member(s, "Idle")  # on no team: counted nowhere
        a = accounts_repo.create_account(s, "Alpha", tier="key", industry="银行", owner_id=lead.id)
        b = accounts_repo.create_account(s, "Beta")
        accounts_repo.create_account(s, "Gamma")
        people_repo.add_person(s, a.id, "张伟")
        people_repo.add_person(s, a.id, "李娜")
        people_repo.add_person(s, a.id, "王芳", archived=True)  # left the company: not counted
        people_repo.add_person(s, b.id, "刘洋", archived=True)
        team_repo.assign(s, a.id, lead.id)
        team_repo.assign(s, a.id, helper.id)
        team_repo.assign(s, b.id, helper.id)
        lead_id = lead.id
    with database.session() as s:
        rows = _summaries(s)
    assert list(rows) == ["Alpha", "Beta", "Gamma"]
    alpha, beta, gamma = rows["Alpha"], rows["Beta"], rows["Gamma"]
    assert (alpha.people, alpha.team_members) == (2, 2)
    assert (alpha.tier, alpha.industry, alpha.owner_id, alpha.owner_name) == ("key", "银行", lead_id, "陈思远")
    assert (beta.people, beta.team_members, beta.owner_name) == (0, 1, None)
    assert (gamma.people, gamma.team_members) == (0, 0)


# -- people --------------------------------------------------------------------------------------
@pytest.fixture
def account_id(database) -> int:
    with database.session() as s:
        return accounts_repo.create_account(s, "Acme").id


def test_add_and_update_person(database, account_id):
    with database.session() as s:
        pid = people_repo.add_person(
            s, account_id, " 张伟 ", title="CIO", role="decision_maker", stance="supporter", influence=5
        ).id
    with database.session() as s:
        p = s.get(Person, pid)
        assert (p.name, p.title, p.role, p.stance, p.influence, p.archived) == (
            "张伟",
            "CIO",
            "decision_maker",
            "supporter",
            5,
            False,
        )
    with database.session() as s:
        old = people_repo.update_person(s, pid, {"stance": "skeptic", "influence": 1, "title": ""})
    assert old == {"stance": "supporter", "influence": 5, "title": "CIO"}
    with database.session() as s:
        p = s.get(Person, pid)
        assert (p.stance, p.influence, p.title) == ("skeptic", 1, None)


def test_person_defaults_to_unknown_role_and_stance(database, account_id):
    with database.session() as s:
        pid = people_repo.add_person(s, account_id, "李娜").id
    with database.session() as s:
        p = s.get(Person, pid)
        assert (p.role, p.stance, p.influence) == ("unknown", "unknown", None)


BAD_PERSON_FIELDS = [
    {"role": "boss"},
    {"stance": "hostile"},
    {"influence": 0},
    {"influence": 6},
    {"name": "  "},
]


@pytest.mark.parametrize("bad", BAD_PERSON_FIELDS)
def test_invalid_person_is_refused_and_nothing_written(database, account_id, bad):
    with database.session() as s:
        with pytest.raises(InvalidInput):
            people_repo.add_person(s, account_id, **{"name": "张伟", **bad})
        assert not s.new
    assert _count(database, Person) == 0


@pytest.mark.parametrize("bad", BAD_PERSON_FIELDS)
def test_invalid_person_update_is_refused_and_nothing_written(database, account_id, bad):
    with database.session() as s:
        pid = people_repo.add_person(s, account_id, "张伟", role="coach", stance="advocate", influence=3).id
    with database.session() as s:
        with pytest.raises(InvalidInput):
            people_repo.update_person(s, pid, {"title": "CEO", **bad})
    with database.session() as s:
        p = s.get(Person, pid)
        assert (p.name, p.title, p.role, p.stance, p.influence) == ("张伟", None, "coach", "advocate", 3)


def test_people_of_hides_archived_on_request(database, account_id):
    with database.session() as s:
        people_repo.add_person(s, account_id, "A", department="IT")
        people_repo.add_person(s, account_id, "B", department="IT", archived=True)
    with database.session() as s:
        assert [p.name for p in people_repo.people_of(s, account_id)] == ["A", "B"]
        assert [p.name for p in people_repo.people_of(s, account_id, include_archived=False)] == ["A"]


# -- team ----------------------------------------------------------------------------------------
def test_team_member_shared_by_two_accounts(database):
    with database.session() as s:
        a = accounts_repo.create_account(s, "Alpha").id
        b = accounts_repo.create_account(s, "Beta").id
        m = team_repo.add_member(s, "何静", team_role="solution_consultant").id
        assert team_repo.assign(s, a, m, x=10.5, y=-3.0) is True
        assert team_repo.assign(s, b, m) is True
    with database.session() as s:
        assert team_repo.assign(s, a, m, x=99.0, y=99.0) is False  # already there: position kept
        assert [x.name for x in team_repo.members_of(s, a)] == ["何静"]
        assert [x.name for x in team_repo.members_of(s, b)] == ["何静"]
    with database.session() as s:
        assert team_repo.unassign(s, a, m) == {"account_id": a, "member_id": m, "x": 10.5, "y": -3.0}
    with database.session() as s:
        assert team_repo.members_of(s, a) == []
        assert [x.id for x in team_repo.members_of(s, b)] == [m]
        assert s.get(TeamMember, m) is not None  # the member stays, only the membership went
        assert team_repo.unassign(s, a, m) is None


def test_invalid_team_member_is_refused(database):
    with database.session() as s:
        with pytest.raises(InvalidInput):
            team_repo.add_member(s, " ")
        with pytest.raises(InvalidInput):
            team_repo.add_member(s, "何静", team_role="janitor")
        assert not s.new
    assert _count(database, TeamMember) == 0


# -- links ---------------------------------------------------------------------------------------
@pytest.fixture
def ends(database):
    """An account with two people and one team member (on a new file, person 1 and member 1 both exist)."""
    with database.session() as s:
        aid = accounts_repo.create_account(s, "Acme").id
        p1 = people_repo.add_person(s, aid, "张伟").id
        p2 = people_repo.add_person(s, aid, "李娜").id
        m1 = team_repo.add_member(s, "陈思远").id
        m2 = team_repo.add_member(s, "何静").id
    return aid, p1, p2, m1, m2


def test_links_between_people_and_covers_from_member(database, ends):
    aid, p1, p2, m1, _m2 = ends
    assert p1 == m1  # so the next link checks that "same id" is not "same person"
    with database.session() as s:
        links_repo.add_link(s, aid, "reports_to", source_person_id=p2, target_person_id=p1, strength=5)
        links_repo.add_link(s, aid, "covers", source_member_id=m1, target_person_id=p1, strength=1)
        links_repo.add_link(s, aid, "knows", source_person_id=p1, target_member_id=m1)
    with database.session() as s:
        rows = [
            (x.kind, x.strength, x.source_person_id, x.source_member_id, x.target_person_id, x.target_member_id)
            for x in links_repo.links_of(s, aid)
        ]
    assert rows == [
        ("reports_to", 5, p2, None, p1, None),
        ("covers", 1, None, m1, p1, None),
        ("knows", 3, p1, None, None, m1),
    ]


def _bad_links(p1, p2, m1, m2):
    return [
        ("covers", {"source_person_id": p1, "target_person_id": p2}),
        ("covers", {"source_person_id": p1, "target_member_id": m1}),
        ("covers", {"source_member_id": m1, "target_member_id": m2}),
        ("knows", {"source_person_id": p1, "target_person_id": p1}),
        ("knows", {"source_member_id": m2, "target_member_id": m2}),
        ("covers", {"source_member_id": m1, "target_person_id": p1, "strength": 0}),
        ("knows", {"source_person_id": p1, "target_person_id": p2, "strength": 6}),
        ("friends", {"source_person_id": p1, "target_person_id": p2}),
    ]


@pytest.mark.parametrize("case", range(8))
def test_invalid_link_is_refused_and_nothing_written(database, ends, case):
    aid, p1, p2, m1, m2 = ends
    kind, fields = _bad_links(p1, p2, m1, m2)[case]
    with database.session() as s:
        with pytest.raises(InvalidInput):
            links_repo.add_link(s, aid, kind, **fields)
        assert not s.new
    assert _count(database, Link) == 0


def test_link_update_validates(database, ends):
    aid, p1, p2, m1, _m2 = ends
    with database.session() as s:
        knows = links_repo.add_link(s, aid, "knows", source_person_id=p1, target_person_id=p2).id
        ours = links_repo.add_link(s, aid, "knows", source_member_id=m1, target_person_id=p2).id
    with database.session() as s:
        assert links_repo.update_link(s, knows, {"strength": 5, "kind": "ally"}) == {"strength": 3, "kind": "knows"}
        for bad in ({"strength": 0}, {"strength": 6}, {"kind": "friends"}, {"kind": "covers"}):
            with pytest.raises(InvalidInput):
                links_repo.update_link(s, knows, bad)
        links_repo.update_link(s, ours, {"kind": "covers"})  # a member towards a person may become "covers"
    with database.session() as s:
        assert (s.get(Link, knows).kind, s.get(Link, knows).strength) == ("ally", 5)
        assert s.get(Link, ours).kind == "covers"


# -- qualification -------------------------------------------------------------------------------
def test_score_by_hand():
    # 100 * (25*4 + 75*2) / (100*5) = 50.0
    assert qual_repo.score({1: 25, 2: 75}, {1: 4, 2: 2}) == 50.0
    # criterion 3 is not rated: left out of the weight, not counted as zero
    assert qual_repo.score({1: 25, 2: 75, 3: 50}, {1: 4, 2: 2}) == 50.0
    # a rating of 0 is a rating: 100 * (25*0 + 75*5) / (100*5) = 75.0
    assert qual_repo.score({1: 25, 2: 75}, {1: 0, 2: 5}) == 75.0
    # 100 * (1*5 + 2*1) / (3*5) = 46.666… → 46.7
    assert qual_repo.score({1: 1, 2: 2}, {1: 5, 2: 1}) == 46.7
    assert qual_repo.score({1: 25, 2: 75}, {}) is None
    assert qual_repo.score({1: 0, 2: 75}, {1: 5}) is None  # only a weightless criterion rated


def test_ratings_in_the_database_and_their_score(database, account_id):
    with database.session() as s:
        crit = {c.code: c for c in qual_repo.criteria(s)}
        weights = {c.id: c.weight for c in crit.values()}
        budget, need = crit["budget"].id, crit["need"].id
        assert (crit["budget"].weight, crit["need"].weight) == (25, 25)
        assert qual_repo.set_rating(s, account_id, budget, 5) is None
        assert qual_repo.set_rating(s, account_id, need, 3) is None
    with database.session() as s:
        assert qual_repo.set_rating(s, account_id, need, 1) == 3
    with database.session() as s:
        ratings = qual_repo.ratings(s, account_id)
    assert ratings == {budget: 5, need: 1}
    assert qual_repo.score(weights, ratings) == 60.0  # 100 * (25*5 + 25*1) / (50*5)

    with database.session() as s:
        assert qual_repo.set_rating(s, account_id, budget, None) == 5
        for bad in (-1, 6):
            with pytest.raises(InvalidInput):
                qual_repo.set_rating(s, account_id, need, bad)
    with database.session() as s:
        assert qual_repo.ratings(s, account_id) == {need: 1}


def test_criteria_add_and_update(database):
    with database.session() as s:
        before = [c.position for c in qual_repo.criteria(s)]
        cid = qual_repo.add_criterion(s, " 竞争态势 ", 12.5).id
        with pytest.raises(InvalidInput):
            qual_repo.add_criterion(s, " ", 1)
        with pytest.raises(InvalidInput):
            qual_repo.add_criterion(s, "Negative", -1)
    with database.session() as s:
        last = qual_repo.criteria(s)[-1]
        assert (last.id, last.name, last.weight, last.code) == (cid, "竞争态势", 12.5, None)
        assert last.position == max(before) + 1
        assert qual_repo.update_criterion(s, cid, {"weight": 30}) == {"weight": 12.5}
        with pytest.raises(InvalidInput):
            qual_repo.update_criterion(s, cid, {"weight": -2})
    with database.session() as s:
        assert s.get(QualificationCriterion, cid).weight == 30
    assert _count(database, QualificationCriterion) == len(before) + 1


# -- delete and restore --------------------------------------------------------------------------
@pytest.fixture
def demo(database):
    with database.session() as s:
        load_demo(s)
        # Date every row in the past, so that a restore stamping a row with "now" shows in the dumps.
        for table in Base.metadata.sorted_tables:
            stamps = {c: PAST for c in ("created_at", "updated_at") if c in table.c}
            if stamps:
                s.execute(update(table).values(stamps))
    return database


def _account_id(database, name: str) -> int:
    with database.session() as s:
        return accounts_repo.find_account_by_name(s, name).id


def test_delete_account_then_restore_gives_back_every_row(demo):
    bank = _account_id(demo, DEMO_ACCOUNT_NAMES[1])
    before = _dump(demo)
    with demo.session() as s:
        record = delete_with_record(s, Account, [bank])

    with demo.session() as s:
        assert s.get(Account, bank) is None
        for model in (Person, Link, Need, Action, QualificationRating, AccountTeam):
            assert s.scalar(select(func.count()).select_from(model).where(model.account_id == bank)) == 0, model
        # the other accounts and the shared team members are untouched
        assert s.scalar(select(func.count()).select_from(Account)) == 2
        assert s.scalar(select(func.count()).select_from(TeamMember)) == len(before["team_member"])
    assert _dump(demo) != before

    with demo.session() as s:
        restore(s, record)
    assert _dump(demo) == before


def test_delete_person_then_restore_gives_back_links_needs_participants_and_actions(demo):
    with demo.session() as s:
        # someone who is in links, needs, interactions and named by an action
        pid = s.scalar(
            select(Person.id)
            .where(
                Person.id.in_(select(Link.target_person_id)),
                Person.id.in_(select(Need.person_id)),
                Person.id.in_(select(InteractionParticipant.person_id)),
                Person.id.in_(select(Action.person_id)),
            )
            .order_by(Person.id)
        )
        assert pid is not None
        action_ids = set(s.scalars(select(Action.id).where(Action.person_id == pid)))
    before = _dump(demo)

    with demo.session() as s:
        record = delete_with_record(s, Person, [pid])
    with demo.session() as s:
        assert s.get(Person, pid) is None
        mentions = (
            (Link.source_person_id == pid) | (Link.target_person_id == pid),
            Need.person_id == pid,
            InteractionParticipant.person_id == pid,
        )
        for where in mentions:
            assert s.scalar(select(func.count()).where(where)) == 0
        # the actions stay, no longer naming anyone
        assert {a.id: a.person_id for a in s.scalars(select(Action).where(Action.id.in_(action_ids)))} == dict.fromkeys(
            action_ids
        )

    with demo.session() as s:
        restore(s, record)
    assert _dump(demo) == before
    with demo.session() as s:
        assert set(s.scalars(select(Action.id).where(Action.person_id == pid))) == action_ids


@pytest.mark.parametrize("model", [TeamMember, QualificationCriterion, Link])
def test_delete_then_restore_other_rows(demo, model):
    """A team member (owner of accounts, on teams, in links and meetings), a criterion with its ratings, a link."""
    with demo.session() as s:
        ident = s.scalar(select(model.id).order_by(model.id))
    before = _dump(demo)
    with demo.session() as s:
        record = delete_with_record(s, model, [ident])
    assert _dump(demo) != before
    with demo.session() as s:
        restore(s, record)
    assert _dump(demo) == before
