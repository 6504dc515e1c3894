"""The push half of the sync engine: each captured change goes to the server by compare-and-set against the
version it was last synced at; where the server moved on, the row is merged field by field against its shadow
and what cannot merge is kept as a conflict (TEAM.md, Merge rules)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.models.sync_rules import EDIT_MANAGERS, EDIT_SELF_OR_MANAGERS
from app.sync import conflicts as conflict_store
from app.sync import replica
from app.sync import server_rows as srv
from app.sync.connection import Notice, SyncRefused
from app.sync.merge import merge_row
from app.sync.replica import local_transaction
from app.sync.tables import TableInfo, sync_tables

if TYPE_CHECKING:
    from app.sync.engine import SyncResult

SHARED = ""  # the cursor of rows that belong to no account


class Pushing:
    """What the engine does to push; the engine holds ``raw`` (the file) and ``server`` (psycopg)."""

    def changes(self, info: TableInfo, local_only: set[str]):
        """(uid, local row or None, shadow or None) of every row to push: new, edited or deleted."""
        shadows = replica.shadows(self.raw, "tbl = ? AND dirty = 1", (info.name,))
        edited = [uid for (_, uid) in shadows]
        rows = replica.read_rows(
            self.raw, info, f"NOT EXISTS (SELECT 1 FROM sync_shadow s WHERE s.tbl = '{info.name}' AND s.uid = t.uid)")
        for uid_chunk in _chunks(edited, 500):
            rows.update(replica.read_rows(self.raw, info, f"t.uid IN ({','.join('?' * len(uid_chunk))})",
                                          tuple(uid_chunk)))
        for uid, row in rows.items():
            if row.get("account_uid") in local_only:
                continue
            yield uid, row, shadows.get((info.name, uid))
        for (_, uid), shadow in shadows.items():
            if uid not in rows and shadow.account_uid not in local_only:
                yield uid, None, shadow

    def _may_add_shared(self) -> dict[str, bool]:
        """Per shared-row rule, whether this login may add rows (members add colleagues, managers criteria)."""
        with self.server.transaction():
            writer, manager = self.server.execute(
                "SELECT pg_has_role(current_user, 'stakemap_member', 'MEMBER') "
                "OR pg_has_role(current_user, 'stakemap_manager', 'MEMBER') "
                "OR pg_has_role(current_user, 'stakemap_admin', 'MEMBER'), "
                "pg_has_role(current_user, 'stakemap_manager', 'MEMBER') "
                "OR pg_has_role(current_user, 'stakemap_admin', 'MEMBER')").fetchone()
        return {EDIT_SELF_OR_MANAGERS: bool(writer), EDIT_MANAGERS: bool(manager)}

    def push(self, result: SyncResult, readable: set[str], writable: set[str]) -> None:
        tables = sync_tables()
        may_add_shared = self._may_add_shared()
        clashes = set(self.account_name_clashes())
        blocked: set[str] = set()  # accounts whose rows wait (a name clash)
        ids = replica.LocalIds(self.raw)
        local_only = self._local_only_accounts()
        # Accounts no longer shared with this login: their edits, old and new, wait for the pull to save them.
        revoked = {r[0] for r in self.raw.execute("SELECT account_uid FROM sync_cursor")} - readable - {SHARED}
        with local_transaction(self.raw), self.server.transaction():
            pending: list[tuple[TableInfo, dict]] = []  # inserted rows whose version is read at the end
            created: set[str] = set()
            for info in tables.values():
                batch: list[dict] = []
                for uid, row, shadow in self.changes(info, local_only):
                    account = (row or {}).get("account_uid") if row else shadow.account_uid
                    if info.name == "account" and row and shadow is None and row.get("name") in clashes:
                        blocked.add(uid)
                        result.refused.append(Notice.of("account_taken", name=row["name"]))
                        continue
                    if account in blocked:
                        continue
                    if info.rule.account is None and shadow is None and not may_add_shared[info.rule.shared_edit]:
                        continue  # stays in this file until someone who may add it shares it
                    if info.rule.account is not None and account in revoked:
                        continue  # no longer shared with this login: the pull saves it to a file
                    if info.name == "account" and shadow is None:
                        if not may_add_shared[EDIT_SELF_OR_MANAGERS]:  # a viewer: reads only
                            blocked.add(uid)
                            result.refused.append(Notice.of("may_not_add_account", name=row["name"]))
                            continue
                        created.add(uid)  # a new account: this login may write it once it is there
                    elif info.rule.account is not None and account not in writable and not (
                            shadow is None and account in created):
                        result.refused.append(Notice.of("read_only_row", table=info.name,
                                                        label=replica.row_label(self.raw, info.name, uid)))
                        continue
                    if shadow is None and row is not None and not info.rule.natural_key and info.name != "account":
                        batch.append(row)  # plain new rows go up together
                        continue
                    self._count(result, info, uid, self._push_row(info, uid, row, shadow, ids, pending))
                if batch:
                    inserted = srv.insert_many(self.server, info, batch)
                    for row in batch:
                        if row["uid"] in inserted:
                            pending.append((info, row))
                            result.pushed += 1
                        else:  # there already: a retry, or a row made twice
                            self._count(result, info, row["uid"],
                                        self._push_row(info, row["uid"], row, None, ids, pending))
            for info, rows in _by_table(pending).items():
                found = srv.versions(self.server, info, [r["uid"] for r in rows])
                for row in rows:
                    replica.set_shadow(self.raw, info, row, found.get(row["uid"], 0))

    def _count(self, result: SyncResult, info: TableInfo, uid: str, done: bool | None) -> None:
        if done is None:
            result.refused.append(Notice.of("may_not_change", table=info.name,
                                            label=replica.row_label(self.raw, info.name, uid)))
        result.pushed += int(bool(done))

    def _push_row(self, info, uid, row, shadow, ids, pending) -> bool | None:
        """True when the server took the change, False when there was nothing to take (or it waits for the
        user: a conflict), None when the server refused it."""
        conn = self.server
        if row is None:  # deleted here
            if srv.delete(conn, info, uid, shadow.base_version):
                replica.drop_shadow(self.raw, info.name, uid)
                return True
            theirs = srv.fetch(conn, info, uid)
            if theirs is None:  # gone there too
                replica.drop_shadow(self.raw, info.name, uid)
                return False
            # Deleted here, edited there: the row stays until the user decides.
            server_row, version, _ = theirs
            with replica.Applying(self.raw):
                try:
                    replica.write_row(self.raw, info, server_row, ids)
                except replica.MissingReference:
                    replica.drop_shadow(self.raw, info.name, uid)
                    return False
            replica.set_shadow(self.raw, info, server_row, version)
            conflict_store.add(self.raw, info.name, uid, server_row.get("account_uid"), "deleted",
                               conflict_store.DELETED_HERE, theirs=summary(server_row), mine=None,
                               base=summary(shadow.data))
            return False
        if shadow is None:
            adopted = None
            if info.rule.natural_key:
                adopted = srv.fetch_by_natural_key(conn, info, row)
            if adopted is None:
                if srv.insert(conn, info, row):
                    pending.append((info, row))
                    return True
                adopted = srv.fetch(conn, info, uid) or srv.fetch_by_natural_key(conn, info, row)
                if adopted is None:
                    raise SyncRefused.of("row_refused", table=info.name, uid=uid)
            server_row, version, changed_at = adopted
            if server_row["uid"] != uid:  # the same row made on two replicas: the server's uid names it
                with replica.Applying(self.raw):
                    self.raw.execute(f"UPDATE {info.name} SET uid = ? WHERE uid = ?", (server_row["uid"], uid))
                ids.forget(info.name, uid)
                uid = row["uid"] = server_row["uid"]
            base = None
            return self._merge_and_push(info, uid, row, base, None, server_row, version, changed_at, ids)
        version = srv.update(conn, info, row, shadow.base_version, shadow.edited_at)
        if version is not None:
            replica.set_shadow(self.raw, info, row, version)
            return True
        theirs = srv.fetch(conn, info, uid)
        if theirs is None:
            if srv.tombstoned(conn, info.name, uid):
                # Edited here, deleted there: the row stays here until the user decides.
                if not conflict_store.exists(self.raw, info.name, uid, conflict_store.DELETED_THERE):
                    conflict_store.add(self.raw, info.name, uid, row.get("account_uid"), "deleted",
                                       conflict_store.DELETED_THERE, theirs=None, mine=summary(row),
                                       base=summary(shadow.data))
                self.raw.execute("UPDATE sync_shadow SET dirty = 0 WHERE tbl = ? AND uid = ?", (info.name, uid))
            return False
        server_row, server_version, changed_at = theirs
        if server_version == shadow.base_version:
            return None  # the server would not take it (this login may not change that row)
        return self._merge_and_push(info, uid, row, shadow.data, shadow.edited_at, server_row, server_version,
                                    changed_at, ids)

    def _merge_and_push(self, info, uid, row, base, edited_at, server_row, server_version, changed_at, ids) -> bool:
        merged, conflicts = merge_row(info, base, row, server_row, mine_edited_at=edited_at,
                                      theirs_changed_at=changed_at)
        theirs_stamp = srv.stamp(self.server, info, uid) if conflicts else None  # before our write moves it
        new_version = server_version
        if merged != server_row:
            later = max(edited_at or "", changed_at or "") or None
            new_version = srv.update(self.server, info, merged, server_version, later)
            if new_version is None:  # moved again meanwhile: the next sync merges once more
                return False
        with replica.Applying(self.raw):
            replica.write_row(self.raw, info, merged, ids)
        if merged != row:
            self._changed.append((info.name, uid, merged.get("account_uid"), False))
        replica.set_shadow(self.raw, info, merged, new_version)
        for c in conflicts:
            conflict_store.add(self.raw, info.name, uid, merged.get("account_uid"), c.field, conflict_store.FIELD,
                               theirs=c.theirs, mine=c.mine, base=c.base, stamp=theirs_stamp)
        return merged != server_row


def _by_table(pending) -> dict:
    out: dict = {}
    for info, row in pending:
        out.setdefault(info, []).append(row)
    return out


def summary(row: dict | None):
    """A row as a conflict shows it: its fields without the sync keys."""
    if row is None:
        return None
    return {k: v for k, v in row.items() if k not in ("uid", "account_uid")}


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
