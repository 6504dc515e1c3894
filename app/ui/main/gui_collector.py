"""Python's cycle collector, run on the GUI thread only.

Left to itself, the collector runs in whichever thread happens to allocate when a threshold is crossed — often
a worker reading the database — and frees there the wrappers of widgets and scenes that belong to the GUI
thread, which crashes Qt. While workers may run, automatic collection is off and a timer on the GUI thread
collects instead, generation by generation as the interpreter would.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        first, second, third = self._thresholds
        young, middle, old = gc.get_count()
        if young > first:
            gc.collect(0)
            if middle > second:
                gc.collect(1)
                if old > third:
                    gc.collect(2)

    def stop(self) -> None:
        """Hand collection back to the interpreter (when no worker can run any more)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
