"""Grouped layout: one compact block of cards per buying role or per department, blocks in rows.

Roles come in the order of DESIGN.md, departments from the largest down (then by name) with people without a
department after them; our team members always form the last group. Blocks are packed in rows filling an area
of about 16:9, with room between them for a group title.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from app.layout.model import (
    MEMBER,
    ROLE_ORDER,
    LayoutEdge,
    LayoutNode,
    Positions,
    Progress,
    Reporter,
    check_nodes,
    role_rank,
    sizes,
    to_positions,
)
from app.layout.overlap import separate
from app.layout.pack import shelves
from app.layout.rows import columns_for, grid

# Room between cards for a link with its clearance on both sides, past a card's change mark (13 out) too.
GAP = 40.0
GROUP_GAP = 130.0  # room above each block for its title on the map
# Frames stand this far outside the cards; well under half the group gap, so frames never touch.
FRAME_PAD = 16.0
NO_DEPARTMENT = ""
GROUPINGS = ("role", "department")


def grouped(nodes: Iterable[LayoutNode], edges: Iterable[LayoutEdge], by: str,
            progress: Progress | None = None) -> Positions:
    """Centres of the cards, grouped `by` "role" or "department"."""
    nodes = check_nodes(nodes)
    groups = _groups(nodes, by)
    report = Reporter(progress)
    if not nodes:
        report.done()
        return {}
    w, h = sizes(nodes)
    xy = np.zeros((len(nodes), 2))
    blocks = []
    for n, (_, cards) in enumerate(groups):
        report(0.8 * n / len(groups))
        cell = (float(w[cards].max()) + GAP, float(h[cards].max()) + GAP)
        right, bottom = grid(cards, xy, w, h, 0.0, 0.0, columns_for(len(cards), *cell), GAP)
        blocks.append((right, bottom))
    report(0.8)
    for (_, cards), corner in zip(groups, shelves(blocks, GROUP_GAP), strict=True):
        xy[cards] += corner
    # The blocks are apart by construction; this only guards the promise that no two cards overlap.
    xy = separate(xy, w, h, GAP)
    report.done()
    return to_positions(nodes, xy)


def group_frames(nodes: Iterable[LayoutNode], positions: Positions,
                 by: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each group's label and box (left, top, width, height) around its cards, in the grouped layout's order.

    Labels are the role identifier, the department name ("" for people without one), or "member" for our
    team. Groups whose cards have no position are left out.
    """
    nodes = [n for n in check_nodes(nodes) if n.key in positions]
    frames = []
    for label, cards in _groups(nodes, by):
        xs = np.array([positions[nodes[i].key][0] for i in cards])
        ys = np.array([positions[nodes[i].key][1] for i in cards])
        half_w = np.array([max(1.0, nodes[i].width) for i in cards]) / 2.0
        half_h = np.array([max(1.0, nodes[i].height) for i in cards]) / 2.0
        left = float((xs - half_w).min()) - FRAME_PAD
        top = float((ys - half_h).min()) - FRAME_PAD
        right = float((xs + half_w).max()) + FRAME_PAD
        bottom = float((ys + half_h).max()) + FRAME_PAD
        frames.append((label, (left, top, right - left, bottom - top)))
    return frames


def _groups(nodes: list[LayoutNode], by: str) -> list[tuple[str, list[int]]]:
    if by not in GROUPINGS:
        raise ValueError(f"cannot group by {by!r}; expected one of {GROUPINGS}")
    people = [i for i, n in enumerate(nodes) if not n.is_member]
    members = sorted((i for i, n in enumerate(nodes) if n.is_member), key=lambda i: nodes[i].key)
    found: dict[str, list[int]] = {}
    if by == "role":
        for i in people:
            found.setdefault(ROLE_ORDER[role_rank(nodes[i].role)], []).append(i)
        labels = [role for role in ROLE_ORDER if role in found]

        def within(i):
            # Within a role, colleagues from one department sit together.
            return nodes[i].department or "\uffff", nodes[i].key
    else:
        for i in people:
            found.setdefault(nodes[i].department or NO_DEPARTMENT, []).append(i)
        labels = sorted((d for d in found if d != NO_DEPARTMENT), key=lambda d: (-len(found[d]), d))
        labels += [NO_DEPARTMENT] if NO_DEPARTMENT in found else []

        def within(i):
            return role_rank(nodes[i].role), nodes[i].key
    groups = [(label, sorted(found[label], key=within)) for label in labels]
    if members:
        groups.append((MEMBER, members))
    return groups
