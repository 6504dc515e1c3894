"""Verified, rotating backups through SQLite's online backup API, and integrity checks."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from app.storage.fileinfo import read_only_uri

BACKUP_KEEP = 7
BACKUP_SUFFIX = ".bak.db"


def backups_dir_for(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.parent / "backups" / db_path.name


def list_backups(db_path: Path) -> list[Path]:
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{BACKUP_SUFFIX}"))


def last_backup_time(db_path: Path) -> dt.datetime | None:
    backups = list_backups(db_path)
    if not backups:
        return None
    return dt.datetime.fromtimestamp(max(p.stat().st_mtime for p in backups))


def backup_is_due(db_path: Path, max_age: dt.timedelta = dt.timedelta(days=1)) -> bool:
    last = last_backup_time(db_path)
    return last is None or dt.datetime.now() - last > max_age


def integrity_problems(db_path: Path) -> list[str]:
    """SQLite's integrity check plus foreign keys; an empty list means the file is sound."""
    # Quoted URI: a "#" or "?" in the path would otherwise cut it short and SQLite would check (and
    # create) another, empty file.
    conn = sqlite3.connect(read_only_uri(Path(db_path).absolute()), uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        problems = [r for r in rows if r != "ok"]
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"row {rowid} of {table} refers to a missing {parent}")
        return problems
    finally:
        conn.close()


def make_backup(db_path: Path, label: str = "", keep: int = BACKUP_KEEP) -> Path:
    """Copy the live database with the backup API to a temporary file, verify it, then rename it into
    place. Keeps the newest ``keep`` backups. Returns the backup's path."""
    db_path = Path(db_path)
    folder = backups_dir_for(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    name = f"{db_path.stem}-{stamp}{'-' + label if label else ''}{BACKUP_SUFFIX}"
    final = folder / name
    tmp = folder / (name + ".tmp")
    source = sqlite3.connect(read_only_uri(db_path.absolute()), uri=True)
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        source.close()
    try:
        problems = integrity_problems(tmp)
        if problems:
            raise RuntimeError("backup failed verification: " + "; ".join(problems[:3]))
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    for old in list_backups(db_path)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return final
