"""The executive dashboard's tables: every key account with its coverage and risk, the roles × accounts
coverage matrix and the structural risks, as item models over the portfolio's plain rows."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from app.i18n import labels, translate
from app.i18n.language import join_names, money_totals
from app.portfolio.snapshot import CELL_COLOURS, cell_state, is_quiet

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
WARNING = QColor("#b2182b")
# Cell states of the matrix: the symbol carries the meaning, the colour repeats it.
ALL, SOME, NONE, ABSENT = "all", "some", "none", "nobody"
CELL_COLORS = {state: QColor(colour) for state, colour in CELL_COLOURS.items()}
CELL_SYMBOLS = {ALL: "✓", SOME: "◐", NONE: "✗", ABSENT: "—"}

__all__ = ["AccountsFilter", "AccountsModel", "RiskModel", "RoleMatrixModel", "cell_state", "pipeline_text",
           "pipeline_total"]


def pipeline_text(pipeline: dict[str, Decimal]) -> str:
    """The open pipeline per currency, as the interface's language writes money."""
    return money_totals(pipeline)


def pipeline_total(pipeline: dict[str, Decimal]) -> float:
    """One number to sort and size by. Currencies are not converted: the largest one the account uses counts."""
    return float(max(pipeline.values(), default=0))


class AccountsModel(QAbstractTableModel):
    (ACCOUNT, TIER, OWNER, PEOPLE, COVERAGE, GAPS, SINGLE, SUPPORT, OPEN, OVERDUE, QUIET,
     PIPELINE, TEAM_MISSING, EFFECTIVE, STALE, NPS, CHAMPIONS) = range(17)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._tiers = labels.tiers()

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._tiers = labels.tiers()
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def set_health_rows(self, rows: list) -> None:
        """The same accounts with their relationship health: only the health columns change."""
        by_id = {r.account_id: r for r in rows}
        self._rows = [by_id.get(r.account_id, r) for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, self.EFFECTIVE), self.index(len(self._rows) - 1, self.CHAMPIONS))

    def row_of(self, account_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.account_id == account_id), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 17

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (translate("Dashboard", "Account"), translate("Dashboard", "Tier"), translate("Dashboard", "Owner"),
                    translate("Dashboard", "People"), translate("Dashboard", "Coverage"),
                    translate("Dashboard", "Gaps"), translate("Dashboard", "Single-threaded"),
                    translate("Dashboard", "Support"), translate("Dashboard", "Open actions"),
                    translate("Dashboard", "Overdue"), translate("Dashboard", "Days since contact"),
                    translate("Dashboard", "Pipeline"), translate("Dashboard", "Team roles missing"),
                    translate("Dashboard", "Effective"),
                    translate("Dashboard", "Stale"), translate("Dashboard", "NPS"),
                    translate("Dashboard", "Champions at risk"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.COVERAGE: translate("Dashboard", "Share of the committee, weighted by influence, that we know "
                                                      "at least as a working relationship"),
                self.GAPS: translate("Dashboard", "Economic buyers, decision-makers and highly influential people "
                                                  "we do not know well enough"),
                self.SINGLE: translate("Dashboard", "Every strong relationship runs through one team member"),
                self.SUPPORT: translate("Dashboard", "−1 (all against us) … +1 (all for us), weighted by influence"),
                self.PIPELINE: translate("Dashboard", "Open opportunities (not won or lost), per currency"),
                self.TEAM_MISSING: translate("Dashboard", "Roles of the tier's team template nobody on our side "
                                                          "fills"),
                self.EFFECTIVE: translate("Dashboard", "Coverage once time is counted: a relationship loses a level "
                                                       "for every 60 days without meeting"),
                self.STALE: translate("Dashboard", "People we claim to know well whom nobody has met lately"),
                self.NPS: translate("Dashboard", "Net promoter score of the latest survey answers, −100 … +100"),
                self.CHAMPIONS: translate("Dashboard", "Coaches and advocates who left, turned or went stale"),
            }.get(section)
        return None

    def _display(self, r, col: int):
        if col == self.ACCOUNT:
            return r.account
        if col == self.TIER:
            return self._tiers.get(r.tier, "") if r.tier else ""
        if col == self.OWNER:
            return r.owner or ""
        if col == self.PEOPLE:
            return str(r.people)
        if col == self.COVERAGE:
            return f"{round(r.coverage_score * 100)}%"
        if col == self.GAPS:
            return str(r.gaps)
        if col == self.SINGLE:
            return translate("Dashboard", "Yes") if r.single_threaded else ""
        if col == self.SUPPORT:
            return "" if r.support_index is None else f"{r.support_index:+.2f}"
        if col == self.OPEN:
            return str(r.open_actions)
        if col == self.OVERDUE:
            return str(r.overdue_actions) if r.overdue_actions else ""
        if col == self.QUIET:
            if r.days_since_last_interaction is None:
                return translate("Dashboard", "never")
            return str(r.days_since_last_interaction)
        if col == self.TEAM_MISSING:
            names = labels.team_roles()
            return translate("Dashboard", ", ").join(names.get(role, role) for role in r.team_roles_missing)
        if col == self.EFFECTIVE:
            return "…" if r.effective_score is None else f"{round(r.effective_score * 100)}%"
        if col == self.STALE:
            return str(len(r.stale)) if r.stale else ""
        if col == self.NPS:
            return "" if r.nps is None else f"{r.nps:+.0f}"
        if col == self.CHAMPIONS:
            return str(len(r.champions_at_risk)) if r.champions_at_risk else ""
        return pipeline_text(r.pipeline)

    def _sort_key(self, r, col: int):
        return (r.account.casefold(), r.tier or "", (r.owner or "").casefold(), r.people, r.coverage_score, r.gaps,
                int(r.single_threaded), -2.0 if r.support_index is None else r.support_index, r.open_actions,
                r.overdue_actions,
                10 ** 6 if r.days_since_last_interaction is None else r.days_since_last_interaction,
                pipeline_total(r.pipeline), len(r.team_roles_missing),
                -1.0 if r.effective_score is None else r.effective_score, len(r.stale),
                -1000.0 if r.nps is None else r.nps, len(r.champions_at_risk))[col]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == SORT_ROLE:
            return self._sort_key(r, col)
        if role == ID_ROLE:
            return r.account_id
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (self.ACCOUNT, self.TIER, self.OWNER,
                                                                     self.PIPELINE, self.SINGLE, self.TEAM_MISSING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._alarming(r, col):
            return QBrush(WARNING)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.GAPS and r.gap_names:
            return "\n".join(r.gap_names)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.STALE and r.stale:
            return "\n".join(r.stale)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.CHAMPIONS and r.champions_at_risk:
            return "\n".join(r.champions_at_risk)
        return None

    @staticmethod
    def _alarming(r, col: int) -> bool:
        return ((col == AccountsModel.SINGLE and r.single_threaded)
                or (col == AccountsModel.OVERDUE and r.overdue_actions > 0)
                or (col == AccountsModel.GAPS and r.gaps > 0)
                or (col == AccountsModel.QUIET and is_quiet(r))
                or (col == AccountsModel.TEAM_MISSING and bool(r.team_roles_missing))
                or (col == AccountsModel.CHAMPIONS and bool(r.champions_at_risk))
                or (col == AccountsModel.NPS and r.nps is not None and r.nps < 0))


class AccountsFilter(QSortFilterProxyModel):
    """Sorts by the raw values and keeps the accounts of one tier and one owner, and those matching a text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._tier: str | None = None
        self._owner: str | None = None
        self._accounts: set[int] | None = None  # the accounts a teammate works on (None: every account)
        self._text = ""

    def set_tier(self, tier: str | None) -> None:
        self.beginFilterChange()
        self._tier = tier
        self.endFilterChange()

    def set_owner(self, owner: str | None) -> None:
        self.beginFilterChange()
        self._owner = owner
        self.endFilterChange()

    def set_accounts(self, account_ids: set[int] | None) -> None:
        self.beginFilterChange()
        self._accounts = account_ids
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        row = self.sourceModel().rows()[source_row]
        if self._tier is not None and row.tier != self._tier:
            return False
        if self._owner is not None and row.owner != self._owner:
            return False
        if self._accounts is not None and row.account_id not in self._accounts:
            return False
        return not self._text or self._text in row.account.casefold()


class RoleMatrixModel(QAbstractTableModel):
    """One row per account, one column per key buying role: do we know the people in that role well?"""

    def __init__(self, roles: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self._roles = roles
        self._accounts: list = []  # (account_id, name)
        self._cells: dict[int, dict] = {}

    def set_data(self, accounts: list[tuple[int, str]], cells: dict[int, dict]) -> None:
        self.beginResetModel()
        self._accounts, self._cells = list(accounts), cells
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._accounts)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._roles) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return translate("Dashboard", "Account")
            return labels.buying_roles()[self._roles[section - 1]]
        return None

    def state(self, row: int, column: int) -> str:
        cell = self._cells.get(self._accounts[row][0], {}).get(self._roles[column - 1])
        return ABSENT if cell is None else cell_state(cell)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._accounts):
            return None
        account_id, name = self._accounts[index.row()]
        if role == ID_ROLE:
            return account_id
        if index.column() == 0:
            return name if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        cell = self._cells.get(account_id, {}).get(self._roles[index.column() - 1])
        state = ABSENT if cell is None else cell_state(cell)
        if role == Qt.ItemDataRole.DisplayRole:
            if state == ABSENT:
                return CELL_SYMBOLS[ABSENT]
            return f"{CELL_SYMBOLS[state]} {cell.covered}/{cell.people}"
        if role == SORT_ROLE:
            return (-1.0, 0) if state == ABSENT else (cell.covered / cell.people, cell.people)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(CELL_COLORS[state])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#212121"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if state == ABSENT:
                return translate("Dashboard", "Nobody in this role on the map")
            return translate("Dashboard", "%1 of %2 known at least as a working relationship (best: %3)") \
                .replace("%1", str(cell.covered)).replace("%2", str(cell.people)) \
                .replace("%3", labels.relationship_levels().get(cell.best_level, "—"))
        return None


class RiskModel(QAbstractTableModel):
    """Structural risks, one row each: a team member holding every strong relationship, or a person whose
    departure would cut us off from decision-makers."""

    ACCOUNT, RISK, PERSON, CUTS_OFF = range(4)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, str, str, str]] = []

    def set_risks(self, risks: list) -> None:
        self.beginResetModel()
        rows = []
        for risk in risks:
            if risk.sole_member:
                rows.append((risk.account_id, risk.account, translate("Dashboard", "Single-threaded"),
                             risk.sole_member, translate("Dashboard", "Holds every strong relationship")))
            for point in risk.cut_points:
                kind = (translate("Dashboard", "Our only way in") if point.side == "team"
                        else translate("Dashboard", "Their only bridge"))
                cuts = translate("Dashboard", "Would cut us off from %1").replace("%1", join_names(point.cuts_off))
                rows.append((risk.account_id, risk.account, kind, point.name, cuts))
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (translate("Dashboard", "Account"), translate("Dashboard", "Risk"),
                    translate("Dashboard", "Person"), translate("Dashboard", "What is at stake"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return row[index.column() + 1]
        if role == ID_ROLE:
            return row[0]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.CUTS_OFF:
            return row[4]
        return None
