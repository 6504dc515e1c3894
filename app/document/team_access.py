"""Read-only accounts of a team replica, refused in the file itself while the window has it open.

An account the team server shares with this login for reading only (a read grant, or a viewer) is marked in
``sync_access`` by every pull. Temporary triggers on each of the window's connections refuse any insert, update or
delete of that account's rows, whatever the write path (a panel, a command, an import worker), so the
refusal does not depend on a widget being disabled. Rows the sync engine writes (``sync_applying``) pass.
They are made only on the connections of a file that has a read-only account, so a file with none pays
nothing for them.
"""

from __future__ import annotations

from sqlalchemy import event

from app.models.repositories.common import InvalidInput
from app.sync.tables import sync_tables

GUARD_MARK = "stakemap: read-only account"
_FLAG = "stakemap_guard"


class ReadOnlyAccount(InvalidInput):
    """An edit of an account the team server shares with this login for reading only."""


def _guard_ddl() -> list[str]:
    out = []
    for info in sync_tables().values():
        if info.rule.account is None:
            continue
        for when, alias in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            out.append(
                f"CREATE TEMP TRIGGER IF NOT EXISTS stakemap_guard_{info.name}_{when.lower()} BEFORE {when} "
                f"ON main.{info.name} WHEN NOT EXISTS (SELECT 1 FROM main.sync_applying) AND EXISTS (SELECT 1 "
                f"FROM main.sync_access WHERE writable = 0 AND account_uid = {info.account_sql(alias)}) "
                f"BEGIN SELECT RAISE(ABORT, '{GUARD_MARK}'); END")
    return out


def _wanted(raw) -> bool:
    try:
        return raw.execute("SELECT 1 FROM sync_access WHERE writable = 0 LIMIT 1").fetchone() is not None
    except Exception:  # a file without the team bookkeeping
        return False


def _set_guard(raw, on: bool) -> None:
    if on:
        for sql in _guard_ddl():
            raw.execute(sql)
    else:
        for (name,) in raw.execute("SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND "
                                   "name LIKE 'stakemap_guard_%'").fetchall():
            raw.execute(f"DROP TRIGGER temp.{name}")


def install(database) -> None:
    """Keep every connection the database hands out guarded as the file's access says (checked at each
    checkout, so a pull that makes an account read-only takes effect on the next edit)."""
    if database.read_only or getattr(database, "_team_guard", False):
        return
    database._team_guard = True

    def on_checkout(dbapi_conn, record, _proxy):
        wanted = _wanted(dbapi_conn)
        if record.info.get(_FLAG, False) != wanted:
            _set_guard(dbapi_conn, wanted)
            record.info[_FLAG] = wanted

    event.listen(database.engine, "checkout", on_checkout)


def is_refusal(exc: BaseException) -> bool:
    return GUARD_MARK in str(exc)
