"""Repulsion between all cards at once, on a grid (the particle–mesh method of astrophysics codes).

Every card spreads its unit mass over the four grid points around it; the push that a mass exerts at distance
r is 1/r, as in Fruchterman–Reingold, so the push on every grid point is a convolution of the masses with a
fixed kernel, done with FFTs in O(g² log g). Reading the push back with the same four weights gives each card
the pull of the whole map without ever visiting pairs. Spreading and reading with the same weights also
cancels a card's push on itself exactly. What the grid blurs, within a cell or two, is left to an exact
short-range push between neighbours.

The inverse transform leaves out numpy's own scaling, which divides by each axis in turn, and multiplies once
by 1 / (number of grid points) instead, as scipy.fft did: numpy's forward transforms already agree with
scipy's to the last bit, and the push then does too.
"""

from __future__ import annotations

import numpy as np
from numpy.fft import irfft2, rfft2


class Field:
    def __init__(self, size: int):
        self.size = size
        offsets = np.arange(2 * size)
        offsets = np.where(offsets < size, offsets, offsets - 2 * size).astype(float)
        dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
        r2 = dx ** 2 + dy ** 2
        r2[0, 0] = np.inf
        # Twice the grid in each direction turns the FFT's wrap-around product into a plain convolution.
        self._kernel_x = rfft2(dx / r2)
        self._kernel_y = rfft2(dy / r2)
        self._scale = 1.0 / (4 * size * size)

    def push(self, pos: np.ndarray) -> np.ndarray:
        """n×2 repulsion on each point from all the others, 1/distance each, in the points' own units."""
        g = self.size
        low = pos.min(axis=0)
        cell = max(float(np.ptp(pos, axis=0).max()), 1e-9) / (g - 2)
        u = (pos - low) / cell
        base = np.floor(u).astype(np.intp)
        f = u - base
        corners = []
        for ox, oy in ((0, 0), (1, 0), (0, 1), (1, 1)):
            weight = (f[:, 0] if ox else 1.0 - f[:, 0]) * (f[:, 1] if oy else 1.0 - f[:, 1])
            corners.append(((base[:, 0] + ox) * g + base[:, 1] + oy, weight))
        mass = np.zeros(g * g)
        for flat, weight in corners:
            mass += np.bincount(flat, weights=weight, minlength=g * g)
        spectrum = rfft2(mass.reshape(g, g), s=(2 * g, 2 * g))
        force = np.zeros_like(pos)
        for axis, kernel in ((0, self._kernel_x), (1, self._kernel_y)):
            field = irfft2(spectrum * kernel, s=(2 * g, 2 * g), norm="forward")[:g, :g].ravel() * self._scale / cell
            force[:, axis] = sum(field[flat] * weight for flat, weight in corners)
        return force
