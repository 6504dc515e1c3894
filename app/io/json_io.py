"""A whole account as one JSON object (DESIGN.md "JSON"), and back.

People and team members are referred to by name and, because names repeat in real life, by a ``ref``
("p12", "m3") that is only meaningful inside the file: import resolves references by ref, falling back to
a name that is unique in the file. Dates are ISO strings and money is a decimal string, so nothing is
rounded on the way.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.io.atomic import write_atomically
from app.io.export_graph import PRIVATE_LINK_KINDS, PRIVATE_PERSON_FIELDS
from app.io.json_checks import (
    ACCOUNT_SPEC,
    ACTION_SPEC,
    INTERACTION_SPEC,
    LINK_SPEC,
    MAX_DEPTH,
    MEMBER_SPEC,
    NEED_SPEC,
    OPPORTUNITY_SPEC,
    PERSON_SPEC,
    REFERENCE_KEYS,
    REFERENCES,
    REQUIRED,
    SURVEY_SPEC,
    Bad,
    Plan,
    as_list,
    checked_record,
    depth,
    iso_parser,
    number,
    participant,
    snapshot_data,
    someone,
    text,
    whole,
)
from app.io.report import ImportRefused, ImportReport
from app.io.rows import strip_controls
from app.models import enums
from app.models.entities import QualificationCriterion, TeamMember
from app.models.repositories import account_records as records_repo
from app.models.repositories import accounts as account_repo
from app.models.repositories import health as health_repo
from app.models.repositories import links as link_repo
from app.models.repositories import map_data as map_repo
from app.models.repositories import people as people_repo
from app.models.repositories import qualification
from app.models.repositories import team as team_repo
from app.models.repositories.common import InvalidInput

FORMAT = "stakemap-account"
VERSION = 1


def _ref(kind: str, ident: int) -> str:
    return ("p" if kind == "person" else "m") + str(ident)


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def export_account_json(session: Session, account_id: int, shareable: bool = False) -> dict:
    account = account_repo.get_account(session, account_id)
    people = [dict(zip(("id", "account_id", *people_repo.PERSON_FIELDS), row, strict=False))
              for row in _people_rows(session, account_id)]
    names = {("person", p["id"]): p["name"] for p in people}
    team = {row[0]: row for row in map_repo.member_rows(session, account_id)}
    needs = records_repo.needs_of(session, account_id)
    interactions = records_repo.interactions_of(session, account_id)
    actions = records_repo.actions_of(session, account_id)
    opportunities = records_repo.opportunities_of(session, account_id)
    links = map_repo.link_rows(session, account_id)

    # Members referred to from anywhere, not only the account's team (an owner, an action's owner, …).
    wanted = set(team) | {account.owner_id} | {a.owner_id for a in actions} | {a.requester_id for a in actions}
    wanted |= {ident for _, keys in interactions for kind, ident in keys if kind == "member"}
    wanted |= {row[5] for row in links} | {row[7] for row in links}
    wanted.discard(None)
    members = list(session.scalars(select(TeamMember).where(TeamMember.id.in_(wanted)).order_by(TeamMember.id)))
    names.update({("member", m.id): m.name for m in members})

    def who(kind: str, ident: int | None) -> dict:
        if ident is None:
            return {"name": None, "ref": None}
        return {"name": names.get((kind, ident)), "ref": _ref(kind, ident)}

    def end(prefix: str, person_id, member_id) -> dict:
        found = who("person", person_id) if person_id is not None else who("member", member_id)
        return {prefix: found["name"], f"{prefix}_ref": found["ref"]}

    criteria = {c.id: c for c in qualification.criteria(session)}
    ratings = qualification.ratings(session, account_id)
    owner = who("member", account.owner_id)
    result: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "account": {
            "name": account.name, "industry": account.industry, "region": account.region,
            "employees": account.employees,
            "annual_revenue": None if account.annual_revenue is None else str(account.annual_revenue),
            "purchasing_capacity": account.purchasing_capacity, "tier": account.tier,
            "lead_source": account.lead_source, "owner": owner["name"], "owner_ref": owner["ref"],
            "notes": account.notes,
            "qualification": [{"code": c.code, "name": c.name, "weight": c.weight, "rating": ratings[cid]}
                              for cid, c in criteria.items() if cid in ratings],
        },
        "people": [{"ref": _ref("person", p["id"]), **{f: p[f] for f in people_repo.PERSON_FIELDS}}
                   for p in people],
        "team_members": [
            {"ref": _ref("member", m.id), **{f: getattr(m, f) for f in team_repo.MEMBER_FIELDS},
             "on_team": m.id in team, "x": team[m.id][-2] if m.id in team else None,
             "y": team[m.id][-1] if m.id in team else None}
            for m in members],
        "links": [{"kind": kind, "strength": strength, **end("source", sp, sm), **end("target", tp, tm),
                   "notes": notes}
                  for _id, _aid, kind, strength, sp, sm, tp, tm, notes in links],
        "needs": [{**end("person", n.person_id, None), "kind": n.kind, "description": n.description,
                   "priority": n.priority, "status": n.status, "value_proposition": n.value_proposition}
                  for n in needs],
        "interactions": [{"occurred_at": _iso(i.occurred_at), "channel": i.channel, "summary": i.summary,
                          "sentiment": i.sentiment, "participants": [who(kind, ident) for kind, ident in keys],
                          "source_uid": i.source_uid}
                         for i, keys in interactions],
        "actions": [{"title": a.title, **end("owner", None, a.owner_id),
                     **end("requester", None, a.requester_id), "due_date": _iso(a.due_date),
                     **end("person", a.person_id, None), "priority": a.priority, "status": a.status,
                     "notes": a.notes}
                    for a in actions],
        "opportunities": [{"name": o.name, "value": None if o.value is None else str(o.value),
                           "currency": o.currency, "stage": o.stage, "probability": o.probability,
                           "expected_close": _iso(o.expected_close), "competitors": o.competitors,
                           "notes": o.notes,
                           "people": [who("person", pid) for pid in records_repo.opportunity_people(session, o.id)]}
                          for o in opportunities],
        "snapshots": [{"name": s.name, "taken_at": _iso(s.taken_at), "data": _snapshot_out(s.data)}
                      for s in records_repo.snapshots_of(session, account_id)],
        "surveys": _surveys_out(session, account_id, who),
    }
    if shareable:
        _make_shareable(result)
    return result


def _people_rows(session: Session, account_id: int) -> list[tuple]:
    # map_data's columns are id, account_id, then the person's fields in PERSON_FIELDS order.
    return map_repo.people_rows(session, account_id)


def _snapshot_out(data: dict) -> dict:
    out = dict(data)
    out["people"] = [{"ref": _ref("person", p["id"]), **{k: v for k, v in p.items() if k != "id"}}
                     for p in data.get("people", [])]
    out["members"] = [{"ref": _ref("member", m["id"]), **{k: v for k, v in m.items() if k != "id"}}
                      for m in data.get("members", [])]
    out["links"] = [{"kind": link["kind"], "strength": link["strength"],
                     "source_ref": _ref(*link["source"]), "target_ref": _ref(*link["target"])}
                    for link in data.get("links", [])]
    return out


def _make_shareable(result: dict) -> None:
    """Leave out opinions about people (stance, declared influence), every note, personal needs and rivalries."""
    result["account"].pop("notes")
    for person in result["people"]:
        for private in PRIVATE_PERSON_FIELDS:
            person.pop(private, None)
    for section in ("team_members", "links", "actions", "opportunities"):
        for record in result[section]:
            record.pop("notes", None)
    result["links"] = [link for link in result["links"] if link["kind"] not in PRIVATE_LINK_KINDS]
    result["needs"] = [need for need in result["needs"] if need["kind"] != "personal"]
    result["surveys"] = []  # what each person told us about us, like their stance, stays in the house
    for snapshot in result["snapshots"]:
        data = snapshot["data"]
        for person in data.get("people", []):
            for private in PRIVATE_PERSON_FIELDS:
                person.pop(private, None)
        data["links"] = [link for link in data.get("links", []) if link.get("kind") not in PRIVATE_LINK_KINDS]


def _without_controls(value):
    """Every text of the payload without control characters (a NUL typed into a name stays out of the file)."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {k: _without_controls(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_controls(v) for v in value]
    return value


def write_json(session: Session, account_id: int, path: str | Path, shareable: bool = False) -> None:
    payload = _without_controls(export_account_json(session, account_id, shareable))
    content = json.dumps(payload, ensure_ascii=False, indent=2)
    write_atomically(Path(path), lambda temp: temp.write_text(content + "\n", encoding="utf-8"))


# -- import ----------------------------------------------------------------------------------------
def import_account_json(session: Session, path: Path, account_name: str, dry_run: bool) -> ImportReport:
    path = Path(path)
    source = str(path)
    report = ImportReport(source=source, format="json", encoding="utf-8")
    try:
        payload = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise ImportRefused(source, f"cannot read the file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ImportRefused(source, f"not a readable JSON file\nnot UTF-8: {exc.reason}") from None
    except json.JSONDecodeError as exc:
        raise ImportRefused(source, f"not a readable JSON file (line {exc.lineno}, column {exc.colno})\n{exc.msg}") \
            from None
    except RecursionError:
        raise ImportRefused(source, f"the JSON is nested more than {MAX_DEPTH} levels deep; refused") from None
    except ValueError as exc:
        raise ImportRefused(source, f"not a readable JSON file\n{exc}") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ImportRefused(source, "not a Stakemap account (no “format”: “stakemap-account” field); "
                                    "people come in from CSV, XLSX, vCard, GraphML or GEXF")
    if depth(payload) > MAX_DEPTH:
        raise ImportRefused(source, f"the JSON is nested more than {MAX_DEPTH} levels deep; refused")
    plan = validate(payload, source, report)

    existing = account_repo.find_account_by_name(session, account_name)
    if existing is not None and _has_content(session, existing.id):
        raise ImportRefused(source, f"account “{account_name}” already exists and has people or records; "
                                    "import into a new account name")
    report.account_created = existing is None
    new_members = [m for m in plan.members if team_repo.find_member_by_name(session, m["name"]) is None]
    report.created = [p["name"] for p in plan.people] + [m["name"] for m in new_members]
    report.skipped = [m["name"] for m in plan.members if m not in new_members]
    report.links_created = len(plan.links)
    if dry_run:
        return report
    try:
        with session.begin_nested():
            _apply(session, plan, account_name, existing, report)
    except InvalidInput as exc:
        raise ImportRefused(source, str(exc)) from exc
    report.applied = True
    return report


def _has_content(session: Session, account_id: int) -> bool:
    return bool(map_repo.people_rows(session, account_id) or records_repo.needs_of(session, account_id)
                or records_repo.interactions_of(session, account_id) or records_repo.actions_of(session, account_id)
                or records_repo.opportunities_of(session, account_id)
                or records_repo.snapshots_of(session, account_id)
                or health_repo.answer_rows(session, account_id))


def _apply(session: Session, plan: Plan, account_name: str, existing, report: ImportReport) -> None:
    ids: dict[str, tuple[str, int]] = {}
    for m in plan.members:
        member = team_repo.find_member_by_name(session, m["name"])
        if member is None:
            member = team_repo.add_member(session, m["name"], **{k: m[k] for k in team_repo.MEMBER_FIELDS
                                                                 if k != "name" and k in m})
        ids[m["ref"]] = ("member", member.id)
    owner = ids[plan.account_owner][1] if plan.account_owner else None
    profile = {**plan.account, "owner_id": owner}
    if existing is None:
        account_id = account_repo.create_account(session, account_name, **profile).id
    else:
        account_id = existing.id
        account_repo.update_account(session, account_id, profile)
    for m in plan.members:
        if m.get("on_team"):
            team_repo.assign(session, account_id, ids[m["ref"]][1], m.get("x"), m.get("y"))
    for p in plan.people:
        fields = {k: p[k] for k in people_repo.PERSON_FIELDS if k != "name" and k in p}
        ids[p["ref"]] = ("person", people_repo.add_person(session, account_id, p["name"], **fields).id)

    def one(ref: str | None, kind: str) -> int | None:
        return None if ref is None else ids[ref][1] if ids[ref][0] == kind else None

    for link in plan.links:
        source, target = ids[link["source_ref"]], ids[link["target_ref"]]
        link_repo.add_link(session, account_id, link["kind"], strength=link["strength"], notes=link.get("notes"),
                           **{f"source_{source[0]}_id": source[1], f"target_{target[0]}_id": target[1]})
    for need in plan.needs:
        records_repo.add_need(session, account_id, need.pop("description"),
                              person_id=one(need.pop("person_ref"), "person"), **need)
    for item in reversed(plan.interactions):  # read back newest first: insert oldest first
        keys = [ids[ref] for ref in item.pop("participants")]
        records_repo.add_interaction(session, account_id, item.pop("occurred_at"), item.pop("channel"),
                                     participants=keys, **item)
    for action in plan.actions:
        records_repo.add_action(session, account_id, action.pop("title"),
                                owner_id=one(action.pop("owner_ref"), "member"),
                                requester_id=one(action.pop("requester_ref"), "member"),
                                person_id=one(action.pop("person_ref"), "person"), **action)
    for opp in plan.opportunities:
        people = [ids[ref][1] for ref in opp.pop("people")]
        records_repo.add_opportunity(session, account_id, opp.pop("name"), people=people, **opp)
    for answer in plan.surveys:
        health_repo.add_answer(session, ids[answer["person_ref"]][1], answer["date"], answer["recommend"],
                               answer.get("satisfaction"), answer.get("comment"))
    for snap in reversed(plan.snapshots):
        records_repo.add_snapshot(session, account_id, snap["name"], snap["taken_at"],
                                  _snapshot_in(snap["data"], ids))
    criteria = qualification.criteria(session)
    for rating in plan.ratings:
        match = _criterion(criteria, rating)
        if match is None:
            report.unknown_columns.append(f"account.qualification: {rating.get('code') or rating.get('name')}")
        else:
            qualification.set_rating(session, account_id, match.id, rating["rating"])


def _criterion(criteria: list[QualificationCriterion], rating: dict) -> QualificationCriterion | None:
    for criterion in criteria:
        if rating.get("code") and criterion.code == rating["code"]:
            return criterion
    for criterion in criteria:
        if rating.get("name") and criterion.name == rating["name"]:
            return criterion
    return None


def _snapshot_in(data: dict, ids: dict[str, tuple[str, int]]) -> dict:
    """Snapshot refs back to ids; people gone from the account since get ids of their own (negative, so they
    can never meet a real row) and still compare as the same person across the snapshot."""
    gone: dict[str, tuple[str, int]] = {}

    def key(ref: str, kind: str) -> tuple[str, int]:
        if ref in ids:
            return ids[ref]
        return gone.setdefault(ref, (kind, -1 - len(gone)))

    out = dict(data)
    out["people"] = [{"id": key(p["ref"], "person")[1], **{k: v for k, v in p.items() if k != "ref"}}
                     for p in data.get("people", [])]
    out["members"] = [{"id": key(m["ref"], "member")[1], **{k: v for k, v in m.items() if k != "ref"}}
                      for m in data.get("members", [])]
    out["links"] = [{"id": n, "kind": link["kind"], "strength": link["strength"],
                     "source": list(key(link["source_ref"], _kind(link["source_ref"]))),
                     "target": list(key(link["target_ref"], _kind(link["target_ref"])))}
                    for n, link in enumerate(data.get("links", []), start=1)]
    return out


def _kind(ref: str) -> str:
    return "member" if ref.startswith("m") else "person"



def validate(payload, source: str, report: ImportReport) -> Plan:
    try:
        return _validate(payload, report)
    except Bad as exc:
        raise ImportRefused(source, str(exc)) from None



def _validate(payload, report: ImportReport) -> Plan:
    if not isinstance(payload, dict) or not isinstance(payload.get("account", {}), dict):
        raise Bad("not a Stakemap account: expected an object with “account”, “people”, …")
    plan = Plan()
    sections = {}
    for section in ("people", "team_members", "links", "needs", "interactions", "actions", "opportunities",
                    "snapshots", "surveys"):
        sections[section] = payload.get(section) or []
        if not isinstance(sections[section], list):
            raise Bad(f"{section}: expected a list")
    refs: dict[str, str] = {}  # ref -> "person" | "member"
    by_name: dict[str, list[str]] = {}
    for section, spec, kind, target in (("team_members", MEMBER_SPEC, "member", plan.members),
                                        ("people", PERSON_SPEC, "person", plan.people)):
        for i, rec in enumerate(sections[section]):
            out = checked_record(rec, {"name": text, **spec}, f"{section}[{i}]", ("name",), ("ref",), report)
            ref = rec.get("ref") if rec.get("ref") is not None else f"#{section}{i}"
            if not isinstance(ref, str) or ref in refs:
                raise Bad(f"{section}[{i}]: ref {ref!r} is not text or is used twice")
            refs[ref] = kind
            by_name.setdefault(out["name"], []).append(ref)
            target.append({**out, "ref": ref})

    def resolve(rec: dict, name: str, where: str, kind: str | None = None) -> str | None:
        ref, label = rec.get(f"{name}_ref"), rec.get(name)
        if ref is None and label is None:
            return None
        for key, value in ((f"{name}_ref", ref), (name, label)):
            if value is not None and not isinstance(value, str):
                raise Bad(f"{where}: {key}: expected text, not {value!r}")
        if ref is None:
            found = by_name.get(label, [])
            if len(found) != 1:
                raise Bad(f"{where}: {name} “{label}” is {'unknown' if not found else 'ambiguous: give its ref'}")
            ref = found[0]
        if ref not in refs or (kind is not None and refs[ref] != kind):
            raise Bad(f"{where}: {name} refers to {ref!r}, which is not {kind or 'someone'} in the file")
        return ref

    account = payload.get("account", {})
    plan.account = checked_record(account, {**ACCOUNT_SPEC, "name": text}, "account", (), ("owner", "owner_ref",
                                                                                       "qualification"), report)
    plan.account.pop("name", None)
    plan.account_owner = resolve(account, "owner", "account", "member")
    for i, rating in enumerate(as_list(account.get("qualification"), "account.qualification")):
        spec = {"code": text, "name": text, "weight": number, "rating": whole(0, enums.RATING_MAX)}
        plan.ratings.append(checked_record(rating, spec, f"account.qualification[{i}]", ("rating",)))
    for section, spec in (("links", LINK_SPEC), ("needs", NEED_SPEC), ("actions", ACTION_SPEC)):
        for i, rec in enumerate(sections[section]):
            where = f"{section}[{i}]"
            out = checked_record(rec, spec, where, REQUIRED[section], REFERENCE_KEYS, report)
            for name in REFERENCES[section]:
                out[f"{name}_ref"] = resolve(rec, name, where,
                                             {"owner": "member", "requester": "member", "person": "person"}.get(name))
            getattr(plan, section).append(out)
    for i, link in enumerate(plan.links):
        source, target = link["source_ref"], link["target_ref"]
        if source is None or target is None or source == target:
            raise Bad(f"links[{i}]: a link needs two different people")
        if link["kind"] == "covers" and (refs[source], refs[target]) != ("member", "person"):
            raise Bad(f"links[{i}]: a covers link goes from a team member to a customer's person")
        link.setdefault("strength", 3)
    for i, rec in enumerate(sections["interactions"]):
        where = f"interactions[{i}]"
        out = checked_record(rec, INTERACTION_SPEC, where, REQUIRED["interactions"], REFERENCE_KEYS, report)
        out["participants"] = [someone(resolve(participant(p, where), "participant", where), where)
                               for p in as_list(rec.get("participants"), f"interactions[{i}].participants")]
        plan.interactions.append(out)
    for i, rec in enumerate(sections["opportunities"]):
        where = f"opportunities[{i}]"
        out = checked_record(rec, OPPORTUNITY_SPEC, where, REQUIRED["opportunities"], REFERENCE_KEYS, report)
        out["people"] = [someone(resolve(participant(p, where), "participant", where, "person"), where)
                         for p in as_list(rec.get("people"), f"opportunities[{i}].people")]
        plan.opportunities.append(out)
    for i, rec in enumerate(sections["snapshots"]):
        where = f"snapshots[{i}]"
        out = checked_record(rec, {"name": text, "taken_at": iso_parser(dt.datetime)}, where, ("name", "taken_at"),
                      ("data",), report)
        out["data"] = snapshot_data(rec.get("data"), where)
        plan.snapshots.append(out)
    for i, rec in enumerate(sections["surveys"]):
        where = f"surveys[{i}]"
        out = checked_record(rec, SURVEY_SPEC, where, ("date", "recommend"), ("person", "person_ref"), report)
        out["person_ref"] = resolve(rec, "person", where, "person")
        if out["person_ref"] is None:
            raise Bad(f"{where}: person is missing")
        plan.surveys.append(out)
    return plan


def _surveys_out(session: Session, account_id: int, who) -> list[dict]:
    """DESIGN.md "Relationship health": one record per survey answer, oldest first."""
    out = []
    for person_id, day, recommend, satisfaction, comment in health_repo.answer_rows(session, account_id):
        person = who("person", person_id)
        out.append({"person": person["name"], "person_ref": person["ref"], "date": _iso(day),
                    "recommend": recommend, "satisfaction": satisfaction, "comment": comment})
    return out


