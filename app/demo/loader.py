"""Load the demo accounts into a session.

Each account module (manufacturer, bank, retail) holds its data as plain tables:

- ``ACCOUNT``: profile fields, with ``owner`` given as a team member's name; ``RATINGS``: criterion code → 0–5;
  ``TEAM``: names of the team members working on the account; ``EMAIL_DOMAIN``.
- ``PEOPLE``: (key, name, title, department, manager's key, role, stance, influence, competitor preference,
  contact) where contact holds "e" when we have an e-mail address and "p" when we have a phone number.
  ``ARCHIVED`` lists the keys of people who left; ``NOTES`` maps keys to notes.
- ``LINKS``: (kind, source key, target key, strength, notes); ``COVERS``: (member, person key, level, notes).
- ``NEEDS``: (person key or None for the account's own, kind, priority, status, description, value proposition).
- ``INTERACTIONS``: (days before today, "HH:MM", channel, sentiment, participants, summary) where participants
  is a space-separated list of person keys and team member names.
- ``ACTIONS``: (title, owner, due in days from today (negative: past), person key or None, priority, status, notes).
- ``OPPORTUNITY``: fields of the opportunity, with ``close_in_days`` for the expected close date.
- ``SURVEYS``: (person key, days before today, recommend 0–10, satisfaction 1–5 or None, comment or None).
- ``CALENDAR``: interactions that came in from a calendar file: (days before today, "HH:MM", channel,
  participants, summary, the event's UID) — the UID is what makes a re-import of that calendar change nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import ModuleType

from sqlalchemy.orm import Session

from app.demo import bank, manufacturer, retail, team
from app.models.entities import (
    Action,
    Interaction,
    InteractionParticipant,
    Need,
    Opportunity,
    Person,
    SurveyAnswer,
    TeamMember,
)
from app.models.repositories import accounts as account_repo
from app.models.repositories import links as link_repo
from app.models.repositories import people as people_repo
from app.models.repositories import qualification
from app.models.repositories import team as team_repo

_MODULES: tuple[ModuleType, ...] = (manufacturer, bank, retail)

DEMO_ACCOUNT_NAMES: tuple[str, ...] = tuple(m.ACCOUNT["name"] for m in _MODULES)


def load_demo(session: Session, today: dt.date | None = None) -> list[str]:
    """Add the demo accounts that are not yet in the database (idempotent: running it twice adds
    nothing the second time; matching by account name, team members by name). Returns the names of
    the accounts it created. Dates are relative to `today` (default: date.today())."""
    today = today or dt.date.today()
    members = _Members(session)
    created = []
    for number, module in enumerate(_MODULES, start=1):
        if account_repo.find_account_by_name(session, module.ACCOUNT["name"]) is not None:
            continue
        _load_account(session, module, number, members, today)
        created.append(module.ACCOUNT["name"])
    return created


class _Members:
    """Team members by name, created on first use so that a repeated load reuses them."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._rows = {row[0]: row for row in team.MEMBERS}
        self._cache: dict[str, TeamMember] = {}

    def __getitem__(self, name: str) -> TeamMember:
        if name not in self._cache:
            member = team_repo.find_member_by_name(self._session, name)
            if member is None:
                _, title, role, mail, phone, notes = self._rows[name]
                member = team_repo.add_member(
                    self._session,
                    name,
                    title=title,
                    team_role=role,
                    email=f"{mail}@{team.EMAIL_DOMAIN}",
                    phone=phone,
                    notes=notes,
                )
            self._cache[name] = member
        return self._cache[name]


def _phone(seed: int) -> str:
    # Deterministic, so that two loads of the demo show the same numbers.
    n = (seed * 7919 + 104729) % 10**8
    return f"1{'3589'[seed % 4]}{seed % 10}-{n // 10**4:04d}-{n % 10**4:04d}"


def _load_account(session: Session, m: ModuleType, number: int, members: _Members, today: dt.date) -> None:
    fields = dict(m.ACCOUNT)
    owner = members[fields.pop("owner")]
    fields["annual_revenue"] = Decimal(fields["annual_revenue"])
    account = account_repo.create_account(session, owner_id=owner.id, **fields)
    aid = account.id
    for name in m.TEAM:
        team_repo.assign(session, aid, members[name].id)

    people: dict[str, Person] = {}
    for index, (key, name, title, dept, _boss, role, stance, infl, rival, contact) in enumerate(m.PEOPLE):
        people[key] = people_repo.add_person(
            session,
            aid,
            name,
            title=title,
            department=dept,
            role=role,
            stance=stance,
            influence=infl,
            competitor_preference=rival,
            email=f"{key}@{m.EMAIL_DOMAIN}" if "e" in contact else None,
            phone=_phone(number * 100 + index) if "p" in contact else None,
            notes=m.NOTES.get(key),
            archived=key in m.ARCHIVED,
        )
    for key, _name, _title, _dept, boss, *_rest in m.PEOPLE:
        if boss is not None:
            link_repo.add_link(
                session,
                aid,
                "reports_to",
                source_person_id=people[key].id,
                target_person_id=people[boss].id,
                strength=5,
            )
    for kind, source, target, strength, notes in m.LINKS:
        link_repo.add_link(
            session,
            aid,
            kind,
            source_person_id=people[source].id,
            target_person_id=people[target].id,
            strength=strength,
            notes=notes,
        )
    for member, key, level, notes in m.COVERS:
        link_repo.add_link(
            session,
            aid,
            "covers",
            source_member_id=members[member].id,
            target_person_id=people[key].id,
            strength=level,
            notes=notes,
        )

    ratings = m.RATINGS
    fallback = round(sum(ratings.values()) / len(ratings))  # for criteria the user added
    for criterion in qualification.criteria(session):
        qualification.set_rating(session, aid, criterion.id, ratings.get(criterion.code, fallback))

    for key, kind, priority, status, description, proposition in m.NEEDS:
        session.add(
            Need(
                account_id=aid,
                person_id=people[key].id if key else None,
                kind=kind,
                priority=priority,
                status=status,
                description=description,
                value_proposition=proposition,
            )
        )

    logged = [(*row, None) for row in m.INTERACTIONS]
    logged += [(days_ago, clock, channel, None, who, summary, uid)
               for days_ago, clock, channel, who, summary, uid in getattr(m, "CALENDAR", ())]
    for days_ago, clock, channel, sentiment, who, summary, uid in logged:
        hour, minute = map(int, clock.split(":"))
        interaction = Interaction(
            account_id=aid,
            occurred_at=dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(hour, minute)),
            channel=channel,
            sentiment=sentiment,
            summary=summary,
            source_uid=uid,
        )
        for token in who.split():
            if token in people:
                interaction.participants.append(InteractionParticipant(person_id=people[token].id))
            else:
                interaction.participants.append(InteractionParticipant(member_id=members[token].id))
        session.add(interaction)

    for key, days_ago, recommend, satisfaction, comment in getattr(m, "SURVEYS", ()):
        session.add(SurveyAnswer(account_id=aid, person_id=people[key].id,
                                 answered_on=today - dt.timedelta(days=days_ago), recommend=recommend,
                                 satisfaction=satisfaction, comment=comment))

    for title, owner_name, due_in, key, priority, status, notes in m.ACTIONS:
        session.add(
            Action(
                account_id=aid,
                title=title,
                owner_id=members[owner_name].id,
                due_date=today + dt.timedelta(days=due_in),
                person_id=people[key].id if key else None,
                priority=priority,
                status=status,
                notes=notes,
            )
        )

    opp = dict(m.OPPORTUNITY)
    close_in = opp.pop("close_in_days")
    session.add(
        Opportunity(
            account_id=aid,
            currency="CNY",
            expected_close=today + dt.timedelta(days=close_in),
            **{**opp, "value": Decimal(opp["value"])},
        )
    )
    session.flush()
