"""When the window syncs with its team server, and what it shows of it.

One controller per open workspace. It syncs at start, on demand, a moment after local edits settle, when the
live connection hears of a teammate's commit, and once more at quit (bounded); while the server cannot be
reached it tries again with exponential back-off. The sync itself runs in SyncWorker's thread; what a sync
wrote into the file comes back here, on the GUI thread, and goes out through the workspace's own signals.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from app.ui.team.sync_listener import SyncListener
from app.ui.team.sync_messages import told_note
from app.ui.team.sync_worker import Outcome, SyncWorker

# The first edit after a quiet spell goes up almost at once (a teammate sees it within about a second); edits
# that keep coming are gathered into one sync once they pause for EDIT_DEBOUNCE_MS, but never held past
# EDIT_HOLD_MOST_MS.
EDIT_SETTLE_MS, EDIT_DEBOUNCE_MS, EDIT_HOLD_MOST_MS = 150, 2000, 6000
RETRY_FIRST_MS, RETRY_MOST_MS = 2000, 120_000
QUIT_WAIT_MS = 5000
# Threads still stuck in a connection attempt when their controller went: kept, never destroyed while running.
_STRAGGLERS: list = []

# A local edit of any of these is pushed a moment later.
EDIT_SIGNALS = ("accounts_changed", "people_changed", "team_changed", "links_changed", "qualification_changed",
                "positions_changed", "needs_changed", "interactions_changed", "actions_changed",
                "opportunities_changed", "snapshots_changed", "account_team_changed", "surveys_changed",
                "cadences_changed")


@dataclass(frozen=True)
class SyncState:
    """What the status bar and the details show."""

    joined: bool = False
    url: str | None = None
    user: str | None = None
    role: str | None = None  # admin, manager, member or viewer (the login's group on the team server)
    busy: bool = False
    offline: bool = False
    last_synced: dt.datetime | None = None
    waiting: int = 0
    conflicts: int = 0
    error: str | None = None  # the last failure, kept until a sync succeeds
    notes: tuple[str, ...] = ()  # what the last sync could not share (read-only rows, revoked accounts)
    server_version: int = 0
    pulled: int = 0
    pushed: int = 0
    retry_at: dt.datetime | None = None  # when the back-off tries again
    live: bool = False  # the listening connection is up: teammates' commits arrive within a second


class SyncController(QObject):
    state_changed = Signal(object)  # SyncState
    cards_changed = Signal(object)  # set of ("person" | "member", id) a sync changed on the maps
    operation_finished = Signal(object)  # Outcome of a join, test or leave asked for by the settings
    join_progress = Signal(int, int, int)  # tables done, tables, rows fetched so far
    _request = Signal(str, object)

    def __init__(self, workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.state = SyncState()
        self._thread = QThread()
        self._thread.setObjectName("stakemap-sync")
        self._worker = SyncWorker(workspace.database)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._worker.done.connect(self._on_done)
        self._worker.progress.connect(self.join_progress)
        self._thread.finished.connect(self._worker.deleteLater)
        self._listener: SyncListener | None = None
        self._running: str | None = None  # the operation the worker is on
        self._again: str | None = None  # a sync asked for while another ran
        self._announcing = False
        self._stopped = False
        self._retry_ms = RETRY_FIRST_MS
        self._debounce = QTimer(self, singleShot=True, interval=EDIT_DEBOUNCE_MS)
        self._first_edit: float | None = None  # when the edits waiting for the debounce began
        self._last_edit_sync = 0.0
        self._debounce.timeout.connect(self._on_edits_settled)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(lambda: self.sync_now("retry"))
        for name in EDIT_SIGNALS:
            getattr(workspace, name).connect(self._on_local_edit)
        self._thread.start()

    # -- asking -----------------------------------------------------------------------------------
    def start(self) -> None:
        """Sync once at start (a plain local file only reads its status)."""
        self.sync_now("start")

    def sync_now(self, reason: str = "now") -> None:
        if self._stopped:
            return
        if self._running is not None:
            self._again = self._again or reason
            return
        self._retry.stop()
        self._ask("sync", reason)

    def join(self, url: str, user: str, password: str | None, upload: bool = True) -> None:
        self._ask("join", (url, user, password, upload))

    def test(self, url: str, user: str, password: str | None) -> None:
        self._ask("test", (url, user, password))

    def leave(self, forget_password: bool = False) -> None:
        """Turn the file back into a plain local file; with ``forget_password`` the saved password goes too."""
        self._ask("leave", forget_password)

    def _ask(self, operation: str, args) -> None:
        if operation == "sync":
            self._running = "sync"
            self._set(busy=True)
        self._request.emit(operation, args)

    # -- local edits ------------------------------------------------------------------------------
    def _on_local_edit(self, _change) -> None:
        if self._announcing or self._stopped or not self.state.joined:
            return
        now = time.monotonic()
        if self._debounce.isActive():
            if (now - (self._first_edit or now)) * 1000 < EDIT_HOLD_MOST_MS:
                self._debounce.start(EDIT_DEBOUNCE_MS)
            return
        self._first_edit = now
        quiet = (now - self._last_edit_sync) * 1000 > EDIT_DEBOUNCE_MS
        self._debounce.start(EDIT_SETTLE_MS if quiet else EDIT_DEBOUNCE_MS)

    def _on_edits_settled(self) -> None:
        self._first_edit = None
        self._last_edit_sync = time.monotonic()
        if self.state.offline and self._retry.isActive():
            self._request.emit("status", None)  # counts the edits waiting; the back-off decides when to try
        else:
            self.sync_now("edit")

    # -- answers ----------------------------------------------------------------------------------
    def _on_done(self, outcome: Outcome) -> None:
        if self._stopped:
            return
        if outcome.operation == "sync":
            self._running = None
        status = outcome.status
        counts = {} if status is None else {
            "joined": status.address is not None, "url": status.address.url() if status.address else None,
            "user": status.address.user if status.address else None, "waiting": status.waiting,
            "conflicts": status.conflicts, "role": status.role}
        if outcome.operation in ("sync", "join"):
            self._after_sync(outcome, counts)
        else:
            self._set(**counts)
            if outcome.operation == "leave" and outcome.ok:
                self._stop_listening()
                self._set(joined=False, offline=False, error=None, last_synced=None, notes=(), live=False)
        if outcome.operation in ("join", "test", "leave"):
            self.operation_finished.emit(outcome)
        again, self._again = self._again, None
        if again and self._running is None:
            self.sync_now(again)

    def _after_sync(self, outcome: Outcome, counts: dict) -> None:
        result = outcome.result
        if not outcome.ok:
            joined = counts.get("joined", self.state.joined)
            retry_at = dt.datetime.now() + dt.timedelta(milliseconds=self._retry_ms) if joined else None
            self._set(busy=False, offline=True, error=outcome.error, retry_at=retry_at, **counts)
            if self.state.joined:
                self._retry.start(self._retry_ms)
                self._retry_ms = min(RETRY_MOST_MS, self._retry_ms * 2)
            return
        if result is None:  # not joined
            self._set(busy=False, **counts)
            return
        self._retry_ms = RETRY_FIRST_MS
        self._set(busy=False, offline=False, error=None, retry_at=None, last_synced=outcome.at,
                  server_version=result.server_version, pulled=result.pulled, pushed=result.pushed,
                  notes=tuple(told_note(n) for n in [*result.warnings, *result.refused]), **counts)
        if result.changed:
            self._announcing = True
            try:
                cards = self.workspace.announce_pulled(result.changed)
            finally:
                self._announcing = False
            if cards:
                self.cards_changed.emit(cards)
        self._listen()

    # -- the live connection ----------------------------------------------------------------------
    def _listen(self) -> None:
        from app.sync.connection import ServerAddress

        if self._listener is not None or not self.state.url or self._stopped:
            return
        self._listener = SyncListener(ServerAddress.parse(self.state.url), self)
        self._listener.notified.connect(self._on_notified)
        self._listener.connected.connect(self._on_listening)
        self._listener.lost.connect(self._on_listener_lost)
        self._listener.start()

    def _on_notified(self, version: int) -> None:
        if version == 0 or version > self.state.server_version:
            self.sync_now("live")

    def _on_listening(self) -> None:
        self._set(live=True)
        if self.state.offline:  # back: catch up by cursor at once, whatever the back-off said
            self.sync_now("retry")

    def _on_listener_lost(self, detail: str) -> None:
        if self.state.live:
            self._set(live=False)
        if not self.state.offline and self._running is None:
            self.sync_now("retry")  # tells whether the server is gone, and starts the back-off if it is

    def _stop_listening(self) -> None:
        if self._listener is not None:
            listener, self._listener = self._listener, None
            for signal in (listener.notified, listener.connected, listener.lost):
                signal.disconnect()
            listener.stop(wait_ms=12_000)
            if listener.isRunning():
                listener.setParent(None)
                _STRAGGLERS.append(listener)

    # -- the end ----------------------------------------------------------------------------------
    def shutdown(self, final_sync: bool = True) -> None:
        """Stop everything; with ``final_sync`` push what is waiting first, waiting for it a few seconds."""
        if self._stopped:
            return
        self._stopped = True
        self._debounce.stop()
        self._retry.stop()
        for name in EDIT_SIGNALS:
            getattr(self.workspace, name).disconnect(self._on_local_edit)
        self._stop_listening()
        wanted = "final" if final_sync and self.state.joined and not self.state.offline else "close"
        self._request.emit(wanted, None)
        if not self._thread.wait(QUIT_WAIT_MS):
            # A hung server: the connection times out by itself; wait for it rather than pull the file away.
            if not self._thread.wait(12_000):
                _STRAGGLERS.append((self._thread, self._worker))

    def _set(self, **changes) -> None:
        self.state = replace(self.state, **changes)
        self.state_changed.emit(self.state)
