"""An account's JSON carries where each interaction came from (its calendar event), and its survey answers:
export, import into a new account, export again gives the same records — and the calendar file re-imported
into the copy logs nothing twice."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.io.apply import format_of, import_file
from app.io.json_io import export_account_json, import_account_json
from app.io.report import ImportRefused

CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E0080000000030F1D2C3B4A5D901000000000000000010000000A1B2C3D4E5F6
DTSTAMP:20261101T080000Z
DTSTART:20261105T020000Z
DTEND:20261105T030000Z
SUMMARY:二期方案沟通
ORGANIZER;CN=陈思远:mailto:chen.siyuan@ourcompany.cn
ATTENDEE;CN=张伟:mailto:zhang.wei@acme.cn
ATTENDEE;CN=陈思远:mailto:chen.siyuan@ourcompany.cn
LOCATION:3号会议室
END:VEVENT
END:VCALENDAR
"""
UID = "040000008200E00074C5B7101A82E0080000000030F1D2C3B4A5D901000000000000000010000000A1B2C3D4E5F6"


@pytest.fixture
def acme(workspace, database, tmp_path):
    ws = workspace
    account = ws.create_account("Acme")
    zhang = ws.add_person(account, "张伟", role="economic_buyer", email="zhang.wei@acme.cn")
    chen = ws.add_member("陈思远", email="chen.siyuan@ourcompany.cn")
    ws.assign_member(account, chen)
    ws.add_interaction(account, dt.datetime(2026, 10, 1, 9, 30), "call", participants=[("person", zhang)],
                       summary="typed in by hand")
    ws.add_survey_answer(zhang, dt.date(2026, 6, 1), 9, 4, "交付很顺利")
    calendar = tmp_path / "outlook.ics"
    calendar.write_text(CALENDAR, encoding="utf-8")
    with database.session() as session:
        assert import_file(session, calendar, "Acme", format_of(calendar), False).interactions_added == 1
    return ws, account, calendar


def _export(database, account_id):
    with database.sessionmaker() as session:
        return export_account_json(session, account_id)


def _import(database, payload, path, name):
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    with database.session() as session:
        return import_account_json(session, path, name, dry_run=False)


def test_export_then_import_keeps_calendar_uids_and_survey_answers(acme, database, tmp_path):
    ws, account, calendar = acme
    before = _export(database, account)
    assert sorted((i["summary"], i["source_uid"]) for i in before["interactions"]) == [
        ("typed in by hand", None), ("二期方案沟通", UID)]
    assert _import(database, before, tmp_path / "acme.json", "Acme copy").applied
    copy = ws.account_id_by_name("Acme copy")
    after = _export(database, copy)

    def comparable(payload):
        return ([{k: v for k, v in i.items() if k != "participants"} for i in payload["interactions"]],
                [{k: v for k, v in s.items() if k != "person_ref"} for s in payload["surveys"]])

    assert comparable(after) == comparable(before)
    assert after["surveys"][0]["comment"] == "交付很顺利"
    # The copy knows the meeting came from the calendar: importing the same file again adds nothing.
    with database.session() as session:
        report = import_file(session, calendar, "Acme copy", format_of(calendar), False)
    assert (report.interactions_added, report.events_known) == (0, 1)
    assert len(ws.interactions(copy)) == 2


@pytest.mark.parametrize("uid", ["", "   ", 42, "x" * 501])
def test_an_unusable_event_uid_is_refused_and_nothing_is_written(acme, database, tmp_path, uid):
    ws, account, _calendar = acme
    payload = _export(database, account)
    payload["interactions"][0]["source_uid"] = uid
    with pytest.raises(ImportRefused) as refused:
        _import(database, payload, tmp_path / "bad.json", "Broken")
    assert "interactions[0]" in refused.value.reason and "source_uid" in refused.value.reason
    assert ws.account_id_by_name("Broken") is None


def test_a_file_without_source_uid_still_imports(acme, database, tmp_path):
    ws, account, _calendar = acme
    payload = _export(database, account)
    for item in payload["interactions"]:
        del item["source_uid"]
    assert _import(database, payload, tmp_path / "old.json", "Older file").applied
    assert all(i["source_uid"] is None for i in _export(database, ws.account_id_by_name("Older file"))["interactions"])
