"""What the main window shows about the file itself: the read-only banner (with restore and salvage for a
damaged file), the last backup's failure in the status bar, File ▸ Restore from backup… and the second backup
folder. Mixed into MainWindow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QSizePolicy, QToolBar

from app.i18n import translate
from app.storage.access import DAMAGED


class StorageUiMixin:
    def _create_storage_widgets(self) -> None:
        self.read_only_banner = QToolBar(translate("MainWindow", "Read-only"))
        self.read_only_banner.setObjectName("ReadOnlyBanner")
        self.read_only_banner.setMovable(False)
        self.read_only_banner.setFloatable(False)
        self.read_only_banner.setStyleSheet("QToolBar#ReadOnlyBanner { background: #fff4ce; border: 0; }")
        self.read_only_label = QLabel()
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setContentsMargins(8, 4, 8, 4)
        # The sentence takes the banner's width; the buttons follow it on the right.
        self.read_only_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.read_only_banner.addWidget(self.read_only_label)
        self.banner_restore_action = self.read_only_banner.addAction(
            translate("MainWindow", "Restore from backup…"), self._on_restore_backup)
        self.banner_salvage_action = self.read_only_banner.addAction(
            translate("MainWindow", "Save a salvaged copy…"), self.salvage_requested.emit)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.read_only_banner)
        self.read_only_banner.hide()
        self.backup_problem_label = QLabel()
        self.backup_problem_label.setStyleSheet("color: #a4262c;")
        self.statusBar().addWidget(self.backup_problem_label)
        self.backup_problem_label.hide()

    def show_read_only(self, reason: str | None, damage: str | None = None) -> None:
        """The banner over the window while the open file is read-only (``reason``), or damaged."""
        from app.ui.common.messages import read_only_reason_text

        if reason is None:
            self.read_only_banner.hide()
            return
        if damage:
            text = translate("MainWindow", "This file is damaged ({detail}) and is open read-only: nothing will "
                                           "be written to it. Restore a backup, or save a salvaged copy of what "
                                           "can still be read.").replace("{detail}", damage)
        else:
            text = translate("MainWindow", "Read-only: {reason}. You can look at everything; changes are not "
                                           "saved.").replace("{reason}", read_only_reason_text(reason))
        self.read_only_label.setText(text)
        self.banner_restore_action.setVisible(bool(damage))
        self.banner_salvage_action.setVisible(bool(damage))
        self.read_only_banner.show()

    def show_damaged(self, path: Path, damage: str) -> None:
        """A damaged file: nothing of it is shown or written; the banner offers restore and salvage."""
        self.show_no_database()
        self.loading_label.setText(translate("MainWindow", "“{path}” is damaged and was not opened for editing; "
                                                           "it was left as it was.").replace("{path}", str(path)))
        self.show_read_only(DAMAGED, damage)

    def show_backup_problem(self, text: str | None) -> None:
        """The last backup's failure, kept in the status bar until a backup succeeds."""
        self.backup_problem_label.setText(text or "")
        self.backup_problem_label.setVisible(bool(text))

    def _on_restore_backup(self) -> None:
        from app.storage.backup import backups_dir_for

        current = Path(self.db_label.text())
        folder = backups_dir_for(current)
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Restore from backup"), str(folder if folder.is_dir() else current.parent),
            translate("MainWindow", "Stakemap backups (*.bak.db *.db);;All files (*)"))
        if path:
            self.restore_requested.emit(Path(path))

    def _on_second_backup_folder(self) -> None:
        current = self.settings.second_backup_folder
        folder = QFileDialog.getExistingDirectory(
            self, translate("MainWindow", "Second backup folder (another disk or a share)"),
            str(current) if current else str(Path(self.db_label.text()).parent))
        if folder:
            self.settings.second_backup_folder = Path(folder)
            self.statusBar().showMessage(
                translate("MainWindow", "Backups are also written to {folder}").replace("{folder}", folder), 8000)
