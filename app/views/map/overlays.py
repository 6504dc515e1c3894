"""Analysis drawn over the map: cards sized by a score, rings by coalition or coverage gap, a highlighted
introduction route. Purely visual; clearing it leaves the map exactly as before."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Eight colours that stay apart for the common colour-vision deficiencies (Okabe & Ito, and Tol's bright).
COALITION_COLORS = [QColor(c) for c in ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00",
                                        "#F0E442", "#7f7f7f")]
GAP_COLOR = QColor("#D55E00")
ROUTE_COLOR = QColor("#f4b400")
MIN_SCALE, MAX_SCALE = 0.85, 1.35


def clear(scene) -> None:
    for card in scene.card_items():
        if card.scale() != 1.0:
            card.setScale(1.0)
        if card.highlight is not None:
            card.highlight = None
            card.update()
    for link in scene.link_items():
        link.set_emphasis(False)
    scene.overview.invalidate()


def size_by(scene, values: dict) -> None:
    """Scale client cards by ``values`` (key → score), the largest value at MAX_SCALE."""
    clear(scene)
    top = max(values.values(), default=0.0)
    if top <= 0:
        return
    for key, value in values.items():
        card = scene.card(key)
        if card is not None:
            card.setScale(MIN_SCALE + (MAX_SCALE - MIN_SCALE) * (value / top))


def ring(scene, colors: dict) -> None:
    clear(scene)
    for key, color in colors.items():
        card = scene.card(key)
        if card is not None:
            card.highlight = color
            card.update()


def coalitions(scene, communities: dict) -> None:
    ring(scene, {key: COALITION_COLORS[c % len(COALITION_COLORS)] for key, c in communities.items() if c is not None})


def gaps(scene, keys) -> None:
    ring(scene, {key: GAP_COLOR for key in keys})


def route(scene, path: list) -> None:
    """Ring the people along ``path`` and thicken the links between consecutive ones."""
    ring(scene, {key: ROUTE_COLOR for key in path})
    steps = {frozenset(pair) for pair in zip(path, path[1:], strict=False)}
    for link in scene.link_items():
        if frozenset((link.source.key, link.target.key)) in steps:
            link.set_emphasis(True)


def mark_freshness(scene, stale_people, stale_links) -> None:
    """Clock marks on the cards of stale relationships and faded `covers` links (member, person) gone cold.

    Kept apart from the overlays above: freshness shows whatever overlay is chosen, like a snapshot's marks."""
    people, links = set(stale_people), set(stale_links)
    for card in scene.card_items():
        stale = card.key in people
        if card.stale != stale:
            card.stale = stale
            card.update()
    for link in scene.link_items():
        ends = (link.source.key, link.target.key)
        link.set_stale(link.record.kind == "covers" and ends in links)
    scene.overview.invalidate()


def mark_health(scene, marks: dict) -> None:
    """Claims-versus-evidence and overdue-cadence marks on the cards (key → CardMarks); kept whatever the
    overlays do, like the clock marks."""
    for card in scene.card_items():
        card.set_marks(marks.get(card.key))
    scene.overview.invalidate()


def show_levels(scene, links: dict, effective: bool) -> None:
    """`covers` links drawn at their declared or their effective (time-counted) level. ``links``: (member,
    person) → (declared, effective, days since the last touch or None)."""
    for link in scene.link_items():
        if link.record.kind == "covers":
            link.set_health(links.get((link.source.key, link.target.key)), effective)
    scene.overview.invalidate()
