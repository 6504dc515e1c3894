"""What relationship health keeps: survey answers, contact cadences, and the history read back for the analysis."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QUndoStack

from app.analysis import analyze
from app.commands import edits, perform, record_edits
from app.document.analysis_input import analysis_input
from app.document.health_input import read_health_input
from app.document.map_reading import read_map_data
from app.models.entities import SurveyAnswer
from app.models.repositories import InvalidInput
from app.models.sync_rules import APPEND_ONLY


@pytest.fixture
def stack(qapp):
    return QUndoStack()


@pytest.fixture
def acme(workspace):
    ws = workspace
    account = ws.create_account("Acme")
    zhang = ws.add_person(account, "张伟", role="economic_buyer", stance="advocate", influence=5)
    li = ws.add_person(account, "李娜", role="coach", stance="supporter")
    chen = ws.add_member("陈思远", team_role="account_manager")
    ws.assign_member(account, chen)
    ws.add_link(account, "covers", ("member", chen), ("person", zhang), 4)
    return ws, account, zhang, li, chen


def test_survey_answers_are_declared_append_only():
    rule = SurveyAnswer.__sync__
    # An answer is added or removed, never merged field by field; it belongs to its account.
    assert rule.kind == APPEND_ONLY and rule.account == "account_id"


def test_recording_a_survey_answer_then_undo_and_redo(acme, stack):
    ws, account, zhang, _li, _chen = acme
    seen = []
    ws.surveys_changed.connect(seen.append)
    command = perform(stack, record_edits.record_survey_answer(ws, zhang, "张伟", dt.date(2026, 5, 1), 9, 4, "好"))
    answers = ws.survey_answers(account)
    assert [(a.person_id, a.answered_on, a.recommend, a.satisfaction, a.comment) for a in answers] == [
        (zhang, dt.date(2026, 5, 1), 9, 4, "好")]
    assert stack.undoText() == "Record survey answer of 张伟"
    stack.undo()
    assert ws.survey_answers(account) == []
    stack.redo()
    assert [a.id for a in ws.survey_answers(account)] == [command.ident]
    # Each step said which account changed, so the panels of that account refresh.
    assert [c.account_id for c in seen] == [account] * 3


def test_deleting_a_survey_answer_can_be_undone(acme, stack):
    ws, account, zhang, _li, _chen = acme
    answer = ws.add_survey_answer(zhang, dt.date(2026, 5, 1), 3)
    perform(stack, record_edits.delete_survey_answer(ws, answer, "张伟"))
    assert ws.survey_answers(account) == []
    stack.undo()
    assert [(a.id, a.recommend) for a in ws.survey_answers(account)] == [(answer, 3)]


def test_deleting_the_person_takes_their_answers_and_undo_brings_them_back(acme, stack):
    ws, account, zhang, _li, _chen = acme
    ws.add_survey_answer(zhang, dt.date(2026, 5, 1), 10)
    seen = []
    ws.surveys_changed.connect(seen.append)
    perform(stack, edits.delete_person(ws, zhang))
    assert ws.survey_answers(account) == [] and seen
    stack.undo()
    assert [a.recommend for a in ws.survey_answers(account)] == [10]


@pytest.mark.parametrize(("recommend", "satisfaction", "day"), [
    (11, None, dt.date(2026, 1, 1)), (-1, None, dt.date(2026, 1, 1)), (5, 0, dt.date(2026, 1, 1)),
    (5, 6, dt.date(2026, 1, 1)), (5, None, None), (True, None, dt.date(2026, 1, 1)),
])
def test_survey_answers_out_of_range_are_refused(acme, recommend, satisfaction, day):
    ws, account, zhang, _li, _chen = acme
    with pytest.raises(InvalidInput):
        ws.add_survey_answer(zhang, day, recommend, satisfaction)
    assert ws.survey_answers(account) == []


def test_a_persons_contact_cadence_is_a_profile_field(acme, stack):
    ws, _account, zhang, _li, _chen = acme
    perform(stack, edits.edit_person(ws, zhang, {"cadence_days": 14}))
    assert ws.person(zhang).cadence_days == 14
    stack.undo()
    assert ws.person(zhang).cadence_days is None
    with pytest.raises(InvalidInput):
        ws.update_person(zhang, {"cadence_days": 0})


def test_the_cadence_of_a_role_can_be_changed_reset_and_undone(acme, stack):
    ws, _account, _zhang, _li, _chen = acme
    perform(stack, record_edits.SetRoleCadence(ws, "coach", "Coach", 10))
    assert ws.role_cadences() == {"coach": 10}
    perform(stack, record_edits.SetRoleCadence(ws, "coach", "Coach", None))
    assert ws.role_cadences() == {"coach": None}
    stack.undo()
    assert ws.role_cadences() == {"coach": 10}
    stack.undo()
    assert ws.role_cadences() == {}
    perform(stack, record_edits.SetRoleCadence(ws, "coach", "Coach", 5))
    perform(stack, record_edits.SetRoleCadence(ws, "coach", "Coach", None, reset=True))
    assert ws.role_cadences() == {}


def test_the_history_read_for_the_analysis(acme, database):
    ws, account, zhang, li, chen = acme
    today = dt.date(2026, 6, 30)
    ws.add_interaction(account, dt.datetime(2026, 2, 20, 23, 30), "meeting", [("person", zhang), ("member", chen)])
    ws.add_interaction(account, dt.datetime(2026, 6, 29, 9, 0), "email", [("person", li)])
    ws.add_survey_answer(zhang, dt.date(2026, 3, 1), 6)
    ws.add_survey_answer(zhang, dt.date(2026, 6, 1), 9)
    ws.add_survey_answer(li, dt.date(2026, 6, 1), 3)
    ws.update_person(li, {"cadence_days": 7})
    ws.set_role_cadence("economic_buyer", 60)
    ws.take_snapshot(account, "QBR")
    ws.update_person(li, {"stance": "skeptic"})
    gone = ws.add_person(account, "王强", role="coach", stance="advocate", archived=True)
    with database.sessionmaker() as session:
        data = read_map_data(session, account)
        health = read_health_input(session, data, today)
    assert health.cadence == {("person", zhang): 60, ("person", li): 7}
    assert health.snapshot_stances[("person", li)] == "supporter"
    assert [n.key for n in health.departed] == [("person", gone)]
    result = analyze(*analysis_input(data), health)
    z, lina = result.person(("person", zhang)), result.person(("person", li))
    # Met on 20 February late in the evening: 130 calendar days before 30 June, whatever the hour.
    assert z.last_contact_days == 130 and lina.last_contact_days == 1
    assert z.effective_coverage_level == 2 and "stale" in z.flags
    assert "cadence_overdue" in z.flags and "cadence_overdue" not in lina.flags
    assert z.satisfaction == 9 and lina.satisfaction == 3
    assert result.health.nps == 0.0
    risks = {r.name: r.reasons for r in result.health.champions_at_risk}
    assert risks == {"张伟": ("stale",), "李娜": ("turned",), "王强": ("left",)}


# --- JSON export and import ----------------------------------------------------------------------------------

def _export(database, account_id, shareable=False):
    from app.io.json_io import export_account_json

    with database.sessionmaker() as session:
        return export_account_json(session, account_id, shareable)


def _import(database, payload, tmp_path, name="Copy"):
    import json

    from app.io.json_io import import_account_json

    path = tmp_path / "account.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    with database.session() as session:
        return import_account_json(session, path, name, dry_run=False)


def test_json_round_trip_keeps_survey_answers_and_cadences(acme, database, tmp_path):
    ws, account, zhang, li, _chen = acme
    ws.add_survey_answer(zhang, dt.date(2026, 3, 1), 6, None, None)
    ws.add_survey_answer(zhang, dt.date(2026, 6, 1), 9, 4, "交付很顺利")
    ws.add_survey_answer(li, dt.date(2026, 6, 1), 3, 2, None)
    ws.update_person(li, {"cadence_days": 21})
    before = _export(database, account)
    assert before["surveys"] == [
        {"person": "张伟", "person_ref": f"p{zhang}", "date": "2026-03-01", "recommend": 6, "satisfaction": None,
         "comment": None},
        {"person": "张伟", "person_ref": f"p{zhang}", "date": "2026-06-01", "recommend": 9, "satisfaction": 4,
         "comment": "交付很顺利"},
        {"person": "李娜", "person_ref": f"p{li}", "date": "2026-06-01", "recommend": 3, "satisfaction": 2,
         "comment": None},
    ]
    assert {p["name"]: p["cadence_days"] for p in before["people"]} == {"张伟": None, "李娜": 21}
    assert _import(database, before, tmp_path).applied
    copy = ws.account_id_by_name("Copy")
    after = _export(database, copy)
    strip = [{k: v for k, v in s.items() if k != "person_ref"} for s in before["surveys"]]
    assert [{k: v for k, v in s.items() if k != "person_ref"} for s in after["surveys"]] == strip
    assert {p["name"]: p["cadence_days"] for p in after["people"]} == {"张伟": None, "李娜": 21}
    # A survey answer may name its person without a ref when the name is unique in the file.
    payload = dict(before, surveys=[{"person": "李娜", "date": "2026-07-01", "recommend": 10}])
    assert _import(database, payload, tmp_path, "Copy 2").applied
    assert [(a.recommend, a.satisfaction) for a in ws.survey_answers(ws.account_id_by_name("Copy 2"))] == [(10, None)]


def test_a_shareable_export_leaves_survey_answers_out(acme, database):
    ws, account, zhang, _li, _chen = acme
    ws.add_survey_answer(zhang, dt.date(2026, 6, 1), 2, 1, "太慢")
    assert _export(database, account, shareable=True)["surveys"] == []


@pytest.mark.parametrize(("survey", "words"), [
    ({"person": "张伟", "date": "2026-06-01", "recommend": 11}, ["surveys[0]", "recommend", "11"]),
    ({"person": "张伟", "date": "June", "recommend": 5}, ["surveys[0]", "date"]),
    ({"person": "张伟", "recommend": 5}, ["surveys[0]", "date is missing"]),
    ({"person": "张伟", "date": "2026-06-01", "recommend": 5, "satisfaction": 9}, ["surveys[0]", "satisfaction"]),
    ({"person": "nobody", "date": "2026-06-01", "recommend": 5}, ["surveys[0]", "nobody"]),
    ({"date": "2026-06-01", "recommend": 5}, ["surveys[0]", "person is missing"]),
    ({"person_ref": "m1", "date": "2026-06-01", "recommend": 5}, ["surveys[0]", "m1"]),
])
def test_json_import_refuses_bad_survey_answers_and_writes_nothing(acme, database, tmp_path, survey, words):
    from app.io.report import ImportRefused

    ws, account, _zhang, _li, _chen = acme
    payload = dict(_export(database, account), surveys=[survey])
    with pytest.raises(ImportRefused) as refused:
        _import(database, payload, tmp_path)
    for word in words:
        assert word in refused.value.reason
    assert ws.account_id_by_name("Copy") is None


def test_the_demo_accounts_have_survey_answers_and_relationships_gone_cold(workspace, database):
    from app.demo import DEMO_ACCOUNT_NAMES, load_demo

    with database.session() as session:
        load_demo(session)
    for name in DEMO_ACCOUNT_NAMES:
        account = workspace.account_id_by_name(name)
        answers = workspace.survey_answers(account)
        assert len(answers) >= 5 and all(0 <= a.recommend <= 10 for a in answers)
        with database.sessionmaker() as session:
            data = read_map_data(session, account)
            result = analyze(*analysis_input(data), read_health_input(session, data))
        # Every demo account shows something a seller should act on, and its NPS.
        assert result.health.stale and result.health.nps is not None
        assert result.health.effective_score < result.coverage_score
    with database.session() as session:  # loading again adds nothing
        assert load_demo(session) == []
    assert len(workspace.survey_answers(workspace.account_id_by_name(DEMO_ACCOUNT_NAMES[0]))) == 10
