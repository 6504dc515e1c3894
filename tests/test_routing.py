"""Link routing (app.layout.routing): paths around cards, elbows in org charts, and the crossing count."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from app.layout import force_directed, grouped, org_chart
from app.layout.routing import CLEARANCE, count_crossings, painted_card, route_links
from app.layout.routing.geometry import Obstacles, segment_rect_distance, within
from app.layout.synthetic import sample_map

LAYOUTS = {
    "org_chart": org_chart,
    "force_directed": force_directed,
    "by_role": lambda nodes, edges: grouped(nodes, edges, "role"),
    "by_department": lambda nodes, edges: grouped(nodes, edges, "department"),
}


def rect_of(card):
    cx, cy, w, h = card
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def distance_to_rect(path, rect) -> float:
    """Brute force: the path sampled densely, each sample's distance to the rectangle."""
    best = np.inf
    for (ax, ay), (bx, by) in itertools.pairwise(path):
        t = np.linspace(0.0, 1.0, 2001)
        x, y = ax + (bx - ax) * t, ay + (by - ay) * t
        dx = np.maximum.reduce([rect[0] - x, np.zeros_like(x), x - rect[2]])
        dy = np.maximum.reduce([rect[1] - y, np.zeros_like(y), y - rect[3]])
        best = min(best, float(np.hypot(dx, dy).min()))
    return best


def on_border(point, card, side=None, tol=1e-6) -> bool:
    left, top, right, bottom = rect_of(card)
    x, y = point
    sides = {
        "top": abs(y - top) < tol and left - tol <= x <= right + tol,
        "bottom": abs(y - bottom) < tol and left - tol <= x <= right + tol,
        "left": abs(x - left) < tol and top - tol <= y <= bottom + tol,
        "right": abs(x - right) < tol and top - tol <= y <= bottom + tol,
    }
    return sides[side] if side else any(sides.values())


def assert_ends_on_borders(cards, paths, links):
    for lid, s, t, _ in links:
        assert on_border(paths[lid][0], cards[s]), (lid, paths[lid])
        assert on_border(paths[lid][-1], cards[t]), (lid, paths[lid])


# -- small cases ----------------------------------------------------------------------------------------------
def test_a_card_in_between_is_gone_around_with_clearance():
    cards = {"a": (0.0, 0.0, 200.0, 90.0), "b": (600.0, 0.0, 200.0, 90.0), "c": (300.0, 0.0, 200.0, 90.0)}
    links = [(1, "a", "b", "influences")]
    paths = route_links(cards, links)
    assert len(paths[1]) > 2
    assert distance_to_rect(paths[1], rect_of(cards["c"])) >= CLEARANCE - 1e-6
    assert count_crossings(cards, paths, links) == 0
    assert_ends_on_borders(cards, paths, links)


def test_a_clear_link_is_straight():
    cards = {"a": (0.0, 0.0, 200.0, 90.0), "b": (600.0, 0.0, 200.0, 90.0)}
    paths = route_links(cards, [(1, "a", "b", "knows")])
    assert paths[1] == [(100.0, 0.0), (500.0, 0.0)]


def test_parallel_links_of_one_pair_differ():
    cards = {"a": (0.0, 0.0, 200.0, 90.0), "b": (600.0, 300.0, 200.0, 90.0), "c": (300.0, 500.0, 200.0, 90.0)}
    links = [(1, "a", "b", "influences"), (2, "b", "a", "rival"), (3, "a", "b", "knows")]
    paths = route_links(cards, links)
    assert len({tuple(p) for p in paths.values()}) == 3
    assert count_crossings(cards, paths, links) == 0
    assert_ends_on_borders(cards, paths, links)


def org_cards():
    # A manager above three reports and a fourth report stacked under the first one.
    return {
        "boss": (400.0, 0.0, 210.0, 94.0),
        "r1": (100.0, 200.0, 210.0, 94.0),
        "r2": (400.0, 200.0, 210.0, 94.0),
        "r3": (700.0, 200.0, 210.0, 94.0),
        "r4": (100.0, 330.0, 210.0, 94.0),
    }


def test_reporting_lines_of_an_org_chart_are_elbows_sharing_a_trunk():
    cards = org_cards()
    links = [(k, f"r{k}", "boss", "reports_to") for k in (1, 2, 3, 4)]
    paths = route_links(cards, links, org_chart=True)
    assert count_crossings(cards, paths, links) == 0
    buses, drops = set(), set()
    for lid, report, boss, _ in links:
        # Read from the manager down: paths run from the source (the report) to the target (the manager).
        down = paths[lid][::-1]
        for (ax, ay), (bx, by) in itertools.pairwise(down):
            assert ax == bx or ay == by
        assert on_border(down[0], cards[boss], "bottom")
        assert on_border(down[-1], cards[report], "top")
        drops.add(down[0])
        if len(down) > 2:
            buses.add(down[1][1])
    assert len(drops) == 1 and drops == {(400.0, 47.0)}
    assert len(buses) == 1


@pytest.mark.parametrize("people", [300, 2000])
def test_reporting_lines_of_a_wrapped_org_chart_stay_orthogonal(people):
    nodes, edges = sample_map(people, seed=20240611)
    cards, links = cards_and_links(nodes, edges, org_chart(nodes, edges))
    paths = route_links(cards, links, org_chart=True)
    assert count_crossings(cards, paths, links) == 0
    reporting = [lid for lid, _s, _t, kind in links if kind == "reports_to"]
    square = [lid for lid in reporting
              if all(ax == bx or ay == by for (ax, ay), (bx, by) in itertools.pairwise(paths[lid]))]
    # Wrapped rows hang from the manager's line coming down between their halves; the few left (a stack
    # boxed in by its neighbours) take the general route around the cards.
    assert len(square) >= 0.99 * len(reporting), (len(square), len(reporting))


def test_a_wrapped_row_hangs_from_the_managers_line_between_the_rows_halves():
    # A manager, a first row split under it, and a second row below: the second row's lines come down the gap.
    cards = {"boss": (0.0, 0.0, 200.0, 90.0)}
    # Only the gap under the manager is wide enough for a line (the others are 8 wide).
    for n, x in enumerate((-322.0, -114.0, 114.0, 322.0)):
        cards[f"a{n}"] = (x, 160.0, 200.0, 90.0)
    for n, x in enumerate((-228.0, 0.0, 228.0)):
        cards[f"b{n}"] = (x, 320.0, 200.0, 90.0)
    links = [(k, k, "boss", "reports_to") for k in cards if k != "boss"]
    paths = route_links(cards, links, org_chart=True)
    assert count_crossings(cards, paths, links) == 0
    for lid, *_ in links:
        assert all(ax == bx or ay == by for (ax, ay), (bx, by) in itertools.pairwise(paths[lid])), paths[lid]
    # The second row's bus lies between the rows, below the first row's cards.
    first_bottom = 160.0 + 45.0
    for k in ("b0", "b2"):
        assert first_bottom < paths[k][1][1] < 320.0 - 45.0, paths[k]


def test_same_input_same_output():
    nodes, edges = sample_map(120, seed=3)
    positions = force_directed(nodes, edges)
    cards, links = cards_and_links(nodes, edges, positions)
    assert route_links(cards, links) == route_links(dict(reversed(list(cards.items()))), links)
    assert route_links(cards, links) == route_links(cards, links)


def test_moving_a_card_and_rerouting_stays_clear():
    nodes, edges = sample_map(80, seed=5)
    positions = org_chart(nodes, edges)
    cards, links = cards_and_links(nodes, edges, positions)
    key = nodes[10].key
    cx, cy, w, h = cards[key]
    # Into an empty spot below everything else.
    bottom = max(c[1] + c[3] / 2 for c in cards.values())
    cards[key] = (cx + 37.0, bottom + 200.0, w, h)
    paths = route_links(cards, links, org_chart=True)
    assert count_crossings(cards, paths, links) == 0
    assert_ends_on_borders(cards, paths, links)


def test_links_to_missing_cards_and_loops_get_no_path():
    cards = {"a": (0.0, 0.0, 100.0, 50.0)}
    assert route_links(cards, [(1, "a", "a", "knows"), (2, "a", "z", "knows")]) == {}
    assert route_links({}, []) == {}


# -- the crossing count ---------------------------------------------------------------------------------------
def test_segment_rect_distance_matches_brute_force():
    rng = np.random.default_rng(11)
    p0 = rng.uniform(-300, 300, (400, 2))
    p1 = p0 + rng.uniform(-200, 200, (400, 2))
    p1[:40, 0] = p0[:40, 0]  # vertical and horizontal ones too, and a few points
    p1[40:80, 1] = p0[40:80, 1]
    p1[80:90] = p0[80:90]
    lo = rng.uniform(-100, 50, (400, 2))
    rects = np.column_stack((lo, lo + rng.uniform(10, 150, (400, 2))))
    fast = segment_rect_distance(p0, p1, rects)
    slow = np.array([distance_to_rect([tuple(a), tuple(b)], r) for a, b, r in zip(p0, p1, rects, strict=True)])
    # The brute force samples the segment, so it can only overestimate, by at most half a sample step.
    assert np.all(fast <= slow + 1e-9)
    assert np.all(slow - fast <= np.hypot(*(p1 - p0).T) / 2000 + 1e-9)


def test_within_agrees_with_the_distance():
    rng = np.random.default_rng(12)
    p0 = rng.uniform(-300, 300, (4000, 2))
    p1 = p0 + rng.uniform(-200, 200, (4000, 2))
    p1[:400, 0] = p0[:400, 0]
    p1[400:800, 1] = p0[400:800, 1]
    lo = rng.uniform(-100, 50, (4000, 2))
    rects = np.column_stack((lo, lo + rng.uniform(10, 150, (4000, 2))))
    distance = segment_rect_distance(p0, p1, rects)
    for reach in (0.5, 6.0, 40.0):
        near = within(p0, p1, rects, reach)
        # Both answers, and some segments near each rounded corner, where the crosses alone would be wrong.
        assert near.any() and (~near).any()
        assert np.array_equal(near, distance < reach)


def test_long_segments_are_blocked_exactly_where_some_card_is_near():
    rng = np.random.default_rng(5)
    centres = rng.uniform(0, 6000, (300, 2))
    rects = np.column_stack((centres - (60, 30), centres + (60, 30)))
    obstacles = Obstacles(rects)
    p0 = rng.uniform(0, 6000, (600, 2))
    p1 = rng.uniform(0, 6000, (600, 2))
    ends = rng.integers(-1, 300, (2, 600))
    blocked = obstacles.blocked(p0, p1, ends[0], ends[1])
    # Every segment against every card, with the distance that the test above checks by brute force.
    seg, card = np.divmod(np.arange(600 * 300), 300)
    near = segment_rect_distance(p0[seg], p1[seg], rects[card]) < CLEARANCE - 1e-6
    near &= (card != ends[0][seg]) & (card != ends[1][seg])
    slow = np.bincount(seg[near], minlength=600) > 0
    # Long ones (measured a third at a time) and short ones, blocked and clear.
    long = np.abs(p1 - p0).max(axis=1) > 3 * obstacles.cell
    assert long.any() and (~long).any() and blocked[long].any() and (~blocked[long]).any()
    assert np.array_equal(blocked, slow)


def test_the_breadth_first_ways_have_the_fewest_hops():
    import igraph

    from app.layout.routing import kernels

    rng = np.random.default_rng(8)
    count = 300
    edges = np.unique(rng.integers(0, count, (900, 2)), axis=0)
    edges = edges[edges[:, 0] != edges[:, 1]]
    indptr = np.r_[0, np.cumsum(np.bincount(edges[:, 0], minlength=count))]
    starts = np.array([0, 5, 17])
    goals = [rng.choice(count, 40, replace=False) for _ in starts]
    bounds = np.r_[0, np.cumsum([len(g) for g in goals])]
    flat, offsets = kernels.fewest_hops(indptr, edges[:, 1], starts, bounds, np.concatenate(goals))
    reference = igraph.Graph(n=count, edges=edges.tolist(), directed=True)
    edge_set = set(map(tuple, edges.tolist()))
    unreachable = 0
    for g, start in enumerate(starts):
        hops = reference.distances(int(start), mode="out")[0]
        for r in range(bounds[g], bounds[g + 1]):
            way = flat[offsets[r]:offsets[r + 1]].tolist()
            target = int(np.concatenate(goals)[r])
            if hops[target] == float("inf"):
                assert way == []
                unreachable += 1
                continue
            assert way[0] == start and way[-1] == target
            assert all((a, b) in edge_set for a, b in itertools.pairwise(way))
            assert len(way) - 1 == hops[target]
    assert 0 < unreachable < bounds[-1] / 2  # both kinds of target


def test_ways_joined_from_pieces_lose_their_loops():
    from app.layout.routing import kernels

    flat = np.array([1, 2, 3, 4, 5, 3, 6, 7, 9, 8])
    # Way 0: 1 2 3 4 then 5 3 6 (back at 3: 4 and 5 go); way 1: 9 7 backwards, then 8.
    first, last = np.array([0, 4, 7, 9]), np.array([4, 7, 9, 10])
    backwards = np.array([False, False, True, False])
    out, counts = kernels.join_ways(flat, first, last, backwards, np.array([0, 2, 4]), 10)
    assert counts.tolist() == [4, 3]
    assert out.tolist() == [1, 2, 3, 6, 9, 7, 8]


def test_count_crossings_matches_brute_force():
    rng = np.random.default_rng(4)
    cards = {k: (float(x), float(y), 120.0, 60.0) for k, (x, y) in enumerate(rng.uniform(0, 1500, (40, 2)))}
    links, paths = [], {}
    for lid in range(150):
        s, t = (int(v) for v in rng.choice(40, 2, replace=False))
        middle = [tuple(p) for p in rng.uniform(0, 1500, (int(rng.integers(0, 3)), 2))]
        links.append((lid, s, t, "knows"))
        paths[lid] = [cards[s][:2], *middle, cards[t][:2]]
    expected = sum(1 for lid, s, t, _ in links for k, card in cards.items()
                   if k not in (s, t) and distance_to_rect(paths[lid], rect_of(card)) < CLEARANCE - 1e-3)
    assert count_crossings(cards, paths, links) == expected
    assert expected > 0


# -- real layouts ---------------------------------------------------------------------------------------------
def cards_and_links(nodes, edges, positions):
    cards = {n.key: painted_card(*positions[n.key], n.width, n.height) for n in nodes}
    links = [(i, e.source, e.target, e.kind) for i, e in enumerate(edges)]
    return cards, links


@pytest.fixture(scope="module")
def maps():
    from app.views.map.auto_layout import demo_layout_input

    found = demo_layout_input()
    found["generated 300"] = sample_map(300, seed=20240611)
    return found


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_real_layouts_route_without_crossings(maps, layout):
    for name, (nodes, edges) in maps.items():
        cards, links = cards_and_links(nodes, edges, LAYOUTS[layout](nodes, edges))
        paths = route_links(cards, links, org_chart=layout == "org_chart")
        assert len(paths) == len(links), name
        assert count_crossings(cards, paths, links) == 0, (name, layout)
        assert_ends_on_borders(cards, paths, links)
