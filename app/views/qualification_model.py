"""The qualification model (客户需求评估模型) of one account: criteria, weights and ratings.

Edits are handed back through ``edit_requested`` (criterion id, field, value) instead of changing rows
here, so that they go through undoable commands; the table refreshes from the workspace's signal.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from app.document import Workspace
from app.document.records import CriterionRecord
from app.i18n import labels, translate
from app.models import enums

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class QualificationModel(QAbstractTableModel):
    CRITERION, WEIGHT, RATING = range(3)
    edit_requested = Signal(int, str, object)  # criterion id, "name" | "weight" | "rating", value

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._account_id: int | None = None
        self._criteria: list[CriterionRecord] = []
        self._ratings: dict[int, int] = {}
        workspace.qualification_changed.connect(self._on_changed)
        workspace.accounts_changed.connect(self._on_changed)

    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._criteria = self._ws.criteria()
        self._ratings = {}
        if self._account_id is not None:
            try:
                self._ratings = self._ws.account(self._account_id).ratings
            except ValueError:
                self._account_id = None
        self.endResetModel()

    def _on_changed(self, change) -> None:
        if change.account_id is None or change.account_id == self._account_id:
            self.reload()

    def score(self) -> float | None:
        from app.models.repositories.qualification import score

        return score({c.id: c.weight for c in self._criteria}, self._ratings)

    def criterion_at(self, row: int) -> CriterionRecord:
        return self._criteria[row]

    def label(self, row: int) -> str:
        c = self._criteria[row]
        return labels.criterion_label(c.code, c.name)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._criteria)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("Qualification", "Criterion"),
            translate("Qualification", "Weight"),
            translate("Qualification", "Rating (0–5)"),
        )[section]

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        if index.column() == self.RATING and self._account_id is None:
            return Qt.ItemFlag.ItemIsEnabled
        return base

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._criteria):
            return None
        c = self._criteria[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.CRITERION:
                return self.label(index.row())
            if col == self.WEIGHT:
                return float(c.weight) if role == Qt.ItemDataRole.EditRole else f"{c.weight:g}"
            rating = self._ratings.get(c.id)
            if role == Qt.ItemDataRole.EditRole:
                return rating if rating is not None else 0
            return "" if rating is None else str(rating)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.CRITERION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return c.id
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        c = self._criteria[index.row()]
        col = index.column()
        if col == self.CRITERION:
            text = str(value).strip()
            if not text or text == self.label(index.row()):
                return False
            self.edit_requested.emit(c.id, "name", text)
        elif col == self.WEIGHT:
            weight = float(value)
            if weight < 0 or weight == c.weight:
                return False
            self.edit_requested.emit(c.id, "weight", weight)
        else:
            rating = int(value)
            if not 0 <= rating <= enums.RATING_MAX or rating == self._ratings.get(c.id):
                return False
            self.edit_requested.emit(c.id, "rating", rating)
        return True
