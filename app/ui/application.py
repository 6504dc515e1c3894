"""Start the desktop app: language, fonts, the database, the main window, and the daily backup."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from app.document import Workspace
from app.i18n import language as lang
from app.i18n import translate
from app.storage import backup
from app.storage.database import Database
from app.storage.errors import EmptyFileError, StorageError
from app.storage.paths import default_database_path
from app.ui.fonts import apply_application_font
from app.ui.main_window import MainWindow
from app.ui.messages import storage_error_text
from app.ui.settings import AppSettings

_STARTED = time.perf_counter()


class AppController(QObject):
    """Owns the open database, its workspace and undo stack, and the window showing them."""

    def __init__(self, settings: AppSettings, language: str) -> None:
        super().__init__()
        self.settings = settings
        self.language = language
        self.database: Database | None = None
        self.workspace: Workspace | None = None
        self.undo_stack: QUndoStack | None = None
        self.window: MainWindow | None = None

    # -- database -------------------------------------------------------------------------------
    def open_database(self, path: Path, *, load_demo_if_new: bool = False, parent=None) -> bool:
        """Open ``path`` (creating it when missing); on refusal tell the user and keep what was open."""
        path = Path(path)
        is_new = not path.exists()
        try:
            database = Database.open(path)
        except EmptyFileError as exc:
            answer = QMessageBox.question(
                parent, translate("Storage", "Empty file"),
                storage_error_text(exc) + "\n\n"
                + translate("Storage", "Create a new, empty Stakemap database in this file?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            try:
                database = Database.open(path, initialize_empty=True)
            except StorageError as exc2:
                self._show_error(exc2, parent)
                return False
        except StorageError as exc:
            self._show_error(exc, parent)
            return False
        self._close_database()
        self.database = database
        self.workspace = Workspace(database)
        self.undo_stack = QUndoStack()
        if is_new and load_demo_if_new:
            self.workspace.load_demo()
        self.settings.last_database = database.path
        if database.backup_made is not None:
            QMessageBox.information(
                parent, translate("Storage", "Database upgraded"),
                translate("Storage", "The database was upgraded to this version of Stakemap. A copy of the "
                                     "previous file was kept at:\n{path}").format(path=database.backup_made),
            )
        return True

    def _show_error(self, exc: StorageError, parent) -> None:
        QMessageBox.critical(parent, translate("Storage", "Cannot open the database"), storage_error_text(exc))

    def _close_database(self) -> None:
        if self.database is not None:
            self.database.close()
        self.database = self.workspace = self.undo_stack = None

    def backup_in_background(self, force: bool = False) -> threading.Thread | None:
        """Write a verified backup off the UI thread when the last one is older than a day."""
        if self.database is None or not (force or backup.backup_is_due(self.database.path)):
            return None
        path = self.database.path
        thread = threading.Thread(target=self._backup_quietly, args=(path,), daemon=True, name="backup")
        thread.start()
        return thread

    @staticmethod
    def _backup_quietly(path: Path) -> None:
        try:
            backup.make_backup(path)
        except Exception as exc:  # a failed backup must never take the app down
            print(f"stakemap: backup of {path} failed: {exc}", file=sys.stderr)

    # -- window ---------------------------------------------------------------------------------
    def show_window(self, select_account: int | None = None) -> MainWindow:
        old = self.window
        if old is not None:
            old.save_window_state()
        window = MainWindow(self.workspace, self.undo_stack, self.settings, self.language)
        window.open_database_requested.connect(self._on_open_requested)
        window.new_database_requested.connect(self._on_new_requested)
        window.language_requested.connect(self._on_language_requested)
        window.backup_requested.connect(self._on_backup_requested)
        self.window = window
        if old is not None:
            old.hide()
            old.deleteLater()
        window.show()
        if not window.select_account(select_account if select_account is not None else self.settings.last_account):
            window.select_account(self._first_account())
        return window

    def _first_account(self) -> int | None:
        summaries = self.workspace.account_summaries() if self.workspace else []
        return summaries[0].id if summaries else None

    def _on_open_requested(self, path: Path) -> None:
        if self.database is not None and Path(path).absolute() == self.database.path:
            return
        if self.open_database(path, parent=self.window):
            self.settings.last_account = None
            self.show_window()

    def _on_new_requested(self, path: Path) -> None:
        if Path(path).exists():
            QMessageBox.warning(self.window, translate("Storage", "New database"),
                                translate("Storage", "“{path}” already exists; choose a new file name.").format(
                                    path=path))
            return
        self._on_open_requested(path)

    def _on_language_requested(self, code: str) -> None:
        self.language = lang.install(code)
        self.settings.language = self.language
        self.show_window(self.window.account_id if self.window else None)

    def _on_backup_requested(self) -> None:
        if self.database is None:
            return
        try:
            written = backup.make_backup(self.database.path)
        except Exception as exc:
            QMessageBox.critical(self.window, translate("Storage", "Backup failed"), str(exc))
            return
        self.window.statusBar().showMessage(
            translate("Storage", "Backup written to {path}").format(path=written), 8000)

    def shutdown(self) -> None:
        self._close_database()


def run_gui(db_path: Path | None, language: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Stakemap")
    app.setOrganizationName("Stakemap")
    settings = AppSettings()
    chosen = lang.install(lang.normalize(language) or lang.normalize(settings.language) or lang.system_language())
    if language:
        settings.language = chosen
    apply_application_font(app)

    controller = AppController(settings, chosen)
    if db_path is not None:
        path = Path(db_path)
    elif settings.last_database is not None and settings.last_database.exists():
        path = settings.last_database
    else:
        path = default_database_path()
    first_run = db_path is None and not path.exists()
    if not controller.open_database(path, load_demo_if_new=first_run):
        return 1
    controller.show_window()
    app.aboutToQuit.connect(controller.shutdown)
    QTimer.singleShot(2000, controller.backup_in_background)
    if os.environ.get("STAKEMAP_STARTUP_PROBE"):
        # Benchmarks: report once the window has been shown and painted, then leave.
        def _report() -> None:
            controller.window.repaint()
            print(f"startup-shown {time.perf_counter() - _STARTED:.4f}", flush=True)
            app.quit()

        QTimer.singleShot(0, _report)
    return app.exec()
