"""The map's legend over the map: folded to its title at first, so it does not cover the map; a click unfolds
or folds it, and in a short map its rows scroll with the wheel. The drawing itself is LegendDrawing, which
the PDF prints too."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QWidget

from app.views.map import style
from app.views.map.legend_drawing import ROW, LegendDrawing


class MapLegend(QWidget):
    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.expanded = False
        self.max_height: int | None = None  # the map's height: taller content scrolls with the wheel
        self._offset = 0
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        font = QFont(self.font())
        font.setPointSizeF(max(8.5, font.pointSizeF() - 0.5))
        self.drawing = LegendDrawing(font)
        self.resize(self.sizeHint())

    def set_expanded(self, expanded: bool) -> None:
        self.expanded = expanded
        self._offset = 0
        self.resize(self.sizeHint())
        self.update()
        self.toggled.emit(expanded)

    def set_max_height(self, height: int | None) -> None:
        """Keep within ``height`` pixels (the map's); what does not fit scrolls instead of being cut off."""
        self.max_height = height
        self._offset = min(self._offset, self.scroll_range())
        self.resize(self.sizeHint())
        self.update()

    def _header(self) -> str:
        return self.tr("Legend") + ("  ▾" if self.expanded else "  ▸")

    def content_height(self) -> int:
        return self.drawing.size(self.expanded, self._header()).height()

    def scroll_range(self) -> int:
        return max(0, self.content_height() - self.height()) if self.expanded else 0

    def sizeHint(self) -> QSize:  # noqa: N802
        size = self.drawing.size(self.expanded, self._header())
        if self.max_height is not None and size.height() > self.max_height:
            size.setHeight(max(ROW * 3, self.max_height))
        return size

    def wheelEvent(self, event) -> None:  # noqa: N802
        if self.scroll_range() == 0:
            event.ignore()  # the map zooms
            return
        self._offset = max(0, min(self.scroll_range(), self._offset - event.angleDelta().y() // 4))
        self.update()
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.set_expanded(not self.expanded)
        event.accept()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        self.drawing.paint(painter, self.width(), self.height(), self.expanded, self._header(), self._offset)
        if self.scroll_range():  # more below or above: say so, and that the wheel shows it
            painter.setPen(style.SELECTION)
            if self._offset < self.scroll_range():
                painter.drawText(QRectF(0, self.height() - ROW, self.width() - 8, ROW),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "▼")
            if self._offset > 0:
                painter.drawText(QRectF(0, 2, self.width() - 8, ROW),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "▲")
        painter.end()

    def showEvent(self, event) -> None:  # noqa: N802
        self.resize(self.sizeHint())
        super().showEvent(event)
