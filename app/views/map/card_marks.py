"""Relationship health on a person's card: where the declared level outruns the evidence (or falls short of
it), and a contact cadence gone overdue (DESIGN.md "Relationship health").

A drawing, shared by the window and the exports: `CardMarks` holds what the analysis found, in plain values
with its explanation already worded; `paint_row` lays the marks out as small chips in the card's bottom row,
left of the influence dots, and `paint_corner` as small round marks on the bottom edge where a card is drawn
too small for words. Nothing here is drawn outside the card's own rectangle but the round marks, which stay
within the margin that link routing keeps clear around each card.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from app.i18n import labels, translate
from app.i18n.relative_time import days_ago

OVERSTATED, UNDERSTATED, CADENCE = "overstated", "understated", "cadence"
# Pale fills with a dark edge and text: apart from the role badges (solid) and the red "!" of a late action.
COLORS = {
    OVERSTATED: (QColor("#fde7ef"), QColor("#ad1457")),
    UNDERSTATED: (QColor("#e0f2f1"), QColor("#00695c")),
    CADENCE: (QColor("#fff3e0"), QColor("#bf360c")),
}
CORNER_RADIUS = 9.0  # as the "!" and clock marks: the same size at every zoom
GAP = 4.0
ROUTED_MARGIN = 5.0  # app.layout.routing.PAINTED_MARGIN, not imported: that package loads numpy and numba


@dataclass
class CardMarks:
    """What relationship health says about one person, worded for the card and its tooltip."""

    evidence: str | None = None  # OVERSTATED or UNDERSTATED
    evidence_tips: list[str] = field(default_factory=list)
    cadence_days: int | None = None  # set only when the contact is overdue
    last_contact_days: int | None = None
    cadence_tip: str = ""

    @property
    def empty(self) -> bool:
        return self.evidence is None and self.cadence_days is None

    def tooltip_lines(self) -> list[str]:
        return [*self.evidence_tips, *([self.cadence_tip] if self.cadence_tip else [])]

    def chips(self) -> list[tuple[str, str, str]]:
        """(kind, full text, short text) of each mark, the evidence first."""
        chips = []
        if self.evidence == OVERSTATED:
            chips.append((OVERSTATED, translate("MapHealth", "Overstated"), ""))
        elif self.evidence == UNDERSTATED:
            chips.append((UNDERSTATED, translate("MapHealth", "Understated"), ""))
        if self.cadence_days is not None:
            if self.last_contact_days is None:
                chips.append((CADENCE, translate("MapHealth", "No contact"), ""))
            else:
                late = str(self.last_contact_days - self.cadence_days)
                chips.append((CADENCE, translate("MapHealth", "Overdue %1 d").replace("%1", late),
                              translate("MapHealth", "%1 d").replace("%1", late)))
        return chips


# -- from the analysis --------------------------------------------------------------------------
def marks_from_health(health, names: dict) -> dict:
    """Each client person's `CardMarks` from an `AccountHealth` (people without a mark are left out)."""
    if health is None:
        return {}
    levels = labels.relationship_levels()

    def level(value: int) -> str:
        return levels.get(value, translate("MapHealth", "none"))

    marks: dict = {}
    for link in health.links:
        over = link.declared >= 4 and link.inferred <= 2
        under = link.declared <= 2 and link.inferred >= 4
        if not (over or under):
            continue
        mark = marks.setdefault(link.person, CardMarks())
        member = names.get(link.member, "?")
        n = link.recent_touches
        if over:
            mark.evidence = OVERSTATED
            tip = (translate("MapHealth", "%1 declares “%2”, but the last 180 days show no interaction together")
                   if n == 0 else
                   translate("MapHealth", "%1 declares “%2”, but the last 180 days show only %n interaction(s) "
                             "together (the history says “%3”)", None, n))
        else:
            mark.evidence = mark.evidence or UNDERSTATED
            tip = (translate("MapHealth", "%1 has declared no relationship, but the last 180 days show %n "
                             "interaction(s) together (the history says “%3”)", None, n) if link.declared == 0
                   else translate("MapHealth", "%1 declares only “%2”, but the last 180 days show %n "
                                  "interaction(s) together (the history says “%3”)", None, n))
        mark.evidence_tips.append(tip.replace("%1", member).replace("%2", level(link.declared))
                                  .replace("%3", level(link.inferred)))
    for key, person in health.people.items():
        if "cadence_overdue" not in person.flags or person.cadence_days is None:
            continue
        mark = marks.setdefault(key, CardMarks())
        mark.cadence_days, mark.last_contact_days = person.cadence_days, person.last_contact_days
        days = person.last_contact_days
        if days is None:
            mark.cadence_tip = translate("MapHealth", "Contact every %1 days: no contact on record").replace(
                "%1", str(person.cadence_days))
        else:
            mark.cadence_tip = (translate("MapHealth", "Contact every %1 days: last contact %2, %3 days overdue")
                                .replace("%1", str(person.cadence_days)).replace("%2", days_ago(days))
                                .replace("%3", str(days - person.cadence_days)))
    return marks


# -- drawing ------------------------------------------------------------------------------------
def _font(pixels: float) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, int(pixels)))
    font.setBold(True)
    return font


def row_height(badge_px: float) -> float:
    return badge_px * 1.5


def _chip_font(badge_px: float) -> QFont:
    return _font(badge_px * 0.92)  # a touch smaller than the role badge: two chips share a narrow row


# What each chip shows while the row is too narrow for all the words: full words, the cadence's days only, the
# icon only. The claim keeps its word longest: a triangle alone says less than a calendar does.
_FALLBACKS = (("full", "full"), ("full", "short"), ("full", "icon"), ("icon", "full"), ("icon", "short"),
              ("icon", "icon"))


def layout_row(marks: CardMarks, left: float, right: float, top: float, badge_px: float) -> list[tuple]:
    """Chips (kind, text, rect) that fit between ``left`` and ``right``, the most words that fit; nothing
    when not even their icons fit."""
    height = row_height(badge_px)
    metrics = QFontMetricsF(_chip_font(badge_px))
    icon = height * 0.62
    chips = marks.chips()

    def width(text: str) -> float:
        return height * 0.25 + icon + (metrics.horizontalAdvance(text) + height * 0.2 if text else 0) + height * 0.3

    for evidence_form, cadence_form in _FALLBACKS:
        texts = []
        for kind, full, short in chips:
            form = cadence_form if kind == CADENCE else evidence_form
            texts.append(full if form == "full" else short if form == "short" else "")
        widths = [width(t) for t in texts]
        if sum(widths) + GAP * (len(widths) - 1) <= right - left:
            placed, x = [], left
            for chip, text, w in zip(chips, texts, widths, strict=True):
                placed.append((chip[0], text, QRectF(x, top, w, height)))
                x += w + GAP
            return placed
    return []


def paint_row(painter: QPainter, placed: list[tuple], badge_px: float) -> None:
    font = _chip_font(badge_px)
    for kind, text, rect in placed:
        fill, ink = COLORS[kind]
        painter.setPen(QPen(ink, 1.2))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        icon = rect.height() * 0.62
        box = QRectF(rect.left() + rect.height() * 0.25, rect.center().y() - icon / 2, icon, icon)
        _icon(painter, kind, box, ink)
        if text:
            painter.setFont(font)
            painter.setPen(ink)
            text_rect = QRectF(box.right() + rect.height() * 0.2, rect.top(), rect.right() - box.right(), rect.height())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def corner_rects(marks: CardMarks, card: QRectF, top: bool = False) -> list[tuple[str, QRectF]]:
    """Round marks from the right corner along the bottom edge (or the top one, when the role badge has moved
    down beside the title), reaching out no further than the margin that link routing keeps clear around
    every card (app.layout.routing.PAINTED_MARGIN)."""
    placed = []
    radius = CORNER_RADIUS
    x = card.right() - 2 - radius
    y = card.top() - ROUTED_MARGIN if top else corner_top(card)
    for kind, _full, _short in marks.chips():
        placed.append((kind, QRectF(x - radius, y, 2 * radius, 2 * radius)))
        x -= 2 * radius + GAP
    return placed


def corner_top(card: QRectF) -> float:
    return card.bottom() + ROUTED_MARGIN - 2 * CORNER_RADIUS


def paint_corner(painter: QPainter, placed: list[tuple[str, QRectF]]) -> None:
    for kind, rect in placed:
        fill, ink = COLORS[kind]
        painter.setPen(QPen(ink, 1.5))
        painter.setBrush(fill)
        painter.drawEllipse(rect)
        _icon(painter, kind, rect.adjusted(4, 4, -4, -4), ink)


def _icon(painter: QPainter, kind: str, box: QRectF, ink: QColor) -> None:
    """A triangle up (claimed more than shown), down (shown more than claimed), or a small calendar."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    if kind == OVERSTATED:
        painter.drawPolygon(QPolygonF([QPointF(box.center().x(), box.top()), box.bottomRight(), box.bottomLeft()]))
    elif kind == UNDERSTATED:
        painter.drawPolygon(QPolygonF([box.topLeft(), box.topRight(), QPointF(box.center().x(), box.bottom())]))
    else:
        painter.setPen(QPen(ink, max(1.0, box.height() / 8)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        body = box.adjusted(0, box.height() * 0.15, 0, 0)
        painter.drawRect(body)
        painter.setBrush(ink)
        painter.drawRect(QRectF(body.left(), body.top(), body.width(), body.height() * 0.3))
