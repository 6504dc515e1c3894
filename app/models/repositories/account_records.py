"""Needs, interactions, next actions, opportunities and snapshots of an account. They never commit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import enums
from app.models.entities import (
    Action,
    Interaction,
    InteractionParticipant,
    Need,
    Opportunity,
    OpportunityPerson,
    Snapshot,
)
from app.models.repositories.common import InvalidInput, clean_text, get_or_fail, update_fields

NEED_FIELDS = ("person_id", "kind", "description", "priority", "status", "value_proposition")
INTERACTION_FIELDS = ("occurred_at", "channel", "summary", "sentiment")
ACTION_FIELDS = ("title", "owner_id", "due_date", "person_id", "priority", "status", "notes", "requester_id")
OPPORTUNITY_FIELDS = ("name", "value", "currency", "stage", "probability", "expected_close", "competitors", "notes")

Key = tuple[str, int]


def _check(fields: dict[str, Any], allowed: dict[str, tuple]) -> None:
    for name, values in allowed.items():
        if name in fields and fields[name] not in values:
            raise InvalidInput(f"Unknown {name.replace('_', ' ')}: {fields[name]}")


# -- needs -----------------------------------------------------------------------------------------
def validate_need(fields: dict[str, Any]) -> None:
    if "description" in fields and not clean_text(fields["description"]):
        raise InvalidInput("A need needs a description")
    _check(fields, {"kind": enums.NEED_KINDS, "status": enums.NEED_STATUSES, "priority": enums.PRIORITIES})


def add_need(session: Session, account_id: int, description: str, **fields: Any) -> Need:
    fields = {"description": description, **fields}
    validate_need(fields)
    need = Need(account_id=account_id, **{k: clean_text(v) for k, v in fields.items()})
    session.add(need)
    session.flush()
    return need


def update_need(session: Session, need_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    validate_need(changes)
    return update_fields(session, Need, need_id, changes, NEED_FIELDS)


def needs_of(session: Session, account_id: int) -> list[Need]:
    return list(session.scalars(select(Need).where(Need.account_id == account_id).order_by(Need.id)))


# -- interactions ----------------------------------------------------------------------------------
def validate_interaction(fields: dict[str, Any]) -> None:
    _check(fields, {"channel": enums.CHANNELS})
    sentiment = fields.get("sentiment")
    if sentiment is not None and sentiment not in (-2, -1, 0, 1, 2):
        raise InvalidInput(f"Sentiment is −2 to +2, not {sentiment}")
    if "occurred_at" in fields and not isinstance(fields["occurred_at"], dt.datetime):
        raise InvalidInput("An interaction needs a date and time")


def _set_participants(session: Session, interaction_id: int, participants: list[Key]) -> None:
    session.execute(delete(InteractionParticipant).where(InteractionParticipant.interaction_id == interaction_id))
    for kind, ident in dict.fromkeys(participants):
        session.add(InteractionParticipant(interaction_id=interaction_id,
                                           person_id=ident if kind == "person" else None,
                                           member_id=ident if kind == "member" else None))
    session.flush()


def participants_of(session: Session, interaction_id: int) -> list[Key]:
    rows = session.execute(select(InteractionParticipant.person_id, InteractionParticipant.member_id)
                           .where(InteractionParticipant.interaction_id == interaction_id)
                           .order_by(InteractionParticipant.id))
    return [("person", p) if p is not None else ("member", m) for p, m in rows]


def add_interaction(session: Session, account_id: int, occurred_at: dt.datetime, channel: str,
                    participants: list[Key] = (), **fields: Any) -> Interaction:
    fields = {"occurred_at": occurred_at, "channel": channel, **fields}
    validate_interaction(fields)
    interaction = Interaction(account_id=account_id, **{k: clean_text(v) for k, v in fields.items()})
    session.add(interaction)
    session.flush()
    _set_participants(session, interaction.id, list(participants))
    return interaction


def update_interaction(session: Session, interaction_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    changes = dict(changes)
    participants = changes.pop("participants", None)
    validate_interaction(changes)
    old = update_fields(session, Interaction, interaction_id, changes, INTERACTION_FIELDS) if changes else {}
    if participants is not None:
        old["participants"] = participants_of(session, interaction_id)
        _set_participants(session, interaction_id, list(participants))
    return old


def interactions_of(session: Session, account_id: int) -> list[tuple[Interaction, list[Key]]]:
    found = list(session.scalars(select(Interaction).where(Interaction.account_id == account_id)
                                 .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())))
    ids = [i.id for i in found]
    by_interaction: dict[int, list[Key]] = {i: [] for i in ids}
    if ids:
        rows = session.execute(select(InteractionParticipant.interaction_id, InteractionParticipant.person_id,
                                      InteractionParticipant.member_id)
                               .where(InteractionParticipant.interaction_id.in_(ids))
                               .order_by(InteractionParticipant.id))
        for interaction_id, p, m in rows:
            by_interaction[interaction_id].append(("person", p) if p is not None else ("member", m))
    return [(i, by_interaction[i.id]) for i in found]


# -- next actions ----------------------------------------------------------------------------------
def validate_action(fields: dict[str, Any]) -> None:
    if "title" in fields and not clean_text(fields["title"]):
        raise InvalidInput("An action needs a title")
    _check(fields, {"status": enums.ACTION_STATUSES, "priority": enums.PRIORITIES})


def add_action(session: Session, account_id: int, title: str, **fields: Any) -> Action:
    fields = {"title": title, **fields}
    validate_action(fields)
    action = Action(account_id=account_id, **{k: clean_text(v) for k, v in fields.items()})
    session.add(action)
    session.flush()
    return action


def update_action(session: Session, action_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    validate_action(changes)
    return update_fields(session, Action, action_id, changes, ACTION_FIELDS)


def actions_of(session: Session, account_id: int) -> list[Action]:
    return list(session.scalars(select(Action).where(Action.account_id == account_id)
                                .order_by(Action.due_date.is_(None), Action.due_date, Action.id)))


# -- opportunities ---------------------------------------------------------------------------------
def validate_opportunity(fields: dict[str, Any]) -> None:
    if "name" in fields and not clean_text(fields["name"]):
        raise InvalidInput("An opportunity needs a name")
    _check(fields, {"stage": enums.OPPORTUNITY_STAGES})
    probability = fields.get("probability")
    if probability is not None and not 0 <= probability <= 100:
        raise InvalidInput(f"Probability is 0 to 100 %, not {probability}")
    if fields.get("value") is not None:
        fields["value"] = Decimal(str(fields["value"]))
        if fields["value"] < 0:
            raise InvalidInput("A value cannot be negative")


def opportunity_people(session: Session, opportunity_id: int) -> list[int]:
    """Ids of the people who take part in the opportunity's decision."""
    return list(session.scalars(select(OpportunityPerson.person_id)
                                .where(OpportunityPerson.opportunity_id == opportunity_id)
                                .order_by(OpportunityPerson.person_id)))


def _set_opportunity_people(session: Session, opportunity_id: int, person_ids) -> None:
    session.execute(delete(OpportunityPerson).where(OpportunityPerson.opportunity_id == opportunity_id))
    for person_id in dict.fromkeys(person_ids):
        session.add(OpportunityPerson(opportunity_id=opportunity_id, person_id=person_id))
    session.flush()


def add_opportunity(session: Session, account_id: int, name: str, people=(), **fields: Any) -> Opportunity:
    fields = {"name": name, **fields}
    validate_opportunity(fields)
    opportunity = Opportunity(account_id=account_id, **{k: clean_text(v) for k, v in fields.items()})
    session.add(opportunity)
    session.flush()
    _set_opportunity_people(session, opportunity.id, people)
    return opportunity


def update_opportunity(session: Session, opportunity_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    changes = dict(changes)
    people = changes.pop("people", None)
    validate_opportunity(changes)
    old = update_fields(session, Opportunity, opportunity_id, changes, OPPORTUNITY_FIELDS) if changes else {}
    if people is not None:
        old["people"] = tuple(opportunity_people(session, opportunity_id))
        _set_opportunity_people(session, opportunity_id, people)
    return old


def opportunities_of(session: Session, account_id: int) -> list[Opportunity]:
    return list(session.scalars(select(Opportunity).where(Opportunity.account_id == account_id)
                                .order_by(Opportunity.expected_close.is_(None), Opportunity.expected_close,
                                          Opportunity.id)))


# -- snapshots -------------------------------------------------------------------------------------
def add_snapshot(session: Session, account_id: int, name: str, taken_at: dt.datetime, data: dict) -> Snapshot:
    if not clean_text(name):
        raise InvalidInput("A snapshot needs a name")
    snapshot = Snapshot(account_id=account_id, name=clean_text(name), taken_at=taken_at, data=data)
    session.add(snapshot)
    session.flush()
    return snapshot


def snapshots_of(session: Session, account_id: int) -> list[Snapshot]:
    return list(session.scalars(select(Snapshot).where(Snapshot.account_id == account_id)
                                .order_by(Snapshot.taken_at.desc(), Snapshot.id.desc())))


def get_snapshot(session: Session, snapshot_id: int) -> Snapshot:
    return get_or_fail(session, Snapshot, snapshot_id)
