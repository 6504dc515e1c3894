"""Beside the next actions: whose contact cadence is overdue, and one click to plan the meeting that catches up.

The list follows the workspace: a logged interaction, a changed cadence (a person's or a role's), a new or
finished action, or an undo of any of them redraws it.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.commands import record_edits
from app.i18n.relative_time import days_ago
from app.ui.common.widgets import perform_or_warn

PLAN_WITHIN_DAYS = 7  # the catching-up meeting is due within a week
KEY_ROLES = ("economic_buyer", "decision_maker")
VISIBLE_ROWS = 4  # rows shown before the list scrolls: the actions table above keeps most of the room
MAX_LISTED = 30  # the longest overdue; a list of hundreds is read by nobody and costs a widget per row


class OverdueContactsPanel(QWidget):
    action_planned = Signal(int)  # the new action's id

    def __init__(self, workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws, self._stack = workspace, undo_stack
        self.account_id: int | None = None
        self.today: dt.date | None = None  # None: the real today (tests fix it)
        self.contacts: list = []
        self.plan_buttons: dict[int, QPushButton] = {}
        self.labels: dict[int, QLabel] = {}
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self._body = QWidget()
        self._rows = QVBoxLayout(self._body)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(2)
        self._rows.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self._scroll)
        for signal in (workspace.interactions_changed, workspace.actions_changed, workspace.people_changed,
                       workspace.links_changed, workspace.team_changed):
            signal.connect(self._on_changed)
        workspace.cadences_changed.connect(lambda _change: self.refresh())
        self.refresh()

    def set_account(self, account_id: int | None) -> None:
        self.account_id = account_id
        self.refresh()

    def _on_changed(self, change) -> None:
        if change is None or change.account_id in (None, self.account_id):
            self.refresh()

    def refresh(self) -> None:
        while self._rows.count() > 1:  # the stretch at the end stays
            widget = self._rows.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.plan_buttons, self.labels = {}, {}
        self.contacts = [] if self.account_id is None else self._ws.overdue_contacts(self.account_id, self.today)
        self.title.setText(self.tr("Contact overdue (%1)").replace("%1", str(len(self.contacts))))
        if not self.contacts:
            none = QLabel(self.tr("Everyone with a contact cadence has heard from us in time."))
            none.setWordWrap(True)
            none.setEnabled(False)
            self._rows.insertWidget(0, none)
        for contact in self.contacts[:MAX_LISTED]:
            self._add(contact)
        if len(self.contacts) > MAX_LISTED:
            more = QLabel(self.tr("… and %1 more").replace("%1", str(len(self.contacts) - MAX_LISTED)))
            more.setEnabled(False)
            self._rows.insertWidget(self._rows.count() - 1, more)
        # Room for a few rows when the dock has it; past that the list scrolls.
        rows = max(1, min(len(self.contacts), VISIBLE_ROWS))
        row_height = max(QPushButton().sizeHint().height(), self.fontMetrics().height()) + self._rows.spacing()
        self._scroll.setMaximumHeight(rows * row_height + 4)
        self._scroll.setMinimumHeight(row_height + 4)

    def _add(self, contact) -> None:
        if contact.last_contact_days is None:
            detail = self.tr("every %1 days, no contact on record")
        else:
            detail = self.tr("every %1 days, last contact %2").replace("%2", days_ago(contact.last_contact_days))
        label = QLabel(f"<b>{html.escape(contact.name)}</b> — "
                       f"{html.escape(detail.replace('%1', str(contact.cadence_days)))}")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        button = QPushButton(self.tr("Planned") if contact.planned else self.tr("Plan contact"))
        button.setEnabled(not contact.planned)
        button.setToolTip(self.tr("Add a next action to meet this person within a week"))
        button.clicked.connect(lambda _checked=False, c=contact: self.plan(c.person_id))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(12, 0, 0, 0)
        line.addWidget(label, 1)
        line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self._rows.insertWidget(self._rows.count() - 1, row)
        self.plan_buttons[contact.person_id], self.labels[contact.person_id] = button, label

    def plan(self, person_id: int) -> int | None:
        """One undoable next action: meet the person within a week, owned by whoever knows them best."""
        contact = next((c for c in self.contacts if c.person_id == person_id), None)
        if contact is None or self.account_id is None:
            return None
        due = (self.today or dt.date.today()) + dt.timedelta(days=PLAN_WITHIN_DAYS)
        title = self.tr("Meet %1 before %2").replace("%1", contact.name).replace("%2", due.isoformat())
        command = perform_or_warn(self, self._stack, record_edits.add_action(
            self._ws, self.account_id, title, due_date=due, person_id=person_id, owner_id=contact.owner_id,
            priority="high" if contact.role in KEY_ROLES else "medium"))
        if command is None:
            return None
        self.action_planned.emit(command.ident)
        return command.ident
