"""Restoring a backup, a -wal that belongs to another copy of the file, damaged pages, and files of other
programs: each refused or repaired with one clear line, the file never written while it is in doubt."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from app.cli import main
from app.models import Account, Person
from app.storage import backup
from app.storage.database import Database
from app.storage.errors import EmptyFileError, ForeignWalError, NotADatabaseError
from app.storage.fileinfo import APPLICATION_ID
from tests.test_storage_open import PROJECT_ROOT, folder_state


def count(path, table="person", immutable=False) -> int:
    uri = f"file:{path}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def make_file(path, people: int, notes: str = "") -> None:
    with Database.open(path) as db, db.session() as s:
        account = Account(name="Bank")
        s.add(account)
        s.flush()
        s.add_all(Person(account_id=account.id, name=f"Person {i}", notes=notes or None) for i in range(people))


def add_people_then_get_killed(path, people: int) -> None:
    """Another process commits ``people`` more people and is killed: they are in the -wal only."""
    code = textwrap.dedent(f"""
        import os, signal
        from app.models import Person
        from app.storage.database import Database
        db = Database.open({str(path)!r})
        with db.session() as s:
            s.add_all(Person(account_id=1, name=f"New {{i}}") for i in range({people}))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, timeout=120,
                   env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def file_with_stale_wal(tmp_path):
    """A backup copied over the file by hand while the file's last changes were still in its -wal."""
    path = tmp_path / "stakemap.db"
    make_file(path, 94)
    made = backup.make_backup(path)
    add_people_then_get_killed(path, 5000)
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0 and count(path) == 5094
    shutil.copyfile(made, path)
    return path, made


def test_a_wal_of_another_copy_is_not_replayed_over_the_file(file_with_stale_wal, capsys):
    path, _made = file_with_stale_wal
    before = folder_state(path.parent)
    with pytest.raises(ForeignWalError) as caught:
        Database.open(path)
    assert "belongs to another copy" in str(caught.value)
    assert main(["--db", str(path), "accounts"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "belongs to another copy of the file" in err
    assert folder_state(path.parent) == before  # neither the file nor the -wal was touched
    assert count(path, immutable=True) == 94


def test_restore_moves_the_stale_wal_aside_with_the_file_it_belongs_to(file_with_stale_wal, capsys):
    path, made = file_with_stale_wal
    capsys.readouterr()
    assert main(["--db", str(path), "restore", str(made)]) == 0
    out = capsys.readouterr().out
    assert "restored from" in out and "kept at" in out
    aside = next(p for p in path.parent.iterdir() if "-before-restore-" in p.name and p.suffix == ".db")
    assert str(aside) in out
    # The restored file is the backup; the file kept aside keeps the -wal that lay beside it (nothing deleted).
    assert not path.with_name(path.name + "-wal").exists()
    assert aside.with_name(aside.name + "-wal").stat().st_size > 0
    assert count(path) == 94
    with Database.open(path) as db, db.session() as s:
        s.add(Person(account_id=1, name="After restore"))
    assert count(path) == 95
    assert backup.integrity_problems(path) == []


def test_restore_refuses_a_file_that_is_not_a_sound_stakemap_backup(tmp_path, capsys):
    path = tmp_path / "stakemap.db"
    make_file(path, 3)
    bogus = tmp_path / "notes.db"
    conn = sqlite3.connect(bogus)
    conn.execute("CREATE TABLE note (t TEXT)")
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)
    assert main(["--db", str(path), "restore", str(bogus)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "not a Stakemap database" in err
    assert folder_state(tmp_path) == before


def scribble_a_page(path) -> None:
    """Overwrite one b-tree page in the middle of the person table with garbage."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek(page_size * (pages // 2))
        fh.write(b"\xde\xad\xbe\xef" * (page_size // 4))


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "stakemap.db"
    make_file(path, 3000, notes="x" * 200)
    good = backup.make_backup(path)
    scribble_a_page(path)
    return path, good


def test_a_damaged_file_opens_read_only_and_is_never_written(damaged, capsys):
    path, good = damaged
    before = path.read_bytes()
    db = Database.open(path)
    try:
        assert db.read_only and db.damage
    finally:
        db.close()
    assert main(["--db", str(path), "demo"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "read-only" in err and "damaged" in err
    assert path.read_bytes() == before


def test_check_reports_damage_in_one_line_naming_the_newest_good_backup(damaged, capsys):
    path, good = damaged
    before = path.read_bytes()
    assert main(["--db", str(path), "check"]) == 1
    out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1, err
    assert "is damaged" in err and f"stakemap restore {good}" in err
    assert path.read_bytes() == before
    assert backup.list_backups(path) == [good]  # no backup of the damaged file


def test_a_salvaged_copy_holds_what_could_be_read(damaged, capsys):
    path, _good = damaged
    before = path.read_bytes()
    assert main(["--db", str(path), "salvage"]) == 0
    out = capsys.readouterr().out
    copy = next(p for p in path.parent.iterdir() if "-salvaged-" in p.name and p.suffix == ".db")
    assert str(copy) in out
    assert path.read_bytes() == before
    assert 2000 < count(copy) <= 3000
    with Database.open(copy) as db:
        assert not db.read_only


def test_an_empty_geopackage_is_not_turned_into_a_stakemap_file(tmp_path):
    path = tmp_path / "map.gpkg"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id=0x47504B47")  # "GPKG"
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError, match="another application"):
        Database.open(path)
    assert path.read_bytes() == before


def test_a_blank_sqlite_file_is_initialised_only_when_the_user_agrees(tmp_path):
    path = tmp_path / "blank.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=0")
    conn.execute("VACUUM")
    conn.close()
    with pytest.raises(EmptyFileError):
        Database.open(path)
    with Database.open(path, initialize_empty=True) as db, db.session() as s:
        s.add(Account(name="First"))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
