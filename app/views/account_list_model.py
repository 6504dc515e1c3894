"""The key accounts as a table, and a proxy that searches and filters them."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSortFilterProxyModel, Qt

from app.document.summary import AccountSummary
from app.i18n import labels, translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TIER_ROLE = Qt.ItemDataRole.UserRole + 2
INDUSTRY_ROLE = Qt.ItemDataRole.UserRole + 3
OWNER_ROLE = Qt.ItemDataRole.UserRole + 4
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 5

TIER_ORDER = {"strategic": 0, "key": 1, "growth": 2, "maintain": 3}


class AccountListModel(QAbstractTableModel):
    NAME, TIER, INDUSTRY, OWNER, PEOPLE, TEAM = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = None
        self._rows: list[AccountSummary] = []
        self._teams: dict[int, list[str]] = {}  # who else works on each account (its account team)
        self._read_only: set[int] = set()  # shared with this login for reading only
        self._tier_labels = labels.tiers()

    def show_rows(self, rows: list[AccountSummary]) -> None:
        """Show rows read before the workspace is ready (see app.storage.fastread)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def attach(self, workspace) -> None:
        """Follow ``workspace`` (an app.document.Workspace) from now on."""
        if self._ws is not None:
            self._ws.accounts_changed.disconnect(self._on_accounts_changed)
            self._ws.team_changed.disconnect(self._on_accounts_changed)
        self._ws = workspace
        workspace.accounts_changed.connect(self._on_accounts_changed)
        workspace.team_changed.connect(self._on_accounts_changed)
        self.reload()

    def reload(self) -> None:
        if self._ws is not None:
            self._teams, self._read_only = self._ws.account_teams(), self._ws.read_only_accounts()
            self.show_rows(self._ws.account_summaries())

    def summaries(self) -> list[AccountSummary]:
        return list(self._rows)

    def _on_accounts_changed(self, _change) -> None:
        self.reload()

    def row_of(self, account_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == account_id), None)

    def summary(self, row: int) -> AccountSummary:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("AccountList", "Account"),
            translate("AccountList", "Tier"),
            translate("AccountList", "Industry"),
            translate("AccountList", "Owner"),
            translate("AccountList", "People"),
            translate("AccountList", "Team"),
        )[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.name,
                self._tier_labels.get(r.tier, "") if r.tier else "",
                r.industry or "",
                r.owner_name or "",
                r.people,
                r.team_members,
            )[col]
        if role == Qt.ItemDataRole.EditRole:  # sort keys
            return (r.name, TIER_ORDER.get(r.tier, 9), r.industry or "", r.owner_name or "", r.people,
                    r.team_members)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.PEOPLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME:
            text = " · ".join(x for x in (r.name, r.industry, r.region) if x)
            if r.id in self._read_only:
                text += "\n" + translate("AccountList", "Read only for you (a read grant on the team server)")
            return text
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.OWNER, self.TEAM):
            others = self._teams.get(r.id, [])
            lines = [translate("AccountList", "Owner: %1").replace("%1", r.owner_name)] if r.owner_name else []
            if others:
                lines.append(translate("AccountList", "Also working on it: %1").replace("%1", ", ".join(others)))
            return "\n".join(lines) or None
        if role == ID_ROLE:
            return r.id
        if role == TIER_ROLE:
            return r.tier or ""
        if role == INDUSTRY_ROLE:
            return r.industry or ""
        if role == OWNER_ROLE:
            return r.owner_id if r.owner_id is not None else -1
        if role == SEARCH_ROLE:
            return " ".join(x for x in (r.name, r.industry, r.region, r.owner_name) if x).casefold()
        return None


class AccountFilterProxy(QSortFilterProxyModel):
    """Search text over name, industry, region and owner; exact filters on tier, industry and owner."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._tier: str | None = None
        self._industry: str | None = None
        self._owner: int | None = None
        self.setSortRole(Qt.ItemDataRole.EditRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def set_tier(self, tier: str | None) -> None:
        self.beginFilterChange()
        self._tier = tier or None
        self.endFilterChange()

    def set_industry(self, industry: str | None) -> None:
        self.beginFilterChange()
        self._industry = industry or None
        self.endFilterChange()

    def set_owner(self, owner_id: int | None) -> None:
        self.beginFilterChange()
        self._owner = owner_id
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._text and self._text not in index.data(SEARCH_ROLE):
            return False
        if self._tier and index.data(TIER_ROLE) != self._tier:
            return False
        if self._industry and index.data(INDUSTRY_ROLE) != self._industry:
            return False
        if self._owner is not None and index.data(OWNER_ROLE) != self._owner:
            return False
        return True
