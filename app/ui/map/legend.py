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
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._stances = labels.stances()
        self._kinds = labels.link_kinds()
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(8.5, self._font.pointSizeF() - 0.5))
        self.resize(self.sizeHint())

    def set_expanded(self, expanded: bool) -> None:
        self.expanded = expanded
        self.resize(self.sizeHint())
        self.update()
        self.toggled.emit(expanded)

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
        return QSize(width, len(self._rows()) * ROW + 16)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#b0bec5"), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(self._font)
        y = 6
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
        painter.end()

    def showEvent(self, event) -> None:  # noqa: N802
        self.resize(self.sizeHint())
        super().showEvent(event)
