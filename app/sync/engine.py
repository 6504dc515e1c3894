"""The sync engine: push the file's captured changes by compare-and-set, merge field by field where the server
moved on, then pull per account cursor. Pure Python over the file's sqlite3 connection and a psycopg one.

Push and pull each run in one server transaction; the file's side of each is one local transaction committed
after the server's, so a dropped connection or a killed process leaves the file as it was and the retry
applies nothing twice (an insert finds its uid there, an update finds the server already holding its values).
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field

from app.sync import capture, pruning, replica, restore, stamps
from app.sync import conflicts as conflict_store
from app.sync import server_rows as srv
from app.sync.connection import Notice, ServerAddress, SyncRefused, check_protocol, connect, login_role, server_errors
from app.sync.prefetch import Prefetch
from app.sync.push import SHARED, Pushing, summary
from app.sync.replica import PeopleIndex, local_transaction
from app.sync.server_schema import missing_on_server
from app.sync.tables import TableInfo, sync_tables

_STALE = "stakemap_pruned"  # the pull's first read: accounts to pull again in full (app/sync/pruning.py)
BULK_ROWS = 5000  # pulled rows of one table from which they are written without the per-row uid trigger
RETRIES = 3  # a sync the server rolled back (deadlock, serialisation) is run again at once, up to this often


@dataclass
class SyncResult:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    server_version: int = 0
    refused: list[str] = field(default_factory=list)  # edits the server would not take (read-only, clashes)
    warnings: list[str] = field(default_factory=list)  # Notices: revoked accounts, a restored server
    # (table, uid, account uid, deleted) of every row this sync wrote into the file, so a window can redraw them.
    changed: list[tuple[str, str, str | None, bool]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"pushed": self.pushed, "pulled": self.pulled, "conflicts": self.conflicts,
                "server_version": self.server_version}


def state(raw, key: str) -> str | None:
    row = raw.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def joined_address(raw) -> ServerAddress | None:
    url = state(raw, "url")
    return ServerAddress.parse(url) if url else None


class Engine(Pushing):
    """Sync of one file (``db``: an open Database) with its team server."""

    def __init__(self, db, address: ServerAddress | None = None, password: str | None = None) -> None:
        self.db = db
        self._conn_ctx = db.engine.connect()
        self.raw = self._conn_ctx.connection.dbapi_connection
        self.address = address or joined_address(self.raw)
        if self.address is None:
            raise SyncRefused.of("not_joined", path=db.path)
        self.password = password
        self.server = None
        self.identity: tuple[str, str, int] | None = None  # (server uid, incarnation, version at the fork)
        self._changed: list = []  # the running sync's SyncResult.changed (merged rows are written in push)

    def close(self) -> None:
        self._drop_server()
        self._conn_ctx.close()

    def _drop_server(self) -> None:
        """Forget the server connection (after a failure it may be half-dead: the next sync reconnects)."""
        if self.server is not None:
            with contextlib.suppress(Exception):
                self.server.close()
            self.server = None

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- connection ---------------------------------------------------------------------------------
    def connect(self) -> None:
        if self.server is None:
            with server_errors(self._drop_server):
                self.server = connect(self.address, self.password)
                check_protocol(self.server)
                with self.server.transaction():
                    missing = missing_on_server(self.server)
                    self.identity = restore.server_identity(self.server)
                if missing:
                    raise SyncRefused.of("schema", missing=", ".join(missing[:5]))
                restore.check_same_server(self)
                self._store_role()  # once per connection: a role changed meanwhile is learnt at the next one

    def _access(self) -> tuple[set[str], set[str]]:
        with self.server.transaction():
            readable, writable = self.server.execute(
                "SELECT stakemap_visible_accounts(current_user, false)::text[], "
                "stakemap_visible_accounts(current_user, true)::text[]").fetchone()
            if readable is None or writable is None:  # every account
                every = {r[0] for r in self.server.execute("SELECT uid::text FROM account")}
                readable = every if readable is None else readable
                writable = every if writable is None else writable
        return set(readable), set(writable)

    def _store_role(self) -> None:
        """The login's group role (and its own team member) in the file, so the window refuses what the server
        would (a viewer's edit of the team's shared rows) while offline too."""
        role, member = login_role(self.server)
        with local_transaction(self.raw):
            for key, value in (("role", role), ("member_uid", member)):
                self.raw.execute("INSERT OR REPLACE INTO sync_state VALUES (?, ?)", (key, value))

    def _local_only_accounts(self) -> set[str]:
        return {r[0] for r in self.raw.execute("SELECT account_uid FROM sync_local_account")}

    # --- join ---------------------------------------------------------------------------------------
    def account_name_clashes(self) -> list[str]:
        """Names of this file's unsynced accounts that the server already has (never merged silently)."""
        local = [r[0] for r in self.raw.execute(
            "SELECT name FROM account a WHERE NOT EXISTS (SELECT 1 FROM sync_shadow s WHERE s.tbl = 'account' "
            "AND s.uid = a.uid) AND uid NOT IN (SELECT account_uid FROM sync_local_account)")]
        if not local:
            return []
        with self.server.transaction():
            taken = self.server.execute("SELECT stakemap_taken_names(%s)", (local,)).fetchone()[0]
        return sorted(taken)

    def join(self, upload: bool = True, progress=None) -> SyncResult:
        """``progress(tables_done, tables, rows_pulled)``, if given, is called as the pull goes, once per table
        (from this thread)."""
        joined = joined_address(self.raw)
        if joined is not None and (joined.host, joined.port, joined.dbname) != (
                self.address.host, self.address.port, self.address.dbname):
            raise SyncRefused.of("joined_elsewhere", url=joined.url())
        self.connect()
        if upload:
            clashes = self.account_name_clashes()
            if clashes:
                names = ", ".join(f"“{n}”" for n in clashes)
                raise SyncRefused.of("name_taken", names=names)
        with local_transaction(self.raw):
            if not upload:
                self.raw.execute("INSERT OR IGNORE INTO sync_local_account SELECT uid FROM account")
            for key, value in (("url", self.address.url()), ("user", self.address.user)):
                self.raw.execute("INSERT OR REPLACE INTO sync_state VALUES (?, ?)", (key, value))
        return self.sync(progress)

    # --- sync ---------------------------------------------------------------------------------------
    def sync(self, progress=None) -> SyncResult:
        """Push, then pull. Any failure is a SyncRefused with one line, raised with the file as it was before
        the step that failed (each step commits on the server first, then in the file): a retry applies
        nothing twice and skips nothing."""
        import psycopg

        with server_errors(self._drop_server):
            for attempt in range(RETRIES):
                try:
                    return self._sync(progress)
                except psycopg.errors.TransactionRollback:  # a deadlock or a serialisation failure: transient
                    if attempt == RETRIES - 1:
                        raise
                    self._drop_server()

    def _sync(self, progress=None) -> SyncResult:
        self.connect()
        result = SyncResult()
        self._changed = result.changed
        restore.recover_from_restore(self, result)
        readable, writable = self._access()
        self.push(result, readable, writable)
        self.pull(result, progress)
        result.conflicts = conflict_store.count(self.raw)
        with self.server.transaction():
            result.server_version = self.server.execute(
                "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM stakemap_version_seq").fetchone()[0]
        return result

    # --- pull ---------------------------------------------------------------------------------------
    def pull(self, result: SyncResult, progress=None) -> None:
        readable, writable = self._access()
        local_only = self._local_only_accounts()
        cursors = dict(self.raw.execute("SELECT account_uid, version FROM sync_cursor"))
        revoked = {a for a in cursors if a != SHARED and a not in readable}
        if revoked:
            self._leave_accounts(revoked, result)
        accounts = sorted(readable - local_only)
        since = {a: cursors.get(a, 0) for a in [*accounts, SHARED]}
        tables = sync_tables()
        import psycopg

        def fetch(name):
            if name == _STALE:  # first, in the snapshot: accounts whose deletes pruning may have taken
                stale = pruning.stale_accounts(self.server, since, SHARED)
                since.update(dict.fromkeys(stale, 0))  # pulled again in full
                return stale
            return self._fetch(tables, name, accounts, [since[a] for a in accounts], since[SHARED])

        # One snapshot for every table, so a pull never sees half of a push; read in a thread while the file
        # takes the tables already read.
        self.server.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        self.server.read_only = True
        try:
            with Prefetch(fetch, [_STALE, *tables, None], around=self.server.transaction) as fetched:
                self._apply(result, tables, fetched, accounts, cursors, writable, readable, progress)
        finally:
            self.server.isolation_level = None
            self.server.read_only = None

    def _fetch(self, tables, name, accounts, account_cursors, shared_cursor) -> list:
        """One table's pulled rows (``name`` None: the tombstones), as ``select_pull_sql`` records."""
        if name is None:
            return self.server.execute(
                "SELECT t.tbl, t.uid::text, t.account_uid::text, t.server_version FROM stakemap_tombstone t "
                "LEFT JOIN unnest(%s::uuid[], %s::bigint[]) AS c(a, v) ON t.account_uid = c.a "
                "WHERE (t.account_uid IS NULL AND t.server_version > %s) OR t.server_version > c.v",
                (accounts, account_cursors, shared_cursor)).fetchall()
        info = tables[name]
        # In uid order, a table the file does not hold yet grows at its end, uid index and shadows alike; in
        # binary, numbers need no parsing.
        if info.rule.account is None:
            sql = srv.select_pull_sql(info) + " WHERE server_version > %s ORDER BY uid"
            return self.server.cursor(binary=True).execute(sql, (shared_cursor,)).fetchall()
        sql = (srv.select_pull_sql(info) + " t JOIN unnest(%s::uuid[], %s::bigint[]) AS c(a, v) "
               "ON t.account_uid = c.a AND t.server_version > c.v ORDER BY uid")
        return self.server.cursor(binary=True).execute(sql, (accounts, account_cursors)).fetchall()

    def _apply(self, result, tables, fetched, accounts, cursors, writable, readable, progress=None) -> None:
        ids = replica.LocalIds(self.raw)
        new_cursor: dict[str, int] = {}
        held_back: dict[str, int] = {}  # account → lowest version that could not be applied yet

        def seen(account, version):
            key = account or SHARED
            new_cursor[key] = max(new_cursor.get(key, 0), version)

        stale = fetched.get(_STALE)
        present: dict[str, set[str]] = {}  # uids of the stale accounts' rows, by table
        with replica.big_cache(self.raw), local_transaction(self.raw), replica.Applying(self.raw):
            unsynced: dict = {}
            duplicates = PeopleIndex(self.raw)
            for done, info in enumerate(tables.values()):
                if progress is not None:
                    progress(done, len(tables), result.pulled)
                rows = fetched.get(info.name)
                if stale:
                    present[info.name] = {r[0] for r in rows if (r[1] or SHARED) in stale}
                if not rows:
                    continue
                uids = [r[0] for r in rows]
                local_shadows = replica.shadows_of(self.raw, info.name, uids)
                existing = replica.existing_uids(self.raw, info.name, uids)
                if not existing and not local_shadows and self._empty(info):
                    # A table the file does not hold yet: nothing to compare, adopt or flag.
                    for account, version in replica.top_versions(rows).items():
                        seen(account, version)
                    self._insert_fresh(info, rows, ids, result, held_back)
                    continue
                pulled = replica.PulledRecords(info, ids)
                inserts, applied, restamped = [], [], []
                for record in rows:
                    uid, account, version = record[0], record[1], record[2]
                    seen(account, version)
                    shadow = local_shadows.get((info.name, uid))
                    if shadow is not None and (shadow.dirty or shadow.base_version >= version):
                        if not shadow.dirty and shadow.base_version == version:
                            restamped.append((*record[-2:], info.name, uid, version))  # our push: who and when
                        continue  # our own push, or an edit the next push merges
                    values = pulled.local(record)
                    if values is None:
                        key = account or SHARED  # its parent is not here (yet): pulled again next time
                        held_back[key] = min(held_back.get(key, version), version)
                        continue
                    row = None
                    if uid in existing or (shadow is None and info.rule.natural_key):
                        row = replica.canonical_from_stored(info, replica.stored_of(info, record))
                    if shadow is None and row is not None and self._adopt_or_hold(info, row, unsynced, version):
                        continue
                    if info.name == "person" and shadow is None:
                        # Names and e-mails are text, stored as they read: no conversion needed to compare.
                        self._flag_duplicates(replica.stored_of(info, record), duplicates)
                    if uid in existing:
                        try:
                            replica.write_row(self.raw, info, row, ids)
                        except (replica.MissingReference, sqlite3.IntegrityError) as exc:
                            if isinstance(exc, sqlite3.IntegrityError):  # e.g. a value psql wrote that the file refuses
                                result.refused.append(Notice.of("file_refused", table=info.name,
                                                                label=row.get("name") or uid, detail=str(exc)))
                            key = account or SHARED
                            held_back[key] = min(held_back.get(key, version), version)
                            continue
                    else:
                        inserts.append((record, values))
                    applied.append(record)
                stamps.restamp(self.raw, restamped)
                self.raw.execute("SAVEPOINT pulled_rows")
                try:
                    with replica.bulk_writing(self.raw, info, False) if len(inserts) >= BULK_ROWS else \
                            contextlib.nullcontext():
                        self.raw.executemany(pulled.sql, [values for _record, values in inserts])
                except sqlite3.IntegrityError:  # e.g. an account name taken here: one by one, to name it
                    self.raw.execute("ROLLBACK TO pulled_rows")
                    refused = {r[0] for r in self._insert_one_by_one(info, pulled.sql, inserts, result)}
                    for record in [a for a in applied if a[0] in refused]:
                        key = record[1] or SHARED
                        held_back[key] = min(held_back.get(key, record[2]), record[2])
                    applied = [a for a in applied if a[0] not in refused]
                self.raw.execute("RELEASE pulled_rows")
                ids.forget_table(info.name)
                # Sorted by uid, the shadows' index grows in order rather than at random places.
                replica.store_shadows(self.raw, info, sorted((r[0], r[1], r[2], capture.AS_ROW, r[-2], r[-1])
                                                             for r in applied))
                result.pulled += len(applied)
                result.changed.extend((info.name, r[0], r[1], False) for r in applied)
            if progress is not None:
                progress(len(tables), len(tables), result.pulled)
            tombstones = fetched.get(None)
            if stale:  # what the full pull of those accounts lacks was deleted there
                tombstones += pruning.vanished(self.raw, tables, stale, present, SHARED)
                for account, through in stale.items():
                    seen(account, through)
            local_shadows = {}
            for table in {t[0] for t in tombstones}:
                local_shadows.update(replica.shadows_of(self.raw, table, [t[1] for t in tombstones if t[0] == table]))
            order = list(tables)
            for table, uid, account, version in sorted(tombstones, key=lambda t: -order.index(t[0])
                                                       if t[0] in order else 0):
                seen(account, version)
                info = tables.get(table)
                if info is None:
                    continue
                shadow = local_shadows.get((table, uid))
                if conflict_store.exists(self.raw, table, uid, conflict_store.DELETED_THERE):
                    continue  # edited here: the row stays until the user decides
                if shadow is not None and shadow.dirty and not shadow.deleted:
                    if not conflict_store.exists(self.raw, table, uid, conflict_store.DELETED_THERE):
                        conflict_store.add(self.raw, table, uid, account, "deleted", conflict_store.DELETED_THERE,
                                           theirs=None, mine=None, base=summary(shadow.data))
                    continue
                if replica.delete_row(self.raw, info, uid, ids):
                    result.pulled += 1
                    result.changed.append((table, uid, account, True))
                replica.drop_shadow(self.raw, table, uid)
            for account in [*accounts, SHARED]:
                top = new_cursor.get(account)
                if account in held_back:
                    top = held_back[account] - 1
                if top is not None and top > (cursors.get(account, 0)):
                    self.raw.execute("INSERT OR REPLACE INTO sync_cursor VALUES (?, ?)", (account, top))
                elif account not in cursors:
                    self.raw.execute("INSERT OR REPLACE INTO sync_cursor VALUES (?, ?)", (account, 0))
            self.raw.execute("DELETE FROM sync_access")
            self.raw.executemany("INSERT INTO sync_access VALUES (?, ?)",
                                 [(a, int(a in writable)) for a in readable])

    def _insert_fresh(self, info: TableInfo, rows: list[tuple], ids, result: SyncResult, held_back: dict) -> None:
        """Write the pulled rows of a table the file holds no row of, with their shadows; a row whose parent is
        not here (yet), or that the file refuses, is held back (pulled again next time)."""
        def hold(record):
            key = record[1] or SHARED
            held_back[key] = min(held_back.get(key, record[2]), record[2])

        self.raw.execute("SAVEPOINT pulled_rows")
        try:
            with replica.bulk_writing(self.raw, info, True) if len(rows) >= BULK_ROWS else contextlib.nullcontext():
                waiting = set(replica.insert_staged(self.raw, info, rows))
            applied = [r for k, r in enumerate(rows) if k not in waiting] if waiting else rows
            for k in waiting:
                hold(rows[k])
        except sqlite3.IntegrityError:  # e.g. an account name taken here: one by one, to name it
            self.raw.execute("ROLLBACK TO pulled_rows")
            pulled = replica.PulledRecords(info, ids)
            inserts, waiting_records = pulled.local_many(rows)
            refused = {r[0] for r in self._insert_one_by_one(info, pulled.sql, inserts, result)}
            applied = [record for record, _values in inserts if record[0] not in refused]
            for record in [*waiting_records, *(r for r, _values in inserts if r[0] in refused)]:
                hold(record)
            replica.store_shadows(self.raw, info, sorted((r[0], r[1], r[2], capture.AS_ROW, r[-2], r[-1])
                                                         for r in applied))
        self.raw.execute("RELEASE pulled_rows")
        ids.forget_table(info.name)
        result.pulled += len(applied)
        result.changed.extend((info.name, r[0], r[1], False) for r in applied)

    def _empty(self, info: TableInfo) -> bool:
        return self.raw.execute(f"SELECT 1 FROM {info.name} LIMIT 1").fetchone() is None

    def _insert_one_by_one(self, info: TableInfo, sql: str, inserts: list[tuple], result: SyncResult) -> list[tuple]:
        """Insert pulled (record, values) one at a time; returns the records the file refused (each named in
        ``result``)."""
        refused = []
        for record, values in inserts:
            try:
                self.raw.execute(sql, values)
            except sqlite3.IntegrityError as exc:
                refused.append(record)
                name = replica.stored_of(info, record).get("name") or record[0]
                result.refused.append(Notice.of("file_refused", table=info.name, label=name, detail=str(exc)))
        return refused

    def _adopt_or_hold(self, info: TableInfo, server_row: dict, unsynced: dict, version: int) -> bool:
        """A pulled row that is the same as a never-synced local one (same natural key): the local row takes
        the server's uid and shadow, and stays dirty where it differs so the next push merges it. True when
        the pulled row was taken care of that way. ``unsynced`` caches the never-synced rows by natural key."""
        if not info.rule.natural_key:
            return False
        key = [c.server for c in info.natural_key_columns()]
        if info.name not in unsynced:
            rows = replica.read_rows(self.raw, info, "NOT EXISTS (SELECT 1 FROM sync_shadow s WHERE "
                                     f"s.tbl = '{info.name}' AND s.uid = t.uid)")
            unsynced[info.name] = {tuple(r.get(k) for k in key): r for r in rows.values()}
        wanted = tuple(server_row.get(k) for k in key)
        row = unsynced[info.name].get(wanted)
        if any(v is None for v in wanted) or row is None or row["uid"] == server_row["uid"]:
            return False
        del unsynced[info.name][wanted]
        self.raw.execute(f"UPDATE {info.name} SET uid = ? WHERE uid = ?", (server_row["uid"], row["uid"]))
        row["uid"] = server_row["uid"]
        differs = any(row.get(k) != server_row.get(k) for k in server_row)
        replica.set_shadow(self.raw, info, server_row, 0 if differs else version)
        self.raw.execute("UPDATE sync_shadow SET dirty = ? WHERE tbl = ? AND uid = ?",
                         (int(differs), info.name, server_row["uid"]))
        return True

    def _flag_duplicates(self, server_row: dict, index: PeopleIndex) -> None:
        """The same person created on two laptops (same e-mail, or same name in the account): both kept,
        flagged as possible duplicates."""
        for uid, name in index.matches(server_row):
            if not conflict_store.exists(self.raw, "person", uid, conflict_store.DUPLICATE):
                conflict_store.add(self.raw, "person", uid, server_row["account_uid"], "duplicate",
                                   conflict_store.DUPLICATE, theirs=server_row.get("name"), mine=name, base=None,
                                   other_uid=server_row["uid"])

    # --- revoke -------------------------------------------------------------------------------------
    def _leave_accounts(self, accounts: set[str], result: SyncResult) -> None:
        from app.sync.leaving import leave_accounts

        leave_accounts(self, accounts, result)


def _server_version_of(conn, info, uid) -> int:
    found = srv.versions(conn, info, [uid])
    return found.get(uid, 0)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
