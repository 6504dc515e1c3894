"""Where exports land and how the user gets to them: the last folder used, else Documents; Open and Show in
folder once written; closing the window while a file is being written asks first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.demo import DEMO_ACCOUNT_NAMES
from tests.test_main_window import account_id, demo_db, dialogs, start, stop  # noqa: F401


@pytest.fixture
def documents(tmp_path, monkeypatch):
    from app.ui.transfer import destinations

    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(destinations, "documents_folder", lambda: folder)
    return folder


@pytest.fixture
def save_dialog(monkeypatch):
    """Answers the save dialog with a path chosen per call, and records the path it was opened on."""

    class Save:
        offered: list[str] = []
        answer: Path | None = None

    def ask(_parent, _title, start, _filter, *_a, **_k):
        Save.offered.append(start)
        return (str(Save.answer), "") if Save.answer is not None else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    return Save


def test_the_platform_documents_folder_is_a_real_folder(app):
    from app.ui.transfer.destinations import documents_folder

    assert documents_folder().is_absolute()


def test_a_meeting_pack_starts_in_documents_then_in_the_folder_last_used(qtbot, demo_db, dialogs,  # noqa: F811
                                                                         monkeypatch, tmp_path, documents,
                                                                         save_dialog):
    from app.ui.transfer.meeting_pack_dialog import MeetingPackDialog

    monkeypatch.setattr(MeetingPackDialog, "exec", lambda _d: MeetingPackDialog.DialogCode.Accepted)
    controller, window = start(qtbot, demo_db)
    window.select_account(account_id(window, DEMO_ACCOUNT_NAMES[0]))
    elsewhere = tmp_path / "meetings"
    elsewhere.mkdir()
    save_dialog.answer = elsewhere / "pack"
    window.meeting_pack_action.trigger()
    qtbot.waitUntil(lambda: window._export_worker is None, timeout=20000)
    first = Path(save_dialog.offered[0])
    assert first.parent == documents and first.name.startswith(DEMO_ACCOUNT_NAMES[0]) and first.suffix == ".pdf"
    assert (elsewhere / "pack.pdf").is_file()
    assert not list(demo_db.parent.glob("*.pdf"))  # nothing beside the database

    save_dialog.answer = None  # cancelled: nothing written
    window.meeting_pack_action.trigger()
    assert Path(save_dialog.offered[1]).parent == elsewhere
    stop(controller)


def test_a_finished_export_offers_open_and_show_in_folder(qtbot, demo_db, dialogs, monkeypatch,  # noqa: F811
                                                         documents, save_dialog):
    from app.ui.transfer import file_transfer
    from app.ui.transfer.destinations import ExportDone

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())
                                                                  or True))
    monkeypatch.setattr("sys.platform", "linux")
    controller, window = start(qtbot, demo_db)
    window.select_account(account_id(window, DEMO_ACCOUNT_NAMES[1]))
    monkeypatch.setattr(file_transfer.QDialog, "exec", lambda _d: file_transfer.QDialog.DialogCode.Accepted)
    save_dialog.answer = documents / "bank.json"
    window._on_export("json")
    qtbot.waitUntil(lambda: window._export_worker is None, timeout=20000)
    assert Path(save_dialog.offered[0]).parent == documents
    done = window.statusBar().findChild(ExportDone)
    assert done is not None and done.isVisible() and done.path == documents / "bank.json"
    assert done.path.is_file()
    qtbot.mouseClick(done.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(done.show_button, Qt.MouseButton.LeftButton)
    assert opened == [str(documents / "bank.json"), str(documents)]
    assert QUrl.fromLocalFile(opened[0]).isLocalFile()
    stop(controller)


def test_closing_while_a_file_is_written_asks_first(qtbot, demo_db, dialogs):  # noqa: F811
    from PySide6.QtCore import QThread, Signal

    controller, window = start(qtbot, demo_db)

    class Slow(QThread):
        done = Signal(str)
        failed = Signal(str)

        def run(self) -> None:
            self.msleep(300)

    worker = Slow()
    window._writers.append(worker)
    worker.start()
    dialogs.answers = [QMessageBox.StandardButton.No]
    window.close()
    assert window.isVisible(), "No keeps the window open"
    assert dialogs.shown[-1][0] == "question" and "still being written" in dialogs.shown[-1][1]
    dialogs.answers = [QMessageBox.StandardButton.Yes]
    window.close()
    assert not window.isVisible() and worker.isFinished()  # it waited for the file
    window._writers.clear()
    controller.shutdown()
