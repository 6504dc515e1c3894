"""A made-up portfolio of key accounts of any size, for the dashboard's tests and benchmark.

Every account gets an economic buyer (now and then none) and a few decision-makers near the top of one
reporting tree, about one and a half further links per person (far fewer on a fifth of the accounts), a team
of one to five members shared with other accounts who cover a few people each, interactions over the last 18
months, actions of which some are overdue, and a few opportunities in several currencies. Rows go in as bulk
inserts with ids chosen here, so 500 accounts of 50 people take a few seconds; the file is a real Stakemap
database (Database.open migrates it).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.models import enums
from app.models.entities import (
    Account,
    AccountTeam,
    Action,
    Interaction,
    InteractionParticipant,
    Link,
    Opportunity,
    Person,
    TeamMember,
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯"
INDUSTRIES = ("Manufacturing", "Energy", "Healthcare", "Banking", "Retail", "Logistics", "Telecom", "Education")
REGIONS = ("华东", "华北", "华南", "西南", "East", "North", "South", "West")
OTHER_ROLES = ("technical_buyer", "user_buyer", "influencer", "coach", "gatekeeper", "approver", "procurement",
               "unknown")
OTHER_ROLE_WEIGHTS = (3, 6, 4, 1, 1, 1, 1, 3)
EXTRA_KINDS = ("influences", "knows", "dotted_line", "ally", "rival")
EXTRA_KIND_WEIGHTS = (35, 35, 10, 12, 8)
CURRENCIES = ("CNY", "USD", "EUR")
CURRENCY_WEIGHTS = (70, 20, 10)
HISTORY_DAYS = 548  # about 18 months


def generate_portfolio(session_or_db_path: Session | str | Path, accounts: int = 500, people_per_account: int = 50,
                       seed: int = 1, today: dt.date | None = None, members: int | None = None) -> dict[str, int]:
    """Add `accounts` generated accounts of `people_per_account` people each; returns rows added per table.

    The accounts share a pool of `members` team members (default: a quarter as many as accounts, at least 8).

    Given a session, the rows join its transaction and the caller commits; given a path, the database is opened
    (created when missing), filled and closed. Dates are relative to `today` (default: date.today()).
    """
    if isinstance(session_or_db_path, Session):
        return _fill(session_or_db_path, accounts, people_per_account, seed, today or dt.date.today(), members)
    from app.storage.database import Database

    db = Database.open(session_or_db_path)
    try:
        with db.session() as session:
            return _fill(session, accounts, people_per_account, seed, today or dt.date.today(), members)
    finally:
        db.close()


class _Ids:
    """The next free primary key of each table, so that rows can refer to each other before they are written."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._next: dict[type, int] = {}

    def take(self, entity) -> int:
        if entity not in self._next:
            self._next[entity] = (self._session.scalar(select(func.max(entity.id))) or 0) + 1
        value = self._next[entity]
        self._next[entity] = value + 1
        return value


def _fill(session: Session, accounts: int, people_per_account: int, seed: int, today: dt.date,
          members: int | None = None) -> dict[str, int]:
    rng = random.Random(seed)
    ids = _Ids(session)
    rows: dict[type, list[dict]] = {entity: [] for entity in (TeamMember, Account, AccountTeam, Person, Link,
                                                               Interaction, InteractionParticipant, Action,
                                                               Opportunity)}
    pool = [ids.take(TeamMember) for _ in range(members if members is not None else max(8, accounts // 4))]
    for number, member_id in enumerate(pool, start=1):
        rows[TeamMember].append({"id": member_id, "name": f"{_name(rng)} {number:03d}", "title": "Account team",
                                 "team_role": rng.choice(enums.TEAM_ROLES), "archived": rng.random() < 0.03})
    taken = set(session.scalars(select(Account.name)))
    for number in range(1, accounts + 1):
        _account(rng, ids, rows, pool, taken, number, people_per_account, today)
    # Parents before children, for the foreign keys.
    for entity, found in rows.items():
        if found:
            session.execute(insert(entity.__table__), found)
    return {entity.__tablename__: len(found) for entity, found in rows.items()}


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")


def _account(rng: random.Random, ids: _Ids, rows: dict[type, list[dict]], pool: list[int], taken: set[str],
             number: int, size: int, today: dt.date) -> None:
    industry = rng.choice(INDUSTRIES)
    name = f"Account {number:04d} {industry}"
    while name in taken:
        name += "+"
    taken.add(name)
    # One account in ten has a single member, so that single-threaded accounts and team cut-points occur.
    team = rng.sample(pool, 1 if rng.random() < 0.1 else rng.randint(2, min(5, len(pool))))
    account_id = ids.take(Account)
    rows[Account].append({"id": account_id, "name": name, "industry": industry, "region": rng.choice(REGIONS),
                          "employees": rng.randint(50, 100_000), "tier": rng.choice(enums.TIERS),
                          "purchasing_capacity": rng.choice(enums.PURCHASING_CAPACITIES), "owner_id": team[0]})
    rows[AccountTeam].extend({"account_id": account_id, "member_id": m} for m in team)

    people = [ids.take(Person) for _ in range(size)]
    deciders = rng.randint(1, 4)
    for i, person_id in enumerate(people):
        if i == 0:
            role = "economic_buyer" if rng.random() < 0.9 else "approver"
        elif i <= deciders:
            role = "decision_maker"
        else:
            role = rng.choices(OTHER_ROLES, OTHER_ROLE_WEIGHTS)[0]
        senior = i <= deciders
        rows[Person].append({
            "id": person_id, "account_id": account_id, "name": _name(rng), "role": role,
            "stance": rng.choice(enums.STANCES),
            "influence": rng.choice((4, 5, 5, None)) if senior else rng.choice((None, 1, 2, 2, 3, 3, 4)),
            "archived": i > 0 and rng.random() < 0.04,
        })

    def link(kind: str, a: int, b: int, strength: int, member: bool = False) -> None:
        rows[Link].append({"id": ids.take(Link), "account_id": account_id, "kind": kind, "strength": strength,
                           "source_person_id": None if member else a, "source_member_id": a if member else None,
                           "target_person_id": b, "target_member_id": None})

    # Managers drawn from earlier people, favouring the top, give a tree with a few wide levels.
    for i in range(1, size):
        link("reports_to", people[i], people[int(rng.random() ** 2 * i)], rng.randint(3, 5))
    # One account in five is mapped thinly, mostly along reporting lines, where single people become bridges.
    extra = size // 5 if rng.random() < 0.2 else size * 3 // 2
    for _ in range(extra if size > 1 else 0):
        a, b = rng.sample(people, 2)
        link(rng.choices(EXTRA_KINDS, EXTRA_KIND_WEIGHTS)[0], a, b, rng.randint(1, 5))
    # Members cover people near the top more often; one account in eight is known well by one member only.
    lone = rng.random() < 0.125
    for position, member in enumerate(team):
        for i in {int(rng.random() ** 1.5 * size) for _ in range(rng.randint(2, 8))}:
            level = rng.randint(1, 5) if not lone or position == 0 else rng.randint(1, 2)
            link("covers", member, people[i], level, member=True)

    quiet = rng.random() < 0.15  # accounts that have gone quiet for a few months
    for _ in range(rng.randint(8, 40)):
        days_ago = rng.randint(90 if quiet else 0, HISTORY_DAYS)
        clock = dt.time(rng.randint(8, 19), rng.choice((0, 30)))
        when = dt.datetime.combine(today - dt.timedelta(days=days_ago), clock)
        interaction_id = ids.take(Interaction)
        rows[Interaction].append({"id": interaction_id, "account_id": account_id, "occurred_at": when,
                                  "channel": rng.choice(enums.CHANNELS), "sentiment": rng.randint(-2, 2),
                                  "summary": None})
        rows[InteractionParticipant].append({"id": ids.take(InteractionParticipant),
                                             "interaction_id": interaction_id, "person_id": None,
                                             "member_id": rng.choice(team)})
        for person_id in rng.sample(people, min(size, rng.randint(1, 3))):
            rows[InteractionParticipant].append({"id": ids.take(InteractionParticipant),
                                                 "interaction_id": interaction_id, "person_id": person_id,
                                                 "member_id": None})

    for k in range(rng.randint(2, 10)):
        status = rng.choices(enums.ACTION_STATUSES, (6, 3, 1))[0]
        rows[Action].append({"id": ids.take(Action), "account_id": account_id, "title": f"Next step {k + 1}",
                             "owner_id": rng.choice(team), "due_date": today + dt.timedelta(days=rng.randint(-60, 60)),
                             "person_id": rng.choice(people), "priority": rng.choice(enums.PRIORITIES),
                             "status": status})

    for k in range(rng.choices((0, 1, 2, 3), (1, 4, 3, 2))[0]):
        rows[Opportunity].append({
            "id": ids.take(Opportunity), "account_id": account_id, "name": f"Opportunity {k + 1}",
            "value": Decimal(rng.randint(5_000_000, 500_000_000)) / 100,
            "currency": rng.choices(CURRENCIES, CURRENCY_WEIGHTS)[0],
            "stage": rng.choice(enums.OPPORTUNITY_STAGES), "probability": rng.choice((10, 25, 50, 75, 90)),
            "expected_close": today + dt.timedelta(days=rng.randint(-30, 270)),
        })
