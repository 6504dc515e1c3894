"""Open a Stakemap database file safely.

The order matters: classify the file read-only, take the lock, then (only for our own files) migrate
after a backup, all in one transaction. Any refusal leaves every byte of the file as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, event, pool, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import Session, sessionmaker

from app.storage import access, backup, migrate
from app.storage.errors import (
    CorruptDatabaseError,
    EmptyFileError,
    MigrationError,
    NewerVersionError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
    WriteFailedError,
    storage_error_from,
)
from app.storage.fileinfo import APPLICATION_ID, inspect_file, read_only_uri
from app.storage.lock import DatabaseLock
from app.storage.wal import has_wal, shm_path

# PRAGMA user_version: bumped with every revision so that an older build can refuse a newer file
# without importing alembic.
SCHEMA_GENERATION = 3
# How long a write waits for another writer (another thread, a backup) before it gives up.
BUSY_TIMEOUT_MS = 5000
# The -wal file is cut back to this size after each checkpoint instead of keeping its largest size.
JOURNAL_SIZE_LIMIT = 16 * 1024 * 1024
_WRITE = "stakemap_write"

# Called with the engine of every database once it is open and current, e.g. to keep the change-capture
# triggers in step with the tables' sync declarations (app.sync registers itself here).
OPEN_HOOKS: list = []


def _configure_sqlite(engine: Engine, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so DDL is
        # transactional too (migrations are all-or-nothing).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if read_only:
            cur.execute("PRAGMA query_only=ON")
        else:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            # Deleted rows are overwritten, not left readable in free pages (and in every backup).
            cur.execute("PRAGMA secure_delete=ON")
            cur.execute(f"PRAGMA journal_size_limit={JOURNAL_SIZE_LIMIT}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # A write takes the write lock when it starts, so a second writer waits (busy timeout) instead of
        # failing at once when it tries to upgrade a read transaction.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def make_engine(path: Path, read_only: bool = False) -> Engine:
    if read_only:
        # Read through SQLite's read-only mode, which still reads a -wal beside the file; where the -shm
        # index can neither be found nor created (a read-only folder or disk), the file is read as it is.
        folder = path.parent
        immutable = not (has_wal(path) and shm_path(path).exists()) and (
            access.disk_is_read_only(folder) or not os.access(folder, os.W_OK | os.X_OK))
        uri = read_only_uri(path, immutable=immutable)
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
                               poolclass=pool.QueuePool, future=True)
    else:
        # URL.create, not an f-string: a "?" in a folder name would otherwise start the URL's query and the
        # data would go to another file.
        engine = create_engine(URL.create("sqlite", database=str(path)), future=True)
    _configure_sqlite(engine, read_only)
    return engine


def _as_storage_error(exc: BaseException, path: Path) -> StorageError | None:
    return storage_error_from(exc, path)


class Database:
    """An open, current-schema database file with its session factory: locked for writing, or read-only
    (``read_only_reason`` says why) without a lock."""

    def __init__(self, path: Path, engine: Engine, lock: DatabaseLock | None, read_only_reason: str | None = None
                 ) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self._open = True
        self.read_only_reason = read_only_reason
        self.sessionmaker = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(engine.execution_options(**{_WRITE: True}), expire_on_commit=False)
        self.backup_made: Path | None = None
        self.damage: str | None = None  # what the page check found, when the file was opened damaged

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, initialize_empty: bool = False,
             read_only: bool = False, check_pages: bool = True) -> Database:
        """Open ``path``, creating a new database when it does not exist and ``create`` is true.

        A zero-byte (or blank SQLite) file is refused unless ``initialize_empty`` says the user agreed to turn
        it into a new database. A file that cannot be written (or ``read_only``) opens read-only. A file whose
        pages are damaged opens read-only with ``damage`` set (``check_pages``). Every problem is a
        StorageError.
        """
        path = Path(path).expanduser().absolute()
        try:
            return cls._open(path, create, initialize_empty, read_only, check_pages)
        except StorageError:
            raise
        except Exception as exc:  # sqlite3, SQLAlchemy or OS errors: told as one StorageError
            error = _as_storage_error(exc, path)
            if error is None:
                raise
            raise error from exc

    @classmethod
    def _open(cls, path: Path, create: bool, initialize_empty: bool, read_only: bool, check_pages: bool
              ) -> Database:
        exists = path.exists()
        fresh = not exists or (initialize_empty and path.is_file() and path.stat().st_size == 0)
        info = None
        if not fresh:
            try:
                info = inspect_file(path)
            except EmptyFileError as exc:
                if not (initialize_empty and exc.detail):
                    raise
                fresh = True  # a blank SQLite file the user agreed to initialise
            if info is not None:
                if info.user_version > SCHEMA_GENERATION:
                    raise NewerVersionError(str(path), f"schema {info.user_version}, "
                                                       f"this build reads {SCHEMA_GENERATION}")
                if info.is_stakemap and info.revision and info.revision != migrate.HEAD_REVISION:
                    if info.revision not in migrate.known_revisions():
                        raise NewerVersionError(str(path), f"revision {info.revision}")
        elif not create:
            raise NotADatabaseError(str(path), "no such file")

        if exists:
            reason = access.ASKED if read_only else access.read_only_reason(path)
        else:
            reason = access.folder_refuses_new_file(path)
            if reason is not None:
                raise ReadOnlyError(str(path), reason)
            path.parent.mkdir(parents=True, exist_ok=True)
        if reason is not None:
            if fresh or info.revision != migrate.HEAD_REVISION:
                raise MigrationError(str(path), f"it cannot be written: {reason}")
            return cls._open_read_only(path, reason, check_pages)
        damage = backup.page_damage(path) if check_pages and not fresh else None
        if damage:
            # Never write to a damaged file (not even a checkpoint): read it, offer a restore or a salvage.
            return cls._open_read_only(path, access.DAMAGED, False, damage)

        lock = DatabaseLock(path)
        lock.acquire()
        engine = None
        try:
            created = not path.exists()
            engine = make_engine(path)
            db = cls(path, engine, lock)
            try:
                if fresh:
                    db._create_schema()
                    lock.bind_identity()
                else:
                    db._try_checkpoint()  # what a checkpoint that ran out of space left in the -wal
                    if info.revision != migrate.HEAD_REVISION:
                        db.backup_made = backup.make_backup(path, label=f"before-{migrate.HEAD_REVISION}")
                        db._upgrade_schema()
                for hook in OPEN_HOOKS:
                    hook(engine)
            except Exception:
                engine.dispose()
                if created:
                    for suffix in ("", "-wal", "-shm"):
                        Path(str(path) + suffix).unlink(missing_ok=True)
                raise
            return db
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_read_only(cls, path: Path, reason: str, check_pages: bool, damage: str | None = None) -> Database:
        if check_pages and damage is None:
            damage = backup.page_damage(path)
        engine = make_engine(path, read_only=True)
        db = cls(path, engine, None, access.DAMAGED if damage else reason)
        db.damage = damage
        return db

    def _create_schema(self) -> None:
        self._run_migrations()

    def _upgrade_schema(self) -> None:
        try:
            self._run_migrations()
        except Exception as exc:
            raise MigrationError(str(self.path), str(exc)) from exc

    def _run_migrations(self) -> None:
        """Migrate to head and stamp the file, all in one transaction.

        Foreign keys are off while the migrations run, as SQLite prescribes for schema changes: alembic
        changes a table on SQLite by copying it and dropping the original, and with foreign keys on, that
        DROP TABLE deletes the rows of every table referring to it (ON DELETE CASCADE). Instead, the
        transaction is refused if it leaves a row pointing at nothing that did not already do so.
        """
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            try:
                # Only effective outside a transaction, so set on the DBAPI connection before BEGIN.
                raw.execute("PRAGMA foreign_keys=OFF")
                if raw.execute("PRAGMA foreign_keys").fetchone()[0] != 0:
                    raise RuntimeError("could not switch foreign keys off for the migration")
                # The change-capture triggers of one table read others (app/sync/capture.py); when alembic
                # renames its copy of a table back to the table's name, the modern rename checks every
                # trigger and refuses while the original is gone. The legacy rename only renames.
                raw.execute("PRAGMA legacy_alter_table=ON")
                with conn.begin():
                    before = self._foreign_key_violations(conn)
                    migrate.upgrade(conn)
                    broken = self._foreign_key_violations(conn) - before
                    if broken:
                        table, rowid, parent = sorted(broken)[0]
                        raise RuntimeError(
                            f"the upgrade would leave {len(broken)} broken reference(s), "
                            f"e.g. row {rowid} of {table} to a missing {parent}"
                        )
                    self._stamp(conn)
            finally:
                # Never hand this connection (foreign keys off) back to the pool.
                conn.invalidate()

    @staticmethod
    def _foreign_key_violations(conn) -> set[tuple[str, int, str]]:
        return {(row[0], row[1], row[2]) for row in conn.exec_driver_sql("PRAGMA foreign_key_check")}

    @staticmethod
    def _stamp(conn) -> None:
        conn.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
        conn.execute(text(f"PRAGMA user_version={SCHEMA_GENERATION}"))

    @property
    def is_open(self) -> bool:
        return self._open

    def _refuse_if_read_only(self) -> None:
        if not self.is_open:
            # Without its lock the file may belong to another process by now: never write to it.
            raise RuntimeError(f"{self.path} is closed")
        if self.read_only:
            raise ReadOnlyError(str(self.path), self.read_only_reason)

    @contextlib.contextmanager
    def _translated_errors(self) -> Iterator[None]:
        try:
            yield
        except StorageError:
            raise
        except Exception as exc:
            error = _as_storage_error(exc, self.path)
            if error is None:
                raise
            if isinstance(error, CorruptDatabaseError):
                self.damage = self.damage or error.detail
                self.read_only_reason = access.DAMAGED
            raise error from exc

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends cleanly, rolled back otherwise. It holds the write
        lock from its start. A storage problem (full disk, read-only file…) raises a StorageError."""
        self._refuse_if_read_only()
        with self._translated_errors(), self._write_sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading; a storage problem raises a StorageError."""
        with self._translated_errors(), self.sessionmaker() as session:
            yield session

    def _try_checkpoint(self) -> bool:
        try:
            self.checkpoint()
        except StorageError:
            return False
        return True

    def checkpoint(self) -> None:
        """Fold the -wal back into the file, so that the file is whole on its own when copied. Raises a
        StorageError (a full disk…) when it cannot; the -wal then keeps every change, and the next open
        tries again."""
        if self.read_only or not has_wal(self.path):
            return
        try:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                conn.close()
        except (sqlite3.Error, OSError) as exc:
            raise _as_storage_error(exc, self.path) or CorruptDatabaseError(str(self.path), str(exc)) from exc
        if has_wal(self.path) and not busy:
            # SQLite reports a checkpoint that could not write its pages by leaving them in the WAL.
            raise WriteFailedError(str(self.path), "the -wal file could not be folded into the file")

    def close(self, *, report: bool = True) -> StorageError | None:
        """Close the file. A checkpoint that fails (a full disk) raises its StorageError after the lock is
        released, or returns it when ``report`` is false; nothing is lost either way (the -wal keeps the
        changes)."""
        if not self._open:
            return None
        self.engine.dispose()
        problem = None
        try:
            self.checkpoint()
        except StorageError as exc:
            problem = exc
        finally:
            self._open = False
            if self._lock is not None:
                self._lock.release()
                self._lock = None
        if problem is not None and report:
            raise problem
        return problem

    def __enter__(self) -> Database:
        return self

    def __exit__(self, exc_type, *_exc) -> None:
        self.close(report=exc_type is None)
