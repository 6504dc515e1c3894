"""Links between people (or team members) on an account's map."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import enums
from app.models.entities import Link
from app.models.repositories.common import InvalidInput, get_or_fail, update_fields

LINK_FIELDS = ("kind", "strength", "notes")


def validate_link_fields(fields: dict[str, Any]) -> None:
    if "kind" in fields and fields["kind"] not in enums.LINK_KINDS:
        raise InvalidInput(f"Unknown link kind: {fields['kind']}")
    if "strength" in fields and fields["strength"] not in (1, 2, 3, 4, 5):
        raise InvalidInput(f"Strength must be 1 to 5, not {fields['strength']}")


def add_link(
    session: Session,
    account_id: int,
    kind: str,
    *,
    source_person_id: int | None = None,
    source_member_id: int | None = None,
    target_person_id: int | None = None,
    target_member_id: int | None = None,
    strength: int = 3,
    notes: str | None = None,
) -> Link:
    validate_link_fields({"kind": kind, "strength": strength})
    if kind == "covers" and (source_member_id is None or target_person_id is None):
        raise InvalidInput("A relationship of our team goes from a team member to a customer's person")
    same = (source_person_id or source_member_id) == (target_person_id or target_member_id) and (
        (source_person_id is None) == (target_person_id is None)
    )
    if same:
        raise InvalidInput("A link needs two different people")
    link = Link(
        account_id=account_id,
        kind=kind,
        strength=strength,
        source_person_id=source_person_id,
        source_member_id=source_member_id,
        target_person_id=target_person_id,
        target_member_id=target_member_id,
        notes=notes,
    )
    session.add(link)
    session.flush()
    return link


def update_link(session: Session, link_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    validate_link_fields(changes)
    if changes.get("kind") == "covers":
        link = get_or_fail(session, Link, link_id)
        if link.source_member_id is None or link.target_person_id is None:
            raise InvalidInput("A relationship of our team goes from a team member to a customer's person")
    return update_fields(session, Link, link_id, changes, LINK_FIELDS)


def get_link(session: Session, link_id: int) -> Link:
    return get_or_fail(session, Link, link_id)


def links_of(session: Session, account_id: int) -> list[Link]:
    return list(session.scalars(select(Link).where(Link.account_id == account_id).order_by(Link.id)))
