"""Verified backups in generations (SQLite's online backup API, now and then VACUUM INTO), page and
integrity checks."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from app.storage.errors import CorruptDatabaseError, StorageError, storage_error_from
from app.storage.fileinfo import read_only_uri
from app.storage.wal import has_wal

BACKUP_SUFFIX = ".bak.db"
COMPACT_EVERY = dt.timedelta(days=7)


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
        problems = [line for r in rows if r != "ok" for line in _lines(r)]
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"row {rowid} of {table} refers to a missing {parent}")
        return problems
    finally:
        conn.close()


def page_damage(db_path: Path) -> str | None:
    """What SQLite's page check (quick_check: every page and index entry, no cross-checks) finds wrong in
    the file, in one line, or None when its pages are sound."""
    conn = sqlite3.connect(read_only_uri(Path(db_path).absolute(), immutable=not has_wal(db_path)), uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    problems = [line for r in rows if r != "ok" for line in _lines(r)]
    return "; ".join(problems) if problems else None


def _lines(report: str) -> list[str]:
    """SQLite's report of one problem, without its "*** in database main ***" heading, a line per finding
    (messages are said in one line)."""
    return [line.strip() for line in report.splitlines() if line.strip() and not line.startswith("***")]


def _fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable: without it, a power cut can lose the new name."""
    if not hasattr(os, "O_DIRECTORY"):
        return  # Windows: a rename is durable once the file is flushed
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def is_kept_for_good(path: Path) -> bool:
    """Copies taken before an upgrade or a restore are kept until the user deletes them."""
    return "-before-" in path.name


def generations_to_keep(stamped: list[tuple[Path, dt.datetime]], now: dt.datetime) -> set[Path]:
    """Of the rotating backups (path, time), the ones to keep: the newest of each day for a week, of each
    week for a month, of each month for a year, and always the newest of all."""
    keep: set[Path] = set()
    if not stamped:
        return keep
    newest_first = sorted(stamped, key=lambda item: item[1], reverse=True)
    keep.add(newest_first[0][0])
    rules = (
        (dt.timedelta(days=7), lambda t: t.date()),
        (dt.timedelta(days=31), lambda t: tuple(t.isocalendar())[:2]),
        (dt.timedelta(days=366), lambda t: (t.year, t.month)),
    )
    for span, bucket_of in rules:
        seen = set()
        for path, time in newest_first:
            if now - time > span:
                continue
            bucket = bucket_of(time)
            if bucket not in seen:
                seen.add(bucket)
                keep.add(path)
    return keep


def prune_backups(folder: Path, stem: str, now: dt.datetime | None = None) -> list[Path]:
    """Delete the rotating backups of ``stem`` in ``folder`` that no generation keeps; returns them."""
    now = now or dt.datetime.now()
    rotating = [p for p in folder.glob(f"*{BACKUP_SUFFIX}") if not is_kept_for_good(p)]
    stamped = [(p, dt.datetime.fromtimestamp(p.stat().st_mtime)) for p in rotating]
    keep = generations_to_keep(stamped, now)
    removed = [p for p, _ in stamped if p not in keep]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def compact_is_due(db_path: Path, every: dt.timedelta = COMPACT_EVERY) -> bool:
    """An occasional backup is written with VACUUM INTO: a fresh file without free pages, so that what was
    deleted does not linger in the backups."""
    compact = [p for p in list_backups(db_path) if p.name.endswith(f"-compact{BACKUP_SUFFIX}")]
    if not compact:
        return True
    newest = max(p.stat().st_mtime for p in compact)
    return dt.datetime.now() - dt.datetime.fromtimestamp(newest) > every


def _write_verified(source_path: Path, final: Path, compact: bool) -> None:
    tmp = final.with_name(final.name + ".tmp")
    try:
        source = sqlite3.connect(read_only_uri(source_path.absolute()), uri=True)
        try:
            if compact:
                source.execute("VACUUM INTO ?", (str(tmp),))
            else:
                dest = sqlite3.connect(str(tmp))
                try:
                    source.backup(dest)
                    dest.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dest.close()
        finally:
            source.close()
        problems = integrity_problems(tmp)
        if problems:
            raise CorruptDatabaseError(str(source_path), "backup failed verification: " + "; ".join(problems[:3]))
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
        _fsync_folder(final.parent)
    except StorageError:
        raise
    except (sqlite3.Error, OSError) as exc:
        raise storage_error_from(exc, final) or CorruptDatabaseError(str(source_path), str(exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def make_backup(db_path: Path, label: str = "", second_folder: Path | None = None,
                compact: bool | None = None) -> Path:
    """Copy the live database (SQLite's backup API, or VACUUM INTO when ``compact``; by default now and then)
    to a temporary file, verify it, fsync it, rename it into place and fsync the folder; then thin the
    rotating backups out to their generations. With ``second_folder`` (another disk, a share), the verified
    copy is written there too. Returns the backup's path; a failure raises a StorageError (a full disk, a
    damaged source) and leaves no temporary file."""
    db_path = Path(db_path)
    folder = backups_dir_for(db_path)
    if compact is None:
        compact = not label and compact_is_due(db_path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    name = f"{db_path.stem}-{stamp}{'-' + label if label else ''}{'-compact' if compact else ''}{BACKUP_SUFFIX}"
    final = folder / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error_from(exc, final) from exc
    _write_verified(db_path, final, compact)
    prune_backups(folder, db_path.stem)
    if second_folder is not None:
        mirror_folder = Path(second_folder) / db_path.name
        mirror = mirror_folder / name
        try:
            mirror_folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise storage_error_from(exc, mirror) from exc
        _write_verified(final, mirror, False)
        prune_backups(mirror_folder, db_path.stem)
    return final
