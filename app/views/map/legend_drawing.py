"""What the map's colours, lines and badges mean, as a drawing: the window shows it over the map (folding,
scrolling) and a PDF prints it beside the map. It paints with a QPainter and is no widget."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from app.i18n import labels, translate
from app.views.map import style

ROW = 20
SWATCH = 28
STANCE_ORDER = ("advocate", "supporter", "neutral", "skeptic", "opponent", "unknown")
LINK_ORDER = ("reports_to", "dotted_line", "influences", "ally", "rival", "knows", "covers")
# What a shareable file leaves out (DESIGN.md "shareable"): stances, influence and rival links.
PRIVATE_KINDS = ("rival",)


# The window's legend had these strings first: their translations keep its context, "MapLegend".
class LegendDrawing:
    """The legend's rows and how to paint them. ``header`` is the first row's text (None: no header row)."""

    def __init__(self, font: QFont, shareable: bool = False) -> None:
        self.font = QFont(font)
        self.shareable = shareable
        self._stances = labels.stances()
        self._kinds = labels.link_kinds()

    def rows(self, expanded: bool = True, header: str | None = None) -> list[tuple[str, object]]:
        rows: list[tuple[str, object]] = [("header", header)] if header is not None else []
        if not expanded:
            return rows
        if not self.shareable:
            rows += [("title", translate("MapLegend", "Stance"))]
            rows += [("stance", s) for s in STANCE_ORDER]
        rows += [("title", translate("MapLegend", "Links"))]
        rows += [("link", k) for k in LINK_ORDER if not (self.shareable and k in PRIVATE_KINDS)]
        rows += [("title", translate("MapLegend", "Cards"))]
        rows += [("member", None)] + ([] if self.shareable else [("influence", None)])
        return rows

    def size(self, expanded: bool = True, header: str | None = None) -> QSize:
        metrics = QFontMetrics(self.font)
        rows = self.rows(expanded, header)
        if not expanded:
            return QSize(metrics.horizontalAdvance(header or "") + 24, ROW + 12)
        texts = [translate("MapLegend", "Our team member"), translate("MapLegend", "Declared influence (size, dots)"),
                 header or ""]
        texts += list(self._stances.values()) + list(self._kinds.values())
        texts.append(self._kinds["covers"] + " " + translate("MapLegend", "(thicker = closer)"))
        width = max(metrics.horizontalAdvance(t) for t in texts) + SWATCH + 34
        return QSize(width, len(rows) * ROW + 16)

    def paint(self, painter: QPainter, width: float, height: float, expanded: bool = True,
              header: str | None = None, offset: float = 0.0) -> None:
        """The framed legend in (0, 0, width, height); ``offset`` scrolls its rows up by that many pixels."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#b0bec5"), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(QRectF(0, 0, width, height).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setClipRect(QRectF(1, 1, width - 2, height - 2))
        painter.setFont(self.font)
        y = 6 - offset
        for kind, value in self.rows(expanded, header):
            self._row(painter, kind, value, y, width)
            y += ROW
        painter.restore()

    def _row(self, painter: QPainter, kind: str, value, y: float, width: float) -> None:
        mid = y + ROW / 2
        text_x = 12 + SWATCH + 8
        if kind in ("header", "title"):
            bold = QFont(self.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(style.SELECTION if kind == "header" else style.TEXT)
            painter.drawText(QRectF(10, y - (2 if kind == "header" else 0), width - 20, ROW),
                             Qt.AlignmentFlag.AlignVCenter, str(value))
            painter.setFont(self.font)
            return
        if kind == "stance":
            painter.setPen(QPen(style.CARD_BORDER, 1, Qt.PenStyle.DashLine if value == "unknown" else
                                Qt.PenStyle.SolidLine))
            painter.setBrush(style.STANCE_COLORS[value])
            painter.drawRoundedRect(QRectF(12, mid - 6, SWATCH, 12), 3, 3)
            painter.setPen(QColor("#ffffff") if value in ("advocate", "opponent") else style.TEXT)
            painter.drawText(QRectF(12, mid - 7, SWATCH, 14), Qt.AlignmentFlag.AlignCenter, style.STANCE_SIGNS[value])
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
                label += " " + translate("MapLegend", "(thicker = closer)")
        elif kind == "member":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.MEMBER_FILL)
            painter.drawRoundedRect(QRectF(12, mid - 7, SWATCH, 14), 7, 7)
            label = translate("MapLegend", "Our team member")
        else:
            painter.setPen(QPen(style.SUBTLE_TEXT, 1))
            for i in range(5):
                painter.setBrush(style.TEXT if i < 3 else Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(14 + i * 6, mid), 2.4, 2.4)
            label = translate("MapLegend", "Declared influence (size, dots)")
        painter.setPen(style.TEXT)
        painter.drawText(QRectF(text_x, y, width - text_x - 6, ROW), Qt.AlignmentFlag.AlignVCenter, label)

    # -- the strip: one band of swatches across a page, so the map gets the page ----------------------------
    def _items(self) -> list[tuple[str, object]]:
        return [row for row in self.rows(True) if row[0] not in ("header", "title")]

    def _cell_width(self) -> float:
        metrics = QFontMetrics(self.font)
        labels_ = [self._label(kind, value) for kind, value in self._items()]
        return max(metrics.horizontalAdvance(text) for text in labels_) + SWATCH + 30

    def strip_size(self, width: float) -> QSize:
        """The size of the strip laid out in ``width`` pixels: as many columns as fit, rows as needed."""
        columns = max(1, int(width // self._cell_width()))
        rows = -(-len(self._items()) // columns)
        return QSize(int(width), rows * ROW + 10)

    def paint_strip(self, painter: QPainter, width: float) -> None:
        size = self.strip_size(width)
        columns = max(1, int(width // self._cell_width()))
        cell = width / columns
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#b0bec5"), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(QRectF(0, 0, width, size.height()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(self.font)
        rows = -(-len(self._items()) // columns)
        for index, (kind, value) in enumerate(self._items()):
            column, row = divmod(index, rows)  # down each column, as a reader scans a legend
            painter.save()
            painter.translate(column * cell, 5 + row * ROW - 6)
            self._row(painter, kind, value, 6, cell)
            painter.restore()
        painter.restore()

    def _label(self, kind: str, value) -> str:
        if kind == "stance":
            return self._stances[value]
        if kind == "link":
            closer = " " + translate("MapLegend", "(thicker = closer)") if value == "covers" else ""
            return self._kinds[value] + closer
        if kind == "member":
            return translate("MapLegend", "Our team member")
        return translate("MapLegend", "Declared influence (size, dots)")
