"""What the main window's File menu does with files: open or create a database, import people, export an
account. Mixed into MainWindow, whose workspace, status bar and signals it uses."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from app.i18n import translate


@contextmanager
def _busy():
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class FileMenuMixin:
    @property
    def _export_worker(self):
        """The file being written last, while any is (two exports may run side by side)."""
        return self._writers[-1] if self._writers else None

    # Strings keep the "MainWindow" context: at run time a mixin's self.tr would look them up there anyway.
    def _on_import(self) -> None:
        from app.ui.transfer.file_transfer import ImportDialog

        names = [s.name for s in self.workspace.account_summaries()]
        current = self.workspace.account(self.account_id).name if self.account_id is not None else None
        dialog = ImportDialog(self.workspace, names, current, self)
        dialog.imported.connect(self._on_imported)
        dialog.exec()

    def _on_imported(self, account_name: str) -> None:
        account_id = self.workspace.account_id_by_name(account_name)
        self.workspace.announce_import(account_id)
        self.select_account(account_id)
        self.statusBar().showMessage(translate("MainWindow", "Imported into %1").replace("%1", account_name), 8000)

    def _on_export(self, fmt: str | None = None) -> None:
        from app.ui.transfer.file_transfer import ExportWorker, ask_export_target

        if self.account_id is None:
            return
        name = self.workspace.account(self.account_id).name
        target = ask_export_target(self, name, fmt or None)  # a menu's "checked" flag is not a format
        if target is None:
            return
        path, fmt, shareable, options = target
        if fmt in ("pdf", "png", "svg"):
            self._export_map(path, fmt, shareable, options)
            return
        self._run_writer(ExportWorker(self.workspace.database, self.account_id, path, fmt, shareable), name)

    def _export_map(self, path: Path, fmt: str, shareable: bool, options: dict) -> None:
        """Record the map here (Qt draws scenes and widgets only on this thread), then write the file in a
        worker: recording takes a fraction of the time of laying out and writing the pages."""
        from app.export.map_document import prepare_map, write_map
        from app.ui.transfer.file_transfer import WriteWorker

        with _busy():
            job = prepare_map(self.workspace, self.account_id, fmt, shareable=shareable, author=self._author(),
                              dpi=options["dpi"], paper=options["paper"])
        self._run_writer(WriteWorker(write_map, job, path), job.title)

    def _on_meeting_pack(self) -> None:
        from app.export.meeting_pack import prepare_brief, write_brief
        from app.ui.transfer.destinations import ask_save_path
        from app.ui.transfer.file_transfer import WriteWorker
        from app.ui.transfer.meeting_pack_dialog import MeetingPackDialog

        if self.account_id is None:
            return
        chosen = [key[1] for key in self.account_page.map_panel.scene.selected_keys() if key[0] == "person"]
        dialog = MeetingPackDialog(self.workspace, self.account_id, chosen, self)
        if dialog.exec() != MeetingPackDialog.DialogCode.Accepted:
            return
        name = self.workspace.account(self.account_id).name
        path = ask_save_path(self, dialog.windowTitle(), f"{name} {dialog.meeting_date().isoformat()}", "pdf",
                             translate("MainWindow", "PDF documents (*.pdf)"))
        if path is None:
            return
        with _busy():
            job = prepare_brief(self.workspace, self.account_id, dialog.attendee_ids(), dialog.meeting_date(),
                                dialog.is_shareable(), self._author(), paper=dialog.paper())
        self._run_writer(WriteWorker(write_brief, job, path), name)

    def _author(self) -> str | None:
        return self.workspace.account_owner_name(self.account_id)

    def _run_writer(self, worker, name: str) -> None:
        from app.ui.transfer.file_transfer import start_writing

        def finished() -> None:
            self._writers.remove(worker)

        self._writers.append(worker)
        start_writing(self, worker, translate("MainWindow", "Exporting %1…").replace("%1", name), finished)

    def _file_filter(self) -> str:
        return translate("MainWindow", "Stakemap databases (*.db *.sqlite *.stakemap);;All files (*)")

    def _on_open_database(self) -> None:
        folder = str(Path(self.db_label.text()).parent)
        path, _ = QFileDialog.getOpenFileName(self, translate("MainWindow", "Open database"), folder,
                                              self._file_filter())
        if path:
            self.open_database_requested.emit(Path(path))

    def _on_new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("MainWindow", "New database"),
                                              str(Path(self.db_label.text()).parent / "stakemap-new.db"),
                                              self._file_filter())
        if path:
            self.new_database_requested.emit(Path(path))
