"""The power grid: influence score against stance, one labelled point per person, coloured by how well we
know them. Who is powerful and against us, and do we know them? Click a point to select the person."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import labels
from app.i18n.language import join_names
from app.ui.analysis.label_placement import place_labels

STANCE_X = {"opponent": -2, "skeptic": -1, "neutral": 0, "supporter": 1, "advocate": 2}
UNKNOWN_X = -3.6  # people whose stance we do not know stand apart, left of the scale
# Coverage level 0 (nobody of ours knows them) … 5, light to dark blue: readable for colour-blind eyes too.
LABELLED = 10
COVERAGE_COLORS = ["#f28e2b", "#c6dbef", "#9ecae1", "#4292c6", "#2171b5", "#08306b"]


class PowerGrid(QWidget):
    person_clicked = Signal(object)  # card key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
        self.plot = pg.PlotWidget()
        for action in self.plot.scene().contextMenu:  # the chart library's own menu, in our language
            action.setText(self.tr("Export…"))
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("left", self.tr("Influence score"))
        stances = labels.stances()
        # Every other stance one line lower: a narrow dock has no room for five names side by side.
        ticks = [(UNKNOWN_X, stances["unknown"].replace(" ", "\n", 1))] + [
            (x, ("\n" if i % 2 else "") + stances[s]) for i, (s, x) in enumerate(STANCE_X.items())]
        axis = self.plot.getAxis("bottom")
        axis.setTicks([ticks])
        axis.setHeight(2 * self.fontMetrics().lineSpacing() + 14)
        self.plot.setXRange(UNKNOWN_X - 0.7, 2.6)
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.scatter = pg.ScatterPlotItem(size=13, hoverable=True, tip=self._tip)
        self.scatter.sigClicked.connect(self._on_clicked)
        self.plot.addItem(self.scatter)
        self._labels: list[pg.TextItem] = []
        self._label_points: list[tuple[float, float]] = []
        self._all_points: list[tuple[float, float]] = []
        # Names are placed in pixels, so again whenever the chart's size or range changes.
        self.plot.getViewBox().sigRangeChanged.connect(self._place_labels)
        self.plot.getViewBox().sigResized.connect(self._place_labels)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        legend = join_names(labels.relationship_levels().values())
        self.legend = QLabel(self.tr("Colour: our strongest relationship (orange: none) — %1").replace("%1", legend))
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self._names: dict = {}

    def set_analysis(self, analysis) -> None:
        for item in self._labels:
            self.plot.removeItem(item)
        self._labels, self._label_points, self._all_points = [], [], []
        spots = []
        font = QFont()
        font.setPointSizeF(8.5)
        people = [p for p in analysis.people if p.side == "client"]
        self._names = {p.key: p.name for p in people}
        # Names for the most influential (and the exposed) only: dozens of labels at the bottom would pile up;
        # every point still names its person on hover.
        ranked = sorted(people, key=lambda p: -p.influence_score)
        labelled = {p.key for p in ranked[:LABELLED]} | set(analysis.gaps)
        order = {p.key: rank for rank, p in enumerate(ranked)}
        pending = []
        for i, p in enumerate(people):
            x = STANCE_X.get(p.stance or "unknown", UNKNOWN_X)
            # Spread people of one stance a little sideways so equal scores do not hide each other.
            x += ((i % 5) - 2) * 0.07
            color = QColor(COVERAGE_COLORS[min(p.coverage_level, 5)])
            spots.append({"pos": (x, p.influence_score), "data": p.key, "brush": pg.mkBrush(color),
                          "pen": pg.mkPen("#37474f", width=1)})
            self._all_points.append((x, p.influence_score))
            if p.key in labelled:
                pending.append((order[p.key], p.name, (x, p.influence_score)))
        # The most influential are placed first, so a crowded corner keeps their names.
        for _rank, name, point in sorted(pending):
            text = pg.TextItem(name, color="#263238", anchor=(0, 0.5))
            text.setFont(font)
            self.plot.addItem(text)
            self._labels.append(text)
            self._label_points.append(point)
        self.scatter.setData(spots)
        top = max((p.influence_score for p in people), default=0.1)
        self.plot.setYRange(0, top * 1.12)
        self._place_labels()

    def _place_labels(self, *_args) -> None:
        view = self.plot.getViewBox()
        if not self._labels or view.width() <= 0 or view.height() <= 0:
            return
        (left, right), (bottom, top) = view.viewRange()
        width, height = view.width(), view.height()

        def to_pixels(x: float, y: float) -> tuple[float, float]:
            return (x - left) / (right - left) * width, (top - y) / (top - bottom) * height

        sizes = [(label.boundingRect().width(), label.boundingRect().height()) for label in self._labels]
        placed = place_labels([to_pixels(*p) for p in self._label_points], sizes,
                              [to_pixels(*p) for p in self._all_points], (0, 0, width, height), marker=7.5)
        for label, place in zip(self._labels, placed, strict=True):
            label.setVisible(place is not None)
            if place is not None:
                label.setAnchor(place.anchor)
                px, py = place.spot
                label.setPos(left + px / width * (right - left), top - py / height * (top - bottom))

    def _tip(self, x=None, y=None, data=None) -> str:
        return f"{self._names.get(data, '')}  {y:.3f}" if data is not None else ""

    def _on_clicked(self, _item, points, _event=None) -> None:
        if len(points):
            self.person_clicked.emit(points[0].data())
