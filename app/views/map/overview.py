"""The whole map in one item, for when it is zoomed out too far to read a card.

Thousands of card and link items each painting themselves cost a Python call per item per frame; far
out, the map is drawn instead as one recorded picture (links batched by kind, cards batched by colour)
that Qt replays without calling back into Python. The picture is re-recorded only after a change.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPicture
from PySide6.QtWidgets import QGraphicsItem

from app.views.map import style


class OverviewLayer(QGraphicsItem):
    def __init__(self, scene) -> None:
        super().__init__()
        self._map = scene
        self._picture: QPicture | None = None
        self._rect = QRectF()
        self.setZValue(-1.0)
        self.setVisible(False)
        # Repaints that change nothing (scrolling, overlays, an expose) blit the last rendering; a zoom or an
        # edit renders again.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def invalidate(self) -> None:
        """Something moved or changed: record the picture again before the next paint."""
        self._picture = None
        if self.isVisible():
            self.prepareGeometryChange()
            self._rect = self._map.cards_rect()
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        if self._picture is None:
            self._rect = self._map.cards_rect()
        return self._rect

    def _record(self) -> QPicture:
        picture = QPicture()
        painter = QPainter(picture)
        cards = self._map.card_items()
        where = {card: card.pos() for card in cards}
        lines: dict[tuple[str, bool], list[QLineF]] = defaultdict(list)
        for link in self._map.link_items():
            if not (self._map.is_shown(link.source) and self._map.is_shown(link.target)):
                continue
            dim = self._map.is_dimmed(link.source) or self._map.is_dimmed(link.target)
            lines[(link.record.kind, dim)].append(QLineF(where[link.source], where[link.target]))
        for (kind, dim), batch in lines.items():
            pen = QPen(style.link_pen(kind, 3))
            pen.setWidthF(max(pen.widthF(), 2.0) * 2.5)  # stay visible far out
            pen.setStyle(Qt.PenStyle.SolidLine)  # dashes cannot be told apart this far out, and cost time
            if dim:
                color = QColor(pen.color())
                color.setAlphaF(style.DIMMED_OPACITY)
                pen.setColor(color)
            painter.setPen(pen)
            painter.drawLines(batch)
        rects: dict[tuple[str, bool, bool], list[QRectF]] = defaultdict(list)
        for card in cards:
            if not self._map.is_shown(card):
                continue
            fill = "member" if card.is_member else card.record.stance
            rect = card.rect().translated(where[card])
            rects[(fill, self._map.is_dimmed(card), card.isSelected())].append(rect)
        for (fill, dim, selected), batch in rects.items():
            color = QColor(style.MEMBER_FILL if fill == "member" else style.STANCE_COLORS.get(fill))
            if fill == "unknown":
                color = QColor("#eceff1")
            if dim:
                color.setAlphaF(style.DIMMED_OPACITY)
            painter.setBrush(color)
            painter.setPen(QPen(style.SELECTION, 12) if selected else QPen(QColor("#546e7a"), 3))
            painter.drawRects(batch)
        painter.end()
        return picture

    def picture(self) -> QPicture:
        """The whole map recorded in scene coordinates (also drawn by the mini-map)."""
        if self._picture is None:
            self._picture = self._record()
        return self._picture

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self.picture()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawPicture(0, 0, self._picture)
        painter.setPen(Qt.PenStyle.NoPen)
