"""Real disks for storage tests: a small tmpfs that fills up, and one remounted read-only.

Both need the right to mount (root in the test container; see ENVIRONMENT.md). chmod is no substitute: root
writes through it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def unavailable(reason: str) -> None:
    """Under CI every test must run: a machine that cannot mount fails there, and only skips elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run this test: run the suite as root)")
    pytest.skip(reason)


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True)


@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "4m") -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    try:
        _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    except (OSError, subprocess.CalledProcessError) as exc:
        unavailable(f"mounting a tmpfs is not permitted here: {exc}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount_read_only(folder: Path) -> None:
    _mount("-o", "remount,ro", str(folder))


def remount_read_write(folder: Path) -> None:
    _mount("-o", "remount,rw", str(folder))


def fill(folder: Path, keep_free: int = 0) -> Path:
    """Fill the disk holding ``folder`` with a ballast file, leaving about ``keep_free`` bytes."""
    ballast = folder / "ballast"
    chunk = b"\0" * 65536
    with ballast.open("wb") as fh:
        try:
            while True:
                st = os.statvfs(folder)
                free = st.f_bavail * st.f_frsize
                if free <= keep_free:
                    break
                fh.write(chunk[: max(min(len(chunk), free - keep_free), 1)])
                fh.flush()
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise
    return ballast
