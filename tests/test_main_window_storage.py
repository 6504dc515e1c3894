"""The window's answer to each storage fault: a banner for a read-only or damaged file, a message box for a
refused edit or undo (the undo stack left as it was), restore and salvage from the File menu and the banner,
a failed backup in the status bar — and never a window stuck on "Opening…"."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.demo import DEMO_ACCOUNT_NAMES
from app.storage import backup
from app.storage.errors import DiskFullError
from tests.disks import fill, tmpfs
from tests.test_main_window import account_id, demo_db, dialogs, start, stop  # noqa: F401
from tests.test_storage_restore import add_people_then_get_killed, scribble_a_page


def start_on_damaged(qtbot, path):
    from app.i18n import language as lang
    from app.ui.main.application import AppController
    from app.ui.main.settings import AppSettings

    controller = AppController(AppSettings(), lang.install("en"))
    window = controller.create_window(path)
    qtbot.addWidget(window)
    window.show()
    controller.open_database(path, wait=True)
    qtbot.waitUntil(lambda: window.read_only_banner.isVisible(), timeout=10000)
    return controller, window


def region_of(path, name) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT region FROM account WHERE name = ?", (name,)).fetchone()[0]
    finally:
        conn.close()


def edit_region(window, name: str, value: str) -> None:
    assert window.select_account(account_id(window, name))
    window.profile.region.setText(value)
    window.profile.region.editingFinished.emit()


def test_a_hard_linked_file_opens_with_a_banner_and_every_edit_is_refused(qtbot, demo_db, dialogs):  # noqa: F811
    os.link(demo_db, demo_db.with_name("second-name.db"))
    before = demo_db.read_bytes()
    controller, window = start(qtbot, demo_db)
    assert window.workspace is not None
    assert window.read_only_banner.isVisible()
    assert "more than one hard link" in window.read_only_label.text()
    assert not window.banner_restore_action.isVisible()
    edit_region(window, DEMO_ACCOUNT_NAMES[1], "Refused region")
    kinds = [kind for kind, _ in dialogs.shown]
    assert kinds == ["critical"]
    assert "read-only" in dialogs.shown[0][1] and "not saved" in dialogs.shown[0][1]
    assert window.undo_stack.count() == 0
    stop(controller)
    assert demo_db.read_bytes() == before


def test_a_damaged_file_opens_read_only_and_offers_restore_and_a_salvaged_copy(qtbot, demo_db, dialogs):  # noqa: F811
    good = backup.make_backup(demo_db)
    scribble_a_page(demo_db)
    before = demo_db.read_bytes()
    controller, window = start_on_damaged(qtbot, demo_db)
    assert "is damaged" in window.loading_label.text()  # not stuck on "Opening…"
    assert window.read_only_banner.isVisible() and "damaged" in window.read_only_label.text()
    assert window.banner_restore_action.isVisible() and window.banner_salvage_action.isVisible()

    dialogs.answers.append(QMessageBox.StandardButton.No)  # do not open the copy
    window.banner_salvage_action.trigger()
    copies = [p for p in demo_db.parent.iterdir() if "-salvaged-" in p.name and p.suffix == ".db"]
    assert len(copies) == 1 and str(copies[0]) in dialogs.shown[-1][1]
    assert demo_db.read_bytes() == before

    dialogs.answers.append(QMessageBox.StandardButton.Yes)
    controller._on_restore_requested(good)
    controller._opener.wait()
    qtbot.waitUntil(lambda: controller.database is not None and not controller.database.read_only, timeout=10000)
    assert "kept at" in dialogs.shown[-1][1]
    assert not window.read_only_banner.isVisible()
    assert backup.integrity_problems(demo_db) == []
    stop(controller)


def test_a_foreign_wal_is_refused_with_a_message_and_the_window_is_not_stuck(qtbot, tmp_path, dialogs):  # noqa: F811
    from tests.test_storage_restore import make_file

    path = tmp_path / "stakemap.db"
    make_file(path, 20)
    made = backup.make_backup(path)
    add_people_then_get_killed(path, 2000)
    shutil.copyfile(made, path)
    controller, window = start(qtbot, path)
    assert window.workspace is None
    assert window.loading_label.text().startswith("No database")
    assert dialogs.shown[-1][0] == "critical" and "belongs to another copy" in dialogs.shown[-1][1]
    stop(controller)


@pytest.fixture
def db_on_small_disk(tmp_path):
    with tmpfs(tmp_path / "disk", "6m") as folder:
        path = folder / "demo.db"
        shutil.copyfile(_demo(tmp_path), path)
        yield path


def _demo(tmp_path):
    from app.demo import load_demo
    from app.storage.database import Database

    path = tmp_path / "source.db"
    with Database.open(path) as db, db.session() as session:
        load_demo(session)
    return path


def test_a_full_disk_during_an_edit_and_an_undo_is_told_and_the_undo_stack_stays(qtbot, db_on_small_disk, dialogs):  # noqa: F811
    path = db_on_small_disk
    bank = DEMO_ACCOUNT_NAMES[1]
    controller, window = start(qtbot, path)
    edit_region(window, bank, "Hangzhou")
    assert window.undo_stack.count() == 1 and not dialogs.shown
    ballast = fill(path.parent)

    edit_region(window, DEMO_ACCOUNT_NAMES[0], "x" * 200_000)
    assert dialogs.shown[-1][0] == "critical"
    assert "is full; nothing was lost; free space and try again" in dialogs.shown[-1][1]
    assert window.undo_stack.count() == 1

    index = window.undo_stack.index()
    window.undo_action.trigger()
    assert len(dialogs.shown) == 2 and "is full" in dialogs.shown[-1][1]
    assert window.undo_stack.index() == index and window.undo_stack.canUndo()
    assert window.workspace.account(account_id(window, bank)).region == "Hangzhou"

    ballast.unlink()
    window.undo_action.trigger()
    assert len(dialogs.shown) == 2
    assert window.workspace.account(account_id(window, bank)).region != "Hangzhou"
    stop(controller)
    assert region_of(path, bank) != "Hangzhou"


def test_a_failed_backup_shows_in_the_status_bar_until_one_succeeds(qtbot, demo_db, dialogs, monkeypatch):  # noqa: F811
    controller, window = start(qtbot, demo_db)
    real = backup.make_backup

    def full(path, **kwargs):
        raise DiskFullError(str(backup.backups_dir_for(path) / "x"))

    monkeypatch.setattr(backup, "make_backup", full)
    controller.backup_in_background(force=True).join(30)
    qtbot.waitUntil(lambda: window.backup_problem_label.isVisible(), timeout=5000)
    assert "Last backup failed" in window.backup_problem_label.text()
    assert "is full" in window.backup_problem_label.text()
    monkeypatch.setattr(backup, "make_backup", real)
    window.backup_action.trigger()
    QApplication.processEvents()
    assert not window.backup_problem_label.isVisible()
    stop(controller)


def test_an_import_into_a_read_only_file_is_refused_in_one_sentence(qtbot, tmp_path):
    from app.storage.database import Database
    from app.ui.transfer.file_transfer import ImportWorker
    from tests.test_storage_restore import make_file

    path = tmp_path / "stakemap.db"
    make_file(path, 3)
    os.link(path, tmp_path / "other-name.db")
    csv = tmp_path / "people.csv"
    csv.write_text("name,title\nGrace,CIO\n", encoding="utf-8")
    before = path.read_bytes()
    with Database.open(path) as db:
        worker = ImportWorker(db, csv, "Bank", "csv", None, False)
        refused: list[str] = []
        worker.refused.connect(refused.append)
        worker.run()
    assert len(refused) == 1 and "read-only" in refused[0] and "not saved" in refused[0]
    assert path.read_bytes() == before


def test_a_file_on_a_read_only_disk_opens_in_the_window_with_a_banner(qtbot, tmp_path, dialogs):  # noqa: F811
    from tests.disks import remount_read_only, remount_read_write
    from tests.test_storage_open import folder_state

    with tmpfs(tmp_path / "share", "6m") as folder:
        path = folder / "demo.db"
        shutil.copyfile(_demo(tmp_path), path)
        remount_read_only(folder)
        try:
            before = folder_state(folder)
            controller, window = start(qtbot, path)
            assert window.workspace is not None  # not stuck on "Opening…"
            assert window.read_only_banner.isVisible()
            assert "the disk holding it is read-only" in window.read_only_label.text()
            assert visible_names(window) == sorted(DEMO_ACCOUNT_NAMES)
            edit_region(window, DEMO_ACCOUNT_NAMES[0], "Refused")
            assert dialogs.shown[-1][0] == "critical" and "read-only" in dialogs.shown[-1][1]
            stop(controller)
            assert folder_state(folder) == before  # no lock file, nothing written
        finally:
            remount_read_write(folder)


def visible_names(window) -> list[str]:
    proxy = window.account_list.proxy
    return sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount()))
