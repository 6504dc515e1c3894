"""Apply parsed people and links to one account, in the caller's transaction.

The parsers yield ``PersonRow`` and ``LinkRow``; ``plan_and_apply`` matches them against the people already on
the account (and within the file), then writes everything with bulk statements. It never commits: the caller's
``with db.session()`` does. With ``dry_run`` nothing is written at all, so the caller may commit or roll back
as it likes; the report says what would happen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.io.report import ImportReport, Refusal
from app.io.rows import MEMBER_DATA, PERSON_DATA, LinkRow, PersonRow, clean_text, normalise_name
from app.models import enums
from app.models.entities import Account, AccountTeam, Link, Person, TeamMember

CHUNK = 2000
SYMMETRIC_KINDS = frozenset({"knows", "ally", "rival"})

__all__ = ["LinkRow", "PersonRow", "format_of", "import_file", "plan_and_apply"]


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
    external_id: str | None = None
    by_name: bool = False  # matched on the name alone (no id or e-mail to confirm it)


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


class _People:
    """The account's people, findable by external id, e-mail and name (a name may belong to several)."""

    def __init__(self) -> None:
        self.by_external: dict[str, _Slot] = {}
        self.by_email: dict[str, _Slot] = {}
        self.by_name: dict[str, list[_Slot]] = {}

    def add(self, slot: _Slot) -> None:
        self.by_name.setdefault(normalise_name(slot.name), []).append(slot)
        self.index(slot)

    def index(self, slot: _Slot) -> None:
        if slot.external_id:
            self.by_external.setdefault(slot.external_id, slot)
        email = slot.data.get("email")
        if email:
            self.by_email.setdefault(email.casefold(), slot)

    def find(self, norm: str, external_id: str | None, email: str) -> tuple[_Slot | None, bool]:
        """The person a row is, and whether only the name says so. The same name with a different id or
        e-mail is somebody else."""
        if external_id and external_id in self.by_external:
            return self.by_external[external_id], False
        if email and email in self.by_email:
            found = self.by_email[email]
            if not (external_id and found.external_id and found.external_id != external_id):
                return found, False
        for candidate in self.by_name.get(norm, ()):
            other_email = (candidate.data.get("email") or "").casefold()
            if external_id and candidate.external_id and candidate.external_id != external_id:
                continue
            if email and other_email and other_email != email:
                continue
            return candidate, not (external_id and candidate.external_id == external_id)
        return None, False

    def unique(self, name: str) -> _Slot | None:
        """The one person of that name in the file, else the one in the account."""
        found = self.by_name.get(normalise_name(name), ())
        in_file = [slot for slot in found if slot.listed]
        if in_file:
            return in_file[0] if len(in_file) == 1 else None
        return found[0] if len(found) == 1 else None

    def ambiguous(self, name: str) -> bool:
        return self.unique(name) is None and len(self.by_name.get(normalise_name(name), ())) > 1


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
    known = _People()
    members: dict[str, _Slot] = {}
    by_key: dict[str, _Slot] = {}
    if account_id is not None:
        cols = [getattr(Person, c) for c in PERSON_DATA]
        for row in session.execute(select(Person.id, Person.name, Person.external_id, *cols)
                                   .where(Person.account_id == account_id).order_by(Person.id)):
            known.add(_Slot(row[0 + 1], dict(zip(PERSON_DATA, row[3:], strict=True)), id=row[0], ref=("p", row[0]),
                            external_id=row[2]))
    mcols = [getattr(TeamMember, c) for c in MEMBER_DATA]
    for row in session.execute(select(TeamMember.id, TeamMember.name, *mcols)):
        slot = _Slot(row[1], dict(zip(MEMBER_DATA, row[2:], strict=True)), True, row[0], ref=("m", row[0]))
        members.setdefault(normalise_name(row[1]), slot)
    on_team = set()
    if account_id is not None:
        on_team = set(session.scalars(select(AccountTeam.member_id).where(AccountTeam.account_id == account_id)))

    for row in people_rows:
        if not row.clean:
            row.fields = {k: clean_text(v) if isinstance(v, str) else v for k, v in row.fields.items()}
            row.fields = {k: v for k, v in row.fields.items() if v != ""}
        name = row.fields.get("name") or ""
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
            external_id = (row.external_id or "").strip() or None
            slot, by_name = known.find(norm, external_id, email)
            if slot is None:
                slot = _Slot(name, {}, status="created", ref=("new", len(slots)), external_id=external_id)
                known.add(slot)
            else:
                if by_name and not slot.by_name and slot.id is not None:
                    slot.by_name = True
                    report.matched_by_name.append(slot.name)
                if external_id and not slot.external_id:
                    slot.external_id = external_id
                    if slot.status == "skipped":
                        slot.status = "updated"
            _merge(slot, row.fields, PERSON_DATA)
            known.index(slot)
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
    _apply_links(session, account_id, links, by_key, known, members, report, dry_run)
    report.applied = not dry_run
    return report


def _person_values(slot: _Slot) -> dict[str, Any]:
    return {**{c: slot.data.get(c) for c in PERSON_DATA}, "external_id": slot.external_id}


def _write_people(session: Session, account_id: int, slots: list[_Slot], on_team: set[int]) -> list[_Slot]:
    person_table, member_table = Person.__table__, TeamMember.__table__
    new_people = [s for s in slots if s.status == "created" and not s.member]
    for start in range(0, len(new_people), CHUNK):
        chunk = new_people[start:start + CHUNK]
        params = [{"account_id": account_id, "name": s.name, **_person_values(s)} for s in chunk]
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
        session.execute(stmt, [{"_id": s.id, **_person_values(s)} for s in changed])
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
                 known: _People, members: dict[str, _Slot], report: ImportReport, dry_run: bool) -> None:
    existing: set[tuple] = set()
    if account_id is not None:
        for kind, sp, sm, tp, tm in session.execute(
            select(Link.kind, Link.source_person_id, Link.source_member_id, Link.target_person_id,
                   Link.target_member_id).where(Link.account_id == account_id)
        ):
            src = ("p", sp) if sp is not None else ("m", sm)
            tgt = ("p", tp) if tp is not None else ("m", tm)
            existing.add((kind, src, tgt))

    def resolve(key: str, by_name: bool = False) -> _Slot | None:
        if not by_name and key in by_key:
            return by_key[key]
        return (known.by_external.get(key) or known.unique(key) or members.get(normalise_name(key))
                or (by_key.get(key) if by_name else None))

    new_links: list[dict[str, Any]] = []
    for link in links:
        src, tgt = resolve(link.source), resolve(link.target, link.by_name)
        where = f"{link.kind} link {_shown(link.source, src)} → {_shown(link.target, tgt)}"
        if src is None or tgt is None:
            missing = link.source if src is None else link.target
            if known.ambiguous(missing):
                report.refused.append(Refusal(link.line, f"{where}: “{missing}” names several people; give an id"))
            else:
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
            "account_id": account_id, "kind": link.kind, "strength": link.strength, "notes": link.notes,
            "source_person_id": None if src.member else src.id, "source_member_id": src.id if src.member else None,
            "target_person_id": None if tgt.member else tgt.id, "target_member_id": tgt.id if tgt.member else None,
        })
    if not dry_run:
        for start in range(0, len(new_links), CHUNK):
            session.execute(insert(Link.__table__), new_links[start:start + CHUNK])


def _shown(key: str, slot: _Slot | None) -> str:
    """A person as a message names them: by name once found (a row key like #row12 means nothing to a user)."""
    return slot.name if slot is not None else key


FORMATS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
           ".vcf": "vcard", ".vcard": "vcard", ".graphml": "graphml",
           ".gexf": "gexf", ".json": "json", ".ics": "ics"}


def format_of(path, given: str | None = None) -> str | None:
    from pathlib import Path

    return given or FORMATS.get(Path(path).suffix.lower())


def import_file(session: Session, path, account_name: str, fmt: str, dry_run: bool = False,
                encoding: str | None = None, sheet: str | None = None) -> ImportReport:
    """Parse ``path`` and apply it in ``session``; raises ImportRefused (nothing written) for a refused file."""
    from pathlib import Path

    path = Path(path)
    if fmt == "json":
        from app.io.json_io import import_account_json

        return import_account_json(session, path, account_name, dry_run)
    report = ImportReport(source=str(path), format=fmt)
    if fmt == "ics":
        from app.io.ics_apply import apply_events
        from app.io.ics_import import read_ics

        return apply_events(session, account_name, read_ics(path, report), report, dry_run)
    if fmt == "csv":
        from app.io.csv_import import read_csv

        people, links = read_csv(path, report, encoding)
    elif fmt == "xlsx":
        from app.io.xlsx_import import read_xlsx

        people, links = read_xlsx(path, report, sheet)
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
