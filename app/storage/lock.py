"""One Stakemap process per database file.

An OS-level lock (flock / LockFileEx through filelock) is released by the kernel when its process dies,
so a lock left behind by a crash or a kill is recovered simply by trying again.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from filelock import FileLock, Timeout

from app.storage.errors import AlreadyOpenError


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _owner_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".owner")


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self._lock = FileLock(str(lock_path_for(self.db_path)), timeout=0, thread_local=False)

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise AlreadyOpenError(str(self.db_path), self._owner_description()) from None
        try:
            _owner_path(self.db_path).write_text(f"{os.getpid()} {socket.gethostname()}", encoding="utf-8")
        except OSError:
            pass  # the owner note is informative only

    def release(self) -> None:
        if self._lock.is_locked:
            try:
                _owner_path(self.db_path).unlink(missing_ok=True)
            except OSError:
                pass
            self._lock.release(force=True)

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked

    def _owner_description(self) -> str:
        try:
            pid, _, host = _owner_path(self.db_path).read_text(encoding="utf-8").partition(" ")
            return f"process {pid} on {host}"
        except (OSError, ValueError):
            return ""
