"""Synced rows on the team server, read and written as the same canonical dicts as the file's."""

from __future__ import annotations

import datetime as dt

from psycopg.types.json import Jsonb

from app.sync.tables import TableInfo


def _by_table(function):
    """Cache a function of a table by the table's name (hashing a whole TableInfo costs more than the work)."""
    cached: dict[str, object] = {}

    def wrapper(info):
        found = cached.get(info.name)
        if found is None:
            found = cached[info.name] = function(info)
        return found

    return wrapper


@_by_table
def own_columns(info: TableInfo) -> list:
    return [c for c in info.columns if c.server != "account_uid"]


def select_sql(info: TableInfo) -> str:
    cols = ", ".join(f"{c.server}::text" if c.ref_table else c.server for c in own_columns(info))
    return (f"SELECT uid::text, account_uid::text{', ' + cols if cols else ''}, server_version, "
            f"to_char(edited_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') FROM {info.name}")


def _stored_sql(column) -> str:
    """SQL giving a column's value as the file stores it (what SQLAlchemy writes to SQLite)."""
    name = column.server
    if column.ref_table:
        return f"{name}::text"
    return {"bool": f"{name}::int", "decimal": f"{name}::float8", "date": f"{name}::text",
            "json": f"{name}::text",
            "datetime": f"to_char({name}, 'YYYY-MM-DD HH24:MI:SS.US')"}.get(column.kind, name)


def select_pull_sql(info: TableInfo) -> str:
    """Rows as (uid, account uid, version, then every own column as the file stores it, then who last changed
    the row and when): the plain values go into the row without any parsing, and the row's shadow is kept as
    the row (``capture.AS_ROW``)."""
    cols = [_stored_sql(c) for c in own_columns(info)]
    # Who last changed the row on the server, and when, come last: the file keeps them in the shadow's own
    # columns (``changed_by``, ``changed_at``), so the pull still builds no JSON.
    return (f"SELECT uid::text, account_uid::text, server_version{''.join(', ' + sql for sql in cols)}, "
            f"changed_by, {STAMP_AT_SQL} FROM {info.name}")


STAMP_AT_SQL = "to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')"


def stamp(conn, info: TableInfo, uid: str) -> tuple[str, str] | None:
    """(who, when as UTC ISO text) of the last change of a server row."""
    found = conn.execute(f"SELECT changed_by, {STAMP_AT_SQL} FROM {info.name} WHERE uid = %s", (uid,)).fetchone()
    return (found[0], found[1]) if found else None


def _naive_iso(value):
    return value.isoformat() if value.tzinfo is None else value.replace(tzinfo=None).isoformat()


@_by_table
def _decoders(info: TableInfo) -> tuple:
    """Per column, how a psycopg value becomes canonical (None where it already is)."""
    out = []
    for c in own_columns(info):
        if c.ref_table or c.kind in ("text", "int", "bool", "json"):
            out.append((c.server, None))
        elif c.kind == "datetime":
            out.append((c.server, _naive_iso))
        else:
            out.append((c.server, c.to_canonical))
    return tuple(out)


def decode(info: TableInfo, record) -> tuple[dict, int, str]:
    """(row, server_version, when it was edited as UTC ISO text) from a ``select_sql`` record."""
    row = {"uid": record[0], "account_uid": record[1]}
    for (name, convert), value in zip(_decoders(info), record[2:-2], strict=True):
        row[name] = convert(value) if convert is not None and value is not None else value
    return row, record[-2], record[-1] or ""


def _edited(edited_at: str | None):
    return dt.datetime.fromisoformat(edited_at).replace(tzinfo=dt.UTC) if edited_at else None


def _param(column, value):
    value = column.to_python(value)
    if value is not None and column.kind == "json":
        return Jsonb(value)
    return value


def fetch(conn, info: TableInfo, uid: str) -> tuple[dict, int, str] | None:
    record = conn.execute(select_sql(info) + " WHERE uid = %s", (uid,)).fetchone()
    return decode(info, record) if record else None


def fetch_by_natural_key(conn, info: TableInfo, row: dict) -> tuple[dict, int, str] | None:
    columns = info.natural_key_columns()
    if not columns or any(row.get(c.server if c.server != "account_uid" else "account_uid") is None
                          for c in columns):
        return None
    where = " AND ".join(f"{c.server} = %s" for c in columns)
    record = conn.execute(select_sql(info) + f" WHERE {where}",
                          [_param(c, row.get(c.server)) for c in columns]).fetchone()
    return decode(info, record) if record else None


def insert(conn, info: TableInfo, row: dict, edited_at: str | None = None) -> bool:
    """Insert unless a row with that uid (or natural key) is there; True when inserted."""
    cols = own_columns(info)
    names = ", ".join(["uid", "account_uid", "edited_at", *(c.server for c in cols)])
    marks = ", ".join(["%s"] * (len(cols) + 3))
    params = [row["uid"], row.get("account_uid"), _edited(edited_at), *(_param(c, row.get(c.server)) for c in cols)]
    cur = conn.execute(f"INSERT INTO {info.name} ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING", params)
    return cur.rowcount == 1


def insert_many(conn, info: TableInfo, rows: list[dict], chunk: int = 500) -> set[str]:
    """Insert rows, many to a statement; the uids inserted (the others were there already)."""
    cols = own_columns(info)
    names = ", ".join(["uid", "account_uid", *(c.server for c in cols)])
    one = "(" + ", ".join(["%s"] * (len(cols) + 2)) + ")"
    inserted: set[str] = set()
    for start in range(0, len(rows), chunk):
        part = rows[start:start + chunk]
        params = [v for row in part
                  for v in (row["uid"], row.get("account_uid"), *(_param(c, row.get(c.server)) for c in cols))]
        cur = conn.execute(f"INSERT INTO {info.name} ({names}) VALUES {', '.join([one] * len(part))} "
                           "ON CONFLICT DO NOTHING RETURNING uid::text", params)
        inserted.update(r[0] for r in cur.fetchall())
    return inserted


def update(conn, info: TableInfo, row: dict, base_version: int, edited_at: str | None = None) -> int | None:
    """Compare-and-set: write the row only if the server still holds ``base_version``; the new version, or
    None when the server row moved on (or cannot be changed by this login)."""
    cols = own_columns(info)
    if not cols:
        found = conn.execute(f"SELECT server_version FROM {info.name} WHERE uid = %s AND server_version = %s",
                             (row["uid"], base_version)).fetchone()
        return found[0] if found else None
    sets = ", ".join(["edited_at = %s", *(f"{c.server} = %s" for c in cols)])
    params = [_edited(edited_at) or dt.datetime.now(dt.UTC), *(_param(c, row.get(c.server)) for c in cols),
              row["uid"], base_version]
    found = conn.execute(f"UPDATE {info.name} SET {sets} WHERE uid = %s AND server_version = %s "
                         "RETURNING server_version", params).fetchone()
    return found[0] if found else None


def delete(conn, info: TableInfo, uid: str, base_version: int) -> bool:
    cur = conn.execute(f"DELETE FROM {info.name} WHERE uid = %s AND server_version = %s", (uid, base_version))
    return cur.rowcount == 1


def tombstoned(conn, table: str, uid: str) -> bool:
    return conn.execute("SELECT 1 FROM stakemap_tombstone WHERE tbl = %s AND uid = %s",
                        (table, uid)).fetchone() is not None


def versions(conn, info: TableInfo, uids: list[str]) -> dict[str, int]:
    if not uids:
        return {}
    return dict(conn.execute(f"SELECT uid::text, server_version FROM {info.name} WHERE uid = ANY(%s::uuid[])",
                             (uids,)).fetchall())
