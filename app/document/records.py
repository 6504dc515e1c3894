"""Plain, detached views of rows that the UI reads (never ORM objects bound to a session)."""


from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class AccountRecord:
    id: int
    name: str
    industry: str | None = None
    region: str | None = None
    employees: int | None = None
    annual_revenue: Decimal | None = None
    purchasing_capacity: str | None = None
    tier: str | None = None
    lead_source: str | None = None
    owner_id: int | None = None
    notes: str | None = None
    ratings: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PersonRecord:
    id: int
    account_id: int
    name: str
    title: str | None = None
    department: str | None = None
    role: str = "unknown"
    stance: str = "unknown"
    influence: int | None = None
    competitor_preference: str | None = None
    email: str | None = None
    phone: str | None = None
    notes: str | None = None
    archived: bool = False
    x: float | None = None
    y: float | None = None


@dataclass(frozen=True)
class MemberRecord:
    id: int
    name: str
    title: str | None = None
    team_role: str | None = None
    email: str | None = None
    phone: str | None = None
    notes: str | None = None
    archived: bool = False


@dataclass(frozen=True)
class LinkRecord:
    id: int
    account_id: int
    kind: str
    strength: int
    source: tuple[str, int]  # ("person" | "member", id)
    target: tuple[str, int]
    notes: str | None = None


@dataclass(frozen=True)
class MapData:
    """Everything an account's map draws, read in one go."""

    account_id: int
    people: list[PersonRecord]
    members: list[MemberRecord]
    member_positions: dict[int, tuple[float | None, float | None]]
    links: list[LinkRecord]


@dataclass(frozen=True)
class CriterionRecord:
    id: int
    code: str | None
    name: str | None
    weight: float
    position: int


@dataclass(frozen=True)
class Change:
    """What an action changed: ``kind`` names the entity, ``ids`` the rows, ``account_id`` the scope."""

    kind: str
    ids: tuple[int, ...] = ()
    account_id: int | None = None
    data: object = field(default=None, compare=False)  # e.g. the new positions of moved cards
    created_at: dt.datetime = field(default_factory=dt.datetime.now, compare=False)
