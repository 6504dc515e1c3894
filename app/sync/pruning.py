"""Old tombstones leave the team server, and a replica that was away longer than they were kept pulls the
accounts concerned again from the start instead of missing their deletes.

Deletes are tombstones kept at least 180 days (TEAM.md). Pruning is an administrator's maintenance run
(``stakemap server prune URL``, and every ``server upgrade``), not part of a sync: Zotero's server purges its
delete log the same way, outside the sync path, so a sync never pays for it and a member's login needs no
rights over accounts it cannot see. For every account it prunes, the server keeps the highest version it
pruned (``stakemap_pruned``); a replica whose cursor of that account is below it may have missed a delete,
so it reads the whole account again in the pull's snapshot, and every synced row the server no longer holds
is treated as deleted there (an unsynced edit of it becomes a conflict, as with any delete).
"""

from __future__ import annotations

KEEP_DAYS = 180
# stakemap_pruned's key for the rows that belong to no account (a primary key cannot be NULL).
SHARED_KEY = "00000000-0000-0000-0000-000000000000"


def revision_2() -> list[str]:
    """The server revision that records what pruning removed."""
    everyone = "stakemap_admin, stakemap_manager, stakemap_member, stakemap_viewer"
    visible = ("(SELECT stakemap_visible_accounts(current_user, false)) IS NULL OR account_uid = ANY "
               "((SELECT stakemap_visible_accounts(current_user, false))::uuid[])")
    return [
        """CREATE TABLE stakemap_pruned (account_uid uuid PRIMARY KEY, through bigint NOT NULL,
                                         pruned_at timestamptz NOT NULL DEFAULT now())""",
        "ALTER TABLE stakemap_pruned ENABLE ROW LEVEL SECURITY",
        f"""CREATE POLICY stakemap_pruned_read ON stakemap_pruned FOR SELECT
            USING (account_uid = '{SHARED_KEY}' OR {visible})""",
        f"GRANT SELECT ON stakemap_pruned TO {everyone}",
    ]


def prune(conn, days: int = KEEP_DAYS) -> int:
    """Remove the tombstones older than ``days`` (never fewer than 180), inside the caller's transaction (an
    administrator's connection); returns how many went."""
    days = max(days, KEEP_DAYS)
    found = conn.execute(
        f"""WITH gone AS (DELETE FROM stakemap_tombstone WHERE deleted_at < now() - make_interval(days => %s)
                          RETURNING account_uid, server_version),
                 marked AS (INSERT INTO stakemap_pruned (account_uid, through)
                            SELECT coalesce(account_uid, '{SHARED_KEY}'), max(server_version) FROM gone GROUP BY 1
                            ON CONFLICT (account_uid) DO UPDATE
                              SET through = greatest(stakemap_pruned.through, EXCLUDED.through), pruned_at = now())
            SELECT count(*) FROM gone""", (days,)).fetchone()
    return found[0]


def stale_accounts(conn, cursors: dict[str, int], shared: str) -> dict[str, int]:
    """Of ``cursors`` (account → cursor, ``shared`` naming the rows of no account), the accounts whose cursor
    is below what pruning removed, each with that version (in the caller's snapshot)."""
    if conn.execute("SELECT to_regclass('public.stakemap_pruned')").fetchone()[0] is None:
        return {}  # a server from before pruning has never pruned
    stale = {}
    for account, through in conn.execute("SELECT account_uid::text, through FROM stakemap_pruned"):
        key = shared if account == SHARED_KEY else account
        if key in cursors and 0 < cursors[key] < through:
            stale[key] = through
    return stale


def vanished(raw, tables, stale: dict[str, int], present: dict[str, set[str]], shared: str) -> list[tuple]:
    """Tombstones (table, uid, account, version) for the synced rows of ``stale`` accounts that the file holds
    and the server no longer does (``present``: the uids of those accounts the full pull brought, by table)."""
    out = []
    for table, uid, account in raw.execute("SELECT tbl, uid, account_uid FROM sync_shadow"):
        key = account or shared
        if key in stale and table in tables and uid not in present.get(table, ()):
            out.append((table, uid, account, stale[key]))
    return out
