"""One Stakemap process per database file.

An OS-level lock (flock / LockFileEx through filelock) is released by the kernel when its process dies,
so a lock left behind by a crash or a kill is recovered simply by trying again.

The lock belongs to the file itself, not to the name it was opened by: the lock file lies beside the file's
resolved path (a symlink leads to the same lock), and a second lock, named by the file's device and inode,
is taken in the machine's temporary folder (the same file reached through a bind mount or another path).
Hard-linked files are never opened for writing (app.storage.access), so each file has one lock beside it.
"""

from __future__ import annotations

import contextlib
import os
import socket
import tempfile
from pathlib import Path

from filelock import FileLock, Timeout

from app.storage.errors import AlreadyOpenError, storage_error_from


def lock_path_for(db_path: Path) -> Path:
    real = Path(db_path).resolve()
    return real.with_name(real.name + ".lock")


def _owner_path(db_path: Path) -> Path:
    real = Path(db_path).resolve()
    return real.with_name(real.name + ".owner")


def _identity_lock_path(db_path: Path) -> Path | None:
    """The machine-wide lock of the file's device and inode; None when the file does not exist yet (a new
    file has only one name) or the temporary folder cannot hold it."""
    try:
        st = Path(db_path).stat()
    except OSError:
        return None
    folder = Path(tempfile.gettempdir()) / "stakemap-locks"
    try:
        folder.mkdir(exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o1777)  # every user's Stakemap shares it, as /tmp itself
    except OSError:
        return None
    return folder / f"{st.st_dev}-{st.st_ino}.lock"


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self._lock = FileLock(str(lock_path_for(self.db_path)), timeout=0, thread_local=False)
        self._identity: FileLock | None = None

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise AlreadyOpenError(str(self.db_path), self._owner_description()) from None
        except OSError as exc:
            raise storage_error_from(exc, self.db_path) from exc
        self.bind_identity()
        try:
            _owner_path(self.db_path).write_text(f"{os.getpid()} {socket.gethostname()}", encoding="utf-8")
        except OSError:
            pass  # the owner note is informative only

    def bind_identity(self) -> None:
        """Take the device-and-inode lock; called again once a new file exists."""
        if self._identity is not None:
            return
        identity = _identity_lock_path(self.db_path)
        if identity is None:
            return
        lock = FileLock(str(identity), timeout=0, thread_local=False)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            self._lock.release(force=True)
            raise AlreadyOpenError(str(self.db_path), "through another path") from None
        except OSError:
            return  # informative only: the lock beside the file holds
        self._identity = lock

    def release(self) -> None:
        if self._lock.is_locked:
            try:
                _owner_path(self.db_path).unlink(missing_ok=True)
            except OSError:
                pass
            if self._identity is not None:
                self._identity.release(force=True)
                self._identity = None
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
