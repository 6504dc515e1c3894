"""A Chinese user's walk through every window and dialog: the main window (empty and with the demo), every
command of every menu and the dialogs it opens, the panels' own buttons, the dashboard, and Qt's own dialogs
the app opens (file dialogs, message boxes, input dialogs) — none may show English chrome or a literal "&"."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.demo import DEMO_ACCOUNT_NAMES
from tests.chrome_sweep import problems
from tests.test_main_window import account_id, demo_db, start, stop  # noqa: F401


def _data_names(db_path) -> set[str]:
    """Every text stored in the database: what the user (here the demo) typed is data, not chrome."""
    names: set[str] = set()
    with sqlite3.connect(db_path) as db:
        tables = [r[0] for r in db.execute("select name from sqlite_master where type='table'")]
        for table in tables:
            for row in db.execute(f'select * from "{table}"'):  # noqa: S608 - names from sqlite_master
                names.update(v for v in row if isinstance(v, str))
    return names


class Sweep:
    """Opens what the app opens, looks at it as shown, closes it, and keeps what it found."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.found: list[str] = []
        self.seen: list[str] = []

    def look(self, widget: QWidget, how: str) -> None:
        widget.show()
        QCoreApplication.processEvents()
        self.seen.append(f"{how}: {type(widget).__name__} {widget.windowTitle()!r}")
        self.found += [f"[{how}] {p}" for p in problems(widget, self.names)]

    def dialog_exec(self, dialog: QDialog) -> int:
        self.look(dialog, "dialog")
        dialog.hide()
        return QDialog.DialogCode.Rejected

    def message(self, kind: str):
        icons = {"question": QMessageBox.Icon.Question, "warning": QMessageBox.Icon.Warning,
                 "critical": QMessageBox.Icon.Critical, "information": QMessageBox.Icon.Information,
                 "about": QMessageBox.Icon.Information}

        def show(parent, title, text, buttons=None, *_a, **_k):
            if buttons is None or not isinstance(buttons, QMessageBox.StandardButton):
                buttons = (QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No if kind == "question"
                           else QMessageBox.StandardButton.Ok)
            box = QMessageBox(icons[kind], title, text, buttons, parent)
            self.look(box, f"message {kind}")
            box.deleteLater()
            return QMessageBox.StandardButton.No if kind == "question" else QMessageBox.StandardButton.Ok

        return show

    def file_dialog(self, mode: str):
        def ask(parent=None, caption="", directory="", filter_text="", *_a, **_k):
            dialog = QFileDialog(parent, caption, str(directory), filter_text)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            if mode == "save":
                dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            elif mode == "folder":
                dialog.setFileMode(QFileDialog.FileMode.Directory)
            else:
                dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            self.look(dialog, f"file dialog ({mode})")
            dialog.deleteLater()
            return "" if mode == "folder" else ("", "")

        return ask

    def input_dialog(self, kind: str):
        def ask(parent, title, label, *args, **_k):
            dialog = QInputDialog(parent)
            dialog.setWindowTitle(title)
            dialog.setLabelText(label)
            if kind == "item":
                dialog.setComboBoxItems([str(a) for a in (args[0] if args else [])])
            elif kind == "text" and len(args) > 1 and isinstance(args[1], str):
                dialog.setTextValue(args[1])
            self.look(dialog, f"input dialog ({kind})")
            dialog.deleteLater()
            return ("", False) if kind in ("text", "item") else (0, False)

        return ask


@pytest.fixture
def sweep(monkeypatch, demo_db):  # noqa: F811
    found = Sweep(_data_names(demo_db) | set(DEMO_ACCOUNT_NAMES))
    monkeypatch.setattr(QDialog, "exec", lambda dialog, *_a: found.dialog_exec(dialog))
    for kind in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(found.message(kind)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(found.file_dialog("save")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(found.file_dialog("open")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(found.file_dialog("folder")))
    for kind, name in (("text", "getText"), ("item", "getItem"), ("int", "getInt"), ("double", "getDouble"),
                       ("text", "getMultiLineText")):
        monkeypatch.setattr(QInputDialog, name, staticmethod(found.input_dialog(kind)))
    return found


def _menu_actions(window) -> list:
    """Every command of the menu bar, submenus included, but those that leave or rebuild the window."""
    skip = {window.quit_action, *window.language_actions.values()}
    found = []

    def walk(menu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator() and action not in skip and not action.isCheckable():
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def _report(sweep: Sweep) -> str:
    return f"{len(sweep.found)} problem(s):\n" + "\n".join(sweep.found[:80])


def test_an_empty_database_in_chinese(qtbot, tmp_path, sweep):
    controller, window = start(qtbot, tmp_path / "empty.db", "zh_CN")
    assert window.account_page.empty.empty_database
    sweep.look(window, "empty database")
    stop(controller)
    assert not sweep.found, _report(sweep)


def test_every_window_and_dialog_in_chinese(qtbot, demo_db, sweep, monkeypatch):  # noqa: F811
    controller, window = start(qtbot, demo_db, "zh_CN")
    window.resize(1600, 1000)
    assert window.select_account(account_id(window, DEMO_ACCOUNT_NAMES[0]))
    page = window.account_page
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        sweep.look(window, f"account tab {page.tabs.tabText(index)}")
    page.tabs.setCurrentIndex(0)
    for index in range(window.record_tabs.count()):
        window.record_tabs.setCurrentIndex(index)
        sweep.look(window, f"record tab {window.record_tabs.tabText(index)}")
    # A person selected: the person's profile, and the commands that need one.
    page.people_view.selectRow(0)
    scene = page.map_panel.scene
    next(c for c in scene.card_items() if c.key[0] == "person").setSelected(True)
    sweep.look(window, "a person selected")
    page.team_view.selectRow(0)
    page.links_view.selectRow(0)
    actions = _menu_actions(window)
    assert len(actions) > 25
    for action in actions:
        if action.isEnabled():
            action.trigger()
            QCoreApplication.processEvents()
    assert window.dashboard is not None
    sweep.look(window.dashboard, "dashboard")
    # The panels' own buttons (Add…, Edit…, Compare…): each opens its dialog.
    for name, panel in window.record_panels.items():
        window.record_tabs.setCurrentIndex(list(window.record_panels).index(name))
        QCoreApplication.processEvents()
        for button in panel.findChildren(QPushButton):
            if button.isVisible() and button.isEnabled():
                button.click()
                QCoreApplication.processEvents()
    # The map's context menus: a card's, a link's, the background's, and the one a drawn link offers.
    from app.ui.map import controller as map_controller

    menus: list[QMenu] = []

    class RecordingMenu(QMenu):  # PySide6 does not let QMenu.exec itself be replaced
        def exec(self, *_args):
            menus.append(self)
            sweep.found.extend(f"[context menu] {p}" for p in problems(self, sweep.names))

    monkeypatch.setattr(map_controller, "QMenu", RecordingMenu)
    controller_of_map = page.map_panel.controller
    person = next(c.key for c in scene.card_items() if c.key[0] == "person")
    member = next(c.key for c in scene.card_items() if c.key[0] == "member")
    origin = page.map_panel.view.mapToGlobal(page.map_panel.view.rect().center())
    controller_of_map.context_menu(origin, QPointF(0, 0), person)
    controller_of_map.context_menu(origin, QPointF(0, 0), member)
    controller_of_map.context_menu(origin, QPointF(0, 0), scene.link_items()[0].record.id)
    controller_of_map.context_menu(origin, QPointF(0, 0), None)
    controller_of_map.ask_connect(member, person, origin)
    assert len(menus) == 5 and all(m.actions() for m in menus)
    for top in QApplication.topLevelWidgets():
        if top.isVisible() and top not in (window, window.dashboard):
            sweep.look(top, "other window")
    stop(controller)
    opened = "\n".join(sweep.seen)
    for what in ("QFileDialog", "QMessageBox", "QInputDialog", "ShortcutsDialog", "CardAnatomyDialog",
                 "ImportDialog", "MeetingPackDialog"):
        assert what in opened, f"{what} was never opened:\n{opened}"
    assert not sweep.found, _report(sweep)


def test_qt_s_own_catalogue_is_found_where_pyside6_keeps_it(app):
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QDialogButtonBox

    from app.i18n import language as lang
    from app.i18n.qt_gaps import qt_catalogue_gaps

    try:
        lang.install("zh_CN")
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files = [t.filePath() for t in lang._installed]
        assert any(f.startswith(folder) and "_zh_CN.qm" in f for f in files), (folder, files)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Save)
        assert sorted(b.text() for b in buttons.buttons()) == sorted(["确定", "取消", "关闭", "保存"])
        # What Qt's catalogue leaves in English, ours answers.
        assert all(text != source for _context, source, text in qt_catalogue_gaps())
    finally:
        lang.install("en")


def test_the_sweep_sees_english_and_literal_ampersands(app):
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    widget = QWidget()
    widget.setWindowTitle("导入")
    layout = QVBoxLayout(widget)
    layout.addWidget(QLabel("金额(&V)"))  # no buddy: the & is printed
    layout.addWidget(QLabel("Choose a file"))
    layout.addWidget(QLabel("张伟、EastGrid"))
    named = QPushButton("打开(&O)")  # a button's & is its key
    layout.addWidget(named)
    found = problems(widget, {"EastGrid"})
    assert found == ["QWidget QLabel: 'Choose a file' (English: Choose file)",
                     "QWidget QLabel: '金额(&V)' (a literal &)"]
