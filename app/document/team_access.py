"""Read-only accounts of a team replica, refused in the file itself while the window has it open.

An account the team server shares with this login for reading only (a read grant, or a viewer) is marked in
``sync_access`` by every pull. Temporary triggers on each of the window's connections refuse any insert, update or
delete of that account's rows, whatever the write path (a panel, a command, an import worker), so the
refusal does not depend on a widget being disabled. Rows the sync engine writes (``sync_applying``) pass.
They are made only on the connections of a file that has a read-only account, so a file with none pays
nothing for them.

The rows that belong to no account (team members, criteria, templates) are guarded by the login's group role
as the last sync stored it (``sync_state`` "role"): a viewer changes none of them; a member adds team members
and edits only their own (or ones not shared yet), and leaves the rest to managers, as the server's policies
say (app/sync/server_schema.py).
"""

from __future__ import annotations

from sqlalchemy import event

from app.models.repositories.common import InvalidInput
from app.models.sync_rules import EDIT_SELF_OR_MANAGERS
from app.sync.tables import sync_tables

GUARD_MARK = "stakemap: read-only account"
SHARED_MARK = "stakemap: read-only shared row"  # the role does not let this login change the team's shared rows
LIMITED_ROLES = ("member", "viewer")
_FLAG = "stakemap_guard"


class ReadOnlyAccount(InvalidInput):
    """An edit of an account the team server shares with this login for reading only."""


def _shared_guard_ddl(role: str) -> list[str]:
    out = []
    for info in sync_tables().values():
        if info.rule.account is not None:
            continue
        own_rows = role == "member" and info.rule.shared_edit == EDIT_SELF_OR_MANAGERS
        for when, alias in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            if own_rows and when == "INSERT":
                continue  # any member may add a colleague
            refuse = "1"
            if own_rows:  # their own team member, or one the server has not seen yet
                refuse = (f"{alias}.uid IS NOT (SELECT value FROM main.sync_state WHERE key = 'member_uid') AND "
                          f"EXISTS (SELECT 1 FROM main.sync_shadow WHERE tbl = '{info.name}' AND uid = {alias}.uid)")
            out.append(
                f"CREATE TEMP TRIGGER IF NOT EXISTS stakemap_guard_{info.name}_{when.lower()} BEFORE {when} "
                f"ON main.{info.name} WHEN NOT EXISTS (SELECT 1 FROM main.sync_applying) AND {refuse} "
                f"BEGIN SELECT RAISE(ABORT, '{SHARED_MARK}'); END")
    return out


def _guard_ddl(read_only: bool, role: str | None) -> list[str]:
    out = _shared_guard_ddl(role) if role in LIMITED_ROLES else []
    for info in sync_tables().values():
        if info.rule.account is None or not read_only:
            continue
        for when, alias in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            out.append(
                f"CREATE TEMP TRIGGER IF NOT EXISTS stakemap_guard_{info.name}_{when.lower()} BEFORE {when} "
                f"ON main.{info.name} WHEN NOT EXISTS (SELECT 1 FROM main.sync_applying) AND EXISTS (SELECT 1 "
                f"FROM main.sync_access WHERE writable = 0 AND account_uid = {info.account_sql(alias)}) "
                f"BEGIN SELECT RAISE(ABORT, '{GUARD_MARK}'); END")
    return out


def stored_role(raw) -> str | None:
    """The login's group role as the last sync stored it (None: never synced, or a plain local file)."""
    try:
        row = raw.execute("SELECT value FROM sync_state WHERE key = 'role'").fetchone()
    except Exception:  # a file without the team bookkeeping
        return None
    return row[0] if row else None


def _wanted(raw) -> tuple[bool, str | None]:
    """(whether some account is read-only, the role when it limits shared rows)."""
    try:
        read_only = raw.execute("SELECT 1 FROM sync_access WHERE writable = 0 LIMIT 1").fetchone() is not None
    except Exception:  # a file without the team bookkeeping
        return False, None
    role = stored_role(raw)
    return read_only, role if role in LIMITED_ROLES else None


def _set_guard(raw, wanted: tuple[bool, str | None]) -> None:
    for (name,) in raw.execute("SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND "
                               "name LIKE 'stakemap_guard_%'").fetchall():
        raw.execute(f"DROP TRIGGER temp.{name}")
    for sql in _guard_ddl(*wanted):
        raw.execute(sql)


def install(database) -> None:
    """Keep every connection the database hands out guarded as the file's access says (checked at each
    checkout, so a pull that makes an account read-only takes effect on the next edit)."""
    if database.read_only or getattr(database, "_team_guard", False):
        return
    database._team_guard = True

    def on_checkout(dbapi_conn, record, _proxy):
        wanted = _wanted(dbapi_conn)
        if record.info.get(_FLAG, (False, None)) != wanted:
            _set_guard(dbapi_conn, wanted)
            record.info[_FLAG] = wanted

    event.listen(database.engine, "checkout", on_checkout)


def is_refusal(exc: BaseException) -> bool:
    return GUARD_MARK in str(exc) or SHARED_MARK in str(exc)


def is_shared_refusal(exc: BaseException) -> bool:
    return SHARED_MARK in str(exc)
