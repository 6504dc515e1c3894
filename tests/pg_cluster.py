"""A throwaway PostgreSQL cluster for the team-mode tests: one per test session, a fresh database per test.

The server binaries come from the project's set-up (Debian's ``postgresql`` package, scripts/bootstrap.sh).
``initdb`` and ``pg_ctl`` refuse to run as root, so as root they run as the unprivileged ``postgres`` user on
a folder that user owns. Authentication is scram-sha-256 over TCP, so passwords and per-user roles are really
exercised. Missing binaries fail the tests loudly: these tests never skip.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest

SUPERUSER = "stakemap_super"
SUPERUSER_PASSWORD = "super-secret-1"


def server_bin_dir() -> Path:
    """The newest installed PostgreSQL server's bin folder (Debian keeps them in /usr/lib/postgresql/N/bin)."""
    candidates = []
    for base in Path("/usr/lib/postgresql").glob("*/bin"):
        if (base / "initdb").exists() and (base / "pg_ctl").exists():
            try:
                candidates.append((int(base.parent.name), base))
            except ValueError:
                continue
    if candidates:
        return max(candidates)[1]
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError(
        "PostgreSQL's server binaries (initdb, pg_ctl) are not installed; run scripts/bootstrap.sh "
        "(it installs Debian's postgresql package)"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    bin_dir: Path
    folder: Path
    port: int
    run_as: str | None
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def _run(self, *argv: str) -> subprocess.CompletedProcess:
        cmd = list(argv)
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=False)

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = SUPERUSER_PASSWORD) -> str:
        auth = quote(user, safe="")
        if password is not None:
            auth += ":" + quote(password, safe="")
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    def bare_url(self, database: str) -> str:
        """The URL without user or password, as a teammate types it for ``join``."""
        return f"postgresql://127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        pwfile = self.folder / "pwfile"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        self._own(pwfile)
        done = self._run(str(self.bin_dir / "initdb"), "-D", str(self.data_dir), "-U", SUPERUSER,
                         f"--pwfile={pwfile}", "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
                         "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr or done.stdout}")
        pwfile.unlink()
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        done = self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-l",
                         str(self.folder / "server.log"), "-o", options, "-w", "-t", "60", "start")
        if done.returncode != 0:
            log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"pg_ctl start failed: {done.stderr or done.stdout}\n{log}")

    def stop(self) -> None:
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop")

    def _own(self, path: Path) -> None:
        if self.run_as:
            entry = pwd.getpwnam(self.run_as)
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def create_database(self, prefix: str = "team") -> str:
        """A new, empty database; returns its name."""
        import psycopg

        name = f"{prefix}_{os.getpid()}_{next(self._counter)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name


def start_cluster() -> Cluster:
    bin_dir = server_bin_dir()
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError as exc:
            raise RuntimeError("running as root needs the unprivileged 'postgres' user (Debian's postgresql "
                               "package creates it) to run initdb and pg_ctl") from exc
        run_as = "postgres"
    folder = Path(tempfile.mkdtemp(prefix="stakemap-pg-"))
    cluster = Cluster(bin_dir=bin_dir, folder=folder, port=_free_port(), run_as=run_as)
    cluster._own(folder)
    try:
        cluster.start()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return cluster


@pytest.fixture(scope="session")
def pg_cluster():
    """One PostgreSQL cluster for the whole test session, stopped and removed afterwards."""
    try:
        cluster = start_cluster()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(cluster.folder, ignore_errors=True)


@pytest.fixture
def pg_database(pg_cluster):
    """The name of a fresh, empty database in the session's cluster."""
    return pg_cluster.create_database()
