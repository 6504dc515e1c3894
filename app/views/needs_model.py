"""The needs (需求) of one account and of its people, as a table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from app.document import Workspace
from app.document.records import NeedRecord
from app.i18n import record_labels, translate
from app.views.account_records_model import AccountRecordsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class NeedsModel(AccountRecordsModel):
    """Needs of the current account, optionally only one person's and only one kind."""

    PERSON, KIND, NEED, PRIORITY, STATUS, ANSWER = range(6)
    COLUMNS = 6

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(workspace, ("needs_changed", "people_changed"), parent)
        self._kind: str | None = None
        self._names: dict[int, str] = {}
        self._kinds, self._statuses = record_labels.need_kinds(), record_labels.need_statuses()
        self._priorities = record_labels.priorities()

    def set_kind_filter(self, kind: str | None) -> None:
        self._kind = kind
        self.reload()

    def person_names(self) -> dict[int, str]:
        return dict(self._names)

    def _forget(self) -> None:
        self._names = {}

    def _read(self, account_id: int) -> list[NeedRecord]:
        self._names = {p.id: p.name for p in self._ws.people(account_id)}
        return [n for n in self._ws.needs(account_id)
                if (self._person_id is None or n.person_id == self._person_id)
                and (self._kind is None or n.kind == self._kind)]

    def need_at(self, row: int) -> NeedRecord:
        return self.record_at(row)

    def headers(self) -> tuple[str, ...]:
        return (
            translate("Needs", "Person"),
            translate("Needs", "Kind"),
            translate("Needs", "Need"),
            translate("Needs", "Priority"),
            translate("Needs", "Status"),
            translate("Needs", "Our answer"),
        )

    def person_label(self, person_id: int | None) -> str:
        if person_id is None:
            return translate("Needs", "Account")
        return self._names.get(person_id, "")

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        n = self._row(index)
        if n is None:
            return None
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
