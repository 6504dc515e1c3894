"""Look at a file before trusting it: is it a SQLite database, is it ours, which schema does it hold?

Everything here reads only. A classification problem raises a StorageError subclass.
"""

from __future__ import annotations

import sqlite3
import struct
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from app.storage.errors import CorruptDatabaseError, EmptyFileError, ForeignWalError, NotADatabaseError
from app.storage.wal import foreign_wal_detail, has_wal

SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id of a Stakemap database: "STKM".
APPLICATION_ID = 0x53544B4D


@dataclass(frozen=True)
class FileInfo:
    is_stakemap: bool
    revision: str | None  # alembic revision recorded in the file
    user_version: int
    has_tables: bool


def read_only_uri(path: Path, immutable: bool = False) -> str:
    quoted = urllib.parse.quote(str(path))
    return f"file:{quoted}?mode=ro" + ("&immutable=1" if immutable else "")


def check_header(path: Path) -> None:
    """Raise when the file is plainly not a whole SQLite database."""
    if path.is_dir():
        raise NotADatabaseError(str(path), "it is a folder")
    size = path.stat().st_size
    if size == 0:
        raise EmptyFileError(str(path))
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotADatabaseError(str(path), "not an SQLite file")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptDatabaseError(str(path), "invalid page size")
    # A file shorter than its header says is whole when a -wal lies beside it: a checkpoint that ran out of
    # disk space wrote page 1 and could not extend the file, but every page is still in the WAL, and SQLite
    # reads them from there (the next checkpoint repairs the file). Only SQLite itself can tell then.
    if valid_for == change_counter and page_count and size < page_count * page_size and not _has_wal(path):
        raise CorruptDatabaseError(
            str(path), f"the file is truncated ({size} of {page_count * page_size} bytes)"
        )


def _has_wal(path: Path) -> bool:
    return has_wal(path)


def inspect_file(path: Path) -> FileInfo:
    """Classify an existing file without writing to it (not even a -shm or -wal beside it).

    When a non-empty -wal file lies beside it (its last writer crashed, or is still running), the committed
    transactions in it are part of the database: reading the main file alone (``immutable``) would see an
    older state, e.g. a blank file where a killed process had created a whole schema. Such a file is read
    through SQLite's ordinary read-only mode, which reads the -wal and leaves the file and the -wal as they
    are (it may only rebuild the -shm index beside them, which already belongs to that -wal).
    """
    check_header(path)
    foreign = foreign_wal_detail(path)
    if foreign:
        raise ForeignWalError(str(path), foreign)
    try:
        conn = sqlite3.connect(read_only_uri(path, immutable=not _has_wal(path)), uri=True)
    except sqlite3.Error as exc:
        raise NotADatabaseError(str(path), str(exc)) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(str(path), str(exc)) from exc
    finally:
        conn.close()
    # Another program's file, even one without tables yet (an empty GeoPackage carries its own id), is never
    # turned into a Stakemap file; a blank SQLite file (no id, no tables, no version) is an empty file.
    if app_id != APPLICATION_ID and (tables or app_id != 0 or user_version != 0):
        raise NotADatabaseError(str(path), "an SQLite database of another application")
    if app_id != APPLICATION_ID:
        raise EmptyFileError(str(path), "a blank SQLite file")
    return FileInfo(
        is_stakemap=app_id == APPLICATION_ID,
        revision=revision,
        user_version=user_version,
        has_tables=bool(tables),
    )
