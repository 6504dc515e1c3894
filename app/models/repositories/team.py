"""Team members on our side, shared by all accounts, and who works on which account."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import enums
from app.models.entities import AccountTeam, TeamMember
from app.models.repositories.common import InvalidInput, clean_text, get_or_fail, update_fields

MEMBER_FIELDS = ("name", "title", "team_role", "email", "phone", "notes", "archived")


def validate_member_fields(fields: dict[str, Any]) -> None:
    if "name" in fields and not clean_text(fields["name"]):
        raise InvalidInput("A team member needs a name")
    role = fields.get("team_role")
    if role is not None and role not in enums.TEAM_ROLES:
        raise InvalidInput(f"Unknown team role: {role}")


def add_member(session: Session, name: str, **fields: Any) -> TeamMember:
    fields = {"name": name, **fields}
    validate_member_fields(fields)
    member = TeamMember(**{k: clean_text(v) for k, v in fields.items()})
    session.add(member)
    session.flush()
    return member


def update_member(session: Session, member_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    validate_member_fields(changes)
    return update_fields(session, TeamMember, member_id, changes, MEMBER_FIELDS)


def get_member(session: Session, member_id: int) -> TeamMember:
    return get_or_fail(session, TeamMember, member_id)


def find_member_by_name(session: Session, name: str) -> TeamMember | None:
    return session.scalar(select(TeamMember).where(TeamMember.name == name))


def all_members(session: Session, include_archived: bool = True) -> list[TeamMember]:
    stmt = select(TeamMember)
    if not include_archived:
        stmt = stmt.where(TeamMember.archived.is_(False))
    return list(session.scalars(stmt.order_by(TeamMember.name)))


def members_of(session: Session, account_id: int) -> list[TeamMember]:
    stmt = (
        select(TeamMember)
        .join(AccountTeam, AccountTeam.member_id == TeamMember.id)
        .where(AccountTeam.account_id == account_id)
        .order_by(TeamMember.name)
    )
    return list(session.scalars(stmt))


def assign(session: Session, account_id: int, member_id: int, x: float | None = None, y: float | None = None) -> bool:
    """Put a member on an account's team; False when already there."""
    if session.get(AccountTeam, (account_id, member_id)) is not None:
        return False
    session.add(AccountTeam(account_id=account_id, member_id=member_id, x=x, y=y))
    session.flush()
    return True


def unassign(session: Session, account_id: int, member_id: int) -> dict[str, Any] | None:
    """Take a member off an account's team; returns the membership row for undo."""
    row = session.get(AccountTeam, (account_id, member_id))
    if row is None:
        return None
    saved = {"account_id": account_id, "member_id": member_id, "x": row.x, "y": row.y}
    session.execute(
        delete(AccountTeam).where(AccountTeam.account_id == account_id, AccountTeam.member_id == member_id)
    )
    session.flush()
    return saved
