"""Details a new user hit: stances that must be told apart in colour and in greyscale, and the dashboard
closing as a window of its own does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from app.demo import DEMO_ACCOUNT_NAMES
from app.views.map import style
from tests.test_dashboard import open_dashboard
from tests.test_main_window import demo_db, dialogs, start, stop  # noqa: F401
from tests.test_map import panel  # noqa: F401


def grey(color) -> float:
    """The grey a colour prints as (ITU-R BT.601 luma, 0–255)."""
    return 0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue()


def test_opponent_stands_out_from_skeptic_in_colour_and_greyscale():
    skeptic, opponent = style.STANCE_COLORS["skeptic"], style.STANCE_COLORS["opponent"]
    assert grey(skeptic) - grey(opponent) >= 60
    assert grey(style.STANCE_COLORS["neutral"]) - grey(opponent) >= 60
    # White text sits on the opponent's card strip: it must keep a readable contrast (WCAG ≥ 4.5).
    def luminance(c):
        channels = [v / 255 for v in (c.red(), c.green(), c.blue())]
        lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    assert (1.05) / (luminance(opponent) + 0.05) >= 4.5


def test_escape_and_ctrl_w_close_the_dashboard(qtbot, demo_db, dialogs):  # noqa: F811
    controller, window = start(qtbot, demo_db)
    for key, modifier in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)):
        dashboard = open_dashboard(qtbot, window)
        dashboard.activateWindow()
        qtbot.waitUntil(lambda d=dashboard: QApplication.activeWindow() is d)
        qtbot.keyClick(dashboard.table, key, modifier)
        qtbot.waitUntil(lambda d=dashboard: not d.isVisible(), timeout=3000)
    stop(controller)


def test_reporting_lines_are_offered_only_within_one_organisation():
    from app.models.enums import link_kinds_between

    assert link_kinds_between("member", "person")[0] == "covers"
    assert not {"reports_to", "dotted_line"} & set(link_kinds_between("member", "person"))
    assert not {"reports_to", "dotted_line", "covers"} & set(link_kinds_between("person", "member"))
    assert {"reports_to", "dotted_line"} <= set(link_kinds_between("person", "person"))
    assert {"reports_to", "dotted_line"} <= set(link_kinds_between("member", "member"))
    assert "covers" not in link_kinds_between("person", "person")


def test_the_link_form_refuses_a_team_member_reporting_to_the_customer(demo, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from app.ui.map.link_dialog import LinkDialog

    def select_data(combo, key):  # findData cannot compare the (side, id) keys
        combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == key))

    account = demo.account_id_by_name(DEMO_ACCOUNT_NAMES[0])
    person = demo.people(account)[0]
    member = demo.account_members(account)[0]
    ends = {("person", person.id): person.name, ("member", member.id): member.name}
    dialog = LinkDialog(ends, None)
    qtbot.addWidget(dialog)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *args: warnings.append(args[2])))
    select_data(dialog.source, ("member", member.id))
    select_data(dialog.target, ("person", person.id))
    select_data(dialog.kind, "reports_to")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "organisation" in warnings[0]
    select_data(dialog.kind, "covers")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def _overlapping(cards) -> list:
    rects = [(c.key, c.mapRectToScene(c.rect())) for c in cards]
    return [(a, b) for i, (a, ra) in enumerate(rects) for b, rb in rects[i + 1:] if ra.intersects(rb)]


def test_five_people_added_from_the_toolbar_land_apart_in_view_and_selected(panel, demo, monkeypatch):  # noqa: F811
    from app.ui.map.person_dialogs import PersonDialog

    names = iter(["甲", "乙", "丙", "丁", "戊"])
    monkeypatch.setattr(PersonDialog, "exec",
                        lambda d: (d.name.setText(next(names)), PersonDialog.DialogCode.Accepted)[1])
    assert _overlapping(panel.scene.card_items()) == []
    added = []
    for _ in range(5):
        panel.add_person_action.trigger()
        QApplication.processEvents()
        (new,) = [c for c in panel.scene.card_items() if c.key[0] == "person" and c.key[1] not in added
                  and c.record.name in "甲乙丙丁戊"]
        added.append(new.key[1])
        assert panel.scene.selected_keys() == [new.key]
        visible = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
        assert visible.contains(new.mapRectToScene(new.rect()))
    assert _overlapping(panel.scene.card_items()) == []


def test_add_a_report_under_the_manager_as_one_undo_step(panel, demo, monkeypatch):  # noqa: F811
    from app.ui.map.person_dialogs import PersonDialog

    monkeypatch.setattr(PersonDialog, "exec", lambda d: (d.name.setText("钱七"), PersonDialog.DialogCode.Accepted)[1])
    manager = next(c for c in panel.scene.card_items() if c.key[0] == "person")
    person_id = panel.controller.add_report_of(manager.key)
    card = panel.scene.card(("person", person_id))
    assert card.pos().y() > manager.pos().y() + manager.size[1] / 2
    assert _overlapping(panel.scene.card_items()) == []
    links = [link for link in demo.links(panel.scene.account_id) if link.source == ("person", person_id)]
    assert [(link.kind, link.target) for link in links] == [("reports_to", manager.key)]
    assert panel.undo_stack.undoText() == f"Add 钱七 reporting to {manager.record.name}"
    panel.undo_stack.undo()
    assert panel.scene.card(("person", person_id)) is None
    assert not [link for link in demo.links(panel.scene.account_id) if link.source == ("person", person_id)]


def test_the_delete_question_says_what_really_goes(demo):
    from app.ui.map.deletion import deletion_question

    account = demo.account_id_by_name(DEMO_ACCOUNT_NAMES[0])
    member = demo.account_members(account)[0]
    only_member = deletion_question(demo, account, [("member", member.id)], lambda k: member.name)
    assert "only leave this account's team" in only_member and "link" not in only_member
    assert "archive" not in only_member
    person = max(demo.people(account), key=lambda p: sum(1 for link in demo.links(account)
                                                         if ("person", p.id) in (link.source, link.target)))
    links = sum(1 for link in demo.links(account) if ("person", person.id) in (link.source, link.target))
    question = deletion_question(demo, account, [("person", person.id)], lambda k: person.name)
    assert f"Deleted with them: {links} link(s)" in question
    assert "only leave this account's team" not in question


def test_the_connection_port_is_easy_to_hit_at_any_zoom(panel):  # noqa: F811
    card = next(c for c in panel.scene.card_items() if c.key[0] == "person")
    port = card.port_center()
    panel.view.set_zoom(1.0)
    assert card.on_port(port + QPointF(12, 0)) and card.on_port(port + QPointF(0, -12))
    assert not card.on_port(port + QPointF(-40, 0))  # the card's body is for dragging the card
    panel.view.set_zoom(0.4)  # far out, 13 pixels on screen are 32 scene units
    assert card.on_port(port + QPointF(30, 0))
    # The press goes to the card there: the target is inside the card's shape.
    assert card.shape().contains(port + QPointF(14, 0))


def test_every_dashboard_column_fits_the_window_in_english(qtbot, demo_db, dialogs):  # noqa: F811
    from app.views.portfolio_models import AccountsModel

    controller, window = start(qtbot, demo_db)
    dashboard = open_dashboard(qtbot, window)
    table = dashboard.table
    header = table.horizontalHeader()
    last = AccountsModel.PIPELINE
    right_edge = header.sectionViewportPosition(last) + table.sizeHintForColumn(last)
    assert right_edge <= table.viewport().width(), "the Pipeline column is cut off"
    for column in range(header.count()):  # no column narrower than its cells
        assert header.sectionSize(column) >= min(table.sizeHintForColumn(column), 160)
    stop(controller)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_group_titles_of_a_one_card_group_are_shown_whole(app, language):
    from app.i18n import labels
    from app.i18n import language as lang
    from app.views.map.group_frame import fitted_title

    lang.install(language)
    try:
        from app.layout.grouped import FRAME_PAD

        width = style.CARD_WIDTH[None] + 2 * FRAME_PAD - 8  # the narrowest box: one card and its margins
        for title in [*labels.buying_roles().values(), "Information Technology Department", "信息科技部（总行）"]:
            _font, text = fitted_title(title, width)
            assert text.replace("\n", " ").replace(" ", "") == title.replace(" ", ""), (title, text)
    finally:
        lang.install("en")


def test_card_text_never_drops_below_a_readable_size_on_screen():
    from app.views.map.card_item import (
        BADGE_MIN_PIXELS,
        DETAIL_LOD,
        NAME_MIN_PIXELS,
        TEXT_MIN_PIXELS,
        detail_fonts,
    )

    for step in range(0, 61):
        lod = DETAIL_LOD + step * 0.01
        name, text, badge = detail_fonts(lod)
        assert name * lod >= NAME_MIN_PIXELS - 1e-9 and text * lod >= TEXT_MIN_PIXELS - 1e-9
        assert badge * lod >= BADGE_MIN_PIXELS - 1e-9
    assert detail_fonts(1.0) == (15.0, 12.0, 11.0)  # at full size the card keeps its own design



def test_f2_renames_what_has_the_focus(qtbot, demo_db, dialogs, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QInputDialog

    asked = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (asked.append(a), ("", False))[1]))
    controller, window = start(qtbot, demo_db)
    window.select_account(window.workspace.account_id_by_name(DEMO_ACCOUNT_NAMES[1]))
    map_panel = window.account_page.map_panel
    card = next(c for c in map_panel.scene.card_items() if c.key[0] == "person")
    map_panel.scene.clearSelection()
    card.setSelected(True)
    window.activateWindow()
    map_panel.view.setFocus()
    qtbot.waitUntil(map_panel.view.hasFocus)
    qtbot.keyClick(map_panel.view, Qt.Key.Key_F2)
    assert map_panel.rename_editor is not None and map_panel.rename_editor.text() == card.record.name
    assert asked == []  # not the account
    map_panel.rename_editor.setText(card.record.name)
    qtbot.keyClick(map_panel.rename_editor, Qt.Key.Key_Escape)
    window.accounts_dock.raise_()  # the Key accounts tab
    qtbot.keyClick(window.account_list.table, Qt.Key.Key_F2)
    assert len(asked) == 1  # the account's own rename
    stop(controller)


def test_a_force_layout_of_a_few_people_stays_compact_enough_to_read():
    """A handful of people in chains and sparse trees: their force layout fits a 1280×800 window's map
    (907×623 pixels) at a zoom where cards show their details."""
    import random

    from app.layout.force import force_directed
    from app.layout.model import LayoutEdge, LayoutNode
    from app.views.map.card_item import DETAIL_LOD

    rng = random.Random(1)
    for _ in range(30):
        n = rng.randint(5, 12)
        nodes = [LayoutNode(("person", i), 200, 84) for i in range(n)] + [LayoutNode(("member", 1), 188, 66)]
        edges = [LayoutEdge(("person", i), ("person", rng.randrange(i)), rng.choice(["reports_to", "knows"]), 3)
                 for i in range(1, n)] + [LayoutEdge(("member", 1), ("person", 0), "covers", 4)]
        positions = force_directed(nodes, edges)
        sizes = {node.key: (node.width, node.height) for node in nodes}
        left = min(x - sizes[k][0] / 2 for k, (x, y) in positions.items())
        right = max(x + sizes[k][0] / 2 for k, (x, y) in positions.items())
        top = min(y - sizes[k][1] / 2 for k, (x, y) in positions.items())
        bottom = max(y + sizes[k][1] / 2 for k, (x, y) in positions.items())
        fit = min(907 / (right - left + 80), 623 / (bottom - top + 80))
        assert fit >= DETAIL_LOD, (n, fit)


def test_the_unfolded_legend_scrolls_in_a_short_map_instead_of_being_cut(panel, qtbot):  # noqa: F811
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    panel.resize(900, 320)
    QApplication.processEvents()
    legend = panel.legend
    legend.set_expanded(True)
    panel._place_overlays()
    area = panel.view.viewport().geometry()
    assert legend.geometry().bottom() <= area.bottom()
    assert legend.scroll_range() > 0
    wheel = QWheelEvent(QPointF(20, 40), QPointF(legend.mapToGlobal(QPoint(20, 40))), QPoint(0, 0), QPoint(0, -240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(legend, wheel)
    assert legend._offset > 0
    panel.resize(1400, 900)
    QApplication.processEvents()
    panel._place_overlays()
    assert legend.scroll_range() == 0 and legend.height() == legend.content_height()


def test_the_history_chart_and_list_share_the_height_through_a_splitter(demo, qtbot):
    from PySide6.QtGui import QUndoStack

    from app.ui.records.history import HistoryPanel

    history = HistoryPanel(demo, QUndoStack())
    qtbot.addWidget(history)
    history.resize(500, 500)
    history.show()
    history.set_account(demo.account_id_by_name(DEMO_ACCOUNT_NAMES[0]))
    QApplication.processEvents()
    assert history.splitter.widget(0) is history.strip
    history.splitter.setSizes([260, 200])
    QApplication.processEvents()
    assert history.strip.height() >= 250  # the user gave the chart more room
    history.splitter.setSizes([40, 420])
    QApplication.processEvents()
    assert history.strip.height() >= 90 and history.view.isVisible()  # never squeezed away


def test_account_names_in_the_list_are_cut_once_at_the_end_with_the_whole_name_in_the_tooltip(qtbot, demo):
    from PySide6.QtCore import Qt as QtNs

    from app.ui.accounts.list_panel import AccountListPanel
    from app.views.account_list_model import AccountListModel

    accounts = AccountListPanel()
    qtbot.addWidget(accounts)
    accounts.model.show_rows(demo.account_summaries())
    assert accounts.table.textElideMode() == QtNs.TextElideMode.ElideRight
    index = accounts.proxy.index(0, AccountListModel.NAME)
    assert index.data(QtNs.ItemDataRole.ToolTipRole).startswith(index.data())


def test_the_analysis_summary_keeps_its_height_while_its_text_changes(qtbot, demo_db, dialogs):  # noqa: F811
    controller, window = start(qtbot, demo_db)
    summary = window.analysis_panel.summary.parentWidget().parentWidget()  # its box in the panel
    heights = set()
    for name in DEMO_ACCOUNT_NAMES:
        window.select_account(window.workspace.account_id_by_name(name))
        heights.add(summary.height())  # "Analysing…"
        qtbot.waitUntil(lambda: window.analysis_panel.analysis is not None, timeout=10000)
        QApplication.processEvents()
        heights.add(summary.height())
    assert len(heights) == 1, heights
    stop(controller)


def test_a_card_shows_the_last_part_of_a_department_path():
    from app.views.map.card_item import shown_department

    assert shown_department("总部/信息技术部/基础架构组") == "基础架构组"
    assert shown_department("Finance") == "Finance"
    assert shown_department("Sales / ") == "Sales"
    assert shown_department(None) is None
