"""The team server keeps its own rules: values the file would refuse are refused there too (whoever writes them,
psql included), and deletion records older than 180 days are pruned without a laptop that was away longer
missing any delete."""

from __future__ import annotations

import psycopg
import pytest

from tests.team_support import demo_team

BANK = "东潮商业银行 Dongchao Commercial Bank"


@pytest.fixture
def shared(team):
    """Ann (a member) uploads the demo accounts; Bob (a member) may write the bank."""
    return demo_team(team)


def people(replica, account=BANK):
    return sorted(r[0] for r in replica.query(
        "SELECT p.name FROM person p JOIN account a ON a.id = p.account_id WHERE a.name = ?", (account,)))


def _member_conn(team, name):
    return psycopg.connect(team.cluster.url(team.database, team.login(name), f"pw-{name}-{team.database}"))


@pytest.mark.parametrize("assignment", ["stance = 'bogus'", "influence = 9", "role = 'boss'", "cadence_days = 0"])
def test_psql_as_a_member_cannot_write_a_value_the_file_would_refuse(shared, assignment):
    team, ann, bob = shared
    name = people(ann)[0]
    with _member_conn(team, "bob") as conn:
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute(f"UPDATE person SET {assignment} WHERE name = %s", (name,))
        conn.rollback()
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("UPDATE link SET strength = 0 WHERE account_uid = (SELECT uid FROM account WHERE name = %s)",
                         (BANK,))
        conn.rollback()
        # A good value goes through, and reaches the other file.
        assert conn.execute("UPDATE person SET influence = 5, stance = 'advocate' WHERE name = %s",
                            (name,)).rowcount == 1
    ann.sync()
    assert ann.person(BANK, name, "influence", "stance") == (5, "advocate")


def test_upgrade_adds_the_value_checks_a_server_lacks(shared):
    team, ann, bob = shared
    name = people(ann)[0]
    with psycopg.connect(team.admin_url) as conn:  # a server made before the checks, with a bad value in it
        conn.execute("ALTER TABLE person DROP CONSTRAINT ck_person_stance")
        conn.execute("UPDATE person SET stance = 'bogus' WHERE name = %s", (people(ann)[1],))
    team.run("server", "upgrade", team.admin_url)
    with _member_conn(team, "bob") as conn:
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("UPDATE person SET stance = 'bogus' WHERE name = %s", (name,))


def _age_tombstones(team, days: int) -> None:
    with psycopg.connect(team.admin_url) as conn:
        conn.execute("UPDATE stakemap_tombstone SET deleted_at = now() - make_interval(days => %s)", (days,))


def _tombstones(team) -> int:
    with psycopg.connect(team.admin_url) as conn:
        return conn.execute("SELECT count(*) FROM stakemap_tombstone").fetchone()[0]


def test_a_replica_offline_longer_than_180_days_still_loses_the_rows_deleted_meanwhile(shared):
    team, ann, bob = shared
    gone, edited_and_gone, kept, recent = people(ann)[:4]
    # Bob goes offline and edits two people there.
    bob.set(BANK, kept, "title=Head of Treasury")
    bob.set(BANK, edited_and_gone, "title=Head of Audit")
    # Meanwhile Ann deletes two of them (and with them their links), long ago as far as the server knows.
    links_before = bob.query("SELECT count(*) FROM link")[0][0]
    with _ann_file(ann) as conn:
        conn.execute("DELETE FROM person WHERE name IN (?, ?)", (gone, edited_and_gone))
    ann.sync()
    _age_tombstones(team, 200)
    # A delete of this week stays as a deletion record.
    with _ann_file(ann) as conn:
        conn.execute("DELETE FROM person WHERE name = ?", (recent,))
    ann.sync()
    before = _tombstones(team)

    code, out, _ = team.run("server", "prune", team.admin_url)
    assert "Pruned" in out
    after = _tombstones(team)
    assert 0 < after < before, "the old deletion records went, this week's stayed"

    result = bob.sync()
    names = people(bob)
    assert gone not in names and recent not in names
    assert bob.query("SELECT count(*) FROM link")[0][0] < links_before
    # Bob's edit of a person deleted there is not dropped: the row stays, listed as a conflict.
    assert edited_and_gone in names
    assert [(c["row"], c["field"]) for c in bob.conflicts()] == [(edited_and_gone, "deleted")]
    assert result["conflicts"] == 1
    # His other edit reached the server, and both files hold the same people again but for the open conflict.
    ann.sync()
    assert ann.person(BANK, kept, "title") == ("Head of Treasury",)
    assert sorted(set(people(bob)) - {edited_and_gone}) == people(ann)
    # In step from now on: the next sync pulls nothing again.
    again = bob.sync()
    assert (again["pulled"], again["conflicts"]) == (0, 1)


def test_upgrade_prunes_too_and_keeps_recent_deletion_records(shared):
    team, ann, bob = shared
    with _ann_file(ann) as conn:
        conn.execute("DELETE FROM person WHERE name = ?", (people(ann)[0],))
    ann.sync()
    before = _tombstones(team)
    team.run("server", "upgrade", team.admin_url)
    assert _tombstones(team) == before  # kept: not 180 days old
    _age_tombstones(team, 181)
    code, out, _ = team.run("server", "upgrade", team.admin_url)
    assert "pruned" in out and _tombstones(team) == 0
    # Bob was in step before the delete: he still loses the person, now by pulling the bank again in full.
    bob.sync()
    assert people(bob) == people(ann)


class _ann_file:
    """The file opened as another program would (foreign keys on, so deletes cascade), committed on exit."""

    def __init__(self, replica) -> None:
        import sqlite3

        self.conn = sqlite3.connect(replica.path)
        self.conn.execute("PRAGMA foreign_keys = ON")

    def __enter__(self):
        return self.conn

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.conn.commit()
        self.conn.close()
