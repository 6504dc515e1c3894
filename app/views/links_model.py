"""The links of one account's map as a table (the map itself draws them too)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from app.document import Workspace
from app.document.records import LinkRecord
from app.i18n import labels, translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LinksModel(QAbstractTableModel):
    SOURCE, KIND, TARGET, STRENGTH = range(4)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._account_id: int | None = None
        self._rows: list[LinkRecord] = []
        self._names: dict[tuple[str, int], str] = {}
        self._kinds = labels.link_kinds()
        self._levels = labels.relationship_levels()
        for signal in (workspace.links_changed, workspace.people_changed, workspace.team_changed):
            signal.connect(self._on_changed)

    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows, self._names = [], {}
        if self._account_id is not None:
            try:
                self._names = {("person", p.id): p.name for p in self._ws.people(self._account_id)}
                self._names.update({("member", m.id): m.name for m in self._ws.account_members(self._account_id)})
                self._rows = self._ws.links(self._account_id)
            except ValueError:
                self._account_id = None
        self.endResetModel()

    def _on_changed(self, change) -> None:
        if change.account_id is None or change.account_id == self._account_id:
            self.reload()

    def link_at(self, row: int) -> LinkRecord:
        return self._rows[row]

    def name_of(self, end: tuple[str, int]) -> str:
        return self._names.get(end, "?")

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("Links", "From"),
            translate("Links", "Relationship"),
            translate("Links", "To"),
            translate("Links", "Strength"),
        )[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        link = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            strength = self._levels[link.strength] if link.kind == "covers" else str(link.strength)
            return (self.name_of(link.source), self._kinds.get(link.kind, link.kind), self.name_of(link.target),
                    strength)[index.column()]
        if role == ID_ROLE:
            return link.id
        return None
