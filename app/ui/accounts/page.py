"""The central area for one account: its decision map, its people, our team on it, and the links."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.document import Workspace
from app.ui.accounts.champion_alerts import ChampionAlerts
from app.ui.accounts.empty_state import EmptyState
from app.ui.accounts.team_roles import TeamRolesPanel, edit_member_roles, warning_text
from app.ui.common.elided_label import ElidedLabel
from app.views.links_model import LinksModel
from app.views.people_model import ID_ROLE, PeopleModel, TeamModel


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AccountPage(QWidget):
    person_activated = Signal(int)
    member_activated = Signal(int)
    link_activated = Signal(int)

    def __init__(self, workspace: Workspace, undo_stack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.ui.map.panel import MapPanel

        self._ws = workspace
        self._stack = undo_stack
        self.map_panel = MapPanel(workspace, undo_stack)
        self.account_id: int | None = None
        self.people_model = PeopleModel(workspace, self)
        self.team_model = TeamModel(workspace, self)
        self.links_model = LinksModel(workspace, self)

        self.title = ElidedLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = ElidedLabel()
        self.subtitle.setStyleSheet("color: #505050;")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.people_toolbar = QToolBar()
        self.show_archived = QCheckBox(self.tr("Show archived people"))
        self.people_view = _table(self.people_model)
        self.team_toolbar = QToolBar()
        self.team_view = _table(self.team_model)
        self.team_roles = TeamRolesPanel(workspace, undo_stack)
        self.member_roles_action = QAction(self.tr("Roles on this account…"), self)
        self.member_roles_action.setToolTip(self.tr("Which roles of our team the selected member fills here"))
        self.team_toolbar.addAction(self.member_roles_action)
        self.team_warning = QLabel()
        self.team_warning.setObjectName("TeamWarning")
        self.team_warning.setStyleSheet("color: #b2182b;")
        self.team_warning.hide()
        self.links_toolbar = QToolBar()
        self.links_view = _table(self.links_model)
        self.alerts = ChampionAlerts()

        self.tabs = QTabWidget()
        self.tabs.addTab(self.map_panel, self.tr("Map"))
        self.tabs.addTab(self._tab(self.people_toolbar, self.people_view, self.show_archived), self.tr("People"))
        team_split = QSplitter(Qt.Orientation.Vertical)
        team_split.addWidget(self.team_view)
        team_split.addWidget(self.team_roles)
        self.tabs.addTab(self._tab(self.team_toolbar, team_split), self.tr("Our team"))
        self.tabs.addTab(self._tab(self.links_toolbar, self.links_view), self.tr("Relationships"))

        page = QWidget()
        # Name and industry on one line, with thin margins: the height goes to the map.
        header = QHBoxLayout()
        header.setSpacing(12)
        header.addWidget(self.title)
        header.addWidget(self.subtitle, 1)
        header.addWidget(self.team_warning)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.alerts)
        layout.addWidget(self.tabs, 1)
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self._wire_signals()

    @staticmethod
    def _tab(toolbar: QToolBar, view: QWidget, extra: QWidget | None = None) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 4, 0, 0)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        if extra is not None:
            toolbar.addSeparator()
            toolbar.addWidget(extra)
        layout.addWidget(toolbar)
        layout.addWidget(view, 1)
        return tab

    def _wire_signals(self) -> None:
        self.show_archived.toggled.connect(self.people_model.set_include_archived)
        self.people_view.doubleClicked.connect(lambda i: self.person_activated.emit(i.data(ID_ROLE)))
        self.team_view.doubleClicked.connect(lambda i: self.member_activated.emit(i.data(ID_ROLE)))
        self.links_view.doubleClicked.connect(lambda i: self.link_activated.emit(i.data(ID_ROLE)))
        self._ws.accounts_changed.connect(self._on_accounts_changed)
        self.team_roles.missing_changed.connect(self._on_missing_roles)
        self.member_roles_action.triggered.connect(self._on_member_roles)
        self.team_view.selectionModel().currentChanged.connect(self._update_member_roles_action)
        self.team_model.modelReset.connect(self._update_member_roles_action)
        self.alerts.person_activated.connect(self.show_person)

    def add_actions(self, toolbar: QToolBar, actions: list[QAction]) -> None:
        first = toolbar.actions()[0] if toolbar.actions() else None
        for action in actions:
            toolbar.insertAction(first, action)

    def set_account(self, account_id: int | None) -> None:
        self.account_id = account_id
        for model in (self.people_model, self.team_model, self.links_model):
            model.set_account(account_id)
        self.map_panel.show_account(account_id)
        self.alerts.set_analysis(None)
        self.team_roles.set_account(account_id)
        self._on_missing_roles(self.team_roles.missing)
        self._update_member_roles_action()
        self.stack.setCurrentIndex(0 if account_id is None else 1)
        self._update_header()
        self._update_empty_state()

    def set_analysis(self, account_id: int | None, analysis) -> None:
        """The account's analysis, as the Analysis panel computed it: its champions at risk head the page."""
        if account_id == self.account_id:
            self.alerts.set_analysis(analysis)

    def show_person(self, key) -> None:
        """The person's card selected and centred on the map; one who left has no card: their row among the
        archived people instead."""
        if self.map_panel.scene.card(key) is not None:
            self.tabs.setCurrentWidget(self.map_panel)
            self.map_panel.view.focus_on(key)
        elif key[0] == "person":
            self.show_archived.setChecked(True)
            self.select_person(key[1])

    def _update_empty_state(self) -> None:
        if self.account_id is None:
            self.empty.set_empty_database(not self._ws.account_summaries())

    def _update_header(self) -> None:
        if self.account_id is None:
            return
        try:
            account = self._ws.account(self.account_id)
        except ValueError:
            self.set_account(None)
            return
        self.title.setText(account.name)
        parts = [p for p in (account.industry, account.region) if p]
        self.subtitle.setText(" · ".join(parts))

    def _on_accounts_changed(self, _change) -> None:
        self._update_header()
        self._update_empty_state()

    def _on_missing_roles(self, missing) -> None:
        self.team_warning.setText(warning_text(tuple(missing)))
        self.team_warning.setVisible(bool(missing) and self.account_id is not None)

    def _update_member_roles_action(self, *_args) -> None:
        self.member_roles_action.setEnabled(self.account_id is not None and self.current_member() is not None)

    def _on_member_roles(self) -> None:
        member = self.current_member()
        if self.account_id is not None and member is not None:
            edit_member_roles(self, self._ws, self._stack, self.account_id, member)

    # -- selection ------------------------------------------------------------------------------
    @staticmethod
    def _current(view: QTableView) -> int | None:
        index = view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def current_person(self) -> int | None:
        return self._current(self.people_view)

    def current_member(self) -> int | None:
        return self._current(self.team_view)

    def current_link(self) -> int | None:
        return self._current(self.links_view)

    def select_person(self, person_id: int) -> None:
        row = self.people_model.row_of(person_id)
        if row is not None:
            self.tabs.setCurrentWidget(self.people_view.parentWidget())
            self.people_view.selectRow(row)
