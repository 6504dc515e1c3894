"""A full disk never makes a sound file look damaged: the write is refused in one line, nothing is lost, and
the file opens normally once there is space again (real small tmpfs disks)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.models import Account, Person
from app.storage.database import Database
from app.storage.errors import DiskFullError
from tests.disks import fill, tmpfs

FULL_LINE = "is full; nothing was lost; free space and try again"


def add_people(db: Database, accounts: int, people_each: int, padding: int, prefix: str = "") -> None:
    with db.session() as s:
        for i in range(accounts):
            account = Account(name=f"{prefix}Account {i}")
            s.add(account)
            s.flush()
            s.add_all(Person(account_id=account.id, name=f"Person {i}.{j}", notes="n" * padding)
                      for j in range(people_each))


def people_count(path) -> int:
    # Without a -wal, read the file as it is: a read-only connection would need to create a -shm.
    wal = path.with_name(path.name + "-wal")
    immutable = "" if wal.exists() and wal.stat().st_size else "&immutable=1"
    conn = sqlite3.connect(f"file:{path}?mode=ro{immutable}", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def disk(tmp_path):
    with tmpfs(tmp_path / "disk", "6m") as folder:
        yield folder


def test_disk_full_during_the_closing_checkpoint_loses_nothing_and_heals_once_space_is_back(disk, capsys):
    path = disk / "stakemap.db"
    with Database.open(path) as db:
        add_people(db, 1, 1, 0)
    db = Database.open(path)
    # About 1.4 MB of new rows: they are committed to the -wal; the checkpoint must grow the file by as much.
    add_people(db, 20, 70, 1000, prefix="New ")
    ballast = fill(disk, keep_free=64 * 1024)
    with pytest.raises(DiskFullError) as caught:
        db.close()
    assert FULL_LINE in str(caught.value)
    assert str(disk) in str(caught.value)
    assert (disk / "stakemap.db-wal").stat().st_size > 0  # every committed change is still there

    # Still full: reading works and the file is not called damaged; the checkpoint failure is said again.
    assert main(["--db", str(path), "accounts", "--json"]) == 1
    out, err = capsys.readouterr()
    assert "\"people\": 70" in out, err
    assert len(err.strip().splitlines()) == 1 and FULL_LINE in err
    assert "truncated" not in err and "damaged" not in err

    ballast.unlink()
    assert main(["--db", str(path), "accounts", "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert not (disk / "stakemap.db-wal").exists() or (disk / "stakemap.db-wal").stat().st_size == 0
    assert people_count(path) == 1 + 20 * 70
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def test_disk_full_during_an_edit_is_one_line_and_the_file_is_as_before(disk, capsys):
    path = disk / "stakemap.db"
    with Database.open(path) as db:
        add_people(db, 1, 3, 0)
    ballast = fill(disk, keep_free=16 * 1024)
    # Opening may already need the disk (its -shm, the capture's check) or only the first write does: either
    # way the user is told the disk is full and the file is as it was.
    with pytest.raises(DiskFullError), Database.open(path) as db:
        add_people(db, 30, 50, 1000, prefix="New ")
    assert people_count(path) == 3

    assert main(["--db", str(path), "demo"]) == 1
    out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1, err
    assert FULL_LINE in err and "Traceback" not in err
    assert people_count(path) == 3
    ballast.unlink()
    assert main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()
    with Database.open(path) as db, db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) > 3


def test_disk_full_during_an_import_is_one_line_and_nothing_is_half_imported(disk, tmp_path, capsys):
    path = disk / "stakemap.db"
    with Database.open(path) as db:
        add_people(db, 1, 3, 0)
    csv = tmp_path / "people.csv"
    csv.write_text("name,title,notes\n" + "".join(f"Person {i},Buyer,{'x' * 900}\n" for i in range(3000)),
                   encoding="utf-8")
    ballast = fill(disk, keep_free=256 * 1024)
    assert main(["--db", str(path), "import", str(csv), "--account", "Account 0"]) == 1
    out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and FULL_LINE in err, err
    assert people_count(path) == 3
    ballast.unlink()


def test_disk_full_during_a_backup_leaves_no_temporary_file(disk, capsys):
    path = disk / "stakemap.db"
    with Database.open(path) as db:
        add_people(db, 10, 50, 1000)
    ballast = fill(disk, keep_free=64 * 1024)
    assert main(["--db", str(path), "check"]) == 1
    out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and FULL_LINE in err, err
    backups = disk / "backups"
    assert not backups.exists() or not any(p.name.endswith(".tmp") for p in backups.rglob("*"))
    ballast.unlink()
    assert people_count(path) == 500
