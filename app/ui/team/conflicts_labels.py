"""How the Conflicts panel names tables, fields and values: the vocabulary's labels where a field has one."""

from __future__ import annotations

import json

from app.i18n import labels, record_labels, translate


def table_label(table: str) -> str:
    return {"person": translate("Conflicts", "Person"), "link": translate("Conflicts", "Link"),
            "account": translate("Conflicts", "Account"), "team_member": translate("Conflicts", "Team member"),
            "need": translate("Conflicts", "Need"), "interaction": translate("Conflicts", "Interaction"),
            "action": translate("Conflicts", "Action"), "opportunity": translate("Conflicts", "Opportunity"),
            }.get(table, table)


def field_label(field: str) -> str:
    return {"name": translate("Conflicts", "Name"), "title": translate("Conflicts", "Title"),
            "department": translate("Conflicts", "Department"), "role": translate("Conflicts", "Buying role"),
            "stance": translate("Conflicts", "Stance"), "influence": translate("Conflicts", "Influence"),
            "email": translate("Conflicts", "E-mail"), "phone": translate("Conflicts", "Phone"),
            "notes": translate("Conflicts", "Notes"), "strength": translate("Conflicts", "Strength"),
            "kind": translate("Conflicts", "Kind"), "status": translate("Conflicts", "Status"),
            "priority": translate("Conflicts", "Priority"), "summary": translate("Conflicts", "Summary"),
            "description": translate("Conflicts", "Description"), "tier": translate("Conflicts", "Tier"),
            "stage": translate("Conflicts", "Stage"), "due_on": translate("Conflicts", "Due"),
            "competitor_preference": translate("Conflicts", "Competitor preference"),
            }.get(field, field.replace("_", " "))


def choices(table: str, field: str) -> dict:
    """The values a field takes, labelled (empty for free text)."""
    if table == "person":
        return {"role": labels.buying_roles, "stance": labels.stances,
                "influence": labels.influence_levels}.get(field, dict)()
    if table == "link":
        return {"kind": labels.link_kinds, "strength": labels.relationship_levels}.get(field, dict)()
    if table == "account":
        return {"tier": labels.tiers}.get(field, dict)()
    if table == "need":
        return {"status": record_labels.need_statuses, "kind": record_labels.need_kinds,
                "priority": record_labels.priorities}.get(field, dict)()
    if table == "action":
        return {"status": record_labels.action_statuses, "priority": record_labels.priorities}.get(field, dict)()
    if table == "opportunity":
        return {"stage": record_labels.opportunity_stages}.get(field, dict)()
    return {}


def value_text(table: str, field: str, value, kind: str = "field") -> str:
    if kind != "field":
        if value is None:
            return translate("Conflicts", "(deleted)")
        if isinstance(value, dict):
            return value.get("name") or value.get("title") or value.get("description") or "…"
    if value is None:
        return translate("Conflicts", "(empty)")
    named = choices(table, field).get(value)
    if named:
        return named
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
