"""The map's links drawn along the router's paths (app.layout.routing): computed from the cards' rectangles
after the map changes, and handed to each LinkItem, which draws the path it is given."""

from __future__ import annotations

from app.layout.routing import painted_card, route_links

REPORTING = ("reports_to", "dotted_line")
# Above this many cards the links stay straight for now: routing them on the GUI thread would stall it.
ROUTE_LIMIT = 600


def looks_like_org_chart(scene) -> bool:
    """Reporting lines mostly run up from a report to a manager a row above: draw them as elbows."""
    ups = total = 0
    for link in scene.link_items():
        if link.record.kind in REPORTING:
            total += 1
            source, target = link.source, link.target
            ups += target.pos().y() < source.pos().y() - (source.size[1] + target.size[1]) / 2
    return total > 0 and ups >= 0.8 * total


def apply_routes(scene) -> int:
    """Route every shown link of ``scene`` around the cards; returns how many were routed."""
    cards = {c.key: painted_card(c.pos().x(), c.pos().y(), *c.size) for c in scene.card_items()
             if scene.is_shown(c)}
    links = [link for link in scene.link_items() if link.source.key in cards and link.target.key in cards]
    if len(cards) > ROUTE_LIMIT or not links:
        for link in scene.link_items():
            if link.route is not None:
                link.set_route(None)
        return 0
    paths = route_links(cards, [(link.id, link.source.key, link.target.key, link.record.kind) for link in links],
                        org_chart=looks_like_org_chart(scene))
    for link in scene.link_items():
        link.set_route(paths.get(link.id))
    return len(paths)
