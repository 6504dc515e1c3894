"""Open a Stakemap database file safely.

The order matters: classify the file read-only, take the lock, then (only for our own files) migrate
after a backup, all in one transaction. Any refusal leaves every byte of the file as it was.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import Session, sessionmaker

from app.storage import backup, migrate
from app.storage.errors import MigrationError, NewerVersionError, NotADatabaseError
from app.storage.fileinfo import APPLICATION_ID, inspect_file
from app.storage.lock import DatabaseLock

# PRAGMA user_version: bumped with every revision so that an older build can refuse a newer file
# without importing alembic.
SCHEMA_GENERATION = 3


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so DDL is
        # transactional too (migrations are all-or-nothing).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    # URL.create, not an f-string: a "?" in a folder name would otherwise start the URL's query and the
    # data would go to another file.
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True)
    _configure_sqlite(engine)
    return engine


class Database:
    """An open, locked, current-schema database file with its session factory."""

    def __init__(self, path: Path, engine: Engine, lock: DatabaseLock | None) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self.sessionmaker = sessionmaker(engine, expire_on_commit=False)
        self.backup_made: Path | None = None

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, initialize_empty: bool = False) -> Database:
        """Open ``path``, creating a new database when it does not exist and ``create`` is true.

        A zero-byte file is refused unless ``initialize_empty`` says the user agreed to turn it into a
        new database.
        """
        path = Path(path).expanduser().absolute()
        fresh = not path.exists() or (initialize_empty and path.is_file() and path.stat().st_size == 0)
        if not fresh:
            info = inspect_file(path)
            if info.user_version > SCHEMA_GENERATION:
                raise NewerVersionError(str(path), f"schema {info.user_version}, this build reads {SCHEMA_GENERATION}")
            if info.is_stakemap and info.revision and info.revision != migrate.HEAD_REVISION:
                if info.revision not in migrate.known_revisions():
                    raise NewerVersionError(str(path), f"revision {info.revision}")
        elif not create:
            raise NotADatabaseError(str(path), "no such file")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)

        lock = DatabaseLock(path)
        lock.acquire()
        engine = None
        try:
            created = fresh and not path.exists()
            engine = make_engine(path)
            db = cls(path, engine, lock)
            try:
                if fresh:
                    db._create_schema()
                elif info.revision != migrate.HEAD_REVISION:
                    db.backup_made = backup.make_backup(path, label=f"before-{migrate.HEAD_REVISION}")
                    db._upgrade_schema()
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
        return self._lock is not None

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends cleanly, rolled back otherwise."""
        if not self.is_open:
            # Without its lock the file may belong to another process by now: never write to it.
            raise RuntimeError(f"{self.path} is closed")
        with self.sessionmaker() as session:
            with session.begin():
                yield session

    def close(self) -> None:
        self.engine.dispose()
        # Fold the WAL back so the file is whole on its own when copied.
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(str(self.path))
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
