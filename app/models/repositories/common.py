"""Helpers shared by the repositories."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


class InvalidInput(ValueError):
    """A value the user gave cannot be stored; the message says which and why."""


def get_or_fail(session: Session, model: type, ident: int):
    obj = session.get(model, ident)
    if obj is None:
        raise InvalidInput(f"{model.__name__} {ident} does not exist")
    return obj


def snapshot_fields(obj: Any, fields) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in fields}


def clean_text(value: Any) -> Any:
    """Trim strings and turn blank ones into NULL, so an emptied field reads as 'not set'."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def update_fields(session: Session, model: type, ident: int, changes: dict[str, Any], allowed) -> dict[str, Any]:
    """Assign ``changes`` to one row; return the previous values of the changed fields."""
    unknown = set(changes) - set(allowed)
    if unknown:
        raise InvalidInput(f"unknown fields for {model.__name__}: {', '.join(sorted(unknown))}")
    obj = get_or_fail(session, model, ident)
    old = {}
    for field, value in changes.items():
        old[field] = getattr(obj, field)
        setattr(obj, field, clean_text(value))
    session.flush()
    return old
