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
    cadence_days: int | None = None  # None: the default of the buying role


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


@dataclass(frozen=True)
class NeedRecord:
    id: int
    account_id: int
    person_id: int | None
    kind: str
    description: str
    priority: str
    status: str
    value_proposition: str | None = None


@dataclass(frozen=True)
class InteractionRecord:
    id: int
    account_id: int
    occurred_at: dt.datetime
    channel: str
    summary: str | None
    sentiment: int | None
    participants: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class SurveyAnswerRecord:
    id: int
    account_id: int
    person_id: int
    answered_on: dt.date
    recommend: int  # 0–10
    satisfaction: int | None = None  # 1–5
    comment: str | None = None


@dataclass(frozen=True)
class ActionRecord:
    id: int
    account_id: int
    title: str
    owner_id: int | None
    due_date: dt.date | None
    person_id: int | None
    priority: str
    status: str
    notes: str | None = None
    requester_id: int | None = None  # who asked for it: another member than the owner makes it a hand-off

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or dt.date.today()
        return self.status == "open" and self.due_date is not None and self.due_date < today


@dataclass(frozen=True)
class OpportunityRecord:
    id: int
    account_id: int
    name: str
    value: Decimal | None
    currency: str
    stage: str
    probability: int | None
    expected_close: dt.date | None
    competitors: str | None = None
    notes: str | None = None
    people: tuple[int, ...] = ()  # who takes part in the customer's decision


@dataclass(frozen=True)
class SnapshotRecord:
    id: int
    account_id: int
    name: str
    taken_at: dt.datetime
    data: dict
