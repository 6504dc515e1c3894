"""Arranging rectangular blocks (components of a map, groups of cards) in rows that fill a wide area."""

from __future__ import annotations

import math


def shelves(blocks: list[tuple[float, float]], gap: float, aspect: float = 16.0 / 9.0) -> list[tuple[float, float]]:
    """Top-left corners for blocks of the given (width, height), in the given order, row after row.

    Rows are about as wide as a rectangle of `aspect` holding all the blocks, and never narrower than the
    widest block, so the first, largest block is never squeezed and the rest gather beside and below it.
    Each row is centred on the first, so a short last row sits under the middle rather than off to one side.
    """
    if not blocks:
        return []
    area = sum((bw + gap) * (bh + gap) for bw, bh in blocks)
    width = max(max(bw for bw, _ in blocks), math.sqrt(area * aspect))
    rows: list[list[int]] = [[]]
    x = 0.0
    for n, (bw, _) in enumerate(blocks):
        if rows[-1] and x + bw > width:
            rows.append([])
            x = 0.0
        rows[-1].append(n)
        x += bw + gap
    corners: list[tuple[float, float]] = [(0.0, 0.0)] * len(blocks)
    first = _row_width(rows[0], blocks, gap)
    y = 0.0
    for row in rows:
        x = (first - _row_width(row, blocks, gap)) / 2.0
        for n in row:
            corners[n] = (x, y)
            x += blocks[n][0] + gap
        y += max(blocks[n][1] for n in row) + gap
    return corners


def _row_width(row: list[int], blocks: list[tuple[float, float]], gap: float) -> float:
    return sum(blocks[n][0] for n in row) + gap * (len(row) - 1)
