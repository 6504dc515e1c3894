"""Our own exports come back: CSV, XLSX, GraphML, GEXF and JSON of a demo account, imported into a fresh
database, give the same people, their fields, their links (and positions where the format carries them)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.io.apply import import_file
from app.io.exporters import writer_for
from app.models.entities import Link, Person
from app.storage.database import Database

FIELDS = ("title", "department", "email", "phone", "role", "stance", "influence", "competitor_preference", "notes")


def _people(session, account_id: int) -> dict[str, Person]:
    return {p.name: p for p in session.scalars(select(Person).where(Person.account_id == account_id,
                                                                    Person.archived.is_(False)))}


def _links(session, account_id: int, kinds=None) -> set[tuple]:
    names = {p.id: p.name for p in session.scalars(select(Person).where(Person.account_id == account_id))}
    from app.models.entities import TeamMember

    members = {m.id: m.name for m in session.scalars(select(TeamMember))}
    out = set()
    for link in session.scalars(select(Link).where(Link.account_id == account_id)):
        source = names.get(link.source_person_id) or members.get(link.source_member_id)
        target = names.get(link.target_person_id) or members.get(link.target_member_id)
        if kinds is None or link.kind in kinds:
            out.add((source, target, link.kind, link.strength, link.notes if kinds is None else None))
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from app.demo import DEMO_ACCOUNT_NAMES, load_demo
    from app.models.repositories.accounts import find_account_by_name

    folder = tmp_path_factory.mktemp("roundtrip")
    with Database.open(folder / "source.db") as db:
        with db.session() as session:
            load_demo(session)
        with db.sessionmaker() as session:
            account = find_account_by_name(session, DEMO_ACCOUNT_NAMES[1])
            people, links = _people(session, account.id), _links(session, account.id)
            archived = {p.name for p in session.scalars(select(Person).where(Person.account_id == account.id,
                                                                              Person.archived.is_(True)))}
            for fmt in ("csv", "xlsx", "graphml", "gexf", "json"):
                writer_for(fmt)(session, account.id, folder / f"out.{fmt}")
            snapshot = {name: {f: getattr(p, f) for f in (*FIELDS, "x", "y")} for name, p in people.items()}
    return folder, snapshot, links, archived


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "graphml", "gexf", "json"])
def test_export_then_import_gives_the_same_people_and_links(exported, tmp_path, fmt):
    folder, originals, links, archived = exported
    with Database.open(tmp_path / "copy.db") as db:
        with db.session() as session:
            report = import_file(session, folder / f"out.{fmt}", "Copy", fmt)
        with db.sessionmaker() as session:
            from app.models.repositories.accounts import find_account_by_name

            account_id = find_account_by_name(session, "Copy").id
            copy = _people(session, account_id)
            # CSV carries the org chart in its manager column; the others carry every link and its notes.
            if fmt == "csv":
                back_links = _links(session, account_id, {"reports_to"})
                expected = {(s, t, k, 3, None) for s, t, k, _n, _x in links if k == "reports_to"
                            and s in originals and t in originals}
                back_links = {(s, t, k, 3, None) for s, t, k, _n, _x in back_links}
            else:
                back_links = _links(session, account_id)
                # Archived people stay out of every export but JSON (a whole account), and so do their links.
                expected = {link for link in links
                            if fmt == "json" or not ({link[0], link[1]} & archived)}
    assert not report.refused, report.refused[:3]
    assert set(copy) == set(originals)
    for name, fields in originals.items():
        back = {f: getattr(copy[name], f) for f in FIELDS}
        assert back == {f: fields[f] for f in FIELDS}, name
        if fmt in ("graphml", "gexf", "json"):
            assert (copy[name].x, copy[name].y) == pytest.approx((fields["x"], fields["y"])), name
    assert back_links == expected


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_workbook_in_the_interface_language_comes_back(exported, tmp_path, qapp, language):
    """File ▸ Export writes the words of the interface language for roles, stances and kinds; they read back."""
    from openpyxl import load_workbook

    from app.i18n import language as lang
    from app.models.repositories.accounts import find_account_by_name
    from app.ui.transfer.file_transfer import vocabulary_labels

    folder, originals, _links_, _archived = exported
    lang.install(language)
    try:
        labels = vocabulary_labels()
    finally:
        lang.install("en")
    with Database.open(folder / "source.db") as db, db.sessionmaker() as session:
        from app.demo import DEMO_ACCOUNT_NAMES

        account = find_account_by_name(session, DEMO_ACCOUNT_NAMES[1])
        writer_for("xlsx")(session, account.id, tmp_path / "labelled.xlsx", labels=labels)
    sheet = load_workbook(tmp_path / "labelled.xlsx")["People"]
    header = [c.value for c in sheet[1]]
    roles = {row[header.index("role")] for row in sheet.iter_rows(min_row=2, values_only=True)} - {None}
    assert roles and roles <= set(labels["role"].values())
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref and sheet["A1"].font.bold
    with Database.open(tmp_path / "copy.db") as db:
        with db.session() as session:
            report = import_file(session, tmp_path / "labelled.xlsx", "Copy", "xlsx")
        with db.sessionmaker() as session:
            copy = _people(session, find_account_by_name(session, "Copy").id)
    assert not report.refused and not report.warnings
    assert {n: (p.role, p.stance) for n, p in copy.items()} == {n: (f["role"], f["stance"])
                                                                for n, f in originals.items()}


def test_a_nul_in_a_name_never_reaches_an_export(tmp_path):
    from openpyxl import load_workbook

    from app.models.repositories.accounts import create_account
    from app.models.repositories.people import add_person

    with Database.open(tmp_path / "nul.db") as db:
        with db.session() as session:
            account_id = create_account(session, "NUL").id
            add_person(session, account_id, "Zhang\x00Wei", title="C\x1bIO", notes="a\x00b")
        with db.sessionmaker() as session:
            for fmt in ("csv", "xlsx", "graphml", "gexf", "json"):
                writer_for(fmt)(session, account_id, tmp_path / f"nul.{fmt}")
    for fmt in ("csv", "graphml", "gexf", "json"):
        text = (tmp_path / f"nul.{fmt}").read_text(encoding="utf-8-sig")
        assert "\x00" not in text and "\x1b" not in text and "\\u0000" not in text, fmt
        assert "ZhangWei" in text, fmt
    assert load_workbook(tmp_path / "nul.xlsx")["People"]["A2"].value == "ZhangWei"
