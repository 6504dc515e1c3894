"""What a teammate sees when the team server will not sync with them: one line each (exit 1), a stable kind a
window translates, and every waiting edit still in the file (or, for a revoked account, in a file beside it)."""

from __future__ import annotations

import json
import sqlite3

import psycopg
import pytest

from app.storage.database import Database
from app.sync.connection import TEMPLATES, SyncRefused
from app.sync.engine import Engine
from tests.team_support import demo_team

BANK = "东潮商业银行 Dongchao Commercial Bank"
RETAIL = "禾润生活超市 Herun Living Supermarkets"


@pytest.fixture
def pair(team):
    return demo_team(team, grants=(BANK, RETAIL))


def first_person(rep, account=BANK) -> str:
    return rep.query("SELECT p.name FROM person p JOIN account a ON a.id = p.account_id WHERE a.name = ? "
                     "ORDER BY p.name LIMIT 1", (account,))[0][0]


def refused(rep, expect_kind: str) -> str:
    """The one line `stakemap sync` prints (exit 1), after checking the engine's kind for a window."""
    code, out, err = rep.cli("sync", expect=1)
    assert err.startswith("stakemap: ") and err.count("\n") == 1 and "Traceback" not in err, err
    with Database.open(rep.path) as db, Engine(db) as engine, pytest.raises(SyncRefused) as caught:
        engine.sync()
    assert caught.value.kind == expect_kind and set(TEMPLATES) >= {caught.value.kind}
    assert TEMPLATES[expect_kind].format(**caught.value.params) == str(caught.value)
    return err


def waiting(rep) -> int:
    return len(rep.query("SELECT uid FROM sync_shadow WHERE dirty = 1"))


def test_a_wrong_or_changed_password_is_said_and_the_edits_wait(pair):
    team, ann, bob = pair
    wrong = team.folder / "wrong.password"
    wrong.write_text("not-the-password\n")
    fresh = team.replica("cai")
    team.add_user("cai", "member")
    code, _, err = fresh.cli("join", team.url, "--user", team.login("cai"), "--password-file", wrong, expect=1)
    assert "refused the password" in err and err.count("\n") == 1
    assert "not-the-password" not in err
    # The administrator changes Ann's password while she has an edit waiting.
    ann.set(BANK, first_person(ann), "title=Waiting for the new password")
    new = team.folder / "ann-new.password"
    new.write_text("a-brand-new-password\n")
    team.run("server", "user", "add", team.login("ann"), "--role", "member", "--url", team.admin_url,
             "--password-file", new)
    err = refused(ann, "password")
    assert "wrong or was changed" in err and "stakemap join postgresql://" in err
    assert waiting(ann) == 1
    ann.cli("join", team.url, "--user", team.login("ann"), "--password-file", new)
    with psycopg.connect(team.admin_url) as conn:
        assert conn.execute("SELECT count(*) FROM person WHERE title = 'Waiting for the new password'"
                            ).fetchone()[0] == 1
    assert waiting(ann) == 0


def test_a_revoked_account_leaves_the_file_with_every_waiting_edit_saved_beside_it(pair):
    team, ann, bob = pair
    people = [r[0] for r in bob.query("SELECT p.name FROM person p JOIN account a ON a.id = p.account_id "
                                      "WHERE a.name = ? ORDER BY p.name", (RETAIL,))]
    edited, removed = people[0], people[1]
    bob.set(RETAIL, edited, "title=Edited offline")
    bob.set(BANK, first_person(bob), "title=Still shared")
    conn = sqlite3.connect(bob.path)
    conn.execute("PRAGMA foreign_keys=ON")
    with conn:
        conn.execute("INSERT INTO person (account_id, name, role, stance) SELECT id, 'Met offline', 'unknown', "
                     "'unknown' FROM account WHERE name = ?", (RETAIL,))
        conn.execute("DELETE FROM person WHERE name = ? AND account_id = (SELECT id FROM account WHERE name = ?)",
                     (removed, RETAIL))
    conn.close()
    team.revoke("bob", RETAIL)
    code, out, err = bob.cli("sync")  # not a refusal: the rest of the sync goes on
    [line] = err.splitlines()
    assert RETAIL in line and "no longer shared" in line and "saved to" in line
    [saved] = list(bob.path.parent.glob("bob.unsynced-*.json"))
    assert saved.parent == bob.path.parent and str(saved) in line
    edits = json.loads(saved.read_text(encoding="utf-8"))
    assert edits["account"] == RETAIL
    by_name = {(e["row"] or e["last_synced"])["name"]: e for e in edits["edits"] if e["table"] == "person"}
    assert by_name[edited]["row"]["title"] == "Edited offline" and not by_name[edited]["deleted"]
    assert by_name["Met offline"]["last_synced"] is None, "a new person, never synced"
    assert by_name[removed]["deleted"] and by_name[removed]["row"] is None
    assert bob.query("SELECT count(*) FROM account WHERE name = ?", (RETAIL,)) == [(0,)]
    with psycopg.connect(team.admin_url) as conn:
        assert conn.execute("SELECT count(*) FROM person WHERE title = 'Still shared'").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM person WHERE name = 'Met offline'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM person WHERE name = %s", (removed,)).fetchone()[0] == 1


def test_a_deleted_login_and_a_login_taken_out_of_the_team_are_said(pair):
    team, ann, bob = pair
    bob.set(BANK, first_person(bob), "title=Bob waits")
    with psycopg.connect(team.admin_url, autocommit=True) as conn:
        conn.execute(f'REVOKE stakemap_member FROM "{team.login("bob")}"')
    err = refused(bob, "not_member")
    assert team.login("bob") in err and "no longer a member" in err
    ann.set(BANK, first_person(ann), "title=Ann waits")
    with psycopg.connect(team.admin_url, autocommit=True) as conn:
        conn.execute(f'DROP OWNED BY "{team.login("ann")}"')
        conn.execute(f'DROP ROLE "{team.login("ann")}"')
    err = refused(ann, "password")
    assert "the login was removed" in err
    assert waiting(ann) == 1 and waiting(bob) == 1


def test_an_older_stakemap_refuses_to_sync_and_goes_on_working_offline(pair, monkeypatch):
    team, ann, bob = pair
    with psycopg.connect(team.admin_url) as conn:  # the server was upgraded by a newer Stakemap
        conn.execute("UPDATE stakemap_server SET value = '3' WHERE key = 'protocol'")
    err = refused(ann, "protocol")
    assert "update Stakemap" in err and "offline" in err
    name = first_person(ann)
    ann.set(BANK, name, "title=Made offline")  # the file works as before
    assert ann.person(BANK, name, "title") == ("Made offline",) and waiting(ann) == 1
    from app.sync import connection

    monkeypatch.setattr(connection, "PROTOCOL_VERSION", 3)  # Stakemap updated
    assert ann.sync()["pushed"] == 1


def test_a_file_whose_server_address_now_leads_to_another_team_server_is_refused(pair):
    team, ann, bob = pair
    ann.set(BANK, first_person(ann), "title=Not for another team")
    # The database at the same address is replaced by a new, empty team server.
    with psycopg.connect(team.cluster.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{team.database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{team.database}"')
    team.run("server", "init", team.admin_url)
    team.add_user("ann", "member")
    err = refused(ann, "other_server")
    assert "not the one this file was joined to" in err
    with psycopg.connect(team.admin_url) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 0, "nothing sent to it"
    assert waiting(ann) == 1
    assert ann.query("SELECT count(*) FROM account") == [(3,)]
    # Leaving the old server (the window's Team server dialog) lets the file join the new one with its work.
    from app.sync.leaving import leave_server

    conn = sqlite3.connect(ann.path, isolation_level=None)
    leave_server(conn)
    conn.close()
    ann.join()
    with psycopg.connect(team.admin_url) as conn:
        assert conn.execute("SELECT count(*) FROM person WHERE title = 'Not for another team'").fetchone()[0] == 1


def test_every_kind_of_refusal_has_one_line(pair):
    for kind, template in TEMPLATES.items():
        assert "\n" not in template, kind


SAMPLE = {"path": "/home/ann/team.stakemap", "url": "postgresql://ann@db.example:5432/team", "detail": "timeout",
          "user": "ann", "sslmode": "require", "server": 2, "client": 1, "missing": "person.phone",
          "names": "“Northwind”", "table": "person", "uid": "0f3c", "fork": 120, "known": 150, "sent": 7,
          "account": RETAIL, "count": 3, "name": "Northwind", "label": "Dana Scully"}


def _filled(template: str) -> dict:
    import string

    return {f: SAMPLE[f] for _t, f, _s, _c in string.Formatter().parse(template) if f}


def test_the_window_leads_every_refusal_with_a_sentence_in_its_language(qapp):
    """Each kind of refusal gets the window's own sentence ahead of the engine's line, in English and in
    Chinese; what a sync tells without failing, and each edit it did not share, is told in Chinese too."""
    from app.i18n import language as lang
    from app.sync.connection import NOTICES, Notice
    from app.ui.team.sync_messages import by_kind, kind_of, notices, told, told_note

    assert set(by_kind()) == set(TEMPLATES), "a kind of refusal without the window's sentence"
    assert set(notices()) == set(NOTICES), "a notice without the window's sentence"
    refusals = [SyncRefused.of(kind, **_filled(template)) for kind, template in TEMPLATES.items()]
    assert [kind_of(str(exc)) for exc in refusals] == list(TEMPLATES)
    notes = [Notice.of(kind, **_filled(template)) for kind, template in NOTICES.items()]
    english = {exc.kind: told(str(exc)).split("\n")[0] for exc in refusals}
    assert all(english[k] != str(e) for k, e in zip(english, refusals, strict=True))
    assert len(set(english.values())) == len(english), "one sentence per kind"
    assert told_note(notes[1]).startswith("The account")
    assert all(told_note(n) != str(n) for n in notes)
    try:
        lang.install("zh_CN")
        for exc in refusals:
            first = told(str(exc)).split("\n")[0]
            assert first != english[exc.kind] and not first.isascii(), exc.kind
        for note in notes:
            text = told_note(note)
            assert not text.isascii(), note.kind
            assert all(str(v) in text for k, v in note.params.items() if k != "table"), note.kind
            assert "person" not in text, note.kind  # a table is named in the language too
    finally:
        lang.install("en")
    assert told_note("a plain line") == "a plain line"
