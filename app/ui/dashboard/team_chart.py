"""The team view's workload chart: the busiest members, one row each, with their accounts, open and overdue
actions as bars side by side."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

SHOWN = 10  # the busiest members; the table has everyone
SERIES = (("accounts", QColor("#4292c6")), ("open", QColor("#fd8d3c")), ("overdue", QColor("#b2182b")))
BAR = 0.26


def _set_labels(axis, labels: list[str]) -> None:
    """One label per row, the axis as wide as the longest: pyqtgraph drops a label that does not fit its axis."""
    axis.setTicks([list(enumerate(labels))])
    metrics = QFontMetrics(axis.style.get("tickFont") or axis.font())
    axis.setWidth(max((metrics.horizontalAdvance(label) for label in labels), default=0) + 18)


def busiest(loads: list, count: int = SHOWN) -> list:
    """The members carrying the most: by accounts, then open actions, then name."""
    return sorted(loads, key=lambda m: (-len(m.accounts), -m.open_actions, m.name))[:count]


class WorkloadChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=True, y=False, alpha=0.2)
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        # Every member's name, however tall the chart: pyqtgraph drops labels beyond 80% of the axis by default.
        self.plot.getAxis("left").setStyle(textFillLimits=[(0, 1.0)])
        self.legend = self.plot.addLegend(offset=(-10, 10))
        labels = {"accounts": self.tr("Accounts"), "open": self.tr("Open actions"),
                  "overdue": self.tr("Overdue actions")}
        self.bars = {}
        for key, colour in SERIES:
            item = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR, brush=colour, pen=None, name=labels[key])
            self.plot.addItem(item)
            self.bars[key] = item
        self.title = QLabel(self.tr("Workload of the busiest members"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot)
        self._names: list[str] = []
        self._values: dict[str, list[int]] = {}

    def set_loads(self, loads: list) -> None:
        shown = list(reversed(busiest(loads)))  # the busiest at the top
        self._names = [m.name for m in shown]
        self._values = {"accounts": [len(m.accounts) for m in shown], "open": [m.open_actions for m in shown],
                        "overdue": [m.overdue_actions for m in shown]}
        for offset, (key, _colour) in zip((BAR, 0.0, -BAR), SERIES, strict=True):
            values = self._values[key]
            self.bars[key].setOpts(x0=[0] * len(values), y=[i + offset for i in range(len(values))],
                                   width=values, height=BAR)
        _set_labels(self.plot.getAxis("left"), self._names)
        top = max((v for values in self._values.values() for v in values), default=0)
        step = max(1, -(-top // 10))  # whole numbers: these are counts
        self.plot.getAxis("bottom").setTicks([[(v, str(v)) for v in range(0, top + step + 1, step)]])
        self.plot.setXRange(0, top * 1.15 + 1, padding=0)
        self.plot.setYRange(-0.6, max(len(shown), 1) - 0.4, padding=0)

    def names(self) -> list[str]:
        """Members shown, the busiest first."""
        return list(reversed(self._names))

    def values(self, key: str) -> list[int]:
        return list(reversed(self._values.get(key, [])))


class CompetencyChart(QWidget):
    """One member's competency profile: a bar per rated criterion on the 1–5 scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=True, y=False, alpha=0.2)
        self.plot.setXRange(0, 5.2, padding=0)
        self.plot.getAxis("left").setStyle(textFillLimits=[(0, 1.0)])
        self.plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(6)]])
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6, brush=QColor("#41ab5d"), pen=None)
        self.plot.addItem(self.bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._ratings: list[tuple[str, int]] = []

    def set_ratings(self, ratings: list[tuple[str, int]]) -> None:
        """(criterion label, rating) pairs, drawn top to bottom in the order given."""
        self._ratings = list(ratings)
        shown = list(reversed(self._ratings))
        self.bars.setOpts(x0=[0] * len(shown), y=list(range(len(shown))), width=[r for _, r in shown], height=0.6)
        _set_labels(self.plot.getAxis("left"), [label for label, _ in shown])
        self.plot.setYRange(-0.6, max(len(shown), 1) - 0.4, padding=0)

    def ratings(self) -> list[tuple[str, int]]:
        return list(self._ratings)
