"""Reaching the team server: URLs without passwords, passwords in the keyring or libpq's password file.

The file stores the server URL without its password. The password goes to the system keyring where there is
one (the ``keyring`` package), else to libpq's own password file (``PGPASSFILE``, default ``~/.pgpass``),
keyed by host, port, database and user — never to settings or the database file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.sync.server_schema import PROTOCOL_VERSION

KEYRING_SERVICE = "Stakemap team server"


class SyncRefused(Exception):
    """The server could not be used (unreachable, a refused login, a newer protocol): one line says why."""


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
            raise SyncRefused(f"not a PostgreSQL URL: {url} ({exc})") from exc
        info.pop("password", None)
        host = info.pop("host", None) or "localhost"
        port = int(info.pop("port", None) or 5432)
        dbname = info.pop("dbname", None)
        if not dbname:
            raise SyncRefused(f"the URL names no database: {url}")
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
        detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise SyncRefused(f"cannot reach the team server {address.url()}: {detail}") from exc


def check_protocol(conn) -> int:
    """The server's protocol version; SyncRefused when it is newer than this build's or the database has no
    team schema."""
    import psycopg

    try:
        with conn.transaction():
            row = conn.execute("SELECT value FROM stakemap_server WHERE key = 'protocol'").fetchone()
    except psycopg.errors.UndefinedTable as exc:
        raise SyncRefused("that database is not a Stakemap team server (run `stakemap server init` first)") from exc
    server = int(row[0])
    if server > PROTOCOL_VERSION:
        raise SyncRefused(f"the team server speaks sync protocol {server}, this Stakemap {PROTOCOL_VERSION}: "
                          "update Stakemap (you can go on working offline)")
    return server
