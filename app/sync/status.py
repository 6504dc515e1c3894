"""What a window shows of a file's sync, read from the file alone (no server): whether it is joined, how many
edits wait for the next push and how many conflicts are open."""

from __future__ import annotations

from dataclasses import dataclass

from app.sync import conflicts as conflict_store
from app.sync.connection import ServerAddress
from app.sync.tables import sync_tables


@dataclass(frozen=True)
class LocalStatus:
    address: ServerAddress | None  # None: a plain local file
    waiting: int  # rows changed, added or deleted here since the last sync
    conflicts: int
    role: str | None = None  # the login's group role, as the last sync stored it


def _joined(raw) -> ServerAddress | None:
    row = raw.execute("SELECT value FROM sync_state WHERE key = 'url'").fetchone()
    return ServerAddress.parse(row[0]) if row and row[0] else None


def may_add_shared_of(role: str | None) -> dict[str, bool]:
    """The shared rows a role may add (as the engine's ``_may_add_shared`` asks the server), from the role
    the last sync stored: for a count made offline."""
    from app.models.sync_rules import EDIT_MANAGERS, EDIT_SELF_OR_MANAGERS

    return {EDIT_SELF_OR_MANAGERS: role in ("admin", "manager", "member"), EDIT_MANAGERS: role in ("admin", "manager")}


def waiting_edits(raw, may_add_shared: dict[str, bool] | None = None) -> int:
    """Dirty rows plus rows never synced (no shadow), leaving out accounts kept out of the server and rows that
    belong to no account which this login may not add (``may_add_shared``: per shared-edit rule, as the engine's
    ``_may_add_shared`` says; None counts none of them: every file starts with its own built-in criteria)."""
    total = raw.execute("SELECT count(*) FROM sync_shadow WHERE dirty = 1").fetchone()[0]
    for info in sync_tables().values():
        if info.rule.account is None and not (may_add_shared or {}).get(info.rule.shared_edit):
            continue
        where = f"NOT EXISTS (SELECT 1 FROM sync_shadow s WHERE s.tbl = '{info.name}' AND s.uid = t.uid)"
        if info.rule.account is not None:
            where += (f" AND coalesce({info.account_sql('t')}, '') NOT IN "
                      "(SELECT account_uid FROM sync_local_account)")
        total += raw.execute(f"SELECT count(*) FROM {info.name} t WHERE {where}").fetchone()[0]
    return total


def local_status(raw, may_add_shared: dict[str, bool] | None = None) -> LocalStatus:
    address = _joined(raw)
    if address is None:
        return LocalStatus(None, 0, 0)
    row = raw.execute("SELECT value FROM sync_state WHERE key = 'role'").fetchone()
    return LocalStatus(address, waiting_edits(raw, may_add_shared), conflict_store.count(raw), row[0] if row else None)
