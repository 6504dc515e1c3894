"""Apply parsed people and links to one account, in the caller's transaction.

The parsers yield ``PersonRow`` and ``LinkRow``; ``plan_and_apply`` matches them against the people already on
the account (and within the file), then writes everything with bulk statements. It never commits: the caller's
``with db.session()`` does. With ``dry_run`` nothing is written at all, so the caller may commit or roll back
as it likes; the report says what would happen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.io.report import ImportReport, Refusal
from app.models import enums
from app.models.entities import Account, AccountTeam, Link, Person, TeamMember

CHUNK = 2000
PERSON_DATA = ("title", "department", "role", "stance", "influence", "competitor_preference", "email", "phone",
               "notes")
MEMBER_DATA = ("title", "email", "phone", "notes")
SYMMETRIC_KINDS = frozenset({"knows", "ally", "rival"})

# Labels users type in their own spreadsheets, mapped to the vocabulary's identifiers.
ROLE_LABELS = {
    "经济决策者": "economic_buyer", "决策者": "decision_maker", "技术把关者": "technical_buyer", "使用者": "user_buyer",
    "影响者": "influencer", "内线": "coach", "教练": "coach", "内线/教练": "coach", "守门人": "gatekeeper",
    "审批者": "approver", "采购": "procurement", "未定": "unknown",
}
STANCE_LABELS = {"拥护": "advocate", "支持": "supporter", "中立": "neutral", "怀疑": "skeptic", "反对": "opponent",
                 "未知": "unknown"}
INFLUENCE_WORDS = {"minimal": 1, "low": 2, "medium": 3, "high": 4, "decisive": 5}


@dataclass(slots=True)
class PersonRow:
    line: int | None  # where it came from, for the report
    fields: dict[str, Any]  # "name" plus any of PERSON_DATA
    key: str | None = None  # the source's own identifier, so links can refer to it
    side: str = "client"  # or "team"


@dataclass(slots=True)
class LinkRow:
    source: str  # a PersonRow key, or a name
    target: str
    kind: str = "knows"
    strength: int = 3
    line: int | None = None
    symmetric: bool = False  # from an undirected graph: B→A is the same link as A→B


def normalise_name(name: str) -> str:
    """The form two spellings of one name share: full-width/half-width folded, case and spaces ignored."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def _token(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().casefold().replace(" ", "_").replace("-", "_")


def parse_role(value: str) -> str:
    """A buying role from an identifier or a label; ValueError with the reason otherwise."""
    raw = value.strip()
    role = ROLE_LABELS.get(raw) or _token(raw)
    if role not in enums.BUYING_ROLES:
        raise ValueError(f"unknown buying role “{raw}”")
    return role


def parse_stance(value: str) -> str:
    raw = value.strip()
    stance = STANCE_LABELS.get(raw) or _token(raw)
    if stance not in enums.STANCES:
        raise ValueError(f"unknown stance “{raw}”")
    return stance


def parse_influence(value: str) -> int:
    raw = unicodedata.normalize("NFKC", value).strip()
    if raw.casefold() in INFLUENCE_WORDS:
        return INFLUENCE_WORDS[raw.casefold()]
    try:
        number = float(raw)
    except ValueError:
        raise ValueError(f"influence must be 1 to 5, not “{raw}”") from None
    if number != int(number) or int(number) not in enums.INFLUENCE_LEVELS:
        raise ValueError(f"influence must be 1 to 5, not “{raw}”")
    return int(number)


@dataclass(slots=True, eq=False)
class _Slot:
    """One person or team member as the import sees them: in the database already, or to be created."""

    name: str
    data: dict[str, Any]
    member: bool = False
    id: int | None = None
    status: str = "skipped"  # created | updated | skipped
    ref: tuple = field(default=())
    listed: bool = False


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == "unknown"


def _merge(slot: _Slot, fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    changed = False
    for name in allowed:
        value = fields.get(name)
        current = slot.data.get(name)
        if _empty(value) or current == value:
            continue
        if name == "email" and isinstance(current, str) and current.casefold() == str(value).casefold():
            continue
        slot.data[name] = value
        changed = True
    if changed and slot.status == "skipped":
        slot.status = "updated"


def plan_and_apply(session: Session, account_name: str, people_rows: Iterable[PersonRow], links: Iterable[LinkRow],
                   report: ImportReport, dry_run: bool) -> ImportReport:
    """Match, merge and (unless ``dry_run``) write; ``links`` is read only after ``people_rows`` is exhausted,
    so a parser may fill it while it streams the people."""
    account_id = session.scalar(select(Account.id).where(Account.name == account_name))
    if account_id is None:
        report.account_created = True
        if not dry_run:
            from app.models.repositories.accounts import create_account

            account_id = create_account(session, account_name).id

    slots: list[_Slot] = []
    by_email: dict[str, _Slot] = {}
    by_name: dict[str, _Slot] = {}
    members: dict[str, _Slot] = {}
    by_key: dict[str, _Slot] = {}
    if account_id is not None:
        cols = [getattr(Person, c) for c in PERSON_DATA]
        for row in session.execute(select(Person.id, Person.name, *cols).where(Person.account_id == account_id)):
            slot = _Slot(row[1], dict(zip(PERSON_DATA, row[2:], strict=True)), id=row[0], ref=("p", row[0]))
            by_name.setdefault(normalise_name(row[1]), slot)
            if slot.data["email"]:
                by_email.setdefault(slot.data["email"].casefold(), slot)
    mcols = [getattr(TeamMember, c) for c in MEMBER_DATA]
    for row in session.execute(select(TeamMember.id, TeamMember.name, *mcols)):
        slot = _Slot(row[1], dict(zip(MEMBER_DATA, row[2:], strict=True)), True, row[0], ref=("m", row[0]))
        members.setdefault(normalise_name(row[1]), slot)
    on_team = set()
    if account_id is not None:
        on_team = set(session.scalars(select(AccountTeam.member_id).where(AccountTeam.account_id == account_id)))

    for row in people_rows:
        name = (row.fields.get("name") or "").strip()
        norm = normalise_name(name)
        if not norm:
            report.refused.append(Refusal(row.line, "no name"))
            continue
        if row.side == "team":
            slot = members.get(norm)
            if slot is None:
                slot = members[norm] = _Slot(name, {}, True, status="created", ref=("new", len(slots)))
            elif slot.status == "skipped" and slot.id is not None and slot.id not in on_team:
                slot.status = "updated"  # joins this account's team
            _merge(slot, row.fields, MEMBER_DATA)
        else:
            email = (row.fields.get("email") or "").strip().casefold()
            slot = (by_email.get(email) if email else None) or by_name.get(norm)
            if slot is None:
                slot = _Slot(name, {}, status="created", ref=("new", len(slots)))
                by_name[norm] = slot
            _merge(slot, row.fields, PERSON_DATA)
            if email:
                by_email.setdefault(email, slot)
        if not slot.listed:
            slot.listed = True
            slots.append(slot)
        if row.key:
            by_key[row.key] = slot
            if len(row.key) == 18:  # a Salesforce id is also known by its 15-character case-sensitive form
                by_key.setdefault(row.key[:15], slot)
    if dry_run:
        slots_seen = slots
    else:
        slots_seen = _write_people(session, account_id, slots, on_team)

    for slot in slots_seen:
        getattr(report, slot.status).append(slot.name)
    _apply_links(session, account_id, links, by_key, by_name, members, report, dry_run)
    report.applied = not dry_run
    return report


def _write_people(session: Session, account_id: int, slots: list[_Slot], on_team: set[int]) -> list[_Slot]:
    person_table, member_table = Person.__table__, TeamMember.__table__
    new_people = [s for s in slots if s.status == "created" and not s.member]
    for start in range(0, len(new_people), CHUNK):
        chunk = new_people[start:start + CHUNK]
        params = [{"account_id": account_id, "name": s.name, **{c: s.data.get(c) for c in PERSON_DATA}}
                  for s in chunk]
        for p in params:
            p["role"] = p["role"] or "unknown"
            p["stance"] = p["stance"] or "unknown"
        ids = session.execute(insert(person_table).returning(person_table.c.id, sort_by_parameter_order=True),
                              params).scalars().all()
        for slot, ident in zip(chunk, ids, strict=True):
            slot.id, slot.ref = ident, ("p", ident)
    changed = [s for s in slots if s.status == "updated" and not s.member]
    if changed:
        stmt = update(person_table).where(person_table.c.id == bindparam("_id"))
        session.execute(stmt, [{"_id": s.id, **{c: s.data.get(c) for c in PERSON_DATA}} for s in changed])
    for slot in (s for s in slots if s.member):
        values = {c: slot.data.get(c) for c in MEMBER_DATA}
        if slot.status == "created":
            slot.id = session.execute(insert(member_table).values(name=slot.name, **values)
                                      .returning(member_table.c.id)).scalar_one()
            slot.ref = ("m", slot.id)
        elif slot.status == "updated":
            session.execute(update(member_table).where(member_table.c.id == slot.id).values(**values))
        if slot.id not in on_team:
            session.execute(insert(AccountTeam.__table__).values(account_id=account_id, member_id=slot.id))
            on_team.add(slot.id)
    return slots


def _apply_links(session: Session, account_id: int | None, links: Iterable[LinkRow], by_key: dict[str, _Slot],
                 by_name: dict[str, _Slot], members: dict[str, _Slot], report: ImportReport, dry_run: bool) -> None:
    existing: set[tuple] = set()
    if account_id is not None:
        for kind, sp, sm, tp, tm in session.execute(
            select(Link.kind, Link.source_person_id, Link.source_member_id, Link.target_person_id,
                   Link.target_member_id).where(Link.account_id == account_id)
        ):
            src = ("p", sp) if sp is not None else ("m", sm)
            tgt = ("p", tp) if tp is not None else ("m", tm)
            existing.add((kind, src, tgt))

    def resolve(key: str) -> _Slot | None:
        return by_key.get(key) or by_name.get(normalise_name(key)) or members.get(normalise_name(key))

    new_links: list[dict[str, Any]] = []
    for link in links:
        src, tgt = resolve(link.source), resolve(link.target)
        where = f"{link.kind} link {link.source} → {link.target}"
        if src is None or tgt is None:
            missing = link.source if src is None else link.target
            report.refused.append(Refusal(link.line, f"{where}: “{missing}” is not in the file or the account"))
            continue
        problem = None
        if link.kind not in enums.LINK_KINDS:
            problem = f"unknown link kind “{link.kind}”"
        elif link.strength not in enums.RELATIONSHIP_LEVELS:
            problem = f"strength must be 1 to 5, not {link.strength}"
        elif src is tgt:
            problem = "a link needs two different people"
        elif link.kind == "covers" and not (src.member and not tgt.member):
            problem = "a covers link goes from a team member to a customer's person"
        if problem:
            report.refused.append(Refusal(link.line, f"{where}: {problem}"))
            continue
        key = (link.kind, src.ref, tgt.ref)
        mirrored = (link.kind, tgt.ref, src.ref)
        if key in existing or ((link.symmetric or link.kind in SYMMETRIC_KINDS) and mirrored in existing):
            continue
        existing.add(key)
        report.links_created += 1
        new_links.append({
            "account_id": account_id, "kind": link.kind, "strength": link.strength, "notes": None,
            "source_person_id": None if src.member else src.id, "source_member_id": src.id if src.member else None,
            "target_person_id": None if tgt.member else tgt.id, "target_member_id": tgt.id if tgt.member else None,
        })
    if not dry_run:
        for start in range(0, len(new_links), CHUNK):
            session.execute(insert(Link.__table__), new_links[start:start + CHUNK])


FORMATS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".vcf": "vcard", ".vcard": "vcard", ".graphml": "graphml",
           ".gexf": "gexf", ".json": "json"}


def format_of(path, given: str | None = None) -> str | None:
    from pathlib import Path

    return given or FORMATS.get(Path(path).suffix.lower())


def import_file(session: Session, path, account_name: str, fmt: str, dry_run: bool = False,
                encoding: str | None = None) -> ImportReport:
    """Parse ``path`` and apply it in ``session``; raises ImportRefused (nothing written) for a refused file."""
    from pathlib import Path

    path = Path(path)
    if fmt == "json":
        from app.io.json_io import import_account_json

        return import_account_json(session, path, account_name, dry_run)
    report = ImportReport(source=str(path), format=fmt)
    if fmt == "csv":
        from app.io.csv_import import read_csv

        people, links = read_csv(path, report, encoding)
    elif fmt == "vcard":
        from app.io.vcard_import import read_vcard

        people, links = read_vcard(path, report, encoding)
    elif fmt in ("graphml", "gexf"):
        from app.io import graph_import

        people, links = (graph_import.read_graphml if fmt == "graphml" else graph_import.read_gexf)(path, report)
    else:
        raise ValueError(f"unknown import format {fmt}")
    plan_and_apply(session, account_name, people, links, report, dry_run)
    if not (report.created or report.updated or report.skipped):
        from app.io.report import ImportRefused

        first = report.refused[0] if report.refused else None
        where = f" (first: line {first.line}, {first.reason})" if first else ""
        raise ImportRefused(str(path), f"no person could be imported{where}")
    return report
