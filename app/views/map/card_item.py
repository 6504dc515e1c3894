"""A person's card on the map (or a team member's, drawn as our side of the table)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem

from app.document.records import MemberRecord, PersonRecord
from app.views.map import card_marks, style

PORT_RADIUS = 7.0
PORT_HOVER_RADIUS = 10.0  # drawn bigger under the pointer, so the target shows it is there to be grabbed
PORT_HIT_RADIUS = 15.0  # how near a press must be, in scene units …
PORT_HIT_PIXELS = 13.0  # … and at least this many pixels on screen, however far the map is zoomed out
RING_ROOM = 16.0
_POSITION_CHANGED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged
DETAIL_LOD = 0.4  # below this the title and department could not be read: the card shows its name only
# Smallest text on screen, in pixels, at any zoom where it is drawn: below the zoom at which the card's own
# sizes give this much, the text grows in the card (and the department, then the influence dots, give way).
NAME_MIN_PIXELS = 12.5
TEXT_MIN_PIXELS = 10.0
BADGE_MIN_PIXELS = 9.5
NAME_ONLY_PIXELS = 11.5


def detail_fonts(lod: float) -> tuple[float, float, float]:
    """Name, title and badge font sizes (scene pixels) of a detailed card drawn at ``lod``."""
    lod = max(lod, 0.05)
    return max(15.0, NAME_MIN_PIXELS / lod), max(12.0, TEXT_MIN_PIXELS / lod), max(11.0, BADGE_MIN_PIXELS / lod)


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(int(pixels))
    font.setBold(bold)
    return font



def shown_department(department: str | None) -> str | None:
    """The last part of a department path (总部/信息技术部/基础架构组 → 基础架构组): the card has room for one."""
    if not department or "/" not in department:
        return department
    parts = [part.strip() for part in department.split("/") if part.strip()]
    return parts[-1] if parts else department

class CardItem(QGraphicsItem):
    """Position is the card's centre. ``key`` is ("person", id) or ("member", id)."""

    NAME_FONT = None  # created lazily: fonts need a running QGuiApplication

    def __init__(self, key: tuple[str, int], record: PersonRecord | MemberRecord, labels: dict[str, str],
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__()
        self.key = key
        self.links: set = set()
        self.overdue = False
        self.stale = False  # relationship health: we claim a relationship the history no longer shows
        self.highlight: QColor | None = None  # an analysis overlay's ring (route, coalition, gap, opportunity)
        self.change_mark: QColor | None = None  # a snapshot comparison's mark: kept whatever the overlays do
        self.marks: card_marks.CardMarks | None = None  # relationship health: claims vs evidence, cadence
        self.painted: dict[str, QRectF] = {}  # where the last paint put each part (tests check overlaps)
        self._labels = labels
        self._port_hover = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1.0)
        self.set_record(record)
        if parent is not None:
            self.setParentItem(parent)

    @property
    def is_member(self) -> bool:
        return self.key[0] == "member"

    def set_record(self, record: PersonRecord | MemberRecord) -> None:
        self.record = record
        influence = None if self.is_member else record.influence
        w, h = style.card_size(self.key[0], influence)
        if getattr(self, "_size", None) != (w, h):
            self.prepareGeometryChange()
            self._size = (w, h)
        self.update()
        for link in self.links:
            link.adjust()

    def _tooltip(self) -> str:  # the department in full, as its path, then what the marks mean
        r = self.record
        lines = [r.name] + [part for part in (r.title, getattr(r, "department", None)) if part]
        if self.marks is not None:
            lines += self.marks.tooltip_lines()
        return "\n".join(lines)

    def set_marks(self, marks: card_marks.CardMarks | None) -> None:
        if marks is not None and marks.empty:
            marks = None
        if marks != self.marks:
            self.marks = marks
            self.setToolTip(self._tooltip())
            self.update()

    # -- geometry -------------------------------------------------------------------------------
    @property
    def size(self) -> tuple[float, float]:
        return self._size

    def rect(self) -> QRectF:
        w, h = self._size
        return QRectF(-w / 2, -h / 2, w, h)

    def boundingRect(self) -> QRectF:  # noqa: N802
        # Room for the rings drawn around the card (their pens are cosmetic: a few pixels at any zoom).
        return self.rect().adjusted(-RING_ROOM, -RING_ROOM, RING_ROOM + PORT_HIT_RADIUS, RING_ROOM)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.rect(), style.CORNER, style.CORNER)
        path.addEllipse(self.port_center(), PORT_HIT_RADIUS, PORT_HIT_RADIUS)
        return path

    def port_center(self) -> QPointF:
        return QPointF(self._size[0] / 2, 0.0)

    def on_port(self, local: QPointF) -> bool:
        delta = local - self.port_center()
        scale = max((view.transform().m11() for view in (self.scene().views() if self.scene() else [])), default=1.0)
        reach = max(PORT_HIT_RADIUS, PORT_HIT_PIXELS / max(scale, 1e-3))
        return (delta.x() ** 2 + delta.y() ** 2) <= reach ** 2

    def border_point(self, toward: QPointF) -> QPointF:
        """Where the line from the centre toward ``toward`` (scene) leaves the card."""
        c = self.pos()
        dx, dy = toward.x() - c.x(), toward.y() - c.y()
        if dx == 0 and dy == 0:
            return c
        w, h = self._size[0] / 2 + 2, self._size[1] / 2 + 2
        scale = min(w / abs(dx) if dx else float("inf"), h / abs(dy) if dy else float("inf"))
        return QPointF(c.x() + dx * scale, c.y() + dy * scale)

    def track_moves(self) -> None:
        """Start following position changes (links, overview); off while the map is being built."""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):  # noqa: N802
        if change == _POSITION_CHANGED:
            for link in self.links:
                link.adjust()
            scene = self.scene()
            if scene is not None:
                scene.card_moved(self)
        return super().itemChange(change, value)

    # -- interaction ----------------------------------------------------------------------------
    def hoverMoveEvent(self, event) -> None:  # noqa: N802
        over = self.on_port(event.pos())
        if over != self._port_hover:
            self._port_hover = over
            self.setCursor(Qt.CursorShape.CrossCursor if over else Qt.CursorShape.ArrowCursor)
            self.update()
        super().hoverMoveEvent(event)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.setToolTip(self._tooltip())
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hovered = False
        self._port_hover = False
        self.unsetCursor()
        self.update()
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.on_port(event.pos()):
            self.scene().begin_connect(self, event.scenePos())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if scene is not None and scene.connecting_from is self:
            scene.update_connect(event.scenePos())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        scene = self.scene()
        if scene is not None and scene.connecting_from is self:
            scene.finish_connect(event.scenePos())
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self.scene().edit_requested.emit(self.key)
        event.accept()

    # -- painting -------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rect = self.rect()
        self.painted = {}
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        stance = "member" if self.is_member else self.record.stance
        if lod < DETAIL_LOD:
            self._paint_name_only(painter, rect, stance, selected, lod)
            self._paint_rings(painter, rect, lod)
            if self.stale:
                self._paint_stale(painter, rect)
            self._paint_corner_marks(painter, rect)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.is_member:
            self._paint_member(painter, rect, lod)
        else:
            self._paint_person(painter, rect, lod)
        self._paint_rings(painter, rect, lod)
        if selected:
            painter.setPen(QPen(style.SELECTION, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), style.CORNER + 1, style.CORNER + 1)
        if getattr(self, "_hovered", False) or self._port_hover:
            painter.setPen(QPen(style.SELECTION, 1.5))
            painter.setBrush(style.SELECTION if self._port_hover else QBrush(QColor("#ffffff")))
            radius = PORT_HOVER_RADIUS if self._port_hover else PORT_RADIUS
            painter.drawEllipse(self.port_center(), radius, radius)
            painter.setPen(QPen(QColor("#ffffff") if self._port_hover else style.SELECTION, 1.6))
            c, arm = self.port_center(), radius / 2
            painter.drawLine(QPointF(c.x() - arm, c.y()), QPointF(c.x() + arm, c.y()))
            painter.drawLine(QPointF(c.x(), c.y() - arm), QPointF(c.x(), c.y() + arm))
        if self.overdue:
            self._paint_overdue(painter, rect)
        if self.stale:
            self._paint_stale(painter, rect)

    def _paint_rings(self, painter: QPainter, rect: QRectF, lod: float) -> None:
        """An overlay's ring close around the card, and a snapshot's change mark — bold and dashed, with a Δ
        badge — further out, so both show at once and at any zoom."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.highlight is not None:
            ring = QPen(self.highlight, 3.5)
            ring.setCosmetic(True)  # as bold zoomed out as zoomed in
            painter.setPen(ring)
            painter.drawRoundedRect(rect.adjusted(-5, -5, 5, 5), style.CORNER + 4, style.CORNER + 4)
        if self.change_mark is not None:
            out = min(6 / max(lod, 0.05) + 5, RING_ROOM - 3)  # outside the overlay's ring, inside the bounds
            mark = QPen(self.change_mark, 4.5, Qt.PenStyle.DashLine)
            mark.setCosmetic(True)
            painter.setPen(mark)
            painter.drawRoundedRect(rect.adjusted(-out, -out, out, out), style.CORNER + out, style.CORNER + out)
            radius = min(9 / max(lod, 0.05), RING_ROOM - 4, rect.height() / 2)
            centre = QPointF(rect.center().x(), rect.top() - out / 2)  # on the top edge, clear of name and badge
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.change_mark)
            painter.drawEllipse(centre, radius, radius)
            self.painted["change"] = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(_font(radius * 1.3, bold=True))
            painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                             Qt.AlignmentFlag.AlignCenter, "Δ")

    def _paint_name_only(self, painter: QPainter, rect: QRectF, stance: str, selected: bool, lod: float) -> None:
        """Zoomed out: the stance colour and the name in a font big enough to read at this scale."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = style.MEMBER_FILL if self.is_member else style.STANCE_COLORS.get(stance, style.CARD_FILL)
        painter.setPen(QPen(style.SELECTION, 3 / max(lod, 0.05)) if selected else QPen(style.CARD_BORDER, 1.5))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, style.CORNER, style.CORNER)
        # One size on screen for every card, so that names do not shout or whisper by card size.
        pixels = min(NAME_ONLY_PIXELS / max(lod, 0.05), rect.height() * 0.75)
        if pixels * lod < 9.0:
            return  # a name smaller than this on screen is a smudge, not text
        dark = self.is_member or stance in ("advocate", "opponent")
        # Regular weight: bold Chinese at ten pixels closes up its strokes.
        self._text(painter, self.record.name, _font(pixels), QColor("#ffffff") if dark else style.TEXT,
                   rect.left() + 6, rect.top(), rect.width() - 12, rect.height(), centered=True)

    def _paint_person(self, painter: QPainter, rect: QRectF, lod: float = 1.0) -> None:
        r = self.record
        stance_color = style.STANCE_COLORS.get(r.stance, style.CARD_FILL)
        painter.setPen(QPen(style.CARD_BORDER, 1.2))
        painter.setBrush(style.CARD_FILL)
        painter.drawRoundedRect(rect, style.CORNER, style.CORNER)
        strip = QPainterPath()
        strip.addRoundedRect(QRectF(rect.left(), rect.top(), style.STRIP + style.CORNER, rect.height()),
                             style.CORNER, style.CORNER)
        clip = QPainterPath()
        clip.addRect(QRectF(rect.left(), rect.top(), style.STRIP, rect.height()))
        painter.setPen(Qt.PenStyle.NoPen if r.stance != "unknown" else QPen(style.CARD_BORDER, 1, Qt.PenStyle.DashLine))
        painter.setBrush(stance_color)
        painter.drawPath(strip.intersected(clip))
        sign = style.STANCE_SIGNS.get(r.stance, "?")
        painter.setFont(_font(10, bold=True))
        dark = r.stance in ("advocate", "opponent")
        painter.setPen(QColor("#ffffff") if dark else style.TEXT)
        # Doubled signs (++ and −−) are stacked so the narrow strip shows both: advocate and supporter
        # must differ by more than their shade of blue.
        painter.drawText(QRectF(rect.left(), rect.top(), style.STRIP, rect.height()),
                         Qt.AlignmentFlag.AlignCenter, "\n".join(sign))

        left = rect.left() + style.STRIP + 8
        right = rect.right() - 8
        name_px, text_px, badge_px = detail_fonts(lod)
        boosted = name_px > 15.0
        name_font, text_font = _font(name_px, bold=True), _font(text_px)
        name_height, line_height = name_px * 1.45, text_px * 1.5
        name_top = rect.top() + 4
        badge = self._labels.get(r.role, "")
        name_right = title_right = right
        dots = not boosted
        marks_on_top = False  # zoomed out, round health marks sit on the bottom edge unless the badge is there
        if badge:
            font = _font(badge_px, bold=True)
            height = badge_px * 1.65
            width = QFontMetricsF(font).horizontalAdvance(badge) + badge_px
            on_top = not boosted or QFontMetricsF(name_font).horizontalAdvance(r.name) <= right - left - width - 6
            # Zoomed out the name comes first: the badge moves down beside the title rather than cut the name.
            row_top, row_height = (name_top, name_height) if on_top else (name_top + name_height, line_height)
            badge_rect = QRectF(right - width, row_top + (row_height - height) / 2, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.ROLE_COLORS.get(r.role, style.ROLE_COLORS["unknown"]))
            painter.drawRoundedRect(badge_rect, height / 2, height / 2)
            painter.setFont(font)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
            self.painted["badge"] = badge_rect
            marks_on_top = badge_rect.bottom() > card_marks.corner_top(rect)
            if on_top:
                name_right = badge_rect.left() - 6
            else:
                title_right = badge_rect.left() - 6
        # Zoomed out the marks are round marks on an edge instead: the name or the last line stops short of them.
        corner = (card_marks.corner_rects(self.marks, rect, marks_on_top) if self.marks is not None and boosted
                  else [])
        corner_left = min((r.left() for _kind, r in corner), default=rect.right())
        corner_top = rect.bottom() if marks_on_top else min((r.top() for _kind, r in corner), default=rect.bottom())
        if corner and marks_on_top:
            name_right = min(name_right, corner_left - 4)
        self._text(painter, r.name, name_font, style.TEXT, left, name_top, name_right - left, name_height)
        self.painted["name"] = QRectF(left, name_top, name_right - left, name_height)
        # Health marks take the bottom row, left of the influence dots; the department gives way to them.
        chips = []
        if self.marks is not None and not boosted:
            top = rect.bottom() - 4 - card_marks.row_height(badge_px)
            chips = card_marks.layout_row(self.marks, left, rect.right() - 8 - 4 * 8.5 - 12.4, top, badge_px)
        bottom = min(chip[2].top() for chip in chips) - 1 if chips else rect.bottom() - 2
        line_top = name_top + name_height
        lines = [(r.title, style.TEXT, title_right), (shown_department(r.department), style.SUBTLE_TEXT, right)]
        for number, (text, color, text_right) in enumerate(lines):
            if line_top + line_height > bottom:
                break
            if text:
                width = text_right - left - (46 if dots else 0)
                if line_top + line_height > corner_top:
                    width = min(width, corner_left - 4 - left)
                self._text(painter, text, text_font, color, left, line_top, width, line_height)
                self.painted[f"line{number}"] = QRectF(left, line_top, width, line_height)
            line_top += line_height
        if dots:
            self._paint_influence(painter, rect, r.influence)
        if chips:
            card_marks.paint_row(painter, chips, badge_px)
            for kind, _text, chip_rect in chips:
                self.painted[f"mark:{kind}"] = chip_rect
        elif corner:
            self._paint_corner_marks(painter, rect, corner)

    def _paint_corner_marks(self, painter: QPainter, rect: QRectF, placed: list | None = None) -> None:
        if self.marks is None or self.is_member:
            return
        placed = card_marks.corner_rects(self.marks, rect) if placed is None else placed
        card_marks.paint_corner(painter, placed)
        for kind, mark_rect in placed:
            self.painted[f"mark:{kind}"] = mark_rect

    def _paint_influence(self, painter: QPainter, rect: QRectF, influence: int | None) -> None:
        radius, step = 3.2, 8.5
        x0 = rect.right() - 8 - 4 * step - radius
        y = rect.bottom() - 10
        self.painted["dots"] = QRectF(x0 - radius, y - radius, 4 * step + 2 * radius, 2 * radius)
        for i in range(5):
            filled = influence is not None and i < influence
            painter.setPen(QPen(style.SUBTLE_TEXT, 1))
            painter.setBrush(style.TEXT if filled else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x0 + i * step, y), radius, radius)

    def _paint_member(self, painter: QPainter, rect: QRectF, lod: float = 1.0) -> None:
        r = self.record
        name_px, text_px, badge_px = detail_fonts(lod)
        painter.setPen(QPen(style.MEMBER_FILL.darker(130), 1.2))
        painter.setBrush(style.MEMBER_FILL)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        left, right = rect.left() + 18, rect.right() - 16
        badge = style.our_team_badge()
        font = _font(badge_px, bold=True)
        height = badge_px * 1.65
        width = QFontMetricsF(font).horizontalAdvance(badge) + badge_px
        badge_rect = QRectF(right - width, rect.top() + 7, width, height)
        name_font = _font(name_px, bold=True)
        name_height = name_px * 1.45
        name_right = badge_rect.left() - 6
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffca28"))
        if QFontMetricsF(name_font).horizontalAdvance(r.name) > name_right - left:
            # No room for the words: a yellow dot says "our team" (the dark pill says it too), the name comes first.
            dot = badge_px * 0.45
            painter.drawEllipse(QPointF(right - dot, rect.top() + 5 + name_height / 2), dot, dot)
            name_right = right - 2 * dot - 6
        else:
            painter.drawRoundedRect(badge_rect, height / 2, height / 2)
            painter.setFont(font)
            painter.setPen(style.MEMBER_FILL)
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        self._text(painter, r.name, name_font, style.MEMBER_TEXT, left, rect.top() + 5, name_right - left,
                   name_height)
        if r.title and rect.top() + 5 + name_height + text_px * 1.3 <= rect.bottom():
            self._text(painter, r.title, _font(text_px), QColor("#cfd8dc"), left, rect.top() + 5 + name_height,
                       right - left, text_px * 1.4)

    def _paint_overdue(self, painter: QPainter, rect: QRectF) -> None:
        center = QPointF(rect.left() + 2, rect.top() + 2)
        self.painted["overdue"] = QRectF(center.x() - 9, center.y() - 9, 18, 18)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QColor("#c62828"))
        painter.drawEllipse(center, 9, 9)
        painter.setFont(_font(12, bold=True))
        painter.drawText(QRectF(center.x() - 9, center.y() - 9, 18, 18), Qt.AlignmentFlag.AlignCenter, "!")

    def _paint_stale(self, painter: QPainter, rect: QRectF) -> None:
        """A clock on the lower left corner: the relationship has gone cold (DESIGN.md "Relationship health")."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        center = QPointF(rect.left() + 2, rect.bottom() - 2)
        self.painted["stale"] = QRectF(center.x() - 9, center.y() - 9, 18, 18)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(style.STALE_COLOR)
        painter.drawEllipse(center, 9, 9)
        hands = QPen(QColor("#ffffff"), 1.8)
        hands.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(hands)
        painter.drawLine(center, QPointF(center.x(), center.y() - 5.5))
        painter.drawLine(center, QPointF(center.x() + 4, center.y()))

    @staticmethod
    def _text(painter: QPainter, text: str, font: QFont, color: QColor, x: float, y: float, width: float,
              height: float, centered: bool = False) -> None:
        painter.setFont(font)
        painter.setPen(color)
        elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, max(width, 10))
        horizontal = Qt.AlignmentFlag.AlignHCenter if centered else Qt.AlignmentFlag.AlignLeft
        painter.drawText(QRectF(x, y, width, height), horizontal | Qt.AlignmentFlag.AlignVCenter, elided)
