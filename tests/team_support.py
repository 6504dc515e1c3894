"""A team server and replicas for the team-mode tests, driven through the command line as a user would."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.cli import main


@dataclass
class Team:
    cluster: object
    database: str
    folder: Path
    capsys: object
    logins: dict = field(default_factory=dict)

    @property
    def admin_url(self) -> str:
        return self.cluster.url(self.database)

    @property
    def url(self) -> str:
        return self.cluster.bare_url(self.database)

    def run(self, *argv: str, expect: int | None = 0) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = self.capsys.readouterr()
        if expect is not None:
            assert code == expect, f"stakemap {' '.join(map(str, argv))} → {code}\n{out}\n{err}"
        return code, out, err

    def login(self, name: str) -> str:
        """The cluster-wide login role name of a teammate (the cluster is shared by every test)."""
        return f"{self.database}_{name}"

    def password_file(self, name: str) -> Path:
        path = self.folder / f"{name}.password"
        path.write_text(f"pw-{name}-{self.database}\n")
        return path

    def add_user(self, name: str, role: str, member: str | None = None) -> str:
        argv = ["server", "user", "add", self.login(name), "--role", role, "--url", self.admin_url,
                "--password-file", self.password_file(name)]
        if member:
            argv += ["--member", member]
        self.run(*argv)
        return self.login(name)

    def grant(self, name: str, account: str, write: bool = True) -> None:
        self.run("server", "grant", self.login(name), "--account", account, "--write" if write else "--read",
                 "--url", self.admin_url)

    def revoke(self, name: str, account: str) -> None:
        self.run("server", "revoke", self.login(name), "--account", account, "--url", self.admin_url)

    def replica(self, name: str) -> Replica:
        return Replica(self, name, self.folder / f"{name}.stakemap")


@dataclass
class Replica:
    team: Team
    name: str
    path: Path

    def cli(self, *argv: str, expect: int | None = 0) -> tuple[int, str, str]:
        return self.team.run("--db", self.path, *argv, expect=expect)

    def join(self, *extra: str, expect: int | None = 0):
        return self.cli("join", self.team.url, "--user", self.team.login(self.name), "--password-file",
                        self.team.password_file(self.name), *extra, expect=expect)

    def sync(self, expect: int | None = 0) -> dict:
        code, out, _ = self.cli("sync", "--json", expect=expect)
        return json.loads(out)

    def set(self, account: str, person: str, *assignments: str, expect: int | None = 0):
        return self.cli("set", "--account", account, "--person", person, *assignments, expect=expect)

    def conflicts(self) -> list[dict]:
        return json.loads(self.cli("conflicts", "--json")[1])["conflicts"]

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        conn = sqlite3.connect(self.path)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def person(self, account: str, name: str, *fields: str):
        cols = ", ".join(f"p.{f}" for f in fields)
        rows = self.query(f"SELECT {cols} FROM person p JOIN account a ON a.id = p.account_id "
                          "WHERE a.name = ? AND p.name = ?", (account, name))
        return rows[0] if rows else None


@pytest.fixture
def team(pg_cluster, pg_database, tmp_path, monkeypatch, capsys):
    """An initialised team server on a fresh database; passwords go to a per-test libpq password file."""
    from app.sync import connection

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    monkeypatch.setattr(connection, "_keyring", lambda: None)
    t = Team(pg_cluster, pg_database, tmp_path, capsys)
    t.run("server", "init", t.admin_url)
    return t


def demo_team(team, grants: tuple[str, ...] = ("东潮商业银行 Dongchao Commercial Bank",), boss: bool = False):
    """Ann (a member) uploads the demo accounts and joins; Bob (a member) may write ``grants`` and joins; with
    ``boss``, a manager's replica is made too (not joined: each test decides when). Returns (team, ann, bob[,
    boss])."""
    team.add_user("ann", "member")
    team.add_user("bob", "member")
    if boss:
        team.add_user("boss", "manager")
    ann, bob = team.replica("ann"), team.replica("bob")
    ann.cli("demo")
    ann.join()
    for account in grants:
        team.grant("bob", account)
    bob.join()
    return (team, ann, bob, team.replica("boss")) if boss else (team, ann, bob)


def demo_viewer(team, account: str = "东潮商业银行 Dongchao Commercial Bank"):
    """Ann (a member) uploads the demo accounts and joins; Vic (a viewer) may read ``account`` and joins.
    Returns (ann, vic)."""
    team.add_user("ann", "member")
    team.add_user("vic", "viewer")
    ann, vic = team.replica("ann"), team.replica("vic")
    ann.cli("demo")
    ann.join()
    team.grant("vic", account, write=False)
    vic.join()
    return ann, vic
