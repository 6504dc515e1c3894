"""Details a new user hit: stances that must be told apart in colour and in greyscale, and the dashboard
closing as a window of its own does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.demo import DEMO_ACCOUNT_NAMES
from app.views.map import style
from tests.test_dashboard import open_dashboard
from tests.test_main_window import demo_db, dialogs, start, stop  # noqa: F401


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
