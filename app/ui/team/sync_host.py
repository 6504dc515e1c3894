"""The main window's part in team sync: File ▸ Sync now and File ▸ Team server…, the status bar's button and
its details, the glow on cards a teammate changed; one SyncController per attached workspace."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from app.i18n import translate
from app.ui.common.widgets import plain_text
from app.ui.team.sync_controller import SyncController, SyncState
from app.ui.team.sync_status import SyncDetailsDialog, SyncStatusButton


class SyncHost:
    def __init__(self, window) -> None:
        self._window = window
        self.controller: SyncController | None = None
        self.details: SyncDetailsDialog | None = None
        self.button = SyncStatusButton()
        self.button.clicked.connect(self.open_details)
        window.statusBar().addPermanentWidget(self.button)
        self.sync_action = QAction(translate("TeamSync", "S&ync now"), window)
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.setToolTip(translate("TeamSync", "Send this file's edits to the team server and fetch "
                                                          "the team's"))
        self.sync_action.triggered.connect(lambda: self.controller and self.controller.sync_now("now"))
        self.settings_action = QAction(translate("TeamSync", "&Team server…"), window)
        self.settings_action.setToolTip(plain_text(self.settings_action.text()))
        self.settings_action.triggered.connect(self.open_settings)
        self._show(SyncState())

    def attach(self, workspace) -> None:
        self.stop(final_sync=False)
        if workspace.database.read_only:
            return  # nothing can be written, not even a pulled row: the file waits until it can be
        controller = SyncController(workspace)
        controller.state_changed.connect(self._show)
        controller.cards_changed.connect(self._glow)
        self.controller = controller
        self.settings_action.setEnabled(True)
        controller.start()

    def stop(self, final_sync: bool = True) -> None:
        """Stop syncing the attached workspace (``final_sync``: push what waits first, a few seconds at most)."""
        if self.controller is not None:
            controller, self.controller = self.controller, None
            controller.shutdown(final_sync=final_sync)
            controller.deleteLater()
        if self.details is not None:
            self.details.close()
        self._show(SyncState())

    def _show(self, state: SyncState) -> None:
        self.button.show_state(state)
        self.sync_action.setEnabled(state.joined and not state.busy)
        self.settings_action.setEnabled(self.controller is not None)
        if self.details is not None:
            self.details.show_state(state)

    def _glow(self, cards) -> None:
        from app.ui.team.sync_glow import glow

        page = self._window.account_page
        if page is not None:
            glow(page.map_panel.scene, cards)

    def open_details(self) -> None:
        if self.details is None:
            self.details = SyncDetailsDialog(self._window)
            self.details.sync_requested.connect(lambda: self.controller and self.controller.sync_now("now"))
            self.details.settings_requested.connect(self.open_settings)
        self.details.show_state(self.controller.state if self.controller is not None else SyncState())
        self.details.show()
        self.details.raise_()

    def open_settings(self) -> None:
        from app.ui.team.settings_dialog import TeamServerDialog

        if self.controller is None:
            return
        dialog = TeamServerDialog(self.controller, self._window)
        dialog.exec()
        dialog.deleteLater()
