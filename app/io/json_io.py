"""A whole account as one JSON object (DESIGN.md "JSON"), and back.

People and team members are referred to by name and, because names repeat in real life, by a ``ref``
("p12", "m3") that is only meaningful inside the file: import resolves references by ref, falling back to
a name that is unique in the file. Dates are ISO strings and money is a decimal string, so nothing is
rounded on the way.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.io.atomic import write_atomically
from app.io.export_graph import PRIVATE_LINK_KINDS, PRIVATE_PERSON_FIELDS
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
MAX_DEPTH = 64  # an account nests a few levels (snapshot → people → fields); far more is not one of ours


def _depth(value, limit: int = MAX_DEPTH) -> int:
    """How deeply ``value`` nests, counted without recursion and no further than ``limit`` + 1."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


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
                          "sentiment": i.sentiment, "participants": [who(kind, ident) for kind, ident in keys]}
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
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    write_atomically(Path(path), lambda temp: temp.write_text(text + "\n", encoding="utf-8"))


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
    if _depth(payload) > MAX_DEPTH:
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


# -- validation: everything is checked before anything is written ----------------------------------
class _Bad(ValueError):
    pass


def _text(v):
    if not isinstance(v, str):
        raise _Bad(f"expected text, not {v!r}")
    return strip_controls(v)


def _number(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise _Bad(f"expected a number, not {v!r}")
    return v


def _whole(lo: int | None = None, hi: int | None = None):
    def check(v):
        if isinstance(v, bool) or not isinstance(v, int) or (lo is not None and v < lo) or (hi is not None and v > hi):
            bounds = "" if lo is None else f" from {lo}" + ("" if hi is None else f" to {hi}")
            raise _Bad(f"expected a whole number{bounds}, not {v!r}")
        return v
    return check


def _choice(values):
    def check(v):
        if v not in values:
            raise _Bad(f"unknown value {v!r} (one of {', '.join(map(str, values))})")
        return v
    return check


def _flag(v):
    if not isinstance(v, bool):
        raise _Bad(f"expected true or false, not {v!r}")
    return v


def _iso_parser(kind):
    def check(v):
        try:
            return kind.fromisoformat(_text(v))
        except ValueError as exc:
            raise _Bad(f"expected an ISO {kind.__name__}, not {v!r}") from exc
    return check


def _money(v):
    try:
        value = Decimal(v if isinstance(v, str) else str(_number(v)))
    except InvalidOperation as exc:
        raise _Bad(f"expected a decimal amount, not {v!r}") from exc
    if not value.is_finite() or value < 0:
        raise _Bad(f"expected a decimal amount of 0 or more, not {v!r}")
    return value


ACCOUNT_SPEC = {"industry": _text, "region": _text, "employees": _whole(0, None), "annual_revenue": _money,
                "purchasing_capacity": _choice(enums.PURCHASING_CAPACITIES), "tier": _choice(enums.TIERS),
                "lead_source": _text, "notes": _text}
PERSON_SPEC = {"title": _text, "department": _text, "role": _choice(enums.BUYING_ROLES),
               "stance": _choice(enums.STANCES), "influence": _whole(1, 5), "competitor_preference": _text,
               "email": _text, "phone": _text, "notes": _text, "archived": _flag, "x": _number, "y": _number,
               "cadence_days": _whole(1, None)}
MEMBER_SPEC = {"title": _text, "team_role": _choice(enums.TEAM_ROLES), "email": _text, "phone": _text,
               "notes": _text, "archived": _flag, "on_team": _flag, "x": _number, "y": _number}
LINK_SPEC = {"kind": _choice(enums.LINK_KINDS), "strength": _whole(1, 5), "notes": _text}
NEED_SPEC = {"description": _text, "kind": _choice(enums.NEED_KINDS), "priority": _choice(enums.PRIORITIES),
             "status": _choice(enums.NEED_STATUSES), "value_proposition": _text}
INTERACTION_SPEC = {"occurred_at": _iso_parser(dt.datetime), "channel": _choice(enums.CHANNELS),
                    "summary": _text, "sentiment": _whole(-2, 2)}
ACTION_SPEC = {"title": _text, "due_date": _iso_parser(dt.date), "priority": _choice(enums.PRIORITIES),
               "status": _choice(enums.ACTION_STATUSES), "notes": _text}
OPPORTUNITY_SPEC = {"name": _text, "value": _money, "currency": _text, "stage": _choice(enums.OPPORTUNITY_STAGES),
                    "probability": _whole(0, 100), "expected_close": _iso_parser(dt.date), "competitors": _text,
                    "notes": _text}
SURVEY_SPEC = {"date": _iso_parser(dt.date), "recommend": _whole(0, 10), "satisfaction": _whole(1, 5),
               "comment": _text}
REQUIRED = {"people": ("name",), "team_members": ("name",), "links": ("kind",), "needs": ("description",),
            "interactions": ("occurred_at", "channel"), "actions": ("title",), "opportunities": ("name",)}
REFERENCES = {"links": ("source", "target"), "needs": ("person",), "actions": ("owner", "person", "requester")}
# The names a record is told by, so that a refusal says which record is wrong.
REFERENCE_KEYS = {f"{n}_ref" for names in REFERENCES.values() for n in names} | set(
    n for names in REFERENCES.values() for n in names) | {"participants", "people", "ref"}


@dataclass
class Plan:
    account: dict = field(default_factory=dict)
    account_owner: str | None = None
    ratings: list[dict] = field(default_factory=list)
    members: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    needs: list[dict] = field(default_factory=list)
    interactions: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    opportunities: list[dict] = field(default_factory=list)
    snapshots: list[dict] = field(default_factory=list)
    surveys: list[dict] = field(default_factory=list)


def _someone(ref: str | None, where: str) -> str:
    if ref is None:
        raise _Bad(f"{where}: a participant names nobody")
    return ref


def validate(payload, source: str, report: ImportReport) -> Plan:
    try:
        return _validate(payload, report)
    except _Bad as exc:
        raise ImportRefused(source, str(exc)) from None


def _record(rec, spec: dict, where: str, required=(), extra=(), report: ImportReport | None = None) -> dict:
    if not isinstance(rec, dict):
        raise _Bad(f"{where}: expected an object")
    if isinstance(rec.get("name"), str):
        where = f"{where} “{rec['name']}”"
    out = {}
    for key, value in rec.items():
        if key in spec:
            if value is None and key not in required:
                continue
            try:
                out[key] = spec[key](value)
            except _Bad as exc:
                raise _Bad(f"{where}: {key}: {exc}") from None
        elif key not in extra and report is not None and where.split("[")[0] + "." + key not in report.unknown_columns:
            report.unknown_columns.append(where.split("[")[0] + "." + key)
    for key in required:
        if not isinstance(out.get(key), str) or not out[key].strip() if spec[key] is _text else key not in out:
            raise _Bad(f"{where}: {key} is missing")
    return out


def _validate(payload, report: ImportReport) -> Plan:
    if not isinstance(payload, dict) or not isinstance(payload.get("account", {}), dict):
        raise _Bad("not a Stakemap account: expected an object with “account”, “people”, …")
    plan = Plan()
    sections = {}
    for section in ("people", "team_members", "links", "needs", "interactions", "actions", "opportunities",
                    "snapshots", "surveys"):
        sections[section] = payload.get(section) or []
        if not isinstance(sections[section], list):
            raise _Bad(f"{section}: expected a list")
    refs: dict[str, str] = {}  # ref -> "person" | "member"
    by_name: dict[str, list[str]] = {}
    for section, spec, kind, target in (("team_members", MEMBER_SPEC, "member", plan.members),
                                        ("people", PERSON_SPEC, "person", plan.people)):
        for i, rec in enumerate(sections[section]):
            out = _record(rec, {"name": _text, **spec}, f"{section}[{i}]", ("name",), ("ref",), report)
            ref = rec.get("ref") if rec.get("ref") is not None else f"#{section}{i}"
            if not isinstance(ref, str) or ref in refs:
                raise _Bad(f"{section}[{i}]: ref {ref!r} is not text or is used twice")
            refs[ref] = kind
            by_name.setdefault(out["name"], []).append(ref)
            target.append({**out, "ref": ref})

    def resolve(rec: dict, name: str, where: str, kind: str | None = None) -> str | None:
        ref, label = rec.get(f"{name}_ref"), rec.get(name)
        if ref is None and label is None:
            return None
        for key, value in ((f"{name}_ref", ref), (name, label)):
            if value is not None and not isinstance(value, str):
                raise _Bad(f"{where}: {key}: expected text, not {value!r}")
        if ref is None:
            found = by_name.get(label, [])
            if len(found) != 1:
                raise _Bad(f"{where}: {name} “{label}” is {'unknown' if not found else 'ambiguous: give its ref'}")
            ref = found[0]
        if ref not in refs or (kind is not None and refs[ref] != kind):
            raise _Bad(f"{where}: {name} refers to {ref!r}, which is not {kind or 'someone'} in the file")
        return ref

    account = payload.get("account", {})
    plan.account = _record(account, {**ACCOUNT_SPEC, "name": _text}, "account", (), ("owner", "owner_ref",
                                                                                       "qualification"), report)
    plan.account.pop("name", None)
    plan.account_owner = resolve(account, "owner", "account", "member")
    for i, rating in enumerate(_list(account.get("qualification"), "account.qualification")):
        spec = {"code": _text, "name": _text, "weight": _number, "rating": _whole(0, enums.RATING_MAX)}
        plan.ratings.append(_record(rating, spec, f"account.qualification[{i}]", ("rating",)))
    for section, spec in (("links", LINK_SPEC), ("needs", NEED_SPEC), ("actions", ACTION_SPEC)):
        for i, rec in enumerate(sections[section]):
            where = f"{section}[{i}]"
            out = _record(rec, spec, where, REQUIRED[section], REFERENCE_KEYS, report)
            for name in REFERENCES[section]:
                out[f"{name}_ref"] = resolve(rec, name, where,
                                             {"owner": "member", "requester": "member", "person": "person"}.get(name))
            getattr(plan, section).append(out)
    for i, link in enumerate(plan.links):
        source, target = link["source_ref"], link["target_ref"]
        if source is None or target is None or source == target:
            raise _Bad(f"links[{i}]: a link needs two different people")
        if link["kind"] == "covers" and (refs[source], refs[target]) != ("member", "person"):
            raise _Bad(f"links[{i}]: a covers link goes from a team member to a customer's person")
        link.setdefault("strength", 3)
    for i, rec in enumerate(sections["interactions"]):
        out = _record(rec, INTERACTION_SPEC, f"interactions[{i}]", REQUIRED["interactions"], REFERENCE_KEYS, report)
        out["participants"] = [_someone(resolve(_who(p, f"interactions[{i}]"), "participant", f"interactions[{i}]"),
                                        f"interactions[{i}]")
                               for p in _list(rec.get("participants"), f"interactions[{i}].participants")]
        plan.interactions.append(out)
    for i, rec in enumerate(sections["opportunities"]):
        out = _record(rec, OPPORTUNITY_SPEC, f"opportunities[{i}]", REQUIRED["opportunities"], REFERENCE_KEYS, report)
        out["people"] = [_someone(resolve(_who(p, f"opportunities[{i}]"), "participant", f"opportunities[{i}]",
                                          "person"), f"opportunities[{i}]")
                         for p in _list(rec.get("people"), f"opportunities[{i}].people")]
        plan.opportunities.append(out)
    for i, rec in enumerate(sections["snapshots"]):
        where = f"snapshots[{i}]"
        out = _record(rec, {"name": _text, "taken_at": _iso_parser(dt.datetime)}, where, ("name", "taken_at"),
                      ("data",), report)
        out["data"] = _snapshot_data(rec.get("data"), where)
        plan.snapshots.append(out)
    for i, rec in enumerate(sections["surveys"]):
        where = f"surveys[{i}]"
        out = _record(rec, SURVEY_SPEC, where, ("date", "recommend"), ("person", "person_ref"), report)
        out["person_ref"] = resolve(rec, "person", where, "person")
        if out["person_ref"] is None:
            raise _Bad(f"{where}: person is missing")
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


def _list(value, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Bad(f"{where}: expected a list")
    return value


def _who(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise _Bad(f"{where}: expected {{\"name\": …, \"ref\": …}}, not {value!r}")
    return {"participant": value.get("name"), "participant_ref": value.get("ref")}


def _snapshot_data(data, where: str) -> dict:
    if not isinstance(data, dict):
        raise _Bad(f"{where}: data: expected an object")
    for part, refs in (("people", ("ref",)), ("members", ("ref",)), ("links", ("source_ref", "target_ref"))):
        for j, rec in enumerate(_list(data.get(part), f"{where}.data.{part}")):
            if not isinstance(rec, dict) or not all(isinstance(rec.get(r), str) for r in refs):
                raise _Bad(f"{where}.data.{part}[{j}]: expected an object with {', '.join(refs)}")
    return data
