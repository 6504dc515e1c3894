"""The Needs, Next actions and Opportunities panels on the demo data: models, edits, undo, and a look."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog

from app.demo import DEMO_ACCOUNT_NAMES, load_demo
from app.document.records import ActionRecord
from app.ui.records.actions import ActionsPanel
from app.ui.records.needs import NeedDialog, NeedsPanel
from app.ui.records.opportunities import OpportunitiesPanel, OpportunityDialog
from app.views.actions_model import OVERDUE_COLOR, OVERDUE_ROLE, ActionsModel, overdue_people
from app.views.needs_model import NeedsModel
from app.views.opportunities_model import OpportunitiesModel

HENGYUE, BANK, HERUN = DEMO_ACCOUNT_NAMES
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
DISPLAY = Qt.ItemDataRole.DisplayRole



@pytest.fixture
def bank_id(demo) -> int:
    return demo.account_id_by_name(BANK)


@pytest.fixture
def stack():
    return QUndoStack()


def _person_id(ws, account_id: int, name: str) -> int:
    return next(p.id for p in ws.people(account_id) if p.name == name)


def test_models_pass_qt_checks(demo, bank_id, qtmodeltester):
    needs, actions, opportunities = NeedsModel(demo), ActionsModel(demo), OpportunitiesModel(demo)
    for model in (needs, actions, opportunities):
        model.set_account(bank_id)
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    actions.set_show_closed(True)
    qtmodeltester.check(actions)


def test_add_a_need_through_the_panel_then_undo_and_redo(demo, bank_id, stack, qtbot, monkeypatch):
    panel = NeedsPanel(demo, stack)
    qtbot.addWidget(panel)
    panel.set_account(bank_id)
    before = panel.model.rowCount()
    person = demo.people(bank_id)[0]

    def fill(dialog: NeedDialog) -> int:
        dialog.person.setCurrentIndex(dialog.person.findData(person.id))
        dialog.kind.setCurrentIndex(dialog.kind.findData("personal"))
        dialog.description.setPlainText("Wants a quiet go-live")
        dialog.priority.setCurrentIndex(dialog.priority.findData("high"))
        dialog.value_proposition.setPlainText("Phased migration with rollback")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NeedDialog, "exec", fill)
    panel.add_button.click()

    def stored():
        return [n for n in demo.needs(bank_id) if n.description == "Wants a quiet go-live"]

    (need,) = stored()
    assert (need.person_id, need.kind, need.priority, need.status) == (person.id, "personal", "high", "identified")
    assert need.value_proposition == "Phased migration with rollback"
    assert panel.model.rowCount() == before + 1
    row = panel.model.row_of(need.id)
    assert panel.model.index(row, NeedsModel.PERSON).data() == person.name
    stack.undo()
    assert stored() == [] and panel.model.rowCount() == before
    stack.redo()
    assert stored() == [need] and panel.model.rowCount() == before + 1


def test_person_filter_narrows_the_needs_to_that_person(demo, bank_id, stack, qtbot):
    panel = NeedsPanel(demo, stack)
    qtbot.addWidget(panel)
    panel.set_account(bank_id)
    qian = _person_id(demo, bank_id, "钱卫东")
    expected = {n.id for n in demo.needs(bank_id) if n.person_id == qian}
    assert expected and panel.model.rowCount() > len(expected)
    panel.set_person_filter(qian)
    shown = {panel.model.need_at(r).id for r in range(panel.model.rowCount())}
    assert shown == expected
    panel.set_person_filter(None)
    assert panel.model.rowCount() == len(demo.needs(bank_id))


def test_kind_filter_shows_only_that_kind(demo, bank_id, stack, qtbot):
    panel = NeedsPanel(demo, stack)
    qtbot.addWidget(panel)
    panel.set_account(bank_id)
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("business"))
    kinds = {panel.model.need_at(r).kind for r in range(panel.model.rowCount())}
    assert kinds == {"business"}
    account_wide = [r for r in range(panel.model.rowCount()) if panel.model.need_at(r).person_id is None]
    assert panel.model.index(account_wide[0], NeedsModel.PERSON).data() == "Account"


def test_ticking_the_checkbox_completes_the_action_undoably(demo, bank_id, stack, qtbot):
    panel = ActionsPanel(demo, stack)
    qtbot.addWidget(panel)
    panel.set_account(bank_id)
    model = panel.model
    # The view's checkbox writes through the sorting proxy, as a click would.
    index = panel.proxy.index(0, ActionsModel.DONE)
    action = model.action_at(panel.proxy.mapToSource(index).row())
    assert action.status == "open"
    assert index.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert panel.proxy.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)

    def status() -> str:
        return next(a.status for a in demo.actions(bank_id) if a.id == action.id)

    assert status() == "done"
    assert stack.undoText().startswith("Complete")
    assert model.row_of(action.id) is None  # open actions only, by default
    panel.show_closed.setChecked(True)
    row = model.row_of(action.id)
    assert model.index(row, ActionsModel.DONE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    stack.undo()
    assert status() == "open"
    stack.redo()
    assert status() == "done"


def test_overdue_actions_are_marked_and_sorted_by_due_date(demo, bank_id, stack, qtbot):
    panel = ActionsPanel(demo, stack)
    qtbot.addWidget(panel)
    panel.set_account(bank_id)
    model, proxy = panel.model, panel.proxy
    overdue = [r for r in range(model.rowCount()) if model.action_at(r).is_overdue()]
    assert len(overdue) == 3  # the demo bank has three open actions past their date
    for r in range(model.rowCount()):
        due = model.index(r, ActionsModel.DUE)
        is_overdue = r in overdue
        assert due.data(OVERDUE_ROLE) is is_overdue
        assert ("Overdue" in due.data()) is is_overdue
        brush = model.index(r, ActionsModel.TITLE).data(Qt.ItemDataRole.ForegroundRole)
        assert (brush is not None and brush.color() == OVERDUE_COLOR) is is_overdue
    dates = [model.action_at(proxy.mapToSource(proxy.index(r, 0)).row()).due_date for r in range(proxy.rowCount())]
    assert dates == sorted(dates)


def test_overdue_people_lists_people_with_open_actions_past_due():
    today = dt.date(2024, 6, 10)

    def action(ident, person, due, status="open"):
        return ActionRecord(ident, 1, f"a{ident}", None, due, person, "medium", status)

    actions = [
        action(1, 10, dt.date(2024, 6, 9)),  # overdue
        action(2, 11, dt.date(2024, 6, 10)),  # due today: not yet overdue
        action(3, 12, dt.date(2024, 5, 1), "done"),
        action(4, 13, dt.date(2024, 5, 1), "cancelled"),
        action(5, None, dt.date(2024, 5, 1)),  # overdue but about no one
        action(6, 14, None),
        action(7, 10, dt.date(2024, 1, 1)),
        action(8, 15, dt.date(2023, 12, 31)),
    ]
    assert overdue_people(actions, today) == {10, 15}
    assert overdue_people([], today) == set()


def test_add_an_opportunity_and_see_the_weighted_pipeline(demo, bank_id, stack, qtbot, monkeypatch):
    panel = OpportunitiesPanel(demo, stack)
    qtbot.addWidget(panel)
    panel.set_account(bank_id)
    # The demo bank's one opportunity: CNY 52m at 30 %.
    assert panel.pipeline.text() == "Weighted pipeline: CNY 15.6m"

    def fill(dialog: OpportunityDialog) -> int:
        dialog.name.setText("Disaster recovery site")
        dialog.stage.setCurrentIndex(dialog.stage.findData("requirements"))
        dialog.value.set_text("8,000,000")
        dialog.probability.set_text("25")
        dialog.expected_close.set_date(dt.date(2031, 3, 31))
        dialog.competitors.setText("Huawei")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OpportunityDialog, "exec", fill)
    panel.add_button.click()

    def stored():
        return [o for o in demo.opportunities(bank_id) if o.name == "Disaster recovery site"]

    (opportunity,) = stored()
    assert (opportunity.value, opportunity.currency, opportunity.probability) == (Decimal("8000000.00"), "CNY", 25)
    assert (opportunity.stage, opportunity.expected_close) == ("requirements", dt.date(2031, 3, 31))
    # 52,000,000 × 30 % + 8,000,000 × 25 % = 15,600,000 + 2,000,000
    assert panel.pipeline.text() == "Weighted pipeline: CNY 17.6m"
    stack.undo()
    assert stored() == [] and panel.pipeline.text() == "Weighted pipeline: CNY 15.6m"
    stack.redo()
    assert stored() == [opportunity] and panel.pipeline.text() == "Weighted pipeline: CNY 17.6m"


def test_pipeline_keeps_currencies_apart(demo, bank_id, stack, qtbot):
    panel = OpportunitiesPanel(demo, stack)
    qtbot.addWidget(panel)
    panel.set_account(bank_id)
    demo.add_opportunity(bank_id, "Hong Kong branch", value=Decimal("1234567.50"), currency="USD", probability=40)
    demo.add_opportunity(bank_id, "Lost bid", value=Decimal("9000000"), currency="CNY", probability=50,
                         stage="lost")
    assert panel.pipeline.text() == "Weighted pipeline: CNY 15.6m; USD 493,827"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots(demo, bank_id, stack, qtbot, qapp, language):
    from app.i18n import language as lang
    from app.ui.common.fonts import apply_application_font

    apply_application_font(qapp)
    lang.install(language)
    try:
        SCREENSHOTS.mkdir(exist_ok=True)
        for name, cls in (("needs", NeedsPanel), ("actions", ActionsPanel), ("opportunities", OpportunitiesPanel)):
            panel = cls(demo, stack)
            qtbot.addWidget(panel)
            panel.resize(1100, 420)
            panel.set_account(bank_id)
            if name == "actions":
                panel.show_closed.setChecked(True)
            panel.show()
            qtbot.waitExposed(panel)
            if name == "needs":
                panel.view.resizeRowsToContents()
            tag = "en" if language == "en" else "zh"
            assert panel.grab().save(str(SCREENSHOTS / f"panel_{name}_{tag}.png"))
    finally:
        lang.install("en")


def test_edit_and_delete_a_need_after_confirmation(demo, bank_id, stack, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    panel = NeedsPanel(demo, stack)
    qtbot.addWidget(panel)
    panel.set_account(bank_id)
    need = panel.model.need_at(0)
    panel.view.selectRow(0)

    def validate(dialog: NeedDialog) -> int:
        dialog.status.setCurrentIndex(dialog.status.findData("addressed"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NeedDialog, "exec", validate)
    panel.edit_button.click()
    assert next(n for n in demo.needs(bank_id) if n.id == need.id).status == "addressed"

    panel.view.selectRow(panel.model.row_of(need.id))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    panel.delete_button.click()
    assert need.id in {n.id for n in demo.needs(bank_id)}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.delete_button.click()
    assert need.id not in {n.id for n in demo.needs(bank_id)}
    stack.undo()
    stack.undo()
    assert next(n for n in demo.needs(bank_id) if n.id == need.id).status == need.status


def test_who_takes_part_in_a_decision_is_stored_and_shown_on_the_map(qtbot, workspace, monkeypatch):
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QDialog

    from app.demo import DEMO_ACCOUNT_NAMES
    from app.ui.records.opportunities import OpportunitiesPanel, OpportunityDialog
    from app.views.map.scene import MapScene

    with workspace.database.session() as session:
        load_demo(session)
    account_id = workspace.account_id_by_name(DEMO_ACCOUNT_NAMES[0])
    stack = QUndoStack()
    panel = OpportunitiesPanel(workspace, stack)
    qtbot.addWidget(panel)
    panel.set_account(account_id)
    scene = MapScene(workspace)
    scene.show_account(account_id)
    panel.set_scene(scene)
    deciders = [p.id for p in workspace.people(account_id, include_archived=False)
                if p.role in ("economic_buyer", "decision_maker")]

    def tick_deciders(dialog):
        for i in range(dialog.people.count()):
            item = dialog.people.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in deciders:
                item.setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OpportunityDialog, "exec", tick_deciders)
    panel.view.selectRow(0)
    opportunity = panel.selected_opportunity()
    panel.edit_opportunity()
    stored = next(o for o in workspace.opportunities(account_id) if o.id == opportunity.id)
    assert set(stored.people) >= set(deciders) and deciders

    panel.view.selectRow(0)
    panel.show_on_map.setChecked(True)
    ringed = {c.key[1] for c in scene.card_items() if c.highlight is not None}
    assert ringed == set(stored.people)
    panel.show_on_map.setChecked(False)
    assert all(c.highlight is None for c in scene.card_items())

    stack.undo()
    again = next(o for o in workspace.opportunities(account_id) if o.id == opportunity.id)
    assert again.people == opportunity.people
