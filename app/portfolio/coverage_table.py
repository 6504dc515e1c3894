"""Coverage and risk of every key account at once: the executive dashboard's numbers.

Each figure is the one `stakemap analyze` gives for the account (DESIGN.md "Analysis definitions", reproduced
from app.analysis.coverage), but computed by a few GROUP BY account queries over the whole database instead of
reading and analysing each map in turn, so that hundreds of accounts show in a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import and_, case, extract, func, or_, select
from sqlalchemy.orm import Session

from app.analysis.model import COUNTED_LEVEL, HIGH_INFLUENCE, KEY_ROLES
from app.models.entities import Account, Action, Interaction, Opportunity
from app.models.repositories.accounts import account_summaries_statement
from app.portfolio.map_sql import client_people, counted_threads
from app.portfolio.structure import CutPoint, StructuralRisk, structural_risk
from app.portfolio.team_sql import roles_missing

__all__ = [
    "ROLE_COLUMNS",
    "AccountRow",
    "CutPoint",
    "RoleCell",
    "StructuralRisk",
    "coverage_json",
    "interactions_per_month",
    "portfolio",
    "role_coverage",
    "structural_risk",
]

# The buying roles the dashboard gives a column each, as app.models.enums.BUYING_ROLES spells them.
ROLE_COLUMNS = ("economic_buyer", "decision_maker", "technical_buyer", "user_buyer", "coach")

# An opportunity still counts in the pipeline until the customer's decision is made either way: "won" is
# revenue already, no longer pipeline, and "lost" is gone. Every earlier stage of the decision is open.
CLOSED_STAGES = ("won", "lost")

_ROLE_ORDER = {role: i for i, role in enumerate(KEY_ROLES)}


@dataclass(frozen=True)
class AccountRow:
    account_id: int
    account: str
    tier: str | None
    owner: str | None  # the owning team member's name
    people: int  # client-side people who have not left
    team_members: int
    coverage_score: float
    gaps: int
    gap_names: tuple[str, ...]  # economic buyers first, then decision-makers, then by declared influence
    single_threaded: bool
    support_index: float | None
    open_actions: int
    overdue_actions: int
    last_interaction: dt.date | None
    days_since_last_interaction: int | None
    pipeline: dict[str, Decimal] = field(default_factory=dict, hash=False)  # open opportunities per currency
    team_roles_missing: tuple[str, ...] = ()  # roles of the tier's team template nobody on our side fills
    # Relationship health (DESIGN.md), filled in by app.portfolio.health_table.with_health: coverage once time
    # is counted, who went stale, NPS, champions at risk; None until then.
    effective_score: float | None = None
    stale: tuple[str, ...] = ()
    nps: float | None = None
    champions_at_risk: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoleCell:
    """The people of one buying role on one account: none (people == 0), all, some or none of them covered."""

    people: int
    covered: int  # of those, with a coverage level of 3 or more
    best_level: int  # the strongest coverage level among them (0 when nobody)


def portfolio(session: Session, today: dt.date | None = None) -> list[AccountRow]:
    """Every account's row of the dashboard, ordered by name; actions and interactions as seen on `today`."""
    today = today or dt.date.today()
    coverage = _coverage_sums(session)
    gap_names = _gap_names(session)
    threads = counted_threads(session)
    actions = _action_counts(session, today)
    last_seen = _last_interactions(session, today)
    pipeline = _pipeline(session)
    missing = roles_missing(session)
    rows = []
    for account_id, name, tier, _industry, _region, _owner_id, owner, people, team in session.execute(
            account_summaries_statement()):
        total, covered, weighted, known = coverage.get(account_id, (0, 0, 0, 0))
        gaps = gap_names.get(account_id, ())
        open_actions, overdue = actions.get(account_id, (0, 0))
        last = last_seen.get(account_id)
        rows.append(AccountRow(
            account_id=account_id,
            account=name,
            tier=tier,
            owner=owner,
            people=people,
            team_members=team,
            coverage_score=covered / total if total else 0.0,
            gaps=len(gaps),
            gap_names=gaps,
            single_threaded=threads.get(account_id, (0, None))[0] == 1,
            support_index=float(weighted) / (2 * known) if known else None,
            open_actions=open_actions,
            overdue_actions=overdue,
            last_interaction=last,
            days_since_last_interaction=None if last is None else (today - last).days,
            pipeline=pipeline.get(account_id, {}),
            team_roles_missing=missing.get(account_id, ()),
        ))
    return rows


def _coverage_sums(session: Session) -> dict[int, tuple[int, int, int, int]]:
    """account_id -> (Σ weight, Σ weight of the covered, Σ weight × stance, Σ weight of known stances).

    Integers, divided only at the end, so the scores come out bit for bit as app.analysis computes them.
    """
    people = client_people()
    known = people.c.stance_value.is_not(None)
    stmt = select(
        people.c.account_id,
        func.sum(people.c.weight),
        func.sum(case((people.c.level >= COUNTED_LEVEL, people.c.weight), else_=0)),
        func.coalesce(func.sum(people.c.weight * people.c.stance_value), 0),
        func.sum(case((known, people.c.weight), else_=0)),
    ).group_by(people.c.account_id)
    return {row[0]: (int(row[1]), int(row[2]), int(row[3]), int(row[4])) for row in session.execute(stmt)}


def _gap_names(session: Session) -> dict[int, tuple[str, ...]]:
    people = client_people()
    stmt = select(people.c.account_id, people.c.id, people.c.name, people.c.role, people.c.influence).where(
        people.c.level < COUNTED_LEVEL,
        or_(people.c.role.in_(KEY_ROLES), people.c.influence >= HIGH_INFLUENCE),
    )
    found: dict[int, list[tuple]] = {}
    for account_id, person_id, name, role, influence in session.execute(stmt):
        # The order of app.analysis.coverage: its input lists people by id, which breaks the ties.
        found.setdefault(account_id, []).append(
            (_ROLE_ORDER.get(role, len(KEY_ROLES)), -(influence or 0), person_id, name))
    return {account_id: tuple(gap[-1] for gap in sorted(gaps)) for account_id, gaps in found.items()}


def _action_counts(session: Session, today: dt.date) -> dict[int, tuple[int, int]]:
    is_open = Action.status == "open"
    overdue = and_(is_open, Action.due_date.is_not(None), Action.due_date < today)
    stmt = select(
        Action.account_id,
        func.sum(case((is_open, 1), else_=0)),
        func.sum(case((overdue, 1), else_=0)),
    ).group_by(Action.account_id)
    return {account_id: (int(n_open), int(n_overdue)) for account_id, n_open, n_overdue in session.execute(stmt)}


def _last_interactions(session: Session, today: dt.date) -> dict[int, dt.date]:
    # An interaction dated after `today` is a plan, not contact: it would make an account look freshly touched.
    stmt = (
        select(Interaction.account_id, func.max(Interaction.occurred_at))
        .where(Interaction.occurred_at < _day_start(today + dt.timedelta(days=1)))
        .group_by(Interaction.account_id)
    )
    return {account_id: last.date() for account_id, last in session.execute(stmt) if last is not None}


def _pipeline(session: Session) -> dict[int, dict[str, Decimal]]:
    stmt = (
        select(Opportunity.account_id, Opportunity.currency, func.sum(Opportunity.value))
        .where(Opportunity.stage.not_in(CLOSED_STAGES), Opportunity.value.is_not(None))
        .group_by(Opportunity.account_id, Opportunity.currency)
        .order_by(Opportunity.account_id, Opportunity.currency)
    )
    found: dict[int, dict[str, Decimal]] = {}
    for account_id, currency, total in session.execute(stmt):
        found.setdefault(account_id, {})[currency] = total
    return found


def role_coverage(session: Session) -> dict[int, dict[str, RoleCell]]:
    """account_id -> role (each of ROLE_COLUMNS) -> who of that role is on the map and how well covered.

    Every account has a cell for every role; a role nobody holds has people == 0.
    """
    people = client_people()
    stmt = (
        select(
            people.c.account_id,
            people.c.role,
            func.count(),
            func.sum(case((people.c.level >= COUNTED_LEVEL, 1), else_=0)),
            func.max(people.c.level),
        )
        .where(people.c.role.in_(ROLE_COLUMNS))
        .group_by(people.c.account_id, people.c.role)
    )
    empty = RoleCell(0, 0, 0)
    cells = {account_id: dict.fromkeys(ROLE_COLUMNS, empty) for account_id in session.scalars(select(Account.id))}
    for account_id, role, count, covered, best in session.execute(stmt):
        cells.setdefault(account_id, dict.fromkeys(ROLE_COLUMNS, empty))[role] = RoleCell(
            int(count), int(covered), int(best))
    return cells


def interactions_per_month(session: Session, months: int = 12,
                           today: dt.date | None = None) -> list[tuple[dt.date, int]]:
    """Interactions across all accounts in each of the last `months` calendar months (the current one last),
    as (first day of the month, count), months without any included with 0."""
    today = today or dt.date.today()
    starts = [_add_months(today.replace(day=1), -k) for k in range(max(0, months) - 1, -1, -1)]
    if not starts:
        return []
    year = extract("year", Interaction.occurred_at)
    month = extract("month", Interaction.occurred_at)
    stmt = (
        select(year, month, func.count())
        .where(Interaction.occurred_at >= _day_start(starts[0]),
               Interaction.occurred_at < _day_start(_add_months(starts[-1], 1)))
        .group_by(year, month)
    )
    counts = {(int(y), int(m)): int(n) for y, m, n in session.execute(stmt)}
    return [(start, counts.get((start.year, start.month), 0)) for start in starts]


def coverage_json(rows: list[AccountRow]) -> dict:
    """The object that `stakemap coverage --json` prints (DESIGN.md "Command line")."""
    return {
        "accounts": [
            {
                "account": row.account,
                "people": row.people,
                "coverage_score": float(row.coverage_score),
                "gaps": row.gaps,
                "single_threaded": bool(row.single_threaded),
                "support_index": None if row.support_index is None else float(row.support_index),
                "overdue_actions": row.overdue_actions,
                "days_since_last_interaction": row.days_since_last_interaction,
                "team_roles_missing": list(row.team_roles_missing),
            }
            for row in rows
        ]
    }


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month `months` after (or before) `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())
