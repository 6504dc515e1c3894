"""File ▸ Team server…: the server's URL, the login and its password (kept in the system keyring, never in the
settings or the file), a connection test, joining and leaving. Every call to the server runs in the sync
worker; the dialog shows a busy bar meanwhile, and a join's progress table by table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.ui.team.sync_controller import SyncController, SyncState
from app.ui.team.sync_messages import told, told_note
from app.ui.team.sync_worker import Outcome


class TeamServerDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TeamServerDialog")
        self.controller = controller
        self.setWindowTitle(translate("TeamServerDialog", "Team server"))
        self.setMinimumWidth(560)
        intro = QLabel(translate("TeamServerDialog", "Share this file's accounts with your team through a "
                                                     "PostgreSQL team server. You keep working on this file "
                                                     "offline; it syncs whenever the server can be reached."))
        intro.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setPlaceholderText(translate("TeamServerDialog", "postgresql://host:5432/database"))
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(translate("TeamServerDialog", "saved for later syncs, never in the file"))
        self.keep_local = QCheckBox(translate("TeamServerDialog", "Keep this file's own accounts out of the server"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("TeamServerDialog", "Server URL"), self.url)
        form.addRow(translate("TeamServerDialog", "User"), self.user)
        form.addRow(translate("TeamServerDialog", "Password"), self.password)
        form.addRow("", self.keep_local)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # a busy bar until the engine tells its steps (a join's pull)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.test_button = QPushButton(translate("TeamServerDialog", "Test connection"))
        self.join_button = QPushButton(translate("TeamServerDialog", "Join"))
        self.leave_button = QPushButton(translate("TeamServerDialog", "Leave…"))
        self.test_button.clicked.connect(self._on_test)
        self.join_button.clicked.connect(self._on_join)
        self.leave_button.clicked.connect(self._on_leave)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.test_button, self.join_button, self.leave_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self._busy = False
        controller.operation_finished.connect(self._on_finished)
        controller.state_changed.connect(self._show_state)
        controller.join_progress.connect(self._on_progress)
        self._show_state(controller.state)

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        for signal, slot in ((self.controller.operation_finished, self._on_finished),
                             (self.controller.state_changed, self._show_state),
                             (self.controller.join_progress, self._on_progress)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        super().done(result)

    # -- showing --------------------------------------------------------------------------------
    def _show_state(self, state: SyncState) -> None:
        joined = state.joined
        if joined:
            self.url.setText(state.url or "")
            self.user.setText(state.user or "")
        for field in (self.url, self.user, self.keep_local):
            field.setEnabled(not joined and not self._busy)
        self.password.setEnabled(not joined and not self._busy)
        self.test_button.setEnabled(not self._busy)
        self.join_button.setEnabled(not joined and not self._busy)
        self.leave_button.setEnabled(joined and not self._busy)
        if joined and not self._busy and not self.message.text():
            self.message.setText(translate("TeamServerDialog", "This file is joined to %1 as %2.").replace(
                "%1", state.url or "").replace("%2", state.user or ""))

    def _start(self, text: str) -> None:
        self._busy = True
        self.message.setText(text)
        self.message.setStyleSheet("")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.show()
        self._show_state(self.controller.state)

    # -- asking ---------------------------------------------------------------------------------
    def _fields(self) -> tuple[str, str, str | None] | None:
        url, user = self.url.text().strip(), self.user.text().strip()
        if not url or not user:
            self._tell(translate("TeamServerDialog", "Type the server's URL and your user name."), error=True)
            return None
        return url, user, self.password.text() or None

    def _on_test(self) -> None:
        state = self.controller.state
        fields = (state.url, state.user, None) if state.joined else self._fields()
        if fields:
            self._start(translate("TeamServerDialog", "Reaching the team server…"))
            self.controller.test(*fields)

    def _on_join(self) -> None:
        fields = self._fields()
        if fields:
            self._start(translate("TeamServerDialog", "Joining: sharing this file's accounts and fetching the "
                                                      "team's. This can take a minute for a big team…"))
            self.controller.join(*fields, upload=not self.keep_local.isChecked())

    def _on_leave(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, translate("TeamServerDialog", "Leave the team server"),
                          translate("TeamServerDialog", "Turn this file back into a plain local file? Everything it "
                                                        "holds stays here, but it no longer syncs: edits not yet "
                                                        "synced stay in this file only, and joining again later "
                                                        "shares them as new rows."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("LeaveTeamServerBox")
        forget = QCheckBox(translate("TeamServerDialog", "Also forget the saved password"))
        forget.setChecked(True)
        box.setCheckBox(forget)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self._start(translate("TeamServerDialog", "Leaving…"))
            self.controller.leave(forget_password=forget.isChecked())

    def _on_progress(self, done: int, total: int, rows: int) -> None:
        """A join's pull, table by table: a bar that fills instead of the busy one."""
        if not self._busy or total <= 0:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setTextVisible(True)
        self.progress.setFormat("%v / %m")
        self.message.setText(translate("TeamServerDialog", "Fetching the team's rows: table %1 of %2, %3 row(s) "
                                                           "so far").replace("%1", str(done)).replace(
            "%2", str(total)).replace("%3", str(rows)))

    # -- answers --------------------------------------------------------------------------------
    def _on_finished(self, outcome: Outcome) -> None:
        self._busy = False
        self.progress.hide()
        if not outcome.ok:
            self._tell(told(outcome.error) or "", error=True)
        elif outcome.operation == "test":
            self._tell(translate("TeamServerDialog", "The team server answered: the connection works."))
        elif outcome.operation == "join":
            self.password.clear()
            result = outcome.result
            text = translate("TeamServerDialog", "Joined. %1 row(s) shared, %2 fetched from the team.").replace(
                "%1", str(result.pushed)).replace("%2", str(result.pulled))
            self._tell("\n".join([text, *map(told_note, [*result.warnings, *result.refused])]))
        elif outcome.operation == "leave":
            self.url.clear()
            self.user.clear()
            self._tell(translate("TeamServerDialog", "This file is a plain local file again."))
        self._show_state(self.controller.state)

    def _tell(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a4262c;" if error else "")
