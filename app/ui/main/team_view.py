"""The main window's part in the team view (View ▸ Our team) and the team templates: one of each at a time,
made when first asked for, gone with the database they show."""

from __future__ import annotations

from PySide6.QtCore import Qt


class TeamViewHost:
    def __init__(self, window) -> None:
        self._window = window
        self.view = None
        self.settings_dialog = None

    def open(self) -> None:
        from app.ui.dashboard.team_window import TeamWindow

        window = self._window
        if window.workspace is None:
            return
        if self.view is None:
            # A window of its own, like the portfolio dashboard beside it; it closes with the main window.
            self.view = TeamWindow(window.workspace, window, settings=window.settings, perform=self._perform)
            self.view.setWindowFlag(Qt.WindowType.Window, True)
            self.view.open_account.connect(window._open_from_dashboard)
            self.view.settings_requested.connect(self.open_settings)
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        self.view.refresh()

    def open_settings(self) -> None:
        from app.ui.common.widgets import perform_or_warn
        from app.ui.dashboard.team_settings import TeamSettingsDialog

        window = self._window
        if window.workspace is None:
            return
        if self.settings_dialog is None:
            parent = self.view if self.view is not None and self.view.isVisible() else window
            self.settings_dialog = TeamSettingsDialog(
                window.workspace, lambda command: perform_or_warn(parent, window.undo_stack, command), parent)
        self.settings_dialog.show()
        self.settings_dialog.raise_()

    def _perform(self, command):
        from app.ui.common.widgets import perform_or_warn

        return perform_or_warn(self.view or self._window, self._window.undo_stack, command)

    def wait(self) -> None:
        if self.view is not None:
            self.view.wait()

    def close(self) -> None:
        for widget in (self.settings_dialog, self.view):
            if widget is not None:
                widget.close()

    def discard(self) -> None:
        """Close and forget both: they show a database that is being replaced."""
        self.close()
        for widget in (self.settings_dialog, self.view):
            if widget is not None:
                widget.deleteLater()
        self.view = self.settings_dialog = None
