"""A titled box behind the cards of one group of a grouped layout."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

GROUP_TITLE_PIXELS = 40  # fits in the gap the grouped layout leaves above each block


def group_frame(scene: QGraphicsScene, title: str, rect: QRectF) -> QGraphicsRectItem:
    box = QGraphicsRectItem(rect)
    box.setPen(QPen(QColor("#cfd8dc"), 2))
    box.setBrush(QColor(236, 239, 241, 160))
    box.setZValue(-2)
    font = QFont()
    font.setPixelSize(GROUP_TITLE_PIXELS)
    font.setBold(True)
    # A small group's box is narrow: its title is cut to the box so it never runs into the next one.
    fitted = QFontMetricsF(font).elidedText(title, Qt.TextElideMode.ElideRight, rect.width() - 8)
    label = QGraphicsSimpleTextItem(fitted, box)
    label.setToolTip(title)
    label.setFont(font)
    label.setBrush(QColor("#37474f"))
    label.setPos(rect.left() + 4, rect.top() - GROUP_TITLE_PIXELS * 1.3)
    scene.addItem(box)
    return box
