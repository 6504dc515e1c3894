"""What an account's map shows, read in a few queries, and where its cards stand.

Reads go through SQLAlchemy Core and return plain tuples: a map of thousands of people opens without
building an ORM object per row.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.models.entities import AccountTeam, Link, Person, TeamMember

PERSON_COLUMNS = (
    Person.id, Person.account_id, Person.name, Person.title, Person.department, Person.role, Person.stance,
    Person.influence, Person.competitor_preference, Person.email, Person.phone, Person.notes, Person.archived,
    Person.x, Person.y, Person.cadence_days,
)
MEMBER_COLUMNS = (
    TeamMember.id, TeamMember.name, TeamMember.title, TeamMember.team_role, TeamMember.email, TeamMember.phone,
    TeamMember.notes, TeamMember.archived,
)
LINK_COLUMNS = (
    Link.id, Link.account_id, Link.kind, Link.strength, Link.source_person_id, Link.source_member_id,
    Link.target_person_id, Link.target_member_id, Link.notes,
)

Key = tuple[str, int]


def people_rows(session: Session, account_id: int, ids: list[int] | None = None) -> list[tuple]:
    stmt = select(*PERSON_COLUMNS).where(Person.account_id == account_id)
    if ids is not None:
        stmt = stmt.where(Person.id.in_(ids))
    return [tuple(r) for r in session.execute(stmt.order_by(Person.id))]


def member_rows(session: Session, account_id: int) -> list[tuple]:
    """Team members on the account, each with the card position on this account's map appended."""
    stmt = (
        select(*MEMBER_COLUMNS, AccountTeam.x, AccountTeam.y)
        .join(AccountTeam, AccountTeam.member_id == TeamMember.id)
        .where(AccountTeam.account_id == account_id)
        .order_by(TeamMember.id)
    )
    return [tuple(r) for r in session.execute(stmt)]


def link_rows(session: Session, account_id: int, ids: list[int] | None = None) -> list[tuple]:
    stmt = select(*LINK_COLUMNS).where(Link.account_id == account_id)
    if ids is not None:
        stmt = stmt.where(Link.id.in_(ids))
    return [tuple(r) for r in session.execute(stmt.order_by(Link.id))]


def positions(session: Session, account_id: int, keys: list[Key]) -> dict[Key, tuple[float | None, float | None]]:
    person_ids = [i for kind, i in keys if kind == "person"]
    member_ids = [i for kind, i in keys if kind == "member"]
    found: dict[Key, tuple[float | None, float | None]] = {}
    if person_ids:
        stmt = select(Person.id, Person.x, Person.y).where(Person.account_id == account_id,
                                                           Person.id.in_(person_ids))
        found.update({("person", i): (x, y) for i, x, y in session.execute(stmt)})
    if member_ids:
        stmt = select(AccountTeam.member_id, AccountTeam.x, AccountTeam.y).where(
            AccountTeam.account_id == account_id, AccountTeam.member_id.in_(member_ids))
        found.update({("member", i): (x, y) for i, x, y in session.execute(stmt)})
    return found


def set_positions(session: Session, account_id: int,
                  new: dict[Key, tuple[float | None, float | None]]) -> dict[Key, tuple[float | None, float | None]]:
    """Store card positions; returns the previous ones of the cards that exist on this map."""
    old = positions(session, account_id, list(new))
    person_rows = [{"pid": i, "x": x, "y": y} for (kind, i), (x, y) in new.items()
                   if kind == "person" and (kind, i) in old]
    member_rows_ = [{"mid": i, "x": x, "y": y} for (kind, i), (x, y) in new.items()
                    if kind == "member" and (kind, i) in old]
    from sqlalchemy import bindparam

    if person_rows:
        session.execute(
            update(Person.__table__).where(Person.__table__.c.id == bindparam("pid"))
            .values(x=bindparam("x"), y=bindparam("y")),
            person_rows,
        )
    if member_rows_:
        table = AccountTeam.__table__
        session.execute(
            update(table).where(table.c.account_id == account_id, table.c.member_id == bindparam("mid"))
            .values(x=bindparam("x"), y=bindparam("y")),
            member_rows_,
        )
    return old
