"""A revoked account leaves the file: its unsynced edits are first written to a JSON file beside the
database, so nothing is lost."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from app.sync import replica
from app.sync.connection import Notice
from app.sync.engine import local_transaction
from app.sync.tables import sync_tables


def leave_accounts(engine, accounts: set[str], result) -> None:
    """Accounts no longer shared with this login leave the file; their unsynced edits go to a JSON file
    beside the database first (nothing lost)."""
    tables = sync_tables()
    with local_transaction(engine.raw):
        for account in sorted(accounts):
            name_row = engine.raw.execute("SELECT name FROM account WHERE uid = ?", (account,)).fetchone()
            name = name_row[0] if name_row else account
            waiting = []
            for info in tables.values():
                for uid, row, shadow in engine.changes(info, set()):
                    if (row.get("account_uid") if row else shadow.account_uid) == account:
                        waiting.append(_edit(info, uid, row, shadow))
            saved = _save_waiting(engine, name, waiting) if waiting else None
            with replica.Applying(engine.raw):
                engine.raw.execute("DELETE FROM account WHERE uid = ?", (account,))
            engine.raw.execute("DELETE FROM sync_shadow WHERE account_uid = ?", (account,))
            engine.raw.execute("DELETE FROM sync_cursor WHERE account_uid = ?", (account,))
            engine.raw.execute("DELETE FROM sync_conflict WHERE account_uid = ?", (account,))
            result.warnings.append(Notice.of("left_saved", account=name, count=len(waiting), path=str(saved))
                                   if saved else Notice.of("left", account=name))

def _edit(info, uid, row, shadow) -> dict:
    return {"table": info.name, "uid": uid, "deleted": row is None, "row": row,
            "last_synced": shadow.data if shadow else None}


def unsynced_edits(engine, may_add_shared: dict[str, bool]) -> list[dict]:
    """Every edit of the file the team server has not had yet, as the revoke rule writes them — leaving out the
    accounts kept out of the server and the shared rows this login may not add (they were never to be sent)."""
    local_only = engine._local_only_accounts()
    out = []
    for info in sync_tables().values():
        for uid, row, shadow in engine.changes(info, local_only):
            if info.rule.account is None and shadow is None and not may_add_shared.get(info.rule.shared_edit):
                continue
            out.append(_edit(info, uid, row, shadow))
    return out


def save_unsynced(engine, edits: list[dict]) -> Path:
    """``edits`` (``unsynced_edits``) in a JSON file beside the database, as the revoke rule writes them."""
    return _save_waiting(engine, "all-accounts", edits)


def _save_waiting(engine, account_name: str, waiting: list[dict]) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in account_name)
    path = Path(engine.db.path).with_name(f"{Path(engine.db.path).stem}.unsynced-{safe}-{stamp}.json")
    payload = {"account": account_name, "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
               "edits": waiting}
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return path


def leave_server(raw) -> None:
    """Turn a joined file back into a plain local file: every row stays as it is, the link to the team server
    (its URL, cursors, shadows, access and open conflicts) goes, so nothing syncs any more. ``raw``: the file's
    sqlite3 connection, outside a transaction."""
    with local_transaction(raw):
        for table in ("sync_shadow", "sync_cursor", "sync_access", "sync_local_account", "sync_conflict"):
            raw.execute(f"DELETE FROM {table}")
        # The server's identity goes too: the file may join another team server now.
        raw.execute("DELETE FROM sync_state WHERE key IN ('url', 'user', 'server_uid', 'incarnation', 'role', "
                    "'member_uid')")
