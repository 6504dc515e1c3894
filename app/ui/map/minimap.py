"""A small picture of the whole map with the visible part framed; click or drag in it to move there."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.views.map.view import MapView


class MiniMap(QWidget):
    def __init__(self, view: MapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.setFixedSize(220, 150)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        view.horizontalScrollBar().valueChanged.connect(self.update)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.zoom_changed.connect(self.update)
        view.map_scene.content_changed.connect(self.update)
        view.map_scene.changed.connect(self.update)

    def _mapping(self) -> tuple[QRectF, float, QPointF]:
        world = self._view.map_scene.cards_rect()
        inner = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        scale = min(inner.width() / max(world.width(), 1), inner.height() / max(world.height(), 1))
        center = inner.center()
        offset = QPointF(center.x() - world.center().x() * scale, center.y() - world.center().y() * scale)
        return world, scale, offset

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(QPen(QColor("#90a4ae"), 1))
        painter.setBrush(QColor(250, 250, 250, 240))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        _world, scale, offset = self._mapping()
        painter.save()
        painter.translate(offset)
        painter.scale(scale, scale)
        painter.drawPicture(0, 0, self._view.map_scene.overview.picture())
        painter.restore()
        visible = self._view.visible_scene_rect()
        frame = QRectF(visible.x() * scale + offset.x(), visible.y() * scale + offset.y(),
                       visible.width() * scale, visible.height() * scale)
        painter.setPen(QPen(QColor("#1a73e8"), 2))
        painter.setBrush(QColor(26, 115, 232, 30))
        painter.drawRect(frame.intersected(QRectF(self.rect())))
        painter.end()

    def _move_to(self, point: QPointF) -> None:
        _world, scale, offset = self._mapping()
        self._view.centerOn((point - offset) / scale)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._move_to(event.position())

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._move_to(event.position())
