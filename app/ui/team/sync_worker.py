"""The sync engine on a thread of its own: every network call of the window's team mode runs here, never on the
GUI thread. The worker keeps one engine (and so one server connection) between syncs, so a live pull costs a
push and a pull, not a new login."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.sync.connection import ServerAddress, SyncRefused
from app.sync.status import LocalStatus


@dataclass
class Outcome:
    """What one operation of the worker came to; ``error`` is one line when it failed."""

    operation: str  # "sync", "join", "test", "leave", "status"
    reason: str = ""  # why a sync ran: "start", "live", "edit", "now", "retry", "quit"
    error: str | None = None
    result: object = None  # the engine's SyncResult
    status: LocalStatus | None = None
    at: dt.datetime = field(default_factory=dt.datetime.now)

    @property
    def ok(self) -> bool:
        return self.error is None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class SyncWorker(QObject):
    """Lives in a QThread; ``run`` takes one operation at a time, in the order they were asked for."""

    done = Signal(object)  # Outcome
    progress = Signal(int, int, int)  # a join's pull: tables done, tables, rows fetched so far

    def __init__(self, database) -> None:
        super().__init__()
        self._db = database
        self._engine = None
        self._may_add_shared: dict[str, bool] | None = None  # asked of the server once per login

    # -- the file's side ------------------------------------------------------------------------
    def _status(self) -> LocalStatus | None:
        from app.sync.status import local_status

        try:
            if self._engine is not None:
                return local_status(self._engine.raw, self._may_add_shared)
            with self._db.engine.connect() as conn:
                return local_status(conn.connection.dbapi_connection, self._may_add_shared)
        except Exception:  # the file closing under us (quit): the next status says it again
            return None

    def _drop_engine(self) -> None:
        if self._engine is not None:
            try:
                self._engine.close()
            except Exception:  # a connection that is already gone
                pass
            self._engine = None

    # -- operations -----------------------------------------------------------------------------
    @Slot(str, object)
    def run(self, operation: str, args: object) -> None:
        outcome = Outcome(operation, reason=args if isinstance(args, str) else "")
        try:
            if operation == "sync":
                outcome.result = self._sync()
            elif operation == "join":
                outcome.result = self._join(*args)
            elif operation == "test":
                self._test(*args)
            elif operation == "leave":
                self._leave(bool(args))
            elif operation == "close":
                self._drop_engine()
                QThread.currentThread().quit()
                return
            elif operation == "final":
                try:
                    if self._status() is not None and self._status().address is not None:
                        self._sync()
                finally:
                    self._drop_engine()
                    QThread.currentThread().quit()
                return
        except SyncRefused as exc:
            outcome.error = str(exc)
            self._drop_engine()  # the next try logs in afresh
        except Exception as exc:  # noqa: BLE001 - any failure is told in the status bar, never a crash
            outcome.error = _first_line(exc)
            self._drop_engine()
        outcome.status = self._status()
        outcome.at = dt.datetime.now()
        self.done.emit(outcome)

    def _sync(self):
        from app.sync.engine import Engine

        status = self._status()
        if status is None or status.address is None:
            return None  # a plain local file: nothing to sync
        if self._engine is None:
            self._engine = Engine(self._db)
        result = self._engine.sync()
        self._learn_rights()
        return result

    def _learn_rights(self) -> None:
        if self._may_add_shared is None and self._engine is not None and self._engine.server is not None:
            self._may_add_shared = self._engine._may_add_shared()

    def _join(self, url: str, user: str, password: str | None, upload: bool):
        from app.sync.connection import save_password
        from app.sync.engine import Engine

        self._drop_engine()
        address = ServerAddress.parse(url, user=user or None)
        engine = Engine(self._db, address, password or None)
        try:
            result = engine.join(upload=upload, progress=self.progress.emit)
        except BaseException:
            engine.close()
            raise
        if password:
            save_password(address, password)
        self._engine = engine
        self._may_add_shared = None
        self._learn_rights()
        return result

    def _test(self, url: str, user: str, password: str | None) -> None:
        from app.sync.connection import check_protocol, connect

        address = ServerAddress.parse(url, user=user or None)
        conn = connect(address, password or None)
        try:
            check_protocol(conn)
        finally:
            conn.close()

    def _leave(self, forget_password: bool) -> None:
        from app.sync import connection
        from app.sync.leaving import leave_server

        self._drop_engine()
        self._may_add_shared = None
        status = self._status()
        with self._db.engine.connect() as conn:
            leave_server(conn.connection.dbapi_connection)
        if forget_password and status is not None and status.address is not None:
            connection.forget_password(status.address)
