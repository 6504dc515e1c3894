"""A failure reads as our sentence, with the machine's detail on a second line; the import dialog offers Close
or Cancel, never both."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from app.demo import DEMO_ACCOUNT_NAMES


def test_an_operating_system_error_is_said_in_the_language(app):
    from app.i18n import language as lang
    from app.ui.common.failures import detail_of, with_detail

    try:
        lang.install("zh_CN")
        full = detail_of(OSError(errno.ENOSPC, "No space left on device", "/media/usb/map.pdf"))
        assert full == "磁盘已满（“/media/usb/map.pdf”）。"
        denied = detail_of(PermissionError(errno.EACCES, "Permission denied", "/etc/map.pdf"))
        assert denied == "没有读写“/etc/map.pdf”的权限。"
    finally:
        lang.install("en")
    assert detail_of(ValueError("Expecting ',' delimiter")) == "ValueError: Expecting ',' delimiter"
    assert with_detail("The file could not be read.", "ValueError: x") == "The file could not be read.\nValueError: x"


def test_an_export_into_a_missing_folder_says_so_on_two_lines(qtbot, demo, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    from app.ui.transfer.file_transfer import ExportWorker, start_writing

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, title, text: shown.append((title, text))))
    window = QMainWindow()
    qtbot.addWidget(window)
    target = tmp_path / "no such folder" / "bank.json"
    worker = ExportWorker(demo.database, demo.account_id_by_name(DEMO_ACCOUNT_NAMES[1]), target, "json", False)
    finished = []
    start_writing(window, worker, "…", lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
    assert len(shown) == 1
    title, text = shown[0]
    sentence, detail = text.split("\n")
    assert title == "Export failed" and sentence.startswith("The file could not be written")
    assert "does not exist" in detail and str(target.parent) in detail
    assert not target.parent.exists()


def test_the_import_dialog_offers_close_or_cancel_never_both(qtbot, demo, tmp_path):
    from app.ui.transfer.file_transfer import ImportDialog

    source = tmp_path / "people.csv"
    source.write_text("name,title\n" + "".join(f"人员{i},经理\n" for i in range(2000)), encoding="utf-8")
    dialog = ImportDialog(demo, [DEMO_ACCOUNT_NAMES[0]], DEMO_ACCOUNT_NAMES[0])
    qtbot.addWidget(dialog)
    dialog.show()

    def shown() -> list[str]:
        return sorted(b.text() for b in (dialog.close_button, dialog.cancel_button) if b.isVisible())

    assert shown() == ["Close"]
    dialog.path.setText(str(source))
    dialog._run(dry_run=False)
    assert shown() == ["Cancel"]  # Cancel stops the import; there is nothing to close it with meanwhile
    qtbot.waitUntil(lambda: dialog._worker is None, timeout=20000)
    assert shown() == ["Close"] or not dialog.isVisible()
    Path(source).unlink()
