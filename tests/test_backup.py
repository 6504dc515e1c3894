"""Backups: verified, complete copies, written atomically and rotated; integrity checks that find problems."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from app.models import Account, Link, Person, TeamMember
from app.storage import backup
from app.storage.database import Database
from app.storage.errors import StorageError


def all_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (sorted), read with plain sqlite3."""
    conn = sqlite3.connect(path)
    try:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def fill(db: Database, prefix: str = "") -> None:
    with db.session() as s:
        member = TeamMember(name=f"{prefix}Sam", team_role="account_manager")
        account = Account(name=f"{prefix}Acme", tier="key", owner=member)
        s.add_all([member, account])
        s.flush()
        ada = Person(account_id=account.id, name="Ada", role="economic_buyer", stance="supporter", influence=5)
        bob = Person(account_id=account.id, name="Bob", role="coach", stance="advocate", influence=3)
        s.add_all([ada, bob])
        s.flush()
        s.add(Link(account_id=account.id, kind="reports_to", source_person_id=bob.id, target_person_id=ada.id))
        s.add(Link(account_id=account.id, kind="covers", source_member_id=member.id, target_person_id=ada.id))


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "book.stakemap"
    with Database.open(path) as db:
        fill(db)
    return path


def test_backup_is_a_verified_copy_with_the_same_rows(db_path):
    written = backup.make_backup(db_path, label="manual")
    assert written.parent == backup.backups_dir_for(db_path)
    assert written.name.endswith(backup.BACKUP_SUFFIX)
    assert "manual" in written.name
    assert backup.list_backups(db_path) == [written]
    assert backup.integrity_problems(written) == []
    rows = all_rows(written)
    assert rows == all_rows(db_path)
    assert len(rows["person"]) == 2 and len(rows["link"]) == 2
    # A standalone file: it does not need a -wal beside it to be whole.
    conn = sqlite3.connect(written)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        conn.close()


def test_backup_of_an_open_database_includes_committed_changes_not_yet_checkpointed(tmp_path):
    path = tmp_path / "live.stakemap"
    with Database.open(path) as db:
        fill(db)
        assert path.with_name(path.name + "-wal").stat().st_size > 0  # the changes are still in the WAL
        written = backup.make_backup(path)
        rows = all_rows(written)
        assert [r[1] for r in rows["account"]] == ["Acme"]
        assert len(rows["person"]) == 2
        with db.session() as s:  # the live database is still usable after being backed up
            s.add(Account(name="After backup"))
    assert len(all_rows(path)["account"]) == 2
    assert len(all_rows(written)["account"]) == 1


def test_backup_is_written_to_a_temporary_file_then_renamed(db_path, monkeypatch):
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def recording_replace(src, dst):
        renames.append((str(src), str(dst)))
        return real_replace(src, dst)

    monkeypatch.setattr(backup.os, "replace", recording_replace)
    written = backup.make_backup(db_path)
    assert renames == [(str(written) + ".tmp", str(written))]
    leftovers = [p.name for p in backup.backups_dir_for(db_path).iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_backup_that_fails_verification_leaves_nothing_behind(db_path, monkeypatch):
    monkeypatch.setattr(backup, "integrity_problems", lambda path: ["page 7 is never used"])
    with pytest.raises(StorageError, match="verification"):
        backup.make_backup(db_path)
    assert list(backup.backups_dir_for(db_path).iterdir()) == []
    assert backup.list_backups(db_path) == []


def test_generations_keep_a_week_of_days_a_month_of_weeks_and_a_year_of_months():
    now = dt.datetime(2026, 12, 2, 12, 0)
    # One backup every day for two years, three on the newest day.
    stamped = [(Path(f"d{i}"), now - dt.timedelta(days=i)) for i in range(730)]
    stamped += [(Path("a"), now - dt.timedelta(hours=1)), (Path("b"), now - dt.timedelta(hours=2))]
    kept = backup.generations_to_keep(stamped, now)
    times = sorted((t for p, t in stamped if p in kept), reverse=True)
    assert times[0] == now  # the newest of all
    assert Path("a") not in kept and Path("b") not in kept  # one a day
    assert {t.date() for t in times if now - t <= dt.timedelta(days=7)} == {
        (now - dt.timedelta(days=i)).date() for i in range(8)}
    assert all(now - t <= dt.timedelta(days=366) for t in times)  # nothing older than a year
    months = {(t.year, t.month) for t in times}
    assert len(months) >= 12
    assert len(kept) < 7 + 5 + 13 + 1


def test_pruning_keeps_pre_upgrade_copies_and_does_not_touch_the_database(db_path):
    before = db_path.read_bytes()
    upgrade = backup.make_backup(db_path, label="before-0002_opportunity_people")
    made = [backup.make_backup(db_path) for _ in range(3)]
    assert backup.list_backups(db_path) == sorted([upgrade, made[-1]])  # one a day
    old = (dt.datetime.now() - dt.timedelta(days=400)).timestamp()
    for path in (upgrade, made[-1]):
        os.utime(path, (old, old))
    newest = backup.make_backup(db_path)
    # The year-old rotating backup is gone; the copy from before the upgrade stays until the user deletes it.
    assert backup.list_backups(db_path) == sorted([upgrade, newest])
    assert db_path.read_bytes() == before


def test_a_compact_backup_is_written_now_and_then_and_drops_deleted_data(db_path):
    with Database.open(db_path) as db, db.session() as s:
        account = Account(name="Secret Corp", notes="confidential-" * 500)
        s.add(account)
    with Database.open(db_path) as db, db.session() as s:
        s.delete(s.get(Account, account.id))
    first = backup.make_backup(db_path)
    assert first.name.endswith("-compact.bak.db")
    assert not backup.compact_is_due(db_path)
    for path in (db_path, first):
        assert b"confidential-" not in path.read_bytes()  # secure_delete: gone from the file and its copies
    second = backup.make_backup(db_path)
    assert not second.name.endswith("-compact.bak.db")
    assert b"confidential-" not in second.read_bytes()


def test_backup_is_also_written_to_a_second_folder(db_path, tmp_path):
    other = tmp_path / "other-disk"
    written = backup.make_backup(db_path, second_folder=other)
    mirror = other / db_path.name / written.name
    assert mirror.is_file() and backup.integrity_problems(mirror) == []
    assert all_rows(mirror) == all_rows(written)


def test_backup_is_due_without_backups_and_not_right_after_one(db_path):
    assert backup.last_backup_time(db_path) is None
    assert backup.backup_is_due(db_path) is True
    written = backup.make_backup(db_path)
    assert backup.backup_is_due(db_path) is False
    # Two days later it is due again.
    two_days_ago = (dt.datetime.now() - dt.timedelta(days=2)).timestamp()
    os.utime(written, (two_days_ago, two_days_ago))
    assert backup.backup_is_due(db_path) is True
    assert backup.backup_is_due(db_path, max_age=dt.timedelta(days=3)) is False


def test_integrity_problems_is_empty_for_a_sound_database(db_path):
    assert backup.integrity_problems(db_path) == []


def test_integrity_problems_reports_a_foreign_key_violation(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO person (account_id, name, role, stance) VALUES (999, 'Orphan', 'unknown', 'unknown')")
    conn.commit()
    conn.close()
    problems = backup.integrity_problems(db_path)
    assert len(problems) == 1
    assert "person" in problems[0] and "account" in problems[0]


def test_a_file_with_a_foreign_key_violation_cannot_be_backed_up_as_sound(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(
        "INSERT INTO link (account_id, kind, strength, source_person_id, target_person_id) "
        "VALUES (1, 'knows', 3, 1, 777)"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="verification"):
        backup.make_backup(db_path)
    assert backup.list_backups(db_path) == []


@pytest.mark.parametrize("folder_name", ["Sales #1", "100% sure", "Q3?"])
def test_backup_and_check_of_a_file_in_a_folder_with_url_characters(tmp_path, folder_name):
    folder = tmp_path / folder_name
    folder.mkdir()
    path = folder / "book.stakemap"
    with Database.open(path) as db:
        fill(db)
    written = backup.make_backup(path)
    assert all_rows(written) == all_rows(path)
    assert len(all_rows(written)["person"]) == 2
    # Nothing created outside the folder (e.g. a stray empty database named after part of the path).
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder_name]

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO person (account_id, name, role, stance) VALUES (999, 'Orphan', 'unknown', 'unknown')")
    conn.commit()
    conn.close()
    assert backup.integrity_problems(path) != []
