"""Near points (app.layout.neighbours): the same pairs and nearest points as measuring every pair."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.layout.neighbours import nearest_other, pairs_within

METRICS = (2.0, np.inf)


def all_pairs_within(xy, radius, p):
    """Every pair measured, in the order pairs_within promises (by i, then j)."""
    i, j = np.triu_indices(len(xy), 1)
    dx, dy = xy[j, 0] - xy[i, 0], xy[j, 1] - xy[i, 1]
    keep = dx * dx + dy * dy <= radius * radius if p == 2 else np.maximum(np.abs(dx), np.abs(dy)) <= radius
    return np.column_stack((i[keep], j[keep]))


def all_nearest(xy):
    n = len(xy)
    if n < 2:
        return np.full(n, np.inf), np.full(n, n)
    d2 = (xy[None, :, 0] - xy[:, None, 0]) ** 2 + (xy[None, :, 1] - xy[:, None, 1]) ** 2
    np.fill_diagonal(d2, np.inf)
    index = np.argmin(d2, axis=1)  # the lowest index among equally near points
    return np.sqrt(d2[np.arange(n), index]), index


def check(xy, radius):
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    for p in METRICS:
        got = pairs_within(xy, radius, p=p)
        assert got.dtype == np.intp and got.shape[1] == 2
        np.testing.assert_array_equal(got, all_pairs_within(xy, radius, p))
    distance, index = nearest_other(xy)
    want_distance, want_index = all_nearest(xy)
    np.testing.assert_array_equal(distance, want_distance)
    np.testing.assert_array_equal(index, want_index)


def points(kind: str, n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if kind == "uniform":
        return rng.uniform(-10, 10, (n, 2))
    if kind == "lattice":  # many duplicates, and many pairs exactly one radius apart
        return rng.integers(-4, 5, (n, 2)).astype(float)
    if kind == "tenths":  # steps of 0.1, which rounding puts a hair either side of the radius
        return rng.integers(-30, 30, (n, 2)) * 0.1
    if kind == "line":
        t = rng.uniform(0, 20, n)
        return np.column_stack((t, 0.5 * t - 3.0))
    if kind == "column":
        return np.column_stack((np.full(n, 2.5), rng.uniform(-5, 5, n)))
    if kind == "clusters":  # tight clumps far apart, and a few strays
        centres = rng.uniform(-1000, 1000, (3, 2))
        spread = np.array([1e-6, 1e-2, 1.0])
        which = rng.integers(0, 3, n)
        xy = centres[which] + rng.normal(0, 1, (n, 2)) * spread[which, None]
        strays = rng.random(n) < 0.1
        xy[strays] = rng.uniform(-2000, 2000, (int(strays.sum()), 2))
        return xy
    if kind == "far":  # far from the origin, where rounding is coarse
        return 1e9 + rng.uniform(0, 5, (n, 2))
    raise AssertionError(kind)


KINDS = ("uniform", "lattice", "tenths", "line", "column", "clusters", "far")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(KINDS), st.integers(0, 120), st.integers(0, 10**6),
       st.sampled_from([0.0, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 25.0, 1e4]))
def test_same_as_measuring_every_pair(kind, n, seed, radius):
    check(points(kind, n, seed), radius)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(-6, 6), st.integers(-6, 6)), max_size=40),
       st.sampled_from([0.25, 0.5, 1.0]), st.integers(0, 4))
def test_same_on_small_lattices_with_repeats(cells, step, radius):
    # Integer multiples of a power of two: every distance is exact, so many pairs are at exactly the radius.
    check(np.array(cells, dtype=float).reshape(-1, 2) * step, float(radius) * step)


@pytest.mark.parametrize("xy", [[], [(1.0, 2.0)], [(0.0, 0.0), (1.0, 0.0)], [(3.0, 3.0), (3.0, 3.0)],
                                [(0.0, 0.0), (0.0, 0.0), (0.0, 0.0)]])
def test_none_one_and_two_points(xy):
    check(xy, 1.0)


def test_pairs_at_exactly_the_radius_count():
    xy = np.array([(0.0, 0.0), (3.0, 4.0), (5.0, 0.0), (5.0, 5.0)])
    assert pairs_within(xy, 5.0).tolist() == [[0, 1], [0, 2], [1, 2], [1, 3], [2, 3]]
    assert pairs_within(xy, 5.0, p=np.inf).tolist() == [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]
    assert pairs_within(xy, 4.999).tolist() == [[1, 2], [1, 3]]


def test_nearest_of_points_on_one_spot_is_another_on_it():
    xy = np.array([(1.0, 1.0), (0.0, 0.0), (1.0, 1.0), (5.0, 5.0), (1.0, 1.0)])
    distance, index = nearest_other(xy)
    assert distance.tolist() == [0.0, np.sqrt(2.0), 0.0, np.sqrt(32.0), 0.0]
    assert index.tolist() == [2, 0, 0, 0, 0]


def test_a_dense_clump_beside_sparse_points():
    rng = np.random.default_rng(3)
    xy = np.vstack([rng.normal(0, 1e-9, (3000, 2)), rng.uniform(-1e3, 1e3, (200, 2))])
    distance, index = nearest_other(xy)
    want_distance, want_index = all_nearest(xy)
    np.testing.assert_array_equal(distance, want_distance)
    np.testing.assert_array_equal(index, want_index)


def test_cells_finer_than_the_spread_of_the_points():
    # A million million cells across, more than the cell numbers can hold directly.
    rng = np.random.default_rng(4)
    xy = np.vstack([rng.uniform(0, 1e9, (300, 2)), rng.uniform(0, 1e-3, (300, 2))])
    check(xy, 1e-4)


def test_points_too_far_apart_to_measure_in_cells():
    xy = np.array([(-1e308, 0.0), (1e308, 0.0), (1e308, 0.5), (0.0, 0.0)])
    assert pairs_within(xy, 1.0).tolist() == [[1, 2]]
    assert pairs_within(xy, 1.0, p=np.inf).tolist() == [[1, 2]]
    distance, index = nearest_other(xy)
    assert distance[1] == distance[2] == 0.5 and index.tolist()[1:3] == [2, 1]


def test_the_order_does_not_depend_on_where_the_points_lie_in_memory():
    xy = points("lattice", 200, 1)
    first = pairs_within(xy, 1.0)
    again = pairs_within(np.asfortranarray(xy.copy()), 1.0)
    np.testing.assert_array_equal(first, again)
    assert np.all(np.diff(first[:, 0] * len(xy) + first[:, 1]) > 0)


def test_refuses_what_it_cannot_measure():
    with pytest.raises(ValueError):
        pairs_within(np.zeros((3, 3)), 1.0)
    with pytest.raises(ValueError):
        pairs_within([(0.0, np.nan), (0.0, 0.0)], 1.0)
    with pytest.raises(ValueError):
        pairs_within([(0.0, 0.0), (1.0, 0.0)], 1.0, p=1)
    assert pairs_within([(0.0, 0.0), (0.0, 0.0)], -1.0).shape == (0, 2)


def test_same_pairs_as_a_k_d_tree():
    from scipy import spatial  # a development dependency: the reference, never the app
    for kind in KINDS:
        xy = points(kind, 500, 9)
        for p in METRICS:
            tree = spatial.cKDTree(xy).query_pairs(1.0, p=p, output_type="ndarray")
            tree = tree[np.lexsort((tree[:, 1], tree[:, 0]))]
            np.testing.assert_array_equal(pairs_within(xy, 1.0, p=p), tree)
        distance, _ = spatial.cKDTree(xy).query(xy, k=2)
        np.testing.assert_array_equal(nearest_other(xy)[0], distance[:, 1])
