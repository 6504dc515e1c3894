"""Automatic layouts: every card placed, no two cards overlapping, and each layout's own promises."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.spatial import cKDTree

from app.layout import (
    LayoutCancelled,
    LayoutEdge,
    LayoutNode,
    force_directed,
    group_frames,
    grouped,
    org_chart,
    remove_overlaps,
)
from app.layout.model import ROLE_ORDER
from app.layout.synthetic import sample_map

GAP = 24.0


def person(i, width=200.0, height=80.0, role="unknown", department=None, **kw):
    return LayoutNode(("person", i), width, height, role, department, **kw)


def member(i, width=190.0, height=70.0):
    return LayoutNode(("member", i), width, height, "member")


def link(a, b, kind="reports_to", strength=3, side=("person", "person")):
    return LayoutEdge((side[0], a), (side[1], b), kind, strength)


def covers(m, p, strength=3):
    return link(m, p, "covers", strength, side=("member", "person"))


def committee():
    """A small buying committee: two reporting trees, a dotted line, loose people and two team members."""
    nodes = [
        person(1, 220, 100, "economic_buyer", "Executive"),
        person(2, 200, 90, "decision_maker", "Finance"),
        person(3, 230, 90, "technical_buyer", "IT"),
        person(4, 180, 70, "user_buyer", "IT"),
        person(5, 190, 80, "influencer", "IT"),
        person(6, 210, 80, "approver", "Finance"),
        person(7, 200, 110, "procurement", "Procurement"),
        person(8, 200, 80, "coach", None),
        person(9, 240, 90, "gatekeeper", "Executive"),
        person(10, 180, 80, "unknown", None),
        person(11, 200, 80, "unknown", "Plant"),
        person(12, 200, 80, "user_buyer", "Plant"),
        member(1),
        member(2),
    ]
    edges = [
        link(2, 1), link(3, 1), link(4, 3), link(5, 3), link(6, 2), link(9, 1),
        link(12, 11),
        link(5, 2, "dotted_line"), link(4, 1, "influences", 4), link(7, 2, "knows"), link(8, 3, "ally", 5),
        link(10, 6, "rival", 2),
        covers(1, 1, 5), covers(1, 3, 4), covers(2, 11, 3), covers(2, 12, 2),
    ]
    return nodes, edges


def cycles():
    nodes = [person(i) for i in range(1, 8)]
    edges = [link(1, 2), link(2, 1), link(3, 1),  # a two-person loop with someone below it
             link(4, 5), link(5, 6), link(6, 4), link(7, 6)]  # a three-person loop
    return nodes, edges


def big_team(leaves=40):
    nodes = [person(0, 220, 100, "decision_maker")] + [person(i, 200, 80) for i in range(1, leaves + 1)]
    return nodes, [link(i, 0) for i in range(1, leaves + 1)]


def islands():
    """One connected group of 40, ten pairs and ten people with no link at all."""
    nodes = [person(i) for i in range(1, 81)]
    edges = [link(i, (i - 1) // 3 + 1 if i > 1 else 2, "knows") for i in range(2, 41)]
    edges += [link(i, i + 1, "ally") for i in range(41, 61, 2)]
    return nodes, edges


_SAMPLES: dict[int, tuple[list[LayoutNode], list[LayoutEdge]]] = {}


def sample(people):
    if people not in _SAMPLES:
        _SAMPLES[people] = sample_map(people, seed=11)
    return _SAMPLES[people]


GRAPHS = {
    "committee": committee,
    "cycles": cycles,
    "big_team": big_team,
    "islands": islands,
    "sample_300": lambda: sample(300),
    "sample_2000": lambda: sample(2000),
}

LAYOUTS = {
    "org_chart": org_chart,
    "force_directed": force_directed,
    "grouped_role": lambda nodes, edges, progress=None: grouped(nodes, edges, "role", progress),
    "grouped_department": lambda nodes, edges, progress=None: grouped(nodes, edges, "department", progress),
}


def overlapping(nodes, positions, gap=GAP):
    """Pairs of cards closer than `gap` (rectangles centred on the positions), found through a k-d tree."""
    xy = np.array([positions[n.key] for n in nodes], dtype=float)
    half = np.array([(n.width + gap) / 2.0 for n in nodes]), np.array([(n.height + gap) / 2.0 for n in nodes])
    unit = np.array([2 * half[0].max(), 2 * half[1].max()])
    bad = []
    for i, j in cKDTree(xy / unit).query_pairs(1.0, p=np.inf):
        dx, dy = abs(xy[i, 0] - xy[j, 0]), abs(xy[i, 1] - xy[j, 1])
        if dx < half[0][i] + half[0][j] - 1e-6 and dy < half[1][i] + half[1][j] - 1e-6:
            bad.append((nodes[i].key, nodes[j].key))
    return bad


def box(nodes, positions):
    xs = [positions[n.key][0] for n in nodes]
    ys = [positions[n.key][1] for n in nodes]
    return (min(x - n.width / 2 for x, n in zip(xs, nodes, strict=True)),
            min(y - n.height / 2 for y, n in zip(ys, nodes, strict=True)),
            max(x + n.width / 2 for x, n in zip(xs, nodes, strict=True)),
            max(y + n.height / 2 for y, n in zip(ys, nodes, strict=True)))


def test_the_overlap_checker_sees_overlaps():
    nodes = [person(1), person(2), person(3)]
    assert overlapping(nodes, {("person", 1): (0, 0), ("person", 2): (223, 0), ("person", 3): (0, 500)})
    assert overlapping(nodes, {("person", 1): (0, 0), ("person", 2): (0, 103), ("person", 3): (0, 500)})
    assert not overlapping(nodes, {("person", 1): (0, 0), ("person", 2): (224, 0), ("person", 3): (0, 104)})


# --- every layout ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("graph", GRAPHS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_card_gets_a_finite_place_and_none_overlap(layout, graph):
    nodes, edges = GRAPHS[graph]()
    positions = LAYOUTS[layout](nodes, edges)
    assert set(positions) == {n.key for n in nodes}
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())
    assert overlapping(nodes, positions) == []


@pytest.mark.parametrize("graph", ["committee", "cycles", "sample_300"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_layouts_are_deterministic(layout, graph):
    nodes, edges = GRAPHS[graph]()
    assert LAYOUTS[layout](nodes, edges) == LAYOUTS[layout](list(nodes), list(edges))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_empty_and_single_card_maps(layout):
    assert LAYOUTS[layout]([], []) == {}
    only = LAYOUTS[layout]([person(1)], [])
    assert list(only) == [("person", 1)] and all(math.isfinite(v) for v in only[("person", 1)])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_links_to_cards_not_on_the_map_are_ignored(layout):
    nodes, edges = committee()
    stray = edges + [link(1, 99), link(99, 2, "knows"), link(3, 3, "knows")]
    assert LAYOUTS[layout](nodes, stray) == LAYOUTS[layout](nodes, edges)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_duplicate_cards_are_refused(layout):
    with pytest.raises(ValueError):
        LAYOUTS[layout]([person(1), person(1)], [])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_progress_goes_from_zero_to_one(layout):
    nodes, edges = sample(300)
    seen = []
    LAYOUTS[layout](nodes, edges, progress=lambda f: seen.append(f) or True)
    assert seen and seen[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in seen)
    assert seen == sorted(seen)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("stop_after", [0, 2])
def test_progress_returning_false_cancels(layout, stop_after):
    nodes, edges = sample(300)
    calls = []

    def progress(fraction):
        calls.append(fraction)
        return len(calls) <= stop_after

    with pytest.raises(LayoutCancelled):
        LAYOUTS[layout](nodes, edges, progress=progress)
    assert len(calls) == stop_after + 1


def test_remove_overlaps_can_be_cancelled():
    nodes = [person(i) for i in range(50)]
    with pytest.raises(LayoutCancelled):
        remove_overlaps(nodes, {n.key: (0.0, 0.0) for n in nodes}, progress=lambda f: False)


# --- org chart ---------------------------------------------------------------------------------------------


def managers(edges):
    return {e.source: e.target for e in edges if e.kind == "reports_to"}


@pytest.mark.parametrize("graph", ["committee", "big_team", "sample_300", "sample_2000"])
def test_org_chart_puts_managers_above_their_reports_and_roots_on_top(graph):
    nodes, edges = GRAPHS[graph]()
    positions = org_chart(nodes, edges)
    boss_of = managers(edges)
    assert boss_of
    for report, boss in boss_of.items():
        assert positions[boss][1] < positions[report][1], (report, boss)
    heads = {boss for boss in boss_of.values() if boss not in boss_of}
    assert heads
    # Each head tops its own tree; the first (biggest) tree's head tops the chart.
    head_of = {}
    for person in boss_of:
        head = person
        while head in boss_of:
            head = boss_of[head]
        head_of[person] = head
    for person, head in head_of.items():
        assert positions[head][1] < positions[person][1]
    top = min(y for x, y in positions.values())
    assert any(positions[h][1] == top for h in heads)


@pytest.mark.parametrize("graph", ["committee", "sample_300"])
def test_force_and_grouped_layouts_leave_room_for_links_between_cards(graph):
    nodes, edges = GRAPHS[graph]()
    for positions in (force_directed(nodes, edges), grouped(nodes, edges, by="role"),
                      grouped(nodes, edges, by="department")):
        # 2 × 13 for the change marks of two neighbours, 2 × 6 for a link's clearance between them.
        assert overlapping(nodes, positions, gap=38.0) == []


@pytest.mark.parametrize("people", [300, 2000, 10000])
def test_org_chart_of_a_big_organisation_wraps_to_the_views_shape(people):
    nodes, edges = sample_map(people, seed=20240611)
    positions = org_chart(nodes, edges)
    left = min(positions[n.key][0] - n.width / 2 for n in nodes)
    right = max(positions[n.key][0] + n.width / 2 for n in nodes)
    top = min(positions[n.key][1] - n.height / 2 for n in nodes)
    bottom = max(positions[n.key][1] + n.height / 2 for n in nodes)
    aspect = (right - left) / (bottom - top)
    # Unwrapped, these charts were 8 to 180 times as wide as high; a 16:9 view wants about 1.8.
    assert 0.8 < aspect < 3.0, aspect
    assert overlapping(nodes, positions) == []


def test_org_chart_wraps_to_the_aspect_it_is_given():
    nodes, edges = sample_map(2000, seed=20240611)

    def shape(aspect):
        positions = org_chart(nodes, edges, aspect=aspect)
        xs = [positions[n.key][0] for n in nodes]
        ys = [positions[n.key][1] for n in nodes]
        return (max(xs) - min(xs)) / (max(ys) - min(ys))

    assert shape(3.0) > 1.3 * shape(1.0)


def test_org_chart_ignores_dotted_lines_for_the_hierarchy():
    nodes, edges = committee()
    plain = [e for e in edges if e.kind != "dotted_line"]
    extra = edges + [link(6, 3, "dotted_line"), link(12, 1, "dotted_line")]
    assert org_chart(nodes, plain) == org_chart(nodes, edges) == org_chart(nodes, extra)


def test_org_chart_puts_loose_people_below_the_trees_and_members_at_the_bottom():
    nodes, edges = committee()
    positions = org_chart(nodes, edges)
    in_trees = {k for e in edges if e.kind == "reports_to" for k in (e.source, e.target)}
    people = [n for n in nodes if n.key[0] == "person"]
    loose = [n for n in people if n.key not in in_trees]
    assert {n.key[1] for n in loose} == {7, 8, 10}
    tree_bottom = max(positions[n.key][1] + n.height / 2 for n in people if n.key in in_trees)
    assert all(positions[n.key][1] - n.height / 2 > tree_bottom for n in loose)
    people_bottom = max(positions[n.key][1] + n.height / 2 for n in people)
    members = [n for n in nodes if n.key[0] == "member"]
    assert all(positions[n.key][1] - n.height / 2 > people_bottom for n in members)
    assert len({positions[n.key][1] for n in members}) == 1


def test_org_chart_orders_members_by_the_people_they_cover():
    nodes, edges = committee()
    positions = org_chart(nodes, edges)
    # Member 1 covers the big tree's head and one of its managers, member 2 the small tree.
    big_tree_x = positions[("person", 1)][0]
    small_tree_x = positions[("person", 11)][0]
    first, second = positions[("member", 1)][0], positions[("member", 2)][0]
    assert (first < second) == (big_tree_x < small_tree_x)


def test_org_chart_survives_reporting_cycles():
    nodes, edges = cycles()
    positions = org_chart(nodes, edges)
    y = {k[1]: v[1] for k, v in positions.items()}
    # Each loop is cut once, at the person with the smallest key, who then heads the tree.
    assert y[1] < y[2] and y[1] < y[3]
    assert y[4] < y[6] < y[5] and y[6] < y[7]
    assert overlapping(nodes, positions) == []


def test_org_chart_cycle_cut_does_not_depend_on_input_order():
    nodes, edges = cycles()
    assert org_chart(nodes, edges) == org_chart(list(reversed(nodes)), list(reversed(edges)))


def test_org_chart_stacks_many_leaf_reports_in_a_compact_block():
    nodes, edges = big_team(40)
    positions = org_chart(nodes, edges)
    left, top, right, bottom = box(nodes, positions)
    card = max(n.width for n in nodes)
    assert right - left <= 8 * card
    assert bottom - top <= 10 * max(n.height for n in nodes) * 1.5
    boss = positions[("person", 0)]
    leaves = [positions[("person", i)] for i in range(1, 41)]
    assert all(y > boss[1] for _, y in leaves)
    # The block sits under its manager.
    assert min(x for x, _ in leaves) < boss[0] < max(x for x, _ in leaves)


def test_org_chart_of_a_big_organisation_keeps_leaf_teams_narrow():
    nodes, edges = sample(2000)
    positions = org_chart(nodes, edges)
    boss_of = managers(edges)
    reports: dict = {}
    for r, b in boss_of.items():
        reports.setdefault(b, []).append(r)
    big_teams = 0
    for boss, team in reports.items():
        leaves = [r for r in team if r not in reports]
        if len(leaves) >= 20:
            big_teams += 1
            xs = [positions[k][0] for k in leaves]
            # A single row of 20 cards would span about 19 card widths.
            assert max(xs) - min(xs) <= 8 * (240 + GAP), boss
    assert big_teams >= 3


# --- force-directed ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("graph", ["committee", "islands", "sample_300", "sample_2000"])
def test_force_layout_keeps_linked_cards_closer_than_others(graph):
    nodes, edges = GRAPHS[graph]()
    positions = force_directed(nodes, edges)
    xy = {k: np.array(v) for k, v in positions.items()}
    linked = [np.linalg.norm(xy[e.source] - xy[e.target]) for e in edges]
    pairs = {frozenset((e.source, e.target)) for e in edges}
    keys = [n.key for n in nodes]
    rng = np.random.default_rng(3)
    others = []
    while len(others) < 2000:
        a, b = rng.choice(len(keys), 2, replace=False)
        if frozenset((keys[a], keys[b])) not in pairs:
            others.append(np.linalg.norm(xy[keys[a]] - xy[keys[b]]))
    assert np.mean(linked) < 0.75 * np.mean(others)


def test_force_layout_packs_islands_and_loners_near_the_main_group():
    nodes, edges = islands()
    positions = force_directed(nodes, edges)
    main = [n for n in nodes if n.key[1] <= 40]
    m_left, m_top, m_right, m_bottom = box(main, positions)
    left, top, right, bottom = box(nodes, positions)
    # Everything else together takes less room than the main group's box three times over.
    assert (right - left) * (bottom - top) <= 3 * (m_right - m_left) * (m_bottom - m_top)
    pair = [positions[("person", 41)], positions[("person", 42)]]
    assert np.hypot(pair[0][0] - pair[1][0], pair[0][1] - pair[1][1]) < 400


def test_force_layout_depends_on_the_seed_only_through_its_start():
    nodes, edges = sample(300)
    a = force_directed(nodes, edges, seed=1)
    b = force_directed(nodes, edges, seed=2)
    assert a != b
    assert overlapping(nodes, a) == [] and overlapping(nodes, b) == []


def test_force_layout_can_start_from_current_positions():
    nodes, edges = committee()
    first = force_directed(nodes, edges)
    placed = [LayoutNode(n.key, n.width, n.height, n.role, n.department, *first[n.key]) for n in nodes]
    again = force_directed(placed, edges)
    assert again == force_directed(placed, edges)
    assert overlapping(placed, again) == []


def test_stronger_links_pull_harder():
    nodes = [person(i) for i in range(1, 5)]
    # A ring of acquaintances, one of them close.
    edges = [link(1, 2, "knows", 5), link(2, 3, "knows", 1), link(3, 4, "knows", 1), link(4, 1, "knows", 1)]
    positions = force_directed(nodes, edges)
    d = {(a, b): np.hypot(*np.subtract(positions[("person", a)], positions[("person", b)]))
         for a, b in [(1, 2), (2, 3), (3, 4), (4, 1)]}
    assert d[(1, 2)] < 0.9 * min(d[(2, 3)], d[(3, 4)], d[(4, 1)])


# --- grouped -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("graph", ["committee", "sample_300", "sample_2000"])
@pytest.mark.parametrize("by", ["role", "department"])
def test_grouped_keeps_each_group_inside_its_frame_and_frames_apart(graph, by):
    nodes, edges = GRAPHS[graph]()
    positions = grouped(nodes, edges, by)
    frames = group_frames(nodes, positions, by)
    labels = [label for label, _ in frames]
    assert len(labels) == len(set(labels))
    frame_of = dict(frames)
    for n in nodes:
        if n.key[0] == "member":
            label = "member"
        elif by == "role":
            label = n.role if n.role in ROLE_ORDER else "unknown"
        else:
            label = n.department or ""
        fx, fy, fw, fh = frame_of[label]
        x, y = positions[n.key]
        assert fx <= x - n.width / 2 and x + n.width / 2 <= fx + fw, n.key
        assert fy <= y - n.height / 2 and y + n.height / 2 <= fy + fh, n.key
    for a in range(len(frames)):
        ax, ay, aw, ah = frames[a][1]
        for b in range(a + 1, len(frames)):
            bx, by_, bw, bh = frames[b][1]
            assert ax + aw < bx or bx + bw < ax or ay + ah < by_ or by_ + bh < ay, (frames[a][0], frames[b][0])


def test_grouped_orders_groups_as_the_vocabulary_and_by_department_size():
    nodes, edges = committee()
    roles = [label for label, _ in group_frames(nodes, grouped(nodes, edges, "role"), "role")]
    assert roles == [r for r in ROLE_ORDER if any(n.role == r for n in nodes if n.key[0] == "person")] + ["member"]
    departments = [label for label, _ in group_frames(nodes, grouped(nodes, edges, "department"), "department")]
    # IT has three people; Executive, Finance and Plant two (by name); Procurement one; no department last.
    assert departments == ["IT", "Executive", "Finance", "Plant", "Procurement", "", "member"]


def test_grouped_fills_a_wide_area():
    nodes, edges = sample(2000)
    for by in ("role", "department"):
        left, top, right, bottom = box(nodes, grouped(nodes, edges, by))
        assert 1.0 <= (right - left) / (bottom - top) <= 3.0, by


def test_grouped_refuses_an_unknown_grouping():
    nodes, edges = committee()
    with pytest.raises(ValueError):
        grouped(nodes, edges, "stance")
    with pytest.raises(ValueError):
        group_frames(nodes, {}, "stance")


# --- remove_overlaps ---------------------------------------------------------------------------------------


def test_remove_overlaps_leaves_a_clean_map_alone():
    nodes, edges = committee()
    positions = org_chart(nodes, edges)
    assert remove_overlaps(nodes, positions) == positions


def test_remove_overlaps_moves_a_pair_little_and_along_the_shorter_overlap():
    nodes = [person(1, 200, 80), person(2, 200, 80)]
    before = {("person", 1): (0.0, 0.0), ("person", 2): (210.0, 5.0)}
    after = remove_overlaps(nodes, before, gap=24.0)
    assert overlapping(nodes, after) == []
    # 14 units short horizontally against 99 vertically: they move apart sideways, by about that much.
    assert after[("person", 1)][1] == 0.0 and after[("person", 2)][1] == 5.0
    moved = sum(abs(after[k][0] - before[k][0]) for k in before)
    assert 14.0 <= moved <= 25.0


@pytest.mark.parametrize("shape", ["heap", "line", "crowd", "scatter", "clusters"])
@pytest.mark.parametrize("count", [30, 2000])
def test_remove_overlaps_separates_any_arrangement(shape, count):
    rng = np.random.default_rng(5)
    nodes = [person(i, float(rng.integers(180, 241)), float(rng.integers(70, 111))) for i in range(count)]
    side = math.sqrt(count) * 250
    xy = {
        "heap": lambda: np.zeros((count, 2)),
        "line": lambda: np.c_[np.linspace(0, 100, count), np.zeros(count)],
        "crowd": lambda: rng.uniform(0, side * 0.7, (count, 2)),
        "scatter": lambda: rng.uniform(0, side * 2, (count, 2)),
        "clusters": lambda: (rng.uniform(0, side * 3, (5, 2))[rng.integers(0, 5, count)]
                             + rng.normal(0, 150, (count, 2))),
    }[shape]()
    positions = {n.key: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}
    after = remove_overlaps(nodes, positions)
    assert overlapping(nodes, after) == []
    assert after == remove_overlaps(nodes, positions)


def test_remove_overlaps_honours_the_gap():
    nodes = [person(i) for i in range(20)]
    positions = {n.key: (float(i * 50), 0.0) for i, n in enumerate(nodes)}
    after = remove_overlaps(nodes, positions, gap=60.0)
    assert overlapping(nodes, after, gap=60.0) == []


def test_remove_overlaps_wants_every_position():
    nodes = [person(1), person(2)]
    with pytest.raises(ValueError):
        remove_overlaps(nodes, {("person", 1): (0.0, 0.0)})
