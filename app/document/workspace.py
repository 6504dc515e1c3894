"""The workspace: one open database and every change made to it.

Each public method that changes data runs in its own session, commits, and only then emits a signal
naming what changed, so the panels never show something the file does not hold. Methods raise
``InvalidInput`` before anything is written when a value cannot be stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from app.document.account_records import AccountRecordsMixin
from app.document.account_team import TEAM_TABLES, AccountTeamMixin
from app.document.map_reading import link_from_row as _link_from_row
from app.document.map_reading import read_map_data
from app.document.records import (
    AccountRecord,
    Change,
    CriterionRecord,
    LinkRecord,
    MapData,
    MemberRecord,
    PersonRecord,
)
from app.document.summary import AccountSummary
from app.document.team import TeamMixin
from app.models import Account, Link, Person, QualificationCriterion, TeamMember
from app.models.repositories import accounts as accounts_repo
from app.models.repositories import links as links_repo
from app.models.repositories import map_data as map_repo
from app.models.repositories import people as people_repo
from app.models.repositories import qualification as qual_repo
from app.models.repositories import team as team_repo
from app.models.repositories.deletion import DeletionRecord, delete_with_record, restore
from app.storage.database import Database

T = TypeVar("T")


def _person_record(p: Person) -> PersonRecord:
    return PersonRecord(**{f: getattr(p, f) for f in PersonRecord.__dataclass_fields__})


def _member_record(m: TeamMember) -> MemberRecord:
    return MemberRecord(**{f: getattr(m, f) for f in MemberRecord.__dataclass_fields__})


def _link_record(link: Link) -> LinkRecord:
    source = ("person", link.source_person_id) if link.source_person_id else ("member", link.source_member_id)
    target = ("person", link.target_person_id) if link.target_person_id else ("member", link.target_member_id)
    return LinkRecord(link.id, link.account_id, link.kind, link.strength, source, target, link.notes)


class Workspace(AccountRecordsMixin, AccountTeamMixin, TeamMixin, QObject):
    accounts_changed = Signal(object)  # Change
    people_changed = Signal(object)
    team_changed = Signal(object)
    links_changed = Signal(object)
    qualification_changed = Signal(object)
    positions_changed = Signal(object)  # Change with data = {("person"|"member", id): (x, y)}
    needs_changed = Signal(object)
    interactions_changed = Signal(object)
    actions_changed = Signal(object)
    opportunities_changed = Signal(object)
    snapshots_changed = Signal(object)
    account_team_changed = Signal(object)  # templates, roles per account, competency profiles and needs
    surveys_changed = Signal(object)
    cadences_changed = Signal(object)  # the cadence of a buying role, shared by all accounts
    conflicts_changed = Signal(object)  # open sync conflicts and possible duplicates (app.document.team)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        from app.document import team_access

        team_access.install(database)  # edits of a read-only team account are refused in the file

    # -- plumbing -------------------------------------------------------------------------------
    def _write(self, work: Callable[[Session], T], *changes: tuple[Signal, Change]) -> T:
        from sqlalchemy.exc import IntegrityError

        from app.document import team_access

        try:
            with self.database.session() as session:
                result = work(session)
        except IntegrityError as exc:
            if team_access.is_refusal(exc):
                from app.document.team import refusal_message

                raise team_access.ReadOnlyAccount(refusal_message(exc)) from exc
            raise
        for signal, change in changes:
            signal.emit(change)
        return result

    def _read(self, work: Callable[[Session], T]) -> T:
        with self.database.read_session() as session:
            return work(session)

    def _announce(self, record: DeletionRecord) -> None:
        """Announce every kind of row that a delete removed or a restore brought back.

        Both directions go through here, so the undo of a delete (or the redo of a create) emits exactly
        the signals that the delete emitted, with the same ids and scopes.
        """
        rows, nulled = record.rows, record.nulled

        def ids(table: str) -> tuple[int, ...]:
            return tuple(r["id"] for r in rows.get(table, ()))

        def accounts_of(*tables: str) -> set[int]:
            return {r["account_id"] for t in tables for r in rows.get(t, ())}

        def scope(account_ids: set[int]) -> int | None:
            return next(iter(account_ids)) if len(account_ids) == 1 else None

        if "person" in rows:
            self.people_changed.emit(Change("person", ids("person"), scope(accounts_of("person"))))
        if "team_member" in rows or "account_team" in rows:
            self.team_changed.emit(Change("member", ids("team_member"), scope(accounts_of("account_team"))))
        if "link" in rows:
            self.links_changed.emit(Change("link", ids("link"), scope(accounts_of("link"))))
        if "qualification_criterion" in rows:
            self.qualification_changed.emit(Change("criterion", ids("qualification_criterion")))
        elif "qualification_rating" in rows:
            self.qualification_changed.emit(
                Change("rating", (), scope(accounts_of("qualification_rating")))
            )
        for table, signal in (("need", self.needs_changed), ("interaction", self.interactions_changed),
                              ("action", self.actions_changed), ("opportunity", self.opportunities_changed),
                              ("snapshot", self.snapshots_changed), ("survey_answer", self.surveys_changed)):
            nulled_here = {pk["id"] for t, pk, _c, _v in nulled if t == table}
            if table in rows or nulled_here:
                signal.emit(Change(table, ids(table) + tuple(sorted(nulled_here)), scope(accounts_of(table))))
        team_rows = [table for table in TEAM_TABLES if table in rows]
        if team_rows:
            self.account_team_changed.emit(
                Change(team_rows[0], (), scope(accounts_of("account_team_role", "account_competency_need"))))
        if "opportunity_person" in rows and "opportunity" not in rows:
            self.opportunities_changed.emit(Change("opportunity", (), None))
        if "interaction_participant" in rows and "interaction" not in rows:
            self.interactions_changed.emit(Change("interaction", (), None))
        if "account" in rows:
            self.accounts_changed.emit(Change("account", ids("account")))
        else:
            # The account list counts people and team members and shows each account's owner.
            affected = accounts_of("person", "account_team") | {pk["id"] for t, pk, _c, _v in nulled if t == "account"}
            if affected:
                self.accounts_changed.emit(Change("account", tuple(sorted(affected)), scope(affected)))

    def restore(self, record: DeletionRecord) -> None:
        """Bring back rows removed by one of the delete methods (undo of a delete, redo of a create)."""
        self._write(lambda s: restore(s, record))
        self._announce(record)

    def _delete(self, model: type, ident: int) -> DeletionRecord:
        record = self._write(lambda s: delete_with_record(s, model, [ident]))
        self._announce(record)
        return record

    # -- accounts -------------------------------------------------------------------------------
    def account_summaries(self) -> list[AccountSummary]:
        return [AccountSummary(*row) for row in self._read(accounts_repo.account_summaries)]

    def account(self, account_id: int) -> AccountRecord:
        def work(s: Session) -> AccountRecord:
            a = accounts_repo.get_account(s, account_id)
            fields = {f: getattr(a, f) for f in AccountRecord.__dataclass_fields__ if f != "ratings"}
            return AccountRecord(**fields, ratings=qual_repo.ratings(s, account_id))

        return self._read(work)

    def account_owner_name(self, account_id: int) -> str | None:
        """The team member who owns the account: the author of its documents."""
        owner_id = self.account(account_id).owner_id
        return self.member(owner_id).name if owner_id is not None else None

    def account_id_by_name(self, name: str) -> int | None:
        def work(s: Session) -> int | None:
            found = accounts_repo.find_account_by_name(s, name)
            return found.id if found else None

        return self._read(work)

    def create_account(self, name: str, **fields: Any) -> int:
        account_id = self._write(lambda s: accounts_repo.create_account(s, name, **fields).id)
        self.accounts_changed.emit(Change("account", (account_id,)))
        return account_id

    def update_account(self, account_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        return self._write(
            lambda s: accounts_repo.update_account(s, account_id, changes),
            (self.accounts_changed, Change("account", (account_id,), account_id)),
        )

    def delete_account(self, account_id: int) -> DeletionRecord:
        return self._delete(Account, account_id)

    def distinct_values(self, field: str) -> list[str]:
        """Values already used for a free-text account field (industry, region, lead source)."""
        column = getattr(Account, field)

        def work(s: Session) -> list[str]:
            from sqlalchemy import select

            rows = s.scalars(select(column).where(column.is_not(None)).distinct().order_by(column))
            return [r for r in rows if r]

        return self._read(work)

    # -- people ---------------------------------------------------------------------------------
    def people(self, account_id: int, include_archived: bool = True) -> list[PersonRecord]:
        return self._read(
            lambda s: [_person_record(p) for p in people_repo.people_of(s, account_id, include_archived)]
        )

    def person(self, person_id: int) -> PersonRecord:
        return self._read(lambda s: _person_record(people_repo.get_person(s, person_id)))

    def add_person(self, account_id: int, name: str, **fields: Any) -> int:
        person_id = self._write(lambda s: people_repo.add_person(s, account_id, name, **fields).id)
        self.people_changed.emit(Change("person", (person_id,), account_id))
        self.accounts_changed.emit(Change("account", (account_id,), account_id))
        return person_id

    def update_person(self, person_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        def work(s: Session) -> tuple[dict[str, Any], int]:
            old = people_repo.update_person(s, person_id, changes)
            return old, people_repo.get_person(s, person_id).account_id

        old, account_id = self._write(work)
        self.people_changed.emit(Change("person", (person_id,), account_id))
        if "archived" in changes:
            self.accounts_changed.emit(Change("account", (account_id,), account_id))
        return old

    def delete_person(self, person_id: int) -> DeletionRecord:
        return self._delete(Person, person_id)

    # -- team members ---------------------------------------------------------------------------
    def members(self, include_archived: bool = True) -> list[MemberRecord]:
        return self._read(lambda s: [_member_record(m) for m in team_repo.all_members(s, include_archived)])

    def account_members(self, account_id: int) -> list[MemberRecord]:
        return self._read(lambda s: [_member_record(m) for m in team_repo.members_of(s, account_id)])

    def member(self, member_id: int) -> MemberRecord:
        return self._read(lambda s: _member_record(team_repo.get_member(s, member_id)))

    def add_member(self, name: str, account_id: int | None = None, x: float | None = None, y: float | None = None,
                   **fields: Any) -> int:
        def work(s: Session) -> int:
            member = team_repo.add_member(s, name, **fields)
            if account_id is not None:
                team_repo.assign(s, account_id, member.id, x, y)
            return member.id

        member_id = self._write(work)
        self.team_changed.emit(Change("member", (member_id,), account_id))
        if account_id is not None:
            self.accounts_changed.emit(Change("account", (account_id,), account_id))
        return member_id

    def update_member(self, member_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        return self._write(
            lambda s: team_repo.update_member(s, member_id, changes),
            (self.team_changed, Change("member", (member_id,))),
            (self.accounts_changed, Change("account", ())),
        )

    def delete_member(self, member_id: int) -> DeletionRecord:
        return self._delete(TeamMember, member_id)

    def assign_member(self, account_id: int, member_id: int, x: float | None = None, y: float | None = None) -> bool:
        return self._write(
            lambda s: team_repo.assign(s, account_id, member_id, x, y),
            (self.team_changed, Change("member", (member_id,), account_id)),
            (self.accounts_changed, Change("account", (account_id,), account_id)),
        )

    def unassign_member(self, account_id: int, member_id: int) -> dict[str, Any] | None:
        return self._write(
            lambda s: team_repo.unassign(s, account_id, member_id),
            (self.team_changed, Change("member", (member_id,), account_id)),
            (self.accounts_changed, Change("account", (account_id,), account_id)),
        )

    # -- the map --------------------------------------------------------------------------------
    def map_data(self, account_id: int) -> MapData:
        return self._read(lambda s: read_map_data(s, account_id))

    def people_by_id(self, account_id: int, ids: list[int]) -> list[PersonRecord]:
        return self._read(lambda s: [PersonRecord(*row) for row in map_repo.people_rows(s, account_id, ids)])

    def links_by_id(self, account_id: int, ids: list[int]) -> list[LinkRecord]:
        return self._read(lambda s: [_link_from_row(row) for row in map_repo.link_rows(s, account_id, ids)])

    def set_positions(self, account_id: int, positions: dict[tuple[str, int], tuple[float | None, float | None]]
                      ) -> dict[tuple[str, int], tuple[float | None, float | None]]:
        """Store where cards stand on an account's map; returns where they stood before."""
        if self.account_is_read_only(account_id):
            # Laid out for the eye only: a read-only team account keeps the team's positions in the file.
            old = self._read(lambda s: map_repo.positions(s, account_id, list(positions)))
        else:
            old = self._write(lambda s: map_repo.set_positions(s, account_id, positions))
        moved = {key: pos for key, pos in positions.items() if key in old}
        self.positions_changed.emit(Change("positions", tuple(i for _, i in moved), account_id, data=moved))
        return old

    # -- links ----------------------------------------------------------------------------------
    def links(self, account_id: int) -> list[LinkRecord]:
        return self._read(lambda s: [_link_record(link) for link in links_repo.links_of(s, account_id)])

    def add_link(self, account_id: int, kind: str, source: tuple[str, int], target: tuple[str, int],
                 strength: int = 3, notes: str | None = None) -> int:
        ends = {f"source_{source[0]}_id": source[1], f"target_{target[0]}_id": target[1]}
        link_id = self._write(
            lambda s: links_repo.add_link(s, account_id, kind, strength=strength, notes=notes, **ends).id
        )
        self.links_changed.emit(Change("link", (link_id,), account_id))
        return link_id

    def update_link(self, link_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        def work(s: Session) -> tuple[dict[str, Any], int]:
            return links_repo.update_link(s, link_id, changes), links_repo.get_link(s, link_id).account_id

        old, account_id = self._write(work)
        self.links_changed.emit(Change("link", (link_id,), account_id))
        return old

    def delete_link(self, link_id: int) -> DeletionRecord:
        return self._delete(Link, link_id)

    # -- qualification model --------------------------------------------------------------------
    def criteria(self) -> list[CriterionRecord]:
        return self._read(
            lambda s: [
                CriterionRecord(c.id, c.code, c.name, c.weight, c.position) for c in qual_repo.criteria(s)
            ]
        )

    def qualification_score(self, account_id: int) -> float | None:
        weights = {c.id: c.weight for c in self.criteria()}
        return qual_repo.score(weights, self.account(account_id).ratings)

    def set_rating(self, account_id: int, criterion_id: int, rating: int | None) -> int | None:
        return self._write(
            lambda s: qual_repo.set_rating(s, account_id, criterion_id, rating),
            (self.qualification_changed, Change("rating", (criterion_id,), account_id)),
        )

    def add_criterion(self, name: str, weight: float = 10.0) -> int:
        criterion_id = self._write(lambda s: qual_repo.add_criterion(s, name, weight).id)
        self.qualification_changed.emit(Change("criterion", (criterion_id,)))
        return criterion_id

    def update_criterion(self, criterion_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        return self._write(
            lambda s: qual_repo.update_criterion(s, criterion_id, changes),
            (self.qualification_changed, Change("criterion", (criterion_id,))),
        )

    def delete_criterion(self, criterion_id: int) -> DeletionRecord:
        return self._delete(QualificationCriterion, criterion_id)

    def announce_import(self, account_id: int | None) -> None:
        """A worker imported into ``account_id`` with its own session: let every view reload."""
        self.accounts_changed.emit(Change("account", ()))
        for signal, kind in ((self.people_changed, "person"), (self.team_changed, "member"),
                             (self.links_changed, "link")):
            signal.emit(Change(kind, (), account_id))

    def announce_pulled(self, rows: list) -> set:
        """A sync wrote ``rows`` into the file: emit what a local edit of them emits; returns the map cards that
        changed (see app.document.pulled)."""
        from app.document.pulled import announce_pulled

        return announce_pulled(self, rows)

    # -- bulk -----------------------------------------------------------------------------------
    def load_demo(self) -> list[str]:
        from app.demo import load_demo

        created = self._write(load_demo)
        self.accounts_changed.emit(Change("account", ()))
        self.team_changed.emit(Change("member", ()))
        return created
