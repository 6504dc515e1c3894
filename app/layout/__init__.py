"""Automatic layouts of an account map: org chart, force-directed and grouped. Pure computation, no Qt.

Every layout takes cards (LayoutNode, with their sizes) and links (LayoutEdge) and returns the centre of each
card, in scene units, with at least 24 units between any two cards. The same input gives the same output.
A layout given a `progress` callback reports a fraction from 0 to 1 now and then and stops with
LayoutCancelled as soon as the callback returns False, so a worker can run it and the user can cancel it.
"""

from app.layout.force import force_directed
from app.layout.grouped import group_frames, grouped
from app.layout.model import LayoutCancelled, LayoutEdge, LayoutNode
from app.layout.org_chart import org_chart
from app.layout.overlap import remove_overlaps

__all__ = [
    "LayoutCancelled",
    "LayoutEdge",
    "LayoutNode",
    "force_directed",
    "group_frames",
    "grouped",
    "org_chart",
    "remove_overlaps",
]
