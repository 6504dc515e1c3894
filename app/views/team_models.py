"""Our account team as item models: every member with their figures, one member's accounts and hand-offs, and
the roles of one account against its tier's template."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from app.i18n import labels, translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
WARNING = QColor("#b2182b")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def role_names(roles) -> str:
    names = labels.team_roles()
    return translate("Team", ", ").join(names.get(role, role) for role in roles)


class _Table(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._headers: tuple[str, ...] | None = None

    def rows(self) -> list:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        if self._headers is None:  # asked for on every paint and sort: translated once
            self._headers = self.headers()
        return len(self._headers)

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def _reset(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()


class MembersModel(_Table):
    """Every team member with their workload and what their leaving would do."""

    (NAME, ROLES, ACCOUNTS, COVERED, STRONG, OPEN, OVERDUE, RECENT, OWES, WAITS, LEAVING) = range(11)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._what_ifs: dict = {}
        self._archived: set[int] = set()
        self._values: dict[int, tuple] = {}

    def headers(self) -> tuple[str, ...]:
        return (translate("Team", "Member"), translate("Team", "Roles"), translate("Team", "Accounts"),
                translate("Team", "People covered"), translate("Team", "Strong relationships"),
                translate("Team", "Open actions"), translate("Team", "Overdue"),
                translate("Team", "Interactions (90 days)"), translate("Team", "Owes others"),
                translate("Team", "Waits for"), translate("Team", "If they left"))

    def set_data(self, data) -> None:
        """`data`: an app.portfolio.team_sql.TeamData."""
        self._what_ifs = data.what_ifs
        self._archived = {mid for mid, member in data.input.members.items() if member.archived}
        self._values = {load.member_id: self._row_values(load) for load in data.loads}
        self._reset(data.loads)

    def load_at(self, row: int):
        return self._rows[row]

    def row_of(self, member_id: int) -> int | None:
        return next((i for i, load in enumerate(self._rows) if load.member_id == member_id), None)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.STRONG: translate("Team", "Relationships at “trusted” or “advocate” level"),
                self.OWES: translate("Team", "Open actions other members asked them for"),
                self.WAITS: translate("Team", "Open actions they asked other members for"),
                self.LEAVING: translate("Team", "Accounts that would be single-threaded, or have no strong "
                                                "relationship left, without them"),
            }.get(section)
        return super().headerData(section, orientation, role)

    def leaving_text(self, member_id: int) -> str:
        what = self._what_ifs.get(member_id)
        if what is None or not what.accounts_hurt:
            return ""
        parts = []
        uncovered, single = len(what.uncovered), len(what.single_threaded)
        if uncovered:
            parts.append(translate("Team", "%n uncovered", None, uncovered))
        if single:
            parts.append(translate("Team", "%n single-threaded", None, single))
        return " · ".join(parts)

    def _row_values(self, load) -> tuple:
        what = self._what_ifs.get(load.member_id)
        return (load.name, role_names(load.roles), len(load.accounts), load.people_covered,
                load.strong_relationships, load.open_actions, load.overdue_actions, load.recent_interactions,
                len(load.owes), len(load.waits_for),
                (len(what.uncovered), len(what.single_threaded)) if what else (0, 0))

    def _value(self, load, col: int):
        return self._values[load.member_id][col]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        load, col = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return load.member_id
        if role == SORT_ROLE:
            value = self._value(load, col)
            return value.casefold() if isinstance(value, str) else value
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.LEAVING:
                return self.leaving_text(load.member_id)
            if col == self.NAME:
                left = load.member_id in self._archived
                return load.name + (translate("Team", " (left)") if left else "")
            value = self._value(load, col)
            if col in (self.OVERDUE, self.OWES, self.WAITS) and not value:
                return ""
            return str(value) if not isinstance(value, str) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (self.NAME, self.ROLES, self.LEAVING):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and (
                (col == self.OVERDUE and load.overdue_actions)
                or (col == self.LEAVING and self._what_ifs.get(load.member_id)
                    and self._what_ifs[load.member_id].uncovered)):
            return QBrush(WARNING)
        return None


class MembersFilter(QSortFilterProxyModel):
    """Sorts by the raw values; keeps the members who fill one role (anywhere) and those matching a text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._role: str | None = None
        self._text = ""

    def set_role(self, role: str | None) -> None:
        self.beginFilterChange()
        self._role = role
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        load = self.sourceModel().load_at(source_row)
        if self._role is not None and self._role not in load.roles:
            return False
        return not self._text or self._text in load.name.casefold()


class MemberAccountsModel(_Table):
    """The accounts of one member: their roles there, what the account lacks, and what their leaving would do."""

    ACCOUNT, TIER, ROLES, MISSING, IF_LEFT = range(5)

    def headers(self) -> tuple[str, ...]:
        return (translate("Team", "Account"), translate("Team", "Tier"), translate("Team", "Their roles there"),
                translate("Team", "Roles missing"), translate("Team", "If they left"))

    def set_member(self, data, member_id: int | None) -> None:
        rows = []
        if data is not None and member_id is not None:
            load = next((m for m in data.loads if m.member_id == member_id), None)
            what = data.what_ifs.get(member_id)
            tiers = labels.tiers()
            for account_id in load.accounts if load else ():
                account = data.input.accounts[account_id]
                status = data.status[account_id]
                roles = [role for role, ids in status.filled.items() if member_id in ids]
                if what and account_id in what.uncovered:
                    risk = translate("Team", "No strong relationship left")
                elif what and account_id in what.single_threaded:
                    risk = translate("Team", "Single-threaded")
                else:
                    risk = ""
                rows.append((account_id, account.name, tiers.get(account.tier, "") if account.tier else "",
                             role_names(roles), role_names(status.missing), risk))
        rows.sort(key=lambda r: r[1].casefold())
        self._reset(rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row[0]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return row[index.column() + 1]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() in (self.MISSING, self.IF_LEFT) \
                and row[index.column() + 1]:
            return QBrush(WARNING)
        return None


class HandOffsModel(_Table):
    """What one member owes others and what they wait for, the overdue ones in red."""

    DIRECTION, ACTION, ACCOUNT, OTHER, DUE = range(5)

    def headers(self) -> tuple[str, ...]:
        return (translate("Team", "Hand-off"), translate("Team", "Action"), translate("Team", "Account"),
                translate("Team", "With"), translate("Team", "Due"))

    def set_member(self, data, member_id: int | None) -> None:
        rows = []
        if data is not None and member_id is not None:
            load = next((m for m in data.loads if m.member_id == member_id), None)
            names = {m.member_id: m.name for m in data.input.members.values()}
            for direction, hand_offs in ((translate("Team", "Owes"), load.owes if load else ()),
                                         (translate("Team", "Waits for"), load.waits_for if load else ())):
                for h in hand_offs:
                    rows.append((h.account_id, direction, h.title, data.input.accounts[h.account_id].name,
                                 names.get(h.other_id, ""), h.due_date.isoformat() if h.due_date else "",
                                 h.overdue))
        self._reset(rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row[0]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return row[index.column() + 1]
        if role == Qt.ItemDataRole.ForegroundRole and row[6]:
            return QBrush(WARNING)
        return None


class AccountRolesModel(_Table):
    """One account's roles: those its tier expects (missing ones in red), then any other role filled there."""

    ROLE, FILLED_BY, STATUS = range(3)

    def headers(self) -> tuple[str, ...]:
        return (translate("Team", "Role"), translate("Team", "Filled by"), translate("Team", "Status"))

    def set_status(self, status, member_names: dict[int, str]) -> None:
        rows = []
        if status is not None:
            extra = [role for role in status.filled if role not in status.expected]
            for role in (*status.expected, *extra):
                who = ", ".join(member_names.get(mid, "") for mid in status.filled.get(role, ()))
                if role in status.missing:
                    state = translate("Team", "Missing")
                elif role in status.expected:
                    state = translate("Team", "Filled")
                else:
                    state = translate("Team", "Beyond the template")
                rows.append((role, labels.team_roles().get(role, role), who, state, role in status.missing))
        self._reset(rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row[0]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column() + 1]
        if role == Qt.ItemDataRole.ForegroundRole and row[4]:
            return QBrush(WARNING)
        return None
