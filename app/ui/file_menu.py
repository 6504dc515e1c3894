"""What the main window's File menu does with files: open or create a database, import people, export an
account. Mixed into MainWindow, whose workspace, status bar and signals it uses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.i18n import translate


class FileMenuMixin:
    # Strings keep the "MainWindow" context: at run time a mixin's self.tr would look them up there anyway.
    def _on_import(self) -> None:
        from app.ui.file_transfer import ImportDialog

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

    def _on_export(self) -> None:
        from app.ui.file_transfer import ExportWorker, ask_export_target

        if self.account_id is None:
            return
        name = self.workspace.account(self.account_id).name
        target = ask_export_target(self, name)
        if target is None:
            return
        path, fmt, shareable = target
        if fmt in ("pdf", "png", "svg"):
            self._export_map(path, fmt, shareable)
            return
        worker = ExportWorker(self.workspace.database, self.account_id, path, fmt, shareable)
        worker.done.connect(lambda written: self.statusBar().showMessage(
            translate("MainWindow", "Exported to %1").replace("%1", written), 8000))
        failed_title = translate("MainWindow", "Export failed")
        worker.failed.connect(lambda detail: QMessageBox.warning(self, failed_title, detail))
        worker.finished.connect(worker.deleteLater)
        self._export_worker = worker
        self.statusBar().showMessage(translate("MainWindow", "Exporting %1…").replace("%1", name))
        worker.start()

    def _export_map(self, path: Path, fmt: str, shareable: bool) -> None:
        """Draw the map into a file. Drawing builds a scene and a legend widget, which Qt allows only on this
        thread; a 500-person map takes about a second."""
        from PySide6.QtGui import QGuiApplication

        from app.export.map_document import export_map

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_map(self.workspace, self.account_id, path, fmt, shareable=shareable)
        except OSError as exc:
            QMessageBox.warning(self, translate("MainWindow", "Export failed"), str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.statusBar().showMessage(translate("MainWindow", "Exported to %1").replace("%1", str(path)), 8000)

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
