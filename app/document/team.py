"""The workspace's methods for working with the team: open sync conflicts resolved as ordinary edits, possible
duplicates merged, read-only accounts, and who last changed a row on the team server.

Mixed into Workspace, which declares ``conflicts_changed``. A resolution writes the chosen value through the
same repository function as the panel that edits that row, in one transaction with the removal of the
conflict, so the change-capture triggers see a plain local edit and the next sync carries it. Undo writes the
previous value back and re-opens the conflict.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.document.records import Change
from app.document.team_access import ReadOnlyAccount
from app.i18n import translate
from app.models import Base, Person
from app.models.repositories import InvalidInput
from app.models.repositories import account_records as records_repo
from app.models.repositories import accounts as accounts_repo
from app.models.repositories import links as links_repo
from app.models.repositories import people as people_repo
from app.models.repositories import team as team_repo
from app.models.repositories.deletion import DeletionRecord, delete_with_record
from app.sync import conflicts as conflict_store
from app.sync import stamps
from app.sync.stamps import Stamp
from app.sync.tables import sync_tables

# The repository function that edits each kind of row, so a resolved value is checked as the panel checks it.
_UPDATERS = {"person": people_repo.update_person, "link": links_repo.update_link,
             "account": accounts_repo.update_account, "team_member": team_repo.update_member,
             "need": records_repo.update_need, "interaction": records_repo.update_interaction,
             "action": records_repo.update_action, "opportunity": records_repo.update_opportunity}
# Person fields a merge fills on the person kept where theirs are empty.
_FILLED = ("title", "department", "competitor_preference", "email", "phone", "notes", "influence")


@dataclass(frozen=True)
class ConflictRecord:
    id: int
    kind: str  # app.sync.conflicts: field, deleted_here, deleted_there, duplicate
    table: str
    row_id: int | None  # the local row (None when it is gone)
    account_id: int | None
    label: str  # the row as a person reads it (a person's name, a title)
    field: str  # the server column
    theirs: Any
    mine: Any
    base: Any
    by: str | None  # who made the server's value, and when (UTC ISO text)
    at: str | None
    other_id: int | None = None  # a duplicate's other person


@dataclass
class ResolveRecord:
    conflict: dict[str, Any]  # the sync_conflict row, to re-open it
    table: str
    row_id: int | None
    old: dict[str, Any] = field(default_factory=dict)


@dataclass
class MergeRecord:
    conflicts: list[dict[str, Any]]
    kept_id: int
    gone_id: int
    account_id: int
    moved: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)  # table, pk after, column
    filled: list[str] = field(default_factory=list)
    deletion: DeletionRecord | None = None
    uids: dict[str, dict[int, str]] = field(default_factory=dict)  # the rows deleted, by table and id


def _raw(session: Session):
    return session.connection().connection.dbapi_connection


def _conflict_row(raw, conflict_id: int) -> dict[str, Any] | None:
    cur = raw.execute("SELECT * FROM sync_conflict WHERE id = ?", (conflict_id,))
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None


def _reopen(raw, conflict: dict[str, Any]) -> None:
    names = list(conflict)
    raw.execute(f"INSERT OR REPLACE INTO sync_conflict ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [conflict[n] for n in names])


def _local_id(raw, table: str, uid: str | None) -> int | None:
    if uid is None:
        return None
    found = raw.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
    return found[0] if found else None


def python_value(table: str, field_name: str, canonical, raw=None):
    """A conflict's canonical value → what the repository takes (references become local ids)."""
    column = sync_tables()[table].column(field_name)
    if canonical is None:
        return None
    if column.ref_table:
        return _local_id(raw, column.ref_table, canonical) if raw is not None else None
    return column.to_python(canonical)


def typed_value(table: str, field_name: str, text: str):
    """A value the user typed for a field → the field's type; InvalidInput when it is not one."""
    column = sync_tables()[table].column(field_name)
    text = text.strip()
    if not text:
        return None
    try:
        if column.kind == "int":
            return int(text)
        if column.kind == "float":
            return float(text)
        if column.kind == "decimal":
            return Decimal(text)
        if column.kind == "date":
            return dt.date.fromisoformat(text)
        if column.kind == "bool":
            return text.casefold() in ("1", "true", "yes", "是")
    except (ValueError, InvalidOperation) as exc:
        raise InvalidInput(translate("Team", "“%1” is not a value this field takes.").replace("%1", text)) from exc
    if column.ref_table:
        raise InvalidInput(translate("Team", "This field refers to another row: keep theirs or use yours."))
    return text


class TeamMixin:
    # -- access ---------------------------------------------------------------------------------
    def team_user(self) -> str | None:
        """This file's login on the team server (None for a file that was never joined)."""
        return self._read(lambda s: stamps.local_user(_raw(s)))

    def team_role(self) -> str | None:
        """This login's group role on the team server as the last sync stored it ("admin", "manager",
        "member", "viewer"; None for a file never synced)."""
        from app.document.team_access import stored_role

        return self._read(lambda s: stored_role(_raw(s)))

    def read_only_accounts(self) -> set[int]:
        """The accounts the team server shares with this login for reading only."""
        return set(self._read(lambda s: s.connection().exec_driver_sql(
            "SELECT a.id FROM account a JOIN sync_access x ON x.account_uid = a.uid WHERE x.writable = 0"
        ).scalars().all()))

    def account_is_read_only(self, account_id: int | None) -> bool:
        return account_id is not None and account_id in self.read_only_accounts()

    def refuse_if_read_only(self, account_id: int | None) -> None:
        if self.account_is_read_only(account_id):
            raise ReadOnlyAccount(read_only_message())

    def accounts_by_member(self) -> dict[str, set[int]]:
        """Each team member's name → the accounts they own or are on the account team of."""
        rows = self._read(lambda s: s.connection().exec_driver_sql(
            "SELECT m.name, t.account_id FROM account_team t JOIN team_member m ON m.id = t.member_id "
            "UNION SELECT m.name, a.id FROM account a JOIN team_member m ON m.id = a.owner_id").all())
        out: dict[str, set[int]] = {}
        for name, account_id in rows:
            out.setdefault(name, set()).add(account_id)
        return out

    def account_teams(self) -> dict[int, list[str]]:
        """Account → the names of the teammates on its account team, the owner left out."""
        rows = self._read(lambda s: s.connection().exec_driver_sql(
            "SELECT t.account_id, m.name FROM account_team t JOIN team_member m ON m.id = t.member_id "
            "JOIN account a ON a.id = t.account_id WHERE a.owner_id IS NOT t.member_id ORDER BY m.name").all())
        out: dict[int, list[str]] = {}
        for account_id, name in rows:
            out.setdefault(account_id, []).append(name)
        return out

    # -- who did what ---------------------------------------------------------------------------
    def last_changes(self, table: str, ids: list[int]) -> dict[int, Stamp]:
        """Who last changed each row (by local id) on the team server, and when; rows changed here and not
        synced yet say so."""
        return self._read(lambda s: stamps.of_rows(_raw(s), table, list(ids)))

    def recent_changes_by_others(self, account_id: int, limit: int = 50) -> list[tuple[str, str, str, str]]:
        """(table, row label, who, when) of the account's latest changes made by teammates."""
        def work(s: Session):
            raw = _raw(s)
            uid = raw.execute("SELECT uid FROM account WHERE id = ?", (account_id,)).fetchone()
            if uid is None:
                return []
            from app.sync.replica import row_label

            return [(table, row_label(raw, table, row_uid), who, at)
                    for table, row_uid, who, at in stamps.recent_by_others(raw, uid[0], limit)]

        return self._read(work)

    # -- conflicts ------------------------------------------------------------------------------
    def conflicts(self, account_id: int | None = None) -> list[ConflictRecord]:
        """The open conflicts (of one account), possible duplicates whose two people are both still here."""
        def work(s: Session) -> list[ConflictRecord]:
            raw = _raw(s)
            from app.sync.replica import row_label

            out = []
            for row in raw.execute("SELECT c.id, c.kind, c.tbl, c.uid, a.id, c.field, c.theirs, c.mine, c.base, "
                                   "c.theirs_by, c.theirs_at, c.other_uid FROM sync_conflict c "
                                   "LEFT JOIN account a ON a.uid = c.account_uid ORDER BY c.id").fetchall():
                cid, kind, table, uid, acc, fname, theirs, mine, base, by, at, other_uid = row
                if account_id is not None and acc != account_id or table not in sync_tables():
                    continue
                row_id = _local_id(raw, table, uid)
                other_id = _local_id(raw, "person", other_uid) if other_uid else None
                if kind == conflict_store.DUPLICATE:
                    if row_id is None or other_id is None:
                        continue  # merged elsewhere: the next sync brought the merge
                    stamp = stamps.of_rows(raw, "person", [other_id]).get(other_id)
                    by, at = (stamp.by, stamp.at) if stamp else (None, None)
                out.append(ConflictRecord(cid, kind, table, row_id, acc, row_label(raw, table, uid), fname,
                                          json.loads(theirs), json.loads(mine), json.loads(base), by, at,
                                          other_id))
            return out

        return self._read(work)

    def conflicted_rows(self, account_id: int) -> dict[tuple[str, int], int]:
        """(table, local id) → open conflicts of that row in the account (a duplicate marks both people)."""
        out: dict[tuple[str, int], int] = {}
        for c in self.conflicts(account_id):
            for ident in (c.row_id, c.other_id if c.kind == conflict_store.DUPLICATE else None):
                if ident is not None:
                    out[(c.table, ident)] = out.get((c.table, ident), 0) + 1
        return out

    def resolve_conflict(self, conflict_id: int, keep: str, value: Any = None) -> ResolveRecord:
        """Close a field conflict keeping ``theirs`` (the live value), ``mine``, or ``value`` (keep ``typed``),
        as one local edit. Deletion conflicts are settled by the sync engine's own rules (not undoable)."""
        def work(s: Session) -> ResolveRecord:
            raw = _raw(s)
            conflict = _conflict_row(raw, conflict_id)
            if conflict is None:
                raise InvalidInput(translate("Team", "This conflict was settled already."))
            table, kind = conflict["tbl"], conflict["kind"]
            record = ResolveRecord(conflict, table, _local_id(raw, table, conflict["uid"]))
            if kind != conflict_store.FIELD:
                raise InvalidInput("not a field conflict")
            if keep != "theirs":
                if record.row_id is None:
                    raise InvalidInput(translate("Team", "This row is no longer here."))
                column = sync_tables()[table].column(conflict["field"])
                new = value if keep == "typed" else python_value(table, conflict["field"],
                                                                   json.loads(conflict["mine"]), raw)
                record.old = self._set_fields(s, table, record.row_id, {column.local: new})
            raw.execute("DELETE FROM sync_conflict WHERE id = ?", (conflict_id,))
            return record

        record = self._guarded(work)
        self._announce_row(record.table, record.row_id)
        return record

    def reopen_conflict(self, record: ResolveRecord) -> None:
        """Undo of a resolution: the previous value back, the conflict open again."""
        def work(s: Session) -> None:
            if record.old and record.row_id is not None:
                self._set_fields(s, record.table, record.row_id, record.old)
            _reopen(_raw(s), record.conflict)

        self._guarded(work)
        self._announce_row(record.table, record.row_id)

    def settle_deletion_conflict(self, conflict_id: int, keep: str):
        """Settle a conflict where one side deleted the row (app.document.team_deletions); undoable."""
        from app.document import team_deletions

        def work(s: Session):
            raw = _raw(s)
            conflict = _conflict_row(raw, conflict_id)
            if conflict is None:
                raise InvalidInput(translate("Team", "This conflict was settled already."))
            row_id = _local_id(raw, conflict["tbl"], conflict["uid"])
            return team_deletions.settle(s, conflict, keep, row_id), row_id

        done, row_id = self._guarded(work)
        self._announce_settled(done, row_id)
        return done

    def unsettle_deletion_conflict(self, done) -> None:
        from app.document import team_deletions

        self._guarded(lambda s: team_deletions.unsettle(s, done))
        row_id = self._read(lambda s: _local_id(_raw(s), done.conflict["tbl"], done.conflict["uid"]))
        self._announce_settled(done, row_id)

    def _announce_settled(self, done, row_id) -> None:
        if done.deletion is not None:
            self._announce(done.deletion)
        self._announce_row(done.conflict["tbl"], row_id)

    def dismiss_duplicate(self, conflict_id: int) -> ResolveRecord:
        """Two people flagged as possible duplicates are two people after all."""
        def work(s: Session) -> ResolveRecord:
            raw = _raw(s)
            conflict = _conflict_row(raw, conflict_id)
            if conflict is None:
                raise InvalidInput(translate("Team", "This conflict was settled already."))
            raw.execute("DELETE FROM sync_conflict WHERE id = ?", (conflict_id,))
            return ResolveRecord(conflict, "person", None)

        record = self._guarded(work)
        self.conflicts_changed.emit(Change("conflict", (conflict_id,)))
        return record

    # -- duplicates -----------------------------------------------------------------------------
    def merge_people(self, kept_id: int, gone_id: int) -> MergeRecord:
        """Merge ``gone_id`` into ``kept_id``: every link, need, interaction, action, opportunity and answer of
        the other person moves to the one kept, empty fields of the kept one take the other's values, then the
        other person goes. The possible-duplicate flags of the two close with it."""
        def work(s: Session) -> MergeRecord:
            raw = _raw(s)
            kept, gone = s.get(Person, kept_id), s.get(Person, gone_id)
            if kept is None or gone is None or kept.account_id != gone.account_id or kept_id == gone_id:
                raise InvalidInput(translate("Team", "These two people cannot be merged."))
            uids = [raw.execute("SELECT uid FROM person WHERE id = ?", (i,)).fetchone()[0] for i in (kept_id, gone_id)]
            cur = raw.execute("SELECT * FROM sync_conflict WHERE kind = ? AND (uid IN (?, ?) OR other_uid IN (?, ?))",
                              (conflict_store.DUPLICATE, *uids, *uids))
            names = [d[0] for d in cur.description]
            record = MergeRecord([dict(zip(names, r, strict=True)) for r in cur.fetchall()], kept_id, gone_id,
                                 kept.account_id)
            for name in _FILLED:
                if getattr(kept, name) is None and getattr(gone, name) is not None:
                    setattr(kept, name, getattr(gone, name))
                    record.filled.append(name)
            s.flush()
            self._move_references(s, record)
            from app.document.team_deletions import uids_before_delete

            record.uids = uids_before_delete(s, Person.__table__, gone_id)
            record.deletion = delete_with_record(s, Person, [gone_id])
            raw.execute("DELETE FROM sync_conflict WHERE kind = ? AND (uid IN (?, ?) OR other_uid IN (?, ?))",
                        (conflict_store.DUPLICATE, *uids, *uids))
            return record

        record = self._guarded(work)
        self._announce_merge(record)
        return record

    def unmerge_people(self, record: MergeRecord) -> None:
        """Undo of a merge: the other person back with everything that was theirs."""
        def work(s: Session) -> None:
            from app.document.team_deletions import restore_with_uids

            raw = _raw(s)
            restore_with_uids(s, record.deletion, record.uids)
            for table_name, pk, column in record.moved:
                table = Base.metadata.tables[table_name]
                where = [table.c[k] == v for k, v in pk.items()]
                s.execute(update(table).where(*where).values({column: record.gone_id}))
            kept = s.get(Person, record.kept_id)
            for name in record.filled:
                setattr(kept, name, None)
            s.flush()
            for conflict in record.conflicts:
                _reopen(raw, conflict)

        self._guarded(work)
        self._announce_merge(record)

    def _move_references(self, s: Session, record: MergeRecord) -> None:
        for table in Base.metadata.sorted_tables:
            if table.name == "person":
                continue
            for column in table.columns:
                if not any(fk.column.table.name == "person" for fk in column.foreign_keys):
                    continue
                pk_names = [c.name for c in table.primary_key.columns]
                rows = s.execute(select(table).where(column == record.gone_id)).mappings().all()
                for row in rows:
                    if table.name == "link" and record.kept_id in (row["source_person_id"], row["target_person_id"]):
                        continue  # a link between the two would join the person to themself: it goes
                    pk = {k: row[k] for k in pk_names}
                    try:
                        with s.begin_nested():
                            s.execute(update(table).where(*[table.c[k] == v for k, v in pk.items()])
                                      .values({column.name: record.kept_id}))
                    except IntegrityError:
                        continue  # the kept person has that row already (the same opportunity): this one goes
                    after = {k: (record.kept_id if k == column.name else v) for k, v in pk.items()}
                    record.moved.append((table.name, after, column.name))

    # -- plumbing -------------------------------------------------------------------------------
    def _guarded(self, work):
        return self._write(work)

    def _set_fields(self, s: Session, table: str, row_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        updater = _UPDATERS.get(table)
        if updater is not None:
            return updater(s, row_id, changes)
        model_table = Base.metadata.tables[table]
        old = dict(s.execute(select(*[model_table.c[k] for k in changes])
                             .where(model_table.c.id == row_id)).mappings().one())
        s.execute(update(model_table).where(model_table.c.id == row_id).values(changes))
        return old

    def _account_of(self, table: str, row_id: int | None) -> int | None:
        if row_id is None or table == "account":
            return row_id
        columns = Base.metadata.tables[table].c
        if "account_id" not in columns:
            return None
        return self._read(lambda s: s.execute(select(columns.account_id).where(columns.id == row_id)).scalar())

    def _announce_row(self, table: str, row_id: int | None) -> None:
        account_id = self._account_of(table, row_id)
        signals = {"person": (self.people_changed, "person"), "link": (self.links_changed, "link"),
                   "team_member": (self.team_changed, "member"), "need": (self.needs_changed, "need"),
                   "interaction": (self.interactions_changed, "interaction"),
                   "action": (self.actions_changed, "action"),
                   "opportunity": (self.opportunities_changed, "opportunity")}
        ids = (row_id,) if row_id is not None else ()
        if table == "account":
            self.accounts_changed.emit(Change("account", ids, row_id))
        elif table in signals:
            signal, kind = signals[table]
            signal.emit(Change(kind, ids, account_id))
        else:
            self.announce_import(account_id)
        self.conflicts_changed.emit(Change("conflict", (), account_id))

    def _announce_merge(self, record: MergeRecord) -> None:
        self._announce(record.deletion)
        account = record.account_id
        self.people_changed.emit(Change("person", (record.kept_id,), account))
        for signal, kind in ((self.links_changed, "link"), (self.needs_changed, "need"),
                             (self.interactions_changed, "interaction"), (self.actions_changed, "action"),
                             (self.opportunities_changed, "opportunity"), (self.surveys_changed, "survey_answer")):
            signal.emit(Change(kind, (), account))
        self.conflicts_changed.emit(Change("conflict", (), account))


def shared_read_only_message() -> str:
    return translate("Team", "Your role on the team server does not let you change the team's shared lists (team "
                             "members, qualification criteria, templates): the change was not saved.")


def refusal_message(exc: BaseException) -> str:
    """What the window says of an edit the file's guard refused (app.document.team_access)."""
    from app.document.team_access import is_shared_refusal

    return shared_read_only_message() if is_shared_refusal(exc) else read_only_message()


def read_only_message() -> str:
    return translate("Team", "This account is shared with you for reading only (a read grant on the team "
                             "server): the change was not saved.")
