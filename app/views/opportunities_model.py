"""The opportunities (商机) of one account, as a table, and the weighted pipeline they add up to."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from app.document import Workspace
from app.document.records import OpportunityRecord
from app.i18n import record_labels, translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CLOSED_STAGES = ("won", "lost")


def format_money(amount: Decimal, currency: str) -> str:
    """``CNY 15,600,000`` — cents only when there are any, so large sums stay short."""
    text = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    return f"{currency} {text}"


def weighted_pipeline(opportunities: list[OpportunityRecord]) -> dict[str, Decimal]:
    """Σ value × probability per currency; lost opportunities and those without value or probability add nothing.

    Won ones count at their recorded probability (normally 100 %).
    """
    totals: dict[str, Decimal] = {}
    for o in opportunities:
        if o.value is None or o.probability is None or o.stage == "lost":
            continue
        totals[o.currency] = totals.get(o.currency, Decimal(0)) + Decimal(o.value) * o.probability / 100
    return dict(sorted(totals.items()))


def pipeline_text(totals: dict[str, Decimal]) -> str:
    if not totals:
        return translate("Opportunities", "Weighted pipeline: none")
    amounts = " · ".join(format_money(v, c) for c, v in totals.items())
    return translate("Opportunities", "Weighted pipeline: {amounts}").format(amounts=amounts)


class OpportunitiesModel(QAbstractTableModel):
    """Opportunities of the current account, refreshed whenever the workspace announces a change."""

    NAME, STAGE, VALUE, PROBABILITY, CLOSE, COMPETITORS = range(6)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._account_id: int | None = None
        self._rows: list[OpportunityRecord] = []
        self._stages = record_labels.opportunity_stages()
        workspace.opportunities_changed.connect(self._on_changed)

    @property
    def account_id(self) -> int | None:
        return self._account_id

    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = [] if self._account_id is None else self._ws.opportunities(self._account_id)
        self.endResetModel()

    def _on_changed(self, change) -> None:
        if change.account_id is None or change.account_id == self._account_id:
            self.reload()

    def opportunities(self) -> list[OpportunityRecord]:
        return list(self._rows)

    def opportunity_at(self, row: int) -> OpportunityRecord:
        return self._rows[row]

    def row_of(self, opportunity_id: int) -> int | None:
        return next((i for i, o in enumerate(self._rows) if o.id == opportunity_id), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("Opportunities", "Opportunity"),
            translate("Opportunities", "Stage"),
            translate("Opportunities", "Value"),
            translate("Opportunities", "Probability"),
            translate("Opportunities", "Expected close"),
            translate("Opportunities", "Competitors"),
        )[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        o = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                o.name,
                self._stages.get(o.stage, o.stage),
                format_money(Decimal(o.value), o.currency) if o.value is not None else "",
                f"{o.probability} %" if o.probability is not None else "",
                o.expected_close.isoformat() if o.expected_close else "",
                o.competitors or "",
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.VALUE, self.PROBABILITY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.NAME and o.notes:
                return o.notes
            if col == self.COMPETITORS and o.competitors:
                return o.competitors
        if role == ID_ROLE:
            return o.id
        return None
