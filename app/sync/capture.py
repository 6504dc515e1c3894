"""Change capture in the file itself: every synced row gets a uid, and SQLite triggers mark a changed row
dirty in its shadow in the same transaction as the change, so no write path (the window, an import, ``demo``,
the CLI ``set``) can bypass it, a kill never loses an unsynced edit and an uncommitted one is never synced.

A row without a shadow has never been synced: it is new, and the next push uploads it. A row with a shadow
keeps there the values it was last synced with and the server version they carry; the triggers set ``dirty``
(and ``deleted``) and stamp when the edit was made, which is what "latest wins" compares. A pulled row's
shadow is written *as the row* (``data`` empty: its values are the row's own, still unchanged), which halves
what a join writes; the first edit or delete of such a row writes its old values into the shadow before they
are gone, and a delete does the same for the rows its cascade is about to take with it (a cascaded row no
longer sees the parent it referred to). While the engine applies pulled rows, ``sync_applying`` holds a row and the
triggers stand aside.

The triggers are generated from the declarations; ``ensure`` (re)installs them whenever the declarations
change, adding the ``uid`` column to a table that lacks one, so declaring a new table is all it takes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import uuid

from app.sync.tables import TableInfo, sync_tables

# A random (version 4) UUID made by SQLite itself, so rows written by any path get one.
NEW_UID_SQL = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)

# ``data`` of a shadow whose values are the row's own (see above).
AS_ROW = ""
# Keyed by its primary key alone (no rowid table beside an index): one B-tree to write per synced row. Who last
# changed the row on the team server, and when (app/sync/stamps.py), sit beside ``data``, which the triggers
# write, so a first edit keeps them.
SHADOW_DDL = """CREATE TABLE IF NOT EXISTS sync_shadow (
        tbl TEXT NOT NULL, uid TEXT NOT NULL, account_uid TEXT,
        base_version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0, edited_at TEXT, data TEXT NOT NULL DEFAULT '{}',
        changed_by TEXT, changed_at TEXT, PRIMARY KEY (tbl, uid)) WITHOUT ROWID"""

BOOKKEEPING_DDL = (
    SHADOW_DDL,
    "CREATE INDEX IF NOT EXISTS ix_sync_shadow_dirty ON sync_shadow (dirty) WHERE dirty = 1",
    "CREATE TABLE IF NOT EXISTS sync_cursor (account_uid TEXT PRIMARY KEY, version INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS sync_access (account_uid TEXT PRIMARY KEY, writable INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sync_local_account (account_uid TEXT PRIMARY KEY)",
    """CREATE TABLE IF NOT EXISTS sync_conflict (
        id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, uid TEXT NOT NULL, account_uid TEXT,
        field TEXT NOT NULL, kind TEXT NOT NULL, theirs TEXT, mine TEXT, base TEXT,
        other_uid TEXT, created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, theirs_by TEXT, theirs_at TEXT)""",
    "CREATE TABLE IF NOT EXISTS sync_applying (flag INTEGER)",
)

_NOT_APPLYING = "NOT EXISTS (SELECT 1 FROM sync_applying)"
_NOW = "strftime('%Y-%m-%dT%H:%M:%f', 'now')"


def uid_trigger_sql(info: TableInfo) -> str:
    # A row written without a uid (every path but the engine's) gets one at once.
    t = info.name
    return f"""CREATE TRIGGER sync_{t}_uid AFTER INSERT ON {t} WHEN NEW.uid IS NULL
            BEGIN UPDATE {t} SET uid = {NEW_UID_SQL} WHERE rowid = NEW.rowid; END"""


@contextlib.contextmanager
def without_uid_trigger(raw, info: TableInfo):
    """Inside the caller's transaction, leave the uid trigger out while rows that all carry their uid are
    written in bulk (SQLite runs a trigger for every row even when its WHEN is false, about a third of the
    cost of a pulled row); it is back before the transaction commits, or the rollback restores it."""
    raw.execute(f"DROP TRIGGER IF EXISTS sync_{info.name}_uid")
    try:
        yield
    finally:
        raw.execute(uid_trigger_sql(info))


def _stored_value_sql(column, alias: str) -> str:
    value = f"{alias}.{column.local}"
    if column.ref_table:
        return f"(SELECT r.uid FROM {column.ref_table} r WHERE r.{column.ref_column} = {value})"
    if column.kind in ("float", "decimal"):
        # SQLite writes a real into JSON with 15 digits; 17 give the very same double back.
        return (f"CASE WHEN typeof({value}) = 'real' AND abs({value}) < 1e308 "
                f"THEN json(printf('%!.17g', {value})) ELSE {value} END")
    return value


def stored_json_sql(info: TableInfo, alias: str, account_sql: str) -> str:
    """SQL of a row's values as a shadow keeps them (as ``select_pull_sql`` gives them: references as uids),
    from the row ``alias`` (``OLD`` in a trigger)."""
    pairs = [f"'uid', {alias}.uid", f"'account_uid', {account_sql}"]
    pairs += [f"'{c.server}', {_stored_value_sql(c, alias)}" for c in info.columns if c.server != "account_uid"]
    return f"json_object({', '.join(pairs)})"


def _cascaded_from(info: TableInfo) -> list[tuple[TableInfo, str]]:
    """(table, column) of the synced references to ``info`` that a delete of its row cascades to (or sets to
    NULL); a restricted reference makes the delete fail instead."""
    from app.models import Base

    out = []
    for child in sync_tables().values():
        table = Base.metadata.tables[child.name]
        for c in child.columns:
            if c.ref_table != info.name:
                continue
            fk = next(iter(table.columns[c.local].foreign_keys))
            if (fk.ondelete or "").upper() in ("CASCADE", "SET NULL"):
                out.append((child, c.local))
    return out


def _keep_as_row_sql(info: TableInfo) -> str:
    """Write the old values into the shadow of this row (``OLD``) if it is still kept as the row."""
    return (f"UPDATE sync_shadow SET data = {stored_json_sql(info, 'OLD', 'account_uid')} "
            f"WHERE tbl = '{info.name}' AND uid = OLD.uid AND data = '{AS_ROW}';")


def trigger_ddl(info: TableInfo) -> list[str]:
    t = info.name
    keep_children = "".join(
        f"""UPDATE sync_shadow SET data = (SELECT {stored_json_sql(child, 'c', 'sync_shadow.account_uid')}
                FROM {child.name} c WHERE c.uid = sync_shadow.uid)
            WHERE tbl = '{child.name}' AND data = '{AS_ROW}'
              AND uid IN (SELECT uid FROM {child.name} WHERE {column} = OLD.id);"""
        for child, column in (_cascaded_from(info) if info.has_id else []))
    return [
        f"DROP TRIGGER IF EXISTS sync_{t}_uid",
        f"DROP TRIGGER IF EXISTS sync_{t}_update",
        f"DROP TRIGGER IF EXISTS sync_{t}_keep",
        f"DROP TRIGGER IF EXISTS sync_{t}_delete",
        uid_trigger_sql(info),
        f"""CREATE TRIGGER sync_{t}_update AFTER UPDATE ON {t} WHEN OLD.uid IS NOT NULL AND {_NOT_APPLYING}
            BEGIN {_keep_as_row_sql(info)}
                  UPDATE sync_shadow SET dirty = 1, edited_at = {_NOW} WHERE tbl = '{t}' AND uid = OLD.uid; END""",
        f"""CREATE TRIGGER sync_{t}_keep BEFORE DELETE ON {t} WHEN {_NOT_APPLYING}
            BEGIN {_keep_as_row_sql(info)} {keep_children} END""",
        f"""CREATE TRIGGER sync_{t}_delete AFTER DELETE ON {t} WHEN {_NOT_APPLYING}
            BEGIN UPDATE sync_shadow SET dirty = 1, deleted = 1, edited_at = {_NOW}
                  WHERE tbl = '{t}' AND uid = OLD.uid; END""",
    ]


def _rebuild_shadows(raw) -> None:
    """Files made before shadows were keyed by their primary key alone, or before they kept the server's stamps
    in columns of their own: the table is rebuilt once, stamps that rode in the values (``_by``, ``_at``) moved
    into their columns."""
    row = raw.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'sync_shadow'").fetchone()
    if row is None or ("WITHOUT ROWID" in row[0].upper() and "changed_by" in _columns(raw, "sync_shadow")):
        return
    # The capture triggers name the table: they go first (``install`` makes them again) so that the rename
    # leaves no trigger pointing at the old table.
    for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_%'"
                               ).fetchall():
        raw.execute(f"DROP TRIGGER {name}")
    raw.execute("ALTER TABLE sync_shadow RENAME TO sync_shadow_old")
    raw.execute(SHADOW_DDL)
    # ``data`` may be kept as the row (not JSON); a stamp is there only in JSON that has it.
    stamped = "json_valid(data) AND json_type(data, '$._by') IS NOT NULL"
    raw.execute("INSERT INTO sync_shadow SELECT tbl, uid, account_uid, base_version, dirty, deleted, edited_at, "
                f"CASE WHEN {stamped} THEN json_remove(data, '$._by', '$._at') ELSE data END, "
                f"CASE WHEN {stamped} THEN json_extract(data, '$._by') END, "
                f"CASE WHEN {stamped} THEN json_extract(data, '$._at') END FROM sync_shadow_old ORDER BY tbl, uid")
    raw.execute("DROP TABLE sync_shadow_old")


def _all_ddl() -> list[tuple[str, list[str]]]:
    return [(info.name, trigger_ddl(info)) for info in sync_tables().values()]


_STABLE_NAMESPACE = uuid.UUID("5f1c6a52-3d0e-4c53-9b8e-7a2f0d6c4e11")


def stable_uid(table: str, key: tuple) -> str:
    """The uid every replica gives the same built-in row (a criterion of the default model, by its code)."""
    return str(uuid.uuid5(_STABLE_NAMESPACE, table + ":" + json.dumps(list(key), ensure_ascii=False)))


def _stable_uids(raw, info: TableInfo) -> None:
    """Rows named by a natural key of plain values get the same uid on every replica while never synced, so
    what refers to them (an account's rating on a built-in criterion) means the same row everywhere."""
    key = info.rule.natural_key
    if not key or any(info.column(k).ref_table for k in key):
        return
    cols = ", ".join(key)
    rows = raw.execute(f"SELECT rowid, {cols} FROM {info.name} t WHERE NOT EXISTS (SELECT 1 FROM sync_shadow s "
                       f"WHERE s.tbl = '{info.name}' AND s.uid = t.uid)").fetchall()
    for rowid, *values in rows:
        if all(v is not None for v in values):
            raw.execute(f"UPDATE OR IGNORE {info.name} SET uid = ? WHERE rowid = ?",
                        (stable_uid(info.name, tuple(values)), rowid))


# Bookkeeping columns added after a table was first made: (table, column, SQL type).
LATER_COLUMNS = (("sync_conflict", "theirs_by", "TEXT"), ("sync_conflict", "theirs_at", "TEXT"))


def add_missing_columns(raw) -> None:
    for table, column, sql_type in LATER_COLUMNS:
        if column not in _columns(raw, table):
            raw.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")


def fingerprint() -> str:
    text = "\n".join(BOOKKEEPING_DDL) + "\n".join(sql for _, ddl in _all_ddl() for sql in ddl)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _columns(raw, table: str) -> set[str]:
    return {row[1] for row in raw.execute(f"PRAGMA table_info({table})")}


def install(raw, stable_uids: bool = True) -> None:
    """Create the bookkeeping, the uid columns and the triggers on a sqlite3 connection, inside the caller's
    transaction. Safe to repeat. ``stable_uids`` False: only put back what is missing, changing no row."""
    _rebuild_shadows(raw)
    for sql in BOOKKEEPING_DDL:
        raw.execute(sql)
    add_missing_columns(raw)
    existing = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, ddl in _all_ddl():
        if table not in existing:
            continue
        if "uid" not in _columns(raw, table):
            raw.execute(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
        raw.execute(f"UPDATE {table} SET uid = {NEW_UID_SQL} WHERE uid IS NULL")
        raw.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS ux_{table}_uid ON {table} (uid)")
        for sql in ddl:
            raw.execute(sql)
        if stable_uids:
            _stable_uids(raw, sync_tables()[table])
    raw.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('capture', ?)", (fingerprint(),))


def _triggers(raw) -> set[str]:
    return {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_%'")}


def _expected_triggers(raw) -> set[str]:
    """The capture triggers of the synced tables the file holds (a table an upgrade rebuilt loses its own)."""
    existing = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {f"sync_{t}_{kind}" for t in sync_tables() if t in existing for kind in ("uid", "update", "keep", "delete")}


def ensure(engine) -> None:
    """Install the capture when the file's triggers are not those the declarations make (a new table, a
    changed rule, a table an upgrade rebuilt without them); a no-op costing three queries otherwise."""
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        try:
            row = raw.execute("SELECT value FROM sync_state WHERE key = 'capture'").fetchone()
        except Exception:  # no bookkeeping yet
            row = None
        current = bool(row) and row[0] == fingerprint()
        if current and _triggers(raw) == _expected_triggers(raw):
            return
        raw.execute("BEGIN IMMEDIATE")
        try:
            install(raw, stable_uids=not current)
        except BaseException:
            raw.execute("ROLLBACK")
            raise
        raw.execute("COMMIT")


def is_capture_object(name: str | None, type_: str, table_name: str | None = None) -> bool:
    """Whether a schema object is the capture's own (uid columns and indexes, the bookkeeping tables), which
    the entities do not describe."""
    if type_ == "table":
        return bool(name) and name.startswith("sync_")
    if type_ == "column":
        return name == "uid"
    if type_ == "index":
        return bool(name) and name.startswith("ux_") and name.endswith("_uid")
    return False
