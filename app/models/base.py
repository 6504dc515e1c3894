"""Declarative base with a naming convention, so constraints have stable names in every migration."""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def in_list(column: str, values: tuple, nullable: bool = False) -> str:
    """SQL text of a portable CHECK that a column holds one of the identifiers."""
    quoted = ", ".join(f"'{v}'" for v in values)
    clause = f"{column} IN ({quoted})"
    return f"{column} IS NULL OR {clause}" if nullable else clause


def in_range(column: str, low: int, high: int, nullable: bool = True) -> str:
    clause = f"{column} BETWEEN {low} AND {high}"
    return f"{column} IS NULL OR {clause}" if nullable else clause


def exactly_one(a: str, b: str) -> str:
    return f"({a} IS NULL AND {b} IS NOT NULL) OR ({a} IS NOT NULL AND {b} IS NULL)"
