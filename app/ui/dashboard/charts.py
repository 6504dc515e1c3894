"""The dashboard's two charts: coverage against support, one labelled point per account sized by its
pipeline; and contacts per month across the portfolio."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.views.portfolio_models import pipeline_text, pipeline_total

LABELLED = 25  # at most this many names, the most exposed accounts first; every point names itself on hover
POINT_COLOR = QColor(0, 114, 178, 170)
SINGLE_COLOR = QColor(213, 94, 0, 200)  # single-threaded accounts stand out (and say so in their tooltip)
BAR_COLOR = QColor("#4292c6")
MIN_SIZE, MAX_SIZE = 9.0, 42.0


def _plot() -> pg.PlotWidget:
    pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
    plot = pg.PlotWidget()
    plot.setMenuEnabled(False)
    plot.showGrid(x=True, y=True, alpha=0.2)
    return plot


class CoverageSupportChart(QWidget):
    account_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = _plot()
        self.plot.setLabel("bottom", self.tr("Coverage score (%)"))
        self.plot.setLabel("left", self.tr("Support index"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        # The quadrant lines: half the committee covered, and a committee that leans neither way.
        for line in (pg.InfiniteLine(50, angle=90), pg.InfiniteLine(0, angle=0)):
            line.setPen(pg.mkPen("#9e9e9e", width=1, style=pg.QtCore.Qt.PenStyle.DashLine))
            self.plot.addItem(line)
        self.scatter = pg.ScatterPlotItem(hoverable=True, tip=self._tip)
        self.scatter.sigClicked.connect(self._on_clicked)
        self.plot.addItem(self.scatter)
        self._labels: list[pg.TextItem] = []
        self._tips: dict[int, str] = {}
        self._points: list[tuple] = []
        self._font = QFont()
        self._font.setPointSizeF(8)
        # Names are placed in screen space, so they are placed again when the view is zoomed or resized.
        self._relabel_later = QTimer(self)
        self._relabel_later.setSingleShot(True)
        self._relabel_later.setInterval(60)
        self._relabel_later.timeout.connect(self._relabel)
        self.plot.getViewBox().sigRangeChangedManually.connect(lambda *_a: self._relabel_later.start())
        self.note = QLabel(self.tr("A point per account, sized by open pipeline; orange: single-threaded. "
                                   "Bottom left: little known and leaning against us."))
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        layout.addWidget(self.note)

    def set_rows(self, rows: list) -> None:
        placed = [r for r in rows if r.support_index is not None]
        top = max((pipeline_total(r.pipeline) for r in placed), default=0.0)
        spots = []
        self._tips = {}
        self._points = []
        for r in placed:
            value = pipeline_total(r.pipeline)
            size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * (math.sqrt(value / top) if top else 0.0)
            x, y = r.coverage_score * 100, r.support_index
            color = SINGLE_COLOR if r.single_threaded else POINT_COLOR
            spots.append({"pos": (x, y), "size": size, "data": r.account_id, "brush": pg.mkBrush(color),
                          "pen": pg.mkPen("#37474f", width=0.8)})
            tip = [r.account, self.tr("Coverage %1% · support %2").replace("%1", str(round(x)))
                   .replace("%2", f"{y:+.2f}")]
            if r.pipeline:
                tip.append(self.tr("Pipeline: %1").replace("%1", pipeline_text(r.pipeline)))
            if r.single_threaded:
                tip.append(self.tr("Single-threaded"))
            self._tips[r.account_id] = "\n".join(tip)
            self._points.append((r.coverage_score, -value, r.account, x, y, size))
        self.scatter.setData(spots)
        self._fit(placed)
        self._relabel()

    def _fit(self, rows: list) -> None:
        """Zoom to the accounts, keeping the quadrant lines in view: a portfolio tends to sit in one corner."""
        xs = [r.coverage_score * 100 for r in rows] + [50.0]
        ys = [r.support_index for r in rows] + [0.0]
        self.plot.setXRange(max(-3.0, min(xs) - 5), min(103.0, max(xs) + 18), padding=0)
        self.plot.setYRange(max(-1.08, min(ys) - 0.08), min(1.08, max(ys) + 0.08), padding=0)

    def _relabel(self) -> None:
        """Name as many points as fit without overlapping: the least covered and largest accounts first, each
        name tried right, left, above and below its point."""
        for item in self._labels:
            self.plot.removeItem(item)
        self._labels = []
        view = self.plot.getViewBox()
        px, py = view.viewPixelSize()
        if px <= 0 or py <= 0:
            return
        shown = view.viewRect()
        bounds = QRectF(shown.left() / px, -shown.bottom() / py, shown.width() / px, shown.height() / py)
        metrics = QFontMetricsF(self._font)
        taken = [QRectF(x / px - size / 2, -y / py - size / 2, size, size)
                 for _, _, _, x, y, size in self._points]
        for _, _, name, x, y, size in sorted(self._points)[:LABELLED * 3]:
            if len(self._labels) >= LABELLED:
                break
            w, h = metrics.horizontalAdvance(name) + 4, metrics.height()
            cx, cy, r = x / px, -y / py, size / 2 + 2
            for rect, anchor, at in ((QRectF(cx + r, cy - h / 2, w, h), (0, 0.5), (x + r * px, y)),
                                     (QRectF(cx - r - w, cy - h / 2, w, h), (1, 0.5), (x - r * px, y)),
                                     (QRectF(cx - w / 2, cy - r - h, w, h), (0.5, 1), (x, y + r * py)),
                                     (QRectF(cx - w / 2, cy + r, w, h), (0.5, 0), (x, y - r * py))):
                if not bounds.contains(rect) or any(rect.intersects(other) for other in taken):
                    continue
                label = pg.TextItem(name, color="#263238", anchor=anchor)
                label.setFont(self._font)
                label.setPos(*at)
                self.plot.addItem(label)
                self._labels.append(label)
                taken.append(rect)
                break

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._relabel_later.start()

    def point_count(self) -> int:
        return len(self.scatter.points())

    def labels(self) -> list[str]:
        return [item.textItem.toPlainText() for item in self._labels]

    def _tip(self, x=None, y=None, data=None, **_kwargs) -> str:
        return self._tips.get(data, "")

    def _on_clicked(self, _item, points, *_args) -> None:
        if len(points):
            self.account_clicked.emit(int(points[0].data()))


class MonthlyContactsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = _plot()
        self.plot.setLabel("left", self.tr("Contacts"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=BAR_COLOR, pen=None)
        self.plot.addItem(self.bars)
        self.title = QLabel(self.tr("Contacts per month across all key accounts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot)
        self._heights: list[int] = []

    def set_months(self, months: list) -> None:
        self._heights = [count for _, count in months]
        self.bars.setOpts(x=list(range(len(months))), height=self._heights)
        ticks = [(i, day.strftime("%y-%m")) for i, (day, _) in enumerate(months)]
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.setXRange(-0.6, max(len(months), 1) - 0.4, padding=0)
        self.plot.setYRange(0, max(self._heights, default=0) * 1.1 + 1, padding=0)

    def heights(self) -> list[int]:
        return list(self._heights)
