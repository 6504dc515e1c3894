"""Delete rows in a way that can be undone exactly.

Before deleting, we record every row the database would remove with it (ON DELETE CASCADE, followed
transitively) and every column it would set to NULL. Restoring re-inserts those rows with their
original ids and puts the nulled references back, so later undo commands that name those ids still work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, and_, insert, select, update
from sqlalchemy.orm import Session

from app.models.base import Base


@dataclass
class DeletionRecord:
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # table -> rows
    nulled: list[tuple[str, dict[str, Any], str, Any]] = field(default_factory=list)  # table, pk, col, value


def _pk_filter(table: Table, pk: dict[str, Any]):
    return and_(*(table.c[k] == v for k, v in pk.items()))


def _collect(session: Session, table: Table, where, record: DeletionRecord) -> None:
    rows = [dict(r._mapping) for r in session.execute(select(table).where(where))]
    if not rows:
        return
    stored = record.rows.setdefault(table.name, [])
    known = {tuple(r[c.name] for c in table.primary_key.columns) for r in stored}
    new_rows = [r for r in rows if tuple(r[c.name] for c in table.primary_key.columns) not in known]
    if not new_rows:
        return
    stored.extend(new_rows)
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is not table:
                continue
            values = [r[fk.column.name] for r in new_rows]
            ref_where = fk.parent.in_(values)
            if fk.ondelete == "CASCADE":
                _collect(session, child, ref_where, record)
            elif fk.ondelete == "SET NULL":
                for r in session.execute(select(child).where(ref_where)):
                    m = r._mapping
                    pk = {c.name: m[c.name] for c in child.primary_key.columns}
                    record.nulled.append((child.name, pk, fk.parent.name, m[fk.parent.name]))


def delete_with_record(session: Session, model: type, ids: list[int]) -> DeletionRecord:
    """Delete rows of ``model`` by primary key and return what is needed to restore them."""
    table: Table = model.__table__
    pk_col = next(iter(table.primary_key.columns))
    record = DeletionRecord()
    _collect(session, table, pk_col.in_(ids), record)
    session.execute(table.delete().where(pk_col.in_(ids)))
    session.flush()
    session.expire_all()
    return record


def restore(session: Session, record: DeletionRecord) -> None:
    for table in Base.metadata.sorted_tables:
        rows = record.rows.get(table.name)
        if rows:
            session.execute(insert(table), rows)
    for table_name, pk, column, value in record.nulled:
        table = Base.metadata.tables[table_name]
        values = {column: value}
        if "updated_at" in table.c:
            # Assign the column to itself so its onupdate does not stamp the restored row as changed now.
            values["updated_at"] = table.c.updated_at
        session.execute(update(table).where(_pk_filter(table, pk)).values(values))
    session.flush()
    session.expire_all()
