"""What relationship health reads and keeps: survey answers and the contact cadence of each buying role.

Survey answers are append-only (see `SurveyAnswer.__sync__`): they are added and deleted, never edited.
These functions never commit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import enums
from app.models.entities import (
    AccountTeam,
    Action,
    Interaction,
    InteractionParticipant,
    Link,
    Person,
    RoleCadence,
    SurveyAnswer,
)
from app.models.repositories.common import InvalidInput, clean_text

Key = tuple[str, int]


def validate_answer(recommend: Any, satisfaction: Any, answered_on: Any) -> None:
    if isinstance(recommend, bool) or not isinstance(recommend, int) or not 0 <= recommend <= 10:
        raise InvalidInput(f"The recommend score is 0 to 10, not {recommend}")
    if satisfaction is not None and (isinstance(satisfaction, bool) or not isinstance(satisfaction, int)
                                     or not 1 <= satisfaction <= 5):
        raise InvalidInput(f"The satisfaction score is 1 to 5, not {satisfaction}")
    if not isinstance(answered_on, dt.date) or isinstance(answered_on, dt.datetime):
        raise InvalidInput("A survey answer needs a date")


def add_answer(session: Session, person_id: int, answered_on: dt.date, recommend: int,
               satisfaction: int | None = None, comment: str | None = None) -> SurveyAnswer:
    """Record one answer of a person; the account is the person's."""
    validate_answer(recommend, satisfaction, answered_on)
    person = session.get(Person, person_id)
    if person is None:
        raise InvalidInput(f"Person {person_id} does not exist")
    answer = SurveyAnswer(account_id=person.account_id, person_id=person_id, answered_on=answered_on,
                          recommend=recommend, satisfaction=satisfaction, comment=clean_text(comment))
    session.add(answer)
    session.flush()
    return answer


def answers_of(session: Session, account_id: int) -> list[SurveyAnswer]:
    """An account's answers, oldest first (one date in the order they were given)."""
    return list(session.scalars(select(SurveyAnswer).where(SurveyAnswer.account_id == account_id)
                                .order_by(SurveyAnswer.answered_on, SurveyAnswer.id)))


def answer_rows(session: Session, account_id: int) -> list[tuple]:
    """(person id, date, recommend, satisfaction, comment) of an account's answers, oldest first."""
    stmt = (select(SurveyAnswer.person_id, SurveyAnswer.answered_on, SurveyAnswer.recommend,
                   SurveyAnswer.satisfaction, SurveyAnswer.comment)
            .where(SurveyAnswer.account_id == account_id).order_by(SurveyAnswer.answered_on, SurveyAnswer.id))
    return [tuple(r) for r in session.execute(stmt)]


def touch_rows(session: Session, account_id: int) -> list[tuple[dt.datetime, str, list[Key]]]:
    """(when, channel, participants) of an account's interactions, in two queries."""
    found: dict[int, tuple[dt.datetime, str, list[Key]]] = {}
    for ident, when, channel in session.execute(
            select(Interaction.id, Interaction.occurred_at, Interaction.channel)
            .where(Interaction.account_id == account_id).order_by(Interaction.id)):
        found[ident] = (when, channel, [])
    if found:
        stmt = (select(InteractionParticipant.interaction_id, InteractionParticipant.person_id,
                       InteractionParticipant.member_id)
                .join(Interaction, Interaction.id == InteractionParticipant.interaction_id)
                .where(Interaction.account_id == account_id))
        for ident, person_id, member_id in session.execute(stmt):
            found[ident][2].append(("person", person_id) if person_id is not None else ("member", member_id))
    return list(found.values())


def cadence_rows(session: Session, account_id: int, before: dt.datetime) -> list[tuple]:
    """(id, name, role, own cadence, latest interaction before ``before`` or None) of the account's people who
    have not left — what an overdue-cadence list needs, the latest contact computed by the database."""
    latest = (select(InteractionParticipant.person_id.label("person_id"),
                     func.max(Interaction.occurred_at).label("last"))
              .join(Interaction, Interaction.id == InteractionParticipant.interaction_id)
              .where(Interaction.account_id == account_id, Interaction.occurred_at < before,
                     InteractionParticipant.person_id.is_not(None))
              .group_by(InteractionParticipant.person_id).subquery())
    stmt = (select(Person.id, Person.name, Person.role, Person.cadence_days, latest.c.last)
            .outerjoin(latest, latest.c.person_id == Person.id)
            .where(Person.account_id == account_id, Person.archived.is_(False)).order_by(Person.id))
    return [tuple(r) for r in session.execute(stmt)]


def strongest_cover(session: Session, account_id: int) -> dict[int, int]:
    """Person id → the team member (on the account's team) with the strongest covers link to them."""
    stmt = (select(Link.target_person_id, Link.source_member_id, Link.strength)
            .join(AccountTeam, (AccountTeam.member_id == Link.source_member_id)
                  & (AccountTeam.account_id == account_id))
            .where(Link.account_id == account_id, Link.kind == "covers", Link.target_person_id.is_not(None))
            .order_by(Link.id))
    best: dict[int, tuple[int, int]] = {}
    for person_id, member_id, strength in session.execute(stmt):
        if person_id not in best or strength > best[person_id][0]:
            best[person_id] = (strength, member_id)
    return {person_id: member for person_id, (_strength, member) in best.items()}


def people_with_open_actions(session: Session, account_id: int) -> set[int]:
    return set(session.scalars(select(Action.person_id).where(
        Action.account_id == account_id, Action.status == "open", Action.person_id.is_not(None))))


# -- contact cadence of each buying role --------------------------------------------------------------
def role_cadences(session: Session) -> dict[str, int | None]:
    """The roles whose cadence the user changed (None: no cadence for that role)."""
    return {role: days for role, days in session.execute(select(RoleCadence.role, RoleCadence.days))}


def set_role_cadence(session: Session, role: str, days: int | None, reset: bool = False) -> tuple[bool, int | None]:
    """Set a role's cadence (None: none), or with ``reset`` go back to the built-in default.

    Returns (whether the role had a cadence of the user's, that cadence), so the change can be undone."""
    if role not in enums.BUYING_ROLES:
        raise InvalidInput(f"Unknown buying role: {role}")
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days <= 0):
        raise InvalidInput(f"A contact cadence is a number of days above 0, not {days}")
    row = session.get(RoleCadence, role)
    old = (row is not None, row.days if row is not None else None)
    if reset:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(RoleCadence(role=role, days=days))
    else:
        row.days = days
    session.flush()
    return old
