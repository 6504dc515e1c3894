"""Where the names go on a scatter chart: next to their point, never over another name or point.

Pure geometry in pixels (y grows downwards). Each label tries the places beside its point in turn — right,
left, above, below, then the diagonals — and takes the first that overlaps nothing already placed and stays
inside the chart; a label that fits nowhere is left out (its point still names itself on hover).
"""

from __future__ import annotations

from dataclasses import dataclass

# Anchor of the label's box on the candidate spot (0..1 of its width, height), and the spot's offset from
# the point in marker radii: right, left, above, below, then the four diagonals.
CANDIDATES = (
    ((0.0, 0.5), (1, 0)), ((1.0, 0.5), (-1, 0)), ((0.5, 1.0), (0, -1)), ((0.5, 0.0), (0, 1)),
    ((0.0, 1.0), (0.8, -0.8)), ((0.0, 0.0), (0.8, 0.8)), ((1.0, 1.0), (-0.8, -0.8)), ((1.0, 0.0), (-0.8, 0.8)),
)


@dataclass(frozen=True)
class Placed:
    anchor: tuple[float, float]  # which point of the label's box sits on ``spot``
    spot: tuple[float, float]  # pixels
    box: tuple[float, float, float, float]  # left, top, right, bottom in pixels


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(points: list[tuple[float, float]], sizes: list[tuple[float, float]], all_points,
                 area: tuple[float, float, float, float], marker: float = 7.0, gap: float = 3.0
                 ) -> list[Placed | None]:
    """A place for each label (``points[i]``'s label has ``sizes[i]`` = width, height), in order of priority.

    ``all_points`` are every marker on the chart (labelled or not), which no label may cover; ``area`` is the
    chart's left, top, right, bottom.
    """
    markers = [(x - marker, y - marker, x + marker, y + marker) for x, y in all_points]
    taken: list[tuple[float, float, float, float]] = []
    placed: list[Placed | None] = []
    reach = marker + gap
    for (x, y), (w, h) in zip(points, sizes, strict=True):
        choice = None
        for anchor, (dx, dy) in CANDIDATES:
            sx, sy = x + dx * reach, y + dy * reach
            box = (sx - anchor[0] * w, sy - anchor[1] * h, sx - anchor[0] * w + w, sy - anchor[1] * h + h)
            inside = box[0] >= area[0] and box[1] >= area[1] and box[2] <= area[2] and box[3] <= area[3]
            if inside and not any(_overlaps(box, t) for t in taken) and not any(_overlaps(box, m) for m in markers):
                choice = Placed(anchor, (sx, sy), box)
                break
        if choice is not None:
            taken.append(choice.box)
        placed.append(choice)
    return placed
