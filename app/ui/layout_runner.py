"""Compute an auto-layout off the UI thread, with progress and cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

LAYOUTS = ("org_chart", "force", "by_role", "by_department")


def layout_names() -> dict[str, str]:
    from app.i18n import translate

    return {
        "org_chart": translate("MapPanel", "Org chart"),
        "force": translate("MapPanel", "Force-directed"),
        "by_role": translate("MapPanel", "Grouped by buying role"),
        "by_department": translate("MapPanel", "Grouped by department"),
    }


def snapshot(scene, keys=None) -> tuple[list, list]:
    """The cards and links of ``scene`` as plain layout input (safe to hand to another thread)."""
    from app.layout import LayoutEdge, LayoutNode

    nodes, wanted = [], None if keys is None else set(keys)
    for card in scene.card_items():
        if wanted is not None and card.key not in wanted:
            continue
        w, h = card.size
        role = "member" if card.is_member else card.record.role
        department = None if card.is_member else card.record.department
        nodes.append(LayoutNode(card.key, w, h, role, department, card.pos().x(), card.pos().y()))
    present = {n.key for n in nodes}
    edges = [LayoutEdge(link.source.key, link.target.key, link.record.kind, link.record.strength)
             for link in scene.link_items() if link.source.key in present and link.target.key in present]
    return nodes, edges


def compute(name: str, nodes, edges, progress=None) -> dict:
    from app import layout

    if name == "org_chart":
        return layout.org_chart(nodes, edges, progress=progress)
    if name == "force":
        return layout.force_directed(nodes, edges, progress=progress)
    if name == "by_role":
        return layout.grouped(nodes, edges, by="role", progress=progress)
    if name == "by_department":
        return layout.grouped(nodes, edges, by="department", progress=progress)
    raise ValueError(name)


class LayoutRunner(QThread):
    progressed = Signal(float)
    done = Signal(str, object)  # layout name, {key: (x, y)}
    failed = Signal(str)

    def __init__(self, name: str, nodes, edges) -> None:
        super().__init__()
        self.name, self._nodes, self._edges = name, nodes, edges
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, fraction: float) -> bool:
        self.progressed.emit(float(fraction))
        return not self._cancel.is_set()

    def run(self) -> None:
        from app.layout import LayoutCancelled

        try:
            positions = compute(self.name, self._nodes, self._edges, self._progress)
        except LayoutCancelled:
            return
        except Exception as exc:  # a layout bug must not take the window down
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        if not self._cancel.is_set():
            self.done.emit(self.name, positions)
