"""Org chart: reporting trees top-down, people outside any reporting line in a grid below, our team at the bottom.

Trees are placed with contours, as in Reingold–Tilford: each subtree keeps the left and right edge of every
row it occupies, and a sibling slides left until it would come closer than the sibling gap in some row. So a
narrow subtree tucks in under a wide neighbour's shoulder instead of the whole tree taking the width of its
widest level. A manager whose direct reports include several leaves gets those leaves as one compact block
of columns up to six cards deep, the way org-chart tools stack individual contributors, instead of a long
single row.

Rows share one pitch (tallest card plus the level gap), which keeps every level aligned across the whole
chart; a leaf block is denser inside and occupies as many rows as its height needs.

A chart of hundreds of people laid out this way is many times wider than high. So the reports of a manager
whose row would be wider than the chart should be (a rectangle of the view's aspect holding every card) wrap
into further rows below, and separate trees are arranged in rows the same way. Every wrapped row but the last
leaves a gap under its manager's centre, so the manager's line goes straight down to the rows below.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from app.layout.model import (
    Key,
    LayoutEdge,
    LayoutNode,
    Positions,
    Progress,
    Reporter,
    check_nodes,
    role_rank,
    sizes,
    usable_edges,
)
from app.layout.overlap import separate
from app.layout.pack import shelves
from app.layout.rows import columns_for, grid, place_row_near

SIBLING_GAP = 24.0
TREE_GAP = 96.0
LEVEL_GAP = 64.0
BLOCK_GAP = 24.0
SECTION_GAP = 120.0
# A manager with at least this many leaf reports gets them as a block; fewer stay in the row with the rest.
BLOCK_FROM = 2
BLOCK_ROWS = 6
# Safety margin passed to the final overlap check: the construction keeps at least this much by itself.
MIN_GAP = 24.0
# Width over height of the view the chart is meant for; rows wrap at this much wider than that shape needs.
ASPECT = 16.0 / 9.0
WRAP_SLACK = 1.5
# A row of up to this many cards never wraps: a committee-sized chart reads best as one tree.
WRAP_FROM = 12


def org_chart(nodes: Iterable[LayoutNode], edges: Iterable[LayoutEdge], progress: Progress | None = None,
              aspect: float = ASPECT) -> Positions:
    """Centres of the cards, managers above their reports (smaller y); wide levels wrap to suit `aspect`."""
    nodes = check_nodes(nodes)
    report = Reporter(progress)
    if not nodes:
        report.done()
        return {}
    index = {n.key: i for i, n in enumerate(nodes)}
    edges = usable_edges(edges, set(index))
    w, h = sizes(nodes)
    people = [i for i, n in enumerate(nodes) if not n.is_member]
    members = [i for i, n in enumerate(nodes) if n.is_member]

    report.stage(0.0, 0.1)
    manager = _managers(nodes, index, edges)
    children: dict[int, list[int]] = {}
    for child, boss in manager.items():
        children.setdefault(boss, []).append(child)
    roots = [i for i in people if i not in manager and i in children]
    loose = [i for i in people if i not in manager and i not in children]

    report.stage(0.1, 0.7)
    pitch = float(h.max()) + LEVEL_GAP
    in_trees = [i for i in people if i in manager or i in children]
    area = float(((w[in_trees] + SIBLING_GAP) * pitch).sum()) if in_trees else 0.0
    limit = max(WRAP_SLACK * math.sqrt(area * aspect), WRAP_FROM * (float(w.max()) + SIBLING_GAP))
    trees = _TreeLayout(nodes, w, h, children, pitch, report, limit)
    xy = np.zeros((len(nodes), 2))
    bottom = trees.place_forest(roots, xy, aspect)

    report.stage(0.7, 0.8)
    left, right = _extent(xy, w, trees.placed)
    cell_w = float(w.max()) + BLOCK_GAP
    # Below the trees, grids take the trees' width, so the chart stays one readable block.
    cols = max(1, math.floor((right - left + BLOCK_GAP) / cell_w)) if roots else 0
    if loose:
        loose.sort(key=lambda i: (role_rank(nodes[i].role), nodes[i].department or "\uffff", nodes[i].key))
        top = bottom + SECTION_GAP if roots else 0.0
        wide = max(cols, columns_for(len(loose), cell_w, pitch))
        _, bottom = grid(loose, xy, w, h, left, top, wide, BLOCK_GAP)
        left, right = _extent(xy, w, trees.placed + loose)

    report.stage(0.8, 0.9)
    if members:
        top = bottom + SECTION_GAP if len(members) < len(nodes) else 0.0
        wanted = _member_targets(members, nodes, index, edges, xy, trees.placed + loose)
        order = sorted(members, key=lambda i: (wanted[i] is None, wanted[i] or 0.0, nodes[i].key))
        if len(members) < len(nodes) and _row_width(order, w) <= right - left:
            place_row_near(order, xy, w, [wanted[i] for i in order], left, right, top + h[order].max() / 2.0,
                           SIBLING_GAP)
        else:
            wide = max(cols, columns_for(len(order), cell_w, pitch))
            grid(order, xy, w, h, left, top, wide, BLOCK_GAP)

    report.stage(0.9, 1.0)
    xy = separate(xy, w, h, MIN_GAP)
    report.done()
    return {n.key: (float(xy[i, 0]), float(xy[i, 1])) for i, n in enumerate(nodes)}


def _managers(nodes: list[LayoutNode], index: dict[Key, int], edges: list[LayoutEdge]) -> dict[int, int]:
    """Each person's one manager: the strongest reports_to link (then the smallest key); cycles cut."""
    best: dict[int, tuple[int, Key]] = {}
    for e in edges:
        if e.kind != "reports_to":
            continue
        child, boss = index[e.source], index[e.target]
        if nodes[child].is_member or nodes[boss].is_member:
            continue
        rank = (-e.strength, e.target)
        if child not in best or rank < best[child]:
            best[child] = rank
    manager = {child: index[target] for child, (_, target) in best.items()}

    # Every cycle in a one-parent graph is a loop that following managers runs into; its person with the
    # smallest key loses their manager and heads the tree, which gives the same answer for the same input.
    state: dict[int, int] = {}  # 1 on the current walk, 2 done
    for start in sorted(manager, key=lambda i: nodes[i].key):
        path = []
        v = start
        while v in manager and v not in state:
            state[v] = 1
            path.append(v)
            v = manager[v]
        if state.get(v) == 1:
            loop = path[path.index(v):]
            del manager[min(loop, key=lambda i: nodes[i].key)]
        for p in path:
            state[p] = 2
    return manager


class _TreeLayout:
    def __init__(self, nodes, w, h, children, pitch, report, limit=math.inf):
        self.nodes, self.w, self.h, self.pitch, self.report, self.limit = nodes, w, h, pitch, report, limit
        self.children = {boss: sorted(kids, key=lambda i: (role_rank(nodes[i].role), nodes[i].key))
                         for boss, kids in children.items()}
        self.dx: dict[int, float] = {}  # centre relative to the manager's centre
        self.drow: dict[int, float] = {}  # card centre below its own level row, for cards inside a leaf block
        self.dlevel: dict[int, int] = {}  # levels below the first row of reports, for reports in a wrapped row
        self.placed: list[int] = []

    def place_forest(self, roots: list[int], xy: np.ndarray, aspect: float = ASPECT) -> float:
        """Lays out the trees in rows from x = 0, y = 0, the biggest first; returns the lowest card edge."""
        if not roots:
            return 0.0
        sizes_ = {r: self._count(r) for r in roots}
        roots = sorted(roots, key=lambda r: (-sizes_[r], self.nodes[r].key))
        total = sum(sizes_.values())
        contours = [self._subtree(r, total) for r in roots]
        if len(roots) == 1 or _width(_pack(contours, TREE_GAP)[1]) <= self.limit:
            offsets, _ = _pack(contours, TREE_GAP)
            bottom = 0.0
            for r, off in zip(roots, offsets, strict=True):
                bottom = max(bottom, self._absolute(r, off - offsets[0], xy))
            return bottom
        # Whole trees in rows, each a block as wide as its widest level, so no tree reaches under another.
        blocks = [(_width(c), len(c[0]) * self.pitch - LEVEL_GAP) for c in contours]
        corners = shelves(blocks, TREE_GAP, aspect)
        bottom = 0.0
        for r, c, (x, y) in zip(roots, contours, corners, strict=True):
            levels = math.ceil(y / self.pitch - 1e-9)  # rows of trees stay on the chart's one level grid
            bottom = max(bottom, self._absolute(r, x - min(c[0]), xy, levels))
        return bottom

    def _count(self, root: int) -> int:
        count, stack = 0, [root]
        while stack:
            v = stack.pop()
            count += 1
            stack.extend(self.children.get(v, ()))
        return count

    def _subtree(self, root: int, total: int):
        """Contour (lefts, rights per row, relative to the root's centre) of the tree under root."""
        contour: dict[int, tuple[list[float], list[float]]] = {}
        stack = [(root, False)]
        while stack:
            v, ready = stack.pop()
            kids = self.children.get(v, [])
            if not ready:
                stack.append((v, True))
                stack.extend((k, False) for k in reversed(kids) if k in self.children)
                continue
            contour[v] = self._arrange(v, kids, contour)
            self.placed.append(v)
            if len(self.placed) % 256 == 0:
                self.report(len(self.placed) / total)
        return contour[root]

    def _arrange(self, v, kids, contour):
        half = self.w[v] / 2.0
        leaves = [k for k in kids if k not in self.children]
        block = len(leaves) >= BLOCK_FROM
        slots = []  # (contour, cards in the slot)
        if block:
            slots.append(self._leaf_block(leaves))
        for k in kids:
            if k in self.children:
                slots.append((contour.pop(k), [k]))
            elif not block:
                hw = self.w[k] / 2.0
                slots.append((([-hw], [hw]), [k]))
                self.placed.append(k)
        if not slots:
            return [-half], [half]
        offsets, (lefts, rights) = _pack([s[0] for s in slots], SIBLING_GAP)
        if len(slots) > 1 and _width((lefts, rights)) > self.limit:
            lefts, rights = self._wrap(slots)
            return [-half] + lefts, [half] + rights
        # The manager sits over the middle of its first and last slot, as tidy-tree drawings do.
        centre = (offsets[0] + offsets[-1]) / 2.0
        for (_, cards), off in zip(slots, offsets, strict=True):
            for k in cards:
                self.dx[k] = self.dx.get(k, 0.0) + off - centre
        return [-half] + [x - centre for x in lefts], [half] + [x - centre for x in rights]

    def _wrap(self, slots):
        """Slots in rows no wider than the limit, one below the other; the merged contour below the manager.

        Each row but the last is split into a left and a right half with the sibling gap centred under the
        manager, where the manager's line runs down to the rows below.
        """
        rows: list[list[int]] = [[]]
        for n in range(len(slots)):
            trial = rows[-1] + [n]
            if rows[-1] and _width(_pack([slots[m][0] for m in trial], SIBLING_GAP)[1]) > self.limit:
                rows.append([n])
            else:
                rows[-1] = trial
        lefts: list[float] = []
        rights: list[float] = []
        level = 0
        for number, row in enumerate(rows):
            last = number == len(rows) - 1
            placed = self._place_row(slots, row, split=not last)
            depth = max(len(slots[n][0][0]) for n in row)
            for n, off in placed:
                for k in slots[n][1]:
                    self.dx[k] = self.dx.get(k, 0.0) + off
                    self.dlevel[k] = level
                c_left, c_right = slots[n][0]
                for r, (a, b) in enumerate(zip(c_left, c_right, strict=True)):
                    while len(lefts) <= level + r:
                        lefts.append(math.inf)
                        rights.append(-math.inf)
                    lefts[level + r] = min(lefts[level + r], a + off)
                    rights[level + r] = max(rights[level + r], b + off)
            level += depth
        return lefts, rights

    def _place_row(self, slots, row, split):
        """(slot, offset of its anchor from the manager's centre) for one wrapped row."""
        contours = [slots[n][0] for n in row]
        if not split or len(row) == 1:
            offsets, merged = _pack(contours, SIBLING_GAP)
            if split:  # one slot alone: beside the manager's line, not over it
                return [(row[0], -max(merged[1]) - SIBLING_GAP / 2.0)]
            centre = (min(merged[0]) + max(merged[1])) / 2.0
            return [(n, off - centre) for n, off in zip(row, offsets, strict=True)]
        # The split that balances the two halves best.
        widths = [_width(c) + SIBLING_GAP for c in contours]
        total, run, cut = sum(widths), 0.0, 1
        best = math.inf
        for k in range(1, len(row)):
            run += widths[k - 1]
            if abs(2 * run - total) < best:
                best, cut = abs(2 * run - total), k
        out = []
        left_offsets, (_, left_rights) = _pack(contours[:cut], SIBLING_GAP)
        shift = -max(left_rights) - SIBLING_GAP / 2.0
        out += [(n, off + shift) for n, off in zip(row[:cut], left_offsets, strict=True)]
        right_offsets, (right_lefts, _) = _pack(contours[cut:], SIBLING_GAP)
        shift = -min(right_lefts) + SIBLING_GAP / 2.0
        out += [(n, off + shift) for n, off in zip(row[cut:], right_offsets, strict=True)]
        return out

    def _leaf_block(self, leaves):
        cols = math.ceil(len(leaves) / BLOCK_ROWS)
        rows = math.ceil(len(leaves) / cols)
        cell_w = float(self.w[leaves].max()) + BLOCK_GAP
        cell_h = float(self.h[leaves].max()) + BLOCK_GAP
        for n, k in enumerate(leaves):
            r, c = divmod(n, cols)
            self.dx[k] = (c - (cols - 1) / 2.0) * cell_w
            self.drow[k] = r * cell_h
            self.placed.append(k)
        # Rows of the chart that the block reaches into, counting the gap to the cards of the row below it.
        reach = (rows - 1) * cell_h + self.h[leaves].max() / 2.0 + self.h.max() / 2.0 + LEVEL_GAP
        levels = max(1, math.ceil(reach / self.pitch - 1e-9))
        half = (cols * cell_w - BLOCK_GAP) / 2.0
        return ([-half] * levels, [half] * levels), leaves

    def _absolute(self, root: int, x: float, xy: np.ndarray, level: int = 0) -> float:
        bottom = 0.0
        stack = [(root, x, level)]
        while stack:
            v, vx, level = stack.pop()
            xy[v] = (vx, level * self.pitch + self.drow.get(v, 0.0))
            bottom = max(bottom, xy[v, 1] + self.h[v] / 2.0)
            for k in self.children.get(v, ()):
                stack.append((k, vx + self.dx[k], level + 1 + self.dlevel.get(k, 0)))
        return bottom


def _pack(contours, gap):
    """Slides each contour right of the ones before it; offsets of their anchors and the merged contour."""
    lefts, rights = list(contours[0][0]), list(contours[0][1])
    offsets = [0.0]
    for c_left, c_right in contours[1:]:
        common = min(len(rights), len(c_left))
        shift = max(rights[r] - c_left[r] for r in range(common)) + gap
        offsets.append(shift)
        for r in range(len(c_left)):
            if r < len(rights):
                rights[r] = c_right[r] + shift
            else:
                lefts.append(c_left[r] + shift)
                rights.append(c_right[r] + shift)
    return offsets, (lefts, rights)


def _width(contour) -> float:
    return max(contour[1]) - min(contour[0])


def _extent(xy, w, which) -> tuple[float, float]:
    if not which:
        return 0.0, 0.0
    which = list(which)
    return float((xy[which, 0] - w[which] / 2.0).min()), float((xy[which, 0] + w[which] / 2.0).max())


def _member_targets(members, nodes, index, edges, xy, placed):
    """Where each team member would like to sit: under the weighted middle of the people they cover."""
    laid = set(placed)
    sums: dict[int, list[float]] = {}
    for e in edges:
        if e.kind != "covers":
            continue
        m, p = index[e.source], index[e.target]
        if not nodes[m].is_member:
            m, p = p, m
        if nodes[m].is_member and p in laid:
            acc = sums.setdefault(m, [0.0, 0.0])
            acc[0] += e.strength * xy[p, 0]
            acc[1] += e.strength
    return {m: (sums[m][0] / sums[m][1] if m in sums and sums[m][1] > 0 else None) for m in members}


def _row_width(cards, w) -> float:
    return float(w[cards].sum()) + SIBLING_GAP * (len(cards) - 1)
