"""The map's view: zoom, pan, fit, keyboard editing, and the switch to an overview when zoomed out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeySequence, QNativeGestureEvent, QPainter, QPixmapCache
from PySide6.QtWidgets import QGraphicsView, QPinchGesture

from app.views.map.scene import MapScene

MIN_SCALE, MAX_SCALE = 0.01, 4.0
# Far out the whole map is drawn as one picture: always below FAR_OUT, and below CROWDED on a big map, where
# hundreds of cards painting themselves (names only at that scale) would make every frame slow.
FAR_OUT, CROWDED, CROWDED_CARDS = 0.1, 0.33, 400
NUDGE, BIG_NUDGE = 10.0, 50.0
MAX_FIT_SCALE = 1.0
SCROLL_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
               Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End)


class MapView(QGraphicsView):
    zoom_changed = Signal(float)
    nudge_requested = Signal(object, object)  # new {key: (x, y)}, old {key: (x, y)}
    delete_requested = Signal(object, object)  # card keys, link ids
    rename_requested = Signal(object)  # card key

    def __init__(self, scene: MapScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(Qt.GlobalColor.white)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.actionTriggered.connect(self._on_scrolled_by_user)
        # Room for the overview's cached rendering of a full-screen map (the default 10 MB is one 1080p frame).
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 96 * 1024))
        self._middle_pan: QPointF | None = None
        self.reserved_left = 0  # pixels on the left that an overlay (the legend) covers
        # True from a fit until the user zooms, pans or scrolls: the panel re-fits on resize only while it holds.
        self.auto_fit = True

    # -- zoom -----------------------------------------------------------------------------------
    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float, anchor_under_mouse: bool = True) -> None:
        """Zoom as the user asked (wheel, pinch, buttons): this ends the automatic re-fitting."""
        self.auto_fit = False
        current = self.scale_factor()
        factor = max(MIN_SCALE / current, min(MAX_SCALE / current, factor))
        if abs(factor - 1.0) < 1e-6:
            return
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse if anchor_under_mouse
                                     else QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor, factor)
        self._after_zoom()

    def set_zoom(self, scale: float) -> None:
        self.zoom_by(scale / self.scale_factor(), anchor_under_mouse=False)

    def fit_all(self) -> None:
        """Show the whole map, clear of the legend on the left when it is shown."""
        rect = self.map_scene.content_rect()
        viewport = self.viewport().rect()
        left = self.reserved_left if self.reserved_left < viewport.width() / 2 else 0
        width, height = max(viewport.width() - left - 16, 50), max(viewport.height() - 16, 50)
        # Capped at actual size: a map of three people stays at reading size instead of giant cards.
        scale = min(width / max(rect.width(), 1.0), height / max(rect.height(), 1.0), MAX_FIT_SCALE)
        self.resetTransform()
        self.scale(scale, scale)
        # Centre the map in the part of the view that the legend leaves free.
        self.centerOn(rect.center() - QPointF(left / 2 / scale, 0))
        self._after_zoom()
        self.auto_fit = True

    def focus_on(self, key, zoom: float | None = None) -> None:
        card = self.map_scene.card(key)
        if card is None:
            return
        if zoom is not None or self.map_scene.overview_mode:
            self.set_zoom(zoom or 0.8)
        self.map_scene.clearSelection()
        card.setSelected(True)
        self.centerOn(card)
        self.auto_fit = False

    def _after_zoom(self) -> None:
        scale = self.scale_factor()
        crowded = len(self.map_scene.card_items()) > CROWDED_CARDS
        self.map_scene.set_overview(scale < FAR_OUT or (crowded and scale < CROWDED))
        self.zoom_changed.emit(self.scale_factor())

    def wheelEvent(self, event) -> None:  # noqa: N802
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if delta:
            self.zoom_by(1.0015 ** delta)
        event.accept()

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor())
                return True
        if isinstance(event, QNativeGestureEvent) and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value())
            return True
        return super().viewportEvent(event)

    # -- pan and select -------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton:
            self._middle_pan = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        scene_pos = self.mapToScene(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and self.map_scene.overview_mode:
            card = self.map_scene.card_at(scene_pos)
            if card is not None:  # far out, a click zooms in on the card
                self.focus_on(card.key, zoom=0.8)
                event.accept()
                return
        over_item = self._card_or_link_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and not over_item:
            # Empty space: drag pans; with Shift it draws a selection rectangle.
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag if shift else QGraphicsView.DragMode.ScrollHandDrag)
        super().mousePressEvent(event)

    def _card_or_link_at(self, point) -> bool:
        item = self.itemAt(point)
        return item is not None and item is not self.map_scene.overview

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._middle_pan is not None or (self.dragMode() == QGraphicsView.DragMode.ScrollHandDrag
                                             and event.buttons() & Qt.MouseButton.LeftButton):
            self.auto_fit = False  # the user pans
        if self._middle_pan is not None:
            delta = event.position() - self._middle_pan
            self._middle_pan = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton and self._middle_pan is not None:
            self._middle_pan = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)

    # -- keyboard -------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802
        scene = self.map_scene
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if scene.selected_keys() or scene.selected_link_ids():
                self.delete_requested.emit(scene.selected_keys(), scene.selected_link_ids())
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            for card in scene.card_items():
                if scene.is_shown(card):
                    card.setSelected(True)
            event.accept()
            return
        if key == Qt.Key.Key_F2 and len(scene.selected_keys()) == 1:
            self.rename_requested.emit(scene.selected_keys()[0])
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            scene.clearSelection()
            event.accept()
            return
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
                  Qt.Key.Key_Down: (0, 1)}
        if key in arrows and scene.selected_keys():
            step = BIG_NUDGE if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NUDGE
            dx, dy = arrows[key]
            old = scene.positions(scene.selected_keys())
            new = {k: (x + dx * step, y + dy * step) for k, (x, y) in old.items()}
            self.nudge_requested.emit(new, old)
            event.accept()
            return
        if key in SCROLL_KEYS:
            self.auto_fit = False  # the keys scroll the view
        super().keyPressEvent(event)

    def _on_scrolled_by_user(self, _action: int) -> None:
        self.auto_fit = False

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()
