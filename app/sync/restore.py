"""Which team server this is, and what a replica does when that server was restored from an older backup.

A server keeps a uid of its own (``stakemap_server``), stored in the file at the first sync: a file whose
address now leads to another team server is refused, so two teams' rows never mix. Its *incarnation* (the
database's and sequence's oids, the cluster's identity and timeline) changes with a restore, which the rows it
brings back do not tell; the first client to meet a new incarnation notes the highest version at that moment
(the *fork*).

A restored server is detected when its highest ``server_version`` is below what this file knows (a cursor, or
the version a row was last synced at), or when its incarnation is not the one this file last synced with and
the file knows versions above the fork. Every row the file last synced above the fork then goes up again
(with the dirty ones), and every account is pulled again from the start, so work done after the backup is not
lost as long as one replica held it, and the version numbers the restored server hands out anew never mix
with the ones this file knew.
"""

from __future__ import annotations

import json

from app.sync import replica
from app.sync import server_rows as srv
from app.sync.connection import Notice, SyncRefused
from app.sync.tables import sync_tables


def server_identity(conn) -> tuple[str, str, int] | None:
    """(server uid, incarnation, version at the last fork), or None on a server without them (before
    revision s0003: it works, without these checks, until `server upgrade`). Inside the caller's transaction."""
    if conn.execute("SELECT to_regprocedure('stakemap_identity()')").fetchone()[0] is None:
        return None
    uid, incarnation, forked_at = conn.execute("SELECT * FROM stakemap_identity()").fetchone()
    return uid, incarnation, int(forked_at or 0)


def check_same_server(engine) -> None:
    """SyncRefused when the file was last synced with a team server of another uid."""
    from app.sync.engine import state

    if engine.identity is None:
        return
    known = state(engine.raw, "server_uid")
    if known is not None and known != engine.identity[0]:
        raise SyncRefused.of("other_server", url=engine.address.url())


def highest_version(conn) -> int:
    return conn.execute("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM stakemap_version_seq"
                        ).fetchone()[0]


def known_version(raw) -> int:
    """The highest server version this file holds anything of."""
    cursor = raw.execute("SELECT coalesce(max(version), 0) FROM sync_cursor").fetchone()[0]
    base = raw.execute("SELECT coalesce(max(base_version), 0) FROM sync_shadow").fetchone()[0]
    return max(cursor, base)


def fork_point(engine) -> tuple[int, int] | None:
    """(the version the server went back to, the highest this file knows) when the server was restored since
    this file last synced; None otherwise."""
    from app.sync.engine import state

    with engine.server.transaction():
        top = highest_version(engine.server)
    known = known_version(engine.raw)
    fork = top if known > top else None
    if engine.identity is not None:
        incarnation = state(engine.raw, "incarnation")
        if incarnation is not None and incarnation != engine.identity[1] and known > engine.identity[2]:
            fork = min(engine.identity[2], top if fork is None else fork)
    return (fork, known) if fork is not None else None


def recover_from_restore(engine, result) -> None:
    """Detect a restored server and make this file's newer work go up again (see the module's text); then
    remember the server's identity. Idempotent: a retry after a failure finds the file already recovered."""
    from app.sync.engine import local_transaction, state

    found = fork_point(engine)
    remembered = engine.identity is None or (
        state(engine.raw, "server_uid"), state(engine.raw, "incarnation")) == engine.identity[:2]
    if found is None and remembered:
        return  # the usual case: nothing to write in the file
    with local_transaction(engine.raw):
        if found is not None:
            fork, known = found
            sent = _prepare_resend(engine, fork)
            engine.raw.execute("UPDATE sync_cursor SET version = 0")
            result.warnings.append(Notice.of("restored", fork=fork, known=known, sent=sent))
        if engine.identity is not None:
            engine.raw.executemany("INSERT OR REPLACE INTO sync_state VALUES (?, ?)",
                                   [("server_uid", engine.identity[0]), ("incarnation", engine.identity[1])])


def _prepare_resend(engine, fork: int) -> int:
    """Shadows last synced above ``fork`` are made to push again: against the restored row where the server
    holds it as the backup had it (ours is newer), as a row to merge field by field where someone rewrote it
    since the restore (every difference a conflict: nothing taken silently), as a new row where the server has
    none. Returns how many rows will go up."""
    tables = sync_tables()
    waiting = replica.shadows(engine.raw, "base_version > ?", (fork,))
    by_table: dict[str, list] = {}
    for shadow in waiting.values():
        by_table.setdefault(shadow.table, []).append(shadow)
    sent = 0
    with engine.server.transaction():
        for table, shadows in by_table.items():
            info = tables.get(table)
            if info is None:
                continue
            uids = [s.uid for s in shadows]
            there = {}
            for record in engine.server.execute(srv.select_sql(info) + " WHERE uid = ANY(%s::uuid[])", (uids,)):
                row, version, _ = srv.decode(info, record)
                there[row["uid"]] = (row, version)
            gone = {r[0] for r in engine.server.execute(
                "SELECT uid::text FROM stakemap_tombstone WHERE tbl = %s AND uid = ANY(%s::uuid[])", (table, uids))}
            for shadow in shadows:
                sent += _resend(engine.raw, shadow, there.get(shadow.uid), shadow.uid in gone, fork)
    return sent


def _resend(raw, shadow, there, tombstoned: bool, fork: int) -> int:
    key = (shadow.table, shadow.uid)
    if there is None and not tombstoned:
        # Made after the backup: the row is new to this server (or, deleted here too, simply gone).
        replica.drop_shadow(raw, *key)
        if shadow.table == "account":  # an account new to this server: not one taken back from this login
            raw.execute("DELETE FROM sync_cursor WHERE account_uid = ?", (shadow.uid,))
        exists = raw.execute(f"SELECT 1 FROM {shadow.table} WHERE uid = ?", (shadow.uid,)).fetchone()
        return int(exists is not None)
    if there is not None:
        row, version = there
        if row == shadow.data:  # someone sent the same values again already
            raw.execute("UPDATE sync_shadow SET base_version = ? WHERE tbl = ? AND uid = ?", (version, *key))
            return int(shadow.dirty)
        if version <= fork:  # as the backup had it: ours is the newer work
            raw.execute("UPDATE sync_shadow SET base_version = ?, dirty = 1 WHERE tbl = ? AND uid = ?",
                        (version, *key))
            return 1
    # Rewritten or deleted since the restore: merged against nothing, so every difference is listed.
    empty = json.dumps({"uid": shadow.uid, "account_uid": shadow.account_uid})
    raw.execute("UPDATE sync_shadow SET base_version = -1, dirty = 1, data = ? WHERE tbl = ? AND uid = ?",
                (empty, *key))
    return 1
