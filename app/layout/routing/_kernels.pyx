# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
"""The routing's inner loops, compiled: one segment or one search at a time, stopping as soon as the answer is known.

Bulk numpy tests measure every card near every segment, though one card in the way settles a segment; these loops
stop at the first. Built with the package (setup.py); app.layout.routing.kernels is their Python face.
"""

from libc.math cimport ceil, fabs, floor
from libc.stdint cimport int64_t


cdef inline double _max2(double a, double b) noexcept nogil:
    return a if a > b else b


cdef inline double _min2(double a, double b) noexcept nogil:
    return a if a < b else b


cdef inline bint _point_near(double px, double py, double left, double top, double right, double bottom,
                             double limit) noexcept nogil:
    cdef double ex = _max2(_max2(left - px, 0.0), px - right)
    cdef double ey = _max2(_max2(top - py, 0.0), py - bottom)
    return ex * ex + ey * ey < limit


cdef inline bint _corner_near(double cx, double cy, double ax, double ay, double dx, double dy, double length2,
                              double limit) noexcept nogil:
    cdef double t = _min2(_max2(((cx - ax) * dx + (cy - ay) * dy) / length2, 0.0), 1.0)
    cdef double fx = ax + dx * t - cx
    cdef double fy = ay + dy * t - cy
    return fx * fx + fy * fy < limit


cdef inline bint _clip(double start, double step, double low, double high, double* enter,
                       double* leave) noexcept nogil:
    """One axis of Liang–Barsky clipping: narrows [enter, leave] to where start + t * step lies in [low, high],
    and tells whether some of it is left."""
    cdef double ta, tb, swap
    if step == 0.0:
        return low <= start <= high
    ta, tb = (low - start) / step, (high - start) / step
    if ta > tb:
        swap = ta
        ta = tb
        tb = swap
    enter[0] = _max2(enter[0], ta)
    leave[0] = _min2(leave[0], tb)
    return enter[0] <= leave[0]


cdef bint _near_rect(double ax, double ay, double bx, double by, double left, double top, double right,
                     double bottom, double reach) noexcept nogil:
    """Whether the segment a→b comes nearer than `reach` to the rectangle."""
    # Outside the rectangle grown by the reach: not near (the common case, settled first).
    if _max2(ax, bx) < left - reach or _min2(ax, bx) > right + reach:
        return False
    if _max2(ay, by) < top - reach or _min2(ay, by) > bottom + reach:
        return False
    # Liang–Barsky clipping against the rectangle itself: a segment that meets it is at distance 0.
    cdef double dx = bx - ax, dy = by - ay
    cdef double enter = 0.0, leave = 1.0
    if _clip(ax, dx, left, right, &enter, &leave) and _clip(ay, dy, top, bottom, &enter, &leave):
        return True
    # Disjoint convex shapes: the nearest pair has an end of the segment or a corner of the rectangle.
    cdef double limit = reach * reach
    if _point_near(ax, ay, left, top, right, bottom, limit) or _point_near(bx, by, left, top, right, bottom, limit):
        return True
    cdef double length2 = dx * dx + dy * dy
    if length2 > 0.0:
        if (_corner_near(left, top, ax, ay, dx, dy, length2, limit)
                or _corner_near(right, top, ax, ay, dx, dy, length2, limit)
                or _corner_near(right, bottom, ax, ay, dx, dy, length2, limit)
                or _corner_near(left, bottom, ax, ay, dx, dy, length2, limit)):
            return True
    return False


cdef inline Py_ssize_t _cell(double value, double origin, double cell, Py_ssize_t top) noexcept nogil:
    """The cell of a coordinate in a table padded by one cell all round, clipped into the padding."""
    cdef double at = floor((value - origin) / cell) + 1
    if at < 0:
        return 0
    if at > top:
        return top
    return <Py_ssize_t>at


cdef bint _segment_blocked(double ax, double ay, double bx, double by, int64_t end_a, int64_t end_b,
                           const double[:, ::1] rects, double reach, double origin_x, double origin_y, double cell,
                           Py_ssize_t width, Py_ssize_t stride, const int64_t[::1] start,
                           const int64_t[::1] members) noexcept nogil:
    """Whether the segment a→b comes nearer than `reach` to a card other than end_a and end_b. It is walked in
    pieces about a cell long, and each piece looks at the cards of the cells its bounding box touches.
    rects[slot] is the rectangle of card members[slot]: a cell's rectangles lie side by side in memory."""
    cdef Py_ssize_t k, ix, iy, key, slot, lo_x, hi_x, lo_y, hi_y
    cdef Py_ssize_t pieces = <Py_ssize_t>ceil(_max2(fabs(bx - ax), fabs(by - ay)) / cell)
    cdef double sx, sy, qx0, qy0, qx1, qy1
    cdef int64_t card
    if pieces < 1:
        pieces = 1
    sx, sy = (bx - ax) / pieces, (by - ay) / pieces
    for k in range(pieces):
        qx0, qy0 = ax + sx * k, ay + sy * k
        if k == pieces - 1:
            qx1, qy1 = bx, by
        else:
            qx1, qy1 = qx0 + sx, qy0 + sy
        lo_x = _cell(_min2(qx0, qx1), origin_x, cell, width - 1)
        hi_x = _cell(_max2(qx0, qx1), origin_x, cell, width - 1)
        lo_y = _cell(_min2(qy0, qy1), origin_y, cell, stride - 1)
        hi_y = _cell(_max2(qy0, qy1), origin_y, cell, stride - 1)
        for ix in range(lo_x, hi_x + 1):
            for iy in range(lo_y, hi_y + 1):
                key = ix * stride + iy
                for slot in range(start[key], start[key + 1]):
                    card = members[slot]
                    if card != end_a and card != end_b and _near_rect(
                            qx0, qy0, qx1, qy1, rects[slot, 0], rects[slot, 1], rects[slot, 2], rects[slot, 3],
                            reach):
                        return True
    return False


def blocked(const double[:, ::1] p0, const double[:, ::1] p1, const int64_t[::1] end_a,
            const int64_t[::1] end_b, const double[:, ::1] rects, double reach, double origin_x, double origin_y,
            double cell, Py_ssize_t width, Py_ssize_t stride, const int64_t[::1] start,
            const int64_t[::1] members, unsigned char[::1] out):
    """out[i] = whether segment i comes nearer than `reach` to a card other than end_a[i] and end_b[i].

    The cards are bucketed as in geometry.Obstacles: cell (ix, iy) of the dense table, padded by one cell all
    round, holds cards members[start[ix * stride + iy]:start[ix * stride + iy + 1]], rects[slot] being the
    rectangle of card members[slot].
    """
    cdef Py_ssize_t i
    with nogil:
        for i in range(p0.shape[0]):
            out[i] = _segment_blocked(p0[i, 0], p0[i, 1], p1[i, 0], p1[i, 1], end_a[i], end_b[i], rects, reach,
                                      origin_x, origin_y, cell, width, stride, start, members)


def pull_taut(const double[:, ::1] points, int64_t[::1] before, int64_t[::1] after, const unsigned char[::1] inner,
              unsigned char[::1] alive, unsigned char[::1] dirty, const int64_t[::1] path_of,
              const int64_t[:, ::1] cards, Py_ssize_t rounds, const double[:, ::1] rects, double reach,
              double origin_x, double origin_y, double cell, Py_ssize_t width, Py_ssize_t stride,
              const int64_t[::1] start, const int64_t[::1] members, int64_t[::1] todo, int64_t[::1] clear,
              unsigned char[::1] goes):
    """The rounds of router._pull_taut (see there) on points linked to their live neighbours by `before` and
    `after`, path_of[i] being point i's path and cards[p] its two cards; `alive`, `dirty`, `before` and `after`
    are updated in place. `todo`, `clear` and `goes` are scratch, as long as `points`."""
    cdef Py_ssize_t r, i, k, count, candidates, run_start
    cdef int64_t p, left, right
    with nogil:
        for r in range(rounds):
            count = 0
            for i in range(points.shape[0]):
                if dirty[i]:
                    todo[count] = i
                    count += 1
            if count == 0:
                break
            # Every dirty waypoint's shortcut is tested before any goes.
            candidates = 0
            for k in range(count):
                i = todo[k]
                dirty[i] = 0
                p = path_of[i]
                if not _segment_blocked(points[before[i], 0], points[before[i], 1], points[after[i], 0],
                                        points[after[i], 1], cards[p, 0], cards[p, 1], rects, reach, origin_x,
                                        origin_y, cell, width, stride, start, members):
                    clear[candidates] = i
                    candidates += 1
            if candidates == 0:
                break
            # Of a run of neighbours all clear to go, every other one goes now and the rest wait for the next round.
            run_start = 0
            for k in range(candidates):
                if k == 0 or before[clear[k]] != clear[k - 1]:
                    run_start = k
                goes[k] = (k - run_start) % 2 == 0
            for k in range(candidates):
                i = clear[k]
                if not goes[k]:
                    dirty[i] = 1
                    continue
                alive[i] = 0
                left, right = before[i], after[i]
                after[left] = right
                before[right] = left
                if inner[left]:
                    dirty[left] = 1
                if inner[right]:
                    dirty[right] = 1


def fewest_hops(const int64_t[::1] indptr, const int64_t[::1] indices, const int64_t[::1] starts,
                const int64_t[::1] bounds, const int64_t[::1] targets, int64_t[::1] parent,
                int64_t[::1] seen, int64_t[::1] wanted, int64_t[::1] queue, int64_t[::1] offsets,
                int64_t[::1] flat):
    """Breadth-first ways through a directed graph in compressed rows (vertex v's edges lead to
    indices[indptr[v]:indptr[v + 1]]): for each group g, from starts[g] to each of targets[bounds[g]:bounds[g + 1]].

    `parent`, `seen`, `wanted` and `queue` are scratch, one entry per vertex; `seen` and `wanted` start at -1.
    Each group's search stops once it has reached all of its targets. Every way's vertices, start and target
    included, go into `flat` one after the other, and offsets[r]:offsets[r + 1] is target r's way (empty where it
    is out of reach). Returns how much of `flat` was used, or -1 when it was too short (nothing is then valid).
    """
    cdef Py_ssize_t g, r, e, head, tail, steps, j, used = 0
    cdef int64_t start, v, w, left
    cdef bint short = False
    with nogil:
        offsets[0] = 0
        for g in range(starts.shape[0]):
            start = starts[g]
            left = 0
            for r in range(bounds[g], bounds[g + 1]):
                if wanted[targets[r]] != g:
                    wanted[targets[r]] = g
                    left += 1
            seen[start] = g
            parent[start] = -1
            if wanted[start] == g:
                left -= 1
            queue[0] = start
            head, tail = 0, 1
            while head < tail and left > 0:
                v = queue[head]
                head += 1
                for e in range(indptr[v], indptr[v + 1]):
                    w = indices[e]
                    if seen[w] != g:
                        seen[w] = g
                        parent[w] = v
                        queue[tail] = w
                        tail += 1
                        if wanted[w] == g:
                            left -= 1
                            if left == 0:
                                break
            for r in range(bounds[g], bounds[g + 1]):
                steps = 0
                if seen[targets[r]] == g:
                    v = targets[r]
                    while v != -1:
                        steps += 1
                        v = parent[v]
                if used + steps > flat.shape[0]:
                    short = True
                    break
                v = targets[r]
                for j in range(steps):
                    flat[used + steps - 1 - j] = v
                    v = parent[v]
                used += steps
                offsets[r + 1] = used
            if short:
                break
    return -1 if short else used


def join_ways(const int64_t[::1] flat, const int64_t[::1] piece_first, const int64_t[::1] piece_last,
              const unsigned char[::1] piece_reversed, const int64_t[::1] link_bounds, int64_t[::1] stamp,
              int64_t[::1] place, int64_t[::1] out, int64_t[::1] counts):
    """Each link's way from its pieces, in order: link k's pieces are link_bounds[k]:link_bounds[k + 1], piece p
    being flat[piece_first[p]:piece_last[p]], read backwards where piece_reversed[p]. A vertex met again cuts the
    way back to where it was first met, so no way runs round a loop.

    `stamp` and `place` are scratch, one entry per vertex, `stamp` starting at -1. Writes the ways one after the
    other into `out` (as long as all the pieces together) and each one's length into `counts`; returns how much
    of `out` was used.
    """
    cdef Py_ssize_t k, p, i, used = 0, begin
    cdef int64_t v
    with nogil:
        for k in range(link_bounds.shape[0] - 1):
            begin = used
            for p in range(link_bounds[k], link_bounds[k + 1]):
                for i in range(piece_last[p] - piece_first[p]):
                    v = flat[piece_last[p] - 1 - i] if piece_reversed[p] else flat[piece_first[p] + i]
                    if stamp[v] == k:
                        # Met before on this way: back to there, forgetting what came after.
                        while used > place[v] + 1:
                            used -= 1
                            stamp[out[used]] = -1
                        continue
                    stamp[v] = k
                    place[v] = used
                    out[used] = v
                    used += 1
            counts[k] = used - begin
    return used
