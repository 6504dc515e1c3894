"""Importers: real-world CSV exports, vCards, GraphML/GEXF, duplicates, refusals, the `import` command."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.io.apply import import_file
from app.io.report import ImportRefused
from app.models.entities import Account, AccountTeam, Link, Person, TeamMember

FIXTURES = Path(__file__).parent / "fixtures" / "import"
ACCOUNT = "Huadong"


def run_import(database, name: str, fmt: str | None = None, dry_run: bool = False, encoding: str | None = None,
               account: str = ACCOUNT):
    path = FIXTURES / name if not isinstance(name, Path) else name
    from app.io.apply import format_of

    with database.session() as session:
        return import_file(session, path, account, format_of(path, fmt), dry_run, encoding)


def people(database, account: str = ACCOUNT) -> dict[str, Person]:
    with database.session() as session:
        return {p.name: p for p in session.scalars(
            select(Person).join(Account).where(Account.name == account))}


def reports_to(database) -> set[tuple[str, str]]:
    with database.session() as session:
        names = dict(session.execute(select(Person.id, Person.name)).all())
        rows = session.execute(select(Link.source_person_id, Link.target_person_id).where(Link.kind == "reports_to"))
        return {(names[s], names[t]) for s, t in rows}


def dump(database) -> dict[str, list]:
    with database.session() as session:
        return {model.__name__: sorted(map(tuple, session.execute(select(*model.__table__.columns)).all()), key=repr)
                for model in (Account, Person, TeamMember, AccountTeam, Link)}


def test_salesforce_contacts_with_reporting_lines(database):
    report = run_import(database, "salesforce_contacts.csv")
    assert report.applied and report.account_created and report.encoding == "utf-8"
    assert report.created == ["Wei Zhang", "Lei Wang", "Mei Chen", "张伟"]
    assert [(r.line, r.reason) for r in report.refused] == [(6, "no name in this row")]
    assert set(report.unknown_columns) == {"AccountId", "Salutation"}
    found = people(database)
    assert found["Wei Zhang"].title == "Chief Information Officer"
    assert found["Wei Zhang"].phone == "+86 21 5555 0100"
    assert found["张伟"].department == "信息技术部"
    assert reports_to(database) == {("Lei Wang", "Wei Zhang"), ("Mei Chen", "Wei Zhang"), ("张伟", "Lei Wang")}
    assert report.links_created == 3


def test_reimport_skips_everything(database):
    run_import(database, "salesforce_contacts.csv")
    before = dump(database)
    again = run_import(database, "salesforce_contacts.csv")
    assert again.created == [] and again.updated == [] and again.links_created == 0
    assert len(again.skipped) == 4 and not again.account_created
    assert dump(database) == before


def test_salesforce_report_matches_and_links_by_name(database):
    run_import(database, "salesforce_contacts.csv")
    report = run_import(database, "salesforce_report.csv")
    assert report.created == ["Anna Liu"] and report.skipped == ["Wei Zhang", "Lei Wang"]
    assert {"Account Name", "Lead Source"} <= set(report.unknown_columns)
    assert ("Anna Liu", "Wei Zhang") in reports_to(database)
    assert len(people(database)) == 5


def test_linkedin_preamble_is_skipped(database):
    report = run_import(database, "linkedin_connections.csv")
    assert report.created == ["Jing Zhou", "Tao Sun", "Xiaoming Li"]
    found = people(database)
    assert found["Xiaoming Li"].title == "Head of Digital, Smart Factory"
    assert found["Jing Zhou"].email == "jing.zhou@huadong.example.com"
    assert {"URL", "Company", "Connected On"} <= set(report.unknown_columns)


def test_google_contacts_with_chinese_name_order(database):
    report = run_import(database, "google_contacts.csv")
    assert report.created == ["Hong Guo", "王芳"]
    found = people(database)
    wf = found["王芳"]
    assert (wf.title, wf.department, wf.phone) == ("财务总监", "财务部", "021-5555-0199")
    assert found["Hong Guo"].notes == "Met at the Shanghai expo"


def test_gbk_chinese_headers_roles_and_refusal(database):
    report = run_import(database, "chinese_gbk.csv")
    assert report.encoding == "gb18030"
    # A value not understood costs that field, not the person: 赵敏 comes in with her influence left unknown.
    assert report.created == ["张伟", "李娜", "王强", "赵敏"]
    assert not report.refused
    assert len(report.warnings) == 1 and report.warnings[0].line == 5 and "老板" in report.warnings[0].reason
    zm = people(database)["赵敏"]
    assert (zm.role, zm.influence) == ("gatekeeper", None)
    zw = people(database)["张伟"]
    assert (zw.title, zw.department, zw.role, zw.stance, zw.influence) == ("首席信息官", "信息技术部", "economic_buyer",
                                                                        "supporter", 5)
    assert reports_to(database) == {("李娜", "张伟"), ("王强", "张伟")}


def test_utf16_tab_separated(database):
    report = run_import(database, "chinese_utf16.txt")
    assert report.encoding == "utf-16" and report.created == ["刘洋", "陈静"]
    assert people(database)["刘洋"].email == "liuyang@huadong.example.cn"


def test_encoding_override(database):
    with pytest.raises(ImportRefused):
        run_import(database, "chinese_gbk.csv", encoding="utf-8")
    assert run_import(database, "chinese_gbk.csv", encoding="gbk").created[0] == "张伟"


def test_semicolon_and_multiline_note(database):
    report = run_import(database, "semicolon.csv")
    assert report.created == ["Sophie Martin", "Luc Bernard"]
    assert people(database)["Sophie Martin"].notes.splitlines()[1] == "Souhaite une démo;"


def test_formula_cells_stay_literal_text(database):
    run_import(database, "formulas.csv")
    found = people(database)
    assert '=HYPERLINK("http://evil.example","Click")' in found
    assert found["Hui Xu"].title == "-Deputy Head" and found["Hui Xu"].notes == "=1+2"
    assert found["Hui Xu"].phone == "+86 10 5555 0102"


def test_missing_header_refused_whole(database):
    before = dump(database)
    with pytest.raises(ImportRefused, match="no header row"):
        run_import(database, "missing_header.csv")
    assert dump(database) == before


def test_huge_field_and_duplicates_in_file(database, tmp_path):
    path = tmp_path / "big.csv"
    big = "x" * 300_000
    path.write_text(f"Name,Email,Notes\nＡｎｎａ　Ｌｉｕ,A@X.COM,{big}\nanna liu,,\nBen,a@x.com,\n", encoding="utf-8")
    report = run_import(database, path)
    assert report.created == ["Ａｎｎａ　Ｌｉｕ"] and report.refused == []
    assert len(people(database)["Ａｎｎａ　Ｌｉｕ"].notes) == 300_000


def test_width_and_case_duplicates_match_existing(database, tmp_path):
    run_import(database, "salesforce_contacts.csv")
    path = tmp_path / "dupes.csv"
    rows = "ＷＥＩ　ＺＨＡＮＧ,,\nlei wang,Deputy CIO,\nSomeone,,MEI.CHEN@HUADONG.EXAMPLE.COM\n"
    path.write_text("Name,Title,Email\n" + rows, encoding="utf-8")
    report = run_import(database, path)
    assert report.created == [] and report.skipped == ["Wei Zhang", "Mei Chen"] and report.updated == ["Lei Wang"]
    assert people(database)["Lei Wang"].title == "Deputy CIO"


def test_vcard_21_quoted_printable(database):
    report = run_import(database, "contacts_21.vcf")
    assert report.created == ["张伟", "李娜", "John Smith"] and report.unknown_columns == ["BDAY"]
    zw = people(database)["张伟"]
    assert (zw.title, zw.department, zw.phone) == ("首席信息官", "信息技术部", "+86 138 0013 8000")
    assert zw.notes == "关键决策人，偏好本地部署，预算在Q3审批。"
    assert people(database)["John Smith"].department == "IT"


def test_vcard_30_folded_and_roles(database):
    report = run_import(database, "contacts_30.vcf")
    assert report.created == ["Wei Zhang", "周杰", "Karen O'Neil"]
    found = people(database)
    assert found["Wei Zhang"].notes.endswith("long enough to be folded over two lines.")
    assert found["Wei Zhang"].email == "wei.zhang@huadong.example.com"
    assert (found["周杰"].department, found["周杰"].role) == ("生产部 / 二车间", "influencer")
    assert found["Karen O'Neil"].notes == "ROLE: Contract review"


def test_vcard_40_related_manager(database):
    report = run_import(database, "contacts_40.vcf")
    assert report.created == ["Wei Zhang", "Lei Wang", "孙丽"]
    assert people(database)["Wei Zhang"].phone == "+86-21-5555-0100"
    assert reports_to(database) == {("Lei Wang", "Wei Zhang"), ("孙丽", "Lei Wang")}


def test_truncated_vcard_refuses_only_broken_cards(database):
    report = run_import(database, "truncated.vcf")
    assert report.created == ["Wei Zhang", "Mei Chen"]
    assert [r.line for r in report.refused] == [2, 4]


def test_graphml_directed(database):
    report = run_import(database, "map.graphml")
    # An unknown role or an influence out of range leaves that field unknown, with a warning naming the node.
    assert report.created == ["刘建国", "张伟", "arch", "Boss Man", "Too Much", "Li Ming"]
    assert {w.line for w in report.warnings} == {4, 5} and not report.refused
    assert any("boss" in w.reason for w in report.warnings) and any("“9”" in w.reason for w in report.warnings)
    assert (people(database)["Boss Man"].role, people(database)["Too Much"].influence) == ("unknown", None)
    assert report.unknown_columns == ["birthday"]
    zw = people(database)["张伟"]
    assert (zw.role, zw.stance, zw.influence, zw.email) == ("decision_maker", "supporter", 4,
                                                             "zhangwei@huadong.example.cn")
    assert reports_to(database) == {("张伟", "刘建国"), ("arch", "张伟"), ("Boss Man", "张伟")}
    with database.session() as session:
        assert session.scalar(select(TeamMember.name)) == "Li Ming"
        assert session.scalar(select(func.count()).select_from(AccountTeam)) == 1
        kinds = sorted(session.scalars(select(Link.kind)))
    assert kinds == ["covers", "knows", "reports_to", "reports_to", "reports_to"]
    assert run_import(database, "map.graphml").links_created == 0


def test_graphml_undirected(database):
    report = run_import(database, "undirected.graphml")
    assert report.links_created == 3  # the ally pair once, reports_to as written, knows
    assert reports_to(database) == {("Ben Zhao", "Cathy Wu")}


def test_gexf(database):
    report = run_import(database, "map.gexf")
    assert report.created == ["赵敏", "钱进", "Wang Fang", "Nobody"]
    assert report.warnings[0].line == 4 and "enthusiastic" in report.warnings[0].reason
    assert people(database)["Nobody"].stance == "unknown"
    assert report.unknown_columns == ["modularity_class"]
    assert people(database)["赵敏"].role == "economic_buyer"
    assert reports_to(database) == {("钱进", "赵敏")}
    assert report.links_created == 3


@pytest.mark.parametrize(("name", "reason"), [("bomb.graphml", "entit"), ("external_entity.graphml", "external")])
def test_xml_attacks_refused(database, name, reason):
    run_import(database, "salesforce_contacts.csv")
    before = dump(database)
    with pytest.raises(ImportRefused, match=reason):
        run_import(database, name)
    assert dump(database) == before


def test_dry_run_writes_nothing(database):
    before = dump(database)
    report = run_import(database, "salesforce_contacts.csv", dry_run=True)
    assert not report.applied and report.account_created and len(report.created) == 4 and report.links_created == 3
    assert dump(database) == before


def test_cli_dry_run_and_refusal(db_path, capsys):
    from app.cli.commands import import_

    def args(file, dry_run=False):
        return argparse.Namespace(db=db_path, file=FIXTURES / file, account=ACCOUNT, format=None, dry_run=dry_run,
                                  encoding=None, sheet=None, lang=None)

    assert import_.run(args("chinese_gbk.csv", dry_run=True)) == 0
    out = capsys.readouterr().out
    assert "Dry run" in out and "张伟" in out and "line 5" in out
    assert import_.run(args("bomb.graphml")) == 1
    assert "bomb.graphml" in capsys.readouterr().err
    from app.storage.database import Database

    with Database.open(db_path) as db:
        with db.session() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == 0
            assert session.scalar(select(func.count()).select_from(Account)) == 0
    assert import_.run(args("chinese_gbk.csv")) == 0


def test_json_format_is_delegated(database, tmp_path):
    import app.io.json_io  # noqa: F401  (the JSON reader is part of the app)
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ImportRefused, match="JSON"):
        run_import(database, path)


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _fuzz(database, tmp_path, data: bytes, suffix: str):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        report = run_import(database, path, account="Fuzz")
    except ImportRefused as exc:
        assert exc.reason
    else:
        assert report.created or report.updated or report.skipped


@pytest.mark.parametrize("suffix", [".csv", ".vcf", ".graphml", ".gexf"])
@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_never_crash(database, tmp_path, suffix, data):
    _fuzz(database, tmp_path, data, suffix)


@pytest.mark.parametrize("suffix", [".csv", ".vcf", ".graphml"])
@FUZZ
@given(text=st.text(alphabet=st.sampled_from(list("Name,Title;\t\"\n=:;BEGIN:VCARDEND<>/graphmlnode id张伟 ")),
                    max_size=200))
def test_random_text_never_crashes(database, tmp_path, suffix, text):
    prefix = {".csv": "Name,Email\n", ".vcf": "BEGIN:VCARD\n", ".graphml": "<graphml><graph>"}[suffix]
    _fuzz(database, tmp_path, (prefix + text).encode("utf-8"), suffix)


def test_an_exported_csv_imports_back_with_the_same_people(tmp_path):
    """Our own CSV (BOM, formula guards such as '+86 …) round-trips through the importer."""
    from app.demo import DEMO_ACCOUNT_NAMES, load_demo
    from app.io.apply import import_file
    from app.io.export_tables import write_csv
    from app.models.repositories.accounts import find_account_by_name
    from app.models.repositories.people import people_of
    from app.storage.database import Database

    with Database.open(tmp_path / "a.db") as db:
        with db.session() as session:
            load_demo(session)
        with db.sessionmaker() as session:
            account = find_account_by_name(session, DEMO_ACCOUNT_NAMES[1])
            originals = {p.name: p for p in people_of(session, account.id, include_archived=False)}
            write_csv(session, account.id, tmp_path / "out.csv")
        with db.session() as session:
            report = import_file(session, tmp_path / "out.csv", "导入回来 Round trip", "csv")
        with db.sessionmaker() as session:
            copy = {p.name: p for p in people_of(session, find_account_by_name(session, "导入回来 Round trip").id)}
    assert not report.refused and len(report.created) == len(originals)
    for name, person in originals.items():
        back = copy[name]
        assert (back.title, back.department, back.email, back.phone, back.role, back.stance, back.influence) == (
            person.title, person.department, person.email, person.phone, person.role, person.stance,
            person.influence)


def test_refusal_reasons_read_in_chinese_in_the_app(qapp):
    from app.i18n import language as lang
    from app.ui.transfer.import_messages import localize

    lang.install("zh_CN")
    try:
        assert localize("no name in this row") == "此行没有姓名"
        assert localize("赵敏: influence must be 1 to 5, not “老板”") == "赵敏：影响力应为 1 到 5，而不是“老板”"
        assert localize("node 3 “x”: unknown stance “happy”") == "第 3 个节点“x”：未知的态度“happy”"
        assert "实体" in localize("the file declares XML entities (an entity-expansion attack?); refused")
        assert localize("something new") == "something new"  # unknown sentences pass through unchanged
    finally:
        lang.install("en")


def test_a_stakemap_json_files_refusals_read_in_chinese(qapp, tmp_path):
    """A JSON record with a wrong field is refused naming the record and the field, in the user's language."""
    import json

    from app.i18n import language as lang
    from app.io.apply import import_file
    from app.io.report import ImportRefused
    from app.storage.database import Database
    from app.ui.transfer.import_messages import localize

    path = tmp_path / "account.json"
    path.write_text(json.dumps({"format": "stakemap-account", "version": 1, "account": {"name": "恒岳"},
                                "people": [{"ref": "p1", "name": "张伟", "influence": 9}]}), encoding="utf-8")
    with Database.open(tmp_path / "d.db") as db, db.session() as session:
        with pytest.raises(ImportRefused) as refused:
            import_file(session, path, "恒岳", "json", True)
    lang.install("zh_CN")
    try:
        text = localize(refused.value.reason)
        assert "张伟" in text and "influence" in text and "9" in text, text
        assert not re.search(r"expected|whole number|not 9", text), text
        assert localize("people[0] “张伟”: stance: unknown value 'happy' (one of champion, supporter)") == (
            "people[0] “张伟”：stance：未知的值 'happy'（可选：champion, supporter）")
        assert localize("links[2]: source “王芳” is unknown") == "links[2]：source“王芳”不存在"
    finally:
        lang.install("en")


@pytest.mark.parametrize("fmt, content, expected", [
    # The header itself ends inside an unclosed quote.
    ("csv", b'"Name","Title","Last', "a quoted field is never closed"),
    # An XML declaration naming an encoding that does not exist.
    ("graphml", b'<?xml version="1.0" encoding="reports_to"?><graphml><graph/></graphml>', "not readable XML"),
    ("gexf", b'<?xml version="1.0" encoding="NaN"?><gexf><graph/></gexf>', "not readable XML"),
    # A reference that is a list, and a participant that names nobody.
    ("json", b'{"format": "stakemap-account", "version": 1, "account": {"name": "A"}, "people": [{"ref": "p1", '
             b'"name": "X"}, {"ref": "p2", "name": "Y"}], "links": [{"kind": "knows", "source_ref": "p1", '
             b'"target_ref": [[]]}]}', "target_ref: expected text"),
    ("json", b'{"format": "stakemap-account", "version": 1, "account": {"name": "A"}, "people": [{"ref": "p1", '
             b'"name": "X"}], "interactions": [{"occurred_at": "2026-01-02T10:00:00", "channel": "meeting", '
             b'"participants": [{}]}]}', "a participant names nobody"),
    ("json", b'{"format": "stakemap-account", "version": 1, "account": {"name": "A", "qualification": 1.5}, '
             b'"people": []}', "account.qualification: expected a list"),
])
def test_inputs_the_fuzz_campaign_found_are_refused_in_one_line(tmp_path, fmt, content, expected):
    from app.io.apply import import_file
    from app.io.report import ImportRefused
    from app.storage.database import Database

    path = tmp_path / f"found.{fmt}"
    path.write_bytes(content)
    with Database.open(tmp_path / "d.db") as db:
        with pytest.raises(ImportRefused) as refused, db.session() as session:
            import_file(session, path, "Found", fmt)
        assert expected in refused.value.reason
        with db.read_session() as session:
            from sqlalchemy import text

            assert session.execute(text("SELECT count(*) FROM account")).scalar() == 0


def test_a_vcard_line_without_its_colon_is_refused_at_once(tmp_path):
    """Found by the fuzz campaign: such a line kept vobject's pattern backtracking for over a minute."""
    import time

    from app.io.report import ImportReport
    from app.io.vcard_import import read_vcard

    path = tmp_path / "garbled.vcf"
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING7=BD=B2=EF=BC=8C=E9=A2=84=E7=AE=97=E5"
                     b"=9C=A8=51=33=E5=AE=A1=E6=89=B9=E3=80=82\r\nFN:Zhang Wei\r\nEND:VCARD\r\n"
                     b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Li Na\r\nEND:VCARD\r\n")
    report = ImportReport(source=str(path), format="vcard")
    started = time.perf_counter()
    people, _links = read_vcard(path, report)
    assert time.perf_counter() - started < 2.0
    assert len(people) == 1 and "Li Na" in repr(people[0])  # the other card still comes in
    assert len(report.refused) == 1 and "is not plain text" in report.refused[0].reason
