"""Log calendar events as interactions of one account, in the caller's transaction (never commits).

An event becomes an interaction when its attendees (the organizer counts) include people of the account,
matched by e-mail, then by name; the account's team members among them become participants too. An event
already imported (same UID and recurrence) is left alone, so importing a file again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.io.ics_import import Attendee, EventRow
from app.io.report import ImportRefused, ImportReport
from app.io.rows import normalise_name
from app.models.entities import Account, AccountTeam, Interaction, InteractionParticipant, Person, TeamMember


class _Directory:
    """People (or team members) findable by e-mail, then by a name that belongs to one of them only."""

    def __init__(self, rows: Iterable[tuple[int, str, str | None]]) -> None:
        self.by_email: dict[str, int] = {}
        self.names: dict[int, str] = {}
        names: dict[str, set[int]] = {}
        for ident, name, email in rows:
            self.names[ident] = name
            if email:
                self.by_email.setdefault(email.strip().casefold(), ident)
            names.setdefault(normalise_name(name or ""), set()).add(ident)
        self.by_name = {norm: next(iter(ids)) for norm, ids in names.items() if norm and len(ids) == 1}

    def find(self, attendee: Attendee) -> int | None:
        if attendee.email and attendee.email in self.by_email:
            return self.by_email[attendee.email]
        return self.by_name.get(normalise_name(attendee.name)) if attendee.name else None


def apply_events(session: Session, account_name: str, events: list[EventRow], report: ImportReport,
                 dry_run: bool) -> ImportReport:
    account_id = session.scalar(select(Account.id).where(Account.name == account_name))
    if account_id is None:
        raise ImportRefused(report.source, f"no account named “{account_name}”; calendar events are logged on an "
                                           "account that has people")
    people = _Directory(session.execute(select(Person.id, Person.name, Person.email)
                                        .where(Person.account_id == account_id).order_by(Person.id)).all())
    members = _Directory(session.execute(
        select(TeamMember.id, TeamMember.name, TeamMember.email)
        .join(AccountTeam, AccountTeam.member_id == TeamMember.id)
        .where(AccountTeam.account_id == account_id).order_by(TeamMember.id)).all())
    known = set(session.scalars(select(Interaction.source_uid).where(
        Interaction.account_id == account_id, Interaction.source_uid.is_not(None))))
    for event in events:
        person_ids: list[int] = []
        member_ids: list[int] = []
        for attendee in event.attendees:
            ident = people.find(attendee)
            if ident is not None:
                if ident not in person_ids:
                    person_ids.append(ident)
                continue
            ident = members.find(attendee)
            if ident is not None and ident not in member_ids:
                member_ids.append(ident)
        who = [people.names[p] for p in person_ids] + [members.names[m] for m in member_ids]
        if not person_ids:
            report.events_skipped += 1
            shown = [a.name or a.email for a in event.attendees]
            report.events.append(("skipped", event.start, event.channel, event.summary, shown))
            continue
        if event.key in known:
            report.events_known += 1
            report.events.append(("known", event.start, event.channel, event.summary, who))
            continue
        report.events.append(("added", event.start, event.channel, event.summary, who))
        known.add(event.key)
        report.interactions_added += 1
        if dry_run:
            continue
        interaction_id = session.execute(insert(Interaction.__table__).values(
            account_id=account_id, occurred_at=event.start, channel=event.channel, summary=event.summary or None,
            source_uid=event.key).returning(Interaction.__table__.c.id)).scalar_one()
        participants = [{"interaction_id": interaction_id, "person_id": p, "member_id": None} for p in person_ids]
        participants += [{"interaction_id": interaction_id, "person_id": None, "member_id": m} for m in member_ids]
        session.execute(insert(InteractionParticipant.__table__), participants)
    report.applied = not dry_run
    return report
