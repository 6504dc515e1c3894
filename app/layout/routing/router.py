"""Every link's path from the cards' rectangles: elbows for reporting lines, clear polylines for the rest.

Order of work: in an org chart, reporting lines whose manager stands above get elbow connectors (a drop from
the manager, a bus shared by the manager's reports, a drop to the report) or, where a stacked block of
reports is in the way, the same elbow led down a side channel. Every other link first tries the straight
line between the cards; the ones that would touch a third card go through the visibility graph. Parallel
links of one pair are then pushed apart sideways, each by the largest offset that keeps it clear (on its own
side first, then on the other).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

import numpy as np

from app.layout.routing import kernels
from app.layout.routing.geometry import CLEARANCE, Obstacles
from app.layout.routing.graph import WAYPOINT_SLACK, VisibilityGraph

Point = tuple[float, float]
Path = list[Point]
Card = tuple[float, float, float, float]
Link = tuple[Hashable, Hashable, Hashable, str]

REPORTING = ("reports_to", "dotted_line")
# Sideways offsets tried for the k-th parallel link of a pair, largest first.
PARALLEL_STEPS = (14.0, 8.0, 4.0, 2.0, 1.0)
# Between two rows of an org chart there is more free height than this; inside a stack of reports, less (the
# layout sets stacked cards 24 apart, and cards of one row differ in height by up to 24).
ROW_BREAK = 45.0
# Rounds of pulling paths taut; most paths are taut after a few.
TAUT_ROUNDS = 16


def card_rects(cards: Mapping[Hashable, Card]) -> tuple[list[Hashable], np.ndarray]:
    keys = list(cards)
    if not keys:
        return keys, np.zeros((0, 4))
    c = np.array([cards[k] for k in keys], dtype=float)
    half = c[:, 2:] / 2
    return keys, np.column_stack((c[:, :2] - half, c[:, :2] + half))


def route_links(cards: Mapping[Hashable, Card], links: Iterable[Link], org_chart: bool = False,
                clearance: float = CLEARANCE) -> dict[Hashable, Path]:
    """{link_id: [(x, y), ...]} from the source card's border to the target card's border.

    `cards` maps a key to (centre x, centre y, width, height) of the card as painted (grown by its badges and
    rings); `links` are (link_id, source_key, target_key, kind). With `org_chart`, reporting lines
    (reports_to, dotted_line from report to manager) whose manager is above the report are orthogonal elbows
    leaving the report's top edge and entering the manager's bottom edge. Links to a card that is not in
    `cards`, and loops, get no path.
    """
    keys, rects = card_rects(cards)
    # Cards numbered by where they stand, not by the order they came in: the search breaks ties between
    # equally short paths by number, and the same map should route the same however it was listed.
    order = np.lexsort((rects[:, 3], rects[:, 2], rects[:, 1], rects[:, 0])) if len(keys) else np.zeros(0, int)
    keys, rects = [keys[i] for i in order], rects[order]
    index = {k: i for i, k in enumerate(keys)}
    todo = [(lid, index[s], index[t], kind) for lid, s, t, kind in links
            if s in index and t in index and s != t]
    obstacles = Obstacles(rects, clearance)
    paths: dict[Hashable, Path] = {}
    rest = list(todo)
    if org_chart:
        elbows = _elbows(rects, todo, obstacles)
        paths.update(elbows)
        rest = [link for link in todo if link[0] not in elbows]
    paths.update(_straight_or_around(rects, rest, obstacles))
    _separate_parallels(rects, todo, paths, obstacles)
    return {lid: paths[lid] for lid, *_ in todo if lid in paths}


def _first_clear(options: list[list[Path]], ends: list[tuple[int, int]], obstacles: Obstacles) -> list[Path | None]:
    """For each link, the first of its candidate paths that keeps clear of every other card (or None).

    Candidates of the same rank are tested together, so there is one bulk test per rank, not per path.
    """
    chosen: list[Path | None] = [None] * len(options)
    rank = 0
    while True:
        todo = [k for k in range(len(options)) if chosen[k] is None and rank < len(options[k])]
        if not todo:
            return chosen
        p0, p1, owner, end_a, end_b = [], [], [], [], []
        for k in todo:
            path = options[k][rank]
            p0 += path[:-1]
            p1 += path[1:]
            owner += [k] * (len(path) - 1)
            end_a += [ends[k][0]] * (len(path) - 1)
            end_b += [ends[k][1]] * (len(path) - 1)
        blocked = obstacles.blocked(np.array(p0), np.array(p1), np.array(end_a), np.array(end_b))
        bad = set(np.asarray(owner)[blocked].tolist())
        for k in todo:
            if k not in bad:
                chosen[k] = options[k][rank]
        rank += 1


def _straight_or_around(rects, links, obstacles) -> dict[Hashable, Path]:
    if not links:
        return {}
    s = np.array([link[1] for link in links], dtype=np.int64)
    t = np.array([link[2] for link in links], dtype=np.int64)
    centre = (rects[:, :2] + rects[:, 2:]) / 2
    starts = _border_points(rects[s], centre[t])
    ends = _border_points(rects[t], centre[s])
    blocked = obstacles.blocked(starts, ends, s, t)
    straight = [[(float(a[0]), float(a[1])), (float(b[0]), float(b[1]))] for a, b in zip(starts, ends, strict=True)]
    paths = {link[0]: straight[k] for k, link in enumerate(links) if not blocked[k]}
    stuck = np.flatnonzero(blocked)
    if not len(stuck):
        return paths
    graph = VisibilityGraph(rects, obstacles)
    ss, tt = s[stuck], t[stuck]
    flat, counts = graph.paths(ss, tt, starts[stuck], ends[stuck])
    inner = graph.points[flat]
    base = np.cumsum(counts) - counts
    way = np.repeat(np.arange(len(stuck)), counts)
    found = counts > 0
    for k in stuck[~found]:  # no way around: the straight line is the honest fallback
        paths[links[k][0]] = straight[k]
    if not found.any():
        return paths
    first = inner[base[found]]
    last = inner[base[found] + counts[found] - 1]
    # Every route: the source's border point, the waypoints, the target's border point, in one flat array.
    lengths = counts[found] + 2
    head = np.cumsum(lengths) - lengths
    points = np.empty((int(lengths.sum()), 2))
    points[head] = _border_points(rects[ss[found]], first)
    points[head + lengths - 1] = _border_points(rects[tt[found]], last)
    body = np.ones(len(points), dtype=bool)
    body[head] = body[head + lengths - 1] = False
    points[body] = inner[found[way]]
    taut = _pull_taut(points, lengths, np.column_stack((ss[found], tt[found])), obstacles)
    paths.update(zip([links[k][0] for k in stuck[found]], taut, strict=True))
    return paths


def _border_points(rects: np.ndarray, toward: np.ndarray) -> np.ndarray:
    """Where the ray from each rectangle's centre toward its point leaves the rectangle."""
    cx, cy = (rects[:, 0] + rects[:, 2]) / 2, (rects[:, 1] + rects[:, 3]) / 2
    dx, dy = toward[:, 0] - cx, toward[:, 1] - cy
    hw, hh = (rects[:, 2] - rects[:, 0]) / 2, (rects[:, 3] - rects[:, 1]) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.minimum(np.where(dx != 0, hw / np.abs(dx), np.inf), np.where(dy != 0, hh / np.abs(dy), np.inf))
    centre = (dx == 0) & (dy == 0)
    scale[centre] = 0.0
    return np.column_stack((cx + dx * scale, cy + dy * scale))


def _pull_taut(points: np.ndarray, lengths: np.ndarray, cards: np.ndarray, obstacles: Obstacles) -> list[Path]:
    """Each path pulled taut like a rubber band: a waypoint goes when its two neighbours see each other.

    The paths come as one flat array of points, each path's count of points, and each path's two cards. All are
    worked on at once (in a compiled loop, kernels.pull_taut), as one list of points linked to their neighbours.
    Each round tests the shortcut past every waypoint whose neighbours changed since it was last tested, all
    before any waypoint goes; of a run of neighbouring
    waypoints whose shortcuts are clear, every other one goes (two neighbours leaving together would join points
    no test has seen). The ends stay where they are, on the borders.
    """
    base = np.cumsum(lengths) - lengths
    path_of = np.repeat(np.arange(len(lengths)), lengths)
    local = np.arange(len(points)) - base[path_of]
    inner = (local >= 1) & (local < lengths[path_of] - 1)
    # A waypoint that repeats the one before it goes first, then every waypoint in a straight line (along x or
    # along y) with both its neighbours: without them the path keeps to the same segments, so no test is needed.
    alive = ~(inner & np.r_[False, np.all(points[1:] == points[:-1], axis=1)])
    before, after = _neighbours(alive, path_of)
    a, b = points[np.maximum(before, 0)], points[np.maximum(after, 0)]
    alive &= ~(inner & (((a[:, 0] == points[:, 0]) & (points[:, 0] == b[:, 0]))
                        | ((a[:, 1] == points[:, 1]) & (points[:, 1] == b[:, 1]))))
    before, after = _neighbours(alive, path_of)
    alive = kernels.pull_taut(points, before, after, inner, alive, inner & alive, path_of, cards, TAUT_ROUNDS,
                              obstacles.grid())
    kept = np.flatnonzero(alive)
    # The ends never go, so every path keeps at least its two ends.
    bounds = np.r_[np.searchsorted(kept, base), len(kept)].tolist()
    # Zipping two lists of floats makes the tuples several times faster than a tuple of each row.
    left = list(zip(points[kept, 0].tolist(), points[kept, 1].tolist(), strict=True))
    return [left[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _neighbours(alive: np.ndarray, path_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each live point's live neighbours on its own path, before and after (-1 at the path's ends)."""
    before = np.full(len(alive), -1)
    after = np.full(len(alive), -1)
    kept = np.flatnonzero(alive)
    same = path_of[kept[1:]] == path_of[kept[:-1]]
    before[kept[1:]] = np.where(same, kept[:-1], -1)
    after[kept[:-1]] = np.where(same, kept[1:], -1)
    return before, after


def _elbows(rects, links, obstacles) -> dict[Hashable, Path]:
    """Orthogonal reporting lines for each manager standing above the report."""
    reporting = [link for link in links if link[3] in REPORTING and rects[link[2], 3] < rects[link[1], 1]]
    offset = obstacles.clearance + WAYPOINT_SLACK
    row_bus = _row_buses(rects, reporting, offset)
    tops: dict[int, float] = {}
    for _, report, boss, kind in reporting:
        if kind == "reports_to":
            tops[boss] = min(tops.get(boss, np.inf), float(rects[report, 1]))
    first_bus = {boss: (float(rects[boss, 3]) + top) / 2 for boss, top in tops.items()}
    sides = _channels(rects, reporting, row_bus, offset)
    options, ends = [], []
    for number, (_lid, report, boss, _kind) in enumerate(reporting):
        r, m = rects[report], rects[boss]
        drop_x = float((m[0] + m[2]) / 2)
        report_x = float((r[0] + r[2]) / 2)
        above = float(r[1]) - offset
        # The first row's bus, then the bus of the report's own row, then ones of its own: the first clear one wins.
        buses = []
        for bus in (first_bus.get(boss), row_bus.get((boss, report)), (float(m[3]) + float(r[1])) / 2,
                    float(r[1]) - 3 * offset):
            if bus is not None and bus not in buses:
                buses.append(bus)
        candidates = []
        for bus in buses:
            candidates.append([(report_x, float(r[1])), (report_x, bus), (drop_x, bus), (drop_x, float(m[3]))])
            if above > bus:
                # A report stacked under its siblings: down a channel beside the column, in above the card.
                for side in sides[number]:
                    candidates.append([(report_x, float(r[1])), (report_x, above), (side, above), (side, bus),
                                       (drop_x, bus), (drop_x, float(m[3]))])
        options.append([_simplify(path) for path in candidates])
        ends.append((report, boss))
    chosen = _first_clear(options, ends, obstacles)
    return {link[0]: path for link, path in zip(reporting, chosen, strict=True) if path is not None}


def _channels(rects, reporting, row_bus, offset) -> list[tuple[float, float]]:
    """For each reporting line, the x of a free channel left and right of the cards stacked above the report.

    The cards in a stack differ in width, so the channel clears the widest card the straight drop would meet.
    """
    if not reporting:
        return []
    reports = np.array([link[1] for link in reporting])
    bosses = np.array([link[2] for link in reporting])
    x = (rects[reports, 0] + rects[reports, 2]) / 2
    bus = np.array([row_bus.get((link[2], link[1]), rects[link[1], 1]) for link in reporting])
    seg, rect = Obstacles(rects, 1.0).near(np.column_stack((x, bus)), np.column_stack((x, rects[reports, 1])),
                                           reports, bosses)
    lows = rects[reports, 0].copy()
    highs = rects[reports, 2].copy()
    np.minimum.at(lows, seg, rects[rect, 0])
    np.maximum.at(highs, seg, rects[rect, 2])
    return list(zip((lows - offset).tolist(), (highs + offset).tolist(), strict=True))


def _row_buses(rects, reporting, offset) -> dict[tuple[int, int], float]:
    """The bus of each (manager, report): the line its row of reports hangs from.

    A manager's reports may stand in several rows (an org chart wraps a wide level), and a block of stacked
    reports counts as one row: a report whose top is further below the reports above it than a stack's gap
    starts a new row. The first row hangs halfway between the manager and it; a row further down hangs just
    above its own top, reached by the manager's line coming straight down between the halves of the rows above.
    """
    by_boss: dict[int, list[int]] = {}
    for _lid, report, boss, kind in reporting:
        if kind == "reports_to":
            by_boss.setdefault(boss, []).append(report)
    out: dict[tuple[int, int], float] = {}
    for boss, reports in by_boss.items():
        reports = sorted(set(reports), key=lambda i: rects[i, 1])
        row_top = float(rects[reports[0], 1])
        lowest = -np.inf
        first = True
        for report in reports:
            top = float(rects[report, 1])
            if lowest > -np.inf and top - lowest > ROW_BREAK:
                row_top, first = top, False
            lowest = max(lowest, float(rects[report, 3]))
            out[boss, report] = (float(rects[boss, 3]) + row_top) / 2 if first else row_top - 3 * offset
    return out


def _simplify(path: Path) -> Path:
    """Without repeated points and without middle points of straight runs."""
    out: Path = []
    for p in path:
        if out and out[-1] == p:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (ax == bx == p[0]) or (ay == by == p[1]):
                out[-1] = p
                continue
        out.append(p)
    return out


def _separate_parallels(rects, links, paths, obstacles) -> None:
    groups: dict[tuple[int, int], list[tuple[Hashable, int, int]]] = {}
    for lid, s, t, _ in links:
        if lid in paths:
            groups.setdefault((min(s, t), max(s, t)), []).append((lid, s, t))
    todo = []
    for group in groups.values():
        if len(group) < 2:
            continue
        for rank, (lid, s, t) in enumerate(group[1:], start=1):
            # ±1, ±2, …: alternate sides, measured on the pair's own orientation so reversed links agree.
            side = (1 if rank % 2 else -1) * ((rank + 1) // 2)
            base = paths[lid] if s < t else paths[lid][::-1]
            # Its own side first, then the other side (a card may stand close on one side only).
            offsets = [sign * side * step for sign in (1, -1) for step in PARALLEL_STEPS]
            moved = [_offset(base, offset, rects[min(s, t)], rects[max(s, t)]) for offset in offsets]
            # Where no offset copy fits (a path along a narrow channel), only the ends move along the borders:
            # the links share the channel but leave and enter their cards apart.
            moved += [_offset(base, offset, rects[min(s, t)], rects[max(s, t)], ends_only=True) for offset in offsets]
            moved = [path for path in moved if path is not None]
            todo.append((lid, s, t, moved))
    chosen = _first_clear([m for *_, m in todo], [(s, t) for _, s, t, _ in todo], obstacles)
    for (lid, s, t, moved), path in zip(todo, chosen, strict=True):
        # None clear: the smallest offset still tells the links apart, at the cost of grazing a card.
        path = path or (moved[-1] if moved else None)
        if path is not None:
            paths[lid] = path if s < t else path[::-1]


def _offset(path: Path, distance: float, first: np.ndarray, last: np.ndarray, ends_only: bool = False
            ) -> Path | None:
    """The polyline moved `distance` to its left, its ends put back on the two cards' borders (with
    `ends_only`, only its two ends move)."""
    p = np.asarray(path, dtype=float)
    d = np.diff(p, axis=0)
    length = np.hypot(d[:, 0], d[:, 1])
    if np.any(length == 0):
        return None
    normal = np.column_stack((-d[:, 1], d[:, 0])) / length[:, None]
    # Each vertex moves along the bisector, scaled so that every segment moves by `distance` (a miter join).
    vertex_normal = np.vstack((normal[:1], normal[:-1] + normal[1:], normal[-1:]))
    if len(p) > 2:
        inner = vertex_normal[1:-1]
        vertex_normal[1:-1] = inner / np.maximum((inner * normal[1:]).sum(axis=1), 1e-3)[:, None]
    moved = p + vertex_normal * distance
    if ends_only:
        moved[1:-1] = p[1:-1]
    moved[0] = _nearest_on_border(first, moved[0])
    moved[-1] = _nearest_on_border(last, moved[-1])
    return [(float(x), float(y)) for x, y in moved]


def _nearest_on_border(rect: np.ndarray, point: np.ndarray) -> np.ndarray:
    x = min(max(point[0], rect[0]), rect[2])
    y = min(max(point[1], rect[1]), rect[3])
    if rect[0] < x < rect[2] and rect[1] < y < rect[3]:  # inside: out to the nearest side
        gaps = (x - rect[0], rect[2] - x, y - rect[1], rect[3] - y)
        side = int(np.argmin(gaps))
        x = (rect[0], rect[2], x, x)[side]
        y = (y, y, rect[1], rect[3])[side]
    return np.array([x, y])


def count_crossings(cards: Mapping[Hashable, Card], paths: Mapping[Hashable, Path], links: Iterable[Link],
                    clearance: float = CLEARANCE) -> int:
    """How many (link, card) pairs have the link's path within `clearance` of a card that is not its end."""
    keys, rects = card_rects(cards)
    index = {k: i for i, k in enumerate(keys)}
    p0, p1, owner, end_a, end_b = [], [], [], [], []
    for number, (lid, s, t, _kind) in enumerate(links):
        path = paths.get(lid)
        if not path or s not in index or t not in index:
            continue
        for a, b in zip(path[:-1], path[1:], strict=False):
            p0.append(a)
            p1.append(b)
            owner.append(number)
            end_a.append(index[s])
            end_b.append(index[t])
    if not p0:
        return 0
    seg, rect = Obstacles(rects, clearance).near(np.array(p0), np.array(p1), np.array(end_a), np.array(end_b))
    return len(np.unique(np.asarray(owner)[seg].astype(np.int64) * max(len(rects), 1) + rect))
