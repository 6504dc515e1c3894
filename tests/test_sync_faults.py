"""The team server under faults: a connection cut in the middle of a push and of a pull, a `stakemap sync`
killed in the middle of its push, the server restarted in the middle of a sync. Each ends with one line and
exit 1; the retry converges, with nothing applied twice and nothing skipped (every row compared with the
server's)."""

from __future__ import annotations

import signal
import sqlite3
import time

import psycopg
import pytest

from app.sync.server_schema import VERSION_LOCK
from tests import fault_support as faults
from tests.team_support import demo_team

BANK = "东潮商业银行 Dongchao Commercial Bank"


@pytest.fixture
def pair(team):
    """Ann uploads the demo accounts; Bob may write the bank. Both in step."""
    return demo_team(team)


def offline_work(rep, tag: str) -> None:
    """Edits of every kind waiting in the file: changed people, a new person with a new interaction (a child
    row referring to a new parent), a new link, a deleted need."""
    conn = sqlite3.connect(rep.path)
    conn.execute("PRAGMA foreign_keys=ON")
    with conn:
        account = conn.execute("SELECT id FROM account WHERE name = ?", (BANK,)).fetchone()[0]
        people = [r[0] for r in conn.execute("SELECT id FROM person WHERE account_id = ? ORDER BY name", (account,))]
        for i, pid in enumerate(people[:4]):
            conn.execute("UPDATE person SET title = ? WHERE id = ?", (f"{tag} title {i}", pid))
        new = conn.execute("INSERT INTO person (account_id, name, role, stance) VALUES (?, ?, 'unknown', "
                           "'unknown')", (account, f"{tag} new hire")).lastrowid
        talk = conn.execute("INSERT INTO interaction (account_id, occurred_at, channel, summary) VALUES "
                            "(?, '2026-11-30 09:00:00', 'call', ?)", (account, f"{tag} call")).lastrowid
        conn.execute("INSERT INTO interaction_participant (interaction_id, person_id) VALUES (?, ?)", (talk, new))
        conn.execute("INSERT INTO link (account_id, kind, strength, source_person_id, target_person_id) "
                     "VALUES (?, 'knows', 3, ?, ?)", (account, new, people[0]))
        conn.execute("DELETE FROM need WHERE id = (SELECT min(id) FROM need WHERE account_id = ?)", (account,))
    conn.close()


def server_count(team, sql: str, params=()) -> int:
    with psycopg.connect(team.admin_url) as conn:
        return conn.execute(sql, params or None).fetchone()[0]


def test_a_connection_cut_in_the_middle_of_a_push_is_retried_with_nothing_applied_twice(pair, monkeypatch):
    team, ann, bob = pair
    offline_work(ann, "ann")
    before = server_count(team, "SELECT last_value FROM stakemap_version_seq")
    # Cut after the first compare-and-set went through, inside the push's transaction.
    wires = faults.trip(monkeypatch, lambda sql: sql.startswith("UPDATE person"), faults.terminate(team.admin_url),
                        nth=2)
    code, out, err = ann.cli("sync", expect=1)
    assert wires[0].tripped
    assert err.startswith("stakemap: lost the team server") and err.count("\n") == 1 and "sync again" in err
    assert server_count(team, "SELECT count(*) FROM person WHERE title LIKE 'ann title %'") == 0, "all or nothing"
    assert server_count(team, "SELECT last_value FROM stakemap_version_seq") >= before
    assert len(ann.query("SELECT uid FROM sync_shadow WHERE dirty = 1")) >= 4, "the edits still wait"
    _retry(monkeypatch, team)
    ann.sync()
    bob.sync()
    assert server_count(team, "SELECT count(*) FROM person WHERE name = 'ann new hire'") == 1
    assert server_count(team, "SELECT count(*) FROM interaction WHERE summary = 'ann call'") == 1
    assert server_count(team, "SELECT count(*) FROM person WHERE title LIKE 'ann title %'") == 4
    faults.assert_in_step(team, ann, bob)
    assert ann.sync()["pushed"] == 0


def test_a_connection_cut_in_the_middle_of_a_pull_skips_nothing(pair, monkeypatch):
    team, ann, bob = pair
    offline_work(ann, "ann")
    ann.sync()
    bob.set(BANK, bob.query("SELECT name FROM person ORDER BY name DESC LIMIT 1")[0][0], "department=Bob's")
    # Bob's push goes through; the pull is cut between two tables of its one snapshot.
    wires = faults.trip(monkeypatch, lambda sql: "FROM link t JOIN unnest" in sql, faults.terminate(team.admin_url))
    code, out, err = bob.cli("sync", expect=1)
    assert wires[0].tripped and "lost the team server" in err and err.count("\n") == 1
    assert server_count(team, "SELECT count(*) FROM person WHERE department = 'Bob''s'") == 1, "pushed"
    assert bob.query("SELECT count(*) FROM person WHERE name = 'ann new hire'") == [(0,)], "nothing half-pulled"
    _retry(monkeypatch, team)
    result = bob.sync()
    assert result["pushed"] == 0 and result["pulled"] > 0
    assert bob.query("SELECT count(*) FROM person WHERE name = 'ann new hire'") == [(1,)]
    ann.sync()
    faults.assert_in_step(team, ann, bob)


def test_a_sync_killed_in_the_middle_of_its_push_loses_nothing(pair):
    """`stakemap sync` in a process of its own, held inside its push transaction (the test holds the lock
    every write takes), then killed with SIGKILL."""
    team, ann, bob = pair
    offline_work(ann, "ann")
    with psycopg.connect(team.admin_url) as holder, psycopg.connect(team.admin_url, autocommit=True) as watch:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (VERSION_LOCK,))
        process = faults.stakemap("--db", ann.path, "sync")
        try:
            _wait_for(lambda: process.poll() is None and watch.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'stakemap' AND "
                "wait_event_type = 'Lock'").fetchone()[0] == 1, what="the push waiting for the lock",
                      stop=lambda: process.poll() is not None and process.communicate())
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(30)
        assert faults.killed(process.returncode)
    assert server_count(team, "SELECT count(*) FROM person WHERE name = 'ann new hire'") == 0
    assert len(ann.query("SELECT uid FROM sync_shadow WHERE dirty = 1")) >= 4, "the killed file still has it all"
    ann.sync()
    bob.sync()
    assert server_count(team, "SELECT count(*) FROM person WHERE name = 'ann new hire'") == 1
    faults.assert_in_step(team, ann, bob)


def test_a_sync_killed_after_the_server_committed_its_push_applies_nothing_twice(pair):
    team, ann, bob = pair
    offline_work(ann, "ann")
    done = faults.run_killed_after_server_commit(ann.path)
    assert faults.killed(done.returncode), done.stderr
    # The server has the push; the file, killed before its own commit, still thinks it waits.
    assert server_count(team, "SELECT count(*) FROM person WHERE name = 'ann new hire'") == 1
    assert len(ann.query("SELECT uid FROM sync_shadow WHERE dirty = 1")) >= 4
    stamps = server_stamps(team)
    result = ann.sync()
    assert result["conflicts"] == 0
    assert server_count(team, "SELECT count(*) FROM person WHERE name = 'ann new hire'") == 1
    assert server_count(team, "SELECT count(*) FROM interaction WHERE summary = 'ann call'") == 1
    assert server_count(team, "SELECT count(*) FROM link WHERE strength = 3 AND source_person_uid = "
                              "(SELECT uid FROM person WHERE name = 'ann new hire')") == 1
    # The retry wrote nothing again: every value it found on the server was already its own.
    assert server_stamps(team) == stamps
    bob.sync()
    faults.assert_in_step(team, ann, bob)


@pytest.mark.parametrize("where", ["push", "pull"])
def test_a_server_restarted_in_the_middle_of_a_sync_is_caught_up_by_the_retry(pair, monkeypatch, where):
    team, ann, bob = pair
    offline_work(ann, "ann")
    offline_work(bob, "bob")
    point = (lambda sql: sql.startswith("UPDATE person")) if where == "push" else (
        lambda sql: "FROM person t JOIN unnest" in sql)
    wires = faults.trip(monkeypatch, point, faults.restart(team.cluster))
    code, out, err = bob.cli("sync", expect=1)
    assert wires[0].tripped and err.startswith("stakemap: lost the team server") and err.count("\n") == 1
    pushed = server_count(team, "SELECT count(*) FROM person WHERE name = 'bob new hire'")
    assert pushed == (1 if where == "pull" else 0)
    _retry(monkeypatch, team)
    for rep in (ann, bob, ann):
        rep.sync()
    faults.assert_in_step(team, ann, bob)
    for tag, rep in (("ann", ann), ("bob", bob)):
        assert server_count(team, "SELECT count(*) FROM person WHERE name = %s", (f"{tag} new hire",)) == 1
        # Both changed the same four titles: each one is on the server or in that laptop's conflict list.
        listed = {c["mine"] for c in rep.conflicts() if c["field"] == "title"}
        for i in range(4):
            title = f"{tag} title {i}"
            assert server_count(team, "SELECT count(*) FROM person WHERE title = %s", (title,)) == 1 or (
                title in listed), title


def test_two_writers_crossing_rows_wait_for_each_other_instead_of_deadlocking(pair):
    """An UPDATE locks its row before its row trigger takes the version lock; every write statement takes
    that lock first, so a writer holding the lock and wanting a row never meets one holding the row and
    wanting the lock."""
    import threading

    team, ann, bob = pair
    with psycopg.connect(team.admin_url) as first, psycopg.connect(team.admin_url) as second:
        first.execute("UPDATE person SET title = 'first' WHERE uid = (SELECT min(uid::text)::uuid FROM person)")
        errors = []

        def crossing():
            try:
                second.execute("UPDATE person SET title = 'second' WHERE uid = "
                               "(SELECT max(uid::text)::uuid FROM person)")
                second.commit()
            except psycopg.Error as exc:
                errors.append(exc)

        thread = threading.Thread(target=crossing)
        thread.start()
        time.sleep(0.5)  # the second writer now waits for the first
        first.execute("UPDATE person SET title = 'first' WHERE uid = (SELECT max(uid::text)::uuid FROM person)")
        first.commit()
        thread.join(20)
        assert not errors, errors
    assert server_count(team, "SELECT count(*) FROM person WHERE title = 'second'") == 1


def server_stamps(team) -> dict:
    """Every server row's version and tombstone: a row written again would show a new one."""
    from app.sync.tables import sync_tables

    with psycopg.connect(team.admin_url) as conn:
        out = {t: set(conn.execute(f"SELECT uid, server_version FROM {t}").fetchall()) for t in sync_tables()}
        out["tombstones"] = set(conn.execute("SELECT uid, server_version FROM stakemap_tombstone").fetchall())
    return out


def _retry(monkeypatch, team) -> None:
    """Back to plain connections (the team fixture's password file and no keyring kept)."""
    from app.sync import connection, engine

    monkeypatch.setattr(engine, "connect", connection.connect)


def _wait_for(condition, what: str, timeout: float = 30, stop=lambda: None) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        ended = stop()
        if ended:
            raise AssertionError(f"ended before {what}: {ended}")
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")
