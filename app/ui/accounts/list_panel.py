"""The key accounts: search, filter by tier, industry and owner, and pick one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import labels
from app.ui.common.widgets import fill_combo
from app.views.account_list_model import ID_ROLE, AccountFilterProxy, AccountListModel


class AccountListPanel(QWidget):
    account_selected = Signal(object)  # account id or None
    account_activated = Signal(int)
    rename_requested = Signal()  # F2 in the list: the account, as F2 on the map renames a card

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AccountListModel(self)
        self.proxy = AccountFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search accounts…"))
        self.search.setClearButtonEnabled(True)
        self.tier_filter = QComboBox()
        self.industry_filter = QComboBox()
        self.owner_filter = QComboBox()
        for combo in (self.tier_filter, self.industry_filter, self.owner_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._refill_filters()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Rows arrive ordered by name; sorting starts when the user clicks a header (sorting 500 rows
        # through Python item data would cost the first paint ~10 ms).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.installEventFilter(self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AccountListModel.NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: measuring every row of a long list would slow the first paint.
        header.setSectionResizeMode(AccountListModel.TIER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AccountListModel.PEOPLE, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(AccountListModel.TIER, 72)
        self.table.setColumnWidth(AccountListModel.PEOPLE, 56)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # The filters cover industry and owner; the narrow list keeps what tells accounts apart.
        for col in (AccountListModel.INDUSTRY, AccountListModel.OWNER, AccountListModel.TEAM):
            self.table.setColumnHidden(col, True)
        # Names start with what tells them apart (恒岳重工集团 …): cut at the end, the whole name in the tooltip.
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setMinimumWidth(220)
        self.count_label = QLabel()
        # Not horizontally expanding: a wider window gives its room to the central area, not this dock.
        self.table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tier_filter)
        layout.addWidget(self.industry_filter)
        layout.addWidget(self.owner_filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._wire_signals()
        self._update_count()

    def _wire_signals(self) -> None:
        self.search.textChanged.connect(self._on_search)
        self.tier_filter.currentIndexChanged.connect(self._on_tier_filter)
        self.industry_filter.currentIndexChanged.connect(self._on_industry_filter)
        self.owner_filter.currentIndexChanged.connect(self._on_owner_filter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.model.modelAboutToBeReset.connect(self._on_about_to_reset)
        self.model.modelReset.connect(self._on_reset)

    # -- filters --------------------------------------------------------------------------------
    def _refill_filters(self) -> None:
        tier, industry, owner = (self.tier_filter.currentData(), self.industry_filter.currentData(),
                                 self.owner_filter.currentData())
        fill_combo(self.tier_filter, labels.tiers(), tier, none_label=self.tr("All tiers"))
        rows = self.model.summaries()
        industries = sorted({r.industry for r in rows if r.industry})
        fill_combo(self.industry_filter, {i: i for i in industries}, industry, none_label=self.tr("All industries"))
        owners = {r.owner_id: r.owner_name for r in rows if r.owner_id is not None}
        fill_combo(self.owner_filter, dict(sorted(owners.items(), key=lambda kv: kv[1])), owner,
                   none_label=self.tr("All owners"))

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)

    def _on_tier_filter(self, _index: int) -> None:
        self.proxy.set_tier(self.tier_filter.currentData())

    def _on_industry_filter(self, _index: int) -> None:
        self.proxy.set_industry(self.industry_filter.currentData())

    def _on_owner_filter(self, _index: int) -> None:
        self.proxy.set_owner(self.owner_filter.currentData())

    def _on_about_to_reset(self) -> None:
        self._kept_selection = self.current_account_id()
        self._resetting = True

    def _on_reset(self) -> None:
        self._refill_filters()
        self._resetting = False
        kept = getattr(self, "_kept_selection", None)
        if kept is not None and not self.select_account(kept):
            self.account_selected.emit(None)  # the selected account is gone

    def _update_count(self, *_args) -> None:
        self.count_label.setText(
            self.tr("%n account(s) shown", "", self.proxy.rowCount()) + " / "
            + self.tr("%n in all", "", self.model.rowCount())
        )

    # -- selection ------------------------------------------------------------------------------
    def current_account_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_account(self, account_id: int | None) -> bool:
        row = self.model.row_of(account_id) if account_id is not None else None
        if row is None:
            self.table.clearSelection()
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _on_current_changed(self, current, _previous) -> None:
        if getattr(self, "_resetting", False):
            return
        self.account_selected.emit(current.data(ID_ROLE) if current.isValid() else None)

    def _on_double_clicked(self, index) -> None:
        if index.isValid():
            self.account_activated.emit(index.data(ID_ROLE))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F2
                and not event.modifiers()):
            self.rename_requested.emit()
            return True
        return super().eventFilter(watched, event)
