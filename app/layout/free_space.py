"""Where a new card can go: the free spot nearest to where the user wants it, never on another card."""

from __future__ import annotations

import numpy as np

GAP = 24.0  # the space kept between a new card and its neighbours


def free_spot(occupied: list[tuple[float, float, float, float]], size: tuple[float, float],
              near: tuple[float, float], gap: float = GAP, max_rings: int = 200) -> tuple[float, float]:
    """The centre nearest to ``near`` where a card of ``size`` (w, h) overlaps none of the ``occupied`` cards
    (each a centre and size: cx, cy, w, h) and keeps ``gap`` from them.

    Candidates lie on rings of a grid a card's half-size apart around ``near``, nearest first, so the card
    lands beside the crowd rather than far from where the user looks.
    """
    x, y = near
    if not occupied:
        return x, y
    boxes = np.asarray(occupied, dtype=float)
    w, h = size
    # Two rectangles keep the gap when their centres are far enough apart on one axis.
    need_x = (boxes[:, 2] + w) / 2 + gap
    need_y = (boxes[:, 3] + h) / 2 + gap
    step_x, step_y = (w + gap) / 2, (h + gap) / 2
    for ring in range(max_rings):
        offsets = _ring(ring)
        cx = x + offsets[:, 0] * step_x
        cy = y + offsets[:, 1] * step_y
        clear = ((np.abs(cx[:, None] - boxes[None, :, 0]) >= need_x[None, :])
                 | (np.abs(cy[:, None] - boxes[None, :, 1]) >= need_y[None, :])).all(axis=1)
        if clear.any():
            distance = (cx - x) ** 2 + (cy - y) ** 2
            best = int(np.argmin(np.where(clear, distance, np.inf)))
            return float(cx[best]), float(cy[best])
    return x, float(boxes[:, 1].max() + boxes[:, 3].max() + h + gap)  # below everything


def _ring(k: int) -> np.ndarray:
    """Grid offsets (i, j) with max(|i|, |j|) == k."""
    if k == 0:
        return np.zeros((1, 2))
    span = np.arange(-k, k + 1)
    top = np.column_stack([span, np.full_like(span, -k)])
    bottom = np.column_stack([span, np.full_like(span, k)])
    inner = np.arange(-k + 1, k)
    left = np.column_stack([np.full_like(inner, -k), inner])
    right = np.column_stack([np.full_like(inner, k), inner])
    return np.concatenate([top, bottom, left, right]).astype(float)


def below(card: tuple[float, float, float, float], size: tuple[float, float],
          gap: float = GAP * 3) -> tuple[float, float]:
    """Where a report of ``card`` (cx, cy, w, h) goes first: under it, one level down."""
    cx, cy, _w, h = card
    return cx, cy + h / 2 + gap + size[1] / 2
