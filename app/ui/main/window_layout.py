"""The main window's layout: the default dock sizes that leave the map most of the window, focus on the map
(F11), reset, and restoring a saved geometry that fits the screen it comes back on. Mixed into MainWindow."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QScreen
from PySide6.QtWidgets import QApplication

from app.i18n import translate

DEFAULT_SIZE = (1280, 800)
# The one dock column, on the right, as a share of the window's width: the map keeps the rest.
SIDE_SHARE, SIDE_MIN, SIDE_MAX = 0.265, 300, 460
RECORD_SHARE = 0.42  # the records' share of the column's height, below the profile


class WindowLayoutMixin:
    def _create_layout_actions(self) -> None:
        self.focus_map_action = QAction(translate("MainWindow", "&Focus on the map"), self, checkable=True)
        self.focus_map_action.setShortcut(QKeySequence("F11"))
        self.focus_map_action.setStatusTip(translate("MainWindow", "Hide the panels so that the map fills the "
                                                                   "window; press F11 again to bring them back"))
        self.focus_map_action.toggled.connect(self._on_focus_map)
        self.reset_layout_action = QAction(translate("MainWindow", "&Reset window layout"), self)
        self.reset_layout_action.setStatusTip(translate("MainWindow", "Put the panels back where they start"))
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self._state_before_focus: QByteArray | None = None

    def _arrange_docks(self) -> None:
        """The docks' places: one column on the right, the accounts, profile and analysis as tabs above the
        records (needs, history, actions…); the central area, the map, gets the rest."""
        right = Qt.DockWidgetArea.RightDockWidgetArea
        for dock in (self.accounts_dock, self.profile_dock, self.analysis_dock, self.record_dock):
            dock.setFloating(False)
            self.addDockWidget(right, dock)
        # Split before tabifying: a dock split off a tabbed one would become one more tab.
        self.splitDockWidget(self.accounts_dock, self.record_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.accounts_dock, self.profile_dock)
        self.tabifyDockWidget(self.profile_dock, self.analysis_dock)
        for dock in (self.accounts_dock, self.profile_dock, self.analysis_dock, self.record_dock):
            dock.show()
        self.profile_dock.raise_()

    def apply_default_layout(self) -> None:
        """Dock sizes in proportion to the window, so that the map has most of it at any size."""
        width = min(max(int(self.width() * SIDE_SHARE), SIDE_MIN), SIDE_MAX)
        self.resizeDocks([self.profile_dock], [width], Qt.Orientation.Horizontal)
        column = max(self.height() - 120, 200)
        self.resizeDocks([self.profile_dock, self.record_dock],
                         [int(column * (1 - RECORD_SHARE)), int(column * RECORD_SHARE)], Qt.Orientation.Vertical)

    def reset_layout(self) -> None:
        """View ▸ Reset window layout: the docks where a fresh start puts them, toolbars shown."""
        if self.focus_map_action.isChecked():
            self._state_before_focus = None  # leave focus without going back to the layout before it
            self.focus_map_action.setChecked(False)
        self.main_toolbar.show()
        self._arrange_docks()
        self.apply_default_layout()

    def _on_focus_map(self, on: bool) -> None:
        if on:
            self._state_before_focus = self.saveState()
            for dock in (self.accounts_dock, self.profile_dock, self.analysis_dock, self.record_dock):
                dock.hide()
            self.main_toolbar.hide()
            self.statusBar().showMessage(translate("MainWindow", "Press F11 to bring the panels back"), 4000)
        elif self._state_before_focus is not None:
            state, self._state_before_focus = self._state_before_focus, None
            self.restore_dock_state(state)

    def restore_dock_state(self, state: QByteArray) -> bool:
        """restoreState without the docks' animation: the layout is in place at once, so the map fits itself to
        its final size rather than to a frame of the animation."""
        animated = self.isAnimated()
        self.setAnimated(False)
        try:
            return self.restoreState(state)
        finally:
            self.setAnimated(animated)

    def state_to_save(self) -> QByteArray:
        """The dock layout to remember: the one before focus mode, so that the next start shows the panels."""
        return self._state_before_focus if self.focus_map_action.isChecked() and self._state_before_focus \
            is not None else self.saveState()

    def _restore_window_state(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is None or not self.restoreGeometry(geometry) or not self._fits_screen():
            self._place_default()
        else:
            self._move_onto_screen()
        self._state_restored = state is not None and self.restore_dock_state(state)
        if not self._state_restored:
            self._arrange_docks()

    def _screen_area(self) -> QRect:
        screen: QScreen | None = self.screen() or QApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, *DEFAULT_SIZE)

    def _fits_screen(self) -> bool:
        """False for a saved geometry bigger than the screen now or off it (a smaller or detached monitor)."""
        area = self._screen_area()
        frame = self.frameGeometry() if not self.isMaximized() else self.normalGeometry()
        return (frame.width() <= area.width() and frame.height() <= area.height()
                and area.intersected(frame).width() >= min(200, frame.width())
                and area.intersected(frame).height() >= min(100, frame.height()))

    def _move_onto_screen(self) -> None:
        """A window that fits the screen but sticks out of it (the screen was rearranged) is moved into it."""
        if self.isMaximized() or self.isFullScreen():
            return
        area, frame = self._screen_area(), self.frameGeometry()
        if not area.contains(frame):
            x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
            y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
            self.move(x, y)

    def _place_default(self) -> None:
        """The default size, shrunk to the screen, centred on it."""
        area = self._screen_area()
        self.setWindowState(Qt.WindowState.WindowNoState)
        width, height = min(DEFAULT_SIZE[0], area.width()), min(DEFAULT_SIZE[1], area.height())
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)
