"""Read-only files, folders and disks; the one-writer lock on the file's real identity; writers that queue."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.models import Account
from app.storage import access
from app.storage.database import Database
from app.storage.errors import AlreadyOpenError, ReadOnlyError
from tests.disks import remount_read_only, remount_read_write, tmpfs, unavailable
from tests.test_storage_open import PROJECT_ROOT, folder_state, make_stakemap_file


@pytest.fixture
def read_only_disk(tmp_path):
    with tmpfs(tmp_path / "share", "8m") as folder:
        make_stakemap_file(folder / "stakemap.db", accounts=3, people_each=2)
        remount_read_only(folder)
        try:
            yield folder
        finally:
            remount_read_write(folder)


def test_a_file_on_a_read_only_disk_opens_read_only_without_a_lock_file(read_only_disk):
    path = read_only_disk / "stakemap.db"
    before = folder_state(read_only_disk)
    db = Database.open(path)
    try:
        assert db.read_only and db.read_only_reason == access.READ_ONLY_DISK
        with db.read_session() as s:
            assert s.scalar(select(func.count()).select_from(Account)) == 3
        with pytest.raises(ReadOnlyError) as caught, db.session() as s:
            s.add(Account(name="Refused"))
        assert "read-only" in str(caught.value) and "not saved" in str(caught.value)
    finally:
        db.close()
    assert folder_state(read_only_disk) == before


def test_the_cli_reads_a_read_only_file_and_refuses_to_write_it_in_one_line(read_only_disk, capsys):
    path = read_only_disk / "stakemap.db"
    assert main(["--db", str(path), "accounts"]) == 0
    assert "Account 0" in capsys.readouterr().out
    assert main(["--db", str(path), "demo"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "read-only" in err and "the disk holding it is read-only" in err


def test_a_new_file_on_a_read_only_disk_is_refused_in_one_line(read_only_disk, capsys):
    assert main(["--db", str(read_only_disk / "new.db"), "demo"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "read-only" in err


def test_a_backup_opened_to_look_at_is_read_only(tmp_path):
    path = tmp_path / "look.db"
    make_stakemap_file(path)
    before = folder_state(tmp_path)
    with Database.open(path, read_only=True) as db:
        assert db.read_only_reason == access.ASKED
        with pytest.raises(ReadOnlyError), db.session():
            pass
    assert folder_state(tmp_path) == before  # no lock, no owner note, no -wal or -shm left behind


def test_a_hard_linked_file_is_refused_for_writing(tmp_path, capsys):
    path = tmp_path / "a.db"
    make_stakemap_file(path)
    os.link(path, tmp_path / "b.db")
    for name in ("a.db", "b.db"):
        with Database.open(tmp_path / name) as db:
            assert db.read_only_reason == access.HARD_LINKED
    assert main(["--db", str(tmp_path / "b.db"), "demo"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "more than one hard link" in err


def hold_open(path) -> subprocess.Popen:
    code = textwrap.dedent(f"""
        import sys, time
        from app.storage.database import Database
        db = Database.open({str(path)!r})
        print("open", flush=True)
        sys.stdin.read()
        db.close()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=PROJECT_ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_a_symlink_leads_to_the_same_lock(tmp_path):
    real = tmp_path / "data" / "stakemap.db"
    real.parent.mkdir()
    make_stakemap_file(real)
    link = tmp_path / "shortcut.db"
    link.symlink_to(real)
    holder = hold_open(real)
    try:
        with pytest.raises(AlreadyOpenError):
            Database.open(link)
    finally:
        holder.communicate("", timeout=30)
    with Database.open(link) as db, db.session() as s:
        s.add(Account(name="Through the link"))


def test_the_same_file_through_another_path_is_locked_by_its_device_and_inode(tmp_path):
    """A bind mount shows the same file under another folder: its lock beside it is another file."""
    real = tmp_path / "data" / "stakemap.db"
    real.parent.mkdir()
    make_stakemap_file(real)
    other = tmp_path / "mirror"
    other.mkdir()
    try:
        subprocess.run(["mount", "--bind", str(real.parent), str(other)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        unavailable(f"bind mounts are not permitted here: {exc}")
    try:
        holder = hold_open(real)
        try:
            with pytest.raises(AlreadyOpenError):
                Database.open(other / "stakemap.db")
        finally:
            holder.communicate("", timeout=30)
    finally:
        subprocess.run(["umount", "-l", str(other)], capture_output=True)


def test_two_writers_in_one_process_queue_instead_of_failing(tmp_path):
    path = tmp_path / "queue.db"
    make_stakemap_file(path, accounts=1, people_each=0)
    errors: list[Exception] = []
    with Database.open(path) as db:
        first_has_lock = threading.Event()

        def first() -> None:
            with db.session() as s:
                s.add(Account(name="First"))
                s.flush()
                first_has_lock.set()
                time.sleep(0.5)

        def second() -> None:
            first_has_lock.wait(5)
            try:
                with db.session() as s:
                    # Reads, then writes, while the first writer holds the lock: it waits for it.
                    n = s.scalar(select(func.count()).select_from(Account))
                    s.add(Account(name=f"Second after {n}"))
            except Exception as exc:  # noqa: BLE001 - the test reports any failure
                errors.append(exc)

        threads = [threading.Thread(target=first), threading.Thread(target=second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert errors == []
        with db.read_session() as s:
            names = set(s.scalars(select(Account.name)))
    assert {"First", "Second after 2"} <= names


def test_the_refusal_line_is_in_the_chosen_language(tmp_path):
    path = tmp_path / "a.db"
    make_stakemap_file(path)
    os.link(path, tmp_path / "b.db")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8", PYTHONPATH=str(PROJECT_ROOT))
    result = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), "--lang", "zh_CN", "--db", str(path),
                             "demo"], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "只读" in lines[0] and "硬链接" in lines[0], result.stderr
