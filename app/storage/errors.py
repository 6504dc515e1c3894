"""Errors that name a problem with a database file. Messages are plain English; the UI and the CLI translate
them by their class (app.document.storage_messages) and fill in ``path``."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path


class StorageError(Exception):
    """A database file could not be used. Nothing on disk was changed."""

    def __init__(self, path: str, detail: str = "") -> None:
        self.path = str(path)
        self.detail = detail
        super().__init__(self.describe())

    @property
    def folder(self) -> str:
        return str(Path(self.path).parent)

    def describe(self) -> str:
        return f"{self.path}: {self.detail}"


class EmptyFileError(StorageError):
    def describe(self) -> str:
        if self.detail:
            return f"{self.path} is {self.detail} without any data, not a Stakemap database"
        return f"{self.path} is an empty file (0 bytes), not a Stakemap database"


class NotADatabaseError(StorageError):
    def describe(self) -> str:
        return f"{self.path} is not a Stakemap database" + (f" ({self.detail})" if self.detail else "")


class CorruptDatabaseError(StorageError):
    def describe(self) -> str:
        return f"{self.path} is damaged" + (f": {self.detail}" if self.detail else "")


class NewerVersionError(StorageError):
    def describe(self) -> str:
        return (
            f"{self.path} was written by a newer version of Stakemap ({self.detail}); "
            "update Stakemap to open it"
        )


class AlreadyOpenError(StorageError):
    def describe(self) -> str:
        return f"{self.path} is already open in another Stakemap window" + (
            f" ({self.detail})" if self.detail else ""
        )


class MigrationError(StorageError):
    def describe(self) -> str:
        return f"{self.path} could not be upgraded ({self.detail}); it was left as it was"


class DiskFullError(StorageError):
    """The disk filled up during a write; SQLite rolled the transaction back (or kept it in the WAL)."""

    def describe(self) -> str:
        return f"the disk holding {self.folder} is full; nothing was lost; free space and try again"


class ReadOnlyError(StorageError):
    """A write was refused because the file is open read-only; ``detail`` says why it is."""

    def describe(self) -> str:
        return f"{self.path} is open read-only ({self.detail}); the change was not saved"


class BusyError(StorageError):
    def describe(self) -> str:
        return f"{self.path} is busy (another program kept it locked); nothing was changed; try again"


class WriteFailedError(StorageError):
    """The operating system refused a read or write (I/O error, permission)."""

    def describe(self) -> str:
        return f"{self.path} could not be written ({self.detail}); nothing was lost"


class ForeignWalError(StorageError):
    def describe(self) -> str:
        return (f"{self.path} has a -wal file beside it that belongs to another copy of the file; "
                f"it was not applied ({self.detail})")


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 3, 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error inside ``exc`` (SQLAlchemy wraps it in ``orig``), or None."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, sqlite3.Error):
            return exc
        exc = getattr(exc, "orig", None) or exc.__cause__
        seen += 1
    return None


def _nearly_full(folder: Path) -> bool:
    import os

    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < 1024 * 1024


def storage_error_from(exc: BaseException, path: Path | str, read_only_reason: str = "") -> StorageError | None:
    """The StorageError that tells the user what ``exc`` (an sqlite3, SQLAlchemy or OS error met while using
    ``path``) means, or None when it is not a storage problem (a constraint, a programming error)."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in _FULL_ERRNOS:
            return DiskFullError(str(path))
        if exc.errno == errno.EROFS:
            return ReadOnlyError(str(path), read_only_reason or "the disk is read-only")
        return WriteFailedError(str(path), exc.strerror or str(exc))
    error = _sqlite_error(exc)
    if error is None:
        return None
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    message = str(error)
    lowered = message.lower()
    if primary == _SQLITE_FULL or "database or disk is full" in lowered:
        return DiskFullError(str(path))
    if primary == _SQLITE_READONLY or "readonly database" in lowered:
        return ReadOnlyError(str(path), read_only_reason or "the file cannot be written")
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in lowered:
        return BusyError(str(path))
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in lowered or "not a database" in lowered:
        return CorruptDatabaseError(str(path), message)
    if primary in (_SQLITE_IOERR, _SQLITE_PERM, _SQLITE_CANTOPEN) or "disk i/o error" in lowered:
        # SQLite reports some writes that ran out of space (extending the -wal or the -shm) as an I/O error;
        # the disk's free space tells the two apart.
        if _nearly_full(Path(path).parent):
            return DiskFullError(str(path))
        return WriteFailedError(str(path), f"{message}, {getattr(error, 'sqlite_errorname', '')}".rstrip(", "))
    return None
