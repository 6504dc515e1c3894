"""The customer's people on an account."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import enums
from app.models.entities import Person
from app.models.repositories.common import InvalidInput, clean_text, get_or_fail, update_fields

PERSON_FIELDS = (
    "name",
    "title",
    "department",
    "role",
    "stance",
    "influence",
    "competitor_preference",
    "email",
    "phone",
    "notes",
    "archived",
    "x",
    "y",
    "cadence_days",
)


def validate_person_fields(fields: dict[str, Any]) -> None:
    if "name" in fields and not clean_text(fields["name"]):
        raise InvalidInput("A person needs a name")
    if "role" in fields and fields["role"] not in enums.BUYING_ROLES:
        raise InvalidInput(f"Unknown buying role: {fields['role']}")
    if "stance" in fields and fields["stance"] not in enums.STANCES:
        raise InvalidInput(f"Unknown stance: {fields['stance']}")
    infl = fields.get("influence")
    if infl is not None and infl not in enums.INFLUENCE_LEVELS:
        raise InvalidInput(f"Influence must be 1 to 5, not {infl}")
    cadence = fields.get("cadence_days")
    if cadence is not None and (isinstance(cadence, bool) or not isinstance(cadence, int) or cadence <= 0):
        raise InvalidInput(f"A contact cadence is a number of days above 0, not {cadence}")


def add_person(session: Session, account_id: int, name: str, **fields: Any) -> Person:
    fields = {"name": name, **fields}
    validate_person_fields(fields)
    person = Person(account_id=account_id, **{k: clean_text(v) for k, v in fields.items()})
    session.add(person)
    session.flush()
    return person


def update_person(session: Session, person_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    validate_person_fields(changes)
    return update_fields(session, Person, person_id, changes, PERSON_FIELDS)


def get_person(session: Session, person_id: int) -> Person:
    return get_or_fail(session, Person, person_id)


def people_of(session: Session, account_id: int, include_archived: bool = True) -> list[Person]:
    stmt = select(Person).where(Person.account_id == account_id)
    if not include_archived:
        stmt = stmt.where(Person.archived.is_(False))
    return list(session.scalars(stmt.order_by(Person.department, Person.name)))
