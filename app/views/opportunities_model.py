"""The opportunities (商机) of one account, as a table, and the weighted pipeline they add up to."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, QObject, Qt

from app.document import Workspace
from app.document.records import OpportunityRecord
from app.i18n import record_labels, translate
from app.i18n.language import money, money_totals
from app.views.account_records_model import AccountRecordsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CLOSED_STAGES = ("won", "lost")


def format_money(amount: Decimal, currency: str) -> str:
    """The sum as the interface's language writes money: 1,560万元 in Chinese, CNY 15.6 million in English."""
    return money(amount, currency)


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
    amounts = money_totals(totals)
    return translate("Opportunities", "Weighted pipeline: {amounts}").format(amounts=amounts)


class OpportunitiesModel(AccountRecordsModel):
    """Opportunities of the current account, refreshed whenever the workspace announces a change."""

    NAME, STAGE, VALUE, PROBABILITY, CLOSE, COMPETITORS = range(6)
    COLUMNS = 6

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(workspace, ("opportunities_changed",), parent)
        self._stages = record_labels.opportunity_stages()

    def _read(self, account_id: int) -> list[OpportunityRecord]:
        return self._ws.opportunities(account_id)

    def opportunities(self) -> list[OpportunityRecord]:
        return self.records()

    def opportunity_at(self, row: int) -> OpportunityRecord:
        return self.record_at(row)

    def headers(self) -> tuple[str, ...]:
        return (
            translate("Opportunities", "Opportunity"),
            translate("Opportunities", "Stage"),
            translate("Opportunities", "Value"),
            translate("Opportunities", "Probability"),
            translate("Opportunities", "Expected close"),
            translate("Opportunities", "Competitors"),
        )

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        o = self._row(index)
        if o is None:
            return None
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
