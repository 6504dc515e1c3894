"""Compute an auto-layout off the UI thread, with progress and cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from app.ui.common.failures import detail_of
from app.views.map.auto_layout import compute, snapshot  # noqa: F401 - the panel imports them from here

LAYOUTS = ("org_chart", "force", "by_role", "by_department")


def layout_names() -> dict[str, str]:
    from app.i18n import translate

    return {
        "org_chart": translate("MapPanel", "Org chart"),
        "force": translate("MapPanel", "Force-directed"),
        "by_role": translate("MapPanel", "Grouped by buying role"),
        "by_department": translate("MapPanel", "Grouped by department"),
    }


class LayoutRunner(QThread):
    progressed = Signal(float)
    done = Signal(str, object)  # layout name, {key: (x, y)}
    failed = Signal(str)

    def __init__(self, name: str, nodes, edges, aspect: float | None = None) -> None:
        super().__init__()
        self.name, self._nodes, self._edges, self._aspect = name, nodes, edges, aspect
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, fraction: float) -> bool:
        self.progressed.emit(float(fraction))
        return not self._cancel.is_set()

    def run(self) -> None:
        from app.layout import LayoutCancelled

        try:
            positions = compute(self.name, self._nodes, self._edges, self._progress, self._aspect)
        except LayoutCancelled:
            return
        except Exception as exc:  # a layout bug must not take the window down
            self.failed.emit(detail_of(exc))
            return
        if not self._cancel.is_set():
            self.done.emit(self.name, positions)
