"""An account's history as the input of relationship health (plain values, safe to hand to a worker)."""

from __future__ import annotations

import datetime as dt

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
