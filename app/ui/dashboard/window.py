"""The executive view: coverage and risk across every key account, computed in a worker from SQL.

Which accounts are we exposed on, where do we know nobody who decides, which are single-threaded, which have
gone quiet? A table to sort and filter, the roles × accounts matrix, the structural risks and two charts;
a double-click opens the account's map in the main window.
"""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import labels
from app.ui.common.failures import detail_of
from app.ui.common.widgets import add_to_toolbar, plain_text
from app.ui.dashboard.charts import CoverageSupportChart, MonthlyContactsChart
from app.views.portfolio_models import ID_ROLE, SORT_ROLE, AccountsFilter, AccountsModel, RiskModel, RoleMatrixModel

REFRESH_DELAY_MS = 1500  # edits come in bursts; recompute once they settle
# Relationship health is pure Python over every interaction: started once the table has painted, so that it
# does not compete with the first paint for the interpreter.
HEALTH_DELAY_MS = 150
SIZED_ROWS = 40


class PortfolioWorker(QThread):
    done = Signal(object, float)  # PortfolioData, seconds
    failed = Signal(str)

    def __init__(self, database, today: dt.date | None = None) -> None:
        super().__init__()
        self._db, self._today = database, today

    def run(self) -> None:
        from app.portfolio.snapshot import read_portfolio

        start = time.perf_counter()
        try:
            with self._db.sessionmaker() as session:
                data = read_portfolio(session, self._today)
        except Exception as exc:  # reported in the window; the database is only read
            self.failed.emit(detail_of(exc))
            return
        self.done.emit(data, time.perf_counter() - start)


class HealthWorker(QThread):
    """Relationship health of every account (app.portfolio.health_table), after the rest of the dashboard."""

    done = Signal(object)  # account id -> HealthRow
    failed = Signal(str)

    def __init__(self, database, today: dt.date) -> None:
        super().__init__()
        self._db, self._today = database, today

    def run(self) -> None:
        from app.portfolio.health_table import portfolio_health

        try:
            with self._db.sessionmaker() as session:
                health = portfolio_health(session, self._today)
        except Exception as exc:  # reported in the window; the database is only read
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.done.emit(health)


class _AccountIds(QSortFilterProxyModel):
    """Keeps the rows of the accounts the main filter lets through, so every tab shows the same accounts."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._ids: set[int] | None = None

    def set_ids(self, ids: set[int] | None) -> None:
        self.beginFilterChange()
        self._ids = ids
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if self._ids is None:
            return True
        return self.sourceModel().index(source_row, 0, source_parent).data(ID_ROLE) in self._ids


def _fit_columns(view: QTableView) -> None:
    """Columns as wide as their cells; when that is wider than the table, long headings wrap onto a second line
    and the first column (the account's name) gives up room, so the last column is never cut off."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    columns = range(header.count())
    available = view.viewport().width() or view.width()
    if sum(header.sectionSize(c) for c in columns) <= available:
        return
    wrapped = False
    for column in columns:
        cells = view.sizeHintForColumn(column)
        heading = header.sectionSizeFromContents(column).width()
        text = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        if heading > cells and " " in text.strip():  # the heading alone makes it this wide: wrap it
            header.resizeSection(column, max(cells, heading // 2 + 24))
            wrapped = True
    if wrapped:
        header.setMinimumHeight(2 * header.fontMetrics().lineSpacing() + 10)
    excess = sum(header.sectionSize(c) for c in columns) - available
    if excess > 0:
        header.resizeSection(0, max(160, header.sectionSize(0) - excess))


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Column widths from the header and the first rows: measuring every cell of 500 accounts takes longer than
    # computing them.
    view.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
    return view


class DashboardWindow(QMainWindow):
    open_account = Signal(int)
    refreshed = Signal()
    health_filled = Signal()  # the relationship health columns, after `refreshed`

    def __init__(self, workspace, parent: QWidget | None = None, today: dt.date | None = None,
                 settings=None) -> None:
        super().__init__(parent)
        from app.portfolio import ROLE_COLUMNS

        self.setObjectName("DashboardWindow")
        self.setWindowTitle(self.tr("Key accounts: coverage and risk"))
        self.workspace = workspace
        self.today = today
        self.data = None
        self._health = None  # the relationship health last read, account id -> HealthRow
        self._health_worker: HealthWorker | None = None
        self._health_pending = False
        self._health_timer = QTimer(self)
        self._health_timer.setSingleShot(True)
        self._health_timer.setInterval(HEALTH_DELAY_MS)
        self._health_timer.timeout.connect(self._start_health)
        self._worker: PortfolioWorker | None = None
        self.writers: list = []  # workers writing exports
        self._pending = False

        self.accounts = AccountsModel(self)
        self.filter = AccountsFilter(self)
        self.filter.setSourceModel(self.accounts)
        self.roles = RoleMatrixModel(ROLE_COLUMNS, self)
        self.roles_filter = _AccountIds(self)
        self.roles_filter.setSourceModel(self.roles)
        self.risks = RiskModel(self)
        self.risks_filter = _AccountIds(self)
        self.risks_filter.setSourceModel(self.risks)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("DashboardSummary")
        self.tier = QComboBox()
        self.owner = QComboBox()
        self.team_member = QComboBox()  # the accounts one teammate owns or works on
        self.team_member.setObjectName("TeamMemberFilter")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find an account…"))
        self.search.setClearButtonEnabled(True)
        self.table = _table(self.filter)
        self.matrix = _table(self.roles_filter)
        self.risk_table = _table(self.risks_filter)
        for view in (self.matrix, self.risk_table):
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.scatter = CoverageSupportChart()
        self.monthly = MonthlyContactsChart()
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.scatter)
        charts.addWidget(self.monthly)
        charts.setSizes([600, 400])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("Accounts"))
        matrix_page = QWidget()
        matrix_layout = QVBoxLayout(matrix_page)
        matrix_layout.setContentsMargins(0, 0, 0, 0)
        matrix_layout.addWidget(self.matrix)
        self.tabs.addTab(matrix_page, self.tr("Coverage by role"))
        self.tabs.addTab(self.risk_table, self.tr("Structural risk"))
        self.charts_page = charts
        self._charts_stale = True
        self.tabs.addTab(charts, self.tr("Charts"))
        self.matrix_note = QLabel(self.tr("✓ all known at least as a working relationship · ◐ some · ✗ none · "
                                          "— nobody in this role"))
        matrix_layout.addWidget(self.matrix_note)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Tier")))
        filters.addWidget(self.tier)
        filters.addWidget(QLabel(self.tr("Owner")))
        filters.addWidget(self.owner)
        filters.addWidget(QLabel(self.tr("Team")))
        filters.addWidget(self.team_member)
        filters.addWidget(self.search, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.pdf_action = QAction(self.tr("Export &PDF…"), self)
        self.pdf_action.triggered.connect(self.export_pdf)
        self.xlsx_action = QAction(self.tr("Export &Excel…"), self)
        self.xlsx_action.triggered.connect(self.export_xlsx)
        # A window of its own closes as one: Ctrl+W, the platform's Close (Ctrl+F4 on some desktops) or Esc.
        self.close_action = QAction(self.tr("&Close"), self)
        for action in (self.refresh_action, self.pdf_action, self.xlsx_action, self.close_action):
            action.setToolTip(plain_text(action.text()))  # no "(R)" left of the menu's key in a tooltip
        self.close_action.setShortcuts(list(dict.fromkeys([
            QKeySequence("Ctrl+W"), QKeySequence(QKeySequence.StandardKey.Close), QKeySequence(Qt.Key.Key_Escape)])))
        self.close_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        toolbar = self.addToolBar(self.tr("Dashboard"))
        toolbar.setObjectName("DashboardToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        add_to_toolbar(toolbar, (self.refresh_action, self.pdf_action, self.xlsx_action))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        self.timing = QLabel()
        self.statusBar().addPermanentWidget(self.timing)
        self.statusBar().addPermanentWidget(self.busy)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(REFRESH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)

        self.tabs.currentChanged.connect(self._update_charts)
        self.tier.currentIndexChanged.connect(self._apply_filters)
        self.owner.currentIndexChanged.connect(self._apply_filters)
        self.team_member.currentIndexChanged.connect(self._apply_filters)
        self.search.textChanged.connect(self._apply_filters)
        for view in (self.table, self.matrix, self.risk_table):
            view.activated.connect(self._on_activated)  # a double-click, or Enter on the current row
        self.scatter.account_clicked.connect(self.open_account)
        for name in ("accounts_changed", "people_changed", "team_changed", "links_changed", "actions_changed",
                     "interactions_changed", "opportunities_changed", "account_team_changed"):
            getattr(workspace, name).connect(self._on_workspace_changed)
        self._fill_filters([])
        self._set_exports_enabled(False)
        self.resize(1180, 720)
        self._settings = settings
        if settings is not None:
            geometry, state = settings.window_state("dashboard")
            if geometry is not None:
                self.restoreGeometry(geometry)
            if state is not None:
                self.restoreState(state)

    # -- computing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._worker is not None:
            self._pending = True  # one more pass once this one ends, so the last edit is in
            return
        self._pending = False
        self.busy.show()
        self.statusBar().showMessage(self.tr("Computing coverage and risk…"))
        worker = PortfolioWorker(self.workspace.database, self.today)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_finished)
        self._worker = worker
        worker.start()

    def wait(self) -> None:
        self._debounce.stop()
        self._health_timer.stop()
        for worker in [self._worker, self._health_worker, *self.writers]:
            if worker is not None:
                worker.wait()

    def _on_workspace_changed(self, _change) -> None:
        if self.isVisible():
            self._debounce.start()

    def _on_finished(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.deleteLater()
        self.busy.hide()
        if self._pending:
            self.refresh()

    def _on_failed(self, detail: str) -> None:
        # One line in the status bar: the detail after our sentence.
        self.statusBar().showMessage(self.tr("Could not compute the dashboard.") + " " + detail)

    def _start_health(self) -> None:
        if self.data is None:
            return
        if self._health_worker is not None:
            self._health_pending = True
            return
        self._health_pending = False
        worker = HealthWorker(self.workspace.database, self.data.today)
        worker.done.connect(self._on_health)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_health_finished)
        self._health_worker = worker
        worker.start()

    def _on_health_finished(self) -> None:
        worker, self._health_worker = self._health_worker, None
        if worker is not None:
            worker.deleteLater()
        if self._health_pending:
            self._start_health()

    def _on_health(self, health) -> None:
        from dataclasses import replace

        from app.portfolio.health_table import with_health

        self._health = health
        if self.data is None:
            return
        self.data = replace(self.data, rows=with_health(self.data.rows, health))
        self.accounts.set_health_rows(self.data.rows)
        self.health_filled.emit()

    def _on_done(self, data, seconds: float) -> None:
        first = self.data is None
        if self._health is not None:  # the last known health until the new one comes, not a blank column
            from dataclasses import replace

            from app.portfolio.health_table import with_health

            data = replace(data, rows=with_health(data.rows, self._health))
        self.data = data
        sort_column = self.table.horizontalHeader().sortIndicatorSection()
        order = self.table.horizontalHeader().sortIndicatorOrder()
        self.accounts.set_rows(data.rows)
        self.roles.set_data([(r.account_id, r.account) for r in data.rows], data.roles)
        self.risks.set_risks(data.risks)
        self._charts_stale = True
        self._fill_filters(data.rows)
        if first:
            sort_column, order = AccountsModel.COVERAGE, Qt.SortOrder.AscendingOrder  # the exposed ones first
        self.table.sortByColumn(sort_column, order)
        self._apply_filters()
        if first:
            for view in (self.table, self.matrix, self.risk_table):
                _fit_columns(view)
        self.timing.setText(self.tr("%n account(s) in %1 s", "", len(data.rows)).replace("%1", f"{seconds:.2f}"))
        self.statusBar().clearMessage()
        self._set_exports_enabled(True)
        self.refreshed.emit()
        self._health_timer.start()

    # -- filters -----------------------------------------------------------------------------------
    def _fill_filters(self, rows: list) -> None:
        tiers, owners = labels.tiers(), sorted({r.owner for r in rows if r.owner}, key=str.casefold)
        self._member_accounts = self.workspace.accounts_by_member()
        members = sorted(self._member_accounts, key=str.casefold)
        for combo, values, every in ((self.tier, [(label, code) for code, label in tiers.items()],
                                      self.tr("All tiers")),
                                     (self.owner, [(name, name) for name in owners], self.tr("All owners")),
                                     (self.team_member, [(name, name) for name in members],
                                      self.tr("The whole team"))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(every, None)
            for text, value in values:
                combo.addItem(text, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _apply_filters(self, *_args) -> None:
        self.filter.set_tier(self.tier.currentData())
        self.filter.set_owner(self.owner.currentData())
        member = self.team_member.currentData()
        self.filter.set_accounts(None if member is None else getattr(self, "_member_accounts", {}).get(member, set()))
        self.filter.set_text(self.search.text())
        shown = self.shown_rows()
        ids = {r.account_id for r in shown}
        everything = self.data is not None and len(ids) == len(self.data.rows)
        self.roles_filter.set_ids(None if everything else ids)
        self.risks_filter.set_ids(None if everything else ids)
        self._charts_stale = True
        self._update_charts()
        self.summary.setText(self.summary_text(shown))

    def _update_charts(self, *_args) -> None:
        """Charts are drawn when their tab is shown: filling them costs as much as the tables."""
        if self._charts_stale and self.data is not None and self.tabs.currentWidget() is self.charts_page:
            self._charts_stale = False
            self.scatter.set_rows(self.shown_rows())
            self.monthly.set_months(self.data.months)

    def shown_rows(self) -> list:
        rows = self.accounts.rows()
        return [rows[self.filter.mapToSource(self.filter.index(i, 0)).row()] for i in range(self.filter.rowCount())]

    def summary_text(self, rows: list) -> str:
        from dataclasses import replace

        from app.portfolio.snapshot import QUIET_DAYS, summarise

        if self.data is None:
            return self.tr("Computing coverage and risk…")
        counts = summarise(replace(self.data, rows=rows))
        parts = [self.tr("%n account(s)", "", counts.accounts),
                 self.tr("%n single-threaded", "", counts.single_threaded),
                 self.tr("%n with a decision-maker we do not know well", "", counts.uncovered_deciders),
                 self.tr("%n quiet for %1 days or more", "", counts.quiet).replace("%1", str(QUIET_DAYS)),
                 self.tr("%n overdue action(s)", "", counts.overdue_actions)]
        return "<b>" + " · ".join(parts) + "</b>"

    def _on_activated(self, index: QModelIndex) -> None:
        account_id = index.data(ID_ROLE)
        if account_id is not None:
            self.open_account.emit(int(account_id))

    # -- export ------------------------------------------------------------------------------------
    def _set_exports_enabled(self, on: bool) -> None:
        self.pdf_action.setEnabled(on)
        self.xlsx_action.setEnabled(on)

    def export_pdf(self) -> None:
        from app.ui.dashboard.export import export_pdf

        export_pdf(self)

    def export_xlsx(self) -> None:
        from app.ui.dashboard.export import export_xlsx

        export_xlsx(self)

    @property
    def export_worker(self):
        """The export being written last, while any is."""
        return self.writers[-1] if self.writers else None

    def closeEvent(self, event) -> None:  # noqa: N802
        self.wait()
        if self._settings is not None:
            self._settings.save_window_state(self.saveGeometry(), self.saveState(), "dashboard")
        super().closeEvent(event)
