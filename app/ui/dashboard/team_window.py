"""The team view: every member of our team with their accounts, coverage, actions and recent contact, what
their leaving would do, the hand-offs between them, and a workload chart.

Which accounts lack part of their team, who carries too much, whom losing would hurt most — computed in a
worker; a double-click on a member shows their accounts, a double-click on one of those opens its map.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
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
from app.ui.common.widgets import add_to_toolbar
from app.ui.dashboard.team_chart import CompetencyChart, WorkloadChart, busiest
from app.ui.dashboard.window import REFRESH_DELAY_MS, _fit_columns, _table
from app.views.competency_models import CompetencyModel
from app.views.team_models import (
    ID_ROLE,
    SORT_ROLE,
    HandOffsModel,
    MemberAccountsModel,
    MembersFilter,
    MembersModel,
)


class TeamWorker(QThread):
    done = Signal(object, float)  # TeamData, seconds
    failed = Signal(str)

    def __init__(self, database, today: dt.date | None = None) -> None:
        super().__init__()
        self._db, self._today = database, today

    def run(self) -> None:
        from app.portfolio.team_sql import read_team

        start = time.perf_counter()
        try:
            with self._db.sessionmaker() as session:
                data = read_team(session, self._today)
        except Exception as exc:  # reported in the window; the database is only read
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.done.emit(data, time.perf_counter() - start)


class TeamWindow(QMainWindow):
    open_account = Signal(int)
    settings_requested = Signal()
    refreshed = Signal()

    def __init__(self, workspace, parent: QWidget | None = None, today: dt.date | None = None,
                 settings=None, perform: Callable | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TeamWindow")
        self._perform = perform  # performs an undoable edit (None: the profiles are read-only here)
        self.setWindowTitle(self.tr("Our team: roles, workload and risk"))
        self.workspace, self.today, self.data = workspace, today, None
        self._worker: TeamWorker | None = None
        self._pending = False
        self.writers: list = []

        self.members = MembersModel(self)
        self.filter = MembersFilter(self)
        self.filter.setSourceModel(self.members)
        self.member_accounts = MemberAccountsModel(self)
        self.hand_offs = HandOffsModel(self)
        accounts_sorted = QSortFilterProxyModel(self)
        accounts_sorted.setSortRole(SORT_ROLE)
        accounts_sorted.setSourceModel(self.member_accounts)
        hand_offs_sorted = QSortFilterProxyModel(self)
        hand_offs_sorted.setSortRole(SORT_ROLE)
        hand_offs_sorted.setSourceModel(self.hand_offs)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.role = QComboBox()
        self.role.addItem(self.tr("All roles"), None)
        for code, label in labels.team_roles().items():
            self.role.addItem(label, code)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a member…"))
        self.search.setClearButtonEnabled(True)
        self.table = _table(self.filter)
        self.accounts_table = _table(accounts_sorted)
        self.hand_offs_table = _table(hand_offs_sorted)
        self.chart = WorkloadChart()
        self.competency = CompetencyModel(self._on_rating_edited if perform is not None else None, self)
        self.competency_table = QTableView()
        self.competency_table.setModel(self.competency)
        self.competency_table.verticalHeader().hide()
        self.competency_table.horizontalHeader().setStretchLastSection(True)
        self.competency_table.setToolTip(self.tr("Type a rating from 1 to 5; clear it to remove the rating"))
        self.competency_chart = CompetencyChart()
        profile = QSplitter(Qt.Orientation.Horizontal)
        profile.addWidget(self.competency_table)
        profile.addWidget(self.competency_chart)
        profile.setSizes([360, 600])
        self.profile_page = profile
        self.detail_title = QLabel(self.tr("Select a member to see their accounts and hand-offs."))
        self.details = QTabWidget()
        self.details.addTab(self.accounts_table, self.tr("Their accounts"))
        self.details.addTab(self.hand_offs_table, self.tr("Hand-offs"))
        self.details.addTab(self.profile_page, self.tr("Competency profile"))
        self.details.addTab(self.chart, self.tr("Workload chart"))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail_title)
        lower_layout.addWidget(self.details, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([380, 360])

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Role")))
        filters.addWidget(self.role)
        filters.addWidget(self.search, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)

        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.settings_action = QAction(self.tr("Team &settings…"), self)
        self.settings_action.triggered.connect(self.settings_requested)
        self.pdf_action = QAction(self.tr("Export &PDF…"), self)
        self.pdf_action.triggered.connect(self.export_pdf)
        self.xlsx_action = QAction(self.tr("Export &Excel…"), self)
        self.xlsx_action.triggered.connect(self.export_xlsx)
        for action in (self.pdf_action, self.xlsx_action):
            action.setEnabled(False)
        self.close_action = QAction(self.tr("&Close"), self)
        self.close_action.setShortcuts(list(dict.fromkeys([
            QKeySequence("Ctrl+W"), QKeySequence(QKeySequence.StandardKey.Close), QKeySequence(Qt.Key.Key_Escape)])))
        self.close_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        toolbar = self.addToolBar(self.tr("Our team"))
        toolbar.setObjectName("TeamToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        add_to_toolbar(toolbar, (self.refresh_action, self.settings_action, self.pdf_action, self.xlsx_action))
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
        self._wire_signals()
        self.resize(1180, 760)
        self._settings = settings
        if settings is not None:
            geometry, state = settings.window_state("team")
            if geometry is not None:
                self.restoreGeometry(geometry)
            if state is not None:
                self.restoreState(state)

    def _wire_signals(self) -> None:
        self.role.currentIndexChanged.connect(self._apply_filters)
        self.search.textChanged.connect(self._apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._on_member_changed)
        self.table.activated.connect(self._on_member_activated)
        self.accounts_table.activated.connect(self._on_account_activated)
        self.hand_offs_table.activated.connect(self._on_account_activated)
        for name in ("accounts_changed", "people_changed", "team_changed", "links_changed", "actions_changed",
                     "interactions_changed"):
            getattr(self.workspace, name).connect(self._on_workspace_changed)
        self.workspace.account_team_changed.connect(self._on_team_edited)

    # -- computing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._worker is not None:
            self._pending = True
            return
        self._pending = False
        self.busy.show()
        self.statusBar().showMessage(self.tr("Computing the team's figures…"))
        worker = TeamWorker(self.workspace.database, self.today)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_finished)
        self._worker = worker
        worker.start()

    def wait(self) -> None:
        self._debounce.stop()
        for worker in [self._worker, *self.writers]:
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
        self.statusBar().showMessage(self.tr("Could not compute the team's figures: %1").replace("%1", detail))

    def _on_done(self, data, seconds: float) -> None:
        first = self.data is None
        current = self.current_member()
        self.data = data
        header = self.table.horizontalHeader()
        sort_column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        self.members.set_data(data)
        if first:  # the busiest first
            sort_column, order = MembersModel.ACCOUNTS, Qt.SortOrder.DescendingOrder
        self.table.sortByColumn(sort_column, order)
        self._apply_filters()
        self.chart.set_loads(data.loads)
        if current is not None:
            self.select_member(current)
        else:
            self._show_member(None)
        if first:
            _fit_columns(self.table)
        self.timing.setText(self.tr("%n member(s) in %1 s", "", len(data.loads)).replace("%1", f"{seconds:.2f}"))
        self.statusBar().clearMessage()
        for action in (self.pdf_action, self.xlsx_action):
            action.setEnabled(True)
        self.refreshed.emit()

    # -- filters and summary -----------------------------------------------------------------------
    def _apply_filters(self, *_args) -> None:
        self.filter.set_role(self.role.currentData())
        self.filter.set_text(self.search.text())
        self.summary.setText(self.summary_text())

    def summary_text(self) -> str:
        if self.data is None:
            return self.tr("Computing the team's figures…")
        lacking = sum(1 for status in self.data.status.values() if status.missing)
        parts = [self.tr("%n member(s)", "", len(self.data.loads)),
                 self.tr("%n account(s) missing a role of their team", "", lacking)]
        top = busiest(self.data.loads, 1)
        if top and top[0].accounts:
            parts.append(self.tr("Busiest: %1 (%2 accounts, %3 open actions)").replace("%1", top[0].name)
                         .replace("%2", str(len(top[0].accounts))).replace("%3", str(top[0].open_actions)))
        names = {m.member_id: m.name for m in self.data.loads}
        hurt = max(self.data.what_ifs.values(), key=lambda w: (len(w.uncovered), w.accounts_hurt), default=None)
        if hurt is not None and hurt.accounts_hurt:
            parts.append(self.tr("Losing %1 would hurt most: %2").replace("%1", names.get(hurt.member_id, ""))
                         .replace("%2", self.members.leaving_text(hurt.member_id)))
        return "<b>" + " · ".join(parts) + "</b>"

    # -- members -----------------------------------------------------------------------------------
    def current_member(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_member(self, member_id: int) -> bool:
        row = self.members.row_of(member_id)
        if row is None:
            return False
        proxy = self.filter.mapFromSource(self.members.index(row, 0))
        if not proxy.isValid():
            return False
        self.table.setCurrentIndex(proxy)
        self._show_member(member_id)
        return True

    def shown_loads(self) -> list:
        """The members the filters let through, in the table's order."""
        return [self.members.load_at(self.filter.mapToSource(self.filter.index(i, 0)).row())
                for i in range(self.filter.rowCount())]

    def export_pdf(self) -> None:
        from app.ui.dashboard.team_export import export_pdf

        export_pdf(self)

    def export_xlsx(self) -> None:
        from app.ui.dashboard.team_export import export_xlsx

        export_xlsx(self)

    @property
    def export_worker(self):
        """The export being written last, while any is."""
        return self.writers[-1] if self.writers else None

    def shown_names(self) -> list[str]:
        return [self.filter.index(i, MembersModel.NAME).data(SORT_ROLE) for i in range(self.filter.rowCount())]

    def _on_member_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_member(current.data(ID_ROLE) if current.isValid() else None)

    def _show_member(self, member_id: int | None) -> None:
        self.member_accounts.set_member(self.data, member_id)
        self.hand_offs.set_member(self.data, member_id)
        for view in (self.accounts_table, self.hand_offs_table):
            view.resizeColumnsToContents()
        self._show_profile(member_id)
        if member_id is None or self.data is None:
            self.detail_title.setText(self.tr("Select a member to see their accounts and hand-offs."))
            return
        load = next(m for m in self.data.loads if m.member_id == member_id)
        self.detail_title.setText(self.tr("%1: %2 account(s), owes others %3, waits for %4")
                                  .replace("%1", load.name).replace("%2", str(len(load.accounts)))
                                  .replace("%3", str(len(load.owes))).replace("%4", str(len(load.waits_for))))

    def _show_profile(self, member_id: int | None) -> None:
        if member_id is None:
            self.competency.set_profile([], {})
        else:
            self.competency.set_profile(self.workspace.competency_criteria(), self.workspace.competency(member_id))
        self.competency_table.resizeColumnToContents(0)
        self.competency_chart.set_ratings(self.competency.ratings())

    def _on_rating_edited(self, criterion_id: int, rating: int | None) -> None:
        from app.commands import team_edits

        member_id = self.current_member()
        if member_id is None:
            return
        name = self.data.input.members[member_id].name
        self._perform(team_edits.set_competency(self.workspace, member_id, criterion_id, rating, name))

    def _on_team_edited(self, change) -> None:
        if change.kind in ("competency", "competency_criterion"):
            self._show_profile(self.current_member())
        self._on_workspace_changed(change)

    def _on_member_activated(self, index: QModelIndex) -> None:
        """A double-click on a member (or Enter): their accounts, ready to open one."""
        self._show_member(index.data(ID_ROLE))
        self.details.setCurrentWidget(self.accounts_table)
        self.accounts_table.setFocus()
        if self.accounts_table.model().rowCount():
            self.accounts_table.setCurrentIndex(self.accounts_table.model().index(0, 0))

    def _on_account_activated(self, index: QModelIndex) -> None:
        account_id = index.data(ID_ROLE)
        if account_id is not None:
            self.open_account.emit(int(account_id))

    def closeEvent(self, event) -> None:  # noqa: N802
        self.wait()
        if self._settings is not None:
            self._settings.save_window_state(self.saveGeometry(), self.saveState(), "team")
        super().closeEvent(event)
