"""The -wal file beside a database: does it belong to this file, and folding it back (checkpoint).

SQLite replays whatever -wal lies beside a file. A backup copied over the file while the old -wal is still
there would be read with the old file's last changes laid over it: a mix of two files that SQLite's own
integrity check passes. The WAL records no name of its file, but it does record, in every copy of page 1 it
holds, the file's change counter: the first copy of page 1 in a WAL is written from the file's own page 1
and carries its counter plus one, and a checkpoint copies one of the WAL's page-1 versions back into the
file. So the file's counter is one below the first page-1 frame's, or equal to one of them; any other value
means the WAL was written over another file.
"""

from __future__ import annotations

import struct
from pathlib import Path

WAL_MAGIC = (0x377F0682, 0x377F0683)


def wal_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + "-wal")


def shm_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + "-shm")


def has_wal(path: Path) -> bool:
    wal = wal_path(path)
    try:
        return wal.is_file() and wal.stat().st_size > 0
    except OSError:
        return False


def _page1_counters(wal: Path) -> list[int] | None:
    """The change counters of the copies of page 1 in the WAL's current generation (frames whose salts are
    those of the header), in order; None when the file is not a WAL."""
    with wal.open("rb") as fh:
        header = fh.read(32)
        if len(header) < 32:
            return None
        magic, _version, page_size, _seq, salt1, salt2 = struct.unpack(">6I", header[:24])
        if magic not in WAL_MAGIC or page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
            return None
        counters = []
        while True:
            frame = fh.read(24)
            if len(frame) < 24:
                break
            page_no, _size, f_salt1, f_salt2 = struct.unpack(">4I", frame[:16])
            if (f_salt1, f_salt2) != (salt1, salt2):
                break  # the rest is left over from an earlier generation, which SQLite ignores too
            if page_no == 1:
                page = fh.read(28)
                if len(page) < 28:
                    break
                counters.append(struct.unpack(">I", page[24:28])[0])
                fh.seek(page_size - 28, 1)
            else:
                fh.seek(page_size, 1)
        return counters


def foreign_wal_detail(path: Path) -> str | None:
    """Why the -wal beside ``path`` belongs to another file, or None when it belongs (or cannot be told)."""
    wal = wal_path(path)
    if not has_wal(path):
        return None
    try:
        with Path(path).open("rb") as fh:
            header = fh.read(100)
        counters = _page1_counters(wal)
    except OSError:
        return None
    if len(header) < 100 or not counters:
        return None  # an empty main file (created in the WAL) or no copy of page 1: nothing to compare
    if header[:16] != b"SQLite format 3\x00":
        return None
    file_counter = struct.unpack(">I", header[24:28])[0]
    if file_counter == counters[0] - 1 or file_counter in counters:
        return None
    return f"the file is at change {file_counter}, the -wal continues change {counters[0] - 1}"
