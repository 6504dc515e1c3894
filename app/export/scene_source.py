"""The account's map as a scene to draw into a file: full detail, nothing selected, private things removed.

Built on the GUI thread, drawn, then disposed of at once (see ``dispose_scene``).
"""

from __future__ import annotations

import contextlib
from dataclasses import replace

import shiboken6
from PySide6.QtWidgets import QGraphicsItem

from app.views.map.auto_layout import compute, snapshot
from app.views.map.health_overlay import account_health, mark_scene
from app.views.map.link_item import LinkItem
from app.views.map.scene import MapScene

PRIVATE_LINK_KINDS = ("rival",)


def prepared_scene(workspace, account_id: int, shareable: bool = False) -> MapScene:
    """The account's map as it is drawn into a file: full detail, nothing selected, private things removed."""
    scene = MapScene(workspace)
    scene.animate_moves = False
    unplaced: list = []
    scene.unplaced.connect(unplaced.extend)
    scene.show_account(account_id)
    if unplaced:
        # Never opened in the window: lay the cards out as an org chart for the file, without storing it.
        nodes, edges = snapshot(scene)
        for key, (x, y) in compute("org_chart", nodes, edges).items():
            scene.card(key).setPos(x, y)
    scene.set_overview(False)
    scene.clearSelection()
    if shareable:
        for link in scene.link_items():
            if link.record.kind in PRIVATE_LINK_KINDS:
                # The scene's own removal, as for a deleted link: the item is gone, not merely hidden.
                scene._remove_link(link.id)
        for card in scene.card_items():
            if not card.is_member:
                card.set_record(replace(card.record, stance="unknown", influence=None, notes=None))
                # Even empty, the five influence dots say the field exists and was left blank on purpose.
                card._paint_influence = _no_influence
    else:
        # Our own judgement of our relationships (gone cold, claimed beyond the evidence, contact overdue) is
        # for the team: a shareable file leaves it out with the stances.
        health, names = account_health(workspace, account_id)
        mark_scene(scene, health, names)
    for item in scene.items():
        # A cached card would reach the PDF as a bitmap: blurry, and its text could not be found.
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    scene.route_links(wait=True)  # the same paths around the cards as on screen
    return scene


def dispose_scene(scene: MapScene) -> None:
    """Delete the scene and its items now: left to the garbage collector, the cycles between cards and links
    are freed in no particular order, after the workspace they listen to is gone, which crashes Qt."""
    for signal in ("people_changed", "team_changed", "links_changed", "positions_changed", "accounts_changed",
                   "actions_changed"):
        with contextlib.suppress(RuntimeError, TypeError):
            getattr(scene._ws, signal).disconnect(getattr(scene, "_on_" + signal))
    for link in scene.link_items():
        link.detach()
    scene.show_account(None)
    shiboken6.delete(scene)


def _no_influence(*_args) -> None:
    pass


def visible_links(scene: MapScene) -> list[LinkItem]:
    return [item for item in scene.items() if isinstance(item, LinkItem)]
