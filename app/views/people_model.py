"""The people of one account, and the team members working on it, as tables."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.document import Workspace
from app.document.records import MemberRecord, PersonRecord
from app.i18n import labels, translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 2


class PeopleModel(QAbstractTableModel):
    """People of the current account; archived people shown greyed and in italics when included."""

    NAME, TITLE, DEPARTMENT, ROLE, STANCE, INFLUENCE, EMAIL, PHONE = range(8)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._account_id: int | None = None
        self._include_archived = False
        self._rows: list[PersonRecord] = []
        self._roles, self._stances = labels.buying_roles(), labels.stances()
        self._influence = labels.influence_levels()
        workspace.people_changed.connect(self._on_changed)
        workspace.accounts_changed.connect(self._on_changed)

    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self.reload()

    def set_include_archived(self, include: bool) -> None:
        self._include_archived = include
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        if self._account_id is None:
            self._rows = []
        else:
            try:
                self._rows = self._ws.people(self._account_id, self._include_archived)
            except ValueError:  # the account was deleted
                self._account_id, self._rows = None, []
        self.endResetModel()

    def _on_changed(self, change) -> None:
        if change.account_id is None or change.account_id == self._account_id:
            self.reload()

    def person_at(self, row: int) -> PersonRecord:
        return self._rows[row]

    def row_of(self, person_id: int) -> int | None:
        return next((i for i, p in enumerate(self._rows) if p.id == person_id), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("People", "Name"),
            translate("People", "Title"),
            translate("People", "Department"),
            translate("People", "Buying role"),
            translate("People", "Stance"),
            translate("People", "Influence"),
            translate("People", "Email"),
            translate("People", "Phone"),
        )[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            name = p.name + (translate("People", " (archived)") if p.archived else "")
            return (
                name,
                p.title or "",
                p.department or "",
                self._roles.get(p.role, p.role),
                self._stances.get(p.stance, p.stance),
                self._influence.get(p.influence, "") if p.influence else "",
                p.email or "",
                p.phone or "",
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole and p.archived:
            return QBrush(QColor("#7a7a7a"))
        if role == Qt.ItemDataRole.FontRole and p.archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ID_ROLE:
            return p.id
        if role == ARCHIVED_ROLE:
            return p.archived
        return None


class TeamModel(QAbstractTableModel):
    """The team members working on the current account."""

    NAME, TITLE, ROLE, EMAIL, PHONE = range(5)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._account_id: int | None = None
        self._rows: list[MemberRecord] = []
        self._roles = labels.team_roles()
        workspace.team_changed.connect(self._on_changed)

    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = [] if self._account_id is None else self._ws.account_members(self._account_id)
        self.endResetModel()

    def _on_changed(self, change) -> None:
        if change.account_id is None or change.account_id == self._account_id:
            self.reload()

    def member_at(self, row: int) -> MemberRecord:
        return self._rows[row]

    def row_of(self, member_id: int) -> int | None:
        return next((i for i, m in enumerate(self._rows) if m.id == member_id), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("Team", "Name"),
            translate("Team", "Title"),
            translate("Team", "Role on our team"),
            translate("Team", "Email"),
            translate("Team", "Phone"),
        )[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            name = m.name + (translate("Team", " (archived)") if m.archived else "")
            return (name, m.title or "", self._roles.get(m.team_role, "") if m.team_role else "",
                    m.email or "", m.phone or "")[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and m.archived:
            return QBrush(QColor("#7a7a7a"))
        if role == ID_ROLE:
            return m.id
        return None
