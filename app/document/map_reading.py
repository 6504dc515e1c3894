"""Reading an account's map into plain records, shared by the workspace and the command line (no Qt)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.document.records import LinkRecord, MapData, MemberRecord, PersonRecord
from app.models.repositories import map_data as map_repo


def link_from_row(row: tuple) -> LinkRecord:
    link_id, account_id, kind, strength, sp, sm, tp, tm, notes = row
    source = ("person", sp) if sp is not None else ("member", sm)
    target = ("person", tp) if tp is not None else ("member", tm)
    return LinkRecord(link_id, account_id, kind, strength, source, target, notes)


def read_map_data(session: Session, account_id: int) -> MapData:
    people = [PersonRecord(*row) for row in map_repo.people_rows(session, account_id)]
    member_rows = map_repo.member_rows(session, account_id)
    members = [MemberRecord(*row[:-2]) for row in member_rows]
    positions = {row[0]: (row[-2], row[-1]) for row in member_rows}
    links = [link_from_row(row) for row in map_repo.link_rows(session, account_id)]
    return MapData(account_id, people, members, positions, links)
