"""A team server restored from an older backup: the replicas that held the newer work send it again and the
team converges (TEAM.md, Versions and recovery)."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import psycopg
import pytest

from tests import fault_support as faults
from tests.team_support import demo_team

BANK = "东潮商业银行 Dongchao Commercial Bank"


@pytest.fixture
def trio(team):
    team, ann, bob, boss = demo_team(team, boss=True)
    boss.join()
    return team, ann, bob, boss


def dump(team, path) -> None:
    done = subprocess.run([str(team.cluster.bin_dir / "pg_dump"), "-Fc", "-f", str(path), "-d", team.admin_url],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def restore(team, path) -> None:
    """What an administrator does with last night's dump: drop the database, create it again, pg_restore."""
    with psycopg.connect(team.cluster.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{team.database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{team.database}"')
    done = subprocess.run([str(team.cluster.bin_dir / "pg_restore"), "-d", team.admin_url, str(path)],
                          capture_output=True, text=True, env={**os.environ})
    assert done.returncode == 0, done.stderr


def people(rep):
    return sorted(r[0] for r in rep.query("SELECT p.name FROM person p JOIN account a ON a.id = p.account_id "
                                          "WHERE a.name = ? ORDER BY p.name", (BANK,)))


def server_value(team, sql, params=None):
    with psycopg.connect(team.admin_url) as conn:
        row = conn.execute(sql, params).fetchone()
    return row[0] if row else None


def test_a_server_restored_from_an_older_backup_gets_the_newer_work_back(trio, tmp_path):
    """The scenario, step by step:

    1. Ann (member) uploads three accounts; Bob (member) may write the bank; Boss (manager) sees all. In step.
    2. The administrator dumps the team server (pg_dump): the backup.
    3. After the backup: Ann changes P1's title, adds a person "After the backup" with an interaction, deletes
       a need, and syncs. Bob syncs (he now holds Ann's work), then changes P2's title offline.
    4. The server is lost and restored from the backup (DROP DATABASE, CREATE DATABASE, pg_restore): Ann's
       work is gone from it, and its version counter is back where the backup left it.
    5. Boss, who had not synced since the backup, edits twenty people and syncs: nothing to detect for him
       (he knew nothing newer), but the restored server hands out version numbers again, past Ann's and
       Bob's cursors, so "highest version below my cursor" alone would no longer see the restore.
    6. Bob syncs: the server's incarnation is not the one he last synced with, and he knows versions above
       the fork: a restore. He sends again every row he last synced above it (P1's title, the new person and
       interaction, pulled from Ann) and his waiting edit of P2, and pulls every account from the start:
       Boss's twenty edits arrive. The sync says so in one line; exit 0.
    7. Ann syncs: the same detection; her rows are already back on the server with her values (Bob sent
       them), so she only takes their new versions and sends nothing twice.
    8. Boss syncs. All three files and the server hold the same rows. The need Ann deleted after the backup
       is back everywhere (the restored server has it and nobody holds the deletion): nothing is lost, Ann
       deletes it again if she still means to.
    """
    team, ann, bob, boss = trio
    p1, p2 = people(ann)[:2]
    dump(team, tmp_path / "backup.dump")
    backup_top = server_value(team, "SELECT last_value FROM stakemap_version_seq")

    ann.set(BANK, p1, "title=Set after the backup")
    conn = sqlite3.connect(ann.path)
    conn.execute("PRAGMA foreign_keys=ON")
    with conn:
        account = conn.execute("SELECT id FROM account WHERE name = ?", (BANK,)).fetchone()[0]
        new = conn.execute("INSERT INTO person (account_id, name, role, stance) VALUES (?, 'After the backup', "
                           "'unknown', 'unknown')", (account,)).lastrowid
        talk = conn.execute("INSERT INTO interaction (account_id, occurred_at, channel, summary) VALUES "
                            "(?, '2026-12-01 10:00:00', 'meeting', 'Met after the backup')", (account,)).lastrowid
        conn.execute("INSERT INTO interaction_participant (interaction_id, person_id) VALUES (?, ?)", (talk, new))
        deleted_need = conn.execute("SELECT description FROM need WHERE account_id = ? ORDER BY id LIMIT 1",
                                    (account,)).fetchone()[0]
        conn.execute("DELETE FROM need WHERE account_id = ? AND description = ?", (account, deleted_need))
    conn.close()
    ann.sync()
    bob.sync()
    assert "After the backup" in people(bob)
    bob.set(BANK, p2, "title=Bob, offline")
    cursor_before = max(r[0] for r in bob.query("SELECT version FROM sync_cursor"))

    restore(team, tmp_path / "backup.dump")
    assert server_value(team, "SELECT count(*) FROM person WHERE name = 'After the backup'") == 0
    assert server_value(team, "SELECT last_value FROM stakemap_version_seq") == backup_top

    others = [p for p in people(boss) if p not in (p1, p2)][:20]
    for name in others:
        boss.set(BANK, name, "department=Boss after the restore")
    code, _, err = boss.cli("sync")
    assert "restored" not in err
    assert server_value(team, "SELECT last_value FROM stakemap_version_seq") > cursor_before

    code, out, err = bob.cli("sync")
    assert err.count("\n") == 1 and "restored from an older backup" in err and f"version {backup_top}" in err
    assert server_value(team, "SELECT title FROM person WHERE name = %s", (p1,)) == "Set after the backup"
    assert server_value(team, "SELECT title FROM person WHERE name = %s", (p2,)) == "Bob, offline"
    assert server_value(team, "SELECT count(*) FROM person WHERE name = 'After the backup'") == 1
    assert server_value(team, "SELECT count(*) FROM interaction_participant ip JOIN person p ON "
                              "p.uid = ip.person_uid WHERE p.name = 'After the backup'") == 1
    assert bob.query("SELECT count(*) FROM person WHERE department = 'Boss after the restore'") == [(20,)]

    stamps_before_ann = server_value(team, "SELECT last_value FROM stakemap_version_seq")
    code, out, err = ann.cli("sync", "--json")
    assert "restored from an older backup" in err
    assert server_value(team, "SELECT count(*) FROM person WHERE changed_by = %s AND server_version > %s",
                        (team.login("ann"), stamps_before_ann)) == 0, "nothing sent twice"
    boss.sync()
    for rep in (ann, bob, boss):
        rep.sync()
    faults.assert_in_step(team, ann, bob, boss)
    for rep in (ann, bob, boss):
        assert rep.person(BANK, p1, "title") == ("Set after the backup",)
        assert rep.person(BANK, p2, "title") == ("Bob, offline",)
        assert rep.query("SELECT count(*) FROM need WHERE description = ?", (deleted_need,)) == [(1,)]
        assert rep.conflicts() == []
    assert server_value(team, "SELECT count(*) FROM person WHERE name = 'After the backup'") == 1


def test_an_edit_made_on_the_restored_server_is_merged_not_overwritten(trio, tmp_path):
    """A row someone rewrote on the restored server before this file came back is merged against nothing:
    the difference is listed as a conflict (the server's value live, ours kept), never taken silently."""
    team, ann, bob, boss = trio
    p1 = people(ann)[0]
    dump(team, tmp_path / "backup.dump")
    ann.set(BANK, p1, "title=Ann after the backup")
    ann.sync()
    restore(team, tmp_path / "backup.dump")
    boss.sync()  # the first client back notes where the restored server starts again
    with psycopg.connect(team.admin_url) as conn:  # then someone in psql
        conn.execute("UPDATE person SET title = 'Typed in psql' WHERE name = %s", (p1,))
    code, _, err = ann.cli("sync")
    assert "restored from an older backup" in err
    [conflict] = ann.conflicts()
    assert (conflict["field"], conflict["theirs"], conflict["mine"]) == ("title", "Typed in psql",
                                                                         "Ann after the backup")
    for rep in (bob, boss):
        rep.sync()
    faults.assert_in_step(team, ann, bob, boss)


def test_a_server_without_its_identity_shows_the_restore_by_its_highest_version(trio, tmp_path):
    """A server not yet upgraded to keep its identity: the restore shows by its highest version being below
    the file's cursor, and the newer work goes up again all the same."""
    team, ann, bob, boss = trio
    names = people(ann)[:3]
    dump(team, tmp_path / "backup.dump")
    for name in names:
        ann.set(BANK, name, "title=Ann after the backup")
    ann.sync()
    restore(team, tmp_path / "backup.dump")
    with psycopg.connect(team.admin_url) as conn:
        conn.execute("DROP FUNCTION stakemap_identity()")
    code, _, err = ann.cli("sync")
    assert "restored from an older backup" in err
    assert server_value(team, "SELECT count(*) FROM person WHERE title = 'Ann after the backup'") == 3
    for rep in (bob, boss, ann):
        rep.sync()
    faults.assert_in_step(team, ann, bob, boss)


def test_an_account_made_after_the_backup_goes_back_up_with_its_people(trio, tmp_path):
    team, ann, bob, boss = trio
    dump(team, tmp_path / "backup.dump")
    conn = sqlite3.connect(ann.path)
    with conn:
        account = conn.execute("INSERT INTO account (name) VALUES ('After the backup Ltd')").lastrowid
        conn.execute("INSERT INTO person (account_id, name, role, stance) VALUES (?, 'First contact', 'unknown', "
                     "'unknown')", (account,))
    conn.close()
    ann.sync()
    restore(team, tmp_path / "backup.dump")
    code, _, err = ann.cli("sync")
    assert "restored from an older backup" in err and "no longer shared" not in err
    assert ann.person("After the backup Ltd", "First contact", "name") == ("First contact",)
    assert server_value(team, "SELECT count(*) FROM person p JOIN account a ON a.uid = p.account_uid "
                              "WHERE a.name = 'After the backup Ltd'") == 1
    boss.sync()
    assert boss.person("After the backup Ltd", "First contact", "name") == ("First contact",)
    faults.assert_in_step(team, ann, boss)


def test_a_server_made_before_it_kept_its_identity_is_upgraded_and_syncs(trio):
    team, ann, bob, boss = trio
    with psycopg.connect(team.admin_url) as conn:  # as a server made by the first release was
        conn.execute("DELETE FROM stakemap_migration WHERE revision = 's0003_identity'")
        conn.execute("DELETE FROM stakemap_server WHERE key IN ('server_uid', 'incarnation', 'forked_at')")
        conn.execute("DROP FUNCTION stakemap_identity()")
        conn.execute("DROP TABLE snapshot")  # and a table declared since
    for rep in (ann, bob, boss):  # whose replicas kept no identity either
        conn = sqlite3.connect(rep.path)
        with conn:
            conn.execute("DELETE FROM sync_state WHERE key IN ('server_uid', 'incarnation')")
        conn.close()
    ann.cli("sync", expect=1)  # the missing table: an administrator upgrades first
    assert "upgraded" in team.run("server", "upgrade", team.admin_url)[1].lower()
    with psycopg.connect(team.admin_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_trigger WHERE tgname = 'snapshot_lock'").fetchone() == (1,)
    for rep in (ann, bob, boss):
        rep.sync()
    assert ann.query("SELECT count(*) FROM sync_state WHERE key = 'server_uid'") == [(1,)]
