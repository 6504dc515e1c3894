"""Exports of an account (CSV, XLSX, GraphML, GEXF, JSON), the JSON round trip and the export command."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re

import pytest
from hypothesis import strategies as st

from app.demo import DEMO_ACCOUNT_NAMES, load_demo
from app.io.report import ImportRefused
from app.models.repositories.accounts import find_account_by_name

PHONE = "+86 138 0000 0000"
FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "\n=1"]


@pytest.fixture
def demo(database):
    with database.session() as session:
        load_demo(session)
        first = find_account_by_name(session, DEMO_ACCOUNT_NAMES[0])
        from app.models.repositories import people as people_repo

        people_repo.add_person(session, first.id, "=HYPERLINK(\"http://evil\",\"x\")", phone=PHONE,
                               title="+1+1", department="-2+3", notes="@SUM(A1:A2)", email="\t=1")
    return database


def _account_id(database, name=DEMO_ACCOUNT_NAMES[0]):
    with database.session() as session:
        return find_account_by_name(session, name).id


def test_neutralise_covers_every_formula_start_and_reverses_exactly():
    from app.io.export_tables import neutralise, unneutralise

    for value in FORMULAS + [PHONE, "'=x", "''", "'plain"]:
        assert unneutralise(neutralise(value)) == value
    for value in FORMULAS + [PHONE]:
        assert neutralise(value).startswith("'")
    assert neutralise("王伟") == "王伟" and neutralise("00123") == "00123"


def test_csv_has_bom_chinese_names_and_neutralised_cells(demo, tmp_path):
    from app.io.export_tables import unneutralise, write_csv

    out = tmp_path / "people.csv"
    with demo.session() as session:
        write_csv(session, _account_id(demo), out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["name", "ref", "title", "department", "role", "stance", "influence", "email", "phone",
                             "competitor_preference", "notes", "manager", "manager_ref", "side", "team_role",
                             "influence_score", "coverage_level"]
    assert any(row["name"] == "王宏斌" for row in rows)
    evil = next(row for row in rows if "HYPERLINK" in row["name"])
    for column in ("name", "title", "department", "notes", "email", "phone"):
        assert evil[column].startswith("'"), column
    assert unneutralise(evil["phone"]) == PHONE
    assert unneutralise(evil["title"]) == "+1+1"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r", "\n")), value
    assert float(rows[0]["influence_score"]) >= 0


def test_xlsx_cells_are_strings_and_formulas_stay_text(demo, tmp_path):
    from openpyxl import load_workbook

    from app.io.export_tables import write_xlsx

    out = tmp_path / "map.xlsx"
    with demo.session() as session:
        write_xlsx(session, _account_id(demo), out)
    book = load_workbook(out)
    assert book.sheetnames == ["People", "Links"]
    sheet = book["People"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if "HYPERLINK" in str(r[0].value))
    cells = dict(zip(header, row, strict=True))
    assert cells["phone"].value == PHONE and cells["phone"].data_type == "s"
    assert cells["title"].value == "+1+1" and cells["title"].data_type == "s"
    assert cells["name"].data_type == "s" and cells["name"].value.startswith("=HYPERLINK")
    assert book["Links"].max_row > 10


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_export_reads_back_with_attributes_and_analysis(demo, tmp_path, fmt):
    import networkx as nx

    from app.io.export_graph import analysed_map, node_id, write_gexf, write_graphml

    out = tmp_path / f"map.{fmt}"
    account_id = _account_id(demo)
    with demo.session() as session:
        (write_graphml if fmt == "graphml" else write_gexf)(session, account_id, out)
        amap = analysed_map(session, account_id)
    graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
    assert graph.is_directed()
    people = [p for p in amap.data.people if not p.archived]
    assert graph.number_of_nodes() == len(people) + len(amap.data.members)
    for person in people:
        attrs = graph.nodes[node_id(("person", person.id))]
        result = amap.results[("person", person.id)]
        assert attrs["name"] == person.name and attrs["side"] == "client"
        assert attrs["role"] == person.role and attrs["stance"] == person.stance
        assert attrs.get("influence") == person.influence
        assert attrs.get("title") == person.title and attrs.get("department") == person.department
        assert attrs.get("email") == person.email
        assert attrs["influence_score"] == pytest.approx(result.influence_score, abs=1e-12)
        assert attrs["brokerage"] == pytest.approx(result.brokerage, abs=1e-12)
        assert attrs.get("community") == result.community
        assert attrs["coverage_level"] == result.coverage_level
    for member in amap.data.members:
        assert graph.nodes[node_id(("member", member.id))]["side"] == "team"
    kinds = {data["kind"] for *_ends, data in graph.edges(data=True)}
    assert {"reports_to", "covers"} <= kinds
    assert all(1 <= data["strength"] <= 5 for *_ends, data in graph.edges(data=True))


def _canonical(payload: dict) -> dict:
    """The export with refs renumbered by order of appearance and the account's name left out."""
    payload = json.loads(json.dumps(payload))
    payload["account"].pop("name")
    order = {}
    for section in ("people", "team_members"):
        for record in payload[section]:
            order[record["ref"]] = f"{section}#{len(order)}"

    def walk(value, key=None):
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str) and key is not None and (key == "ref" or key.endswith("_ref")):
            return order.get(value, value)
        return value

    return walk(payload)


def _enrich(database, account_id):
    """What the demo lacks: a snapshot and people taking part in an opportunity."""
    from app.document.map_reading import read_map_data
    from app.document.snapshots import capture
    from app.models.repositories import account_records as records_repo

    with database.session() as session:
        data = read_map_data(session, account_id)
        records_repo.add_snapshot(session, account_id, "before the QBR", dt.datetime(2024, 5, 1, 9, 30),
                                  capture(data))
        people = [p.id for p in data.people[:3]]
        for opportunity in records_repo.opportunities_of(session, account_id):
            records_repo.update_opportunity(session, opportunity.id, {"people": people})


@pytest.mark.parametrize("name", DEMO_ACCOUNT_NAMES)
def test_json_round_trip_gives_the_same_account(demo, tmp_path, name):
    from app.io.json_io import export_account_json, import_account_json, write_json

    account_id = _account_id(demo, name)
    _enrich(demo, account_id)
    out = tmp_path / "account.json"
    with demo.session() as session:
        before = export_account_json(session, account_id)
        write_json(session, account_id, out)
    assert before["snapshots"] and before["opportunities"][0]["people"]
    with demo.session() as session:
        dry = import_account_json(session, out, "Copy", dry_run=True)
        assert not dry.applied and find_account_by_name(session, "Copy") is None
    with demo.session() as session:
        report = import_account_json(session, out, "Copy", dry_run=False)
    assert report.applied and report.account_created
    assert len(report.created) == len(dry.created) == len(before["people"])
    with demo.session() as session:
        after = export_account_json(session, find_account_by_name(session, "Copy").id)
    assert after["account"]["name"] == "Copy"
    assert _canonical(after) == _canonical(before)


def test_json_import_into_a_fresh_database(demo, tmp_path):
    from app.io.json_io import export_account_json, import_account_json, write_json
    from app.storage.database import Database

    out = tmp_path / "account.json"
    with demo.session() as session:
        account_id = _account_id(demo)
        before = export_account_json(session, account_id)
        write_json(session, account_id, out)
    other = Database.open(tmp_path / "other.db")
    try:
        with other.session() as session:
            import_account_json(session, out, DEMO_ACCOUNT_NAMES[0], dry_run=False)
        with other.session() as session:
            after = export_account_json(session, find_account_by_name(session, DEMO_ACCOUNT_NAMES[0]).id)
    finally:
        other.close()
    assert _canonical(after) == _canonical(before)


@pytest.mark.parametrize("change, words", [
    (lambda p: p["people"][0].update(stance="hostile"), ["people[0]", "stance", "hostile"]),
    (lambda p: p["people"][1].update(influence="5"), ["people[1]", "influence"]),
    (lambda p: p["links"][0].update(kind="friend"), ["links[0]", "kind"]),
    (lambda p: p["links"][0].update(source_ref="p999999", source="nobody"), ["links[0]", "source"]),
    (lambda p: p["interactions"][0].update(occurred_at="yesterday"), ["interactions[0]", "occurred_at"]),
    (lambda p: p["opportunities"][0].update(value="lots"), ["opportunities[0]", "value"]),
    (lambda p: p["account"].update(tier="platinum"), ["account", "tier"]),
    (lambda p: p.update(people={"a": 1}), ["people"]),
])
def test_json_import_refuses_bad_records_and_writes_nothing(demo, tmp_path, change, words):
    from app.io.json_io import export_account_json, import_account_json

    with demo.session() as session:
        payload = export_account_json(session, _account_id(demo))
    change(payload)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    with demo.session() as session, pytest.raises(ImportRefused) as refused:
        import_account_json(session, path, "Bad", dry_run=False)
    for word in words:
        assert word in refused.value.reason
    with demo.session() as session:
        assert find_account_by_name(session, "Bad") is None


def test_json_import_refuses_an_account_that_has_people(demo, tmp_path):
    from app.io.json_io import import_account_json, write_json

    path = tmp_path / "a.json"
    with demo.session() as session:
        write_json(session, _account_id(demo), path)
    with demo.session() as session, pytest.raises(ImportRefused) as refused:
        import_account_json(session, path, DEMO_ACCOUNT_NAMES[1], dry_run=True)
    assert DEMO_ACCOUNT_NAMES[1] in refused.value.reason and "already exists" in refused.value.reason


def test_atomic_write_failure_leaves_the_old_file_and_no_temp_files(tmp_path):
    from app.io.atomic import write_atomically

    target = tmp_path / "map.csv"
    target.write_bytes(b"old contents\n")

    def failing(temp):
        temp.write_bytes(b"half of the new")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, failing)
    assert target.read_bytes() == b"old contents\n"
    assert os.listdir(tmp_path) == ["map.csv"]
    write_atomically(target, lambda temp: temp.write_bytes(b"new"))
    assert target.read_bytes() == b"new" and os.listdir(tmp_path) == ["map.csv"]


def _run(database, **kwargs) -> int:
    from app.cli.commands.export import run

    return run(argparse.Namespace(**{"db": str(database.path), "format": None, "shareable": False, **kwargs}))


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "graphml", "gexf", "json"])
def test_shareable_export_leaves_out_private_data(demo, tmp_path, suffix):
    from app.io.json_io import export_account_json

    with demo.session() as session:
        full = export_account_json(session, _account_id(demo))
    secret_notes = [p["notes"] for p in full["people"] if p["notes"] and len(p["notes"]) > 8]
    personal = [n["description"] for n in full["needs"] if n["kind"] == "personal"]
    assert secret_notes and personal and any(link["kind"] == "rival" for link in full["links"])
    out = tmp_path / f"share.{suffix}"
    demo.close()
    assert _run(demo, account=DEMO_ACCOUNT_NAMES[0], out=str(out), shareable=True) == 0
    if suffix == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(out)
        text = "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row)
    else:
        text = out.read_text(encoding="utf-8-sig")
    lowered = text.lower()
    for word in ("stance", "notes", "rival", "influence"):
        assert not re.search(rf"\b{word}\b", lowered), word
    assert not any(t in text for t in secret_notes + personal)
    if suffix == "json":
        assert all("influence" not in p for p in json.loads(text)["people"])


def test_export_command(demo, tmp_path, capsys):
    demo.close()
    out = tmp_path / "map.json"
    assert _run(demo, account=DEMO_ACCOUNT_NAMES[0], out=str(out)) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["people"]

    missing = tmp_path / "none.csv"
    assert _run(demo, account="No such account", out=str(missing)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No such account" in err
    assert not missing.exists()


    assert _run(demo, account=DEMO_ACCOUNT_NAMES[0], out=str(tmp_path / "map.txt")) == 2
    explicit = tmp_path / "people.data"
    assert _run(demo, account=DEMO_ACCOUNT_NAMES[0], out=str(explicit), format="csv") == 0
    assert explicit.read_bytes().startswith(b"\xef\xbb\xbf")
    leftovers = [n for n in os.listdir(tmp_path) if n.endswith(".part")]
    assert not leftovers


# Names that repeat, and that start like formulas or with an apostrophe.
names = st.text(alphabet="王李张ab =+-'", min_size=1, max_size=6).filter(lambda n: n.strip() == n)


def test_json_round_trip_property(tmp_path_factory):
    from hypothesis import HealthCheck, given, settings

    from app.io.json_io import export_account_json, import_account_json, write_json
    from app.models import enums
    from app.models.repositories import accounts as account_repo
    from app.models.repositories import links as link_repo
    from app.models.repositories import people as people_repo
    from app.storage.database import Database

    person = st.fixed_dictionaries({"name": names, "role": st.sampled_from(enums.BUYING_ROLES),
                                    "stance": st.sampled_from(enums.STANCES),
                                    "influence": st.none() | st.integers(1, 5), "phone": st.none() | names})
    link = st.tuples(st.sampled_from([k for k in enums.LINK_KINDS if k != "covers"]), st.integers(0, 5),
                     st.integers(0, 5), st.integers(1, 5))

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(person, min_size=1, max_size=6), st.lists(link, max_size=8))
    def check(people, links):
        folder = tmp_path_factory.mktemp("prop")
        db = Database.open(folder / "p.db")
        try:
            with db.session() as session:
                account = account_repo.create_account(session, "A", tier="key", annual_revenue="12.50")
                ids = [people_repo.add_person(session, account.id, **p).id for p in people]
                for kind, a, b, strength in links:
                    a, b = ids[a % len(ids)], ids[b % len(ids)]
                    if a != b:
                        link_repo.add_link(session, account.id, kind, source_person_id=a, target_person_id=b,
                                           strength=strength)
                before = export_account_json(session, account.id)
                write_json(session, account.id, folder / "a.json")
            with db.session() as session:
                import_account_json(session, folder / "a.json", "B", dry_run=False)
            with db.session() as session:
                after = export_account_json(session, account_repo.find_account_by_name(session, "B").id)
        finally:
            db.close()
        assert _canonical(after) == _canonical(before)

    check()


def test_json_round_trip_keeps_who_requested_an_action(demo, tmp_path):
    """A hand-off (an action owned by one member at another's request) survives export and import."""
    from app.io.json_io import import_account_json, write_json
    from app.models.entities import TeamMember
    from app.models.repositories import account_records as records_repo

    account_id = _account_id(demo)
    with demo.session() as session:
        action = records_repo.actions_of(session, account_id)[0]
        owner = session.get(TeamMember, action.owner_id) if action.owner_id else None
        requester = next(m for m in session.query(TeamMember).order_by(TeamMember.id) if m is not owner)
        records_repo.update_action(session, action.id, {"requester_id": requester.id})
        title, requester_name = action.title, requester.name
    out = tmp_path / "account.json"
    with demo.session() as session:
        write_json(session, account_id, out)
    assert json.loads(out.read_text(encoding="utf-8"))["actions"][0]["requester"] == requester_name
    with demo.session() as session:
        import_account_json(session, out, "Copy", dry_run=False)
    with demo.session() as session:
        copied = [a for a in records_repo.actions_of(session, find_account_by_name(session, "Copy").id)
                  if a.title == title]
        assert copied and session.get(TeamMember, copied[0].requester_id).name == requester_name
