"""What an administrator does to a team server: create its schema, upgrade it, add logins, grant accounts."""

from __future__ import annotations

from app.sync import pruning
from app.sync.connection import SyncRefused
from app.sync.server_schema import (
    PROTOCOL_VERSION,
    SERVER_HEAD,
    SERVER_REVISIONS,
    _roles_sql,
    reconcile_statements,
)

ROLES = ("admin", "manager", "member", "viewer")


def _connect(url: str):
    import psycopg

    try:
        return psycopg.connect(url, connect_timeout=10, application_name="stakemap")
    except psycopg.OperationalError as exc:
        raise SyncRefused(f"cannot reach the team server: {str(exc).strip().splitlines()[-1]}") from exc


def _applied(conn) -> list[str]:
    exists = conn.execute("SELECT to_regclass('public.stakemap_migration') IS NOT NULL").fetchone()[0]
    if not exists:
        return []
    return [r[0] for r in conn.execute("SELECT revision FROM stakemap_migration ORDER BY applied_at, revision")]


def _apply_pending(conn, applied: list[str]) -> list[str]:
    done = []
    # Functions may name tables created further down the same revision.
    conn.execute("SET LOCAL check_function_bodies = off")
    for revision, statements in SERVER_REVISIONS:
        if revision in applied:
            continue
        for sql in statements():
            conn.execute(sql)
        conn.execute("INSERT INTO stakemap_migration (revision) VALUES (%s)", (revision,))
        done.append(revision)
    conn.execute("""INSERT INTO stakemap_server VALUES ('revision', %s), ('protocol', %s)
                    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value""", (SERVER_HEAD, str(PROTOCOL_VERSION)))
    return done


def init(url: str) -> None:
    """Schema, roles and policies on an empty database, in one transaction (roles are the cluster's)."""
    with _connect(url) as conn:
        if _applied(conn):
            raise SyncRefused("that database is already a Stakemap team server (use `stakemap server upgrade`)")
        if conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]:
            raise SyncRefused("that database is not empty: `server init` needs an empty database")
        for sql in _roles_sql():
            conn.execute(sql)
        _apply_pending(conn, [])


def upgrade(url: str) -> list[str]:
    """Apply the server revisions this build knows and the server lacks; returns them."""
    with _connect(url) as conn:
        applied = _applied(conn)
        if not applied:
            raise SyncRefused("that database is not a Stakemap team server (run `stakemap server init` first)")
        unknown = [r for r in applied if r not in dict(SERVER_REVISIONS)]
        if unknown:
            raise SyncRefused(f"the team server is at revision {unknown[-1]}, newer than this Stakemap: update it")
        conn.execute("LOCK TABLE stakemap_migration IN EXCLUSIVE MODE")
        done = _apply_pending(conn, applied)
        # Tables and columns declared since (a new synced table, a new field) are added as well.
        added = reconcile_statements(conn)
        for sql in added:
            conn.execute(sql)
        if added:
            done.append(f"{len(added)} schema statement(s) for newly declared tables and fields")
        pruned = pruning.prune(conn)
        if pruned:
            done.append(f"{pruned} deletion record(s) older than {pruning.KEEP_DAYS} days pruned")
        return done


def prune(url: str) -> int:
    """Remove the tombstones kept longer than 180 days; returns how many went."""
    with _connect(url) as conn:
        if not _applied(conn):
            raise SyncRefused("that database is not a Stakemap team server (run `stakemap server init` first)")
        if "s0002_pruning" not in _applied(conn):
            raise SyncRefused("the team server predates pruning: run `stakemap server upgrade` (it prunes as well)")
        return pruning.prune(conn)


def add_user(url: str, name: str, role: str, password: str, member: str | None = None) -> None:
    """A login role in group ``stakemap_<role>``, optionally tied to a team member by name."""
    from psycopg import sql

    if role not in ROLES:
        raise SyncRefused(f"unknown role {role!r} (admin, manager, member or viewer)")
    with _connect(url) as conn:
        member_uid = None
        if member:
            row = conn.execute("SELECT uid FROM team_member WHERE name = %s", (member,)).fetchone()
            if row is None:
                raise SyncRefused(f"no team member named “{member}” on the team server")
            member_uid = row[0]
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        ident = sql.Identifier(name)
        verb = "ALTER" if exists else "CREATE"
        extra = " CREATEROLE" if role == "admin" else ""
        # The server gets the password's SCRAM verifier, never the password: a statement log cannot leak it.
        verifier = conn.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()
        conn.execute(sql.SQL(verb + " ROLE {} LOGIN" + extra + " PASSWORD {}").format(ident, sql.Literal(verifier)))
        for group in ROLES:
            if group != role:
                conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(f"stakemap_{group}"), ident))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(f"stakemap_{role}"), ident))
        conn.execute("""INSERT INTO stakemap_user VALUES (%s, %s, %s) ON CONFLICT (login)
                        DO UPDATE SET role = EXCLUDED.role, member_uid = EXCLUDED.member_uid""",
                     (name, role, member_uid))


def _account_uid(conn, account: str):
    row = conn.execute("SELECT uid FROM account WHERE name = %s", (account,)).fetchone()
    if row is None:
        raise SyncRefused(f"no account named “{account}” on the team server")
    return row[0]


def _known_login(conn, name: str) -> None:
    if conn.execute("SELECT 1 FROM stakemap_user WHERE login = %s", (name,)).fetchone() is None:
        raise SyncRefused(f"no team-server user named {name!r} (add one with `stakemap server user add`)")


def grant(url: str, name: str, account: str, writable: bool) -> None:
    with _connect(url) as conn:
        _known_login(conn, name)
        uid = _account_uid(conn, account)
        conn.execute("""INSERT INTO stakemap_grant VALUES (%s, %s, %s)
                        ON CONFLICT (login, account_uid) DO UPDATE SET writable = EXCLUDED.writable""",
                     (name, uid, writable))


def revoke(url: str, name: str, account: str) -> bool:
    """True when there was a grant to take back."""
    with _connect(url) as conn:
        _known_login(conn, name)
        uid = _account_uid(conn, account)
        return conn.execute("DELETE FROM stakemap_grant WHERE login = %s AND account_uid = %s",
                            (name, uid)).rowcount > 0
