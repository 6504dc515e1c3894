"""Reaching the team server: URLs without passwords, passwords in the keyring or libpq's password file.

The file stores the server URL without its password. The password goes to the system keyring where there is
one (the ``keyring`` package), else to libpq's own password file (``PGPASSFILE``, default ``~/.pgpass``),
keyed by host, port, database and user — never to settings or the database file.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from app.sync.server_schema import PROTOCOL_VERSION

KEYRING_SERVICE = "Stakemap team server"


# Why a sync could not be done, by kind: the English sentence with its values' places. ``kind`` is stable, so a
# window shows its own translated sentence for it (and the values); the command line prints the English one.
TEMPLATES = {
    "not_joined": "{path} is not joined to a team server (use `stakemap join URL --user NAME`)",
    "unreachable": "cannot reach the team server {url}: {detail} (your edits wait in this file; sync again later)",
    "password": "the team server refused the password of {user}: it is wrong or was changed, or the login was "
                "removed (join again with the new password: `stakemap join {url} --user {user}`; your edits wait "
                "in this file)",
    "no_password": "no saved password for {user} on {url} (join again: `stakemap join {url} --user {user}`)",
    "tls": "the team server {url} does not offer the encrypted connection (TLS) the URL asks for "
           "(sslmode={sslmode}): nothing was sent",
    "certificate": "the team server {url} showed a certificate this computer cannot trust ({detail}): nothing was "
                   "sent (ask an administrator for the server's certificate)",
    "not_member": "the login {user} is no longer a member of the team server (ask an administrator; your edits "
                  "wait in this file)",
    "not_a_server": "that database is not a Stakemap team server (run `stakemap server init` first)",
    "protocol": "the team server speaks sync protocol {server}, this Stakemap {client}: update Stakemap (you can "
                "go on working offline)",
    "schema": "the team server lacks {missing}: an administrator runs `stakemap server upgrade` (you can go on "
              "working offline)",
    "other_server": "the team server at {url} is not the one this file was joined to (it was replaced or the "
                    "address now leads elsewhere): nothing was synced and your edits wait in this file; ask an "
                    "administrator",
    "lost": "lost the team server during the sync: {detail} (nothing was lost; sync again)",
    "busy": "the team server was busy with other teammates' changes: {detail} (nothing was lost; sync again)",
    "refused": "the team server refused the sync: {detail}",
    "not_url": "not a PostgreSQL URL: {url} ({detail})",
    "no_database": "the URL names no database: {url}",
    "joined_elsewhere": "this file is joined to {url} already; a file syncs with one team server",
    "name_taken": "the team server already has an account named {names}: nothing was uploaded; rename yours (or "
                  "the server's) and join again",
    "row_refused": "the team server refused a new {table} row ({uid})",
}


# What a sync tells without failing, by kind (the same scheme: a window translates, the command line prints).
NOTICES = {
    "restored": "the team server was restored from an older backup (it went back to version {fork}, this file "
                "knew version {known}): {sent} row(s) this file held from after the backup are sent again, and "
                "every account is pulled again",
    "left": "the account “{account}” is no longer shared with you and was removed from this file",
    "left_saved": "the account “{account}” is no longer shared with you and was removed from this file; its "
                  "{count} unsynced edit(s) were saved to {path}",
    # Edits a sync did not share (the window's "Not shared"; the command line prints "not shared: …").
    "account_taken": "the team server already has an account named “{name}”: rename this one to share it",
    "may_not_add_account": "account “{name}”: this login may not add accounts",
    "read_only_row": "{table} {label}: read-only on the team server",
    "may_not_change": "{table} {label}: this login may not change it on the team server",
    "file_refused": "{table} “{label}” from the team server: {detail}",
}


class Notice(str):
    """One line of a sync's warnings: the English text, with ``kind`` (a key of NOTICES) and ``params``."""

    kind: str
    params: dict

    @classmethod
    def of(cls, kind: str, **params) -> Notice:
        notice = cls(NOTICES[kind].format(**params))
        notice.kind, notice.params = kind, params
        return notice


class SyncRefused(Exception):
    """The server could not be used (unreachable, a refused login, a newer protocol): one line says why.

    ``kind`` (a key of ``TEMPLATES``, or "other" for a sentence of its own) and ``params`` let a window say it
    in its own language; ``str()`` is the English line. Raised by the engine with nothing half-done in the
    file: every edit still waits there."""

    def __init__(self, message: str, kind: str = "other", **params) -> None:
        super().__init__(message)
        self.kind = kind
        self.params = params

    @classmethod
    def of(cls, kind: str, **params) -> SyncRefused:
        return cls(TEMPLATES[kind].format(**params), kind, **params)


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    dbname: str
    user: str | None
    params: tuple[tuple[str, str], ...] = ()  # sslmode and the like, kept as typed

    @classmethod
    def parse(cls, url: str, user: str | None = None) -> ServerAddress:
        import psycopg.conninfo

        try:
            info = psycopg.conninfo.conninfo_to_dict(url)
        except psycopg.ProgrammingError as exc:
            raise SyncRefused.of("not_url", url=url, detail=str(exc)) from exc
        info.pop("password", None)
        host = info.pop("host", None) or "localhost"
        port = int(info.pop("port", None) or 5432)
        dbname = info.pop("dbname", None)
        if not dbname:
            raise SyncRefused.of("no_database", url=url)
        found_user = info.pop("user", None)
        return cls(host, port, dbname, user or found_user, tuple(sorted((k, str(v)) for k, v in info.items())))

    def url(self) -> str:
        """The URL as stored in the file: no password, ever."""
        from urllib.parse import quote

        user = f"{quote(self.user, safe='')}@" if self.user else ""
        query = "&".join(f"{k}={quote(v, safe='')}" for k, v in self.params)
        return f"postgresql://{user}{self.host}:{self.port}/{quote(self.dbname, safe='')}" + (
            f"?{query}" if query else "")

    @property
    def key(self) -> str:
        return f"{self.host}:{self.port}/{self.dbname}/{self.user}"


def password_in(url: str) -> str | None:
    """The password written into a URL, if any (it is used once and saved, never kept with the URL)."""
    import psycopg.conninfo

    try:
        return psycopg.conninfo.conninfo_to_dict(url).get("password") or None
    except psycopg.ProgrammingError:
        return None


def _keyring():
    """The system keyring, or None where there is none (a server, a headless test machine)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return backend


def pgpass_path() -> Path:
    return Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")


def _pgpass_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def save_password(address: ServerAddress, password: str) -> str:
    """Keep the password for later syncs; returns where it went ("keyring" or the password file's path)."""
    backend = _keyring()
    if backend is not None:
        backend.set_password(KEYRING_SERVICE, address.key, password)
        return "keyring"
    path = pgpass_path()
    fields = [address.host, str(address.port), address.dbname, address.user or "*"]
    prefix = ":".join(_pgpass_escape(f) for f in fields) + ":"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = [line for line in lines if not line.startswith(prefix)]
    lines.append(prefix + _pgpass_escape(password))
    path.parent.mkdir(parents=True, exist_ok=True)
    # libpq ignores a password file others can read.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)
    return str(path)


def forget_password(address: ServerAddress) -> list[str]:
    """Remove the saved password of the address's login, from the keyring and from the password file alike
    (it may have been saved to either); returns where it was removed from."""
    removed = []
    backend = _keyring()
    if backend is not None:
        try:
            if backend.get_password(KEYRING_SERVICE, address.key) is not None:
                backend.delete_password(KEYRING_SERVICE, address.key)
                removed.append("keyring")
        except Exception:  # noqa: BLE001 - a locked or vanished keyring: nothing to remove there
            pass
    path = pgpass_path()
    if path.exists():
        fields = [address.host, str(address.port), address.dbname, address.user or "*"]
        prefix = ":".join(_pgpass_escape(f) for f in fields) + ":"
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if not line.startswith(prefix)]
        if len(kept) != len(lines):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write("".join(line + "\n" for line in kept))
            removed.append(str(path))
    return removed


def saved_password(address: ServerAddress) -> str | None:
    """The keyring's password; None lets libpq find it in its password file."""
    backend = _keyring()
    if backend is None:
        return None
    return backend.get_password(KEYRING_SERVICE, address.key)


def connect(address: ServerAddress, password: str | None = None, *, autocommit: bool = False):
    """A psycopg connection as the address's user; SyncRefused with one line when that is impossible."""
    import psycopg

    kwargs = dict(address.params)
    if password is None:
        password = saved_password(address)
    if password is not None:
        kwargs["password"] = password
    try:
        return psycopg.connect(host=address.host, port=address.port, dbname=address.dbname, user=address.user,
                               connect_timeout=10, application_name="stakemap", autocommit=autocommit, **kwargs)
    except psycopg.OperationalError as exc:
        raise refusal_of_connect(address, exc) from exc


def refusal_of_connect(address: ServerAddress, exc: Exception) -> SyncRefused:
    """libpq's reason for not connecting, as one of TEMPLATES' sentences (never the password: libpq has none
    in its messages)."""
    text = str(exc).strip()
    detail = text.splitlines()[-1].strip() if text else type(exc).__name__
    detail = detail.removeprefix("FATAL:").strip()
    lowered = text.lower()
    url, user = address.url(), address.user or ""
    if "password authentication failed" in lowered or ("role" in lowered and "does not exist" in lowered):
        return SyncRefused.of("password", user=user, url=url)
    if "no password supplied" in lowered:
        return SyncRefused.of("no_password", user=user, url=url)
    if "certificate" in lowered:
        return SyncRefused.of("certificate", url=url, detail=detail.rpartition(" failed: ")[2])
    if "does not support ssl" in lowered or ("ssl" in lowered and "required" in lowered):
        return SyncRefused.of("tls", url=url, sslmode=dict(address.params).get("sslmode", "require"))
    return SyncRefused.of("unreachable", url=url, detail=detail)


@contextlib.contextmanager
def server_errors(drop):
    """The server's failures inside the block as one SyncRefused line each; ``drop()`` forgets the connection
    first, so that a retry reconnects."""
    import psycopg

    try:
        yield
    except SyncRefused:
        drop()
        raise
    except psycopg.errors.TransactionRollback as exc:
        drop()
        raise SyncRefused.of("busy", detail=_first_line(exc)) from exc
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        drop()
        raise SyncRefused.of("lost", detail=_first_line(exc)) from exc
    except psycopg.Error as exc:
        drop()
        raise SyncRefused.of("refused", detail=_first_line(exc)) from exc


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


ROLES = ("admin", "manager", "member", "viewer")  # most rights first


def login_role(conn) -> tuple[str | None, str | None]:
    """The login's group role on the team server (the strongest of the stakemap_* groups it is in, directly
    or through another role) and, for a member, the team member it is tied to (the one team-member row it may
    edit, as the server's policy says)."""
    with conn.transaction():
        groups = {r[0] for r in conn.execute(
            "WITH RECURSIVE up(oid) AS (SELECT oid FROM pg_roles WHERE rolname = current_user "
            "UNION SELECT m.roleid FROM pg_auth_members m JOIN up ON m.member = up.oid) "
            "SELECT r.rolname FROM up JOIN pg_roles r ON r.oid = up.oid WHERE r.rolname LIKE 'stakemap\\_%'")}
        role = next((name for name in ROLES if f"stakemap_{name}" in groups), None)
        member = None
        if role == "member":
            row = conn.execute("SELECT uid::text FROM team_member "
                               "WHERE stakemap_edits_shared(current_user, uid, 'self_or_managers') LIMIT 1").fetchone()
            member = row[0] if row else None
    return role, member


def check_protocol(conn) -> int:
    """The server's protocol version; SyncRefused when it is newer than this build's or the database has no
    team schema."""
    import psycopg

    try:
        with conn.transaction():
            row = conn.execute("SELECT value FROM stakemap_server WHERE key = 'protocol'").fetchone()
    except psycopg.errors.UndefinedTable as exc:
        raise SyncRefused.of("not_a_server") from exc
    except psycopg.errors.InsufficientPrivilege as exc:  # a login taken out of every team group
        raise SyncRefused.of("not_member", user=conn.info.user) from exc
    server = int(row[0])
    if server > PROTOCOL_VERSION:
        raise SyncRefused.of("protocol", server=server, client=PROTOCOL_VERSION)
    return server
