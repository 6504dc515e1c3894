from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.demo import DEMO_ACCOUNT_NAMES, load_demo
from app.demo import team as demo_team
from app.models import enums
from app.models.base import Base
from app.models.entities import (
    Account,
    Action,
    Interaction,
    InteractionParticipant,
    Link,
    Need,
    Opportunity,
    Person,
    TeamMember,
)
from app.models.repositories import accounts, qualification, team
from app.storage.database import Database

TODAY = dt.date(2025, 3, 14)


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "demo.db")
    yield database
    database.close()


@pytest.fixture
def loaded(db):
    with db.session() as s:
        assert load_demo(s, today=TODAY) == list(DEMO_ACCOUNT_NAMES)
    return db


def _row_counts(s):
    return {t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


def _account_ids(s):
    return {name: accounts.find_account_by_name(s, name).id for name in DEMO_ACCOUNT_NAMES}


def test_three_accounts_with_realistic_committees(loaded):
    assert len(set(DEMO_ACCOUNT_NAMES)) == 3
    with loaded.session() as s:
        ids = _account_ids(s)
        tiers = set()
        for aid in ids.values():
            account = s.get(Account, aid)
            for field in accounts.ACCOUNT_FIELDS:
                assert getattr(account, field) not in (None, ""), field
            assert account.lead_source in enums.LEAD_SOURCES
            tiers.add(account.tier)
            active = s.scalar(select(func.count()).where(Person.account_id == aid, Person.archived.is_(False)))
            archived = s.scalar(select(func.count()).where(Person.account_id == aid, Person.archived.is_(True)))
            assert 15 <= active <= 40
            assert archived >= 1
            departments = set(s.scalars(select(Person.department).where(Person.account_id == aid)))
            assert len(departments) >= 5
        assert len(tiers) == 3


def test_second_load_adds_nothing(loaded):
    with loaded.session() as s:
        before = _row_counts(s)
    with loaded.session() as s:
        assert load_demo(s, today=TODAY + dt.timedelta(days=3)) == []
    with loaded.session() as s:
        assert _row_counts(s) == before


def test_partial_load_reuses_members_and_rates_custom_criteria(db):
    with db.session() as s:
        accounts.create_account(s, DEMO_ACCOUNT_NAMES[1])
        custom = qualification.add_criterion(s, "竞争态势", 10)
        custom_id = custom.id
    with db.session() as s:
        assert load_demo(s, today=TODAY) == [DEMO_ACCOUNT_NAMES[0], DEMO_ACCOUNT_NAMES[2]]
    with db.session() as s:
        names = [m.name for m in team.all_members(s)]
        assert len(names) == len(set(names))
        assert set(names) <= {row[0] for row in demo_team.MEMBERS}
        for name in (DEMO_ACCOUNT_NAMES[0], DEMO_ACCOUNT_NAMES[2]):
            assert custom_id in qualification.ratings(s, accounts.find_account_by_name(s, name).id)
        # The user's own account of that name is left alone.
        existing = accounts.find_account_by_name(s, DEMO_ACCOUNT_NAMES[1])
        assert s.scalar(select(func.count()).where(Person.account_id == existing.id)) == 0


def test_dates_are_relative_to_today(loaded):
    with loaded.session() as s:
        overdue = s.scalars(select(Action).where(Action.status == "open", Action.due_date < TODAY)).all()
        assert len({a.account_id for a in overdue}) == 3
        assert s.scalar(select(func.count()).where(Action.status == "done")) > 0
        assert s.scalar(select(func.count()).where(Action.status == "cancelled")) > 0
        assert s.scalar(select(func.count()).where(Action.status == "open", Action.due_date >= TODAY)) > 0
        now = dt.datetime.combine(TODAY, dt.time(23, 59))
        assert all(i.occurred_at <= now for i in s.scalars(select(Interaction)))
        recent = s.scalar(select(func.count()).where(Interaction.occurred_at >= now - dt.timedelta(days=14)))
        assert recent > 0
        last = dict(
            s.execute(
                select(Interaction.account_id, func.max(Interaction.occurred_at)).group_by(Interaction.account_id)
            ).all()
        )
        assert len(last) == 3
        assert any(now - when > dt.timedelta(days=45) for when in last.values())
        assert all(o.expected_close > TODAY for o in s.scalars(select(Opportunity)))


def test_every_role_stance_channel_and_kind_is_used(loaded):
    with loaded.session() as s:
        assert set(s.scalars(select(Person.role))) == set(enums.BUYING_ROLES)
        assert set(s.scalars(select(Person.stance))) == set(enums.STANCES)
        assert set(s.scalars(select(Interaction.channel))) == set(enums.CHANNELS)
        assert set(s.scalars(select(Link.kind))) == set(enums.LINK_KINDS)
        assert set(s.scalars(select(Need.kind))) == set(enums.NEED_KINDS)
        assert set(s.scalars(select(Need.status))) == set(enums.NEED_STATUSES)
        assert set(s.scalars(select(TeamMember.team_role))) == set(enums.TEAM_ROLES)
        assert None in set(s.scalars(select(Person.influence)))
        assert s.scalar(select(func.count()).where(Person.competitor_preference.is_not(None))) >= 3


def test_each_account_is_complete(loaded):
    with loaded.session() as s:
        criteria_ids = {c.id for c in qualification.criteria(s)}
        assert criteria_ids
        for aid in _account_ids(s).values():
            kinds = {link.kind for link in s.scalars(select(Link).where(Link.account_id == aid))}
            assert {"reports_to", "covers"} <= kinds
            assert s.scalar(select(func.count()).where(Need.account_id == aid, Need.person_id.is_(None))) > 0
            assert s.scalar(select(func.count()).where(Need.account_id == aid, Need.person_id.is_not(None))) > 0
            assert s.scalar(select(func.count()).where(Opportunity.account_id == aid)) == 1
            assert set(qualification.ratings(s, aid)) == criteria_ids
            assert 10 <= s.scalar(select(func.count()).where(Interaction.account_id == aid)) <= 25


def test_org_charts_and_links_are_consistent(loaded):
    with loaded.session() as s:
        for aid in _account_ids(s).values():
            account_people = set(s.scalars(select(Person.id).where(Person.account_id == aid)))
            on_team = {m.id for m in team.members_of(s, aid)}
            assert s.get(Account, aid).owner_id in on_team
            manager = {}
            for link in s.scalars(select(Link).where(Link.account_id == aid)):
                if link.kind == "covers":
                    assert link.source_member_id in on_team
                else:
                    assert {link.source_person_id, link.target_person_id} <= account_people
                if link.kind == "reports_to":
                    assert link.source_person_id not in manager
                    manager[link.source_person_id] = link.target_person_id
            for person in manager:  # no cycles: every chain reaches the top
                seen = set()
                while person in manager:
                    assert person not in seen
                    seen.add(person)
                    person = manager[person]
            tops = account_people - set(manager)
            assert len(tops) == 1
            parts = s.scalars(
                select(InteractionParticipant).join(Interaction).where(Interaction.account_id == aid)
            ).all()
            assert {p.person_id for p in parts if p.person_id} <= account_people
            assert {p.member_id for p in parts if p.member_id} <= on_team


def test_relationship_gaps(loaded):
    bank_name, retail_name = DEMO_ACCOUNT_NAMES[1], DEMO_ACCOUNT_NAMES[2]
    with loaded.session() as s:
        bank_id = accounts.find_account_by_name(s, bank_name).id
        buyers = s.scalars(select(Person.id).where(Person.account_id == bank_id, Person.role == "economic_buyer"))
        for buyer in buyers:
            levels = s.scalars(select(Link.strength).where(Link.kind == "covers", Link.target_person_id == buyer))
            assert max(levels, default=0) < 3
        retail_id = accounts.find_account_by_name(s, retail_name).id
        strong = s.scalars(
            select(Link.source_member_id).where(Link.account_id == retail_id, Link.kind == "covers", Link.strength >= 3)
        )
        assert len(set(strong)) == 1


def test_demo_does_not_import_qt():
    code = "import sys, app.demo; assert not any(m.startswith('PySide6') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1])
