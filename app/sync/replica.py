"""The file's side of sync, over a sqlite3 connection: synced rows as canonical dicts keyed by the server's
column names, their shadows, and writing pulled rows without capturing them again."""

from __future__ import annotations

import contextlib
import itertools
import json
import operator
import sqlite3
from dataclasses import dataclass

from app.sync import capture
from app.sync.capture import AS_ROW, stored_json_sql
from app.sync.tables import TableInfo, sync_tables


def _by_table(function):
    """Cache a function of a table by the table's name (hashing a whole TableInfo costs more than the work)."""
    cached: dict[str, object] = {}

    def wrapper(info):
        found = cached.get(info.name)
        if found is None:
            found = cached[info.name] = function(info)
        return found

    return wrapper


def _select_sql(info: TableInfo) -> str:
    parts = ["t.uid", f"{info.account_sql('t')} AS account_uid"]
    for c in info.columns:
        if c.server == "account_uid":
            continue
        if c.ref_table:
            parts.append(f"(SELECT r.uid FROM {c.ref_table} r WHERE r.{c.ref_column} = t.{c.local})")
        else:
            parts.append(f"t.{c.local}")
    return f"SELECT {', '.join(parts)} FROM {info.name} t"


def _server_names(info: TableInfo) -> list[str]:
    return ["uid", "account_uid"] + [c.server for c in info.columns if c.server != "account_uid"]


def _decode(info: TableInfo, raw_row) -> dict:
    names = _server_names(info)
    row = {"uid": raw_row[0], "account_uid": raw_row[1]}
    for name, value in zip(names[2:], raw_row[2:], strict=True):
        column = info.column(name)
        row[name] = value if column.ref_table else column.from_local(value)
    return row


def read_rows(raw, info: TableInfo, where: str = "", params: tuple = ()) -> dict[str, dict]:
    sql = _select_sql(info) + (f" WHERE {where}" if where else "")
    return {r[0]: _decode(info, r) for r in raw.execute(sql, params)}


@dataclass
class Shadow:
    table: str
    uid: str
    account_uid: str | None
    base_version: int
    dirty: bool
    deleted: bool
    edited_at: str | None
    stored: str  # the last-synced values as the file stores them (references as uids), JSON

    @property
    def data(self) -> dict:
        """The last-synced values in canonical form."""
        info = sync_tables().get(self.table)
        obj = json.loads(self.stored)
        return canonical_from_stored(info, obj) if info is not None else obj


def canonical_from_stored(info: TableInfo, obj: dict) -> dict:
    """A row kept as the file stores its values (a shadow, a pulled row) → canonical values."""
    row = {"uid": obj.get("uid"), "account_uid": obj.get("account_uid")}
    for c in info.columns:
        if c.server == "account_uid":
            continue
        value = obj.get(c.server)
        row[c.server] = value if c.ref_table else c.from_local(value)
    return row


def stored_from_canonical(info: TableInfo, row: dict) -> dict:
    obj = {"uid": row.get("uid"), "account_uid": row.get("account_uid")}
    for c in info.columns:
        if c.server == "account_uid":
            continue
        value = row.get(c.server)
        obj[c.server] = value if c.ref_table else c.to_local(value)
    return obj


def shadows(raw, where: str = "1", params: tuple = ()) -> dict[tuple[str, str], Shadow]:
    rows = raw.execute("SELECT tbl, uid, account_uid, base_version, dirty, deleted, edited_at, data "
                       f"FROM sync_shadow WHERE {where}", params)
    found = {(r[0], r[1]): Shadow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6], r[7]) for r in rows}
    as_row: dict[str, list[Shadow]] = {}
    for shadow in found.values():
        if shadow.stored == AS_ROW:
            as_row.setdefault(shadow.table, []).append(shadow)
    for table, waiting in as_row.items():
        _read_as_row(raw, table, waiting)
    return found


def _read_as_row(raw, table: str, waiting: list[Shadow]) -> None:
    """Fill in the values of shadows kept as the row: the row's own values (a row gone without its triggers
    seeing it leaves an empty shadow, as before shadows were kept so)."""
    info = sync_tables().get(table)
    by_uid = {s.uid: s for s in waiting}
    if info is not None:
        sql = f"SELECT t.uid, {stored_json_sql(info, 't', 'NULL')} FROM {table} t WHERE t.uid IN "
        for start in range(0, len(waiting), 500):
            part = [s.uid for s in waiting[start:start + 500]]
            for uid, stored in raw.execute(sql + f"({','.join('?' * len(part))})", part):
                shadow = by_uid[uid]
                obj = json.loads(stored)
                obj["account_uid"] = shadow.account_uid
                shadow.stored = json.dumps(obj, ensure_ascii=False)
    for shadow in waiting:
        if shadow.stored == AS_ROW:
            shadow.stored = "{}"


def set_shadow(raw, info: TableInfo, row: dict, version: int) -> None:
    set_shadows(raw, info, [(row, version)])


def set_shadows(raw, info: TableInfo, rows: list[tuple[dict, int]]) -> None:
    # The values just pushed: the server's stamps of them come with the next pull (``stamps.restamp``).
    store_shadows(raw, info, [(row["uid"], row.get("account_uid"), version,
                               json.dumps(stored_from_canonical(info, row), ensure_ascii=False), None, None)
                              for row, version in rows])


def store_shadows(raw, info: TableInfo, rows: list[tuple[str, str | None, int, str, str | None, str | None]]) -> None:
    """Shadows given as (uid, account uid, version, stored values as JSON text or ``AS_ROW``, who last changed
    the row on the server, when)."""
    raw.executemany("""INSERT OR REPLACE INTO sync_shadow (tbl, uid, account_uid, base_version, dirty, deleted,
                       edited_at, data, changed_by, changed_at) VALUES (?, ?, ?, ?, 0, 0, NULL, ?, ?, ?)""",
                    [(info.name, *row) for row in rows])


def drop_shadow(raw, table: str, uid: str) -> None:
    raw.execute("DELETE FROM sync_shadow WHERE tbl = ? AND uid = ?", (table, uid))


class Applying:
    """While open, writes to synced tables are not captured (they come from the server)."""

    def __init__(self, raw) -> None:
        self.raw = raw

    def __enter__(self):
        self.raw.execute("INSERT INTO sync_applying VALUES (1)")
        return self

    def __exit__(self, *exc) -> None:
        self.raw.execute("DELETE FROM sync_applying")


class LocalIds:
    """uid → local integer key, per table, loaded once and kept up to date as rows are written."""

    def __init__(self, raw) -> None:
        self.raw = raw
        self._maps: dict[str, dict[str, int]] = {}

    def _map(self, table: str) -> dict[str, int]:
        if table not in self._maps:
            self._maps[table] = dict(self.raw.execute(f"SELECT uid, id FROM {table}"))
        return self._maps[table]

    def of_table(self, table: str) -> dict[str, int]:
        """The table's uid → local key map itself (kept up to date as rows are written, until forgotten)."""
        return self._map(table)

    def get(self, table: str, uid: str | None) -> int | None:
        return None if uid is None else self._map(table).get(uid)

    def remember(self, table: str, uid: str, local_id: int) -> None:
        if table in self._maps:
            self._maps[table][uid] = local_id

    def forget_table(self, table: str) -> None:
        self._maps.pop(table, None)

    def forget(self, table: str, uid: str) -> None:
        if table in self._maps:
            self._maps[table].pop(uid, None)


class MissingReference(Exception):
    """A pulled row refers to a row this file does not hold (yet)."""


@_by_table
def _local_plan(info: TableInfo) -> tuple:
    """Per column: (local name, server name, referenced table or None, converter or None, reference required)."""
    plan = []
    for c in info.columns:
        if c.ref_table:
            required = (not info.rule.account or c.local in info.rule.natural_key or c.server == "account_uid"
                        or not _nullable(info, c.local))
            plan.append((c.local, c.server, c.ref_table, None, required))
        else:
            convert = None if c.kind in ("text", "int", "float") else c.to_local
            plan.append((c.local, c.server, None, convert, False))
    return tuple(plan)


def local_values(info: TableInfo, row: dict, ids: LocalIds) -> dict[str, object]:
    """The file's column values of a canonical row (references resolved to local keys)."""
    values: dict[str, object] = {}
    for local, server, ref_table, convert, required in _local_plan(info):
        value = row.get(server)
        if ref_table:
            found = ids.get(ref_table, value)
            if value is not None and found is None and required:
                raise MissingReference(f"{info.name}.{local} → {ref_table} {value}")
            values[local] = found
        else:
            values[local] = convert(value) if convert is not None and value is not None else value
    return values


def write_row(raw, info: TableInfo, row: dict, ids: LocalIds) -> None:
    """Insert or update the local row named by ``row['uid']`` with the row's values (uncaptured: the caller
    holds ``Applying``)."""
    values = local_values(info, row, ids)
    exists = raw.execute(f"SELECT rowid FROM {info.name} WHERE uid = ?", (row["uid"],)).fetchone()
    if exists:
        sets = ", ".join(f"{k} = ?" for k in values)
        raw.execute(f"UPDATE {info.name} SET {sets} WHERE uid = ?", (*values.values(), row["uid"]))
    else:
        names = ", ".join([*values, "uid"])
        marks = ", ".join("?" for _ in range(len(values) + 1))
        cur = raw.execute(f"INSERT INTO {info.name} ({names}) VALUES ({marks})", (*values.values(), row["uid"]))
        if info.has_id:
            ids.remember(info.name, row["uid"], cur.lastrowid)


def insert_many(raw, info: TableInfo, rows: list[tuple[dict, dict]], ids: LocalIds) -> None:
    """Insert new rows given as (canonical row, local values) in one go."""
    if not rows:
        return
    names = [*rows[0][1], "uid"]
    marks = ", ".join("?" for _ in names)
    raw.executemany(f"INSERT INTO {info.name} ({', '.join(names)}) VALUES ({marks})",
                    [(*values.values(), row["uid"]) for row, values in rows])
    ids.forget_table(info.name)


@_by_table
def stored_keys(info: TableInfo) -> tuple[str, ...]:
    """The names of a pulled record's values (``select_pull_sql``), its version and its stamps (the last two)
    left out."""
    return ("uid", "account_uid", *(c.server for c in info.columns if c.server != "account_uid"))


def stored_of(info: TableInfo, record: tuple) -> dict:
    """A pulled record as the file stores its values (references as uids), the form shadows keep."""
    return dict(zip(stored_keys(info), (record[0], record[1], *record[3:-2]), strict=True))


@_by_table
def _record_plan(info: TableInfo) -> tuple:
    """Per local column of a pulled record: (its index in the record, referenced table or None, required)."""
    index = {name: (i + 1 if i >= 2 else i) for i, name in enumerate(stored_keys(info))}
    return tuple((index[server], ref, required) for _local, server, ref, _c, required in _local_plan(info))


class PulledRecords:
    """Pulled records of one table → the file's column values, references resolved by the ids the file held
    when the table's pull began (a row's reference to another row of the same pull is not resolved)."""

    def __init__(self, info: TableInfo, ids: LocalIds) -> None:
        plan = _record_plan(info)
        self.sql = (f"INSERT INTO {info.name} ({', '.join(p[0] for p in _local_plan(info))}, uid) "
                    f"VALUES ({', '.join('?' * (len(plan) + 1))})")
        # The record's values in the insert's order, the uid last; references are then swapped for local keys.
        self._indexes = indexes = [i for i, _ref, _req in plan] + [0]
        self._take = operator.itemgetter(*indexes)
        self._refs = [(j, ids.of_table(ref), req) for j, (_i, ref, req) in enumerate(plan) if ref]

    def local(self, record: tuple) -> list | None:
        """The values to insert (the uid last), or None when a required reference is not in the file."""
        values = list(self._take(record))
        for j, found, required in self._refs:
            value = values[j]
            if value is not None:
                values[j] = local_id = found.get(value)
                if local_id is None and required:
                    return None
        return values

    def local_many(self, records: list[tuple]) -> tuple[list[tuple], list[tuple]]:
        """``local`` of many records at once, column by column (each reference column mapped in one go):
        (the (record, values) to insert, the records waiting for a parent the file lacks)."""
        if not records:
            return [], []
        columns = list(zip(*records, strict=True))
        out = [columns[i] for i in self._indexes]
        lacking: set[int] = set()
        for j, found, required in self._refs:
            given = out[j]
            out[j] = mapped = list(map(found.get, given))
            if required and mapped.count(None) > given.count(None):
                lacking.update(k for k, (a, b) in enumerate(zip(given, mapped, strict=True))
                               if a is not None and b is None)
        pairs = list(zip(records, zip(*out, strict=True), strict=True))
        if not lacking:
            return pairs, []
        return ([p for k, p in enumerate(pairs) if k not in lacking],
                [records[k] for k in sorted(lacking)])


def top_versions(records: list[tuple]) -> dict[str | None, int]:
    """The highest version of pulled records per account."""
    tops: dict[str | None, int] = {}
    for record in records:
        if record[2] > tops.get(record[1], 0):
            tops[record[1]] = record[2]
    return tops


_STAGED = "temp.stakemap_pulled"


@_by_table
def _staged_sql(info: TableInfo) -> str:
    """The insert of the staged records into the table, references resolved by the uid index in SQLite, leaving
    out the records that refer to a row the file lacks where the reference is required. Each reference is looked
    up once, by a join: the lookups are most of the time a big pull's links take to insert."""
    values, joins, lacking = [], [], []
    for number, (column, (_local, _server, ref, _convert, required), (index, _ref, _req)) in enumerate(zip(
            info.columns, _local_plan(info), _record_plan(info), strict=True)):
        given = f"p.c{index}"
        if ref:
            alias = f"r{number}"
            joins.append(f"LEFT JOIN {ref} {alias} ON {alias}.uid = {given}")
            values.append(f"{alias}.{column.ref_column}")
            if required:
                lacking.append(f"({given} IS NOT NULL AND {alias}.{column.ref_column} IS NULL)")
        else:
            values.append(given)
    names = ", ".join(p[0] for p in _local_plan(info))
    where = f"WHERE NOT ({' OR '.join(lacking)}) " if lacking else ""
    return (f"INSERT INTO {info.name} ({names}, uid) SELECT {', '.join(values)}, p.c0 FROM {_STAGED} p "
            f"{' '.join(joins)} {where}ORDER BY p.rowid")


_STAGED_PER_STATEMENT = 64  # records bound by one statement into the staging table


def _stage(raw, rows: list[tuple], width: int) -> None:
    """Fill the staging table with the records in order (the rowid of each its place from 1), many records to a
    statement: binding is the same, but each statement's start and end, and each hand-over of Python's lock
    around it, are paid once for them all."""
    # Within the variables a statement may take (999 in SQLite before 3.32).
    per = max(1, min(_STAGED_PER_STATEMENT, raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    one = f"({', '.join('?' * width)})"
    whole = len(rows) - len(rows) % per
    if whole:
        flat = itertools.chain.from_iterable
        raw.executemany(f"INSERT INTO {_STAGED} VALUES {', '.join([one] * per)}",
                        (tuple(flat(rows[i:i + per])) for i in range(0, whole, per)))
    raw.executemany(f"INSERT INTO {_STAGED} VALUES {one}", rows[whole:])


def insert_staged(raw, info: TableInfo, rows: list[tuple]) -> list[int]:
    """Write pulled records (as ``select_pull_sql`` gives them, in uid order) into a table the file holds no
    row of, with their shadows kept as the row: Python binds each record once (into a staging table), and
    SQLite resolves the references, inserts and writes the shadows by itself, without holding Python's lock
    (so the pull's reading thread runs meanwhile). Returns the indexes of the records left out because they
    refer to a row the file lacks (pulled again next time); the others are written."""
    width = len(rows[0])
    raw.execute(f"CREATE TEMP TABLE {_STAGED.split('.')[1]} ({', '.join(f'c{i}' for i in range(width))})")
    try:
        _stage(raw, rows, width)
        waiting = []
        if raw.execute(_staged_sql(info)).rowcount < len(rows):
            # The staging table's rowids are the records' places, from 1 (a new table, filled in order).
            waiting = [r[0] for r in raw.execute(
                f"SELECT rowid FROM {_STAGED} p WHERE NOT EXISTS (SELECT 1 FROM {info.name} t WHERE t.uid = p.c0)")]
            for start in range(0, len(waiting), 500):
                part = waiting[start:start + 500]
                raw.execute(f"DELETE FROM {_STAGED} WHERE rowid IN ({','.join('?' * len(part))})", part)
        # The shadows' index grows in uid order, the order the records came in.
        raw.execute(f"""INSERT OR REPLACE INTO sync_shadow (tbl, uid, account_uid, base_version, dirty, deleted,
                        edited_at, data, changed_by, changed_at) SELECT ?, c0, c1, c2, 0, 0, NULL, ?,
                        c{width - 2}, c{width - 1} FROM {_STAGED} ORDER BY rowid""", (info.name, AS_ROW))
    finally:
        raw.execute(f"DROP TABLE IF EXISTS {_STAGED}")
    return [rowid - 1 for rowid in waiting]


@contextlib.contextmanager
def bulk_writing(raw, info: TableInfo, fresh: bool):
    """Inside the caller's transaction, while many pulled rows (that all carry their uid) go into one table:
    without the per-row uid trigger, and, into a table that held no row, without its plain (non-unique)
    indexes, which are built again afterwards in one sorted pass instead of growing at random places."""
    indexes = []
    if fresh:
        unique = {r[1] for r in raw.execute(f"PRAGMA index_list({info.name})") if r[2]}
        indexes = [(name, sql) for name, sql in raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            (info.name,)) if name not in unique]
    with capture.without_uid_trigger(raw, info):
        for name, _sql in indexes:
            raw.execute(f"DROP INDEX {name}")
        try:
            yield
        finally:  # also before a rollback to the caller's savepoint, which then restores the same indexes
            for _name, sql in indexes:
                raw.execute(sql)


@contextlib.contextmanager
def big_cache(raw):
    """A page cache that holds a big pull's pages (64 MB, taken only as pages come) instead of SQLite's 2 MB,
    which would spill the transaction's pages to the journal again and again before it commits."""
    before = raw.execute("PRAGMA cache_size").fetchone()[0]
    staging = raw.execute("PRAGMA temp.cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size = {min(before, -65536) if before < 0 else -65536}")
    # The staging table of ``insert_staged`` stays in memory rather than spilling to a temporary file.
    raw.execute(f"PRAGMA temp.cache_size = {min(staging, -65536) if staging < 0 else -65536}")
    # Nor is it wiped as it goes (the same rows are in the file itself): dropping it is then all but free.
    wiped = raw.execute("PRAGMA temp.secure_delete").fetchone()[0]
    raw.execute("PRAGMA temp.secure_delete = OFF")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size = {before}")
        raw.execute(f"PRAGMA temp.cache_size = {staging}")
        raw.execute(f"PRAGMA temp.secure_delete = {wiped}")


def existing_uids(raw, table: str, uids: list[str]) -> set[str]:
    found: set[str] = set()
    if raw.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None:  # a first pull: nothing to look up
        return found
    for start in range(0, len(uids), 500):
        part = uids[start:start + 500]
        found.update(r[0] for r in raw.execute(
            f"SELECT uid FROM {table} WHERE uid IN ({','.join('?' * len(part))})", part))
    return found


def shadows_of(raw, table: str, uids: list[str]) -> dict[tuple[str, str], Shadow]:
    found: dict[tuple[str, str], Shadow] = {}
    if raw.execute("SELECT 1 FROM sync_shadow WHERE tbl = ? LIMIT 1", (table,)).fetchone() is None:
        return found
    for start in range(0, len(uids), 500):
        part = uids[start:start + 500]
        found.update(shadows(raw, f"tbl = ? AND uid IN ({','.join('?' * len(part))})", (table, *part)))
    return found


def delete_row(raw, info: TableInfo, uid: str, ids: LocalIds) -> bool:
    gone = raw.execute(f"DELETE FROM {info.name} WHERE uid = ?", (uid,)).rowcount > 0
    ids.forget(info.name, uid)
    return gone


def _nullable(info: TableInfo, column: str) -> bool:
    from app.models import Base

    return bool(Base.metadata.tables[info.name].columns[column].nullable)


def row_label(raw, table: str, uid: str) -> str:
    """How a person reads a row's name: a person's or account's name, a title, or else its uid."""
    info = sync_tables().get(table)
    if info is None:
        return uid
    names = {c.local for c in info.columns}
    for column in ("name", "title", "description"):
        if column in names:
            found = raw.execute(f"SELECT {column} FROM {table} WHERE uid = ?", (uid,)).fetchone()
            if found and found[0]:
                return str(found[0])
            shadow = raw.execute("SELECT data FROM sync_shadow WHERE tbl = ? AND uid = ?", (table, uid)).fetchone()
            if shadow and shadow[0]:
                value = json.loads(shadow[0]).get(column)
                if value:
                    return str(value)
    return uid


class PeopleIndex:
    """The file's people by account, e-mail and name, read once per pull."""

    def __init__(self, raw) -> None:
        self.raw = raw
        self._by_key: dict | None = None

    def matches(self, row: dict) -> list[tuple[str, str]]:
        if self._by_key is None:
            self._by_key = {}
            for uid, account, name, email in self.raw.execute(
                    "SELECT p.uid, a.uid, p.name, p.email FROM person p JOIN account a ON a.id = p.account_id"):
                for key in ((account, "name", (name or "").casefold()), (account, "email", (email or "").casefold())):
                    if key[2]:
                        self._by_key.setdefault(key, []).append((uid, name))
        found = []
        for kind in ("email", "name"):
            value = (row.get(kind) or "").casefold()
            if value:
                found += [m for m in self._by_key.get((row["account_uid"], kind, value), []) if m[0] != row["uid"]]
        return list(dict.fromkeys(found))


@contextlib.contextmanager
def local_transaction(raw):
    """The file's side of a push or a pull: one write transaction, taken at once so nothing waits inside it."""
    raw.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        raw.execute("ROLLBACK")
        raise
    raw.execute("COMMIT")
