"""Open conflicts of this replica: listed, and resolved by keeping theirs or mine.

Kinds: ``field`` (a field changed differently on both sides: the server's value is live, ours is kept here),
``deleted_here`` (we deleted a row the server edited: the row is back until the user decides),
``deleted_there`` (we edited a row the server deleted: ours stays until the user decides), and
``duplicate`` (the same person created on two laptops: both kept; resolving merges them into one).
Resolving writes through the file like any edit, so the triggers capture it and the next sync carries it.
"""

from __future__ import annotations

import json

from app.sync import replica
from app.sync.tables import sync_tables

FIELD, DELETED_HERE, DELETED_THERE, DUPLICATE = "field", "deleted_here", "deleted_there", "duplicate"


def add(raw, table, uid, account_uid, field, kind, *, theirs, mine, base, other_uid=None, stamp=None) -> None:
    """``stamp``: (who, when) of the server's value, where the server said."""
    by, at = stamp or (None, None)
    raw.execute("DELETE FROM sync_conflict WHERE tbl = ? AND uid = ? AND field = ? AND kind = ?",
                (table, uid, field, kind))
    raw.execute("INSERT INTO sync_conflict (tbl, uid, account_uid, field, kind, theirs, mine, base, other_uid, "
                "theirs_by, theirs_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (table, uid, account_uid, field, kind, json.dumps(theirs, ensure_ascii=False),
                 json.dumps(mine, ensure_ascii=False), json.dumps(base, ensure_ascii=False), other_uid, by, at))


def exists(raw, table, uid, kind) -> bool:
    return raw.execute("SELECT 1 FROM sync_conflict WHERE tbl = ? AND uid = ? AND kind = ?",
                       (table, uid, kind)).fetchone() is not None


def count(raw) -> int:
    return raw.execute("SELECT count(*) FROM sync_conflict").fetchone()[0]


def listing(raw) -> list[dict]:
    """The open conflicts in the shape of ``conflicts --json``."""
    out = []
    for cid, table, uid, account_uid, field, theirs, mine, base in raw.execute(
            "SELECT id, tbl, uid, account_uid, field, theirs, mine, base FROM sync_conflict ORDER BY id"):
        account = raw.execute("SELECT name FROM account WHERE uid = ?", (account_uid,)).fetchone()
        out.append({"id": str(cid), "account": account[0] if account else "", "table": table,
                    "row": replica.row_label(raw, table, uid), "field": field,
                    "theirs": json.loads(theirs), "mine": json.loads(mine), "base": json.loads(base)})
    return out


class ResolveError(Exception):
    pass


def resolve(raw, conflict_id: str, keep: str) -> str:
    """Keep ``theirs`` or ``mine``; returns one line saying what happened."""
    if keep not in ("theirs", "mine"):
        raise ResolveError("--keep takes theirs or mine")
    row = raw.execute("SELECT tbl, uid, field, kind, mine, other_uid FROM sync_conflict WHERE id = ?",
                      (conflict_id,)).fetchone() if conflict_id.isdigit() else None
    if row is None:
        raise ResolveError(f"no open conflict {conflict_id} (see `stakemap conflicts`)")
    table, uid, field, kind, mine, other_uid = row
    info = sync_tables()[table]
    label = replica.row_label(raw, table, uid)
    raw.execute("BEGIN IMMEDIATE")
    try:
        if kind == FIELD:
            if keep == "mine":
                column = info.column(field)
                value = json.loads(mine)
                if column.ref_table:
                    found = raw.execute(f"SELECT {column.ref_column} FROM {column.ref_table} WHERE uid = ?",
                                        (value,)).fetchone()
                    value = found[0] if found else None
                else:
                    value = column.to_local(value)
                raw.execute(f"UPDATE {table} SET {column.local} = ? WHERE uid = ?", (value, uid))
            message = f"{label}: kept {keep} for {field}"
        elif kind == DELETED_HERE:
            if keep == "mine":
                raw.execute(f"DELETE FROM {table} WHERE uid = ?", (uid,))
            message = f"{label}: " + ("deleted, as here" if keep == "mine" else "kept, as edited there")
        elif kind == DELETED_THERE:
            if keep == "mine":
                # The row goes back to the server as new, under its own uid.
                replica.drop_shadow(raw, table, uid)
            else:
                with replica.Applying(raw):
                    raw.execute(f"DELETE FROM {table} WHERE uid = ?", (uid,))
                replica.drop_shadow(raw, table, uid)
            message = f"{label}: " + ("kept, as edited here" if keep == "mine" else "deleted, as there")
        else:
            kept, gone = (uid, other_uid) if keep == "mine" else (other_uid, uid)
            merge_people(raw, kept, gone)
            message = f"{label}: merged into one person"
        raw.execute("DELETE FROM sync_conflict WHERE id = ?", (conflict_id,))
        if kind == DUPLICATE:
            raw.execute("DELETE FROM sync_conflict WHERE kind = ? AND (uid IN (?, ?) OR other_uid IN (?, ?))",
                        (DUPLICATE, uid, other_uid, uid, other_uid))
    except BaseException:
        raw.execute("ROLLBACK")
        raise
    raw.execute("COMMIT")
    return message


def merge_people(raw, kept_uid: str, gone_uid: str) -> None:
    """Merge a duplicate person into the one kept: its links, needs, actions, interactions and opportunities
    move over, the kept person's empty fields take the other's values, then the duplicate goes."""
    from app.models import Base

    ids = dict(raw.execute("SELECT uid, id FROM person WHERE uid IN (?, ?)", (kept_uid, gone_uid)))
    if kept_uid not in ids or gone_uid not in ids:
        raise ResolveError("one of the two people is no longer there")
    kept, gone = ids[kept_uid], ids[gone_uid]
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if any(fk.column.table.name == "person" for fk in column.foreign_keys) and table.name != "person":
                # OR IGNORE: a row the kept person already has (the same opportunity) stays single.
                raw.execute(f"UPDATE OR IGNORE {table.name} SET {column.name} = ? WHERE {column.name} = ?",
                            (kept, gone))
    for column in ("title", "department", "competitor_preference", "email", "phone", "notes", "influence"):
        raw.execute(f"UPDATE person SET {column} = (SELECT {column} FROM person WHERE id = ?) "
                    f"WHERE id = ? AND {column} IS NULL", (gone, kept))
    raw.execute("DELETE FROM person WHERE id = ?", (gone,))
