"""An account's history as the input of relationship health (plain values, safe to hand to a worker)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.document.records import MapData
from app.models.repositories import account_records as records_repo
from app.models.repositories import health as health_repo


def role_cadence_defaults(overrides: dict[str, int | None]) -> dict[str, int]:
    """The built-in cadence of each buying role with the user's changes over it (None: no cadence)."""
    from app.analysis.health import DEFAULT_CADENCE_DAYS

    merged: dict[str, int | None] = {**DEFAULT_CADENCE_DAYS, **overrides}
    return {role: days for role, days in merged.items() if days is not None}


def read_health_input(session: Session, data: MapData, today: dt.date | None = None):
    """Interactions, survey answers, resolved cadences, the latest snapshot's stances and who left."""
    from app.analysis import Answer, HealthInput, Node, Touch
    from app.analysis.health import cadence_for

    account_id = data.account_id
    touches = tuple(Touch(when.date(), channel, frozenset(parts))
                    for when, channel, parts in health_repo.touch_rows(session, account_id))
    answers = tuple(Answer(("person", person_id), day, recommend, satisfaction, comment)
                    for person_id, day, recommend, satisfaction, comment
                    in health_repo.answer_rows(session, account_id))
    defaults = role_cadence_defaults(health_repo.role_cadences(session))
    cadence = {}
    for person in data.people:
        days = cadence_for(person.cadence_days, person.role, defaults)
        if days is not None and not person.archived:
            cadence[("person", person.id)] = days
    snapshots = records_repo.snapshots_of(session, account_id)
    stances = {}
    if snapshots:
        for entry in (snapshots[0].data or {}).get("people", []):
            if isinstance(entry, dict) and isinstance(entry.get("id"), int) and isinstance(entry.get("stance"), str):
                stances[("person", entry["id"])] = entry["stance"]
    departed = tuple(Node(("person", p.id), p.name, p.role, p.stance, p.influence) for p in data.people if p.archived)
    return HealthInput(today=today, interactions=touches, answers=answers, cadence=cadence,
                       snapshot_stances=stances, departed=departed)


@dataclass(frozen=True)
class OverdueContact:
    """A person whose contact cadence is overdue, and who would own the meeting that catches up."""

    person_id: int
    name: str
    role: str | None
    cadence_days: int
    last_contact_days: int | None  # None: no contact on record
    owner_id: int | None  # the team member with the strongest relationship to them (on the account's team)
    planned: bool  # an open next action with them exists already


def read_overdue_contacts(session: Session, account_id: int, today: dt.date) -> list[OverdueContact]:
    """The account's overdue cadences, longest overdue first — three queries, no map and no graph analysis,
    so that the list beside the next actions can follow every edit."""
    from app.analysis import Touch
    from app.analysis.health import cadence_for, overdue_contacts

    tomorrow = dt.datetime.combine(today + dt.timedelta(days=1), dt.time())  # later ones have not happened
    defaults = role_cadence_defaults(health_repo.role_cadences(session))
    people, cadence, touches = {}, {}, []
    for person_id, name, role, own, last in health_repo.cadence_rows(session, account_id, tomorrow):
        every = cadence_for(own, role, defaults)
        if every is None:
            continue
        key = ("person", person_id)
        people[person_id], cadence[key] = (name, role), every
        if last is not None:  # the latest contact is all the measure reads
            touches.append(Touch(last.date(), "", frozenset((key,))))
    if not cadence:
        return []
    owners = health_repo.strongest_cover(session, account_id)
    planned = health_repo.people_with_open_actions(session, account_id)
    found = []
    for (_kind, person_id), every, days in overdue_contacts(cadence, touches, today):
        name, role = people[person_id]
        found.append(OverdueContact(person_id, name, role, every, days, owners.get(person_id), person_id in planned))
    return found
