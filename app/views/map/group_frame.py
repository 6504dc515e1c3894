"""A titled box behind the cards of one group of a grouped layout."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

GROUP_TITLE_PIXELS = 40  # fits in the gap the grouped layout leaves above each block
SMALLEST_TITLE_PIXELS = 22  # three lines of this still fit in that gap
MOST_TITLE_LINES = 3


def group_frame(scene: QGraphicsScene, title: str, rect: QRectF) -> QGraphicsRectItem:
    box = QGraphicsRectItem(rect)
    box.setPen(QPen(QColor("#cfd8dc"), 2))
    box.setBrush(QColor(236, 239, 241, 160))
    box.setZValue(-2)
    font, fitted = fitted_title(title, rect.width() - 8)
    label = QGraphicsSimpleTextItem(fitted, box)
    label.setToolTip(title)
    label.setFont(font)
    label.setBrush(QColor("#37474f"))
    height = QFontMetricsF(font).lineSpacing() * (fitted.count("\n") + 1)
    label.setPos(rect.left() + 4, rect.top() - max(height, GROUP_TITLE_PIXELS) - 8)
    scene.addItem(box)
    return box


def _font(pixels: int) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(True)
    return font


def _wrapped(title: str, metrics: QFontMetricsF, width: float, most: int) -> list[str]:
    """Greedy lines of at most ``width``: broken at spaces, or between CJK characters; the last is cut short."""
    pieces = title.split(" ") if " " in title else list(title)
    joiner = " " if " " in title else ""
    lines: list[str] = []
    for piece in pieces:
        candidate = f"{lines[-1]}{joiner}{piece}" if lines else piece
        if lines and metrics.horizontalAdvance(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(piece)
    if len(lines) > most:
        lines = lines[: most - 1] + [joiner.join(lines[most - 1:])]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


def fitted_title(title: str, width: float) -> tuple[QFont, str]:
    """The font and text of a group's title in ``width``: smaller type first, then up to three lines, and only
    then cut short — a small group's box is narrow, and its title must not run into the next one."""
    for pixels in range(GROUP_TITLE_PIXELS, SMALLEST_TITLE_PIXELS - 1, -2):
        if QFontMetricsF(_font(pixels)).horizontalAdvance(title) <= width:
            return _font(pixels), title
    font = _font(SMALLEST_TITLE_PIXELS)
    return font, "\n".join(_wrapped(title, QFontMetricsF(font), width, MOST_TITLE_LINES))
