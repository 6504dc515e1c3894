"""The Satisfaction tab on the demo data: the answers listed, recording and deleting one through undoable
commands, the person filter, and the NPS figures and chart against the analysis of the account."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from app.demo import DEMO_ACCOUNT_NAMES
from app.ui.common.survey_dialog import SurveyAnswerDialog
from app.ui.records.satisfaction import SatisfactionPanel
from app.views.satisfaction_model import SatisfactionModel
from tests.test_main_window import demo_db  # noqa: F401

BANK = DEMO_ACCOUNT_NAMES[1]


@pytest.fixture
def stack(qapp):
    return QUndoStack()


@pytest.fixture
def bank_id(demo) -> int:
    return demo.account_id_by_name(BANK)


@pytest.fixture
def panel(qtbot, demo, bank_id, stack):
    widget = SatisfactionPanel(demo, stack)
    qtbot.addWidget(widget)
    widget.set_account(bank_id)
    return widget


def _analysis(ws, account_id):
    from app.analysis import analyze
    from app.document.analysis_input import analysis_input
    from app.document.health_input import read_health_input
    from app.document.map_reading import read_map_data

    with ws.database.read_session() as session:
        data = read_map_data(session, account_id)
        health = read_health_input(session, data)
    return analyze(*analysis_input(data), health)


def _shown(panel) -> list[tuple[str, str, str]]:
    model = panel.view.model()
    return [tuple(model.index(r, c).data() for c in (SatisfactionModel.PERSON, SatisfactionModel.DATE,
                                                     SatisfactionModel.RECOMMEND))
            for r in range(model.rowCount())]


def test_the_model_passes_the_model_tester(qtmodeltester, demo, bank_id):
    model = SatisfactionModel(demo)
    model.set_account(bank_id)
    qtmodeltester.check(model)


def test_the_tab_lists_the_demo_answers_newest_first(panel, demo, bank_id):
    answers = demo.survey_answers(bank_id)
    assert answers, "the demo bank has survey answers"
    names = {p.id: p.name for p in demo.people(bank_id, include_archived=True)}
    expected = sorted(((names[a.person_id], a.answered_on.isoformat(), str(a.recommend)) for a in answers),
                      key=lambda row: row[1], reverse=True)
    shown = _shown(panel)
    assert sorted(shown) == sorted(expected)
    assert [row[1] for row in shown] == sorted((row[1] for row in shown), reverse=True)


def test_the_figures_match_the_analysis_of_the_account(panel, demo, bank_id):
    health = _analysis(demo, bank_id).health
    figures = panel.model.figures()
    assert health.nps is not None
    assert figures.nps == pytest.approx(health.nps)
    assert figures.nps_weighted == pytest.approx(health.nps_weighted)
    assert f"{health.nps:+.0f}" in panel.figures.text()
    assert f"{health.nps_weighted:+.0f}" in panel.figures.text()
    # The chart's last point is the account as it stands now.
    _day, plain, weighted = panel.chart.series[-1]
    assert (plain, weighted) == pytest.approx((health.nps, health.nps_weighted))


def test_the_person_filter_shows_one_persons_answers_and_trend(panel, demo, bank_id):
    answers = demo.survey_answers(bank_id)
    person_id = max({a.person_id for a in answers}, key=lambda pid: sum(a.person_id == pid for a in answers))
    own = [a for a in answers if a.person_id == person_id]
    name = next(p.name for p in demo.people(bank_id, include_archived=True) if p.id == person_id)
    panel.person_filter.setCurrentIndex(panel.person_filter.findData(person_id))
    assert {row[0] for row in _shown(panel)} == {name}
    assert len(_shown(panel)) == len(own)
    assert panel.chart.trend == sorted((a.answered_on, a.recommend) for a in own)
    # The account figures stay the account's, whoever the table shows.
    assert panel.model.figures().nps == pytest.approx(_analysis(demo, bank_id).health.nps)
    panel.set_person_filter(None)
    assert len(_shown(panel)) == len(answers)
    assert panel.chart.trend == []


def test_recording_an_answer_is_undoable_and_moves_the_chart(panel, demo, bank_id, stack, monkeypatch):
    person = next(p for p in demo.people(bank_id, include_archived=False))
    today = dt.date.today()
    before = list(panel.chart.series)
    monkeypatch.setattr(SurveyAnswerDialog, "exec", lambda self: SurveyAnswerDialog.DialogCode.Accepted)
    monkeypatch.setattr(SurveyAnswerDialog, "values", lambda self: {
        "person_id": person.id, "answered_on": today, "recommend": 0, "satisfaction": 1, "comment": "Too slow"})
    answer_id = panel.record_answer()
    assert answer_id is not None
    assert (person.name, today.isoformat(), "0") in _shown(panel)
    assert panel.chart.series[-1][0] == today
    assert panel.model.figures().nps == pytest.approx(_analysis(demo, bank_id).health.nps)
    assert panel.chart.series != before
    stack.undo()
    assert (person.name, today.isoformat(), "0") not in _shown(panel)
    assert panel.chart.series == before
    stack.redo()
    assert (person.name, today.isoformat(), "0") in _shown(panel)


def test_deleting_an_answer_asks_first_and_is_undoable(panel, demo, bank_id, stack, monkeypatch):
    count = len(_shown(panel))
    panel.view.selectRow(0)
    assert panel.delete_button.isEnabled() and not panel.edit_button.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    panel.delete_answer()
    assert len(_shown(panel)) == count - 1
    stack.undo()
    assert len(_shown(panel)) == count


def test_the_window_has_a_satisfaction_tab_that_follows_the_map(qtbot, demo_db):  # noqa: F811
    from tests.test_main_window import start, stop

    controller, window = start(qtbot, demo_db)
    bank_id = window.workspace.account_id_by_name(BANK)
    assert window.select_account(bank_id)
    titles = [window.record_tabs.tabText(i) for i in range(window.record_tabs.count())]
    assert "Satisfaction" in titles
    panel = window.record_panels["satisfaction"]
    assert panel.view.model().rowCount() == len(window.workspace.survey_answers(bank_id))
    person_id = window.workspace.survey_answers(bank_id)[0].person_id
    window._on_map_selection([("person", person_id)])
    assert panel.model.person_filter == person_id
    assert panel.person_filter.currentData() == person_id
    stop(controller)


# -- import -----------------------------------------------------------------------------------------
def _write_csv(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_importing_a_csv_records_every_answer_in_one_undoable_step(panel, demo, bank_id, stack, tmp_path, qtbot):
    people = [p for p in demo.people(bank_id, include_archived=False) if p.email][:1] + \
        demo.people(bank_id, include_archived=False)[:1]
    first, second = people[0], people[1]
    before = len(_shown(panel))
    path = _write_csv(tmp_path / "survey.csv", [
        "person,e-mail,date,recommend,satisfaction,comment",
        f",{first.email},2026-03-01,9,5,Great pilot",
        f"{second.name},,2026/03/02,3,,",
    ])
    with qtbot.waitSignal(panel.import_finished, timeout=10000) as finished:
        assert panel.import_file(str(path)) is not None  # read in a worker: the window stays responsive
        assert panel.importing and not panel.import_button.isEnabled()
    command = finished.args[0]
    assert command is not None
    qtbot.waitUntil(lambda: not panel.importing)
    assert panel.import_button.isEnabled() and panel.import_progress.isHidden()
    shown = _shown(panel)
    assert len(shown) == before + 2
    assert (first.name, "2026-03-01", "9") in shown and (second.name, "2026-03-02", "3") in shown
    assert panel.model.figures().nps == pytest.approx(_analysis(demo, bank_id).health.nps)
    stack.undo()
    assert len(_shown(panel)) == before
    stack.redo()
    assert len(_shown(panel)) == before + 2


@pytest.mark.parametrize(("line", "reason", "message"), [
    ("Nobody Here,2026-03-01,9", "person", "Line 3: nobody named “Nobody Here”"),
    ("{name},1 March,9", "date", "Line 3: “1 March” is not a date"),
    ("{name},2026-03-01,11", "recommend", "Line 3: the recommend score “11”"),
])
def test_a_bad_row_refuses_the_whole_file_with_one_line(panel, demo, bank_id, tmp_path, monkeypatch, qtbot,
                                                         line, reason, message):
    name = demo.people(bank_id, include_archived=False)[0].name
    path = _write_csv(tmp_path / "survey.csv", ["person,date,recommend", f"{name},2026-03-01,8",
                                                line.format(name=name)])
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    before = demo.survey_answers(bank_id)
    with qtbot.waitSignal(panel.import_finished, timeout=10000) as finished:
        panel.import_file(str(path))
    assert finished.args == [None]
    assert len(warnings) == 1 and warnings[0].startswith(message) and "\n" not in warnings[0]
    assert demo.survey_answers(bank_id) == before


def test_a_workbook_of_answers_is_read_like_a_csv(demo, bank_id, tmp_path):
    from openpyxl import Workbook

    from app.io.survey_import import read_survey_answers

    person = demo.people(bank_id, include_archived=False)[0]
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "日期", "推荐意愿", "满意度", "意见"])
    sheet.append([person.name, dt.datetime(2026, 4, 1), 10, 4, "响应及时"])
    book.save(tmp_path / "survey.xlsx")
    rows = read_survey_answers(tmp_path / "survey.xlsx", [(person.id, person.name, None)])
    assert [(r.person_id, r.answered_on, r.recommend, r.satisfaction, r.comment) for r in rows] == [
        (person.id, dt.date(2026, 4, 1), 10, 4, "响应及时")]


def test_a_large_workbook_is_read_in_a_worker_with_progress(panel, demo, bank_id, stack, tmp_path, qtbot):
    import threading

    from openpyxl import Workbook

    import app.io.survey_import as survey_import

    person = demo.people(bank_id, include_archived=False)[0]
    book = Workbook()
    sheet = book.active
    sheet.append(["person", "date", "recommend"])
    for day in range(1, 1201):
        sheet.append([person.name, (dt.date(2023, 1, 1) + dt.timedelta(days=day)).isoformat(), day % 11])
    book.save(tmp_path / "big.xlsx")
    threads, steps = [], []
    real = survey_import.read_survey_answers

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    from unittest import mock

    import app.ui.records.survey_reader  # noqa: F401  (the worker imports the reader when it runs)

    before = len(demo.survey_answers(bank_id))
    with mock.patch.object(survey_import, "read_survey_answers", spy):
        with qtbot.waitSignal(panel.import_finished, timeout=30000) as finished:
            reader = panel.import_file(str(tmp_path / "big.xlsx"))
            reader.progress.connect(lambda done, total: steps.append((done, total)))
    assert finished.args[0] is not None
    assert threads and threads[0] is not threading.main_thread()
    assert steps[-1] == (1200, 1200) and len(steps) >= 3  # 0, 500, 1000, then all of it
    assert len(demo.survey_answers(bank_id)) == before + 1200
    stack.undo()
    assert len(demo.survey_answers(bank_id)) == before
