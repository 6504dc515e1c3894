"""The map's legend: what the colours, lines and badges mean. Shown over the map, can be hidden."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.i18n import labels
from app.views.map import style

ROW = 20
SWATCH = 28


class MapLegend(QWidget):
    """Starts folded to its title, so it does not cover the map; a click unfolds or folds it."""

    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.expanded = False
        self.max_height: int | None = None  # the map's height: taller content scrolls with the wheel
        self._offset = 0
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._stances = labels.stances()
        self._kinds = labels.link_kinds()
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(8.5, self._font.pointSizeF() - 0.5))
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

    def content_height(self) -> int:
        return len(self._rows()) * ROW + 16

    def scroll_range(self) -> int:
        return max(0, self.content_height() - self.height()) if self.expanded else 0

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

    def _header(self) -> str:
        return self.tr("Legend") + ("  ▾" if self.expanded else "  ▸")

    def _rows(self) -> list[tuple[str, object]]:
        rows: list[tuple[str, object]] = [("header", self._header())]
        if not self.expanded:
            return rows
        rows += [("title", self.tr("Stance"))]
        rows += [("stance", s) for s in ("advocate", "supporter", "neutral", "skeptic", "opponent", "unknown")]
        rows += [("title", self.tr("Links"))]
        rows += [("link", k) for k in ("reports_to", "dotted_line", "influences", "ally", "rival", "knows", "covers")]
        rows += [("title", self.tr("Cards"))]
        rows += [("member", None), ("influence", None)]
        return rows

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetrics(self._font)
        if not self.expanded:
            return QSize(metrics.horizontalAdvance(self._header()) + 24, ROW + 12)
        texts = [self.tr("Our team member"), self.tr("Declared influence (size, dots)")]
        texts += list(self._stances.values()) + list(self._kinds.values())
        texts.append(self._kinds["covers"] + " " + self.tr("(thicker = closer)"))
        width = max(metrics.horizontalAdvance(t) for t in texts) + SWATCH + 34
        height = self.content_height()
        if self.max_height is not None and height > self.max_height:
            height = max(ROW * 3, self.max_height)
        return QSize(width, height)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#b0bec5"), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(self._font)
        painter.setClipRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        y = 6 - self._offset
        for kind, value in self._rows():
            mid = y + ROW / 2
            text_x = 12 + SWATCH + 8
            if kind == "header":
                bold = QFont(self._font)
                bold.setBold(True)
                painter.setFont(bold)
                painter.setPen(style.SELECTION)
                painter.drawText(QRectF(10, y - 2, self.width() - 20, ROW), Qt.AlignmentFlag.AlignVCenter, value)
                painter.setFont(self._font)
                y += ROW
                continue
            if kind == "title":
                bold = QFont(self._font)
                bold.setBold(True)
                painter.setFont(bold)
                painter.setPen(style.TEXT)
                painter.drawText(QRectF(10, y, self.width() - 20, ROW), Qt.AlignmentFlag.AlignVCenter, value)
                painter.setFont(self._font)
                y += ROW
                continue
            if kind == "stance":
                painter.setPen(QPen(style.CARD_BORDER, 1, Qt.PenStyle.DashLine if value == "unknown" else
                                    Qt.PenStyle.SolidLine))
                painter.setBrush(style.STANCE_COLORS[value])
                painter.drawRoundedRect(QRectF(12, mid - 6, SWATCH, 12), 3, 3)
                painter.setPen(QColor("#ffffff") if value in ("advocate", "opponent") else style.TEXT)
                painter.drawText(QRectF(12, mid - 7, SWATCH, 14), Qt.AlignmentFlag.AlignCenter,
                                 style.STANCE_SIGNS[value])
                label = self._stances[value]
            elif kind == "link":
                pen = style.link_pen(value, 3)
                pen.setWidthF(min(pen.widthF(), 3.0))
                painter.setPen(pen)
                painter.drawLine(QPointF(12, mid), QPointF(12 + SWATCH, mid))
                if style.has_arrow(value):
                    painter.setBrush(pen.color())
                    painter.setPen(Qt.PenStyle.NoPen)
                    tip = QPointF(12 + SWATCH, mid)
                    painter.drawPolygon([tip, QPointF(tip.x() - 7, mid - 4), QPointF(tip.x() - 7, mid + 4)])
                label = self._kinds[value]
                if value == "covers":
                    label += " " + self.tr("(thicker = closer)")
            elif kind == "member":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(style.MEMBER_FILL)
                painter.drawRoundedRect(QRectF(12, mid - 7, SWATCH, 14), 7, 7)
                label = self.tr("Our team member")
            else:
                painter.setPen(QPen(style.SUBTLE_TEXT, 1))
                for i in range(5):
                    painter.setBrush(style.TEXT if i < 3 else Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(QPointF(14 + i * 6, mid), 2.4, 2.4)
                label = self.tr("Declared influence (size, dots)")
            painter.setPen(style.TEXT)
            painter.drawText(QRectF(text_x, y, self.width() - text_x - 6, ROW), Qt.AlignmentFlag.AlignVCenter, label)
            y += ROW
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
