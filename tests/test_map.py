"""The decision map, driven as a user drives it: every gesture goes through the same commands as the UI,
and is checked on the scene, in the database, and after undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from app.demo import DEMO_ACCOUNT_NAMES


def grid_positions(workspace, account_id: int) -> dict:
    """Place every card of an account on a plain grid, as if the user had arranged them."""
    data = workspace.map_data(account_id)
    keys = [("person", p.id) for p in data.people if not p.archived] + [("member", m.id) for m in data.members]
    return {key: (float((i % 8) * 280), float((i // 8) * 170)) for i, key in enumerate(keys)}


@pytest.fixture
def panel(qtbot, demo):
    from app.ui.map.panel import MapPanel

    account_id = demo.account_id_by_name(DEMO_ACCOUNT_NAMES[1])
    demo.set_positions(account_id, grid_positions(demo, account_id))
    stack = QUndoStack()
    widget = MapPanel(demo, stack)
    widget.undo_stack = stack
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_account(account_id)
    widget.view.set_zoom(0.8)  # readable cards, not the overview
    QApplication.processEvents()
    return widget


def db_position(workspace, account_id, key):
    data = workspace.map_data(account_id)
    if key[0] == "person":
        person = next(p for p in data.people if p.id == key[1])
        return (person.x, person.y)
    return data.member_positions[key[1]]


def viewport_point(panel, scene_pos: QPointF) -> QPoint:
    return panel.view.mapFromScene(scene_pos)


def mouse(panel, kind: QEvent.Type, scene_pos: QPointF, button=Qt.MouseButton.LeftButton,
          buttons=Qt.MouseButton.LeftButton, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    point = QPointF(viewport_point(panel, scene_pos))
    global_point = QPointF(panel.view.viewport().mapToGlobal(point.toPoint()))
    event = QMouseEvent(kind, point, global_point, button, buttons, modifiers)
    QApplication.sendEvent(panel.view.viewport(), event)


def drag(panel, start: QPointF, end: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    mouse(panel, QEvent.Type.MouseButtonPress, start, modifiers=modifiers)
    for step in range(1, 6):
        mouse(panel, QEvent.Type.MouseMove, start + (end - start) * (step / 5), button=Qt.MouseButton.NoButton,
              modifiers=modifiers)
    mouse(panel, QEvent.Type.MouseButtonRelease, end, buttons=Qt.MouseButton.NoButton, modifiers=modifiers)


def test_the_map_mirrors_the_account(panel, demo):
    account_id = panel.scene.account_id
    data = demo.map_data(account_id)
    people = [p for p in data.people if not p.archived]
    assert len([c for c in panel.scene.card_items() if c.key[0] == "person"]) == len(people)
    assert len([c for c in panel.scene.card_items() if c.key[0] == "member"]) == len(data.members)
    on_map = {("person", p.id) for p in people} | {("member", m.id) for m in data.members}
    assert {link.id for link in panel.scene.link_items()} == {
        link.id for link in data.links if link.source in on_map and link.target in on_map}
    some = people[3]
    card = panel.scene.card(("person", some.id))
    assert (card.pos().x(), card.pos().y()) == (some.x, some.y)
    # Influence reads as size; team members look different from the customer's people.
    sizes = {p.influence: panel.scene.card(("person", p.id)).size for p in people}
    assert sizes[5][0] > sizes[1][0]
    member = panel.scene.card(("member", data.members[0].id))
    assert member.is_member and member.size != card.size


def test_add_a_person_on_the_map_then_undo_and_redo(panel, demo, monkeypatch):
    from app.ui.map.person_dialogs import PersonDialog

    def accept(dialog):
        dialog.name.setText("韦一鸣")
        dialog.role.setCurrentIndex(dialog.role.findData("influencer"))
        return PersonDialog.DialogCode.Accepted

    monkeypatch.setattr(PersonDialog, "exec", accept)
    person_id = panel.controller.add_person_at(QPointF(123.0, 1456.0))  # free space, below the grid
    key = ("person", person_id)
    card = panel.scene.card(key)
    assert card is not None and (card.pos().x(), card.pos().y()) == (123.0, 1456.0)
    assert db_position(demo, panel.scene.account_id, key) == (123.0, 1456.0)
    assert panel.undo_stack.undoText() == "Add 韦一鸣"

    panel.undo_stack.undo()
    assert panel.scene.card(key) is None
    assert all(p.id != person_id for p in demo.people(panel.scene.account_id))
    panel.undo_stack.redo()
    assert panel.scene.card(key) is not None  # the same id comes back
    assert demo.person(person_id).role == "influencer"


def test_connect_two_cards_by_dragging_from_the_port(panel, demo, monkeypatch, qtbot):
    cards = [c for c in panel.scene.card_items() if c.key[0] == "person"]
    source, target = cards[0], cards[9]
    before = {link.id for link in panel.scene.link_items()}
    chosen = []
    monkeypatch.setattr(panel.controller, "ask_connect",
                        lambda s, t, _pos: (chosen.append((s, t)), panel.controller.connect(s, t, "influences", 4)))
    port = source.mapToScene(source.port_center())
    drag(panel, port, target.pos())
    assert chosen == [(source.key, target.key)]
    added = [link for link in panel.scene.link_items() if link.id not in before]
    assert len(added) == 1 and added[0].record.kind == "influences" and added[0].record.strength == 4
    link_id = added[0].id
    assert any(link.id == link_id and link.source == source.key for link in demo.links(panel.scene.account_id))
    # The line leaves and enters at the card borders, not at their centres.
    path = added[0].path()
    start, end = path.pointAtPercent(0), path.pointAtPercent(1)
    assert source.rect().translated(source.pos()).adjusted(-4, -4, 4, 4).contains(start)
    assert not source.rect().translated(source.pos()).adjusted(2, 2, -2, -2).contains(start)
    assert not target.rect().translated(target.pos()).adjusted(2, 2, -2, -2).contains(end)

    panel.undo_stack.undo()
    assert panel.scene.link(link_id) is None
    assert all(link.id != link_id for link in demo.links(panel.scene.account_id))
    panel.undo_stack.redo()
    assert panel.scene.link(link_id) is not None


def test_drag_a_selection_stores_positions_once_on_release(panel, demo):
    cards = [c for c in panel.scene.card_items() if c.key[0] == "person"][:2]
    starts = {c.key: c.pos() for c in cards}
    for card in cards:
        card.setSelected(True)
    writes = []
    demo.positions_changed.connect(lambda change: writes.append(change))
    drag(panel, cards[0].pos() + QPointF(-40, 0), cards[0].pos() + QPointF(160, 90))
    assert len(writes) == 1  # not one write per pixel of the drag
    account_id = panel.scene.account_id
    delta = cards[0].pos() - starts[cards[0].key]
    assert abs(delta.x() - 200) < 2 and abs(delta.y() - 90) < 2  # mouse pixels at 80 % zoom
    for card in cards:
        moved = starts[card.key] + delta  # the selection moves together
        assert card.pos() == moved
        assert db_position(demo, account_id, card.key) == pytest.approx((moved.x(), moved.y()), abs=1e-9)
    assert panel.undo_stack.count() == 1 and panel.undo_stack.undoText() == "Move 2 card(s)"
    panel.undo_stack.undo()
    for card in cards:
        assert card.pos() == starts[card.key]
        assert db_position(demo, account_id, card.key) == (starts[card.key].x(), starts[card.key].y())


def test_arrow_keys_nudge_and_merge_into_one_undo_step(panel, demo, qtbot):
    card = next(c for c in panel.scene.card_items() if c.key[0] == "person")
    start = card.pos()
    card.setSelected(True)
    panel.view.setFocus()
    for _ in range(3):
        qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert card.pos() == start + QPointF(30, 50)
    assert panel.undo_stack.count() == 1
    panel.undo_stack.undo()
    assert card.pos() == start
    assert db_position(demo, panel.scene.account_id, card.key) == (start.x(), start.y())


def test_rubber_band_with_shift_selects_and_plain_drag_pans(panel):
    cards = [c for c in panel.scene.card_items() if c.key[0] == "person"][:3]
    left = min(c.pos().x() for c in cards) - 130
    top = min(c.pos().y() for c in cards) - 70
    right = max(c.pos().x() for c in cards) + 130
    bottom = max(c.pos().y() for c in cards) + 70
    drag(panel, QPointF(left, top), QPointF(right, bottom), modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert {c.key for c in cards} <= set(panel.scene.selected_keys())
    panel.scene.clearSelection()
    before = panel.view.visible_scene_rect()
    drag(panel, QPointF(left, top), QPointF(left + 200, top + 100))
    after = panel.view.visible_scene_rect()
    assert after.x() < before.x() and after.y() < before.y()
    assert not panel.scene.selected_keys()


def test_delete_a_selected_person_and_link_with_confirmation(panel, demo, monkeypatch, qtbot):
    account_id = panel.scene.account_id
    link = next(link for link in panel.scene.link_items() if link.record.kind == "knows")
    person = next(c for c in panel.scene.card_items()
                  if c.key[0] == "person" and c not in (link.source, link.target))
    person.setSelected(True)
    link.setSelected(True)
    person_links = {item.id for item in person.links}
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: next(answers)))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.scene.card(person.key) is not None  # refused

    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.scene.card(person.key) is None and panel.scene.link(link.id) is None
    assert all(p.id != person.key[1] for p in demo.people(account_id))
    assert panel.undo_stack.count() == 1
    panel.undo_stack.undo()
    assert panel.scene.card(person.key) is not None and panel.scene.link(link.id) is not None
    assert person_links <= {item.id for item in panel.scene.link_items()}


def test_change_a_link_kind_and_strength(panel, demo):
    link = next(item for item in panel.scene.link_items() if item.record.kind == "knows")
    panel.controller.set_link(link.id, kind="ally")
    panel.controller.set_link(link.id, strength=5)
    item = panel.scene.link(link.id)
    assert (item.record.kind, item.record.strength) == ("ally", 5)
    assert item.pen().color().name() != "#9e9e9e"
    panel.undo_stack.undo()
    panel.undo_stack.undo()
    stored = next(x for x in demo.links(panel.scene.account_id) if x.id == link.id)
    assert (stored.kind, panel.scene.link(link.id).record.kind) == ("knows", "knows")


def test_filters_and_focus(panel, demo):
    scene = panel.scene
    panel.key_roles_action.trigger()
    shown = [c for c in scene.card_items() if c.isVisible()]
    assert shown and all(c.key[0] == "member" or c.record.role in
                         {"economic_buyer", "decision_maker", "technical_buyer", "influencer", "approver"}
                         for c in shown)
    panel.key_roles_action.trigger()
    panel.hide_team_action.trigger()
    assert all(not c.isVisible() for c in scene.card_items() if c.is_member)
    assert all(not link.isVisible() for link in scene.link_items() if link.record.kind == "covers")
    panel.hide_team_action.trigger()

    center = max((c for c in scene.card_items() if not c.is_member), key=lambda c: len(c.links))
    center.setSelected(True)
    panel.focus_depth.setValue(1)
    panel.focus_box.setChecked(True)
    neighbours = {center.key} | {link.source.key for link in center.links} | {link.target.key for link in center.links}
    for card in scene.card_items():
        assert (card.opacity() == 1.0) == (card.key in neighbours), card.record.name
    panel.focus_box.setChecked(False)
    assert all(c.opacity() == 1.0 for c in scene.card_items())


def test_search_jumps_to_the_card(panel):
    target = [c for c in panel.scene.card_items() if c.key[0] == "person"][-1]
    panel.view.set_zoom(0.1)
    panel.search.setText(target.record.name)
    panel.search.returnPressed.emit()
    assert panel.scene.selected_keys() == [target.key]
    assert panel.view.visible_scene_rect().contains(target.pos())
    assert not panel.scene.overview_mode


def test_zoomed_out_the_map_is_one_overview_picture(panel):
    scene = panel.scene
    panel.view.set_zoom(0.05)
    assert scene.overview_mode and scene.overview.isVisible() and not scene.card_layer.isVisible()
    panel.view.set_zoom(0.9)
    assert not scene.overview_mode and scene.card_layer.isVisible()


def test_an_edit_elsewhere_redraws_the_card(panel, demo):
    person_id = next(c.key[1] for c in panel.scene.card_items() if c.key[0] == "person")
    demo.update_person(person_id, {"stance": "opponent", "name": "改名后"})
    card = panel.scene.card(("person", person_id))
    assert card.record.stance == "opponent" and card.record.name == "改名后"
    demo.update_person(person_id, {"archived": True})
    assert panel.scene.card(("person", person_id)) is None  # archived people leave the map


def test_rename_a_card_in_place_with_f2(panel, demo, qtbot):
    card = next(c for c in panel.scene.card_items() if c.key[0] == "person")
    original = card.record.name
    card.setSelected(True)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = panel.rename_editor
    assert editor is not None and editor.text() == card.record.name
    editor.setText("新名字")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert demo.person(card.key[1]).name == "新名字"
    assert panel.scene.card(card.key).record.name == "新名字"
    assert panel.undo_stack.undoText() == f"Edit {original}"
    panel.undo_stack.undo()
    assert demo.person(card.key[1]).name == original


def test_arrowheads_follow_their_links_also_when_moved_in_the_overview(panel):
    scene = panel.scene
    panel.view.set_zoom(0.05)
    assert scene.overview_mode
    card = max((c for c in scene.card_items() if c.key[0] == "person"), key=lambda c: len(c.links))
    scene._place({card.key: card.pos() + QPointF(5000, 3000)})
    panel.view.set_zoom(0.8)
    for link in card.links:
        if link.arrow.isVisible():
            end = link.path().pointAtPercent(1.0)
            assert link.arrow.polygon().boundingRect().adjusted(-1, -1, 1, 1).contains(end)
