"""The next actions (下一步行动) of one account, as a table, and who has overdue ones."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.document import Workspace
from app.document.records import ActionRecord
from app.i18n import record_labels, translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
OVERDUE_COLOR = QColor("#c0392b")
CLOSED_COLOR = QColor("#7a7a7a")


def overdue_people(actions: list[ActionRecord], today: dt.date | None = None) -> set[int]:
    """Ids of the people named on at least one open action whose due date has passed."""
    return {a.person_id for a in actions if a.person_id is not None and a.is_overdue(today)}


class ActionsModel(QAbstractTableModel):
    """Next actions of the current account: open ones unless closed ones are asked for.

    Ticking the checkbox of a row does not change the row: the model asks for the change with
    ``completion_requested`` and shows the result once the workspace announces it.
    """

    completion_requested = Signal(int, bool)  # action id, done (False: open again)

    DONE, TITLE, OWNER, DUE, PERSON, PRIORITY = range(6)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._account_id: int | None = None
        self._person_id: int | None = None
        self._show_closed = False
        self._today: dt.date | None = None
        self._rows: list[ActionRecord] = []
        self._people: dict[int, str] = {}
        self._members: dict[int, str] = {}
        self._priorities = record_labels.priorities()
        self._statuses = record_labels.action_statuses()
        workspace.actions_changed.connect(self._on_changed)
        workspace.people_changed.connect(self._on_changed)
        workspace.team_changed.connect(self._on_changed)

    @property
    def account_id(self) -> int | None:
        return self._account_id

    @property
    def person_filter(self) -> int | None:
        return self._person_id

    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self._person_id = None
        self.reload()

    def set_person_filter(self, person_id: int | None) -> None:
        self._person_id = person_id
        self.reload()

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

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        if self._account_id is not None:
            try:
                self._people = {p.id: p.name for p in self._ws.people(self._account_id)}
                actions = self._ws.actions(self._account_id)
            except ValueError:  # the account was deleted
                self._account_id, self._people, actions = None, {}, []
            # Owners may have left the account's team and still own old actions.
            self._members = {m.id: m.name for m in self._ws.members()}
            self._rows = [a for a in actions
                          if (self._show_closed or a.status == "open")
                          and (self._person_id is None or a.person_id == self._person_id)]
        self.endResetModel()

    def _on_changed(self, change) -> None:
        if change.account_id is None or change.account_id == self._account_id:
            self.reload()

    def action_at(self, row: int) -> ActionRecord:
        return self._rows[row]

    def row_of(self, action_id: int) -> int | None:
        return next((i for i, a in enumerate(self._rows) if a.id == action_id), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("Actions", "Done"),
            translate("Actions", "Next action"),
            translate("Actions", "Owner"),
            translate("Actions", "Due"),
            translate("Actions", "Person"),
            translate("Actions", "Priority"),
        )[section]

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
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
        a = self._rows[index.row()]
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        if done == (a.status == "done"):
            return False
        self.completion_requested.emit(a.id, done)
        return True
