"""Who last changed a synced row on the team server, and when, as the file keeps it: the server's stamps
(``changed_by``, ``changed_at``) come last with every pulled row and are kept in the shadow's columns of the same
names (beside its values, which a first edit writes without touching them). A row changed here and not synced yet
(dirty, or never synced) has no stamp of the server's: it was changed by this file's user."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stamp:
    by: str | None  # the server login; None for an unsynced change made here
    at: str | None  # UTC, ISO text
    pending: bool  # changed here and not synced yet


def restamp(raw, rows: list[tuple[str | None, str | None, str, str, int]]) -> None:
    """Our own pushed rows as the pull sees them again: (who, when, table, uid, version); the shadow's values
    are the ones pushed already, the server adds who and when."""
    if rows:
        raw.executemany("UPDATE sync_shadow SET changed_by = ?, changed_at = ? "
                        "WHERE tbl = ? AND uid = ? AND base_version = ?", rows)


def local_user(raw) -> str | None:
    row = raw.execute("SELECT value FROM sync_state WHERE key = 'user'").fetchone()
    return row[0] if row else None


def is_joined(raw) -> bool:
    return raw.execute("SELECT 1 FROM sync_state WHERE key = 'url'").fetchone() is not None


def of_rows(raw, table: str, ids: list[int]) -> dict[int, Stamp]:
    """The stamps of rows of ``table`` by local id (rows of a file that was never joined have none)."""
    found: dict[int, Stamp] = {}
    if not ids or not is_joined(raw):
        return found
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        for ident, by, at, dirty, has_shadow in raw.execute(
                f"SELECT t.id, s.changed_by, s.changed_at, s.dirty, "
                f"s.uid IS NOT NULL FROM {table} t LEFT JOIN sync_shadow s ON s.tbl = ? AND s.uid = t.uid "
                f"WHERE t.id IN ({','.join('?' * len(part))})", (table, *part)):
            if not has_shadow or dirty:
                found[ident] = Stamp(None, None, True)
            elif by:
                found[ident] = Stamp(by, at, False)
    return found


def recent_by_others(raw, account_uid: str, limit: int = 50) -> list[tuple[str, str, str, str]]:
    """(table, uid, who, when) of the account's rows last changed on the server by someone else, newest
    first."""
    me = local_user(raw) or ""
    return [tuple(r) for r in raw.execute(
        "SELECT tbl, uid, changed_by AS who, changed_at AS at FROM sync_shadow "
        "WHERE account_uid = ? AND dirty = 0 AND who IS NOT NULL AND who <> ? ORDER BY base_version DESC LIMIT ?",
        (account_uid, me, limit))]
