"""The main window: menus, toolbar, the account list, the account's page and its profile.

The window is built in two steps so that it can appear at once: the frame, menus and account list
first (the list read straight from the file), then ``attach()`` adds the panels that edit data once the
database layer has loaded in the background. Opening another database attaches again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from app import __version__
from app.document.summary import AccountSummary
from app.ui.accounts.list_panel import AccountListPanel
from app.ui.common.elided_label import elided
from app.ui.common.widgets import plain_text
from app.ui.main.actions import MainActionsMixin
from app.ui.main.file_menu import FileMenuMixin
from app.ui.main.settings import AppSettings
from app.ui.main.storage_ui import StorageUiMixin
from app.ui.main.team_view import TeamViewHost
from app.ui.main.window_layout import WindowLayoutMixin
from app.ui.team.sync_host import SyncHost

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from app.document import Workspace


class MainWindow(MainActionsMixin, FileMenuMixin, StorageUiMixin, WindowLayoutMixin, QMainWindow):
    open_database_requested = Signal(object)  # Path
    new_database_requested = Signal(object)  # Path
    language_requested = Signal(str)
    backup_requested = Signal()
    restore_requested = Signal(object)  # Path of the backup
    salvage_requested = Signal()

    def __init__(self, settings: AppSettings, language: str, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = language
        self.workspace: Workspace | None = None
        self.undo_stack: QUndoStack | None = None
        self.editor = None
        self.account_page = None
        self.profile = None
        self.profile_stack = None
        self.person_profile = None
        self._pending_account: int | None = None
        self.replaced = False  # set when another window takes over (a change of language)
        self.setObjectName("MainWindow")

        self.account_list = AccountListPanel()
        self.loading_label = QLabel(self.tr("Opening the database…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.loading_label)
        self.accounts_dock = self._dock(self.tr("Key accounts"), "AccountsDock", self.account_list,
                                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.profile_dock = self._dock(self.tr("Account profile"), "ProfileDock", QWidget(),
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.analysis_dock = self._dock(self.tr("Analysis"), "AnalysisDock", QWidget(),
                                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.analysis_panel = None
        self.dashboard = None
        self.team_host = TeamViewHost(self)
        self._writers: list = []  # workers writing files
        # The account's record below the map: needs, history, next actions, opportunities, snapshots.
        self.record_tabs = QTabWidget()
        self.record_tab_titles = {"needs": self.tr("Needs"), "history": self.tr("History"),
                                  "actions": self.tr("Next actions"), "opportunities": self.tr("Opportunities"),
                                  "snapshots": self.tr("Snapshots"), "satisfaction": self.tr("Satisfaction")}
        self.record_dock = self._dock(self.tr("Needs, history and actions"), "RecordDock", self.record_tabs,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.record_panels: dict = {}
        self._create_layout_actions()
        self.sync_host = SyncHost(self)  # File ▸ Sync now, Team server…, and the sync status in the status bar
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_storage_widgets()
        self.db_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self._show_database_path(db_path)
        self.account_list.account_selected.connect(self._on_account_selected)
        # F2 renames what has the focus: a card on the map (the view's own key), the account in the list.
        self.account_list.rename_requested.connect(self._on_rename_account)
        self.language_group.triggered.connect(self._on_language_triggered)
        self._restore_window_state()
        self._update_actions()

    def _show_database_path(self, path: Path) -> None:
        name = elided(Path(path).name, self.fontMetrics(), 400, Qt.TextElideMode.ElideMiddle)
        self.setWindowTitle(self.tr("Stakemap — %1").replace("%1", name))
        self.db_label.setText(str(path))

    def show_no_database(self) -> None:
        self.loading_label.setText(
            self.tr("No database is open. Use File ▸ Open database… or File ▸ New database…"))
        self.account_list.model.show_rows([])

    def show_preview(self, rows: list[AccountSummary], select_account: int | None = None) -> None:
        """List the accounts before the workspace is ready; a selection is kept for attach()."""
        self.account_list.model.show_rows(rows)
        self._pending_account = select_account
        self.account_list.select_account(select_account)

    def attach(self, workspace: Workspace, undo_stack: QUndoStack, select_account: int | None = None) -> None:
        """Show and edit ``workspace``; replaces whatever database was shown before."""
        from app.ui.accounts.editor import AccountEditor
        from app.ui.accounts.page import AccountPage
        from app.ui.accounts.profile_panel import AccountProfilePanel
        from app.ui.analysis.panel import AnalysisPanel
        from app.ui.map.person_profile_panel import PersonProfilePanel

        wanted = select_account if select_account is not None else (
            self.account_list.current_account_id() or self._pending_account)
        if self.profile is not None:
            self.profile.flush()
            self.person_profile.flush()
        self.finish_background_work()
        if self.dashboard is not None:  # it shows the database that is being replaced
            self.dashboard.close()
            self.dashboard.deleteLater()
            self.dashboard = None
        self.team_host.discard()
        current_record_tab = self.record_tabs.currentIndex()
        self.record_tabs.clear()
        for old in (self.account_page, self.profile_stack, self.editor, self.analysis_panel,
                    *self.record_panels.values()):
            if old is not None:
                old.deleteLater()
        # The layout's own record of the dock sizes (widget widths can lag behind a pending resize).
        layout_state = self.saveState()
        self.workspace, self.undo_stack = workspace, undo_stack
        self.editor = AccountEditor(workspace, undo_stack, self)
        self.account_page = AccountPage(workspace, undo_stack)
        self.profile = AccountProfilePanel(workspace)
        if self.centralWidget() is self.loading_label:
            # Taken, not deleted: the layout may still be moving it (a geometry animation is its child), and
            # deleting a widget in mid-move crashes Qt.
            self.takeCentralWidget()
            self.loading_label.hide()
        self.setCentralWidget(self.account_page)
        self.person_profile = PersonProfilePanel(workspace)
        self.profile_stack = QStackedWidget()
        self.profile_stack.addWidget(self.profile)
        self.profile_stack.addWidget(self.person_profile)
        self.profile_dock.setWidget(self.profile_stack)
        self.analysis_panel = AnalysisPanel(workspace, self.account_page.map_panel, undo_stack=undo_stack)
        self.analysis_dock.setWidget(self.analysis_panel)
        self.record_panels = self._record_panels(workspace, undo_stack)
        for name, panel in self.record_panels.items():
            # Scrollable, so that the panels below the map never make the window taller than a laptop screen.
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(panel)
            self.record_tabs.addTab(scroll, self.record_tab_titles[name])
        self.record_tabs.setCurrentIndex(current_record_tab if current_record_tab >= 0 else 2)
        self.record_panels["snapshots"].set_scene(self.account_page.map_panel.scene)
        self.record_panels["opportunities"].set_scene(self.account_page.map_panel.scene)
        self.record_panels["history"].participant_activated.connect(self._on_analysis_person)
        # New contents must not push the docks wider than the user left them.
        QTimer.singleShot(0, self, lambda: self.restore_dock_state(layout_state))
        self._show_database_path(workspace.database.path)
        self._bind_undo_stack(undo_stack)
        self._fill_page_toolbars()
        self._wire_signals()
        self.account_list.model.attach(workspace)
        self.sync_host.attach(workspace)
        if wanted is None or not self.account_list.select_account(wanted):
            rows = self.account_list.model.summaries()
            if not (rows and self.account_list.select_account(rows[0].id)):
                self._on_account_selected(None)
        self._update_actions()

    # -- construction ---------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _bind_undo_stack(self, stack: QUndoStack) -> None:
        self._unbind_undo_stack()
        self._bound_stack = stack
        stack.canUndoChanged.connect(self._update_undo_actions)
        stack.canRedoChanged.connect(self._update_undo_actions)
        stack.indexChanged.connect(self._update_undo_actions)
        stack.indexChanged.connect(self._on_undo_index_changed)
        self._update_undo_actions()

    def _unbind_undo_stack(self) -> None:
        stack = getattr(self, "_bound_stack", None)
        if stack is not None:
            for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.indexChanged):
                signal.disconnect(self._update_undo_actions)
            stack.indexChanged.disconnect(self._on_undo_index_changed)
        self._bound_stack = None

    def _update_undo_actions(self, *_args) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack is not None and stack.canUndo())
        self.redo_action.setEnabled(stack is not None and stack.canRedo())
        # A command's text can hold a long name; the menu and toolbar must not grow with it.
        metrics = self.fontMetrics()
        undo_text = elided(stack.undoText(), metrics, 320) if stack is not None and stack.canUndo() else ""
        redo_text = elided(stack.redoText(), metrics, 320) if stack is not None and stack.canRedo() else ""
        self.undo_action.setText(self.tr("&Undo %1").replace("%1", undo_text) if undo_text else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo %1").replace("%1", redo_text) if redo_text else self.tr("&Redo"))
        for action in (self.undo_action, self.redo_action):
            action.setToolTip(plain_text(action.text()))

    def _on_undo(self) -> None:
        from app.commands.base import undo_or_failure

        if self.undo_stack is not None:
            self._report_not_saved(undo_or_failure(self.undo_stack))

    def _on_redo(self) -> None:
        from app.commands.base import redo_or_failure

        if self.undo_stack is not None:
            self._report_not_saved(redo_or_failure(self.undo_stack))

    def _report_not_saved(self, failure) -> None:
        if failure is not None:
            from app.ui.common.messages import storage_error_text

            QMessageBox.critical(self, self.tr("Not saved"), storage_error_text(failure))

    def _wire_signals(self) -> None:
        """Connections to the attached workspace's panels (made again on every attach)."""
        self.profile.profile_edited.connect(self.editor.edit_profile)
        self.profile.qualification_edited.connect(self._on_qualification_edited)
        self.profile.add_criterion_requested.connect(self.editor.add_criterion)
        self.profile.remove_criterion_requested.connect(self._on_remove_criterion)
        self.account_page.person_activated.connect(self.editor.edit_person)
        self.analysis_panel.person_activated.connect(self._on_analysis_person)
        self.analysis_panel.analysis_changed.connect(self.account_page.set_analysis)
        self.account_page.map_panel.selection_changed.connect(self._on_map_selection)
        self.person_profile.person_edited.connect(self.editor.edit_person_fields)
        self.person_profile.survey_requested.connect(self.editor.record_survey_answer)
        self.account_page.member_activated.connect(self.editor.edit_member)
        self.account_page.link_activated.connect(self._on_link_activated)
        for view in (self.account_page.people_view, self.account_page.team_view, self.account_page.links_view):
            view.selectionModel().selectionChanged.connect(self._update_actions)
            view.model().modelReset.connect(self._update_actions)
        self.workspace.accounts_changed.connect(self._on_accounts_changed)

    # -- state ----------------------------------------------------------------------------------
    @property
    def account_id(self) -> int | None:
        return self.account_page.account_id if self.account_page is not None else None

    def select_account(self, account_id: int | None) -> bool:
        return self.account_list.select_account(account_id)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._state_restored:
            # First run: the docks in proportion to the window, the map gets most of it.
            self._state_restored = True
            self.apply_default_layout()

    def save_window_state(self) -> None:
        self.settings.save_window_state(self.saveGeometry(), self.state_to_save())
        if self.account_page is not None:
            self.settings.last_account = self.account_id

    def running_exports(self) -> int:
        """Files being written now, from this window and from the dashboard."""
        return len(self._writers) + (len(self.dashboard.writers) if self.dashboard is not None else 0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.running_exports() and not self.replaced:  # a window replaced by another lets its files finish
            answer = QMessageBox.question(
                self, self.tr("Export still running"),
                self.tr("%n file(s) still being written. Close Stakemap once they are done?", "",
                        self.running_exports()))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.dashboard is not None:
            self.dashboard.close()  # remembers where it was
        self.team_host.close()
        if self.profile is not None:
            self.profile.flush()
            self.person_profile.flush()
        self.sync_host.stop(final_sync=not self.replaced)  # a window replaced by another hands the file over
        self.finish_background_work()
        self.save_window_state()
        self._unbind_undo_stack()
        super().closeEvent(event)

    def _update_actions(self, *_args) -> None:
        attached = self.workspace is not None
        for a in (self.new_account_action, self.demo_action, self.backup_action, self.import_action,
                  self.dashboard_action, self.team_action):
            a.setEnabled(attached)
        self._update_undo_actions()
        has_account = self.account_id is not None
        page = self.account_page
        for a in (self.export_action, self.export_pdf_action, self.export_png_action, self.export_svg_action):
            a.setEnabled(has_account)
        self.meeting_pack_action.setEnabled(has_account)
        if page is None:
            for a in (self.rename_account_action, self.delete_account_action, self.add_person_action,
                      self.add_member_action, self.add_existing_member_action, self.add_link_action,
                      self.edit_person_action, self.archive_person_action, self.delete_person_action,
                      self.edit_member_action, self.remove_member_action, self.archive_member_action,
                      self.edit_link_action, self.delete_link_action):
                a.setEnabled(False)
            return
        for a in (self.rename_account_action, self.delete_account_action, self.add_person_action,
                  self.add_member_action, self.add_existing_member_action, self.add_link_action):
            a.setEnabled(has_account)
        person = page.current_person() is not None
        for a in (self.edit_person_action, self.archive_person_action, self.delete_person_action):
            a.setEnabled(has_account and person)
        member = page.current_member() is not None
        for a in (self.edit_member_action, self.remove_member_action, self.archive_member_action):
            a.setEnabled(has_account and member)
        link = page.current_link() is not None
        for a in (self.edit_link_action, self.delete_link_action):
            a.setEnabled(has_account and link)

    # -- slots ----------------------------------------------------------------------------------
    def _on_account_selected(self, account_id: int | None) -> None:
        if self.account_page is None:
            self._pending_account = account_id
            return
        self.account_page.set_account(account_id)
        self.profile.set_account(account_id)
        self.analysis_panel.set_account(account_id)
        for panel in self.record_panels.values():
            panel.set_account(account_id)
        self._update_actions()

    def _on_dashboard(self) -> None:
        from app.ui.dashboard.window import DashboardWindow

        if self.workspace is None:
            return
        if self.dashboard is None:
            # A window of its own, to keep beside the map on a second screen; it closes with this one.
            self.dashboard = DashboardWindow(self.workspace, self, settings=self.settings)
            self.dashboard.setWindowFlag(Qt.WindowType.Window, True)
            self.dashboard.open_account.connect(self._open_from_dashboard)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()
        self.dashboard.refresh()

    def _open_from_dashboard(self, account_id: int) -> None:
        self.select_account(account_id)
        self.raise_()
        self.activateWindow()

    def finish_background_work(self) -> None:
        """Let workers reading the database finish before it is closed or its panels are replaced."""
        self.sync_host.stop()
        if self.analysis_panel is not None:
            self.analysis_panel.wait()
        if self.account_page is not None:
            self.account_page.map_panel.wait_for_layout()
        for worker in list(self._writers):
            worker.wait()
        if self.dashboard is not None:
            self.dashboard.wait()
        self.team_host.wait()

    @staticmethod
    def _record_panels(workspace, undo_stack) -> dict:
        from app.ui.records.actions import ActionsPanel
        from app.ui.records.history import HistoryPanel
        from app.ui.records.needs import NeedsPanel
        from app.ui.records.opportunities import OpportunitiesPanel
        from app.ui.records.satisfaction import SatisfactionPanel
        from app.ui.records.snapshots import SnapshotsPanel

        return {"needs": NeedsPanel(workspace, undo_stack), "history": HistoryPanel(workspace, undo_stack),
                "actions": ActionsPanel(workspace, undo_stack),
                "opportunities": OpportunitiesPanel(workspace, undo_stack),
                "snapshots": SnapshotsPanel(workspace, undo_stack),
                "satisfaction": SatisfactionPanel(workspace, undo_stack)}

    def _on_map_selection(self, keys: list) -> None:
        """One person selected on the map: the profile dock shows them and the panels beside the map narrow
        to them; otherwise the account."""
        people = [k for k in keys if k[0] == "person"]
        person_id = people[0][1] if len(people) == 1 else None
        for name in ("needs", "history", "actions", "satisfaction"):
            self.record_panels[name].set_person_filter(person_id)
        self.record_panels["history"].set_default_participants(keys)
        if len(keys) == 1 and people:
            self.person_profile.set_person(people[0][1])
            self.profile_stack.setCurrentWidget(self.person_profile)
            self.profile_dock.setWindowTitle(self.tr("Person profile"))
        else:
            self.person_profile.flush()
            self.profile_stack.setCurrentWidget(self.profile)
            self.profile_dock.setWindowTitle(self.tr("Account profile"))

    def _on_analysis_person(self, key) -> None:
        page = self.account_page
        page.tabs.setCurrentWidget(page.map_panel)
        page.map_panel.view.focus_on(key)

    def _on_accounts_changed(self, _change) -> None:
        self._update_actions()

    def _on_undo_index_changed(self, _index: int) -> None:
        self.statusBar().showMessage(self.tr("Saved"), 2000)

    def _on_new_account(self) -> None:
        account_id = self.editor.new_account()
        if account_id is not None:
            self.account_list.search.clear()
            self.select_account(account_id)

    def _on_rename_account(self) -> None:
        if self.account_id is not None:
            self.editor.rename_account(self.account_id)

    def _on_delete_account(self) -> None:
        if self.account_id is not None:
            self.editor.delete_account(self.account_id)

    def _on_add_person(self) -> None:
        if self.account_id is not None:
            person_id = self.editor.add_person(self.account_id)
            if person_id is not None:
                self.account_page.select_person(person_id)

    def _on_edit_person(self) -> None:
        if (pid := self.account_page.current_person()) is not None:
            self.editor.edit_person(pid)

    def _on_archive_person(self) -> None:
        if (pid := self.account_page.current_person()) is not None:
            self.editor.toggle_archive_person(pid)

    def _on_delete_person(self) -> None:
        if (pid := self.account_page.current_person()) is not None:
            self.editor.delete_person(pid)

    def _on_add_member(self) -> None:
        if self.account_id is not None:
            self.editor.add_member(self.account_id)

    def _on_add_existing_member(self) -> None:
        if self.account_id is not None:
            self.editor.add_existing_member(self.account_id)

    def _on_edit_member(self) -> None:
        if (mid := self.account_page.current_member()) is not None:
            self.editor.edit_member(mid)

    def _on_remove_member(self) -> None:
        if self.account_id is not None and (mid := self.account_page.current_member()) is not None:
            self.editor.remove_member(self.account_id, mid)

    def _on_archive_member(self) -> None:
        if (mid := self.account_page.current_member()) is not None:
            self.editor.toggle_archive_member(mid)

    def _on_add_link(self) -> None:
        if self.account_id is not None:
            self.editor.add_link(self.account_id)

    def _on_edit_link(self) -> None:
        if self.account_id is not None and (lid := self.account_page.current_link()) is not None:
            self.editor.edit_link(self.account_id, lid)

    def _on_link_activated(self, link_id: int) -> None:
        if self.account_id is not None:
            self.editor.edit_link(self.account_id, link_id)

    def _on_delete_link(self) -> None:
        if (lid := self.account_page.current_link()) is not None:
            self.editor.delete_link(lid)

    def _on_qualification_edited(self, criterion_id: int, field: str, value) -> None:
        model = self.profile.qualification
        row = next(r for r in range(model.rowCount()) if model.criterion_at(r).id == criterion_id)
        self.editor.edit_qualification(self.account_id, criterion_id, field, value, model.label(row))

    def _on_remove_criterion(self, criterion_id: int) -> None:
        model = self.profile.qualification
        row = next(r for r in range(model.rowCount()) if model.criterion_at(r).id == criterion_id)
        self.editor.remove_criterion(criterion_id, model.label(row))

    def _on_find(self) -> None:
        if self.focus_map_action.isChecked():
            self.focus_map_action.setChecked(False)
        self.accounts_dock.show()
        self.accounts_dock.raise_()
        self.account_list.search.setFocus()
        self.account_list.search.selectAll()

    def _on_load_demo(self) -> None:
        created = self.workspace.load_demo()
        if created:
            self.statusBar().showMessage(self.tr("Loaded %n demo account(s)", "", len(created)), 5000)
        else:
            self.statusBar().showMessage(self.tr("The demo accounts are already here"), 5000)

    def _on_language_triggered(self, action: QAction) -> None:
        code = action.data()
        if code != self.language:
            self.language_requested.emit(code)

    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About Stakemap"),
                          self.tr("Stakemap %1\nDecision maps of key-account buying committees.").replace(
                              "%1", __version__))
