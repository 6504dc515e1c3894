"""Snapshots of a map and what changed between two of them (or a snapshot and now). Pure functions."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.document.records import MapData
from app.models.enums import STANCE_VALUES


def capture(data: MapData) -> dict:
    """The part of a map a snapshot keeps: people (with stance, role, influence, archived) and links."""
    return {
        "people": [{"id": p.id, "name": p.name, "title": p.title, "department": p.department, "role": p.role,
                    "stance": p.stance, "influence": p.influence, "archived": bool(p.archived)}
                   for p in data.people],
        "members": [{"id": m.id, "name": m.name} for m in data.members],
        "links": [{"id": link.id, "kind": link.kind, "strength": link.strength,
                   "source": list(link.source), "target": list(link.target)} for link in data.links],
    }


@dataclass
class SnapshotDiff:
    joined: list[dict] = field(default_factory=list)  # people now on the map who were not
    left: list[dict] = field(default_factory=list)  # people gone from the account
    archived: list[dict] = field(default_factory=list)  # people archived since (left the company)
    toward_us: list[tuple[dict, str, str]] = field(default_factory=list)  # person, stance before, after
    away_from_us: list[tuple[dict, str, str]] = field(default_factory=list)
    stance_now_known: list[tuple[dict, str, str]] = field(default_factory=list)
    role_changes: list[tuple[dict, str, str]] = field(default_factory=list)
    influence_changes: list[tuple[dict, int | None, int | None]] = field(default_factory=list)
    links_added: list[dict] = field(default_factory=list)
    links_removed: list[dict] = field(default_factory=list)

    def changed_people(self) -> set[int]:
        """Ids of the people whose card should be marked on the map."""
        ids = {p["id"] for p in self.joined + self.archived}
        for group in (self.toward_us, self.away_from_us, self.stance_now_known, self.role_changes,
                      self.influence_changes):
            ids |= {entry[0]["id"] for entry in group}
        return ids

    def is_empty(self) -> bool:
        return not (self.changed_people() or self.left or self.links_added or self.links_removed)


def _link_key(link: dict) -> tuple:
    return (link["kind"], tuple(link["source"]), tuple(link["target"]))


def diff(before: dict, after: dict) -> SnapshotDiff:
    result = SnapshotDiff()
    old = {p["id"]: p for p in before.get("people", [])}
    new = {p["id"]: p for p in after.get("people", [])}
    for person_id, person in new.items():
        was = old.get(person_id)
        if was is None:
            if not person["archived"]:
                result.joined.append(person)
            continue
        if person["archived"] and not was["archived"]:
            result.archived.append(person)
            continue
        if was["stance"] != person["stance"]:
            a, b = STANCE_VALUES.get(was["stance"]), STANCE_VALUES.get(person["stance"])
            if a is None or b is None:
                result.stance_now_known.append((person, was["stance"], person["stance"]))
            elif b > a:
                result.toward_us.append((person, was["stance"], person["stance"]))
            else:
                result.away_from_us.append((person, was["stance"], person["stance"]))
        if was["role"] != person["role"]:
            result.role_changes.append((person, was["role"], person["role"]))
        if was["influence"] != person["influence"]:
            result.influence_changes.append((person, was["influence"], person["influence"]))
    result.left = [p for person_id, p in old.items() if person_id not in new and not p["archived"]]
    old_links = {_link_key(link): link for link in before.get("links", [])}
    new_links = {_link_key(link): link for link in after.get("links", [])}
    result.links_added = [link for key, link in new_links.items() if key not in old_links]
    result.links_removed = [link for key, link in old_links.items() if key not in new_links]
    return result
