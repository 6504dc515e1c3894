"""The window's side of conflicts and who-did-what: View ▸ Sync conflicts… (and ``show_conflicts`` for the
status bar's click) opens the Conflicts dock; the map's cards carry a badge while a conflict of theirs is open,
and cards and links say in their tooltip who last changed them on the team server."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from app.i18n import translate
from app.ui.common.stamp_text import stamp_text
from app.ui.common.widgets import plain_text


class ConflictsHost(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.workspace = None
        self.undo_stack = None
        self.panel = None
        self.dock: QDockWidget | None = None
        self.action = QAction(translate("Conflicts", "Sync &conflicts…"), window)
        self.action.setToolTip(plain_text(self.action.text()))
        self.action.setEnabled(False)
        self.action.triggered.connect(self.show_conflicts)
        self._scene = None
        self._me = None
        self._badges_due = False
        self._follows_button = False
        self._conflicts_seen = -1

    def attach(self, workspace, undo_stack) -> None:
        self.discard()
        self.workspace, self.undo_stack = workspace, undo_stack
        self._me = workspace.team_user()
        self.action.setEnabled(True)
        scene = self.window.account_page.map_panel.scene
        self._scene = scene
        scene.team_note = self.note
        scene.content_changed.connect(self.refresh_badges)
        self.team_changes = None
        if self._me is not None:  # a team replica: the History tab lists what teammates changed
            from app.ui.team.history_changes import TeamChangesList

            self.team_changes = TeamChangesList(workspace)
            self.window.record_panels["history"].splitter.addWidget(self.team_changes)
            self.window.account_list.account_selected.connect(self.team_changes.set_account)
            self.team_changes.set_account(self.window.account_id)
        for signal in (workspace.conflicts_changed, workspace.people_changed, workspace.team_changed):
            signal.connect(self.refresh_badges)
        self.refresh_badges()

    def follow_sync(self, sync_host) -> None:
        """Follow the background sync: a sync that opens or closes conflicts updates the panel and the badges,
        and a click on the status bar while conflicts are open opens the Conflicts dock too."""
        if not self._follows_button:
            self._follows_button = True
            sync_host.button.clicked.connect(lambda *_: self._on_status_clicked(sync_host))
        controller = sync_host.controller
        if controller is not None:
            controller.state_changed.connect(self._on_sync_state)

    def _on_status_clicked(self, sync_host) -> None:
        controller = sync_host.controller
        if controller is not None and controller.state.conflicts:
            self.show_conflicts()

    def _on_sync_state(self, state) -> None:
        if self.workspace is not None and state.conflicts != self._conflicts_seen:
            from app.document.records import Change

            self._conflicts_seen = state.conflicts
            self.workspace.conflicts_changed.emit(Change("conflict", ()))

    def discard(self) -> None:
        if self.panel is not None:
            self.panel.deleteLater()
            self.panel = None
        if self.dock is not None:
            self.dock.setWidget(None)
        self.workspace = None

    def show_conflicts(self, conflict_id: int | None = None) -> None:
        """Open the Conflicts dock (on ``conflict_id``, when given)."""
        if self.workspace is None:
            return
        from app.ui.team.conflicts_panel import ConflictsPanel

        if self.dock is None:
            self.dock = QDockWidget(translate("Conflicts", "Sync conflicts"), self.window)
            self.dock.setObjectName("ConflictsDock")
            # Below the map only: the docks on the right keep the window's full height.
            self.window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        if self.panel is None:
            from PySide6.QtWidgets import QScrollArea

            self.panel = ConflictsPanel(self.workspace, self.undo_stack)
            self.panel.row_activated.connect(self._open_row)
            # Scrollable, so that the dock never makes the window taller than a laptop screen.
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(self.panel)
            self.dock.setWidget(scroll)
        self.panel.reload()
        was_hidden = not self.dock.isVisible()
        self.dock.show()
        self.dock.raise_()
        if was_hidden:  # a third of the window: the lists readable, the map still the largest part
            self._size_dock()
            QTimer.singleShot(0, self, self._size_dock)  # again once the layout has placed the new dock
        if isinstance(conflict_id, int) and not isinstance(conflict_id, bool):
            self.panel.select_conflict(conflict_id)

    def _size_dock(self) -> None:
        if self.dock is not None:
            self.window.resizeDocks([self.dock], [max(240, self.window.height() // 3)], Qt.Orientation.Vertical)

    def _open_row(self, target) -> None:
        account_id, key = target
        self.window.select_account(account_id)
        self.window._on_analysis_person(key)

    # -- the map --------------------------------------------------------------------------------
    def refresh_badges(self, *_args) -> None:
        # Several signals arrive for one change: the badges are counted once, after them.
        if not self._badges_due:
            self._badges_due = True
            QTimer.singleShot(0, self, self._apply_badges)

    def _apply_badges(self) -> None:
        self._badges_due = False
        scene = self._scene
        if self.workspace is None or scene is None or scene.account_id is None:
            return
        if not self.workspace.database.is_open:  # the window outlived its file (closed at quit): nothing to mark
            return
        counts = self.workspace.conflicted_rows(scene.account_id)
        for card in scene.card_items():
            table = "team_member" if card.key[0] == "member" else "person"
            n = counts.get((table, card.key[1]), 0)
            if n != card.conflicts:
                card.conflicts = n
                card.update()

    def note(self, key) -> str:
        """The tooltip line of a card or link: who last changed it on the team server, and when."""
        if self.workspace is None:
            return ""
        table = {"person": "person", "member": "team_member", "link": "link"}[key[0]]
        stamp = self.workspace.last_changes(table, [key[1]]).get(key[1])
        text = stamp_text(stamp, self._me)
        if key[0] != "link" and self._scene is not None:
            card = self._scene.card(key)
            if card is not None and card.conflicts:
                text = "\n".join(t for t in (text, translate("Conflicts", "A sync conflict waits: View ▸ Sync "
                                                                       "conflicts…")) if t)
        return text
