"""A link between two cards: its line leaves and enters at the card borders, styled by kind."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsPolygonItem, QStyle

from app.document.records import LinkRecord
from app.i18n import translate
from app.i18n.relative_time import days_ago
from app.views.map import style

ARROW = 11.0
CURVE_STEP = 26.0  # sideways offset between parallel links of one pair
ROUNDING = 8.0  # radius of a routed path's corners
STALE_ALPHA = 110


class LinkItem(QGraphicsPathItem):
    def __init__(self, record: LinkRecord, source, target, kind_labels: dict[str, str], parent=None) -> None:
        super().__init__()
        self.source, self.target = source, target
        self._labels = kind_labels
        self.parallel_index = 0  # 0 straight; ±1, ±2 … curved apart from the other links of the pair
        # The path the router gave (scene points, border to border), valid while both cards stay where they
        # were; None: the straight or curved line of the two centres.
        self.route: list[tuple[float, float]] | None = None
        self._route_ends: tuple | None = None
        self._hit_shape: QPainterPath | None = None
        self._hovered = False
        self.stale = False  # a covers link whose relationship has gone cold: drawn faded and dotted
        # Relationship health of a covers link: (declared level it was computed for, effective level, days since
        # the last touch or None); drawn at its effective level while the map shows effective levels.
        self.health: tuple[int, int, int | None] | None = None
        self.show_effective = False
        self.arrow = QGraphicsPolygonItem(self)
        self.arrow.setPen(Qt.PenStyle.NoPen)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(0.0)
        source.links.add(self)
        target.links.add(self)
        self.set_record(record)
        if parent is not None:
            self.setParentItem(parent)

    @property
    def id(self) -> int:
        return self.record.id

    def set_record(self, record: LinkRecord) -> None:
        self.record = record
        self._restyle()

    def shown_level(self) -> int:
        """The level the line's thickness stands for: the declared one, or the effective one when asked for and
        still computed from the declared level the link has now."""
        health = self.health
        if self.show_effective and health is not None and health[0] == self.record.strength:
            return health[1]
        return self.record.strength

    def set_health(self, health: tuple[int, int, int | None] | None, show_effective: bool) -> None:
        if (health, show_effective) != (self.health, self.show_effective):
            self.health, self.show_effective = health, show_effective
            self._restyle()
            self.setToolTip(self._tooltip())
            self.update()

    def _restyle(self) -> None:
        record = self.record
        pen = style.link_pen(record.kind, self.shown_level())
        self._pen = pen
        self.setPen(pen)  # for the bounding rectangle; paint() draws with its own pen
        color = QColor(pen.color())
        if self.stale:
            color.setAlpha(STALE_ALPHA)
        self.arrow.setBrush(color)
        self._has_arrow = style.has_arrow(record.kind)
        self.arrow.setVisible(self._has_arrow)
        self.adjust()

    def _tooltip(self) -> str:
        kind = self._labels.get(self.record.kind, self.record.kind)
        text = f"{self.source.record.name} → {self.target.record.name}\n{kind} · {self.record.strength}/5"
        health = self.health
        if health is not None and health[0] == self.record.strength and health[1] != health[0]:
            when = (translate("MapHealth", "last touch %1").replace("%1", days_ago(health[2])) if health[2] is not None
                    else translate("MapHealth", "never touched"))
            text += "\n" + (translate("MapHealth", "Counts as %1/5 today (%2)").replace("%1", str(health[1]))
                            .replace("%2", when))
        return text

    def detach(self) -> None:
        self.source.links.discard(self)
        self.target.links.discard(self)

    def set_route(self, points: list[tuple[float, float]] | None) -> None:
        """Draw the given path (from the router) instead of the line between the centres."""
        self.route = list(points) if points and len(points) >= 2 else None
        self._route_ends = (self.source.pos(), self.target.pos()) if self.route else None
        self.adjust()

    def _routed_path(self) -> tuple[QPainterPath, QLineF] | None:
        if self.route is None or self._route_ends != (self.source.pos(), self.target.pos()):
            return None  # a card moved since: the straight line until the router has run again
        points = [QPointF(x, y) for x, y in self.route]
        path = QPainterPath(points[0])
        for i in range(1, len(points) - 1):
            # Corners rounded a little, so an elbow reads as one line turning, not two lines meeting.
            before, corner, after = points[i - 1], points[i], points[i + 1]
            radius = min(ROUNDING, QLineF(before, corner).length() / 2, QLineF(corner, after).length() / 2)
            path.lineTo(QLineF(corner, before).pointAt(radius / max(QLineF(corner, before).length(), 1e-9)))
            path.quadTo(corner, QLineF(corner, after).pointAt(radius / max(QLineF(corner, after).length(), 1e-9)))
        path.lineTo(points[-1])
        return path, QLineF(points[-2], points[-1])

    def adjust(self) -> None:
        routed = self._routed_path()
        if routed is not None:
            path, tangent = routed
            self._set_path(path, tangent, tangent.p2())
            return
        a, b = self.source.pos(), self.target.pos()
        path = QPainterPath()
        if self.parallel_index:
            line = QLineF(a, b)
            normal = line.normalVector().unitVector()
            offset = CURVE_STEP * self.parallel_index
            mid = line.pointAt(0.5) + QPointF(normal.dx() * offset, normal.dy() * offset)
            start, end = self.source.border_point(mid), self.target.border_point(mid)
            path.moveTo(start)
            path.quadTo(mid, end)
            tangent = QLineF(mid, end)
        else:
            start, end = self.source.border_point(b), self.target.border_point(a)
            path.moveTo(start)
            path.lineTo(end)
            tangent = QLineF(start, end)
        self._set_path(path, tangent, end)

    def _set_path(self, path: QPainterPath, tangent: QLineF, end: QPointF) -> None:
        self.prepareGeometryChange()
        self.setPath(path)
        # Not arrow.isVisible(): that is false while the whole map is hidden behind the overview picture.
        if self._has_arrow and tangent.length() > 1:
            angle = math.atan2(tangent.dy(), tangent.dx())
            size = ARROW + self._pen.widthF()
            left = QPointF(end.x() - size * math.cos(angle - 0.42), end.y() - size * math.sin(angle - 0.42))
            right = QPointF(end.x() - size * math.cos(angle + 0.42), end.y() - size * math.sin(angle + 0.42))
            self.arrow.setPolygon(QPolygonF([end, left, right]))
        self._hit_shape = None

    def shape(self) -> QPainterPath:
        if self._hit_shape is None:  # built on first hit test: most links are never clicked
            stroker = QPainterPathStroker()
            stroker.setWidth(max(10.0, self._pen.widthF() + 8))
            self._hit_shape = stroker.createStroke(self.path())
        return self._hit_shape

    def set_emphasis(self, on: bool) -> None:
        """Drawn thick and gold, e.g. as a step of an introduction route."""
        if getattr(self, "_emphasis", False) != on:
            self._emphasis = on
            self.setZValue(0.5 if on else 0.0)
            self.update()

    def set_stale(self, on: bool) -> None:
        if self.stale != on:
            self.stale = on
            color = QColor(self._pen.color())
            if on:
                color.setAlpha(STALE_ALPHA)
            self.arrow.setBrush(color)
            self.update()

    def paint(self, painter, option, widget=None) -> None:
        pen = QPen(self._pen)
        if self.stale:
            faded = QColor(pen.color())
            faded.setAlpha(STALE_ALPHA)
            pen.setColor(faded)
            pen.setStyle(Qt.PenStyle.DotLine)
        if getattr(self, "_emphasis", False):
            pen.setColor(QColor("#f4b400"))
            pen.setWidthF(pen.widthF() + 5)
        if option.state & QStyle.StateFlag.State_Selected:
            pen.setColor(style.SELECTION)
            pen.setWidthF(pen.widthF() + 2)
        elif self._hovered:
            pen.setWidthF(pen.widthF() + 1.5)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.setToolTip(self._tooltip())  # composed on demand: thousands of links are never hovered
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self.scene().link_edit_requested.emit(self.record.id)
        event.accept()
