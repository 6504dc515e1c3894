"""May this process write to a database file? Decided before anything is created beside it.

A file is opened read-only, with the reason shown to the user, when the file, its folder or the disk holding it
cannot be written (a write-protected share, a backup opened to look at, a mounted CD) or when the file has
more than one hard link (two names for one file would get two lock files and two -wal files, and the file
would be damaged by two writers). ``os.access`` alone is not enough: the administrator passes it on a
read-only disk, so the file system's own read-only flag is read as well.
"""

from __future__ import annotations

import os
from pathlib import Path

# Reasons, in the words shown to the user (translated by app.document.storage_messages by these keys).
READ_ONLY_FILE = "the file is write-protected"
READ_ONLY_FOLDER = "its folder is write-protected"
READ_ONLY_DISK = "the disk is read-only"
HARD_LINKED = "the file has more than one hard link"
ASKED = "opened to look at"
DAMAGED = "the file is damaged"
REASONS = (READ_ONLY_FILE, READ_ONLY_FOLDER, READ_ONLY_DISK, HARD_LINKED, ASKED, DAMAGED)


def disk_is_read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): the access checks below decide
        return False


def read_only_reason(path: Path) -> str | None:
    """Why ``path`` (an existing file) must be opened read-only, or None when it may be written."""
    path = Path(path)
    real = path.resolve()
    folder = real.parent
    if disk_is_read_only(folder):
        return READ_ONLY_DISK
    if not os.access(real, os.W_OK):
        return READ_ONLY_FILE
    # SQLite writes the -wal and -shm beside the file, and the lock file goes there too.
    if not os.access(folder, os.W_OK | os.X_OK):
        return READ_ONLY_FOLDER
    try:
        if real.stat().st_nlink > 1:
            return HARD_LINKED
    except OSError:
        return READ_ONLY_FILE
    return None


def folder_refuses_new_file(path: Path) -> str | None:
    """Why a new database cannot be created at ``path``, or None."""
    folder = Path(path).parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if disk_is_read_only(folder):
        return READ_ONLY_DISK
    if not os.access(folder, os.W_OK | os.X_OK):
        return READ_ONLY_FOLDER
    return None
