"""The synced tables as the sync engine sees them: columns, references by uid, the account a row belongs to,
and one canonical form of every value, so that the file, the server and the shadows compare alike.

Everything here is derived from the entities and their ``__sync__`` declarations (app/models/sync_rules.py).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric
from sqlalchemy.dialects import sqlite

from app.models import Base
from app.models.sync_rules import SyncRule, synced_tables

_SQLITE = sqlite.dialect()


def _kind(sa_type) -> str:
    for cls, name in ((Boolean, "bool"), (DateTime, "datetime"), (Date, "date"), (Numeric, "decimal"),
                      (Float, "float"), (Integer, "int"), (JSON, "json")):
        if isinstance(sa_type, cls):
            # Float is a Numeric subclass in SQLAlchemy: checked in this order, Numeric catches both.
            if name == "decimal" and isinstance(sa_type, Float):
                return "float"
            return name
    return "text"


@dataclass(frozen=True)
class Column:
    """A user-visible column: ``local`` in the file, ``server`` on the team server (references become uids)."""

    local: str
    server: str
    kind: str
    sa_type: object
    ref_table: str | None = None  # the synced table a reference column points to
    ref_column: str = "id"

    def to_canonical(self, value):
        """A value read from the file (already a Python object) or the server → its canonical, JSON-able form."""
        if value is None:
            return None
        if self.kind == "datetime":
            if isinstance(value, str):
                value = dt.datetime.fromisoformat(value)
            return value.replace(tzinfo=None).isoformat()
        if self.kind == "date":
            if isinstance(value, str):
                value = dt.date.fromisoformat(value[:10])
            return value.isoformat()
        if self.kind == "decimal":
            return format(Decimal(str(value)).normalize(), "f")
        if self.kind == "bool":
            return bool(value)
        if self.kind == "int":
            return int(value)
        if self.kind == "float":
            return float(value)
        if self.kind == "json" and isinstance(value, str):
            return json.loads(value)
        if self.ref_table is not None:
            return str(value)
        return value

    def to_python(self, value):
        """A canonical value → the Python object the file and psycopg take."""
        if value is None:
            return None
        if self.kind == "datetime":
            return dt.datetime.fromisoformat(value)
        if self.kind == "date":
            return dt.date.fromisoformat(value)
        if self.kind == "decimal":
            return Decimal(value)
        return value

    @cached_property
    def _bind(self):
        return self.sa_type.dialect_impl(_SQLITE).bind_processor(_SQLITE)

    @cached_property
    def _result(self):
        return self.sa_type.dialect_impl(_SQLITE).result_processor(_SQLITE, None)

    def to_local(self, value):
        """A canonical value → what the sqlite3 module stores, as SQLAlchemy would have stored it."""
        if value is None:
            return None
        if self.kind == "text" or self.kind == "uid":
            return value
        value = self.to_python(value)
        processor = self._bind
        return processor(value) if processor else value

    def from_local(self, raw):
        if raw is None:
            return None
        if self.kind == "text":
            return raw
        processor = self._result
        return self.to_canonical(processor(raw) if processor else raw)


def server_column_name(local: str) -> str:
    return (local[:-3] if local.endswith("_id") else local) + "_uid"


@dataclass(frozen=True)
class TableInfo:
    name: str
    rule: SyncRule
    columns: tuple[Column, ...]
    has_id: bool  # an integer surrogate key ``id`` (others are keyed by their references)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.local == name or c.server == name:
                return c
        raise KeyError(name)

    @property
    def data_columns(self) -> tuple[Column, ...]:
        """Columns that carry the row's own data and references, as the server stores them (``account_uid``
        included once: an ``account_id`` reference is the row's account)."""
        return self.columns

    def account_sql(self, alias: str = "t") -> str:
        """SQL giving the uid of the account a local row belongs to (NULL for shared rows)."""
        account = self.rule.account
        if account is None:
            return "NULL"
        if account == "self":
            return f"{alias}.uid"
        parent = self.rule.parent
        if parent:
            column, table = parent
            return (f"(SELECT a.uid FROM {table} p JOIN account a ON a.id = p.account_id "
                    f"WHERE p.id = {alias}.{column})")
        return f"(SELECT a.uid FROM account a WHERE a.id = {alias}.{account})"

    def natural_key_columns(self) -> tuple[Column, ...]:
        return tuple(self.column(name) for name in self.rule.natural_key)


def _table_info(table, rule: SyncRule, synced: set[str]) -> TableInfo:
    columns = []
    has_id = False
    for col in table.columns:
        if col.primary_key and col.name == "id" and not col.foreign_keys:
            has_id = True
            continue
        fk = next(iter(col.foreign_keys), None)
        if fk is not None and fk.column.table.name in synced:
            columns.append(Column(col.name, server_column_name(col.name), "uid", col.type,
                                  ref_table=fk.column.table.name, ref_column=fk.column.name))
        else:
            columns.append(Column(col.name, col.name, _kind(col.type), col.type))
    # Plain str names: sqlite3 asks a str subclass (SQLAlchemy's quoted names) to adapt itself, value by value.
    return TableInfo(str(table.name), rule, tuple(columns), has_id)


@cache
def sync_tables() -> dict[str, TableInfo]:
    """Every synced table, parents before children."""
    rules = synced_tables(Base.metadata)
    names = set(rules)
    return {name: _table_info(Base.metadata.tables[name], rule, names) for name, rule in rules.items()}
