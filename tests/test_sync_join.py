"""A join pulls exactly what the team server holds: every row, and a shadow of every row at its server version,
so that a later edit pushes as one change and nothing else moves — whether the pull writes rows in bulk (a big
team server) or one table's few rows the ordinary way."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from app.sync import engine, replica
from app.sync import server_rows as srv
from app.sync.tables import sync_tables

BANK = "东潮商业银行 Dongchao Commercial Bank"


def _server_rows(team) -> dict[str, dict[str, tuple[dict, int]]]:
    with psycopg.connect(team.admin_url) as conn:
        out = {}
        for info in sync_tables().values():
            decoded = (srv.decode(info, r) for r in conn.execute(srv.select_sql(info)).fetchall())
            out[info.name] = {row["uid"]: (row, version) for row, version, _edited in decoded}
        return out


def _server_stamps(team) -> dict[tuple[str, str], tuple[str, str]]:
    """(table, uid) → (who last changed the row on the team server, when)."""
    with psycopg.connect(team.admin_url) as conn:
        return {(info.name, uid): (by, at) for info in sync_tables().values()
                for uid, by, at in conn.execute(f"SELECT uid::text, changed_by, {srv.STAMP_AT_SQL} FROM {info.name}")}


def _stamps(conn) -> dict[tuple[str, str], tuple[str, str]]:
    rows = conn.execute("SELECT tbl, uid, changed_by, changed_at FROM sync_shadow")
    return {(t, u): (by, at) for t, u, by, at in rows}


@pytest.mark.parametrize("bulk_rows", [1, 10**9], ids=["bulk", "row-by-row"])
def test_a_join_holds_exactly_the_servers_rows_and_shadows(team, monkeypatch, bulk_rows):
    team.add_user("ann", "member")
    team.add_user("boss", "manager")
    ann, boss = team.replica("ann"), team.replica("boss")
    ann.cli("demo")
    ann.join()
    monkeypatch.setattr(engine, "BULK_ROWS", bulk_rows)
    boss.join()

    server = _server_rows(team)
    assert sum(map(len, server.values())) > 500
    conn = sqlite3.connect(boss.path)
    try:
        for info in sync_tables().values():
            local = replica.read_rows(conn, info)
            theirs = {uid: row for uid, (row, _version) in server[info.name].items()}
            assert local == theirs, info.name
            shadows = replica.shadows(conn, "tbl = ?", (info.name,))
            assert {uid: (s.data, s.base_version, s.dirty, s.deleted) for (_t, uid), s in shadows.items()} == {
                uid: (row, version, False, False) for uid, (row, version) in server[info.name].items()}, info.name
        # Who last changed each row there, and when, is kept beside its shadow.
        stamps = _server_stamps(team)
        assert team.login("ann") in {by for by, _at in stamps.values()} <= {team.login("ann"), team.login("boss")}
        assert all(at for _by, at in stamps.values())
        assert _stamps(conn) == stamps  # the rows the manager's join pushed included
        # The indexes a bulk write leaves out while it writes are all back.
        from app.models import Base

        declared = {str(ix.name) for t in Base.metadata.tables.values() for ix in t.indexes}
        held = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert declared and declared <= held
        # The uid trigger is back: a row written by any other path still gets its uid at once.
        account_id = conn.execute("SELECT id FROM account WHERE name = ?", (BANK,)).fetchone()[0]
        with conn:
            conn.execute("INSERT INTO link (account_id, kind, strength, source_person_id, target_person_id) "
                         "SELECT ?, 'knows', 2, min(id), max(id) FROM person WHERE account_id = ?",
                         (account_id, account_id))
        assert conn.execute("SELECT count(*) FROM link WHERE uid IS NULL").fetchone()[0] == 0
        with conn:
            conn.execute("DELETE FROM link WHERE id = (SELECT max(id) FROM link)")
    finally:
        conn.close()

    # In step: nothing to push or pull; one edit pushes as exactly one change and reaches the other file.
    again = boss.sync()
    assert (again["pushed"], again["pulled"], again["conflicts"]) == (0, 0, 0)
    ann.sync()  # the manager's join shared the built-in criteria
    name = sorted(r[0] for r in boss.query(
        "SELECT p.name FROM person p JOIN account a ON a.id = p.account_id WHERE a.name = ?", (BANK,)))[0]
    boss.set(BANK, name, "title=Head of Procurement")
    pushed = boss.sync()
    assert (pushed["pushed"], pushed["conflicts"]) == (1, 0)
    pulled = ann.sync()
    assert (pulled["pulled"], pulled["conflicts"]) == (1, 0)
    assert ann.person(BANK, name, "title") == ("Head of Procurement",)


def test_a_pulled_rows_last_synced_values_survive_its_edit_and_the_delete_that_cascades_to_it(team):
    """A pulled row's shadow is kept as the row itself; editing the row or deleting its parent still leaves the
    shadow with exactly the values the server sent (references included), so a merge has its base."""
    team.add_user("ann", "member")
    team.add_user("boss", "manager")
    ann, boss = team.replica("ann"), team.replica("boss")
    ann.cli("demo")
    ann.join()
    boss.join()
    server = _server_rows(team)
    conn = sqlite3.connect(boss.path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        person_id, person_uid = conn.execute(
            "SELECT p.id, p.uid FROM person p WHERE EXISTS (SELECT 1 FROM link l WHERE l.source_person_id = p.id) "
            "ORDER BY p.id LIMIT 1").fetchone()
        links = [r[0] for r in conn.execute("SELECT uid FROM link WHERE source_person_id = ? OR target_person_id = ?",
                                            (person_id, person_id))]
        other_uid = conn.execute("SELECT uid FROM person WHERE id <> ? ORDER BY id LIMIT 1", (person_id,)).fetchone()[0]
        with conn:
            conn.execute("UPDATE person SET title = 'Chief Bean Counter', x = x + 0.1 WHERE uid = ?", (other_uid,))
            conn.execute("DELETE FROM person WHERE id = ?", (person_id,))
        marks = ",".join("?" * len(links))
        assert conn.execute(f"SELECT count(*) FROM link WHERE uid IN ({marks})", links).fetchone()[0] == 0, \
            "the links went with the person"
        found = replica.shadows(conn)
        stamps = _server_stamps(team)
        assert _stamps(conn) == stamps, "a first edit writes the old values and keeps who changed them"
        for table, uid, deleted in [("person", other_uid, False), ("person", person_uid, True),
                                    *(("link", u, True) for u in links)]:
            shadow = found[(table, uid)]
            row, version = server[table][uid]
            assert (shadow.data, shadow.base_version, shadow.dirty, shadow.deleted) == (row, version, True, deleted)
    finally:
        conn.close()
    ann.sync()  # the manager's join shared the built-in criteria
    pushed = boss.sync()
    assert pushed["conflicts"] == 0
    ann.sync()
    assert ann.query("SELECT count(*) FROM person WHERE uid = ?", (person_uid,)) == [(0,)]
    assert ann.query("SELECT title FROM person WHERE uid = ?", (other_uid,)) == [("Chief Bean Counter",)]


def test_pulled_records_written_in_one_go_match_those_written_one_by_one():
    """The bulk conversion of pulled records (column by column) gives the same values as row by row, and holds
    back exactly the rows whose required parent the file lacks."""
    info = sync_tables()["link"]

    class Ids:
        def of_table(self, table):
            return {"account": {"a1": 1}, "person": {"p1": 11, "p2": 12}, "team_member": {"m1": 21}}[table]

    pulled = replica.PulledRecords(info, Ids())
    keys = replica.stored_keys(info)

    def record(uid, account, **values):
        stored = {"uid": uid, "account_uid": account, **values}
        return (uid, account, 7, *(stored.get(k) for k in keys[2:]), "ann", "2026-12-01T09:30:00")

    records = [record("l1", "a1", kind="knows", strength=2, source_person_uid="p1", target_person_uid="p2"),
               record("l2", "a1", kind="covers", strength=3, source_member_uid="m1", target_person_uid="p2"),
               record("l3", "a9", kind="knows", strength=1, source_person_uid="p1", target_person_uid="p2"),
               record("l4", "a1", kind="ally", strength=4, source_person_uid="p1", target_member_uid="m1")]
    inserts, waiting = pulled.local_many(records)
    one_by_one = [(r, pulled.local(r)) for r in records]
    assert replica.stored_of(info, records[0]) == {
        "uid": "l1", "account_uid": "a1", **{k: None for k in keys[2:]}, "kind": "knows", "strength": 2,
        "source_person_uid": "p1", "target_person_uid": "p2"}, "who and when are not values of the row"
    assert [(r, list(v)) for r, v in inserts] == [(r, v) for r, v in one_by_one if v is not None]
    assert waiting == [r for r, v in one_by_one if v is None] == [records[2]]


@pytest.mark.parametrize("per_statement", [3, 64])
def test_pulled_records_written_by_sqlite_match_the_conversion_and_leave_out_what_lacks_a_parent(
        database, monkeypatch, per_statement):
    """Records written straight from the pull (SQLite resolving references by uid) give the file the same values
    as the conversion in Python, each with its shadow kept as the row at its version and stamps, and leave out
    exactly the records whose required parent the file lacks."""
    monkeypatch.setattr(replica, "_STAGED_PER_STATEMENT", per_statement)
    info = sync_tables()["link"]
    conn = sqlite3.connect(database.path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("INSERT INTO account (name, uid) VALUES ('Acme', 'a1')")
        conn.execute("INSERT INTO team_member (name, uid) VALUES ('Mei', 'm1')")
        conn.executemany("INSERT INTO person (account_id, name, uid) VALUES (1, ?, ?)", [("Li", "p1"), ("Wu", "p2")])
        keys = replica.stored_keys(info)

        def record(uid, account, version, **values):
            stored = {"uid": uid, "account_uid": account, **values}
            return (uid, account, version, *(stored.get(k) for k in keys[2:]), "ann", f"2026-12-01T09:3{version}:00")

        records = [record("l1", "a1", 3, kind="knows", strength=2, source_person_uid="p1", target_person_uid="p2"),
                   record("l2", "a1", 4, kind="covers", strength=3, source_member_uid="m1", target_person_uid="p2"),
                   record("l3", "a9", 5, kind="knows", strength=1, source_person_uid="p1", target_person_uid="p2"),
                   record("l4", "a1", 6, kind="ally", strength=4, source_person_uid="p1", target_member_uid="m1",
                          notes="长期合作")]
        conn.execute("BEGIN IMMEDIATE")
        waiting = replica.insert_staged(conn, info, records)
        conn.execute("COMMIT")
        assert waiting == [2]
        ids = replica.LocalIds(conn)
        pulled = replica.PulledRecords(info, ids)
        inserts, _waiting = pulled.local_many(records)
        columns = ", ".join(p[0] for p in replica._local_plan(info))
        written = conn.execute(f"SELECT {columns}, uid FROM link ORDER BY id").fetchall()
        assert written == [tuple(values) for _record, values in inserts]
        shadows = conn.execute("SELECT uid, account_uid, base_version, dirty, deleted, data, changed_by, changed_at "
                               "FROM sync_shadow WHERE tbl = 'link' ORDER BY uid").fetchall()
        assert shadows == [(r[0], r[1], r[2], 0, 0, "", "ann", r[-1]) for r in records if r[0] != "l3"]
        assert conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0, "no staging left"
    finally:
        conn.close()


def test_a_join_names_a_row_the_file_refuses_takes_the_rest_and_pulls_it_once_it_is_fixed(team):
    team.add_user("ann", "member")
    team.add_user("boss", "manager")
    ann, boss = team.replica("ann"), team.replica("boss")
    ann.cli("demo")
    ann.join()
    with psycopg.connect(team.admin_url) as conn:  # a value written before the server checked stances
        conn.execute("ALTER TABLE person DROP CONSTRAINT ck_person_stance")
        uid, name = conn.execute("SELECT uid::text, name FROM person ORDER BY uid LIMIT 1").fetchone()
        conn.execute("UPDATE person SET stance = 'bogus' WHERE uid = %s", (uid,))
    _code, _out, err = boss.join(expect=None)
    assert name in err and "from the team server" in err

    def counts(replica_or_server):
        return {t: replica_or_server(f"SELECT count(*) FROM {t}") for t in ("person", "link", "interaction")}

    def on_server(sql):
        with psycopg.connect(team.admin_url) as conn:
            return conn.execute(sql).fetchone()[0]

    def in_file(sql):
        return boss.query(sql)[0][0]

    assert boss.query("SELECT count(*) FROM person WHERE uid = ?", (uid,)) == [(0,)]
    assert in_file("SELECT count(*) FROM person") == on_server("SELECT count(*) FROM person") - 1
    with psycopg.connect(team.admin_url) as conn:
        conn.execute("UPDATE person SET stance = 'neutral' WHERE uid = %s", (uid,))
    boss.sync()
    assert boss.query("SELECT stance FROM person WHERE uid = ?", (uid,)) == [("neutral",)]
    assert counts(in_file) == counts(on_server)
    assert in_file("SELECT count(*) FROM sync_shadow WHERE dirty = 1") == 0
