"""The map's links drawn along the router's paths (app.layout.routing): computed from the cards' rectangles
once the map has settled, and handed to each LinkItem, which draws the path it is given.

A small map is routed at once on the GUI thread (a few tens of milliseconds); a bigger one in a worker, whose
paths are applied only if the map has not changed meanwhile. Until then, and on maps too big to route, links
are the straight lines between the cards.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QThread, Signal

REPORTING = ("reports_to", "dotted_line")
SYNC_LIMIT = 60  # cards routed on the GUI thread (a few milliseconds here)
ROUTE_LIMIT = 12000  # in a worker here: half a second at 4,000 cards, two seconds at 10,000; beyond, straight links


def looks_like_org_chart(scene) -> bool:
    """Reporting lines mostly run up from a report to a manager a row above: draw them as elbows."""
    ups = total = 0
    for link in scene.link_items():
        if link.record.kind in REPORTING:
            total += 1
            source, target = link.source, link.target
            ups += target.pos().y() < source.pos().y() - (source.size[1] + target.size[1]) / 2
    return total > 0 and ups >= 0.8 * total


def routing_input(scene) -> tuple[dict, list, bool]:
    """Plain values for the router: the shown cards as painted, their links, and whether it is an org chart."""
    from app.layout.routing import painted_card  # numpy and numba: loaded with the first map, not at start

    cards = {c.key: painted_card(c.pos().x(), c.pos().y(), *c.size) for c in scene.card_items()
             if scene.is_shown(c)}
    links = [(link.id, link.source.key, link.target.key, link.record.kind) for link in scene.link_items()
             if link.source.key in cards and link.target.key in cards]
    # The titles of a grouped layout's boxes are in the way too: a line through a title hides its words.
    for number, rect in enumerate(scene.group_title_rects()):
        cards["title", number] = painted_card(rect.center().x(), rect.center().y(), rect.width(), rect.height(), 0.0)
    return cards, links, looks_like_org_chart(scene)


def apply_paths(scene, paths: dict) -> int:
    for link in scene.link_items():
        link.set_route(paths.get(link.id))
    return len(paths)


# Workers running now. They belong to no scene: a scene may be deleted (its panel replaced, a test ended)
# while its worker still routes; the worker then finishes on its own and its result is dropped.
_RUNNING: set = set()


def wait_for_routing() -> None:
    """Let every routing worker finish (before the application quits)."""
    for worker in list(_RUNNING):
        worker.wait()


class RouteWorker(QThread):
    """Routes a snapshot of the map off the GUI thread; ``routed`` carries (generation, paths)."""

    routed = Signal(int, object)

    def __init__(self, generation: int, cards: dict, links: list, org_chart: bool, parent=None) -> None:
        super().__init__(parent)
        self._job = (generation, cards, links, org_chart)

    def run(self) -> None:
        from app.layout.routing import route_links

        generation, cards, links, org_chart = self._job
        self.routed.emit(generation, route_links(cards, links, org_chart=org_chart))


class Router:
    """The scene's routing: at once for a small map, in a worker for a bigger one, never for a huge one."""

    def __init__(self, scene) -> None:
        self._scene = scene
        self._generation = 0
        self._workers: list[RouteWorker] = []  # this scene's, still running

    def route(self, wait: bool = False) -> int:
        """Route the shown links; returns how many got a path now (a worker's come later, unless ``wait``)."""
        self._generation += 1
        cards, links, org_chart = routing_input(self._scene)
        if not links or len(cards) > ROUTE_LIMIT:
            return apply_paths(self._scene, {})
        if len(cards) <= SYNC_LIMIT or wait:
            from app.layout.routing import route_links

            return apply_paths(self._scene, route_links(cards, links, org_chart=org_chart))
        worker = RouteWorker(self._generation, cards, links, org_chart)
        worker.routed.connect(self._on_routed)
        worker.finished.connect(lambda w=worker: self._forget(w))
        self._workers.append(worker)
        _RUNNING.add(worker)
        worker.start()
        return 0

    def _on_routed(self, generation: int, paths: dict) -> None:
        # The map has not changed since (the paths still fit), and it is still there.
        if generation == self._generation and shiboken6.isValid(self._scene):
            apply_paths(self._scene, paths)

    def _forget(self, worker: RouteWorker) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        _RUNNING.discard(worker)
        worker.deleteLater()

    def wait(self) -> None:
        """Let running workers finish (before the scene goes away); their paths arrive with the next events."""
        for worker in list(self._workers):
            worker.wait()
