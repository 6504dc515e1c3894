"""Stable identifiers of the vocabulary (see DESIGN.md). Labels live in app.i18n.labels."""

from __future__ import annotations

TIERS = ("strategic", "key", "growth", "maintain")

BUYING_ROLES = (
    "economic_buyer",
    "decision_maker",
    "technical_buyer",
    "user_buyer",
    "influencer",
    "coach",
    "gatekeeper",
    "approver",
    "procurement",
    "unknown",
)

STANCES = ("advocate", "supporter", "neutral", "skeptic", "opponent", "unknown")
STANCE_VALUES = {"advocate": 2, "supporter": 1, "neutral": 0, "skeptic": -1, "opponent": -2}

INFLUENCE_LEVELS = (1, 2, 3, 4, 5)  # minimal, low, medium, high, decisive
RELATIONSHIP_LEVELS = (1, 2, 3, 4, 5)  # aware, acquainted, working, trusted, advocate

LINK_KINDS = ("reports_to", "dotted_line", "influences", "ally", "rival", "knows", "covers")
# Reporting lines stay within one organisation: nobody on our team reports to the customer, or the reverse.
REPORTING_KINDS = ("reports_to", "dotted_line")


def link_kinds_between(source_side: str, target_side: str) -> tuple[str, ...]:
    """The kinds a new link may have from a ``person`` or ``member`` to another, in the order menus offer them:
    ``covers`` only from our team to the customer's people, reporting lines only on one side."""
    kinds = tuple(k for k in LINK_KINDS if k != "covers")
    if source_side != target_side:
        kinds = tuple(k for k in kinds if k not in REPORTING_KINDS)
    if (source_side, target_side) == ("member", "person"):
        kinds = ("covers", *kinds)
    return kinds

TEAM_ROLES = ("account_manager", "solution_consultant", "executive_sponsor", "delivery", "service")

NEED_KINDS = ("business", "personal")
NEED_STATUSES = ("identified", "validated", "addressed")
PRIORITIES = ("high", "medium", "low")

CHANNELS = ("meeting", "call", "email", "visit", "demo", "dinner", "event")

ACTION_STATUSES = ("open", "done", "cancelled")

# Stages of the customer's decision process, in order.
OPPORTUNITY_STAGES = (
    "need_recognition",
    "requirements",
    "evaluation",
    "shortlist",
    "negotiation",
    "approval",
    "won",
    "lost",
)

PURCHASING_CAPACITIES = ("low", "medium", "high", "very_high")

LEAD_SOURCES = ("referral", "existing_customer", "event", "inbound", "outbound", "partner", "tender")

# Built-in qualification criteria; users may rename, reweight, delete or add to them.
DEFAULT_CRITERIA = (
    ("budget", 25),
    ("authority", 20),
    ("need", 25),
    ("timeline", 15),
    ("strategic_fit", 15),
)
RATING_MAX = 5

# The roles an account of each tier should have on our side (DESIGN.md "Our account team"); users edit them.
DEFAULT_TEAM_TEMPLATES = {
    "strategic": ("account_manager", "solution_consultant", "executive_sponsor", "delivery", "service"),
    "key": ("account_manager", "solution_consultant", "executive_sponsor"),
    "growth": ("account_manager", "solution_consultant"),
    "maintain": ("account_manager",),
}

# Built-in criteria of a team member's competency profile (大客户销售人员能力画像), rated 1–5; editable.
DEFAULT_COMPETENCIES = (
    "industry_knowledge",
    "solution_selling",
    "executive_presence",
    "negotiation",
    "relationship_building",
    "internal_coordination",
)
COMPETENCY_MAX = 5
