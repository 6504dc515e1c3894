"""The next actions (下一步行动) of one account, as a table, and who has overdue ones."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.document import Workspace
from app.document.records import ActionRecord
from app.i18n import record_labels, translate
from app.views.account_records_model import AccountRecordsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
OVERDUE_COLOR = QColor("#c0392b")
CLOSED_COLOR = QColor("#7a7a7a")


def overdue_people(actions: list[ActionRecord], today: dt.date | None = None) -> set[int]:
    """Ids of the people named on at least one open action whose due date has passed."""
    return {a.person_id for a in actions if a.person_id is not None and a.is_overdue(today)}


class ActionsModel(AccountRecordsModel):
    """Next actions of the current account: open ones unless closed ones are asked for.

    Ticking the checkbox of a row does not change the row: the model asks for the change with
    ``completion_requested`` and shows the result once the workspace announces it.
    """

    completion_requested = Signal(int, bool)  # action id, done (False: open again)

    DONE, TITLE, OWNER, DUE, PERSON, PRIORITY = range(6)
    COLUMNS = 6

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(workspace, ("actions_changed", "people_changed", "team_changed"), parent)
        self._show_closed = False
        self._today: dt.date | None = None
        self._people: dict[int, str] = {}
        self._members: dict[int, str] = {}
        self._priorities = record_labels.priorities()
        self._statuses = record_labels.action_statuses()

    def set_show_closed(self, show: bool) -> None:
        self._show_closed = show
        self.reload()

    def set_today(self, today: dt.date | None) -> None:
        """Fix the date overdue is measured against (None: the real today)."""
        self._today = today
        self.reload()

    def people_names(self) -> dict[int, str]:
        return dict(self._people)

    def member_names(self) -> dict[int, str]:
        return dict(self._members)

    def _forget(self) -> None:
        self._people = {}

    def _read(self, account_id: int) -> list[ActionRecord]:
        self._people = {p.id: p.name for p in self._ws.people(account_id)}
        actions = self._ws.actions(account_id)
        # Owners may have left the account's team and still own old actions.
        self._members = {m.id: m.name for m in self._ws.members()}
        return [a for a in actions
                if (self._show_closed or a.status == "open")
                and (self._person_id is None or a.person_id == self._person_id)]

    def action_at(self, row: int) -> ActionRecord:
        return self.record_at(row)

    def headers(self) -> tuple[str, ...]:
        return (
            translate("Actions", "Done"),
            translate("Actions", "Next action"),
            translate("Actions", "Owner"),
            translate("Actions", "Due"),
            translate("Actions", "Person"),
            translate("Actions", "Priority"),
        )

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.DONE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _display(self, a: ActionRecord, col: int) -> str:
        if col == self.DONE:
            return "" if a.status != "cancelled" else self._statuses["cancelled"]
        if col == self.DUE:
            if a.due_date is None:
                return translate("Actions", "No date")
            if a.is_overdue(self._today):
                return translate("Actions", "{date} · Overdue").format(date=a.due_date.isoformat())
            return a.due_date.isoformat()
        return (
            "",
            a.title,
            self._members.get(a.owner_id, "") if a.owner_id else "",
            "",
            self._people.get(a.person_id, "") if a.person_id else "",
            self._priorities.get(a.priority, a.priority),
        )[col]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        a = self._row(index)
        if a is None:
            return None
        col = index.column()
        overdue = a.is_overdue(self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, col)
        if role == Qt.ItemDataRole.CheckStateRole and col == self.DONE:
            return Qt.CheckState.Checked if a.status == "done" else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue:
                return QBrush(OVERDUE_COLOR)
            if a.status != "open":
                return QBrush(CLOSED_COLOR)
        if role == Qt.ItemDataRole.FontRole and overdue and col == self.DUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.TITLE and a.notes:
                return a.notes
            if overdue:
                return translate("Actions", "Overdue: due {date}").format(date=a.due_date.isoformat())
        if role == SORT_ROLE:
            if col == self.DUE:
                return a.due_date.isoformat() if a.due_date else "9999-12-31"
            if col == self.PRIORITY:
                return ("high", "medium", "low").index(a.priority) if a.priority in ("high", "medium", "low") else 3
            return self._display(a, col).casefold()
        if role == OVERDUE_ROLE:
            return overdue
        if role == ID_ROLE:
            return a.id
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.DONE or role != Qt.ItemDataRole.CheckStateRole:
            return False
        a = self._row(index)
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        if done == (a.status == "done"):
            return False
        self.completion_requested.emit(a.id, done)
        return True
