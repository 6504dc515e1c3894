"""How the map looks: card sizes, the stance palette, link pens and short role labels.

The stance palette runs blue (for us) to vermillion (against us) through grey, after Okabe & Ito's
colour-blind-safe set, and each stance also has a sign on the card so colour is never the only cue.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from app.i18n import translate

# Card size grows with declared influence (unknown counts as medium).
CARD_HEIGHT = {None: 84.0, 1: 76.0, 2: 80.0, 3: 84.0, 4: 92.0, 5: 100.0}
CARD_WIDTH = {None: 200.0, 1: 184.0, 2: 192.0, 3: 200.0, 4: 216.0, 5: 232.0}
MEMBER_SIZE = (188.0, 66.0)
CORNER = 8.0
STRIP = 10.0  # width of the stance strip on a card's left edge

STANCE_COLORS = {
    "advocate": QColor("#0b5394"),
    "supporter": QColor("#56B4E9"),
    "neutral": QColor("#9e9e9e"),
    "skeptic": QColor("#E69F00"),
    # Far darker than the skeptic's orange, so the two differ at a glance and in greyscale print.
    "opponent": QColor("#B2220E"),
    "unknown": QColor("#ffffff"),
}
STANCE_SIGNS = {"advocate": "++", "supporter": "+", "neutral": "0", "skeptic": "−", "opponent": "−−", "unknown": "?"}

MEMBER_FILL = QColor("#263238")
MEMBER_TEXT = QColor("#ffffff")
CARD_FILL = QColor("#ffffff")
CARD_BORDER = QColor("#607d8b")
TEXT = QColor("#1f1f1f")
SUBTLE_TEXT = QColor("#5f6368")
SELECTION = QColor("#1a73e8")
STALE_COLOR = QColor("#8d6e63")  # the clock of a relationship gone cold: a faded brown, apart from the stances
DIMMED_OPACITY = 0.18

ROLE_COLORS = {
    "economic_buyer": QColor("#6a1b9a"),
    "decision_maker": QColor("#283593"),
    "technical_buyer": QColor("#00695c"),
    "user_buyer": QColor("#558b2f"),
    "influencer": QColor("#ad1457"),
    "coach": QColor("#ef6c00"),
    "gatekeeper": QColor("#4e342e"),
    "approver": QColor("#37474f"),
    "procurement": QColor("#5d4037"),
    "unknown": QColor("#9e9e9e"),
}

# Link look: colour, width, dash pattern, arrow at the target?
LINK_STYLE = {
    "reports_to": (QColor("#455a64"), 1.8, Qt.PenStyle.SolidLine, True),
    "dotted_line": (QColor("#607d8b"), 1.6, Qt.PenStyle.DashLine, True),
    "influences": (QColor("#7b1fa2"), 1.8, Qt.PenStyle.SolidLine, True),
    "ally": (QColor("#009E73"), 2.6, Qt.PenStyle.SolidLine, False),
    "rival": (QColor("#D55E00"), 2.6, Qt.PenStyle.DashDotLine, False),
    "knows": (QColor("#9e9e9e"), 1.3, Qt.PenStyle.DotLine, False),
    "covers": (QColor("#0072B2"), 1.0, Qt.PenStyle.SolidLine, True),
}


def card_size(kind: str, influence: int | None) -> tuple[float, float]:
    if kind == "member":
        return MEMBER_SIZE
    return CARD_WIDTH.get(influence, CARD_WIDTH[None]), CARD_HEIGHT.get(influence, CARD_HEIGHT[None])


@lru_cache(maxsize=64)
def link_pen(kind: str, strength: int) -> QPen:
    """Shared pens (QPen is copied on use), one per kind and strength."""
    color, width, style, _arrow = LINK_STYLE.get(kind, LINK_STYLE["knows"])
    if kind == "covers":
        width = 0.8 + 1.1 * strength  # relationship level reads as thickness
    elif kind == "influences":
        width = 1.0 + 0.4 * strength
    pen = QPen(color, width, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    pen.setCosmetic(False)
    return pen


def has_arrow(kind: str) -> bool:
    return LINK_STYLE.get(kind, LINK_STYLE["knows"])[3]


def role_badges() -> dict[str, str]:
    """Short role names that fit a badge on a card."""
    return {
        "economic_buyer": translate("MapRoles", "Econ. buyer"),
        "decision_maker": translate("MapRoles", "Decides"),
        "technical_buyer": translate("MapRoles", "Tech. buyer"),
        "user_buyer": translate("MapRoles", "User"),
        "influencer": translate("MapRoles", "Influencer"),
        "coach": translate("MapRoles", "Coach"),
        "gatekeeper": translate("MapRoles", "Gatekeeper"),
        "approver": translate("MapRoles", "Approver"),
        "procurement": translate("MapRoles", "Procurement"),
        "unknown": "",
    }


def our_team_badge() -> str:
    return translate("MapRoles", "Our team")
