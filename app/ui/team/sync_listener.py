"""The live connection: LISTEN on the team server's channel, so a teammate's commit reaches this window within
about a second. The payload is the server's new highest version only (never an account: every listener sees
every payload); the pull itself goes through the worker and the file's cursors, so a reconnect catches up."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from app.sync.connection import ServerAddress

RETRY_FIRST_S, RETRY_MOST_S = 1.0, 30.0


class SyncListener(QThread):
    notified = Signal(int)  # the server's new highest version
    connected = Signal()
    lost = Signal(str)  # one line: why the connection is gone

    def __init__(self, address: ServerAddress, parent=None) -> None:
        super().__init__(parent)
        self.address = address
        self._stop = threading.Event()

    def stop(self, wait_ms: int = 3000) -> None:
        self._stop.set()
        self.wait(wait_ms)

    def run(self) -> None:
        from app.sync.server_schema import NOTIFY_CHANNEL

        delay = RETRY_FIRST_S
        while not self._stop.is_set():
            try:
                conn = self._connect()
            except Exception as exc:  # noqa: BLE001 - unreachable, refused: wait and try again
                self.lost.emit(_first_line(exc))
                self._stop.wait(delay)
                delay = min(RETRY_MOST_S, delay * 2)
                continue
            try:
                conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                self.connected.emit()
                delay = RETRY_FIRST_S
                while not self._stop.is_set():
                    # A short wait, so that stop() is answered quickly; a dead connection raises here.
                    for notify in conn.notifies(timeout=0.5, stop_after=1):
                        try:
                            self.notified.emit(int(notify.payload))
                        except ValueError:
                            self.notified.emit(0)
                    if conn.closed or conn.broken:
                        raise ConnectionError("the team server closed the connection")
            except Exception as exc:  # noqa: BLE001
                if not self._stop.is_set():
                    self.lost.emit(_first_line(exc))
                    self._stop.wait(delay)
                    delay = min(RETRY_MOST_S, delay * 2)
            finally:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001 - already gone
                    pass

    def _connect(self):
        from app.sync.connection import connect

        return connect(self.address, autocommit=True)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
