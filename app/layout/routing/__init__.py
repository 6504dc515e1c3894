"""Link routing: each link's path as a polyline from card rectangles. Pure geometry, no Qt (issue 14).

`route_links` gives every link a path that keeps CLEARANCE from every card it does not connect;
`count_crossings` measures how far a set of paths falls short of that. Callers pass the cards as painted:
`painted_card` grows a card's own size by the margin its rings and badges need.
"""

from app.layout.routing.geometry import CLEARANCE
from app.layout.routing.router import count_crossings, route_links

# The overlay ring around a selected or highlighted card is drawn 5 units out (app/views/map/card_item.py). The
# org chart keeps 24 units between cards, so a margin of 5 leaves 14 between painted cards: room for a link
# with CLEARANCE on both sides. The force and grouped layouts keep 40, which also clears the snapshot change
# mark (up to 13 out) of two neighbours: 2 × 13 + 2 × 6 = 38.
PAINTED_MARGIN = 5.0


def painted_card(cx: float, cy: float, width: float, height: float,
                 margin: float = PAINTED_MARGIN) -> tuple[float, float, float, float]:
    """A card's (centre x, centre y, width, height) grown by its painted margin on every side."""
    return cx, cy, width + 2 * margin, height + 2 * margin


__all__ = ["CLEARANCE", "PAINTED_MARGIN", "count_crossings", "painted_card", "route_links"]
