"""Competency profiles as item models: one member's ratings, and one account's needs against its team's best.

Both are edited in place (a rating or a level 1–5, empty to clear); the edit is handed to ``on_edit`` — which
performs the undoable command — and the model redraws from the document's signal, never from its own rows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.i18n import labels, translate
from app.portfolio.team_analysis import fit

ID_ROLE = Qt.ItemDataRole.UserRole + 1
WARNING = QColor("#b2182b")
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def parse_level(value) -> int | None:
    """A typed rating: 1–5, or empty for none. Anything else raises ValueError."""
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    level = int(text)
    if not 1 <= level <= 5:
        raise ValueError(text)
    return level


class _Editable(QAbstractTableModel):
    EDITABLE_COLUMN = 1

    def __init__(self, on_edit: Callable[[int, int | None], None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple] = []
        self._on_edit = on_edit

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        if index.isValid() and index.column() == self.EDITABLE_COLUMN and self._on_edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._on_edit is None:
            return False
        try:
            level = parse_level(value)
        except ValueError:
            return False
        self._on_edit(self._rows[index.row()][0], level)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers())

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError


class CompetencyModel(_Editable):
    """One member's rating on each criterion (1–5, empty when not rated)."""

    CRITERION, RATING = range(2)

    def headers(self) -> tuple[str, ...]:
        return translate("Competency", "Competency"), translate("Competency", "Rating (1–5)")

    def set_profile(self, criteria: list, ratings: dict[int, int]) -> None:
        self.beginResetModel()
        self._rows = [(c.id, labels.competency_label(c.code, c.name), ratings.get(c.id)) for c in criteria]
        self.endResetModel()

    def ratings(self) -> list[tuple[str, int]]:
        """(label, rating) of the rated criteria, in order."""
        return [(label, rating) for _, label, rating in self._rows if rating is not None]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        criterion_id, label, rating = self._rows[index.row()]
        if role == ID_ROLE:
            return criterion_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label if index.column() == self.CRITERION else ("" if rating is None else str(rating))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.RATING:
            return _CENTRE
        return None


class FitModel(_Editable):
    """One account's needs against the strongest ratings on its team: where to add someone."""

    CRITERION, NEEDED, BEST, WHO, GAP = range(5)

    def headers(self) -> tuple[str, ...]:
        return (translate("Competency", "Competency"), translate("Competency", "Needed (1–5)"),
                translate("Competency", "Team's best"), translate("Competency", "Held by"),
                translate("Competency", "Gap"))

    def set_fit(self, criteria: list, needs: dict[int, int], team: list[int], competency: dict[int, dict[int, int]],
                member_names: dict[int, str]) -> None:
        by_id = {c.id: c for c in criteria}
        ordered = {c.id: needs.get(c.id, 0) for c in criteria}
        rows = []
        for row in fit(ordered, team, competency):
            criterion = by_id[row.criterion]
            needed = needs.get(row.criterion)
            rows.append((row.criterion, labels.competency_label(criterion.code, criterion.name), needed, row.best,
                         ", ".join(member_names.get(m, "") for m in row.best_members),
                         row.gap if needed else 0))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def gaps(self) -> dict[str, int]:
        return {label: gap for _, label, _n, _b, _w, gap in self._rows if gap}

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        criterion_id, label, needed, best, who, gap = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return criterion_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (label, "" if needed is None else str(needed), str(best) if best else "", who,
                    str(gap) if gap else "")[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.NEEDED, self.BEST, self.GAP):
            return _CENTRE
        if role == Qt.ItemDataRole.ForegroundRole and col == self.GAP and gap:
            return QBrush(WARNING)
        return None
