"""Accounts and their profile."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.models import enums
from app.models.entities import Account, AccountTeam, Person, TeamMember
from app.models.repositories.common import InvalidInput, clean_text, get_or_fail, update_fields

ACCOUNT_FIELDS = (
    "name",
    "industry",
    "region",
    "employees",
    "annual_revenue",
    "purchasing_capacity",
    "tier",
    "lead_source",
    "owner_id",
    "notes",
)


def validate_account_fields(session: Session, fields: dict[str, Any], account_id: int | None = None) -> None:
    if "name" in fields:
        name = clean_text(fields["name"])
        if not name:
            raise InvalidInput("An account needs a name")
        clash = session.scalar(select(Account.id).where(Account.name == name, Account.id != (account_id or -1)))
        if clash is not None:
            raise InvalidInput(f"An account named “{name}” already exists")
    if fields.get("tier") is not None and fields["tier"] not in enums.TIERS:
        raise InvalidInput(f"Unknown tier: {fields['tier']}")
    pc = fields.get("purchasing_capacity")
    if pc is not None and pc not in enums.PURCHASING_CAPACITIES:
        raise InvalidInput(f"Unknown purchasing capacity: {pc}")
    if fields.get("employees") is not None and int(fields["employees"]) < 0:
        raise InvalidInput("The number of employees cannot be negative")
    if fields.get("annual_revenue") is not None:
        fields["annual_revenue"] = Decimal(str(fields["annual_revenue"]))


def create_account(session: Session, name: str, **fields: Any) -> Account:
    fields = {"name": name, **fields}
    validate_account_fields(session, fields)
    account = Account(**{k: clean_text(v) for k, v in fields.items()})
    session.add(account)
    session.flush()
    return account


def update_account(session: Session, account_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    changes = dict(changes)
    validate_account_fields(session, changes, account_id)
    return update_fields(session, Account, account_id, changes, ACCOUNT_FIELDS)


def get_account(session: Session, account_id: int) -> Account:
    return get_or_fail(session, Account, account_id)


def find_account_by_name(session: Session, name: str) -> Account | None:
    return session.scalar(select(Account).where(Account.name == name))


def account_summaries_statement() -> Select:
    """One row per account: id, name, tier, industry, region, owner id, owner name, people, team members.

    Counted in SQL (fast for hundreds of accounts). app.storage.fastread keeps this statement compiled
    for SQLite, so the window can list accounts before SQLAlchemy has loaded; a test keeps both equal.
    """
    people = (
        select(Person.account_id, func.count().label("n"))
        .where(Person.archived.is_(False))
        .group_by(Person.account_id)
        .subquery()
    )
    team = select(AccountTeam.account_id, func.count().label("n")).group_by(AccountTeam.account_id).subquery()
    stmt = (
        select(
            Account.id,
            Account.name,
            Account.tier,
            Account.industry,
            Account.region,
            Account.owner_id,
            TeamMember.name,
            func.coalesce(people.c.n, 0),
            func.coalesce(team.c.n, 0),
        )
        .outerjoin(TeamMember, TeamMember.id == Account.owner_id)
        .outerjoin(people, people.c.account_id == Account.id)
        .outerjoin(team, team.c.account_id == Account.id)
        .order_by(Account.name)
    )
    return stmt


def account_summaries(session: Session) -> list[tuple]:
    return [tuple(row) for row in session.execute(account_summaries_statement())]
