"""The value checks of an account JSON file (DESIGN.md "JSON"): each field's parser, the specs of every
section, and the plan that a validated file becomes — everything is checked before anything is written.

Each check returns the value it accepts (cleaned) or raises `Bad` with what it expected, so that a refusal
names the record and the field.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from app.io.report import ImportReport
from app.io.rows import strip_controls
from app.models import enums

UID_MAX = 500  # the column's width (Interaction.source_uid)
MAX_DEPTH = 64  # an account nests a few levels (snapshot → people → fields); far more is not one of ours


def depth(value, limit: int = MAX_DEPTH) -> int:
    """How deeply ``value`` nests, counted without recursion and no further than ``limit`` + 1."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


class Bad(ValueError):
    pass


def text(v):
    if not isinstance(v, str):
        raise Bad(f"expected text, not {v!r}")
    return strip_controls(v)


def number(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise Bad(f"expected a number, not {v!r}")
    return v


def whole(lo: int | None = None, hi: int | None = None):
    def check(v):
        if isinstance(v, bool) or not isinstance(v, int) or (lo is not None and v < lo) or (hi is not None and v > hi):
            bounds = "" if lo is None else f" from {lo}" + ("" if hi is None else f" to {hi}")
            raise Bad(f"expected a whole number{bounds}, not {v!r}")
        return v
    return check


def choice(values):
    def check(v):
        if v not in values:
            raise Bad(f"unknown value {v!r} (one of {', '.join(map(str, values))})")
        return v
    return check


def flag(v):
    if not isinstance(v, bool):
        raise Bad(f"expected true or false, not {v!r}")
    return v


def iso_parser(kind):
    def check(v):
        try:
            return kind.fromisoformat(text(v))
        except ValueError as exc:
            raise Bad(f"expected an ISO {kind.__name__}, not {v!r}") from exc
    return check


def uid(v):
    """A calendar event's UID (what makes a re-import of the same .ics change nothing): text, as stored."""
    value = text(v).strip()
    if not value or len(value) > UID_MAX:
        raise Bad(f"expected an event UID of 1 to {UID_MAX} characters, not {v!r}")
    return value


def money(v):
    try:
        value = Decimal(v if isinstance(v, str) else str(number(v)))
    except InvalidOperation as exc:
        raise Bad(f"expected a decimal amount, not {v!r}") from exc
    if not value.is_finite() or value < 0:
        raise Bad(f"expected a decimal amount of 0 or more, not {v!r}")
    return value


ACCOUNT_SPEC = {"industry": text, "region": text, "employees": whole(0, None), "annual_revenue": money,
                "purchasing_capacity": choice(enums.PURCHASING_CAPACITIES), "tier": choice(enums.TIERS),
                "lead_source": text, "notes": text}
PERSON_SPEC = {"title": text, "department": text, "role": choice(enums.BUYING_ROLES),
               "stance": choice(enums.STANCES), "influence": whole(1, 5), "competitor_preference": text,
               "email": text, "phone": text, "notes": text, "archived": flag, "x": number, "y": number,
               "cadence_days": whole(1, None)}
MEMBER_SPEC = {"title": text, "team_role": choice(enums.TEAM_ROLES), "email": text, "phone": text,
               "notes": text, "archived": flag, "on_team": flag, "x": number, "y": number}
LINK_SPEC = {"kind": choice(enums.LINK_KINDS), "strength": whole(1, 5), "notes": text}
NEED_SPEC = {"description": text, "kind": choice(enums.NEED_KINDS), "priority": choice(enums.PRIORITIES),
             "status": choice(enums.NEED_STATUSES), "value_proposition": text}
INTERACTION_SPEC = {"occurred_at": iso_parser(dt.datetime), "channel": choice(enums.CHANNELS),
                    "summary": text, "sentiment": whole(-2, 2), "source_uid": uid}
ACTION_SPEC = {"title": text, "due_date": iso_parser(dt.date), "priority": choice(enums.PRIORITIES),
               "status": choice(enums.ACTION_STATUSES), "notes": text}
OPPORTUNITY_SPEC = {"name": text, "value": money, "currency": text, "stage": choice(enums.OPPORTUNITY_STAGES),
                    "probability": whole(0, 100), "expected_close": iso_parser(dt.date), "competitors": text,
                    "notes": text}
SURVEY_SPEC = {"date": iso_parser(dt.date), "recommend": whole(0, 10), "satisfaction": whole(1, 5),
               "comment": text}
REQUIRED = {"people": ("name",), "team_members": ("name",), "links": ("kind",), "needs": ("description",),
            "interactions": ("occurred_at", "channel"), "actions": ("title",), "opportunities": ("name",)}
REFERENCES = {"links": ("source", "target"), "needs": ("person",), "actions": ("owner", "person", "requester")}
# The names a record is told by, so that a refusal says which record is wrong.
REFERENCE_KEYS = {f"{n}_ref" for names in REFERENCES.values() for n in names} | set(
    n for names in REFERENCES.values() for n in names) | {"participants", "people", "ref"}


@dataclass
class Plan:
    account: dict = field(default_factory=dict)
    account_owner: str | None = None
    ratings: list[dict] = field(default_factory=list)
    members: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    needs: list[dict] = field(default_factory=list)
    interactions: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    opportunities: list[dict] = field(default_factory=list)
    snapshots: list[dict] = field(default_factory=list)
    surveys: list[dict] = field(default_factory=list)


def someone(ref: str | None, where: str) -> str:
    if ref is None:
        raise Bad(f"{where}: a participant names nobody")
    return ref


def checked_record(rec, spec: dict, where: str, required=(), extra=(), report: ImportReport | None = None) -> dict:
    if not isinstance(rec, dict):
        raise Bad(f"{where}: expected an object")
    if isinstance(rec.get("name"), str):
        where = f"{where} “{rec['name']}”"
    out = {}
    for key, value in rec.items():
        if key in spec:
            if value is None and key not in required:
                continue
            try:
                out[key] = spec[key](value)
            except Bad as exc:
                raise Bad(f"{where}: {key}: {exc}") from None
        elif key not in extra and report is not None and where.split("[")[0] + "." + key not in report.unknown_columns:
            report.unknown_columns.append(where.split("[")[0] + "." + key)
    for key in required:
        if not isinstance(out.get(key), str) or not out[key].strip() if spec[key] is text else key not in out:
            raise Bad(f"{where}: {key} is missing")
    return out


def as_list(value, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise Bad(f"{where}: expected a list")
    return value


def participant(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise Bad(f"{where}: expected {{\"name\": …, \"ref\": …}}, not {value!r}")
    return {"participant": value.get("name"), "participant_ref": value.get("ref")}


def snapshot_data(data, where: str) -> dict:
    if not isinstance(data, dict):
        raise Bad(f"{where}: data: expected an object")
    for part, refs in (("people", ("ref",)), ("members", ("ref",)), ("links", ("source_ref", "target_ref"))):
        for j, rec in enumerate(as_list(data.get(part), f"{where}.data.{part}")):
            if not isinstance(rec, dict) or not all(isinstance(rec.get(r), str) for r in refs):
                raise Bad(f"{where}.data.{part}[{j}]: expected an object with {', '.join(refs)}")
    return data
