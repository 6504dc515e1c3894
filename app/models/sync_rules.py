"""How each table takes part in team sync, declared once beside its entity (``__sync__ = synced(...)``).

The file's change-capture triggers, the field-by-field merge and the team server's schema and row-level
security policies all read these declarations, so they cannot drift apart. A table is either synced (with a
rule per field) or explicitly local-only; a test fails on a table that is neither.

Field rules (TEAM.md, merge rules):
- ``scalar`` (the default): changed differently on both sides → a conflict; the server's value stays live.
- ``long_text``: the same, and the window shows both texts side by side.
- ``latest``: the latest edit wins, never a conflict (map positions, timestamps).
Table kinds:
- ``record``: rows are edited in place, field by field.
- ``append_only``: rows are added, and perhaps removed, but never merged: the latest edit wins (interactions'
  participants, survey answers, snapshots). Rows added on both sides are both kept, as with every table.
"""

from __future__ import annotations

from dataclasses import dataclass

SCALAR, LONG_TEXT, LATEST = "scalar", "long_text", "latest"
RECORD, APPEND_ONLY = "record", "append_only"
# Who may change a row that belongs to no account (TEAM.md, who may see and change what).
EDIT_SELF_OR_MANAGERS, EDIT_MANAGERS = "self_or_managers", "managers"

POSITIONS = ("x", "y")
# Bookkeeping stamps: they follow the latest edit, and never conflict.
STAMPS = ("created_at", "updated_at")


@dataclass(frozen=True)
class SyncRule:
    """A synced table's declaration.

    ``account`` says which account a row belongs to: ``"self"`` for the account table, the name of a column
    referring to ``account.id``, ``"parent_column>parent_table"`` for a row that belongs to its parent's
    account (an interaction's participants), or None for rows shared by every account.
    """

    account: str | None
    kind: str = RECORD
    long_text: tuple[str, ...] = ()
    latest: tuple[str, ...] = STAMPS
    # Rows with the same values here are the same row: two replicas that each made one (a criterion of the
    # built-in model, a member on an account's team) end with one, the server's.
    natural_key: tuple[str, ...] = ()
    # Columns that flag a newly pulled row as a possible duplicate of a local one (same e-mail, same name).
    duplicate_keys: tuple[str, ...] = ()
    # A column whose value must be unique on the server (an account's name): a clash is refused, never merged.
    unique: str | None = None
    # Rows that belong to no account: who may change them (readable by everyone, addable by any writer).
    shared_edit: str | None = None

    def field_rule(self, column: str) -> str:
        if self.kind == APPEND_ONLY or column in self.latest:
            return LATEST
        if column in self.long_text:
            return LONG_TEXT
        return SCALAR

    @property
    def parent(self) -> tuple[str, str] | None:
        """(column, table) of the parent whose account a row belongs to, for ``"column>table"``."""
        if self.account and ">" in self.account:
            column, table = self.account.split(">", 1)
            return column, table
        return None


@dataclass(frozen=True)
class LocalOnly:
    """A table that never leaves this file (why is said in ``reason``)."""

    reason: str


def synced(account: str | None, *, kind: str = RECORD, long_text: tuple[str, ...] = (),
           latest: tuple[str, ...] = (), natural_key: tuple[str, ...] = (), duplicate_keys: tuple[str, ...] = (),
           unique: str | None = None, shared_edit: str | None = None) -> SyncRule:
    """Declare a synced table; ``latest`` adds to the bookkeeping stamps, which always follow the latest edit."""
    if account is None and shared_edit is None:
        shared_edit = EDIT_MANAGERS
    return SyncRule(account=account, kind=kind, long_text=tuple(long_text), latest=STAMPS + tuple(latest),
                    natural_key=tuple(natural_key), duplicate_keys=tuple(duplicate_keys), unique=unique,
                    shared_edit=shared_edit)


def local_only(reason: str) -> LocalOnly:
    return LocalOnly(reason)


# Tables without an entity: the migration history and the sync engine's own bookkeeping.
LOCAL_TABLES = {
    "alembic_version": local_only("the file's own migration history"),
    "sync_shadow": local_only("last-synced values and dirty marks of synced rows"),
    "sync_cursor": local_only("how far each account has been pulled"),
    "sync_state": local_only("the server this file is joined to (without its password)"),
    "sync_access": local_only("which accounts this login may change"),
    "sync_local_account": local_only("accounts kept out of the team server at join"),
    "sync_conflict": local_only("open conflicts, this replica's own"),
    "sync_applying": local_only("set while pulled changes are applied, so they are not captured again"),
}


def declarations(metadata) -> dict[str, SyncRule | LocalOnly]:
    """Every declared table of ``metadata``'s entities and of the bookkeeping above, by table name."""
    from app.models.base import Base

    found: dict[str, SyncRule | LocalOnly] = dict(LOCAL_TABLES)
    for mapper in Base.registry.mappers:
        rule = getattr(mapper.class_, "__sync__", None)
        table = mapper.local_table
        if rule is not None and table is not None and table.name in metadata.tables:
            found[table.name] = rule
    return found


def synced_tables(metadata) -> dict[str, SyncRule]:
    """The synced tables in dependency order (parents before children), each with its rule."""
    rules = declarations(metadata)
    return {t.name: rules[t.name] for t in metadata.sorted_tables if isinstance(rules.get(t.name), SyncRule)}
