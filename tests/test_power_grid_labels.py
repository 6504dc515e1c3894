"""Names on the power grid sit beside their points and never on top of one another, however crowded."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from app.demo import DEMO_ACCOUNT_NAMES
from app.ui.analysis.label_placement import place_labels


def test_labels_at_one_crowded_spot_never_overlap():
    points = [(100.0, 100.0 + i * 2) for i in range(12)]
    placed = place_labels(points, [(60.0, 14.0)] * 12, points, (0, 0, 400, 300))
    boxes = [p.box for p in placed if p is not None]
    assert 4 <= len(boxes) <= 8
    for a, b in itertools.combinations(boxes, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    assert placed[0] is not None  # the first (most influential) always gets its name


def test_labels_stay_inside_the_chart_and_off_other_points():
    points = [(395.0, 150.0), (200.0, 5.0)]
    blockers = [*points, (395.0 - 40.0, 150.0)]
    placed = place_labels(points, [(50.0, 14.0)] * 2, blockers, (0, 0, 400, 300))
    for place in placed:
        left, top, right, bottom = place.box
        assert left >= 0 and top >= 0 and right <= 400 and bottom <= 300


@pytest.mark.parametrize("name", DEMO_ACCOUNT_NAMES)
def test_the_power_grid_of_each_demo_account_has_no_overlapping_names(qtbot, demo, name):
    from app.analysis import analyze
    from app.document.analysis_input import analysis_input
    from app.ui.analysis.power_grid import PowerGrid

    grid = PowerGrid()
    qtbot.addWidget(grid)
    grid.resize(420, 330)  # the analysis dock's size at 1280×800
    grid.show()
    qtbot.waitExposed(grid)
    analysis = analyze(*analysis_input(demo.map_data(demo.account_id_by_name(name))))
    grid.set_analysis(analysis)
    QApplication.processEvents()
    shown = [label for label in grid._labels if label.isVisible()]
    assert len(shown) >= 5
    rects = [label.sceneBoundingRect() for label in shown]
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b), "two names on the power grid overlap"
    view = grid.plot.getViewBox()
    for label, point in zip(grid._labels, grid._label_points, strict=True):
        if label.isVisible():  # beside its own point
            centre = view.mapViewToScene(QPointF(*point))
            assert label.sceneBoundingRect().adjusted(-25, -25, 25, 25).contains(centre)
