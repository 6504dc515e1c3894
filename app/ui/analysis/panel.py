"""The Analysis panel beside the map: a ranking of who holds power, the account's coverage and support,
map overlays, and the route to a chosen person. Recomputed in a worker shortly after each edit."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.analysis.model import HIGH_INFLUENCE, KEY_ROLES
from app.i18n import translate
from app.ui.analysis.freshness import FreshnessPanel
from app.ui.analysis.runner import AnalysisRunner
from app.ui.analysis.what_if import WhatIfPanel
from app.ui.common.failures import with_detail
from app.ui.common.widgets import steady_box
from app.views.analysis_model import KEY_ROLE, AnalysisModel
from app.views.map import overlays
from app.views.map.health_overlay import mark_scene

DEBOUNCE_MS = 400
OVERLAYS = ("none", "score", "brokerage", "coalitions", "gaps", "route")


class AnalysisPanel(QWidget):
    person_activated = Signal(object)  # card key
    analysis_changed = Signal(object, object)  # account id, AccountAnalysis or None (being computed)

    def __init__(self, workspace, map_panel, parent: QWidget | None = None, undo_stack=None) -> None:
        super().__init__(parent)
        self._ws, self._map = workspace, map_panel
        self.account_id: int | None = None
        self.analysis = None
        self.routes: list = []
        self._runner: AnalysisRunner | None = None
        self._stale = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.overlay = QComboBox()
        for code, label in (("none", self.tr("No overlay on the map")),
                            ("score", self.tr("Size cards by influence score")),
                            ("brokerage", self.tr("Size cards by brokerage")),
                            ("coalitions", self.tr("Colour by coalition")),
                            ("gaps", self.tr("Highlight coverage gaps")),
                            ("route", self.tr("Route to the selected person"))):
            self.overlay.addItem(label, code)
        self.overlay.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # Which relationship levels the map draws: covers links' thickness and the coverage gaps.
        self.levels = QComboBox()
        self.levels.addItem(self.tr("Declared levels"), "declared")
        self.levels.addItem(self.tr("Effective levels"), "effective")
        self.levels.setToolTip(self.tr("Draw our relationships as declared, or at their effective level, as they "
                                       "count today: one level less for every 60 days without contact"))
        self.levels.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.route_label = QLabel()
        self.route_label.setWordWrap(True)
        self.route_label.setTextFormat(Qt.TextFormat.PlainText)
        self.model = AnalysisModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AnalysisModel.SCORE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("Ranking"))
        self._grid_tab = QWidget()
        self.tabs.addTab(self._grid_tab, self.tr("Power grid"))
        self.what_if = WhatIfPanel()
        # Scrollable, so that its form never makes the dock column wider than the map can spare.
        what_if_scroll = QScrollArea()
        what_if_scroll.setWidgetResizable(True)
        what_if_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        what_if_scroll.setWidget(self.what_if)
        self.tabs.addTab(what_if_scroll, self.tr("What if"))
        self.freshness = FreshnessPanel(workspace, undo_stack)
        self.tabs.addTab(self.freshness, self.tr("Relationships"))
        self.grid = None  # the chart loads on first view: its library is slow to import
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(steady_box(self.summary, 8))  # coverage twice, support, gaps (often 2 lines), NPS, a warning
        overlay_row = QHBoxLayout()
        overlay_row.addWidget(self.overlay, 3)
        overlay_row.addWidget(self.levels, 2)
        layout.addLayout(overlay_row)
        layout.addWidget(self.route_label)
        layout.addWidget(self.tabs, 1)
        self._wire_signals()
        self._show_summary()

    def _wire_signals(self) -> None:
        self._debounce.timeout.connect(self._run)
        # Relationship health reads the history too: interactions, survey answers, cadences and snapshots.
        for signal in (self._ws.people_changed, self._ws.links_changed, self._ws.team_changed,
                       self._ws.interactions_changed, self._ws.surveys_changed, self._ws.snapshots_changed):
            signal.connect(self._on_changed)
        self._ws.cadences_changed.connect(self._on_cadences_changed)
        self.freshness.person_activated.connect(self._on_freshness_person)
        self.overlay.currentIndexChanged.connect(self._apply_overlay)
        self.levels.currentIndexChanged.connect(self._on_levels_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self._map.selection_changed.connect(self._on_map_selection)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    # -- running --------------------------------------------------------------------------------
    def set_account(self, account_id: int | None) -> None:
        self.account_id = account_id
        self.analysis, self.routes = None, []
        self.model.set_analysis(None)
        self.freshness.set_analysis(account_id, None)
        self.what_if.set_inputs(None, None)
        self._show_summary()
        self.analysis_changed.emit(account_id, None)
        if account_id is not None:
            self._debounce.start(0)

    def _on_cadences_changed(self, _change) -> None:
        if self.account_id is not None:
            self._debounce.start()

    def _on_freshness_person(self, key) -> None:
        self._select_row(key)
        self.person_activated.emit(key)

    def _on_changed(self, change) -> None:
        if self.account_id is not None and change.account_id in (None, self.account_id):
            self._debounce.start()

    def _target(self):
        if self.overlay.currentData() != "route":
            return None
        selected = [k for k in self._map.scene.selected_keys() if k[0] == "person"]
        return selected[0] if selected else None

    def _run(self) -> None:
        if self.account_id is None or not self._ws.database.is_open:
            return
        if self._runner is not None and self._runner.isRunning():
            self._stale = True  # run again with the newest data once this one is done
            return
        runner = AnalysisRunner(self._ws.database, self.account_id, self._target())
        runner.done.connect(self._on_done)
        runner.failed.connect(self._on_failed)
        runner.finished.connect(self._on_runner_finished)
        self._runner = runner
        runner.start()

    def _on_runner_finished(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            runner.deleteLater()
        if self._stale:
            self._stale = False
            self._debounce.start(0)

    def wait(self) -> None:
        """Block until a running analysis has finished (tests)."""
        if self._runner is not None:
            self._runner.wait()

    def _on_failed(self, detail: str) -> None:
        self.summary.setText(with_detail(self.tr("The analysis could not be computed."), detail))

    def _on_done(self, account_id: int, analysis, routes, inputs) -> None:
        if not shiboken6.isValid(self) or account_id != self.account_id:
            return
        self.analysis, self.routes = analysis, routes
        self.what_if.set_inputs(inputs, analysis)
        selected = self._selected_key()
        self.model.set_analysis(analysis)
        self.freshness.set_analysis(account_id, analysis)
        self._select_row(selected)
        self._show_summary()
        self._apply_overlay()
        self._mark_freshness()
        if self.grid is not None:
            self.grid.set_analysis(analysis)
        self.analysis_changed.emit(account_id, analysis)

    # -- showing --------------------------------------------------------------------------------
    def _show_summary(self) -> None:
        a = self.analysis
        if a is None:
            self.summary.setText(self.tr("Analysing…") if self.account_id is not None else "")
            return
        names = {p.key: p.name for p in a.people}
        support = "—" if a.support_index is None else f"{a.support_index:+.2f}"
        lines = [
            self.tr("Coverage score: %1 (share of influence we reach at working level or better)")
            .replace("%1", f"{a.coverage_score:.0%}"),
            self.tr("Effective coverage: %1 declared, %2 once time is counted; %3 gone stale")
            .replace("%1", f"{a.coverage_score:.0%}")
            .replace("%2", f"{a.health.effective_score:.0%}" if a.health else "—")
            .replace("%3", str(len(a.health.stale)) if a.health else "0"),
            self.tr("Support index: %1 (−1 all against us … +1 all for us)").replace("%1", support),
            self.tr("Coverage gaps: %1").replace(
                "%1", translate("Lists", ", ").join(names.get(k, "?") for k in a.gaps) or self.tr("none")),
        ]
        if a.health is not None and a.health.nps is not None:
            lines.append(self.tr("NPS: %1 (weighted by influence: %2)").replace("%1", f"{a.health.nps:+.0f}")
                         .replace("%2", f"{a.health.nps_weighted:+.0f}"))
        if a.single_threaded:
            lines.append(self.tr("Single-threaded: every strong relationship goes through one of us."))
        for problem in a.problems:
            lines.append(self.tr("Data problem: %1").replace("%1", self._problem_text(problem)))
        self.summary.setText("\n".join(lines))

    def _problem_text(self, problem: str) -> str:
        """The data problems a map can hold, in the interface language (the analysis reports them in English)."""
        known = {"reporting cycle: ": self.tr("reporting lines go round in a circle: %1"),
                 "reports to several managers: ": self.tr("reports to several managers: %1")}
        for prefix, text in known.items():
            if problem.startswith(prefix):
                return text.replace("%1", problem[len(prefix):])
        return problem

    def _mark_freshness(self) -> None:
        """Clock marks on stale people's cards and faded covers links that have gone cold; claims that outrun
        the evidence and overdue contacts marked on the cards; covers links at the chosen levels."""
        scene = self._map.scene
        health = self.analysis.health if self.analysis is not None else None
        if health is None:
            overlays.mark_freshness(scene, (), ())
            overlays.mark_health(scene, {})
            overlays.show_levels(scene, {}, False)
            return
        mark_scene(scene, health, {p.key: p.name for p in self.analysis.people})
        self._show_levels()

    def effective_levels(self) -> bool:
        return self.levels.currentData() == "effective"

    def _show_levels(self) -> None:
        health = self.analysis.health if self.analysis is not None else None
        links = {} if health is None else {(link.member, link.person): (link.declared, link.effective,
                                                                         link.last_touch_days)
                                           for link in health.links if link.declared}
        overlays.show_levels(self._map.scene, links, self.effective_levels())

    def _on_levels_changed(self, *_args) -> None:
        self._show_levels()
        if self.overlay.currentData() == "gaps":
            self._apply_overlay()

    def _gaps(self) -> list:
        """Coverage gaps at the chosen levels: counted on effective levels, a key person whose relationship
        has gone stale is a gap too."""
        a = self.analysis
        if not self.effective_levels() or a.health is None:
            return list(a.gaps)
        key_people = {p.key for p in a.people if p.role in KEY_ROLES or (p.influence_declared or 0) >= HIGH_INFLUENCE}
        return list(a.gaps) + [k for k in a.health.stale if k in key_people and k not in a.gaps]

    def _apply_overlay(self, *_args) -> None:
        scene = self._map.scene
        mode = self.overlay.currentData()
        self.route_label.clear()
        if self.analysis is None or mode == "none":
            overlays.clear(scene)
            return
        people = [p for p in self.analysis.people if p.side == "client"]
        if mode == "score":
            overlays.size_by(scene, {p.key: p.influence_score for p in people})
        elif mode == "brokerage":
            overlays.size_by(scene, {p.key: p.brokerage for p in people})
        elif mode == "coalitions":
            overlays.coalitions(scene, {p.key: p.community for p in people})
        elif mode == "gaps":
            overlays.gaps(scene, self._gaps())
        elif mode == "route":
            self._show_route()

    def _show_route(self) -> None:
        target = self._target()
        if target is None:
            overlays.clear(self._map.scene)
            self.route_label.setText(self.tr("Select a person on the map to see how we can reach them."))
            return
        if not self.routes or self.routes[0].path[-1] != target:
            self._debounce.start(0)  # routes are computed for the selected person
            return
        names = {p.key: p.name for p in self.analysis.people}
        best = self.routes[0]
        overlays.route(self._map.scene, best.path)
        lines = [self.tr("Best introduction: %1 (strength %2)").replace(
            "%1", " → ".join(names.get(k, "?") for k in best.path)).replace("%2", f"{best.score:.2f}")]
        for other in self.routes[1:]:
            lines.append(self.tr("Also: %1 (%2)").replace("%1", " → ".join(names.get(k, "?") for k in other.path))
                         .replace("%2", f"{other.score:.2f}"))
        self.route_label.setText("\n".join(lines))

    # -- selection ------------------------------------------------------------------------------
    def _selected_key(self):
        index = self.table.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def _select_row(self, key) -> None:
        row = self.model.row_of(key) if key is not None else None
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.blockSignals(True)
        self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.selectionModel().blockSignals(False)
        self.table.blockSignals(False)
        self.table.scrollTo(index)

    def _on_row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.what_if.set_person(current.data(KEY_ROLE))
            self.person_activated.emit(current.data(KEY_ROLE))

    def _on_map_selection(self, keys: list) -> None:
        if keys:
            self._select_row(keys[0])
            self.what_if.set_person(keys[0])
        if self.overlay.currentData() == "route":
            self._show_route()

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self._grid_tab and self.grid is None:
            from app.ui.analysis.power_grid import PowerGrid

            self.grid = PowerGrid(self._grid_tab)
            QVBoxLayout(self._grid_tab).addWidget(self.grid)
            self.grid.person_clicked.connect(self.person_activated)
            if self.analysis is not None:
                self.grid.set_analysis(self.analysis)
