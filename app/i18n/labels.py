"""Labels, in the current language, of the vocabulary's stable identifiers (DESIGN.md)."""

from __future__ import annotations

from app.i18n import translate


def tiers() -> dict[str, str]:
    return {
        "strategic": translate("Labels", "Strategic"),
        "key": translate("Labels", "Key"),
        "growth": translate("Labels", "Growth"),
        "maintain": translate("Labels", "Maintain"),
    }


def buying_roles() -> dict[str, str]:
    return {
        "economic_buyer": translate("Labels", "Economic buyer"),
        "decision_maker": translate("Labels", "Decision-maker"),
        "technical_buyer": translate("Labels", "Technical buyer"),
        "user_buyer": translate("Labels", "User buyer"),
        "influencer": translate("Labels", "Influencer"),
        "coach": translate("Labels", "Coach (insider)"),
        "gatekeeper": translate("Labels", "Gatekeeper"),
        "approver": translate("Labels", "Approver"),
        "procurement": translate("Labels", "Procurement"),
        "unknown": translate("Labels", "Unknown role"),
    }


def stances() -> dict[str, str]:
    return {
        "advocate": translate("Labels", "Advocate"),
        "supporter": translate("Labels", "Supporter"),
        "neutral": translate("Labels", "Neutral"),
        "skeptic": translate("Labels", "Skeptic"),
        "opponent": translate("Labels", "Opponent"),
        "unknown": translate("Labels", "Unknown stance"),
    }


def influence_levels() -> dict[int, str]:
    return {
        1: translate("Labels", "1 · Minimal"),
        2: translate("Labels", "2 · Low"),
        3: translate("Labels", "3 · Medium"),
        4: translate("Labels", "4 · High"),
        5: translate("Labels", "5 · Decisive"),
    }


def relationship_levels() -> dict[int, str]:
    return {
        1: translate("Labels", "1 · Aware"),
        2: translate("Labels", "2 · Acquainted"),
        3: translate("Labels", "3 · Working relationship"),
        4: translate("Labels", "4 · Trusted"),
        5: translate("Labels", "5 · Advocate"),
    }


def link_kinds() -> dict[str, str]:
    return {
        "reports_to": translate("Labels", "Reports to"),
        "dotted_line": translate("Labels", "Dotted-line report"),
        "influences": translate("Labels", "Influences"),
        "ally": translate("Labels", "Ally"),
        "rival": translate("Labels", "Rival"),
        "knows": translate("Labels", "Knows"),
        "covers": translate("Labels", "Our relationship"),
    }


def team_roles() -> dict[str, str]:
    return {
        "account_manager": translate("Labels", "Account manager"),
        "solution_consultant": translate("Labels", "Solution consultant"),
        "executive_sponsor": translate("Labels", "Executive sponsor"),
        "delivery": translate("Labels", "Delivery"),
        "service": translate("Labels", "Service"),
    }


def purchasing_capacities() -> dict[str, str]:
    return {
        "low": translate("Labels", "Low"),
        "medium": translate("Labels", "Medium"),
        "high": translate("Labels", "High"),
        "very_high": translate("Labels", "Very high"),
    }


def lead_sources() -> dict[str, str]:
    return {
        "referral": translate("Labels", "Referral"),
        "existing_customer": translate("Labels", "Existing customer"),
        "event": translate("Labels", "Event or trade show"),
        "inbound": translate("Labels", "Inbound enquiry"),
        "outbound": translate("Labels", "Outbound prospecting"),
        "partner": translate("Labels", "Partner"),
        "tender": translate("Labels", "Public tender"),
    }


def criteria() -> dict[str, str]:
    return {
        "budget": translate("Labels", "Budget"),
        "authority": translate("Labels", "Access to decision-makers"),
        "need": translate("Labels", "Strength of need"),
        "timeline": translate("Labels", "Timeline"),
        "strategic_fit": translate("Labels", "Strategic fit"),
    }


def criterion_label(code: str | None, name: str | None) -> str:
    if name:
        return name
    return criteria().get(code or "", code or "")


def lead_source_label(value: str | None) -> str:
    """Lead source is free text with suggested identifiers; show known ones translated."""
    if not value:
        return ""
    return lead_sources().get(value, value)


def competencies() -> dict[str, str]:
    """The built-in criteria of a team member's competency profile (大客户销售人员能力画像)."""
    return {
        "industry_knowledge": translate("Labels", "Industry knowledge"),
        "solution_selling": translate("Labels", "Solution selling"),
        "executive_presence": translate("Labels", "Executive presence"),
        "negotiation": translate("Labels", "Negotiation"),
        "relationship_building": translate("Labels", "Relationship building"),
        "internal_coordination": translate("Labels", "Internal coordination"),
    }


def competency_label(code: str | None, name: str | None) -> str:
    if name:
        return name
    return competencies().get(code or "", code or "")
