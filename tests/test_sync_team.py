"""Two laptops and a manager share accounts through a real team server, from the command line, with every merge
rule of TEAM.md's table shown here."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.team_support import demo_team, demo_viewer

BANK = "东潮商业银行 Dongchao Commercial Bank"
RETAIL = "禾润生活超市 Herun Living Supermarkets"
HEAVY = "恒岳重工集团 Hengyue Heavy Industries"


@pytest.fixture
def shared(team):
    """Ann (a member) uploads the demo accounts; Bob (a member) may write the bank; Boss is the manager."""
    return demo_team(team, boss=True)


def people(replica, account):
    return sorted(r[0] for r in replica.query(
        "SELECT p.name FROM person p JOIN account a ON a.id = p.account_id WHERE a.name = ?", (account,)))


def a_person(replica, account, index=0):
    return people(replica, account)[index]


def test_upload_grant_and_manager_see_the_same_accounts(shared):
    team, ann, bob, boss = shared
    assert [r[0] for r in bob.query("SELECT name FROM account")] == [BANK]
    assert people(bob, BANK) == people(ann, BANK)
    boss.join()
    assert sorted(r[0] for r in boss.query("SELECT name FROM account")) == sorted([BANK, RETAIL, HEAVY])
    for table in ("person", "link", "need", "interaction", "interaction_participant", "action", "opportunity",
                  "account_team", "team_member", "snapshot", "qualification_rating"):
        assert boss.query(f"SELECT count(*) FROM {table}") == ann.query(f"SELECT count(*) FROM {table}"), table
    # The manager's replica holds every account, so the portfolio covers the whole team.
    code, out, _ = boss.cli("coverage", "--json")
    assert {a["account"] for a in json.loads(out)["accounts"]} == {BANK, RETAIL, HEAVY}
    # Nothing left to push or pull once everyone is in step.
    bob.sync()  # the manager shared the built-in criteria
    assert ann.sync()["pushed"] == 0
    again = bob.sync()
    assert (again["pushed"], again["pulled"], again["conflicts"]) == (0, 0, 0)


def test_offline_edits_of_one_person_merge_and_the_conflict_is_resolved_everywhere(shared):
    team, ann, bob, boss = shared
    name = a_person(ann, BANK)
    ann.set(BANK, name, "title=Chief Risk Officer", "department=Risk", "influence=5")
    bob.set(BANK, name, "department=Risk Management", "phone=+86 10 5555", "influence=5")
    first = ann.sync()
    second = bob.sync()
    assert first["pushed"] == 1 and second["conflicts"] == 1
    ann.sync()
    # Fields changed on one side only are taken; the same value on both sides is no conflict.
    for replica in (ann, bob):
        assert replica.person(BANK, name, "title", "phone", "influence") == ("Chief Risk Officer", "+86 10 5555", 5)
    # The field changed differently: the server's value (Ann's, pushed first) stays live, Bob's is listed.
    assert ann.person(BANK, name, "department") == bob.person(BANK, name, "department") == ("Risk",)
    [conflict] = bob.conflicts()
    assert {k: conflict[k] for k in ("account", "table", "row", "field", "theirs", "mine")} == {
        "account": BANK, "table": "person", "row": name, "field": "department", "theirs": "Risk",
        "mine": "Risk Management"}
    assert set(conflict) == {"id", "account", "table", "row", "field", "theirs", "mine", "base"}
    assert ann.conflicts() == []
    bob.cli("conflicts", "resolve", conflict["id"], "--keep", "mine")
    assert bob.conflicts() == []
    bob.sync()
    ann.sync()
    assert ann.person(BANK, name, "department") == ("Risk Management",)


def test_long_text_conflicts_keep_both_texts_and_positions_take_the_latest(shared):
    team, ann, bob, boss = shared
    name = a_person(ann, BANK, 1)
    ann.set(BANK, name, "notes=Prefers morning calls.", "x=100")
    bob.set(BANK, name, "notes=Met at the Shanghai summit.", "x=250")
    ann.sync()
    result = bob.sync()
    assert result["conflicts"] == 1
    [conflict] = bob.conflicts()
    assert (conflict["field"], conflict["theirs"], conflict["mine"]) == (
        "notes", "Prefers morning calls.", "Met at the Shanghai summit.")
    # Bob moved the card later: latest wins, never a conflict.
    ann.sync()
    assert ann.person(BANK, name, "x") == bob.person(BANK, name, "x") == (250.0,)


def test_rows_added_on_both_sides_are_all_kept(shared):
    team, ann, bob, boss = shared
    a, b = people(ann, BANK)[:2]
    account_id = {r: ann.query("SELECT id FROM account WHERE name = ?", (BANK,))[0][0] for r in ("ann",)}["ann"]

    def add_records(replica, tag):
        acc = replica.query("SELECT id FROM account WHERE name = ?", (BANK,))[0][0]
        pa = replica.query("SELECT id FROM person WHERE name = ? AND account_id = ?", (a, acc))[0][0]
        pb = replica.query("SELECT id FROM person WHERE name = ? AND account_id = ?", (b, acc))[0][0]
        import sqlite3

        conn = sqlite3.connect(replica.path)
        with conn:
            conn.execute("INSERT INTO link (account_id, kind, strength, source_person_id, target_person_id) "
                         "VALUES (?, 'knows', 2, ?, ?)", (acc, pa, pb))
            conn.execute("INSERT INTO need (account_id, description) VALUES (?, ?)", (acc, f"need from {tag}"))
            conn.execute("INSERT INTO action (account_id, title) VALUES (?, ?)", (acc, f"call from {tag}"))
            cur = conn.execute("INSERT INTO interaction (account_id, occurred_at, channel, summary) "
                               "VALUES (?, '2026-11-30 10:00:00', 'call', ?)", (acc, f"call by {tag}"))
            conn.execute("INSERT INTO interaction_participant (interaction_id, person_id) VALUES (?, ?)",
                         (cur.lastrowid, pa))
        conn.close()

    assert account_id
    before = {t: ann.query(f"SELECT count(*) FROM {t}")[0][0]
              for t in ("link", "need", "action", "interaction", "interaction_participant")}
    add_records(ann, "ann")
    add_records(bob, "bob")
    ann.sync()
    assert bob.sync()["conflicts"] == 0
    ann.sync()
    for table, count in before.items():
        assert ann.query(f"SELECT count(*) FROM {table}")[0][0] == count + 2, table
        assert bob.query(f"SELECT count(*) FROM {table} t JOIN account a ON a.id = t.account_id "
                         "WHERE a.name = ?" if table != "interaction_participant" else
                         f"SELECT count(*) FROM {table}", (BANK,) if table != "interaction_participant" else ()
                         ) == ann.query(f"SELECT count(*) FROM {table} t JOIN account a ON a.id = t.account_id "
                                        "WHERE a.name = ?" if table != "interaction_participant" else
                                        "SELECT count(*) FROM interaction_participant ip JOIN interaction i ON "
                                        "i.id = ip.interaction_id JOIN account a ON a.id = i.account_id "
                                        "WHERE a.name = ?", (BANK,))
    assert sorted(r[0] for r in bob.query("SELECT summary FROM interaction WHERE summary LIKE 'call by %'")) == [
        "call by ann", "call by bob"]


def _delete_person(replica, account, name):
    import sqlite3

    conn = sqlite3.connect(replica.path)
    conn.execute("PRAGMA foreign_keys=ON")
    with conn:
        conn.execute("DELETE FROM person WHERE name = ? AND account_id = (SELECT id FROM account WHERE name = ?)",
                     (name, account))
    conn.close()


def test_deleted_on_one_side_edited_on_the_other_stays_until_the_user_decides(shared):
    team, ann, bob, boss = shared
    first, second = people(ann, BANK)[2:4]
    # Ann deletes `first`, Bob edits it; Ann pushes first: Bob's edit meets a tombstone.
    _delete_person(ann, BANK, first)
    bob.set(BANK, first, "title=Head of Cards")
    ann.sync()
    bob.sync()
    assert bob.person(BANK, first, "title") == ("Head of Cards",), "the edited row stays"
    [c] = [c for c in bob.conflicts() if c["row"] == first]
    assert c["field"] == "deleted" and c["theirs"] is None and c["mine"]["title"] == "Head of Cards"
    bob.cli("conflicts", "resolve", c["id"], "--keep", "mine")
    bob.sync()
    ann.sync()
    assert ann.person(BANK, first, "title") == ("Head of Cards",), "kept: back on every replica"
    # Bob edits `second` and pushes first; Ann's delete then meets the edit: the row comes back to Ann.
    bob.set(BANK, second, "title=Head of Treasury")
    bob.sync()
    _delete_person(ann, BANK, second)
    ann.sync()
    assert ann.person(BANK, second, "title") == ("Head of Treasury",)
    [c] = [c for c in ann.conflicts() if c["row"] == second]
    assert c["field"] == "deleted" and c["mine"] is None
    ann.cli("conflicts", "resolve", c["id"], "--keep", "mine")
    ann.sync()
    bob.sync()
    assert bob.person(BANK, second, "title") is None, "deleted everywhere once Ann kept her delete"


def test_the_same_person_created_on_two_laptops_is_kept_twice_and_flagged(shared):
    team, ann, bob, boss = shared
    import sqlite3

    for replica, phone in ((ann, "111"), (bob, "222")):
        conn = sqlite3.connect(replica.path)
        with conn:
            conn.execute("INSERT INTO person (account_id, name, email, phone, role, stance) SELECT id, '赵新', "
                         "'zhao.xin@dongchao.example', ?, 'unknown', 'unknown' FROM account WHERE name = ?",
                         (phone, BANK))
        conn.close()
    ann.sync()
    bob.sync()
    ann.sync()
    assert len([p for p in people(ann, BANK) if p == "赵新"]) == 2 == len([p for p in people(bob, BANK) if p == "赵新"])
    [flag] = [c for c in bob.conflicts() if c["field"] == "duplicate"]
    assert flag["row"] == "赵新"
    # The merge action keeps one person, with the other's links and records.
    bob.cli("conflicts", "resolve", flag["id"], "--keep", "mine")
    bob.sync()
    ann.sync()
    for replica in (ann, bob):
        assert [p for p in people(replica, BANK) if p == "赵新"] == ["赵新"]
        assert replica.person(BANK, "赵新", "phone") == ("222",)


def test_an_account_name_already_on_the_server_is_never_merged(team):
    team.add_user("ann", "member")
    team.add_user("cai", "member")
    ann, cai = team.replica("ann"), team.replica("cai")
    ann.cli("demo")
    ann.join()
    cai.cli("demo")
    code, _, err = cai.join(expect=1)
    assert "already has an account named" in err and BANK in err and "nothing was uploaded" in err
    with psycopg.connect(team.admin_url) as conn:
        assert conn.execute("SELECT count(*) FROM account").fetchone()[0] == 3
        assert conn.execute("SELECT count(DISTINCT changed_by) FROM person").fetchone()[0] == 1
    # Kept in the file only, the same name still blocks the server's account from coming in: said, not merged.
    cai.join("--no-upload")
    team.grant("cai", BANK, write=False)
    code, _, err = cai.cli("sync", expect=1)
    assert BANK in err and "from the team server" in err
    assert cai.query("SELECT count(*) FROM account WHERE name = ?", (BANK,)) == [(1,)]


def test_join_without_upload_keeps_the_files_accounts_local(team):
    team.add_user("ann", "member")
    team.add_user("dan", "member")
    ann, dan = team.replica("ann"), team.replica("dan")
    ann.cli("demo")
    ann.join()
    dan.cli("demo")
    dan.cli("sync", expect=1)  # not joined yet: one line, exit 1
    dan.join("--no-upload")
    other = team.cluster.create_database()
    code, _, err = dan.cli("join", team.cluster.bare_url(other), "--user", team.login("dan"), expect=1)
    assert "joined to" in err and "one team server" in err
    dan.set(BANK, a_person(dan, BANK), "title=Only mine")
    dan.sync()
    with psycopg.connect(team.admin_url) as conn:
        assert conn.execute("SELECT count(*) FROM person WHERE title = 'Only mine'").fetchone()[0] == 0


def test_a_grant_after_joining_back_fills_and_a_revoke_loses_no_edit(shared):
    team, ann, bob, boss = shared
    team.grant("bob", RETAIL)
    bob.sync()
    assert people(bob, RETAIL) == people(ann, RETAIL)
    name = a_person(bob, RETAIL)
    bob.set(RETAIL, name, "title=Edited offline", "notes=Do not lose this")
    team.revoke("bob", RETAIL)
    code, out, err = bob.cli("sync", expect=0)
    assert RETAIL in err and "no longer shared" in err
    assert bob.query("SELECT count(*) FROM account WHERE name = ?", (RETAIL,)) == [(0,)]
    assert bob.query("SELECT count(*) FROM sync_shadow s WHERE NOT EXISTS (SELECT 1 FROM account a "
                     "WHERE a.uid = s.account_uid) AND s.account_uid IS NOT NULL") == [(0,)], "nothing left behind"
    [saved] = list(bob.path.parent.glob("bob.unsynced-*.json"))
    assert saved.name in err
    edits = json.loads(saved.read_text(encoding="utf-8"))
    assert edits["account"] == RETAIL
    [edit] = edits["edits"]
    assert edit["row"]["name"] == name and edit["row"]["notes"] == "Do not lose this"
    assert edit["last_synced"]["title"] != "Edited offline"


def test_read_only_accounts_refuse_edits(team):
    ann, vic = demo_viewer(team, BANK)
    name = a_person(vic, BANK)
    code, _, err = vic.set(BANK, name, "title=Nope", expect=1)
    assert "read-only" in err
    assert ann.set(BANK, "Nobody", "title=x", expect=1)[2].count("no person named") == 1
    assert "unknown person field" in vic.set(BANK, name, "salary=1", expect=1)[2]
    assert "refused" in ann.set(BANK, name, "influence=9", expect=1)[2]
    # A viewer's own new account stays in the file: the sync says so in one line, and the rest goes on.
    import sqlite3

    conn = sqlite3.connect(vic.path)
    with conn:
        conn.execute("INSERT INTO account (name) VALUES ('Vic private')")
    conn.close()
    code, out, err = vic.cli("sync", expect=1)
    assert "may not add accounts" in err and "Traceback" not in err
    assert vic.query("SELECT count(*) FROM account WHERE name = 'Vic private'") == [(1,)]


def test_row_level_security_as_each_role(shared):
    team, ann, bob, boss = shared
    team.add_user("vic", "viewer")
    team.add_user("nobody", "member")
    team.grant("vic", RETAIL, write=False)
    boss.join()  # a manager shares the built-in criteria, which members may not add

    def connect(name):
        return psycopg.connect(team.cluster.url(team.database, team.login(name),
                                                f"pw-{name}-{team.database}"))

    with connect("bob") as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM account")] == [BANK]
        assert conn.execute("SELECT count(DISTINCT account_uid) FROM person").fetchone()[0] == 1
        assert conn.execute("UPDATE person SET title = 'x' WHERE account_uid <> (SELECT uid FROM account)"
                            ).rowcount == 0
    with connect("boss") as conn:
        assert conn.execute("SELECT count(*) FROM account").fetchone()[0] == 3
    with connect("nobody") as conn:
        assert conn.execute("SELECT count(*) FROM account").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM link").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM team_member").fetchone()[0] > 0, "team members: readable by all"
    with connect("vic") as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM account")] == [RETAIL]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE person SET title = 'x'")
    with connect("vic") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO account (uid, name) VALUES (gen_random_uuid(), 'Viewer account')")
    with connect("bob") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO person (uid, account_uid, name) SELECT gen_random_uuid(), uid, 'x' FROM "
                     "(SELECT uid FROM account LIMIT 1) a WHERE false UNION ALL SELECT gen_random_uuid(), "
                     "%s::uuid, 'x'", (ann.query("SELECT uid FROM account WHERE name = ?", (RETAIL,))[0][0],))
    # Criteria belong to no account: managers edit them, members do not.
    with connect("bob") as conn:
        assert conn.execute("UPDATE qualification_criterion SET weight = 9").rowcount == 0
    with connect("boss") as conn:
        assert conn.execute("UPDATE qualification_criterion SET weight = weight").rowcount > 0
    # psql as a teammate sees what their file holds, and nothing else.
    import os
    import shutil
    import subprocess

    psql = shutil.which("psql") or str(team.cluster.bin_dir / "psql")
    for name, expected in (("bob", BANK), ("vic", RETAIL), ("nobody", "")):
        shown = subprocess.run(
            [psql, "-At", "-h", "127.0.0.1", "-p", str(team.cluster.port), "-U", team.login(name), "-d",
             team.database, "-c", "SELECT string_agg(name, ',') FROM account"],
            env={**os.environ, "PGPASSWORD": f"pw-{name}-{team.database}"}, capture_output=True, text=True)
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout.strip() == expected, name
    # The policies go through the visibility function once per statement, not once per row.
    with connect("bob") as conn:
        plan = "\n".join(r[0] for r in conn.execute("EXPLAIN (VERBOSE) SELECT * FROM link"))
        assert "InitPlan" in plan and "stakemap_visible_accounts" in plan


def test_every_write_is_stamped_and_notified_with_the_new_version_only(shared):
    team, ann, bob, boss = shared
    with psycopg.connect(team.admin_url, autocommit=True) as listener:
        listener.execute("LISTEN stakemap_sync")
        name = a_person(ann, BANK)
        ann.set(BANK, name, "title=Notified")
        result = ann.sync()
        payloads = [n.payload for n in listener.notifies(timeout=2, stop_after=1)]
        assert payloads == [str(result["server_version"])]
        row = listener.execute("SELECT server_version, changed_by FROM person WHERE title = 'Notified'").fetchone()
        assert row == (result["server_version"], team.login("ann"))


def test_pushes_commit_in_version_order_so_no_pull_skips_a_row(shared):
    import threading
    import time

    team, ann, bob, boss = shared
    a, b = people(ann, BANK)[:2]
    slow = psycopg.connect(team.cluster.url(team.database, team.login("ann"), f"pw-ann-{team.database}"))
    slow.execute("UPDATE person SET title = 'first writer' WHERE name = %s", (a,))  # draws a version, uncommitted
    bob.set(BANK, b, "title=second writer")
    done = threading.Event()
    threading.Thread(target=lambda: (bob.sync(), done.set()), daemon=True).start()
    time.sleep(0.7)
    assert not done.is_set(), "the second push waits for the first transaction holding a version"
    slow.commit()
    slow.close()
    assert done.wait(20)
    ann.sync()
    assert ann.person(BANK, a, "title") == ("first writer",)
    assert ann.person(BANK, b, "title") == ("second writer",)
    boss.join()
    bob.sync()
    assert bob.person(BANK, a, "title") == ("first writer",)


def test_a_retry_after_a_lost_local_commit_applies_nothing_twice(shared, monkeypatch):
    from app.sync import engine

    team, ann, bob, boss = shared
    name = a_person(ann, HEAVY)
    ann.set(HEAVY, name, "title=Retried")
    import sqlite3

    conn = sqlite3.connect(ann.path)
    with conn:
        conn.execute("INSERT INTO person (account_id, name, role, stance) SELECT id, 'New hire', 'unknown', "
                     "'unknown' FROM account WHERE name = ?", (HEAVY,))
    conn.close()
    real = engine.local_transaction

    class Killed(Exception):
        pass

    from contextlib import contextmanager

    @contextmanager
    def killed_after_the_server_commits(raw):
        with real(raw):
            yield
            raise Killed  # the server has committed; the file's transaction is rolled back

    monkeypatch.setattr(engine, "local_transaction", killed_after_the_server_commits)
    with pytest.raises(Killed):
        ann.cli("sync")
    monkeypatch.setattr(engine, "local_transaction", real)
    result = ann.sync()
    assert result["conflicts"] == 0
    with psycopg.connect(team.admin_url) as server:
        assert server.execute("SELECT count(*) FROM person WHERE name = 'New hire'").fetchone()[0] == 1
        assert server.execute("SELECT title FROM person WHERE name = %s", (name,)).fetchone()[0] == "Retried"
    assert ann.sync()["pushed"] == 0


def test_a_newer_server_protocol_is_refused_and_upgrade_is_idempotent(shared):
    team, ann, bob, boss = shared
    assert "up to date" in team.run("server", "upgrade", team.admin_url)[1]
    with psycopg.connect(team.admin_url) as conn:
        conn.execute("UPDATE stakemap_server SET value = '99' WHERE key = 'protocol'")
    code, out, err = ann.cli("sync", expect=1)
    assert "update Stakemap" in err and err.count("\n") == 1
    assert "already a Stakemap team server" in team.run("server", "init", team.admin_url, expect=1)[2]


def test_a_field_declared_after_the_server_was_made_waits_for_server_upgrade(shared):
    team, ann, bob, boss = shared
    with psycopg.connect(team.admin_url) as conn:  # as if this build declared a field the server lacks
        conn.execute("ALTER TABLE person DROP COLUMN competitor_preference")
    code, _, err = ann.cli("sync", expect=1)
    assert "person.competitor_preference" in err and "server upgrade" in err
    assert "newly declared" in team.run("server", "upgrade", team.admin_url)[1]
    name = a_person(ann, BANK)
    ann.set(BANK, name, "competitor_preference=Rival Co")
    ann.sync()
    bob.sync()
    assert bob.person(BANK, name, "competitor_preference") == ("Rival Co",)


def test_passwords_are_never_in_the_file(shared):
    team, ann, bob, boss = shared
    secret = f"pw-ann-{team.database}"
    assert secret.encode() not in ann.path.read_bytes()
    [(url,)] = ann.query("SELECT value FROM sync_state WHERE key = 'url'")
    assert secret not in url and team.login("ann") in url
    assert secret in (team.folder / "pgpass").read_text()


def test_a_system_keyring_keeps_the_password_when_there_is_one(team, monkeypatch):
    from app.sync import connection

    class Keyring:
        def __init__(self):
            self.saved = {}

        def set_password(self, service, key, password):
            self.saved[(service, key)] = password

        def get_password(self, service, key):
            return self.saved.get((service, key))

    keyring = Keyring()
    monkeypatch.setattr(connection, "_keyring", lambda: keyring)
    team.add_user("kim", "member")
    kim = team.replica("kim")
    _, out, _ = kim.join()
    assert "system keyring" in out
    [(service, key)] = keyring.saved
    assert key == f"127.0.0.1:{team.cluster.port}/{team.database}/{team.login('kim')}"
    assert not (team.folder / "pgpass").exists()
    kim.sync()  # the saved password is found again
    keyring.saved.clear()
    assert "password" in kim.cli("sync", expect=1)[2]


def test_three_replicas_of_one_account_converge(shared):
    team, ann, bob, boss = shared
    boss.join()
    name = a_person(ann, BANK, 5)
    ann.set(BANK, name, "stance=supporter")
    bob.set(BANK, name, "email=new@dongchao.example")
    boss.set(BANK, name, "influence=4", "y=-40")
    for replica in (ann, bob, boss, ann, bob):
        assert replica.sync()["conflicts"] == 0
    expected = ("supporter", "new@dongchao.example", 4, -40.0)
    for replica in (ann, bob, boss):
        assert replica.person(BANK, name, "stance", "email", "influence", "y") == expected


def test_a_value_written_on_the_server_that_the_file_refuses_is_named_and_the_rest_arrives(shared):
    team, ann, bob, boss = shared
    first, second = people(ann, BANK)[:2]
    with psycopg.connect(team.admin_url) as conn:  # a value written before the server checked stances
        conn.execute("ALTER TABLE person DROP CONSTRAINT ck_person_stance")
        conn.execute("UPDATE person SET stance = 'bogus' WHERE name = %s", (first,))
        conn.execute("UPDATE person SET title = 'Fine' WHERE name = %s", (second,))
    code, _, err = bob.cli("sync", expect=1)
    assert first in err and "from the team server" in err
    assert bob.person(BANK, second, "title") == ("Fine",)
    assert bob.person(BANK, first, "stance") != ("bogus",)
