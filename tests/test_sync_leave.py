"""Leaving the team server from the command line, the saved password forgotten, and a join's progress told
table by table — against a real PostgreSQL team server."""

from __future__ import annotations

import json

from app.storage.database import Database
from app.sync.connection import ServerAddress, forget_password, save_password
from app.sync.engine import Engine
from app.sync.tables import sync_tables
from tests.test_sync_team import BANK, a_person


def test_leave_refuses_while_edits_wait_and_with_force_saves_them_first(team, tmp_path):
    team.add_user("ann", "member")
    ann = team.replica("ann")
    ann.cli("demo")
    ann.join()
    password = team.password_file("ann").read_text().strip()
    assert password in (tmp_path / "pgpass").read_text()
    name = a_person(ann, BANK)
    ann.set(BANK, name, "title=Chief Risk Officer")  # not synced yet
    code, out, err = ann.cli("leave", expect=1)
    assert err.count("\n") == 1 and "1 edit(s)" in err and "--force" in err
    assert ann.query("SELECT value FROM sync_state WHERE key = 'url'") != []  # still joined
    _code, out, _err = ann.cli("leave", "--force")
    assert "plain local file" in out
    [saved] = list(ann.path.parent.glob("ann.unsynced-*.json"))
    edits = json.loads(saved.read_text(encoding="utf-8"))["edits"]
    assert [(e["table"], e["row"]["title"]) for e in edits] == [("person", "Chief Risk Officer")]
    # A plain local file: every row stays, nothing of the server, and the password is gone too.
    assert ann.query("SELECT value FROM sync_state WHERE key IN ('url', 'user', 'role')") == []
    assert ann.query("SELECT count(*) FROM sync_shadow") == [(0,)]
    assert ann.person(BANK, name, "title") == ("Chief Risk Officer",)
    assert password not in (tmp_path / "pgpass").read_text()
    _code, _out, err = ann.cli("sync", expect=1)
    assert "not joined" in err
    _code, _out, err = ann.cli("leave", expect=1)
    assert "not joined" in err


def test_a_clean_leave_can_keep_the_password(team, tmp_path):
    team.add_user("bob", "member")
    bob = team.replica("bob")
    bob.cli("demo")
    bob.join()
    _code, out, _err = bob.cli("leave", "--keep-password")
    assert "plain local file" in out and not list(bob.path.parent.glob("bob.unsynced-*.json"))
    assert team.password_file("bob").read_text().strip() in (tmp_path / "pgpass").read_text()


def test_forget_password_removes_the_keyring_entry_or_the_password_file_line(monkeypatch, tmp_path):
    from app.sync import connection

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    ann = ServerAddress.parse("postgresql://db.example:5432/team", user="ann")
    bob = ServerAddress.parse("postgresql://db.example:5432/team", user="bob")
    monkeypatch.setattr(connection, "_keyring", lambda: None)
    save_password(ann, "ann-secret")
    save_password(bob, "bob-secret")
    assert forget_password(ann) == [str(tmp_path / "pgpass")]
    text = (tmp_path / "pgpass").read_text()
    assert "ann-secret" not in text and "bob-secret" in text  # another login's line stays
    assert forget_password(ann) == []

    class Keyring:
        def __init__(self):
            self.saved = {}

        def set_password(self, service, key, value):
            self.saved[(service, key)] = value

        def get_password(self, service, key):
            return self.saved.get((service, key))

        def delete_password(self, service, key):
            del self.saved[(service, key)]

    keyring = Keyring()
    monkeypatch.setattr(connection, "_keyring", lambda: keyring)
    save_password(ann, "ann-secret")
    assert forget_password(ann) == ["keyring"] and keyring.saved == {}


def test_a_join_reports_its_progress_table_by_table(team):
    team.add_user("ann", "member")
    team.add_user("carl", "member")
    ann, carl = team.replica("ann"), team.replica("carl")
    ann.cli("demo")
    ann.join()
    team.grant("carl", BANK)
    db = Database.open(carl.path)
    calls = []
    try:
        address = ServerAddress.parse(team.url, user=team.login("carl"))
        with Engine(db, address, team.password_file("carl").read_text().strip()) as engine:
            result = engine.join(progress=lambda *step: calls.append(step))
    finally:
        db.close()
    tables = len(sync_tables())
    assert [done for done, _total, _rows in calls] == list(range(tables + 1))
    assert {total for _done, total, _rows in calls} == {tables}
    rows = [r for _d, _t, r in calls]
    assert rows == sorted(rows) and rows[-1] == result.pulled > 0
