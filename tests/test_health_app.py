"""Relationship health in the window: the Analysis panel's summary, ranking and Relationships tab, the stale
marks on the map, and planning an overdue contact with one click."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QUndoStack

from app.analysis import Answer, HealthInput, Node, Touch
from app.i18n.relative_time import count_word, days_ago
from app.views.analysis_model import AnalysisModel


@pytest.mark.parametrize(("days", "text"), [
    (0, "today"), (1, "yesterday"), (5, "5 days ago"), (13, "13 days ago"), (14, "2 weeks ago"),
    (59, "8 weeks ago"), (60, "2 months ago"), (125, "4 months ago"), (364, "12 months ago"), (365, "a year ago"),
    (800, "2 years ago"),
])
def test_days_ago_in_english(qapp, days, text):
    assert days_ago(days) == text


def test_days_ago_in_chinese(qapp):
    from app.i18n.language import install

    install("zh_CN")
    try:
        assert days_ago(125) == "四个月前"
        assert days_ago(60) == "两个月前"
        assert days_ago(1) == "昨天"
        assert count_word(40) == "40"
    finally:
        install("en")


@pytest.fixture
def parts(qtbot, workspace):
    """Acme: 张伟 (economic buyer) trusted by 陈思远 but last met 130 days ago; 李娜 met last week; 王强 declared
    an advocate of ours but never met."""
    from app.ui.analysis.panel import AnalysisPanel
    from app.ui.map.panel import MapPanel

    ws = workspace
    today = dt.datetime.combine(dt.date.today(), dt.time(10))
    account = ws.create_account("Acme")
    zhang = ws.add_person(account, "张伟", role="economic_buyer", stance="advocate", influence=5)
    li = ws.add_person(account, "李娜", role="user_buyer", influence=2)
    wang = ws.add_person(account, "王强", role="technical_buyer", influence=3)
    chen = ws.add_member("陈思远")
    ws.assign_member(account, chen)
    ws.add_link(account, "covers", ("member", chen), ("person", zhang), 4)
    ws.add_link(account, "covers", ("member", chen), ("person", li), 3)
    ws.add_link(account, "covers", ("member", chen), ("person", wang), 5)  # claimed, never met
    ws.add_interaction(account, today - dt.timedelta(days=130), "meeting", [("person", zhang), ("member", chen)])
    ws.add_interaction(account, today - dt.timedelta(days=6), "visit", [("person", li), ("member", chen)])
    ws.add_survey_answer(zhang, dt.date.today(), 9)
    stack = QUndoStack()
    map_panel = MapPanel(ws, stack)
    panel = AnalysisPanel(ws, map_panel, undo_stack=stack)
    for widget in (map_panel, panel):
        qtbot.addWidget(widget)
        widget.show()
    map_panel.resize(1200, 800)
    panel.resize(520, 800)
    map_panel.show_account(account)
    panel.set_account(account)
    qtbot.waitUntil(lambda: panel.analysis is not None, timeout=10000)
    return ws, account, map_panel, panel, stack, {"zhang": zhang, "li": li, "wang": wang, "chen": chen}


def test_summary_and_ranking_show_declared_beside_effective(parts):
    _ws, _account, _map, panel, _stack, ids = parts
    text = panel.summary.text()
    # Declared: everyone, 100 %; effective: 张伟 4 − 2 = 2, 李娜 3 (2 of 10), 王强 5 − 1 = 4 (3) → 50 %.
    assert "Effective coverage: 100% declared, 50% once time is counted; 1 gone stale" in text
    assert "NPS: +100" in text
    model = panel.model
    row = model.row_of(("person", ids["zhang"]))
    assert model.index(row, AnalysisModel.EFFECTIVE).data() == "2 · Acquainted"
    assert model.index(row, AnalysisModel.LAST_CONTACT).data() == "4 months ago"
    assert "gone stale" in model.index(row, AnalysisModel.FLAGS).data()
    never = model.row_of(("person", ids["wang"]))
    assert model.index(never, AnalysisModel.LAST_CONTACT).data() == "—"


def test_stale_cards_and_covers_links_are_marked_on_the_map(parts):
    _ws, _account, map_panel, _panel, _stack, ids = parts
    scene = map_panel.scene
    assert {c.key for c in scene.card_items() if c.stale} == {("person", ids["zhang"])}
    faded = {(link.source.key, link.target.key) for link in scene.link_items() if link.stale}
    assert faded == {(("member", ids["chen"]), ("person", ids["zhang"]))}


def test_the_relationships_tab_says_what_to_do_and_selects_the_card(parts, qtbot):
    _ws, _account, map_panel, panel, _stack, ids = parts
    fresh = panel.freshness
    panel.tabs.setCurrentWidget(fresh)
    assert fresh.titles["stale"].text() == "Gone stale (1)"
    stale = fresh.entries["stale"]
    assert [e.text for e in stale] == ["张伟 — last met 4 months ago — book a meeting"]
    assert stale[0].label.isVisible()
    chosen = []
    panel.person_activated.connect(chosen.append)
    fresh.activate(stale[0])
    assert chosen == [("person", ids["zhang"])]
    assert panel.model.person_at(panel.proxy.mapToSource(panel.table.currentIndex()).row()).key == (
        "person", ids["zhang"])
    # Economic buyer every 30 days (met 130 days ago), technical buyer every 45 (never); 李娜 met 6 days ago.
    assert sorted(e.text for e in fresh.entries["cadence"]) == [
        "张伟 — every 30 days, last contact 4 months ago", "王强 — every 45 days, no contact on record"]
    assert [e.text for e in fresh.entries["claims"]] == [
        "王强 — 陈思远 declares “5 · Advocate”, the last 180 days show “none”"]
    assert [e.text for e in fresh.entries["champions"]] == [
        "张伟 — the relationship has gone stale", "张伟 — our only strong relationship (陈思远) has gone stale"]


def test_one_click_plans_an_overdue_contact_and_undo_takes_it_back(parts, qtbot):
    ws, account, _map, panel, stack, ids = parts
    button = panel.freshness.plan_buttons[("person", ids["zhang"])]
    button.click()
    due = dt.date.today() + dt.timedelta(days=7)
    actions = ws.actions(account)
    assert [(a.title, a.due_date, a.person_id, a.owner_id, a.priority) for a in actions] == [
        (f"Meet 张伟 before {due.isoformat()}", due, ids["zhang"], ids["chen"], "high")]
    assert not button.isEnabled() and button.text() == "Planned"
    stack.undo()
    assert ws.actions(account) == []
    assert button.isEnabled() and button.text() == "Plan contact"


def test_a_logged_meeting_refreshes_freshness(parts, qtbot):
    ws, account, map_panel, panel, _stack, ids = parts
    ws.add_interaction(account, dt.datetime.now().replace(microsecond=0), "meeting",
                       [("person", ids["zhang"]), ("member", ids["chen"])])
    qtbot.waitUntil(lambda: panel.analysis.health.stale == [], timeout=10000)
    assert not any(c.stale for c in map_panel.scene.card_items())
    assert panel.freshness.titles["stale"].text() == "Gone stale (0)"
    assert panel.freshness.entries["stale"] == []


def test_an_analysis_without_history_has_no_champions_or_answers():
    # The panel is given what analyze() returns; HealthInput's defaults mean "no history at all".
    from app.analysis import analyze

    result = analyze([Node(("person", 1), "A", "coach", "advocate")], [],
                     HealthInput(today=dt.date(2026, 1, 1), interactions=(Touch(dt.date(2026, 1, 1), "call",
                                                                                 frozenset({("person", 1)})),),
                                 answers=(Answer(("person", 1), dt.date(2026, 1, 1), 7),)))
    assert result.health.champions_at_risk == [] and result.health.nps == 0.0


def test_the_person_profile_edits_the_cadence_and_records_a_survey_answer(qtbot, tmp_path, monkeypatch):
    from app.demo import DEMO_ACCOUNT_NAMES, load_demo
    from app.storage.database import Database
    from app.ui.common.survey_dialog import SurveyAnswerDialog
    from tests.test_main_window import start, stop

    path = tmp_path / "demo.db"
    with Database.open(path) as db, db.session() as session:
        load_demo(session)
    controller, window = start(qtbot, path)
    ws = window.workspace
    account = ws.account_id_by_name(DEMO_ACCOUNT_NAMES[0])
    window.select_account(account)
    guo = next(p for p in ws.people(account) if p.name == "郭建军")
    window.account_page.map_panel.scene.card(("person", guo.id)).setSelected(True)
    profile = window.person_profile
    # The demo's two answers of 郭建军: 9, then 10.
    text = profile.survey.text()
    assert text.startswith("Recommends us 10/10") and "+1 since the answer before" in text

    profile.cadence.setValue(14)
    profile.cadence.editingFinished.emit()
    assert ws.person(guo.id).cadence_days == 14
    window.undo_action.trigger()
    assert ws.person(guo.id).cadence_days is None and profile.cadence.text() == "As the buying role"

    def answer(dialog):
        dialog.recommend.setValue(3)
        dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData(2))
        dialog.comment.setText("响应太慢")
        return SurveyAnswerDialog.DialogCode.Accepted

    monkeypatch.setattr(SurveyAnswerDialog, "exec", answer)
    profile.survey_button.click()
    latest = ws.survey_answers(account)[-1]
    assert (latest.person_id, latest.answered_on, latest.recommend, latest.satisfaction, latest.comment) == (
        guo.id, dt.date.today(), 3, 2, "响应太慢")
    assert profile.survey.text().startswith("Recommends us 3/10") and "−7" not in profile.survey.text()
    assert "-7 since the answer before" in profile.survey.text()
    window.undo_action.trigger()
    assert len(ws.survey_answers(account)) == 10
    stop(controller)
