"""Restore a backup over a database file, and salvage what can be read from a damaged one.

Restoring never replays anything over the restored file: the current file is kept aside under a dated name
together with its -wal and -shm (so that copy stays whole and readable), the verified backup is copied in
beside it and renamed into place, and the result is checked again.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.storage.backup import _fsync_folder, integrity_problems, list_backups, page_damage
from app.storage.errors import CorruptDatabaseError, NotADatabaseError, StorageError, storage_error_from
from app.storage.fileinfo import APPLICATION_ID, inspect_file
from app.storage.lock import DatabaseLock
from app.storage.wal import shm_path, wal_path


@dataclass(frozen=True)
class Restored:
    path: Path
    backup: Path
    kept_aside: Path | None  # the file as it was before, with its -wal beside it


def check_backup(backup: Path) -> None:
    """Raise when ``backup`` is not a sound Stakemap database."""
    info = inspect_file(backup)
    if not info.is_stakemap:
        raise NotADatabaseError(str(backup), "not a Stakemap backup")
    problems = integrity_problems(backup)
    if problems:
        raise CorruptDatabaseError(str(backup), "; ".join(problems[:3]))


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of ``db_path`` whose pages are sound."""
    for candidate in sorted(list_backups(db_path), key=lambda p: p.stat().st_mtime, reverse=True):
        try:
            check_backup(candidate)
        except (StorageError, sqlite3.Error, OSError):
            continue
        return candidate
    return None


def _aside_name(db_path: Path, label: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = db_path.with_name(f"{db_path.stem}-{label}-{stamp}{db_path.suffix}")
    n = 2
    while candidate.exists():
        candidate = db_path.with_name(f"{db_path.stem}-{label}-{stamp}-{n}{db_path.suffix}")
        n += 1
    return candidate


def restore_backup(db_path: Path, backup: Path) -> Restored:
    """Put ``backup`` in the place of ``db_path`` (which must not be open elsewhere). Raises a StorageError,
    leaving the current file where it was, when the backup is unsound or the copy fails."""
    db_path = Path(db_path).expanduser().absolute()
    backup = Path(backup).expanduser().absolute()
    check_backup(backup)
    lock = DatabaseLock(db_path)
    lock.acquire()
    tmp = db_path.with_name(db_path.name + ".restoring.tmp")
    aside = None
    try:
        try:
            shutil.copyfile(backup, tmp)
            with tmp.open("rb+") as fh:
                os.fsync(fh.fileno())
            problems = integrity_problems(tmp)
            if problems:
                raise CorruptDatabaseError(str(backup), "; ".join(problems[:3]))
            if db_path.exists():
                aside = _aside_name(db_path, "before-restore")
                os.replace(db_path, aside)
                # The -wal and -shm belong to the file kept aside: beside the restored file SQLite would
                # replay them over it.
                for companion, moved in ((wal_path(db_path), wal_path(aside)), (shm_path(db_path), shm_path(aside))):
                    if companion.exists():
                        os.replace(companion, moved)
            os.replace(tmp, db_path)
            _fsync_folder(db_path.parent)
        except StorageError:
            raise
        except (OSError, sqlite3.Error) as exc:
            raise storage_error_from(exc, db_path) or CorruptDatabaseError(str(db_path), str(exc)) from exc
        finally:
            tmp.unlink(missing_ok=True)
        problems = integrity_problems(db_path)
        if problems:  # not expected after the checks above; say so rather than leave it unnoticed
            raise CorruptDatabaseError(str(db_path), "the restored file failed verification: " + problems[0])
    finally:
        lock.release()
    return Restored(db_path, backup, aside)


def sqlite3_program() -> str | None:
    return shutil.which("sqlite3")


def _recover_with_sqlite3_program(program: str, db_path: Path, out: Path) -> bool:
    """.recover into ``out``; False when this sqlite3 cannot recover (built without the sqlite_dbpage table,
    as Debian 12's 3.40 is)."""
    # .recover needs a connection that may write (its scratch tables): it reads a copy, never the file.
    scratch = Path(tempfile.mkdtemp(prefix="stakemap-salvage-"))
    try:
        copy = scratch / db_path.name
        shutil.copyfile(db_path, copy)
        if wal_path(db_path).exists():
            shutil.copyfile(wal_path(db_path), wal_path(copy))
        dump = subprocess.run([program, str(copy), ".recover"], capture_output=True, timeout=600)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if dump.returncode != 0 or b"COMMIT" not in dump.stdout[-200:]:
        return False
    load = subprocess.run([program, str(out)], input=dump.stdout, capture_output=True, timeout=600)
    return load.returncode == 0 or out.exists()


_MAX_MISSES = 5000


def _rows_that_can_be_read(conn: sqlite3.Connection, table: str, columns: list[str]):
    """Every row of ``table`` that can still be read, in rowid order, stepping over damaged pages."""
    names = ", ".join(f'"{c}"' for c in columns)
    try:
        top = conn.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
    except sqlite3.DatabaseError:
        top = None
    top = top if top is not None else 10_000_000
    last = 0
    while last < top:
        try:
            rows = conn.execute(f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 500',
                                (last,)).fetchall()
        except sqlite3.DatabaseError:
            rows = None
        if rows:
            yield from (row[1:] for row in rows)
            last = rows[-1][0]
            continue
        if rows == []:
            return
        # A damaged page on the way: look the rows up one by one until the scan can go on past it (a page holds
        # a few hundred rows at most; after many misses in a row the rest of the table is out of reach).
        last += 1
        misses = 0
        while last <= top and misses < _MAX_MISSES:
            try:
                row = conn.execute(f'SELECT {names} FROM "{table}" WHERE rowid = ?', (last,)).fetchone()
            except sqlite3.DatabaseError:
                row = None
            if row is not None:
                yield row
                break
            last += 1
            misses += 1
        else:
            return


def _recover_row_by_row(db_path: Path, out: Path) -> None:
    """A new Stakemap file at ``out`` holding every row of ``db_path`` that can still be read."""
    from app.storage.database import Database

    Database.open(out).close()
    source = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True)
    dest = sqlite3.connect(out)
    try:
        dest.execute("PRAGMA foreign_keys=OFF")  # a row whose parent was on a damaged page is still kept
        tables = [r[0] for r in dest.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version'")]
        for table in tables:
            wanted = [r[1] for r in dest.execute(f'PRAGMA table_info("{table}")')]
            try:
                have = {r[1] for r in source.execute(f'PRAGMA table_info("{table}")')}
            except sqlite3.DatabaseError:
                continue
            columns = [c for c in wanted if c in have]
            if not columns:
                continue
            marks = ", ".join("?" for _ in columns)
            names = ", ".join(f'"{c}"' for c in columns)
            dest.executemany(f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})',
                             _rows_that_can_be_read(source, table, columns))
        dest.commit()
    finally:
        source.close()
        dest.close()


def salvage_copy(db_path: Path, out: Path | None = None) -> Path:
    """Recover what can be read from a damaged file into a new file, checked: with the sqlite3 program's
    .recover (which also finds rows no b-tree leads to), or row by row where that program cannot recover.
    The damaged file is only read. Returns the new file's path."""
    db_path = Path(db_path).expanduser().absolute()
    out = Path(out).expanduser().absolute() if out is not None else _aside_name(db_path, "salvaged")
    if out.exists():
        raise StorageError(str(out), "already exists")
    try:
        header = db_path.read_bytes()[:100]
        user_version, application_id = struct.unpack(">I", header[60:64])[0], struct.unpack(">I", header[68:72])[0]
        program = sqlite3_program()
        if program is None or not _recover_with_sqlite3_program(program, db_path, out):
            out.unlink(missing_ok=True)
            _recover_row_by_row(db_path, out)
        conn = sqlite3.connect(out)
        try:
            if application_id == APPLICATION_ID:
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version={int(user_version)}")
            conn.commit()
        finally:
            conn.close()
        damage = page_damage(out)
        if damage:
            raise CorruptDatabaseError(str(out), damage)
    except StorageError:
        out.unlink(missing_ok=True)
        raise
    except (OSError, sqlite3.Error, subprocess.SubprocessError) as exc:
        out.unlink(missing_ok=True)
        raise storage_error_from(exc, out) or CorruptDatabaseError(str(db_path), str(exc)) from exc
    return out
