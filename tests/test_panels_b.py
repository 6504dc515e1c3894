"""The History and Snapshots panels on the demo data: models, gestures through commands, the contact strip,
comparing snapshots and marking the map, and screenshots in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.demo import DEMO_ACCOUNT_NAMES
from app.ui.records.history import HistoryPanel, InteractionDialog
from app.ui.records.snapshots import MARK_COLOR, SnapshotsPanel
from app.views.history_model import HistoryModel, month_starts
from app.views.snapshots_model import SnapshotsModel

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "screenshots"
BANK = DEMO_ACCOUNT_NAMES[1]



@pytest.fixture
def bank_id(demo) -> int:
    return demo.account_id_by_name(BANK)


@pytest.fixture
def stack(qapp):
    return QUndoStack()


@pytest.fixture
def history(qtbot, demo, bank_id, stack):
    panel = HistoryPanel(demo, stack)
    qtbot.addWidget(panel)
    panel.set_account(bank_id)
    return panel


@pytest.fixture
def snapshots(qtbot, demo, bank_id, stack):
    panel = SnapshotsPanel(demo, stack)
    qtbot.addWidget(panel)
    panel.set_account(bank_id)
    return panel


def _person(ws, account_id, stance: str):
    return next(p for p in ws.people(account_id, include_archived=False) if p.stance == stance)


# -- models ---------------------------------------------------------------------------------------
def test_history_model_passes_model_tester(qtmodeltester, demo, bank_id):
    model = HistoryModel(demo)
    model.set_account(bank_id)
    assert model.rowCount() > 5
    qtmodeltester.check(model)


def test_snapshots_model_passes_model_tester(qtmodeltester, demo, bank_id):
    demo.take_snapshot(bank_id, "before QBR")
    demo.take_snapshot(bank_id, "after QBR")
    model = SnapshotsModel(demo)
    model.set_account(bank_id)
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_history_is_newest_first_with_names_and_signed_sentiment(history, demo, bank_id):
    rows = history.model.interactions()
    assert [r.occurred_at for r in rows] == sorted((r.occurred_at for r in rows), reverse=True)
    with_sentiment = next(i for i, r in enumerate(rows) if r.sentiment is not None and r.sentiment != 0)
    text = history.model.index(with_sentiment, HistoryModel.SENTIMENT).data()
    assert text.startswith("+" if rows[with_sentiment].sentiment > 0 else "−")
    names = {p.name for p in demo.people(bank_id)} | {m.name for m in demo.members()}
    shown = history.model.index(0, HistoryModel.PARTICIPANTS).data().split(", ")
    assert shown and set(shown) <= names


# -- logging, editing, deleting ------------------------------------------------------------------
def test_log_interaction_through_the_panel_then_undo_and_redo(history, demo, bank_id, stack, monkeypatch):
    person = demo.people(bank_id, include_archived=False)[0]
    member = demo.account_members(bank_id)[0]
    history.set_default_participants([("person", person.id)])
    seen = {}

    def fill_and_accept(dialog: InteractionDialog) -> int:
        seen["defaults"] = dialog.values()["participants"]
        seen["when"] = dialog.values()["occurred_at"]
        dialog.channel.setCurrentIndex(dialog.channel.findData("visit"))
        dialog.set_checked([("person", person.id), ("member", member.id)])
        dialog.summary.setPlainText("Walked through the pilot plan")
        dialog.sentiment.setCurrentIndex(dialog.sentiment.findData(1))
        return 1

    monkeypatch.setattr(InteractionDialog, "exec", fill_and_accept)
    before = len(demo.interactions(bank_id))
    new_id = history.log_interaction()
    assert seen["defaults"] == [("person", person.id)]
    assert abs(seen["when"] - dt.datetime.now()) < dt.timedelta(minutes=2)
    stored = next(i for i in demo.interactions(bank_id) if i.id == new_id)
    assert (stored.channel, stored.summary, stored.sentiment) == ("visit", "Walked through the pilot plan", 1)
    assert set(stored.participants) == {("person", person.id), ("member", member.id)}
    assert history.model.rowCount() == before + 1
    stack.undo()
    assert new_id not in {i.id for i in demo.interactions(bank_id)}
    assert history.model.rowCount() == before
    stack.redo()
    assert new_id in {i.id for i in demo.interactions(bank_id)}
    assert history.model.rowCount() == before + 1


def test_edit_and_delete_go_through_commands(history, demo, bank_id, stack, monkeypatch):
    history.view.selectRow(0)
    record = history.current_interaction()

    def change_summary(dialog: InteractionDialog) -> int:
        dialog.summary.setPlainText("Rewritten summary")
        return 1

    monkeypatch.setattr(InteractionDialog, "exec", change_summary)
    history.edit_current()
    assert next(i for i in demo.interactions(bank_id) if i.id == record.id).summary == "Rewritten summary"
    stack.undo()
    assert next(i for i in demo.interactions(bank_id) if i.id == record.id).summary == record.summary

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    history.view.selectRow(0)
    history.delete_current()
    assert record.id not in {i.id for i in demo.interactions(bank_id)}
    stack.undo()
    assert record.id in {i.id for i in demo.interactions(bank_id)}


def test_person_filter_narrows_to_their_interactions(history, demo, bank_id):
    everyone = demo.interactions(bank_id)
    counts = {}
    for record in everyone:
        for kind, ident in record.participants:
            if kind == "person":
                counts[ident] = counts.get(ident, 0) + 1
    person_id = max(counts, key=counts.get)
    history.set_person_filter(person_id)
    shown = history.model.interactions()
    assert 0 < len(shown) == counts[person_id] < len(everyone)
    assert all(("person", person_id) in r.participants for r in shown)
    assert history.person_filter.currentData() == person_id
    history.set_person_filter(None)
    assert len(history.model.interactions()) == len(everyone)


def test_strip_counts_contacts_per_month(history, demo, bank_id):
    today = dt.date.today()
    months = [(d.year, d.month) for d in month_starts(today)]
    assert len(months) == 12 and months[-1] == (today.year, today.month)
    records = demo.interactions(bank_id)
    expected = [sum(1 for r in records if (r.occurred_at.year, r.occurred_at.month) == m) for m in months]
    assert sum(expected) > 0
    assert history.strip.bar_heights() == expected

    person_id = next(k[1] for r in records for k in r.participants if k[0] == "person")
    history.set_person_filter(person_id)
    mine = [r for r in records if ("person", person_id) in r.participants]
    assert history.strip.bar_heights() == [
        sum(1 for r in mine if (r.occurred_at.year, r.occurred_at.month) == m) for m in months]


# -- snapshots ------------------------------------------------------------------------------------
def test_take_compare_mark_and_delete_snapshots(snapshots, demo, bank_id, stack, monkeypatch):
    from app.views.map.scene import MapScene

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("before QBR", True)))
    snapshot_id = snapshots.take_snapshot()
    assert [s.name for s in demo.snapshots(bank_id)] == ["before QBR"]
    stored = demo.snapshot(snapshot_id).data
    assert snapshots.before.currentData() == snapshot_id and snapshots.after.currentData() is None
    assert snapshots.shown_groups() == {}

    skeptic, supporter = _person(demo, bank_id, "skeptic"), _person(demo, bank_id, "supporter")
    demo.update_person(skeptic.id, {"stance": "supporter"})
    demo.update_person(supporter.id, {"stance": "opponent"})
    groups = snapshots.shown_groups()
    assert set(groups) == {"toward_us", "away_from_us"}
    assert groups["toward_us"] == [f"{skeptic.name}: Skeptic → Supporter"]
    assert groups["away_from_us"] == [f"{supporter.name}: Supporter → Opponent"]

    scene = MapScene(demo)
    scene.show_account(bank_id)
    marked = snapshots.mark_on_map(scene)
    assert marked == {("person", skeptic.id), ("person", supporter.id)}
    ringed = {c.key for c in scene.card_items() if c.change_mark is not None}
    assert ringed == marked
    assert all(scene.card(k).change_mark == MARK_COLOR for k in marked)
    # An analysis overlay drawn or cleared meanwhile (as when another card is selected) leaves the marks.
    from app.views.map import overlays

    overlays.route(scene, [("person", skeptic.id)])
    overlays.clear(scene)
    assert {c.key for c in scene.card_items() if c.change_mark is not None} == marked
    snapshots.clear_marks()
    assert not any(c.change_mark is not None for c in scene.card_items())

    # A snapshot keeps the map as it was, whatever is edited later.
    demo.update_person(skeptic.id, {"stance": "advocate", "influence": 1})
    assert demo.snapshot(snapshot_id).data == stored

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    snapshots.view.selectRow(0)
    snapshots.delete_current()
    assert demo.snapshots(bank_id) == []
    stack.undo()
    assert demo.snapshot(snapshot_id).data == stored
    stack.undo()  # the take itself
    assert demo.snapshots(bank_id) == []


def test_checkbox_rings_cards_of_the_scene(snapshots, demo, bank_id):
    from app.views.map.scene import MapScene

    demo.take_snapshot(bank_id, "start")
    person = _person(demo, bank_id, "neutral")
    demo.update_person(person.id, {"role": "coach"})
    scene = MapScene(demo)
    scene.show_account(bank_id)
    snapshots.set_scene(scene)
    assert "role_changes" in snapshots.shown_groups()
    snapshots.mark.setChecked(True)
    assert {c.key for c in scene.card_items() if c.change_mark is not None} == {("person", person.id)}
    snapshots.mark.setChecked(False)
    assert not any(c.change_mark is not None for c in scene.card_items())


# -- screenshots ----------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots(qtbot, demo, bank_id, stack, language):
    from app.i18n import language as lang

    try:
        lang.install(language)
        history = HistoryPanel(demo, stack)
        snapshots = SnapshotsPanel(demo, stack)
        for panel in (history, snapshots):
            qtbot.addWidget(panel)
            panel.set_account(bank_id)
        if language != "en":
            assert history.log_button.text() == "记录互动…"
        snapshot_id = demo.take_snapshot(bank_id, "before QBR" if language == "en" else "QBR 之前",
                                         dt.datetime.now() - dt.timedelta(days=30))
        skeptic = _person(demo, bank_id, "skeptic")
        demo.update_person(skeptic.id, {"stance": "supporter", "influence": 4})
        demo.update_person(_person(demo, bank_id, "supporter").id, {"stance": "skeptic"})
        snapshots.before.setCurrentIndex(snapshots.before.findData(snapshot_id))
        SCREENSHOTS.mkdir(exist_ok=True)
        tag = "en" if language == "en" else "zh"
        for panel, name, size in ((history, "history", (900, 560)), (snapshots, "snapshots", (560, 620))):
            panel.resize(*size)
            panel.show()
            qtbot.waitExposed(panel)
            qtbot.wait(50)
            assert panel.grab().save(str(SCREENSHOTS / f"panel_{name}_{tag}.png"))
    finally:
        lang.install("en")
