"""Conflicts where one side deleted a row the other changed, settled as undoable local edits.

``deleted_here`` (we deleted, a teammate changed it; the row is back): keeping theirs closes the conflict, keeping
mine deletes the row again as an ordinary captured delete. ``deleted_there`` (we changed it, a teammate deleted
it): keeping mine forgets the row's last-synced state so the next push sends it back as new, keeping theirs
deletes it here without capture (the server has deleted it already). Undo puts back exactly what was there,
rows under their own uids, so a later sync names the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.models import Base
from app.models.repositories.deletion import DeletionRecord, delete_with_record, restore
from app.sync import conflicts as conflict_store
from app.sync import replica
from app.sync.tables import sync_tables


@dataclass
class DeletionSettlement:
    conflict: dict[str, Any]
    keep: str
    deletion: DeletionRecord | None = None
    uids: dict[str, dict[int, str]] = field(default_factory=dict)  # table → id → uid of the rows deleted
    shadow: dict[str, Any] | None = None  # the last-synced state that was forgotten


class _Rows:
    """What delete_with_record takes: something with a ``__table__``."""

    def __init__(self, table) -> None:
        self.__table__ = table


def _uids_of(raw, record: DeletionRecord) -> dict[str, dict[int, str]]:
    out: dict[str, dict[int, str]] = {}
    for table, rows in record.rows.items():
        ids = [r["id"] for r in rows if "id" in r]
        if table not in sync_tables() or not ids:
            continue
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            out.setdefault(table, {}).update(raw.execute(
                f"SELECT id, uid FROM {table} WHERE id IN ({','.join('?' * len(part))})", part).fetchall())
    return out


def _row(raw, sql: str, params: tuple) -> dict[str, Any] | None:
    cur = raw.execute(sql, params)
    found = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], found, strict=True)) if found else None


def _insert(raw, table: str, row: dict[str, Any]) -> None:
    names = list(row)
    raw.execute(f"INSERT OR REPLACE INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [row[n] for n in names])


def settle(session: Session, conflict: dict[str, Any], keep: str, row_id: int | None) -> DeletionSettlement:
    raw = session.connection().connection.dbapi_connection
    table, kind = conflict["tbl"], conflict["kind"]
    done = DeletionSettlement(conflict, keep)
    deleting = row_id is not None and (kind, keep) in ((conflict_store.DELETED_HERE, "mine"),
                                                       (conflict_store.DELETED_THERE, "theirs"))
    if kind == conflict_store.DELETED_THERE:
        done.shadow = _row(raw, "SELECT * FROM sync_shadow WHERE tbl = ? AND uid = ?", (table, conflict["uid"]))
    if deleting:
        rows = _Rows(Base.metadata.tables[table])
        if kind == conflict_store.DELETED_THERE:
            with replica.Applying(raw):  # gone from the server already: nothing to push
                done.deletion = _delete(session, raw, rows, row_id, done)
        else:
            done.deletion = _delete(session, raw, rows, row_id, done)
    if kind == conflict_store.DELETED_THERE:
        replica.drop_shadow(raw, table, conflict["uid"])
    raw.execute("DELETE FROM sync_conflict WHERE id = ?", (conflict["id"],))
    return done


def uids_before_delete(session: Session, table, row_id: int) -> dict[str, dict[int, str]]:
    """The uids of the row and of what its delete takes with it (the cascade), read before the delete so that
    an undo gives every row its uid back and a later sync names the same rows."""
    from app.models.repositories.deletion import _collect

    probe = DeletionRecord()
    _collect(session, table, table.c.id == row_id, probe)
    return _uids_of(session.connection().connection.dbapi_connection, probe)


def restore_with_uids(session: Session, deletion: DeletionRecord, uids: dict[str, dict[int, str]]) -> None:
    raw = session.connection().connection.dbapi_connection
    with replica.Applying(raw):
        restore(session, deletion)
        for table, by_id in uids.items():
            raw.executemany(f"UPDATE {table} SET uid = ? WHERE id = ?", [(u, i) for i, u in by_id.items()])


def _delete(session: Session, raw, rows: _Rows, row_id: int, done: DeletionSettlement) -> DeletionRecord:
    done.uids = uids_before_delete(session, rows.__table__, row_id)
    return delete_with_record(session, rows, [row_id])


def unsettle(session: Session, done: DeletionSettlement) -> None:
    raw = session.connection().connection.dbapi_connection
    if done.deletion is not None:
        restore_with_uids(session, done.deletion, done.uids)
    if done.shadow is not None:
        _insert(raw, "sync_shadow", done.shadow)
    _insert(raw, "sync_conflict", done.conflict)
