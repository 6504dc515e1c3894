"""The needs (需求) of one account and of its people, as a table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from app.document import Workspace
from app.document.records import NeedRecord
from app.i18n import record_labels, translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class NeedsModel(QAbstractTableModel):
    """Needs of the current account, optionally only one person's and only one kind.

    Rows are read from the workspace and replaced whenever it announces a change of needs or people;
    edits go through commands, never through this model.
    """

    PERSON, KIND, NEED, PRIORITY, STATUS, ANSWER = range(6)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._account_id: int | None = None
        self._person_id: int | None = None
        self._kind: str | None = None
        self._rows: list[NeedRecord] = []
        self._names: dict[int, str] = {}
        self._kinds, self._statuses = record_labels.need_kinds(), record_labels.need_statuses()
        self._priorities = record_labels.priorities()
        workspace.needs_changed.connect(self._on_changed)
        workspace.people_changed.connect(self._on_changed)

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

    def set_kind_filter(self, kind: str | None) -> None:
        self._kind = kind
        self.reload()

    def person_names(self) -> dict[int, str]:
        return dict(self._names)

    def reload(self) -> None:
        self.beginResetModel()
        self._rows, self._names = [], {}
        if self._account_id is not None:
            try:
                self._names = {p.id: p.name for p in self._ws.people(self._account_id)}
                needs = self._ws.needs(self._account_id)
            except ValueError:  # the account was deleted
                self._account_id, needs = None, []
            self._rows = [n for n in needs
                          if (self._person_id is None or n.person_id == self._person_id)
                          and (self._kind is None or n.kind == self._kind)]
        self.endResetModel()

    def _on_changed(self, change) -> None:
        if change.account_id is None or change.account_id == self._account_id:
            self.reload()

    def need_at(self, row: int) -> NeedRecord:
        return self._rows[row]

    def row_of(self, need_id: int) -> int | None:
        return next((i for i, n in enumerate(self._rows) if n.id == need_id), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("Needs", "Person"),
            translate("Needs", "Kind"),
            translate("Needs", "Need"),
            translate("Needs", "Priority"),
            translate("Needs", "Status"),
            translate("Needs", "Our answer"),
        )[section]

    def person_label(self, person_id: int | None) -> str:
        if person_id is None:
            return translate("Needs", "Account")
        return self._names.get(person_id, "")

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        n = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = (
                self.person_label(n.person_id),
                self._kinds.get(n.kind, n.kind),
                n.description,
                self._priorities.get(n.priority, n.priority),
                self._statuses.get(n.status, n.status),
                n.value_proposition or "",
            )[col]
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if col in (self.NEED, self.ANSWER) and text else None
            return text
        if role == Qt.ItemDataRole.FontRole and col == self.PERSON and n.person_id is None:
            font = QFont()
            font.setItalic(True)  # account-wide needs read apart from a person's at a glance
            return font
        if role == ID_ROLE:
            return n.id
        if role == PERSON_ID_ROLE:
            return n.person_id
        return None
