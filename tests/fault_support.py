"""Faults for the team-mode tests: a connection that trips at a chosen statement, a server restart, a
comparison of a replica with the server row by row, and a driver that runs ``stakemap`` in a process of its
own so that it can be killed for real."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg

from app.sync import replica as replica_rows
from app.sync import server_rows as srv
from app.sync.tables import sync_tables

ROOT = Path(__file__).resolve().parent.parent


class Tripwire:
    """A psycopg connection that runs ``action(connection)`` once, just before the ``nth`` statement for which
    ``when(sql)`` holds: a fault at an exact point of a push or a pull, with no hook in the engine."""

    _own = ("_conn", "_when", "_action", "_left", "tripped")

    def __init__(self, conn, when, action, nth: int = 1) -> None:
        self._conn, self._when, self._action, self._left, self.tripped = conn, when, action, nth, False

    def execute(self, sql, *args, **kwargs):
        self._reached(sql)
        return self._conn.execute(sql, *args, **kwargs)

    def cursor(self, *args, **kwargs):
        return _TrippingCursor(self, self._conn.cursor(*args, **kwargs))

    def _reached(self, sql) -> None:
        text = sql if isinstance(sql, str) else str(sql)
        if not self.tripped and self._when(text):
            self._left -= 1
            if self._left == 0:
                self.tripped = True
                self._action(self._conn)

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def __setattr__(self, name, value):
        if name in self._own:
            object.__setattr__(self, name, value)
        else:
            setattr(self._conn, name, value)


class _TrippingCursor:
    """A cursor of a tripwire's connection (the pull reads through binary cursors): the same check."""

    def __init__(self, wire: Tripwire, cursor) -> None:
        self._wire, self._cursor = wire, cursor

    def execute(self, sql, *args, **kwargs):
        self._wire._reached(sql)
        return self._cursor.execute(sql, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._cursor, name)


def trip(monkeypatch, when, action, nth: int = 1) -> list[Tripwire]:
    """Make the engine's next server connections trip (once, on the first connection that reaches the point)."""
    from app.sync import connection, engine

    made: list[Tripwire] = []

    def connect(address, password=None, **kwargs):
        conn = connection.connect(address, password, **kwargs)
        if any(w.tripped for w in made):
            return conn
        wire = Tripwire(conn, when, action, nth)
        made.append(wire)
        return wire

    monkeypatch.setattr(engine, "connect", connect)
    return made


def terminate(admin_url: str):
    """An action that cuts the connection from the server's side, as a dropped network does."""

    def action(conn) -> None:
        pid = conn.info.backend_pid
        with psycopg.connect(admin_url, autocommit=True) as admin:
            assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]
            for _ in range(100):
                if admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone() is None:
                    return
                time.sleep(0.02)

    return action


def restart(cluster):
    """An action that restarts the whole PostgreSQL server (every connection drops, the data stays)."""

    def action(_conn) -> None:
        done = cluster._run(str(cluster.bin_dir / "pg_ctl"), "-D", str(cluster.data_dir), "-l",
                            str(cluster.folder / "server.log"), "-m", "fast", "-w", "-t", "60", "restart")
        assert done.returncode == 0, done.stderr or done.stdout

    return action


def server_table(admin_url: str, table: str) -> dict[str, dict]:
    info = sync_tables()[table]
    with psycopg.connect(admin_url) as conn:
        return {row["uid"]: row for row in (srv.decode(info, r)[0] for r in conn.execute(srv.select_sql(info)))}


def file_table(path: Path, table: str) -> dict[str, dict]:
    conn = sqlite3.connect(path)
    try:
        return replica_rows.read_rows(conn, sync_tables()[table])
    finally:
        conn.close()


def assert_in_step(team, *replicas) -> None:
    """Every replica holds exactly the server's rows of the accounts it sees, value for value (nothing
    applied twice, nothing skipped), with nothing left waiting to be pushed."""
    for info in sync_tables().values():
        server = server_table(team.admin_url, info.name)
        for rep in replicas:
            mine = file_table(rep.path, info.name)
            if info.rule.account is None:
                missing = {u: r for u, r in server.items() if mine.get(u) != r}
                assert not missing, f"{rep.name} lacks {info.name} rows of the server: {list(missing)[:3]}"
                continue
            seen = {r[0] for r in rep.query("SELECT account_uid FROM sync_access")}
            theirs = {u: r for u, r in server.items() if r["account_uid"] in seen}
            mine = {u: r for u, r in mine.items() if r["account_uid"] in seen}
            assert mine.keys() == theirs.keys(), (
                f"{rep.name}/{info.name}: only here {sorted(mine.keys() - theirs.keys())[:3]}, "
                f"only on the server {sorted(theirs.keys() - mine.keys())[:3]}")
            differ = [u for u in mine if mine[u] != theirs[u]]
            assert not differ, f"{rep.name}/{info.name} differs: {mine[differ[0]]} ≠ {theirs[differ[0]]}"
    for rep in replicas:
        assert rep.query("SELECT tbl, uid FROM sync_shadow WHERE dirty = 1") == [], f"{rep.name} still waits"


def cli_env(extra: dict | None = None) -> dict:
    """The environment of a ``stakemap`` process: this checkout, the test's password file, no keyring."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **(extra or {})}


def stakemap(*argv, **popen) -> subprocess.Popen:
    """``stakemap ARGV`` in a process of its own (``python main.py``, this checkout's entry point)."""
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), *map(str, argv)], env=cli_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


# A ``stakemap sync`` that kills itself with SIGKILL once the server has committed its push and before the
# file has: the moment when a careless engine would apply the push twice on the retry.
KILL_AFTER_SERVER_COMMIT = """
import os, signal, sys
from contextlib import contextmanager
from app.sync import engine
from app.sync import push as pushing_side

real, pushing = engine.local_transaction, []

@contextmanager
def transaction(raw):
    with real(raw):
        yield
        if pushing:
            os.kill(os.getpid(), signal.SIGKILL)

original_push = engine.Engine.push

def push(self, *args):
    pushing.append(1)
    return original_push(self, *args)

engine.local_transaction = pushing_side.local_transaction = transaction
engine.Engine.push = push
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_killed_after_server_commit(db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILL_AFTER_SERVER_COMMIT, "--db", str(db), "sync"],
                          env=cli_env(), capture_output=True, text=True, timeout=120, cwd=ROOT)


def killed(code: int) -> bool:
    return code == -signal.SIGKILL
