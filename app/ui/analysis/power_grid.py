"""The power grid: influence score against stance, one labelled point per person, coloured by how well we
know them. Who is powerful and against us, and do we know them? Click a point to select the person."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import labels

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
        self.plot.setLabel("bottom", self.tr("Stance"))
        stances = labels.stances()
        ticks = [(UNKNOWN_X, stances["unknown"])] + [(x, stances[s]) for s, x in STANCE_X.items()]
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.setXRange(UNKNOWN_X - 0.6, 2.6)
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.scatter = pg.ScatterPlotItem(size=13, hoverable=True, tip=self._tip)
        self.scatter.sigClicked.connect(self._on_clicked)
        self.plot.addItem(self.scatter)
        self._labels: list[pg.TextItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        legend = ", ".join(labels.relationship_levels().values())
        self.legend = QLabel(self.tr("Colour: our strongest relationship (orange: none) — %1").replace("%1", legend))
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self._names: dict = {}

    def set_analysis(self, analysis) -> None:
        for item in self._labels:
            self.plot.removeItem(item)
        self._labels = []
        spots = []
        font = QFont()
        font.setPointSizeF(8.5)
        people = [p for p in analysis.people if p.side == "client"]
        self._names = {p.key: p.name for p in people}
        # Names for the most influential (and the exposed) only: dozens of labels at the bottom would pile up;
        # every point still names its person on hover.
        ranked = sorted(people, key=lambda p: -p.influence_score)
        labelled = {p.key for p in ranked[:LABELLED]} | set(analysis.gaps)
        for i, p in enumerate(people):
            x = STANCE_X.get(p.stance or "unknown", UNKNOWN_X)
            # Spread people of one stance a little sideways so equal scores do not hide each other.
            x += ((i % 5) - 2) * 0.07
            color = QColor(COVERAGE_COLORS[min(p.coverage_level, 5)])
            spots.append({"pos": (x, p.influence_score), "data": p.key, "brush": pg.mkBrush(color),
                          "pen": pg.mkPen("#37474f", width=1)})
            if p.key not in labelled:
                continue
            text = pg.TextItem(p.name, color="#263238", anchor=(0, 0.5))
            text.setFont(font)
            text.setPos(x + 0.09, p.influence_score)
            self.plot.addItem(text)
            self._labels.append(text)
        self.scatter.setData(spots)
        top = max((p.influence_score for p in people), default=0.1)
        self.plot.setYRange(0, top * 1.12)

    def _tip(self, x=None, y=None, data=None) -> str:
        return f"{self._names.get(data, '')}  {y:.3f}" if data is not None else ""

    def _on_clicked(self, _item, points, _event=None) -> None:
        if len(points):
            self.person_clicked.emit(points[0].data())
