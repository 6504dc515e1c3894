"""The first run shows the way (an empty database offers the demo, a new account, an import) and Help explains
the keys and the cards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app.demo import DEMO_ACCOUNT_NAMES
from tests.test_main_window import demo_db, dialogs, start, stop, visible_account_names  # noqa: F401


def test_an_empty_database_offers_the_ways_to_begin(qtbot, tmp_path, dialogs):  # noqa: F811
    controller, window = start(qtbot, tmp_path / "empty.db")
    empty = window.account_page.empty
    assert window.account_page.stack.currentWidget() is empty and empty.empty_database
    assert [b.text() for b in empty.buttons if b.isVisibleTo(empty)] == [
        "Load demo accounts", "New account", "Import people"]
    assert all(b.isEnabled() for b in empty.buttons)
    assert not empty.hint.isVisibleTo(empty) and empty.heading.isVisibleTo(empty)
    assert window.demo_action in window.menuBar().actions()[0].menu().actions()  # one click away in File too
    qtbot.mouseClick(empty.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(visible_account_names(window)) == len(DEMO_ACCOUNT_NAMES), timeout=10000)
    qtbot.waitUntil(lambda: window.account_page.stack.currentWidget() is not empty or not empty.empty_database)
    stop(controller)


def test_the_empty_state_turns_into_a_hint_once_there_are_accounts(qtbot, demo_db, dialogs):  # noqa: F811
    controller, window = start(qtbot, demo_db)
    window.account_page.set_account(None)  # accounts, none chosen
    empty = window.account_page.empty
    assert not empty.empty_database and empty.hint.isVisibleTo(empty)
    assert not any(b.isVisibleTo(empty) for b in empty.buttons)
    stop(controller)


def test_keyboard_shortcuts_are_read_from_the_actions(qtbot, demo_db, dialogs):  # noqa: F811
    from app.ui.main.help_pages import ShortcutsDialog

    controller, window = start(qtbot, demo_db)
    rows = ShortcutsDialog(window).rows()
    assert ("File", "Import people…", "Ctrl+I") in rows
    assert ("File ▸ Export", "Decision map as PDF…", "Ctrl+Shift+E") in rows
    assert ("Edit", "Redo", "Ctrl+Shift+Z or Ctrl+Y") in rows
    assert ("Help", "Keyboard shortcuts", "F1") in rows
    assert ("Map", "Rename the selected card", "F2") in rows
    assert not any("&" in command for _menu, command, _keys in rows)
    # A shortcut changed in the code is the one the page shows: it never goes stale.
    window.backup_action.setShortcut(QKeySequence("Ctrl+Alt+B"))
    assert ("File", "Back up now", "Ctrl+Alt+B") in ShortcutsDialog(window).rows()
    stop(controller)


def test_what_a_card_shows(qtbot, app):
    from app.i18n import labels
    from app.ui.main.help_pages import CardAnatomyDialog
    from app.views.map import style

    dialog = CardAnatomyDialog()
    qtbot.addWidget(dialog)
    picture = dialog.picture.pixmap()
    assert picture.width() > 200 and picture.height() > 80
    text = dialog.text.text()
    for stance, label in labels.stances().items():
        assert label in text and style.STANCE_SIGNS[stance] in text
    for part in ("Role badge", "Influence dots", "Coverage", "overdue", "snapshot"):
        assert part in text
