"""Who is on each account's map, in SQL over all accounts at once.

An account's map, as `stakemap analyze` reads it (app.document.analysis_input): its people who are not
archived, every team member assigned to it (archived members included), and its links whose two ends are both
on that map. A `covers` link therefore counts only when its member works on the link's account and its person
belongs to that account and has not left.
"""

from __future__ import annotations

from sqlalchemy import Subquery, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.analysis.model import COUNTED_LEVEL, DEFAULT_INFLUENCE, STANCE_VALUES
from app.models.entities import AccountTeam, Link, Person


def covers_levels() -> Subquery:
    """(account_id, person_id, level): the strongest `covers` link to a person from a member of the account."""
    return (
        select(Link.account_id, Link.target_person_id.label("person_id"), func.max(Link.strength).label("level"))
        .join(AccountTeam, and_(AccountTeam.account_id == Link.account_id,
                                AccountTeam.member_id == Link.source_member_id))
        .where(Link.kind == "covers")
        .group_by(Link.account_id, Link.target_person_id)
        .subquery("covers_levels")
    )


def client_people() -> Subquery:
    """Every client-side person on a map with their coverage level (0 when nobody covers them).

    Columns: account_id, id, name, role, stance, influence, weight (declared influence, unknown counted as 3),
    stance_value (−2…+2, NULL when unknown), level.
    """
    levels = covers_levels()
    return (
        select(
            Person.account_id,
            Person.id,
            Person.name,
            Person.role,
            Person.stance,
            Person.influence,
            func.coalesce(Person.influence, DEFAULT_INFLUENCE).label("weight"),
            case(STANCE_VALUES, value=Person.stance, else_=None).label("stance_value"),
            func.coalesce(levels.c.level, 0).label("level"),
        )
        .outerjoin(levels, and_(levels.c.person_id == Person.id, levels.c.account_id == Person.account_id))
        .where(Person.archived.is_(False))
        .subquery("client_people")
    )


def counted_threads(session: Session) -> dict[int, tuple[int, int]]:
    """account_id -> (how many members hold a covers link of level ≥ 3, the smallest such member id).

    Accounts without any such link are absent. One member means the account is single-threaded.
    """
    stmt = (
        select(Link.account_id, func.count(func.distinct(Link.source_member_id)), func.min(Link.source_member_id))
        .join(AccountTeam, and_(AccountTeam.account_id == Link.account_id,
                                AccountTeam.member_id == Link.source_member_id))
        .join(Person, and_(Person.id == Link.target_person_id, Person.account_id == Link.account_id))
        .where(Link.kind == "covers", Link.strength >= COUNTED_LEVEL, Person.archived.is_(False))
        .group_by(Link.account_id)
    )
    return {account_id: (count, member_id) for account_id, count, member_id in session.execute(stmt)}


def map_links(session: Session, exclude_kinds: tuple[str, ...] = ()) -> list[tuple[int, int, int]]:
    """Links with both ends on their account's map, every account in one query.

    Rows: (account_id, source, target) where a person is their id and a team member minus theirs: the rows
    stay three plain integers, which matters at tens of thousands of links.
    """
    source_person, target_person = aliased(Person), aliased(Person)
    source_member, target_member = aliased(AccountTeam), aliased(AccountTeam)

    def present(person, member):
        return or_(and_(person.account_id == Link.account_id, person.archived.is_(False)),
                   member.member_id.is_not(None))

    stmt = (
        select(Link.account_id, func.coalesce(Link.source_person_id, -Link.source_member_id),
               func.coalesce(Link.target_person_id, -Link.target_member_id))
        .outerjoin(source_person, source_person.id == Link.source_person_id)
        .outerjoin(target_person, target_person.id == Link.target_person_id)
        .outerjoin(source_member, and_(source_member.account_id == Link.account_id,
                                       source_member.member_id == Link.source_member_id))
        .outerjoin(target_member, and_(target_member.account_id == Link.account_id,
                                       target_member.member_id == Link.target_member_id))
        .where(present(source_person, source_member), present(target_person, target_member))
    )
    if exclude_kinds:
        stmt = stmt.where(Link.kind.not_in(exclude_kinds))
    return driver_rows(session, stmt)


def driver_rows(session: Session, stmt) -> list[tuple]:
    """The statement's rows as plain tuples straight from the database driver.

    For big results of plain integers only: building SQLAlchemy rows costs more than the query itself there.
    The statement is compiled for the session's database with its values inlined, so it must hold no value
    that needs a type conversion (dates, decimals).
    """
    connection = session.connection()
    sql = str(stmt.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
        return cursor.fetchall()
    finally:
        cursor.close()
