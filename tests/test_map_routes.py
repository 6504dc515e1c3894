"""On the map, links are drawn along the router's paths: none passes through a card it does not connect,
after the map opens, after each auto-layout and after a card is moved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from app.demo import DEMO_ACCOUNT_NAMES
from app.layout.routing import count_crossings, painted_card


def crossings(scene) -> tuple[int, int]:
    """(link–card crossings of what is drawn, links drawn straight because they have no path)."""
    cards = {c.key: painted_card(c.pos().x(), c.pos().y(), *c.size) for c in scene.card_items() if scene.is_shown(c)}
    links = [(link.id, link.source.key, link.target.key, link.record.kind) for link in scene.link_items()
             if link.source.key in cards and link.target.key in cards]
    drawn = {}
    for link in scene.link_items():
        path = link.path()
        drawn[link.id] = [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]
    unrouted = sum(1 for link in scene.link_items() if link.route is None)
    return count_crossings(cards, drawn, links), unrouted


@pytest.mark.parametrize("name", DEMO_ACCOUNT_NAMES)
def test_no_link_crosses_a_card_when_the_map_opens_and_after_every_layout(qtbot, demo, name):
    from app.views.map.auto_layout import compute, snapshot
    from app.views.map.scene import MapScene

    scene = MapScene(demo)
    scene.animate_moves = False
    scene.show_account(demo.account_id_by_name(name))
    QApplication.processEvents()
    assert crossings(scene) == (0, 0)
    for layout in ("org_chart", "force", "by_role", "by_department"):
        nodes, edges = snapshot(scene)
        for key, (x, y) in compute(layout, nodes, edges).items():
            scene.card(key).setPos(x, y)
        scene.route_links()
        assert crossings(scene) == (0, 0), layout


def test_a_moved_card_gets_its_links_rerouted(qtbot, demo):
    from app.views.map.scene import MapScene

    account = demo.account_id_by_name(DEMO_ACCOUNT_NAMES[1])
    scene = MapScene(demo)
    scene.animate_moves = False
    scene.show_account(account)
    QApplication.processEvents()
    card = max(scene.card_items(), key=lambda c: len(c.links))
    old = card.pos()
    # While dragged, its links are straight lines; once dropped (stored), they are routed again.
    card.setPos(old + QPointF(37.0, 23.0))
    assert all(link.route is None or link._route_ends != (link.source.pos(), link.target.pos())
               for link in card.links)
    demo.set_positions(account, {card.key: (old.x() + 37.0, old.y() + 23.0)})
    QApplication.processEvents()
    assert all(link.route is not None for link in card.links)
    assert crossings(scene)[0] == 0


def test_a_bigger_map_is_routed_in_a_worker_and_a_stale_result_is_dropped(qtbot, app, workspace, database):
    import sys
    from pathlib import Path

    from app.views.map import routes
    from app.views.map.auto_layout import compute, snapshot
    from app.views.map.scene import MapScene

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    try:
        from map import generate
    finally:
        sys.path.pop(0)
    account = generate(database, 120)
    scene = MapScene(workspace)
    scene.animate_moves = False
    scene.show_account(account)
    nodes, edges = snapshot(scene)
    for key, (x, y) in compute("org_chart", nodes, edges).items():
        scene.card(key).setPos(x, y)
    assert len(scene.card_items()) > routes.SYNC_LIMIT
    assert scene.route_links() == 0  # nothing now: the worker routes
    scene.router.wait()
    qtbot.waitUntil(lambda: all(link.route is not None for link in scene.link_items()), timeout=10000)
    assert crossings(scene) == (0, 0)
    # A result that comes back after the map changed again is not applied.
    scene.route_links()
    first = list(scene.router._workers)
    card = scene.card_items()[0]
    card.setPos(card.pos() + QPointF(500, 0))
    scene.route_links()
    scene.router.wait()
    QApplication.processEvents()
    assert first and all(w.isFinished() for w in first)
    qtbot.waitUntil(lambda: all(link.route is not None and link._route_ends == (link.source.pos(),
                                                                               link.target.pos())
                                for link in card.links), timeout=10000)


@pytest.mark.parametrize("by", ["role", "department"])
def test_links_keep_clear_of_the_group_titles_of_a_grouped_layout(qtbot, demo, by):
    from PySide6.QtCore import QRectF

    from app.layout import group_frames
    from app.views.map.auto_layout import compute, snapshot
    from app.views.map.scene import MapScene

    scene = MapScene(demo)
    scene.animate_moves = False
    scene.show_account(demo.account_id_by_name(DEMO_ACCOUNT_NAMES[0]))
    QApplication.processEvents()
    nodes, edges = snapshot(scene)
    positions = compute(f"by_{by}", nodes, edges)
    for key, (x, y) in positions.items():
        scene.card(key).setPos(x, y)
    scene.show_group_frames([(label or "—", QRectF(x, y, w, h)) for label, (x, y, w, h)
                             in group_frames(nodes, positions, by)])
    titles = scene.group_title_rects()
    assert len(titles) >= 3
    drawn = {}
    for link in scene.link_items():
        path = link.path()
        drawn[link.id] = [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]
    # The titles as the only obstacles: every link must keep the clearance from each of them.
    boxes = {("title", n): painted_card(r.center().x(), r.center().y(), r.width(), r.height(), 0.0)
             for n, r in enumerate(titles)}
    ends = {link.source.key for link in scene.link_items()} | {link.target.key for link in scene.link_items()}
    boxes.update({key: (1e7 + n * 1000.0, 1e7, 1.0, 1.0) for n, key in enumerate(ends)})
    links = [(link.id, link.source.key, link.target.key, link.record.kind) for link in scene.link_items()]
    assert count_crossings(boxes, drawn, links) == 0
    assert crossings(scene) == (0, 0)
