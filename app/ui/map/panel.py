"""The map tab: the decision map of the selected account with its toolbar, legend and mini-map."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPointF, QRectF, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSpinBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.document import Workspace
from app.ui.common.failures import with_detail
from app.ui.map.controller import MapController
from app.ui.map.layout_runner import LayoutRunner, compute, layout_names, snapshot
from app.ui.map.legend import MapLegend
from app.ui.map.minimap import MiniMap
from app.views.map.scene import ANIMATE_MS, MapScene
from app.views.map.view import MapView

SYNC_LAYOUT_LIMIT = 400  # first placement of a map this small is instant; bigger ones go to a worker


class MapPanel(QWidget):
    selection_changed = Signal(object)  # list of selected card keys

    def __init__(self, workspace: Workspace, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.scene = MapScene(workspace, self)
        self.view = MapView(self.scene)
        self.controller = MapController(workspace, stack, self.scene, self)
        self.runner: LayoutRunner | None = None
        self.rename_editor: QLineEdit | None = None
        self._fit_pending = False

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._create_actions()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a person (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(220)
        self.search.setMinimumWidth(150)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search.setCompleter(completer)
        self.focus_box = QCheckBox(self.tr("Dim beyond"))
        self.focus_box.setToolTip(self.tr("Dim everyone more than N links away from the selected person"))
        self.focus_depth = QSpinBox()
        self.focus_depth.setRange(1, 6)
        self.focus_depth.setValue(2)
        self.focus_depth.setSuffix(self.tr(" links"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(140)
        self.progress.setRange(0, 100)
        self.cancel_action = QAction(self.tr("Cancel"), self)
        self.cancel_action.setToolTip(self.tr("Stop the auto-layout"))
        self._fill_toolbar()

        # Overlays are children of the view, not of its viewport: scrolling moves a viewport's children.
        self.legend = MapLegend(self.view)
        self.minimap = MiniMap(self.view, self.view)
        self.empty_label = QLabel(self.tr("This account has nobody on its map yet. Double-click the map or use "
                                          "“Add person” to start."), self.view)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #5f6368; background: transparent;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        self._wire_signals()
        self.view.viewport().installEventFilter(self)

    # -- construction ---------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, checkable: bool = False, tip: str | None = None) -> QAction:
        action = QAction(text, self, checkable=checkable)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        K = QKeySequence
        self.add_person_action = self._action(self.tr("Add person"), lambda: self.controller.add_person_at(
            self._free_point()))
        self.add_member_action = self._action(self.tr("Add team member"), lambda: self.controller.add_member_at(
            self._free_point()))
        self.key_roles_action = self._action(self.tr("Decision-makers and influencers only"),
                                             self._on_filters_changed, checkable=True)
        self.hide_team_action = self._action(self.tr("Hide our team"), self._on_filters_changed, checkable=True)
        self.legend_action = self._action(self.tr("Legend"), self._on_overlays_changed, checkable=True)
        self.legend_action.setChecked(True)
        self.minimap_action = self._action(self.tr("Mini-map"), self._on_overlays_changed, checkable=True)
        self.minimap_action.setChecked(True)
        self.fit_action = self._action(self.tr("Fit"), self.view.fit_all, tip=self.tr("Show the whole map (F)"))
        fit_key = QAction(self)  # plain F only while the map itself has focus, not while typing in a field
        fit_key.setShortcut(K("F"))
        fit_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        fit_key.triggered.connect(self.view.fit_all)
        self.view.addAction(fit_key)
        self.zoom_in_action = self._action(self.tr("Zoom in"), lambda: self.view.zoom_by(1.25, False),
                                           [K(K.StandardKey.ZoomIn), K("Ctrl+=")])
        self.zoom_out_action = self._action(self.tr("Zoom out"), lambda: self.view.zoom_by(0.8, False),
                                            K(K.StandardKey.ZoomOut))
        self.zoom_reset_action = self._action(self.tr("Actual size"), lambda: self.view.set_zoom(1.0), K("Ctrl+0"))
        self.find_action = self._action(self.tr("Find person"), self._on_find, K(K.StandardKey.Find))
        self.layout_actions = {}
        for name, label in layout_names().items():
            self.layout_actions[name] = self._action(label, lambda _c=False, n=name: self.run_layout(n))

    def _fill_toolbar(self) -> None:
        tb = self.toolbar
        tb.addAction(self.add_person_action)
        tb.addAction(self.add_member_action)
        tb.addSeparator()
        layout_button = QToolButton()
        layout_button.setText(self.tr("Auto-layout"))
        layout_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(layout_button)
        for action in self.layout_actions.values():
            menu.addAction(action)
        layout_button.setMenu(menu)
        tb.addWidget(layout_button)
        # Widgets in a toolbar are shown and hidden through their actions.
        self.progress_action = tb.addWidget(self.progress)
        tb.addAction(self.cancel_action)
        self._show_progress(False)
        filter_button = QToolButton()
        filter_button.setText(self.tr("Show"))
        filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        filter_menu = QMenu(filter_button)
        for action in (self.key_roles_action, self.hide_team_action, None, self.legend_action, self.minimap_action):
            filter_menu.addSeparator() if action is None else filter_menu.addAction(action)
        filter_button.setMenu(filter_menu)
        tb.addWidget(filter_button)
        tb.addSeparator()
        tb.addAction(self.fit_action)
        tb.addAction(self.zoom_out_action)
        tb.addAction(self.zoom_in_action)
        tb.addSeparator()
        self.search_action = tb.addWidget(self.search)
        # Last, so that on a narrow map it is the dimming that goes behind the ›› button, not fit, zoom or find.
        tb.addSeparator()
        tb.addWidget(self.focus_box)
        tb.addWidget(self.focus_depth)

    def _wire_signals(self) -> None:
        scene, c = self.scene, self.controller
        scene.cards_moved.connect(c.cards_moved)
        scene.connect_requested.connect(self._on_connect_requested)
        scene.add_requested.connect(self._on_add_requested)
        scene.edit_requested.connect(c.edit)
        scene.link_edit_requested.connect(c.edit_link)
        scene.context_requested.connect(c.context_menu)
        scene.unplaced.connect(self._on_unplaced)
        scene.content_changed.connect(self._on_content_changed)
        scene.selectionChanged.connect(self._on_selection_changed)
        self.view.nudge_requested.connect(c.nudge)
        self.view.delete_requested.connect(c.delete)
        self.view.rename_requested.connect(self.start_rename)
        self.view.zoom_changed.connect(self._on_view_moved)
        self.view.horizontalScrollBar().valueChanged.connect(self._on_view_moved)
        self.view.verticalScrollBar().valueChanged.connect(self._on_view_moved)
        self.legend.toggled.connect(self._on_view_moved)
        c.focus_requested.connect(self._on_focus_requested)
        self.focus_box.toggled.connect(self._on_focus_changed)
        self.focus_depth.valueChanged.connect(self._on_focus_changed)
        self.search.returnPressed.connect(self._on_search)
        self.search.completer().activated.connect(lambda _text: self._on_search())
        self.cancel_action.triggered.connect(self._on_cancel_layout)

    # -- showing an account ---------------------------------------------------------------------
    def show_account(self, account_id: int | None) -> None:
        self._on_cancel_layout()
        self.scene.show_account(account_id)
        self._fit_pending = True
        QTimer.singleShot(0, self, self._fit_once)

    def _fit_once(self) -> None:
        """Fit a newly shown account, and fit again when the view changes size, until the user zooms or pans."""
        if not self._alive() or self.view.viewport().width() <= 50:
            return
        if self._fit_pending or self.view.auto_fit:
            self._fit_pending = False
            self.view.fit_all()

    def _on_content_changed(self) -> None:
        rect = self.scene.cards_rect()
        self.scene.setSceneRect(rect.adjusted(-rect.width(), -rect.height(), rect.width(), rect.height()))
        people = sorted({c.record.name for c in self.scene.card_items()})
        self._names.setStringList(people)
        self.empty_label.setVisible(self.scene.account_id is not None and not people)
        self._place_overlays()

    def _on_unplaced(self, keys: list) -> None:
        account_id = self.scene.account_id
        QTimer.singleShot(0, self, lambda: self._place_new(keys, account_id))

    def _alive(self) -> bool:
        """False once the panel is being torn down: deferred calls may still arrive then."""
        return shiboken6.isValid(self) and shiboken6.isValid(self.view) and shiboken6.isValid(self.scene)

    def _place_new(self, keys: list, account_id: int | None) -> None:
        if not self._alive() or not self._ws.database.is_open or account_id != self.scene.account_id:
            return  # another account is shown by now; it placed its own cards
        keys = [k for k in keys if self.scene.card(k) is not None]
        if not keys:
            return
        cards = self.scene.card_items()
        if len(keys) < len(cards):
            # A few newcomers: they stand where the scene put them (below the map) until moved.
            self.controller.place(self.scene.positions(keys))
            return
        nodes, edges = snapshot(self.scene)
        if len(nodes) <= SYNC_LAYOUT_LIMIT:
            self.controller.place(compute("org_chart", nodes, edges, aspect=self._view_aspect()))
            if self._alive():
                self.view.fit_all()
        else:
            self.run_layout("org_chart", first_placement=True)

    # -- layout ---------------------------------------------------------------------------------
    def _view_aspect(self) -> float | None:
        """Width over height of the map's viewport, once it has a size (an org chart wraps to suit it)."""
        port = self.view.viewport()
        return port.width() / port.height() if port.width() > 0 and port.height() > 0 else None

    def run_layout(self, name: str, first_placement: bool = False) -> None:
        if self.scene.account_id is None or not self.scene.card_items():
            return
        self._on_cancel_layout()
        self.scene.finish_animation()
        nodes, edges = snapshot(self.scene)
        runner = LayoutRunner(name, nodes, edges, self._view_aspect())
        runner.progressed.connect(lambda f: self.progress.setValue(int(100 * f)))
        # A result that arrives after a cancel (or a newer layout) is dropped.
        runner.done.connect(lambda n, positions, r=runner: self._on_layout_done(n, positions, first_placement)
                            if r is self.runner else None)
        runner.failed.connect(self._on_layout_failed)
        runner.finished.connect(self._on_runner_finished)
        self.runner = runner
        self.progress.setValue(0)
        self._show_progress(True)
        runner.start()

    def _on_layout_done(self, name: str, positions: dict, first_placement: bool) -> None:
        if first_placement:
            self.controller.place(positions)
            self.view.fit_all()
        else:
            self.controller.apply_layout(name, layout_names()[name], positions)
            def settle() -> None:
                if not self._alive():
                    return
                if name in ("by_role", "by_department"):
                    self._show_frames(name, positions)
                self.view.fit_all()

            QTimer.singleShot(ANIMATE_MS + 50, self, settle)

    def _show_frames(self, name: str, positions: dict) -> None:
        from app.i18n import labels
        from app.layout import group_frames

        nodes, _edges = snapshot(self.scene)
        by = "role" if name == "by_role" else "department"
        roles = labels.buying_roles()
        titles = {"member": self.tr("Our team"), "": self.tr("No department")}
        frames = []
        for label, (x, y, w, h) in group_frames(nodes, positions, by):
            title = titles.get(label) or (roles.get(label, label) if by == "role" else label)
            frames.append((title, QRectF(x, y, w, h)))
        self.scene.show_group_frames(frames)

    def _on_layout_failed(self, detail: str) -> None:
        QMessageBox.warning(self, self.tr("Auto-layout"),
                            with_detail(self.tr("The layout could not be computed."), detail))

    def _show_progress(self, shown: bool) -> None:
        self.progress_action.setVisible(shown)
        self.cancel_action.setVisible(shown)

    def _on_runner_finished(self) -> None:
        self._show_progress(False)
        if self.runner is not None and self.runner.isFinished():
            self.runner.deleteLater()
            self.runner = None

    def _on_cancel_layout(self) -> None:
        if self.runner is not None:
            self.runner.cancel()
            self.runner.wait()
            self.runner = None
        self._show_progress(False)

    def wait_for_layout(self) -> None:
        """Block until a running layout is finished and applied, and the links routed (tests, benchmarks, and
        before the panel is replaced: a routing worker belongs to the scene)."""
        if self.runner is not None:
            self.runner.wait()
        self.scene.router.wait()

    # -- filters, focus and search ----------------------------------------------------------------
    def _on_filters_changed(self) -> None:
        self.scene.set_filters(key_roles_only=self.key_roles_action.isChecked(),
                               hide_team=self.hide_team_action.isChecked())

    def _on_focus_changed(self) -> None:
        selected = self.scene.selected_keys()
        focus = selected[0] if self.focus_box.isChecked() and selected else None
        if self.focus_box.isChecked() and not selected:
            focus = self.scene.filters().get("focus")
        self.scene.set_filters(focus=focus if self.focus_box.isChecked() else None,
                               focus_depth=self.focus_depth.value())

    def _on_focus_requested(self, key) -> None:
        self.view.focus_on(key)
        self.focus_box.setChecked(True)
        self._on_focus_changed()

    def _on_selection_changed(self) -> None:
        keys = self.scene.selected_keys()
        if self.focus_box.isChecked() and keys:
            self._on_focus_changed()
        self.selection_changed.emit(keys)

    def _on_find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search(self) -> None:
        text = self.search.text().strip().casefold()
        if not text:
            return
        cards = [c for c in self.scene.card_items() if self.scene.is_shown(c)]
        exact = [c for c in cards if c.record.name.casefold() == text]
        partial = [c for c in cards if text in c.record.name.casefold()]
        found = (exact or partial)[:1]
        if found:
            self.view.focus_on(found[0].key, zoom=max(self.view.scale_factor(), 0.8))
            self.view.setFocus()

    def _on_connect_requested(self, source, target) -> None:
        from PySide6.QtGui import QCursor

        self.controller.ask_connect(source, target, QCursor.pos())

    def _on_add_requested(self, pos: QPointF) -> None:
        from PySide6.QtGui import QCursor

        self.controller.ask_add_at(pos, QCursor.pos())

    def _free_point(self) -> QPointF:
        return self.view.mapToScene(self.view.viewport().rect().center())

    # -- renaming in place ----------------------------------------------------------------------
    def start_rename(self, key) -> None:
        """Edit a card's name right on the card (F2); Enter keeps it, Escape drops it."""
        card = self.scene.card(key)
        if card is None or self.scene.overview_mode:
            return
        top_left = self.view.mapFromScene(card.mapToScene(card.rect().topLeft()))
        bottom_right = self.view.mapFromScene(card.mapToScene(card.rect().topRight() + QPointF(0, 30)))
        editor = QLineEdit(card.record.name, self.view.viewport())
        editor.setGeometry(top_left.x() + 14, top_left.y() + 4, max(120, bottom_right.x() - top_left.x() - 20),
                           max(24, bottom_right.y() - top_left.y() - 4))
        editor.selectAll()
        editor.show()
        editor.setFocus()
        self.rename_editor = editor

        def finish(keep: bool) -> None:
            if self.rename_editor is not editor:
                return
            self.rename_editor = None
            text = editor.text()
            editor.deleteLater()
            self.view.setFocus()
            if keep:
                self.controller.rename(key, text)

        editor.returnPressed.connect(lambda: finish(True))
        editor.editingFinished.connect(lambda: finish(True))
        escape = QAction(editor)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.triggered.connect(lambda: finish(False))
        editor.addAction(escape)

    # -- overlays -------------------------------------------------------------------------------
    def _on_overlays_changed(self) -> None:
        self._place_overlays()

    def _on_view_moved(self, _value=None) -> None:
        # Scroll bars still report while the panel is being torn down, after the scene's items are gone.
        if self._alive():
            self._place_overlays()

    def _place_overlays(self) -> None:
        area = self.view.viewport().geometry()
        self.legend.setVisible(self.legend_action.isChecked())
        if self.legend.max_height != area.height() - 20:
            self.legend.set_max_height(area.height() - 20)
        self.legend.move(area.left() + 10, area.top() + 10)
        unfolded = self.legend_action.isChecked() and self.legend.expanded
        self.view.reserved_left = self.legend.width() + 20 if unfolded else 0
        # The mini-map helps only when part of the map is out of view.
        whole_map_shown = self.view.visible_scene_rect().contains(self.scene.cards_rect().adjusted(30, 30, -30, -30))
        self.minimap.setVisible(self.minimap_action.isChecked() and bool(self.scene.card_items())
                                and not whole_map_shown)
        self.minimap.move(area.right() - self.minimap.width() - 10, area.bottom() - self.minimap.height() - 10)
        self.empty_label.setGeometry(area.center().x() - 220, area.center().y() - 40, 440, 80)
        for overlay in (self.legend, self.minimap, self.empty_label):
            overlay.raise_()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._place_overlays()
            QTimer.singleShot(0, self, self._fit_once)
        return super().eventFilter(watched, event)
