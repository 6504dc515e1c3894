"""The team server in the status bar — last synced, edits waiting, offline, conflicts — and the details a click
on it opens."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.ui.team.sync_controller import SyncState
from app.ui.team.sync_messages import told

OFFLINE_COLOR, CONFLICT_COLOR = "#a4262c", "#8a5300"


def relative_time(when: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """“just now”, “5 min ago”, “2 h ago”, else the date and time."""
    if when is None:
        return translate("SyncStatus", "never")
    seconds = ((now or dt.datetime.now()) - when).total_seconds()
    if seconds < 60:
        return translate("SyncStatus", "just now")
    minutes, hours = int(seconds // 60), int(seconds // 3600)
    if seconds < 3600:
        return translate("SyncStatus", "%n min ago", "", minutes)
    if seconds < 86400:
        return translate("SyncStatus", "%n h ago", "", hours)
    return when.strftime("%Y-%m-%d %H:%M")


def role_text(role: str | None) -> str:
    """The login's group role on the team server, in a sentence's words."""
    return {
        "admin": translate("SyncStatus", "Administrator (users, grants and every account)"),
        "manager": translate("SyncStatus", "Manager (reads and edits every account)"),
        "member": translate("SyncStatus", "Member (reads and edits the accounts granted)"),
        "viewer": translate("SyncStatus", "Viewer (reads the accounts granted; edits nothing)"),
    }.get(role or "", "—")


def summary_text(state: SyncState) -> str:
    """The status bar's line."""
    if state.busy and state.last_synced is None and not state.offline:
        parts = [translate("SyncStatus", "Syncing…")]
    elif state.offline:
        parts = [translate("SyncStatus", "Offline")]
    else:
        parts = [translate("SyncStatus", "Synced %1").replace("%1", relative_time(state.last_synced))]
    waiting, conflicts = state.waiting, state.conflicts
    if waiting:
        waiting_text = translate("SyncStatus", "%n edit(s) waiting", "", waiting)
        parts.append(waiting_text)
    if conflicts:
        conflicts_text = translate("SyncStatus", "%n conflict(s)", "", conflicts)
        parts.append(conflicts_text)
    return " · ".join(parts)


class SyncStatusButton(QToolButton):
    """A flat button in the status bar; hidden for a plain local file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SyncStatusButton")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.state = SyncState()
        self._ticker = QTimer(self, interval=30_000)  # “5 min ago” moves on by itself
        self._ticker.timeout.connect(lambda: self.show_state(self.state))
        self._ticker.start()
        self.setVisible(False)

    def show_state(self, state: SyncState) -> None:
        self.state = state
        self.setVisible(state.joined)
        self.setText(summary_text(state))
        color = OFFLINE_COLOR if state.offline else CONFLICT_COLOR if state.conflicts else ""
        self.setStyleSheet(f"QToolButton#SyncStatusButton {{ color: {color}; }}" if color else "")
        tip = translate("SyncStatus", "Team server %1 as %2. Click for details.")
        tip = tip.replace("%1", state.url or "").replace("%2", state.user or "")
        if state.error:
            tip += "\n" + told(state.error)
        self.setToolTip(tip)


class SyncDetailsDialog(QDialog):
    """Server, user, counts, the last error, and Sync now."""

    sync_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SyncDetailsDialog")
        self.setWindowTitle(translate("SyncStatus", "Team sync"))
        self.setMinimumWidth(540)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        rows = (("state", translate("SyncStatus", "State")), ("server", translate("SyncStatus", "Server")),
                ("user", translate("SyncStatus", "User")), ("role", translate("SyncStatus", "Role")),
                ("last", translate("SyncStatus", "Last synced")),
                ("waiting", translate("SyncStatus", "Edits waiting")),
                ("conflicts", translate("SyncStatus", "Open conflicts")),
                ("version", translate("SyncStatus", "Server version")),
                ("error", translate("SyncStatus", "Last error")), ("notes", translate("SyncStatus", "Not shared")))
        for key, label in rows:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        self.sync_button = QPushButton(translate("SyncStatus", "Sync now"))
        self.sync_button.clicked.connect(self.sync_requested.emit)
        settings_button = QPushButton(translate("SyncStatus", "Team server…"))
        settings_button.clicked.connect(self.settings_requested.emit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(settings_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._state = SyncState()
        self._ticker = QTimer(self, interval=1000)  # the countdown to the next try, “5 min ago”
        self._ticker.timeout.connect(lambda: self.show_state(self._state))
        self._ticker.start()

    def show_state(self, state: SyncState) -> None:
        self._state = state
        if state.busy:
            text = translate("SyncStatus", "Syncing…")
        elif state.offline:
            text = translate("SyncStatus", "Offline: the team server cannot be reached; edits wait in this file")
            retry = max(1, int((state.retry_at - dt.datetime.now()).total_seconds() + 0.99)) if state.retry_at else 0
            if retry:
                retry_text = translate("SyncStatus", "(trying again within %n s)", "", retry)
                text += " " + retry_text
        else:
            text = translate("SyncStatus", "Online")
        f = self.fields
        f["state"].setText(text)
        f["server"].setText(state.url or "")
        f["user"].setText(state.user or "")
        f["role"].setText(role_text(state.role))
        f["last"].setText(relative_time(state.last_synced) + (
            f" ({state.last_synced:%H:%M:%S})" if state.last_synced else ""))
        f["waiting"].setText(str(state.waiting))
        f["conflicts"].setText(str(state.conflicts))
        f["version"].setText(str(state.server_version) if state.server_version else "—")
        f["error"].setText(told(state.error) or "—")
        f["notes"].setText("\n".join(state.notes) or "—")
        self.sync_button.setEnabled(state.joined and not state.busy)
