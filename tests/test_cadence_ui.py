"""Contact cadence in the window: the defaults per buying role (People ▸ Contact cadence by role…), and the
overdue cadences beside the next actions with one click to plan the meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from app.analysis import Touch
from app.analysis.health import overdue_contacts
from tests.test_main_window import demo_db  # noqa: F401

TODAY = dt.date(2026, 11, 27)
SHOTS = Path("/tmp/shots-healthpack")


# -- the measure, by hand -------------------------------------------------------------------------------------
def test_overdue_contacts_by_hand():
    a, b, c, d, m = ("person", 1), ("person", 2), ("person", 3), ("person", 4), ("member", 9)
    cadence = {a: 30, b: 30, c: 45, d: 60}

    def touch(days, *who):
        return Touch(TODAY - dt.timedelta(days=days), "meeting", frozenset(who))

    touches = [touch(31, a, m), touch(40, a), touch(30, b), touch(100, c), touch(-3, d)]
    # a: latest 31 > 30, overdue by 1; b: exactly 30, not overdue; c: 100 > 45, by 55; d: only a future
    # meeting, so no contact yet — first of all.
    assert overdue_contacts(cadence, touches, TODAY) == [(d, 60, None), (c, 45, 100), (a, 30, 31)]
    assert overdue_contacts({}, touches, TODAY) == []


# -- the window ----------------------------------------------------------------------------------------------
@pytest.fixture
def stack(qapp):
    return QUndoStack()


@pytest.fixture
def acme(app, workspace):
    ws = workspace
    account = ws.create_account("Acme")
    zhang = ws.add_person(account, "张伟", role="economic_buyer", influence=5)
    li = ws.add_person(account, "李娜", role="technical_buyer")
    wang = ws.add_person(account, "王强", role="user_buyer")  # no cadence for users by default
    chen = ws.add_member("陈思远", account_id=account)
    zhou = ws.add_member("周海涛", account_id=account)
    ws.add_link(account, "covers", ("member", chen), ("person", zhang), 4)
    ws.add_link(account, "covers", ("member", zhou), ("person", zhang), 2)
    ws.add_interaction(account, dt.datetime(2026, 9, 1, 10), "meeting", [("person", zhang), ("member", chen)])
    ws.add_interaction(account, dt.datetime(2026, 11, 1, 10), "call", [("person", li), ("member", zhou)])
    return ws, account, {"zhang": zhang, "li": li, "wang": wang, "chen": chen}


def test_editing_a_role_cadence_is_undoable_and_refreshes_the_overdue_list(acme, stack, qtbot):
    from app.ui.records.actions import ActionsPanel
    from app.ui.records.cadence_dialog import RoleCadenceDialog

    ws, account, ids = acme
    panel = ActionsPanel(ws, stack)
    qtbot.addWidget(panel)
    panel.overdue.today = TODAY
    panel.set_account(account)
    # 张伟 (economic buyer, every 30 days) last met 87 days ago; 李娜 (technical buyer, 45) 26 days ago.
    assert [c.name for c in panel.overdue.contacts] == ["张伟"]
    dialog = RoleCadenceDialog(ws, stack)
    qtbot.addWidget(dialog)
    assert dialog.spins["economic_buyer"].value() == 30 and dialog.spins["user_buyer"].value() == 0
    assert not dialog.reset_buttons["technical_buyer"].isEnabled()

    # The user types 20 for technical buyers and leaves the field: one command, committed, the list follows.
    spin = dialog.spins["technical_buyer"]
    spin.setValue(20)
    spin.editingFinished.emit()
    assert ws.role_cadences() == {"technical_buyer": 20}
    assert stack.count() == 1 and stack.undoText() == "Set contact cadence of Technical buyer"
    assert [c.name for c in panel.overdue.contacts] == ["张伟", "李娜"]
    assert dialog.reset_buttons["technical_buyer"].isEnabled()
    spin.editingFinished.emit()  # leaving the field again with the same value records nothing
    assert stack.count() == 1

    stack.undo()
    assert ws.role_cadences() == {} and spin.value() == 45
    assert [c.name for c in panel.overdue.contacts] == ["张伟"]
    stack.redo()
    assert spin.value() == 20 and [c.name for c in panel.overdue.contacts] == ["张伟", "李娜"]

    # No cadence for economic buyers at all (0 shows "No cadence"), then back to the built-in 30 days.
    dialog.spins["economic_buyer"].setValue(0)
    dialog.spins["economic_buyer"].editingFinished.emit()
    assert ws.role_cadences()["economic_buyer"] is None
    assert [c.name for c in panel.overdue.contacts] == ["李娜"]
    dialog.reset_buttons["economic_buyer"].click()
    assert "economic_buyer" not in ws.role_cadences() and dialog.spins["economic_buyer"].value() == 30
    assert [c.name for c in panel.overdue.contacts] == ["张伟", "李娜"]


def test_one_click_plans_the_meeting_with_whoever_knows_them_best(acme, stack, qtbot):
    from app.ui.records.actions import ActionsPanel

    ws, account, ids = acme
    panel = ActionsPanel(ws, stack)
    qtbot.addWidget(panel)
    panel.overdue.today = TODAY
    panel.set_account(account)
    label = panel.overdue.labels[ids["zhang"]].text()
    assert "张伟" in label and "every 30 days, last contact 2 months ago" in label
    panel.overdue.plan_buttons[ids["zhang"]].click()
    actions = [a for a in ws.actions(account) if a.status == "open"]
    assert [(a.title, a.due_date, a.person_id, a.owner_id, a.priority) for a in actions] == [
        ("Meet 张伟 before 2026-12-04", dt.date(2026, 12, 4), ids["zhang"], ids["chen"], "high")]
    assert stack.undoText().startswith("Add action “Meet 张伟 before")  # shortened in the Edit menu
    # Planned: the row stays (the contact is still overdue) but the button does not plan it twice.
    button = panel.overdue.plan_buttons[ids["zhang"]]
    assert not button.isEnabled() and button.text() == "Planned"
    assert panel.model.rowCount() == 1  # and the action is in the table above
    stack.undo()
    assert ws.actions(account) == [] and panel.overdue.plan_buttons[ids["zhang"]].isEnabled()
    # A meeting logged today clears the row.
    ws.add_interaction(account, dt.datetime(2026, 11, 27, 9), "visit", [("person", ids["zhang"])])
    assert panel.overdue.contacts == []
    assert "Everyone with a contact cadence" in panel.overdue._body.findChildren(type(panel.overdue.title))[0].text()


def test_a_person_s_own_cadence_comes_before_the_role_s(acme, stack, qtbot):
    from app.ui.records.overdue_contacts import OverdueContactsPanel

    ws, account, ids = acme
    panel = OverdueContactsPanel(ws, stack)
    qtbot.addWidget(panel)
    panel.today = TODAY
    panel.set_account(account)
    ws.update_person(ids["wang"], {"cadence_days": 14})
    assert [(c.name, c.cadence_days, c.last_contact_days) for c in panel.contacts] == [
        ("王强", 14, None), ("张伟", 30, 87)]
    assert "no contact on record" in panel.labels[ids["wang"]].text()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots_of_the_cadence_dialog_and_the_overdue_list(demo, stack, qtbot, language):
    from app.i18n import language as lang
    from app.i18n import translate
    from app.ui.records.actions import ActionsPanel
    from app.ui.records.cadence_dialog import RoleCadenceDialog

    lang.install(language)
    try:
        dialog = RoleCadenceDialog(demo, stack)
        qtbot.addWidget(dialog)
        dialog.spins["technical_buyer"].setValue(21)
        dialog.spins["technical_buyer"].editingFinished.emit()
        dialog.show()
        dialog.adjustSize()
        SHOTS.mkdir(exist_ok=True)
        assert dialog.grab().save(str(SHOTS / f"cadence_dialog_{language}.png"))
        assert dialog.windowTitle() == translate("RoleCadenceDialog", "Contact cadence by role")
        panel = ActionsPanel(demo, stack)
        qtbot.addWidget(panel)
        panel.set_account(demo.account_id_by_name("恒岳重工集团 Hengyue Heavy Industries"))
        assert panel.overdue.contacts, "the demo has overdue contacts"
        for width, height in ((1280, 800), (1920, 1080)):
            panel.resize(width // 3, height // 2)  # the records dock's share of the window
            panel.show()
            assert panel.grab().save(str(SHOTS / f"actions_overdue_{language}_{width}.png"))
    finally:
        lang.install("en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_offers_the_cadence_dialog_and_the_overdue_list(qtbot, demo_db, monkeypatch, language):  # noqa: F811
    from app.demo import DEMO_ACCOUNT_NAMES
    from app.i18n import language as lang
    from app.ui.records.cadence_dialog import RoleCadenceDialog
    from tests.test_main_window import start, stop

    controller, window = start(qtbot, demo_db, language)
    try:
        people_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() is not None
                           and window.cadence_action in a.menu().actions())
        assert people_menu is not None and window.cadence_action.isEnabled()
        window.select_account(window.workspace.account_id_by_name(DEMO_ACCOUNT_NAMES[0]))
        panel = window.record_panels["actions"]
        qtbot.waitUntil(lambda: bool(panel.overdue.contacts), timeout=10000)
        before = {c.name for c in panel.overdue.contacts}

        def edit(dialog):  # what the user does in the dialog: influencers every 30 days
            dialog.spins["influencer"].setValue(30)
            dialog.spins["influencer"].editingFinished.emit()
            return 0

        monkeypatch.setattr(RoleCadenceDialog, "exec", edit)
        window.cadence_action.trigger()
        influencers = {p.name for p in window.workspace.people(window.account_id) if p.role == "influencer"}
        after = {c.name for c in panel.overdue.contacts}
        assert after - before and after - before <= influencers
        assert window.undo_stack.canUndo()
        window.undo_stack.undo()
        assert {c.name for c in panel.overdue.contacts} == before
        window.record_tabs.setCurrentIndex(window.record_tabs.indexOf(
            next(window.record_tabs.widget(i) for i in range(window.record_tabs.count())
                 if window.record_tabs.widget(i).isAncestorOf(panel))))
        for width, height in ((1280, 800), (1920, 1080)):
            window.resize(width, height)
            qtbot.wait(50)
            assert window.grab().save(str(SHOTS / f"window_actions_{language}_{width}.png"))
    finally:
        stop(controller)
        lang.install("en")


def test_a_long_overdue_list_shows_the_longest_overdue_and_counts_the_rest(app, workspace, stack, qtbot):
    from app.ui.records.overdue_contacts import MAX_LISTED, OverdueContactsPanel

    account = workspace.create_account("Big")
    for i in range(MAX_LISTED + 5):
        workspace.add_person(account, f"Person {i:02d}", role="economic_buyer")
    panel = OverdueContactsPanel(workspace, stack)
    qtbot.addWidget(panel)
    panel.today = TODAY
    panel.set_account(account)
    assert len(panel.contacts) == MAX_LISTED + 5 and len(panel.plan_buttons) == MAX_LISTED
    assert panel.title.text() == f"Contact overdue ({MAX_LISTED + 5})"
    assert any(label.text() == "… and 5 more" for label in panel._body.findChildren(type(panel.title)))
