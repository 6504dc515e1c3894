"""Start the desktop app: language, fonts, the window, the database (opened in the background) and the
daily backup."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from app.document.summary import AccountSummary
from app.i18n import language as lang
from app.i18n import translate
from app.storage import backup
from app.storage.errors import EmptyFileError, StorageError
from app.storage.fastread import read_account_summaries
from app.storage.paths import default_database_path
from app.ui.common.fonts import apply_application_font
from app.ui.common.messages import storage_error_text
from app.ui.main.opener import DatabaseOpener
from app.ui.main.settings import AppSettings
from app.ui.main.window import MainWindow

_STARTED = time.perf_counter()


class AppController(QObject):
    """Owns the open database, its workspace and undo stack, and the window showing them."""

    backup_failed = Signal(object)  # a StorageError or another exception, from the backup thread

    def __init__(self, settings: AppSettings, language: str) -> None:
        super().__init__()
        from app.ui.main.gui_collector import GuiThreadCollector

        self._collector = GuiThreadCollector(self)
        self.settings = settings
        self.language = language
        self.database = None
        self.workspace = None
        self.undo_stack = None
        self.window: MainWindow | None = None
        self._opener: DatabaseOpener | None = None
        self._opening: Path | None = None
        self._damaged_path: Path | None = None
        self.ready_callbacks: list = []
        self.backup_failed.connect(self._on_backup_failed)

    # -- window ---------------------------------------------------------------------------------
    def create_window(self, path: Path) -> MainWindow:
        window = MainWindow(self.settings, self.language, path)
        window.open_database_requested.connect(self._on_open_requested)
        window.new_database_requested.connect(self._on_new_requested)
        window.language_requested.connect(self._on_language_requested)
        window.backup_requested.connect(self._on_backup_requested)
        window.restore_requested.connect(self._on_restore_requested)
        window.salvage_requested.connect(self._on_salvage_requested)
        self.window = window
        return window

    def _on_language_requested(self, code: str) -> None:
        self.language = lang.install(code)
        self.settings.language = self.language
        old = self.window
        account = old.account_id if old is not None else None
        old.save_window_state()
        window = self.create_window(self.database.path if self.database else Path(old.db_label.text()))
        if self.workspace is not None:
            window.attach(self.workspace, self.undo_stack, account)
        window.show()
        old.replaced = True
        old.close()
        old.deleteLater()

    # -- database -------------------------------------------------------------------------------
    def open_database(self, path: Path, *, load_demo: bool = False, initialize_empty: bool = False,
                      wait: bool = False) -> None:
        """Open ``path`` in the background; the window attaches to it when ready.

        On refusal the user is told why and whatever was open stays open.
        """
        path = Path(path).absolute()
        self._opening = path
        opener = DatabaseOpener(path, initialize_empty=initialize_empty, load_demo=load_demo)
        opener.opened.connect(self._on_opened)
        opener.refused.connect(self._on_refused)
        opener.failed.connect(self._on_failed)
        opener.finished.connect(opener.deleteLater)
        self._opener = opener
        if self.window is not None:
            self.window.statusBar().showMessage(translate("Storage", "Opening {path}…").format(path=path))
        opener.start()
        if wait:
            opener.wait()
            QApplication.processEvents()

    def _on_opened(self, database) -> None:
        from PySide6.QtGui import QUndoStack

        from app.document import Workspace

        if self.window is not None:
            self.window.finish_background_work()  # nothing may read the old file once it is closed
        self._close_database()
        if database.damage:
            # Its panels would meet the damaged pages one by one: offer the way out instead, and never write.
            database.close(report=False)
            self._damaged_path = database.path
            self.window.statusBar().clearMessage()
            self.window.show_damaged(database.path, database.damage)
            return
        self._damaged_path = None
        self.database = database
        self.workspace = Workspace(database)
        self.undo_stack = QUndoStack()
        self.settings.last_database = database.path
        self.window.attach(self.workspace, self.undo_stack, self.settings.last_account)
        self.window.statusBar().clearMessage()
        self.window.show_read_only(database.read_only_reason, database.damage)
        if database.backup_made is not None:
            QMessageBox.information(
                self.window, translate("Storage", "Database upgraded"),
                translate("Storage", "The database was upgraded to this version of Stakemap. A copy of the "
                                     "previous file was kept at:\n{path}").format(path=database.backup_made),
            )
        if not database.read_only:
            QTimer.singleShot(2000, self, self.backup_in_background)
        for callback in self.ready_callbacks:
            callback()

    def _on_refused(self, exc: StorageError) -> None:
        self.window.statusBar().clearMessage()
        if self.workspace is None:
            self.window.show_no_database()
        if isinstance(exc, EmptyFileError):
            answer = QMessageBox.question(
                self.window, translate("Storage", "Empty file"),
                storage_error_text(exc) + "\n\n"
                + translate("Storage", "Create a new, empty Stakemap database in this file?"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.open_database(Path(exc.path), initialize_empty=True)
            return
        QMessageBox.critical(self.window, translate("Storage", "Cannot open the database"), storage_error_text(exc))

    def _on_failed(self, detail: str) -> None:
        self.window.statusBar().clearMessage()
        if self.workspace is None:
            self.window.show_no_database()
        QMessageBox.critical(self.window, translate("Storage", "Cannot open the database"),
                             translate("Storage", "The database could not be opened: {detail}").format(detail=detail))

    def _close_database(self) -> None:
        if self.database is not None:
            problem = self.database.close(report=False)
            if problem is not None and self.window is not None:
                # The changes are safe in the -wal; the next open folds them in.
                QMessageBox.warning(self.window, translate("Storage", "Database closed"), storage_error_text(problem))
        self.database = self.workspace = self.undo_stack = None

    def _on_open_requested(self, path: Path) -> None:
        if self.database is not None and Path(path).absolute() == self.database.path:
            return
        self.open_database(Path(path))

    def _on_new_requested(self, path: Path) -> None:
        if Path(path).exists():
            QMessageBox.warning(self.window, translate("Storage", "New database"),
                                translate("Storage", "“{path}” already exists; choose a new file name.").format(
                                    path=path))
            return
        self.open_database(Path(path))

    # -- backups --------------------------------------------------------------------------------
    def backup_in_background(self, force: bool = False) -> threading.Thread | None:
        """Write a verified backup off the UI thread when the last one is older than a day."""
        if self.database is None or not (force or backup.backup_is_due(self.database.path)):
            return None
        thread = threading.Thread(target=self._backup_quietly, args=(self.database.path,), daemon=True)
        thread.start()
        return thread

    def _backup_quietly(self, path: Path) -> None:
        try:
            backup.make_backup(path, second_folder=self.settings.second_backup_folder)
        except Exception as exc:  # a failed backup must never take the app down; the window says so
            print(f"stakemap: backup of {path} failed: {exc}", file=sys.stderr)
            self.backup_failed.emit(exc)

    def _backup_failure_text(self, exc: Exception) -> str:
        if isinstance(exc, StorageError):
            return storage_error_text(exc)
        return translate("Storage", "The backup could not be written: {detail}").format(detail=exc)

    def _on_backup_failed(self, exc: Exception) -> None:
        if self.window is not None:
            self.window.show_backup_problem(
                translate("Storage", "Last backup failed: {reason}").format(reason=self._backup_failure_text(exc)))

    def _on_backup_requested(self) -> None:
        if self.database is None:
            return
        try:
            written = backup.make_backup(self.database.path, second_folder=self.settings.second_backup_folder)
        except Exception as exc:
            QMessageBox.critical(self.window, translate("Storage", "Backup failed"), self._backup_failure_text(exc))
            self._on_backup_failed(exc)
            return
        self.window.show_backup_problem(None)
        self.window.statusBar().showMessage(
            translate("Storage", "Backup written to {path}").format(path=written), 8000)

    # -- restore and salvage ----------------------------------------------------------------------
    def _current_path(self) -> Path:
        if self.database is not None:
            return self.database.path
        return self._damaged_path or Path(self.window.db_label.text()).absolute()

    def _on_restore_requested(self, backup_path: Path) -> None:
        from app.storage.restore import restore_backup

        path = self._current_path()
        answer = QMessageBox.question(
            self.window, translate("Storage", "Restore from backup"),
            translate("Storage", "Put the backup “{backup}” in place of “{path}”? The current file is kept aside "
                                 "under a dated name, with its “-wal” file.").format(backup=backup_path, path=path))
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.window is not None:
            self.window.finish_background_work()
        self._close_database()
        try:
            restored = restore_backup(path, backup_path)
        except StorageError as exc:
            QMessageBox.critical(self.window, translate("Storage", "Restore failed"),
                                 storage_error_text(exc) + "\n\n"
                                 + translate("Storage", "The current file was left as it was."))
            self.open_database(path)
            return
        text = translate("Storage", "“{path}” was restored from “{backup}”.").format(path=path, backup=backup_path)
        if restored.kept_aside is not None:
            text += "\n" + translate("Storage", "The previous file was kept at:\n{aside}").format(
                aside=restored.kept_aside)
        QMessageBox.information(self.window, translate("Storage", "Restored"), text)
        self.open_database(path)

    def _on_salvage_requested(self) -> None:
        from app.storage.restore import salvage_copy

        path = self._current_path()
        try:
            written = salvage_copy(path)
        except StorageError as exc:
            QMessageBox.critical(self.window, translate("Storage", "Salvage failed"), storage_error_text(exc))
            return
        answer = QMessageBox.question(
            self.window, translate("Storage", "Salvaged copy written"),
            translate("Storage", "What could be read from “{path}” was copied to “{copy}”; the damaged file was "
                                 "not changed. Open the copy now?").format(path=path, copy=written))
        if answer == QMessageBox.StandardButton.Yes:
            self.open_database(written)

    def shutdown(self) -> None:
        if self._opener is not None:
            try:
                self._opener.wait()
            except RuntimeError:
                pass  # already deleted
        from app.views.map.routes import wait_for_routing

        wait_for_routing()
        self._close_database()
        self._collector.stop()


def choose_database(db_path: Path | None, settings: AppSettings) -> tuple[Path, bool]:
    """The file to open, and whether it is the first run (no database yet: load the demo)."""
    if db_path is not None:
        return Path(db_path), False
    if settings.last_database is not None and settings.last_database.exists():
        return settings.last_database, False
    path = default_database_path()
    return path, not path.exists()


def application_icon():
    """The app's icon at every shipped size (PNG, so no icon-engine plugin is needed to show it)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from app import resources

    icon = QIcon()
    for size in resources.ICON_SIZES:
        icon.addFile(str(resources.icon_png(size)), QSize(size, size))
    return icon


def set_application_identity(app: QApplication) -> None:
    """Version, icon and desktop entry name: what the window manager and the About box show."""
    from app import __version__
    from app.desktop.integration import DESKTOP_ID

    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())
    app.setDesktopFileName(DESKTOP_ID)


def run_gui(db_path: Path | None, language: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Stakemap")
    app.setOrganizationName("Stakemap")
    set_application_identity(app)
    settings = AppSettings()
    chosen = lang.install(lang.normalize(language) or lang.normalize(settings.language) or lang.system_language())
    if language:
        settings.language = chosen
    apply_application_font(app)

    controller = AppController(settings, chosen)
    path, first_run = choose_database(db_path, settings)
    window = controller.create_window(path)
    preview = read_account_summaries(path)
    if preview is not None:
        window.show_preview([AccountSummary(*row) for row in preview], settings.last_account)
    window.show()
    controller.open_database(path, load_demo=first_run)
    app.aboutToQuit.connect(controller.shutdown)
    if os.environ.get("STAKEMAP_STARTUP_PROBE"):
        _install_startup_probe(app, controller)
    return app.exec()


def _install_startup_probe(app: QApplication, controller: AppController) -> None:
    """Benchmarks: report when the window is painted with its accounts listed, and when it is ready for
    editing; then leave."""

    def shown() -> None:
        controller.window.repaint()
        print(f"startup-shown {time.perf_counter() - _STARTED:.4f}", flush=True)

    def ready() -> None:
        controller.window.repaint()
        print(f"startup-ready {time.perf_counter() - _STARTED:.4f}", flush=True)
        print(f"startup-language {controller.language}", flush=True)
        # Qt's own catalogue (standard buttons, file dialogs), found where this install keeps it.
        print(f"startup-qt-cancel {QCoreApplication.translate('QPlatformTheme', 'Cancel')}", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    controller.ready_callbacks.append(lambda: QTimer.singleShot(0, ready))
