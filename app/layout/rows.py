"""Rows and grids of cards, shared by the layouts that are not drawn by forces."""

from __future__ import annotations

import math

import numpy as np


def columns_for(count: int, cell_w: float, cell_h: float, aspect: float = 16.0 / 9.0) -> int:
    """Columns that make a grid of `count` such cells about `aspect` times as wide as it is high."""
    return max(1, min(count, round(math.sqrt(count * aspect * cell_h / cell_w))))


def grid(cards: list[int], xy: np.ndarray, w: np.ndarray, h: np.ndarray, left: float, top: float,
         cols: int, gap: float) -> tuple[float, float]:
    """Cards in reading order on a grid of equal cells whose top-left corner is (left, top).

    Returns the grid's right and bottom edges.
    """
    if not cards:
        return left, top
    cols = max(1, min(cols, len(cards)))
    cell_w = float(w[cards].max()) + gap
    cell_h = float(h[cards].max()) + gap
    n = np.arange(len(cards))
    r, c = np.divmod(n, cols)
    xy[cards, 0] = left + c * cell_w + (cell_w - gap) / 2.0
    xy[cards, 1] = top + r * cell_h + (cell_h - gap) / 2.0
    rows = math.ceil(len(cards) / cols)
    return left + cols * cell_w - gap, top + rows * cell_h - gap


def place_row_near(cards: list[int], xy: np.ndarray, w: np.ndarray, wanted: list[float | None],
                   left: float, right: float, y: float, gap: float) -> None:
    """One row, in the given order, each card as close to its wanted x as the order and the gap allow.

    A card without a wanted x simply follows the one before it. Assumes the cards fit between left and right.
    """
    xs: list[float] = []
    for n, i in enumerate(cards):
        lowest = left + w[i] / 2.0 if n == 0 else xs[-1] + (w[cards[n - 1]] + w[i]) / 2.0 + gap
        want = wanted[n]
        xs.append(lowest if want is None else max(want, lowest))
    for n in range(len(cards) - 1, -1, -1):
        i = cards[n]
        highest = right - w[i] / 2.0 if n == len(cards) - 1 else xs[n + 1] - (w[i] + w[cards[n + 1]]) / 2.0 - gap
        xs[n] = min(xs[n], highest)
    for n, i in enumerate(cards):
        xy[i] = (xs[n], y)
