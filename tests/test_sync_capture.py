"""Every table of the file declares how it syncs, and the file's own triggers capture every change."""

from __future__ import annotations

import sqlite3

import pytest

import app.sync  # noqa: F401  (registers the capture with Database.open)
from app.models import Base
from app.models.sync_rules import LONG_TEXT, LocalOnly, SyncRule, declarations
from app.sync.tables import sync_tables


def _tables(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_every_table_of_the_file_declares_its_sync_rule(database):
    rules = declarations(Base.metadata)
    undeclared = sorted(t for t in _tables(database.path) if not t.startswith("sqlite_") and t not in rules)
    assert undeclared == [], (
        f"tables without a sync declaration: {undeclared} — add `__sync__ = synced(...)` (or local_only(...)) "
        "beside the entity (app/models/sync_rules.py)")
    assert isinstance(rules["person"], SyncRule) and isinstance(rules["alembic_version"], LocalOnly)


def test_declared_fields_exist_and_follow_the_merge_table():
    tables = sync_tables()
    for info in tables.values():
        names = {c.local for c in info.columns}
        for field in info.rule.long_text + info.rule.natural_key + info.rule.duplicate_keys:
            assert field in names, (info.name, field)
    person = tables["person"]
    assert person.rule.field_rule("title") == "scalar"
    assert person.rule.field_rule("notes") == LONG_TEXT
    assert person.rule.field_rule("x") == "latest"
    assert tables["interaction"].rule.field_rule("summary") == LONG_TEXT
    assert tables["interaction_participant"].rule.field_rule("person_id") == "latest"
    # Parents come before their children, so pulled rows can be applied in this order.
    order = list(tables)
    assert order.index("account") < order.index("person") < order.index("link")


def test_every_synced_table_has_uids_and_triggers(database):
    conn = sqlite3.connect(database.path)
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for name in sync_tables():
        assert "uid" in {r[1] for r in conn.execute(f"PRAGMA table_info({name})")}, name
        assert {f"sync_{name}_uid", f"sync_{name}_update", f"sync_{name}_delete"} <= triggers, name
    conn.close()


def _shadow(conn, table, uid):
    return conn.execute("SELECT dirty, deleted FROM sync_shadow WHERE tbl = ? AND uid = ?", (table, uid)).fetchone()


@pytest.fixture
def raw(database):
    from app.demo import load_demo

    with database.session() as session:
        load_demo(session)
    conn = sqlite3.connect(database.path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    yield conn
    conn.close()


def test_rows_written_by_any_path_get_uids_and_edits_are_captured(raw):
    assert raw.execute("SELECT count(*) FROM person WHERE uid IS NULL").fetchone()[0] == 0
    raw.execute("INSERT INTO team_member (name) VALUES ('Plain SQL')")
    uid = raw.execute("SELECT uid FROM team_member WHERE name = 'Plain SQL'").fetchone()[0]
    assert len(uid) == 36 and uid[14] == "4"
    # A synced row (one with a shadow) is marked dirty by an edit, in the edit's own transaction.
    person_uid = raw.execute("SELECT uid FROM person ORDER BY id LIMIT 1").fetchone()[0]
    raw.execute("INSERT INTO sync_shadow (tbl, uid, base_version, data) VALUES ('person', ?, 5, '{}')",
                (person_uid,))
    raw.execute("BEGIN")
    raw.execute("UPDATE person SET title = 'CFO' WHERE uid = ?", (person_uid,))
    raw.execute("ROLLBACK")
    assert _shadow(raw, "person", person_uid) == (0, 0), "an uncommitted edit is never captured"
    raw.execute("UPDATE person SET title = 'CFO' WHERE uid = ?", (person_uid,))
    assert _shadow(raw, "person", person_uid) == (1, 0)


def test_deletes_and_their_cascades_are_captured_but_applied_pulls_are_not(raw):
    person_id, person_uid = raw.execute("SELECT id, uid FROM person ORDER BY id LIMIT 1").fetchone()
    links = raw.execute("SELECT uid FROM link WHERE source_person_id = ? OR target_person_id = ?",
                        (person_id, person_id)).fetchall()
    assert links
    for (uid,) in links:
        raw.execute("INSERT INTO sync_shadow (tbl, uid, base_version) VALUES ('link', ?, 3)", (uid,))
    raw.execute("INSERT INTO sync_shadow (tbl, uid, base_version) VALUES ('person', ?, 3)", (person_uid,))
    other_uid = raw.execute("SELECT uid FROM person ORDER BY id DESC LIMIT 1").fetchone()[0]
    raw.execute("INSERT INTO sync_shadow (tbl, uid, base_version) VALUES ('person', ?, 3)", (other_uid,))
    raw.execute("BEGIN")
    raw.execute("INSERT INTO sync_applying VALUES (1)")
    raw.execute("UPDATE person SET title = 'pulled' WHERE uid = ?", (other_uid,))
    raw.execute("DELETE FROM sync_applying")
    raw.execute("COMMIT")
    assert _shadow(raw, "person", other_uid) == (0, 0)
    raw.execute("DELETE FROM person WHERE id = ?", (person_id,))
    assert _shadow(raw, "person", person_uid) == (1, 1)
    assert all(_shadow(raw, "link", uid) == (1, 1) for (uid,) in links), "cascaded deletes are captured too"


def test_a_file_with_shadows_of_the_earlier_form_keeps_them_and_its_capture(raw):
    """Shadows were once a table with rowids: opening such a file rebuilds it keyed by its primary key alone,
    with every shadow kept, and edits are still captured."""
    from app.sync import capture

    person_uid = raw.execute("SELECT uid FROM person ORDER BY id LIMIT 1").fetchone()[0]
    raw.execute("DROP TABLE sync_shadow")
    raw.execute("""CREATE TABLE sync_shadow (
        tbl TEXT NOT NULL, uid TEXT NOT NULL, account_uid TEXT,
        base_version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0, edited_at TEXT, data TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (tbl, uid))""")
    raw.execute("INSERT INTO sync_shadow (tbl, uid, base_version, data) VALUES ('person', ?, 5, ?)",
                (person_uid, '{"title": "CIO"}'))
    raw.execute("BEGIN IMMEDIATE")
    capture.install(raw)
    raw.execute("COMMIT")
    sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'sync_shadow'").fetchone()[0]
    assert "WITHOUT ROWID" in sql
    assert raw.execute("SELECT base_version, data FROM sync_shadow WHERE uid = ?", (person_uid,)).fetchone() == (
        5, '{"title": "CIO"}')
    raw.execute("UPDATE person SET title = 'CFO' WHERE uid = ?", (person_uid,))
    assert _shadow(raw, "person", person_uid) == (1, 0)


@pytest.mark.parametrize("form", ["stamps in the values", "no stamps"])
def test_a_file_whose_shadows_lack_the_stamp_columns_gains_them_with_its_stamps(raw, form):
    """Who last changed a row on the team server once rode in the shadow's values (``_by``, ``_at``), and a later
    form kept no stamp at all: opening either file moves the stamps into their columns, values unchanged, and a
    first edit of a row whose shadow is kept as the row keeps its stamp."""
    from app.sync import capture

    person_uid, other_uid = [r[0] for r in raw.execute("SELECT uid FROM person ORDER BY id LIMIT 2")]
    raw.execute("DROP TABLE sync_shadow")
    raw.execute(f"""CREATE TABLE sync_shadow (
        tbl TEXT NOT NULL, uid TEXT NOT NULL, account_uid TEXT,
        base_version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0, edited_at TEXT, data TEXT NOT NULL DEFAULT '{{}}',
        PRIMARY KEY (tbl, uid)){'' if form == 'stamps in the values' else ' WITHOUT ROWID'}""")
    stamped = '{"title": "CIO", "x": 0.1, "_by": "ann", "_at": "2026-12-01T09:30:00"}'
    raw.execute("INSERT INTO sync_shadow (tbl, uid, base_version, data) VALUES ('person', ?, 5, ?)",
                (person_uid, stamped if form == "stamps in the values" else '{"title": "CIO", "x": 0.1}'))
    raw.execute("INSERT INTO sync_shadow (tbl, uid, base_version, data) VALUES ('person', ?, 6, ?)",
                (other_uid, capture.AS_ROW))
    raw.execute("BEGIN IMMEDIATE")
    capture.install(raw)
    raw.execute("COMMIT")
    sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'sync_shadow'").fetchone()[0]
    assert "WITHOUT ROWID" in sql and "changed_by" in sql
    found = dict((r[0], r[1:]) for r in raw.execute(
        "SELECT uid, base_version, json_extract(data, '$.title'), json_extract(data, '$.x'), "
        "json_type(data, '$._by'), changed_by, changed_at FROM sync_shadow WHERE data <> ''"))
    assert found == {person_uid: (5, "CIO", 0.1, None, *(("ann", "2026-12-01T09:30:00")
                                                         if form == "stamps in the values" else (None, None)))}
    raw.execute("UPDATE sync_shadow SET changed_by = 'bob', changed_at = '2026-12-01T10:00:00' WHERE uid = ?",
                (other_uid,))
    raw.execute("UPDATE person SET title = 'CFO' WHERE uid = ?", (other_uid,))
    assert raw.execute("SELECT dirty, data <> '', changed_by, changed_at FROM sync_shadow WHERE uid = ?",
                       (other_uid,)).fetchone() == (1, 1, "bob", "2026-12-01T10:00:00")


def test_a_table_an_upgrade_rebuilt_gets_its_capture_back_without_any_row_changing(raw, database):
    from app.sync import capture

    before = raw.execute("SELECT * FROM team_member ORDER BY id").fetchall()
    for kind in ("uid", "update", "keep", "delete"):  # what copying a table to change it loses
        raw.execute(f"DROP TRIGGER sync_person_{kind}")
    capture.ensure(database.engine)
    names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {f"sync_person_{k}" for k in ("uid", "update", "keep", "delete")} <= names
    assert raw.execute("SELECT * FROM team_member ORDER BY id").fetchall() == before
