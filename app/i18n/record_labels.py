"""Labels, in the current language, of the identifiers used by needs, next actions and opportunities."""

from __future__ import annotations

from app.i18n import translate


def need_kinds() -> dict[str, str]:
    return {
        "business": translate("Labels", "Business need"),
        "personal": translate("Labels", "Personal need"),
    }


def need_statuses() -> dict[str, str]:
    return {
        "identified": translate("Labels", "Identified"),
        "validated": translate("Labels", "Validated"),
        "addressed": translate("Labels", "Addressed"),
    }


def priorities() -> dict[str, str]:
    return {
        "high": translate("Labels", "High priority"),
        "medium": translate("Labels", "Medium priority"),
        "low": translate("Labels", "Low priority"),
    }


def action_statuses() -> dict[str, str]:
    return {
        "open": translate("Labels", "Open"),
        "done": translate("Labels", "Done"),
        "cancelled": translate("Labels", "Cancelled"),
    }


def opportunity_stages() -> dict[str, str]:
    return {
        "need_recognition": translate("Labels", "Need recognition"),
        "requirements": translate("Labels", "Requirements"),
        "evaluation": translate("Labels", "Evaluation of options"),
        "shortlist": translate("Labels", "Shortlist"),
        "negotiation": translate("Labels", "Negotiation"),
        "approval": translate("Labels", "Approval"),
        "won": translate("Labels", "Won"),
        "lost": translate("Labels", "Lost"),
    }
