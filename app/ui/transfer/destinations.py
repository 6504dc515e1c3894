"""Where exported files go and how the user gets to them: the folder last written to, else the platform's
documents folder; once a file is written, buttons to open it or show it in its folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from app.storage.paths import config_dir

KEY = "export/last_folder"
DONE_SECONDS = 30  # how long the buttons of a finished export stay in the status bar


def _settings() -> QSettings:
    # The file of app.ui.main.settings.AppSettings: one settings file for the app.
    path = config_dir() / "stakemap.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def documents_folder() -> Path:
    """The platform's documents folder (the home folder where there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def export_folder() -> Path:
    """The folder the last export went to, while it still exists; else the documents folder."""
    value = _settings().value(KEY)
    if value and Path(str(value)).is_dir():
        return Path(str(value))
    return documents_folder()


def remember_folder(path: Path) -> None:
    settings = _settings()
    settings.setValue(KEY, str(Path(path).parent))
    settings.sync()


def ask_save_path(parent: QWidget, title: str, name: str, suffix: str, filter_text: str) -> Path | None:
    """Ask where to write ``name`` (a file name without its folder), starting in export_folder(); the chosen
    path, given ``.suffix`` if the user left it off, or None when they cancel. The folder is remembered."""
    start = export_folder() / f"{name}.{suffix}"
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start), filter_text)
    if not path:
        return None
    path = Path(path)
    if path.suffix.lower() != f".{suffix}":
        path = path.with_name(f"{path.name}.{suffix}")
    remember_folder(path)
    return path


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    """The file's folder in the platform's file manager, the file selected where the platform can."""
    path = Path(path)
    try:
        if sys.platform == "win32":
            subprocess.Popen(["explorer", "/select,", str(path)])
            return True
        if sys.platform == "darwin":
            subprocess.Popen(["open", "-R", str(path)])
            return True
    except OSError:
        pass
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class ExportDone(QWidget):
    """In the status bar after a file is written: its name, Open and Show in folder; it goes after a while."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDone")
        self.path = Path(path)
        self.label = QLabel(self.tr("Exported %1").replace("%1", self.path.name))
        self.label.setToolTip(str(self.path))
        self.open_button = QPushButton(self.tr("Open"))
        self.show_button = QPushButton(self.tr("Show in folder"))
        self.open_button.clicked.connect(lambda: open_file(self.path))
        self.show_button.clicked.connect(lambda: show_in_folder(self.path))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.open_button)
        layout.addWidget(self.show_button)
        QTimer.singleShot(DONE_SECONDS * 1000, self, self.deleteLater)


def offer_opening(window, written: str) -> ExportDone:
    """Replace any earlier export's buttons in ``window``'s status bar by those of ``written``."""
    bar = window.statusBar()
    for old in bar.findChildren(ExportDone):
        bar.removeWidget(old)
        old.setParent(None)  # gone from the bar at once, not when the deferred delete runs
        old.deleteLater()
    done = ExportDone(Path(written))
    bar.addWidget(done)
    done.show()
    return done
