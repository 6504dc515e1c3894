"""File ▸ Import and File ▸ Export: a preview of what an import will do, then the import itself, each run
off the UI thread with its own database session; exports written atomically, also off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.i18n.language import join_names
from app.ui.common.failures import detail_of, with_detail
from app.ui.common.widgets import add_ok_cancel, paper_combo
from app.ui.transfer.destinations import ask_save_path, offer_opening
from app.ui.transfer.import_messages import calendar_summary, localize

FORMATS = ("csv", "xlsx", "vcard", "graphml", "gexf", "json", "ics")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "big5", "cp1252", "utf-16", "latin-1")


def encoding_names() -> dict[str, str]:
    """What each encoding is called in the interface: the writing it is for, then its standard name."""
    return {
        "utf-8": "UTF-8",
        "utf-8-sig": translate("ImportDialog", "UTF-8 with BOM"),
        "gb18030": translate("ImportDialog", "Simplified Chinese (GB18030, GBK)"),
        "big5": translate("ImportDialog", "Traditional Chinese (Big5)"),
        "cp1252": translate("ImportDialog", "Western European (Windows-1252)"),
        "utf-16": "UTF-16",
        "latin-1": translate("ImportDialog", "Western European (ISO 8859-1)"),
    }


class ImportWorker(QThread):
    done = Signal(object)  # ImportReport
    refused = Signal(str)

    cancelled = Signal()

    def __init__(self, database, path: Path, account: str, fmt: str, encoding: str | None, dry_run: bool,
                 sheet: str | None = None) -> None:
        super().__init__()
        self._db, self.path, self.account, self.fmt = database, path, account, fmt
        self.encoding, self.dry_run, self.sheet = encoding, dry_run, sheet
        self._cancel = False

    def cancel(self) -> None:
        """Stop before anything is committed (the work in progress is rolled back)."""
        self._cancel = True

    def run(self) -> None:
        from app.document.storage_messages import storage_error_text
        from app.io.apply import import_file
        from app.io.report import ImportRefused
        from app.storage.errors import StorageError

        try:
            if self.dry_run:
                with self._db.read_session() as session:
                    report = import_file(session, self.path, self.account, self.fmt, True, self.encoding,
                                         self.sheet)
                    session.rollback()  # a preview never writes
            else:
                # One transaction: all of it, or — refused, cancelled, the disk full — nothing.
                with self._db.session() as session:
                    report = import_file(session, self.path, self.account, self.fmt, False, self.encoding,
                                         self.sheet)
                    if self._cancel:
                        session.rollback()
                        self.cancelled.emit()
                        return
        except ImportRefused as exc:
            self.refused.emit(exc.reason)
            return
        except StorageError as exc:  # a full disk, a read-only file: said in one sentence, nothing imported
            self.refused.emit(storage_error_text(exc))
            return
        except Exception as exc:  # a broken file must never take the window down
            from app.document.team import refusal_message
            from app.document.team_access import is_refusal

            if is_refusal(exc):  # an account the team server shares with this login for reading only
                self.refused.emit(refusal_message(exc))
                return
            self.refused.emit(with_detail(translate("ImportDialog", "The file could not be read."), detail_of(exc)))
            return
        self.done.emit(report)


class ImportDialog(QDialog):
    """Choose a file, see what it would change, then import it in one transaction."""

    imported = Signal(str)  # the account's name

    def __init__(self, workspace, account_names: list[str], current: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ws = workspace
        self._worker: ImportWorker | None = None
        self.report = None
        self.setWindowTitle(self.tr("Import people"))
        self.resize(640, 560)
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.format = QComboBox()
        self.format.addItem(self.tr("From the file's extension"), None)
        labels = ("CSV", "Excel (XLSX, XLSM)", "vCard", "GraphML", "GEXF", "JSON (Stakemap)",
                  self.tr("Calendar events (iCalendar .ics)"))
        for code, label in zip(FORMATS, labels, strict=True):
            self.format.addItem(label, code)
        self.encoding = QComboBox()
        self.encoding.addItem(self.tr("Detect"), None)
        names = encoding_names()
        for code in ENCODINGS:
            self.encoding.addItem(names[code], code)
        self.sheet = QComboBox()
        self.sheet.addItem(self.tr("The first with a name column"), None)
        self.sample = QLabel()
        self.sample.setWordWrap(True)
        self.sample.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sample.hide()
        self.account = QComboBox()
        self.account.setEditable(True)
        self.account.addItems(account_names)
        self.account.setCurrentText(current or "")
        self.summary = QLabel(self.tr("Choose a file, then Preview to see what it would change."))
        self.summary.setWordWrap(True)
        self.details = QTreeWidget()
        self.details.setHeaderLabels([self.tr("What"), self.tr("Details")])
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.preview_button = QPushButton(self.tr("Preview"))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        # Close while idle, Cancel while an import runs: never both (Cancel stops the import, Close the dialog).
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.hide()  # after it joins the box, which shows what it is given
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File"))
        file_label.setBuddy(self.path)  # the field is a row of two widgets: the label needs its buddy named
        form.addRow(file_label, path_row)
        form.addRow(self.tr("F&ormat"), self.format)
        form.addRow(self.tr("&Encoding"), self.encoding)
        form.addRow(self.tr("&Sheet"), self.sheet)
        form.addRow(self.tr("Into &account"), self.account)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.sample)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        self.preview_button.clicked.connect(lambda: self._run(dry_run=True))
        self.import_button.clicked.connect(lambda: self._run(dry_run=False))
        self.cancel_button.clicked.connect(self._cancel)
        for widget in (self.path, self.account.lineEdit()):
            widget.textChanged.connect(lambda _t: self.import_button.setEnabled(False))
        self.format.currentIndexChanged.connect(lambda _i: self.import_button.setEnabled(False))
        self.encoding.currentIndexChanged.connect(lambda _i: self.import_button.setEnabled(False))
        self.sheet.currentIndexChanged.connect(lambda _i: self.import_button.setEnabled(False))
        self.path.textChanged.connect(self._on_path_changed)
        self.format.currentIndexChanged.connect(lambda _i: self._on_path_changed())
        self._on_path_changed()

    def _current_format(self) -> str | None:
        from app.io.apply import format_of

        return self.format.currentData() or format_of(Path(self.path.text().strip()))

    def _on_path_changed(self, _text: str = "") -> None:
        """The sheet row is for workbooks, the encoding row for text files; a new file starts from detection."""
        fmt = self._current_format()
        self._form.setRowVisible(self.sheet, fmt == "xlsx")
        self._form.setRowVisible(self.encoding, fmt in (None, "csv", "vcard"))
        while self.sheet.count() > 1:
            self.sheet.removeItem(1)
        self.sample.hide()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import people"), self.path.text(),
            self.tr("Contacts, maps and calendars (*.csv *.txt *.xlsx *.xlsm *.vcf *.vcard *.graphml *.gexf *.json "
                    "*.ics);;All files (*)"))
        if path:
            self.path.setText(path)

    def _run(self, dry_run: bool) -> None:
        from app.io.apply import format_of

        path = Path(self.path.text().strip())
        account = self.account.currentText().strip()
        fmt = self.format.currentData() or format_of(path)
        if not path.is_file() or not account or fmt is None:
            self.summary.setText(self.tr("Choose an existing file, its format and the account to import into."))
            return
        sheet = self.sheet.currentData() if fmt == "xlsx" else None
        worker = ImportWorker(self._ws.database, path, account, fmt, self.encoding.currentData(), dry_run, sheet)
        worker.done.connect(lambda report: self._on_done(report, dry_run, account))
        worker.refused.connect(self._on_refused)
        worker.cancelled.connect(self._on_cancelled)
        worker.finished.connect(self._on_finished)
        self._worker = worker
        for button in (self.preview_button, self.import_button):
            button.setEnabled(False)
        self.busy.show()
        self.cancel_button.setVisible(not dry_run)
        self.close_button.setVisible(dry_run)
        worker.start()

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.summary.setText(self.tr("Cancelling…"))

    def _on_cancelled(self) -> None:
        self.summary.setText(self.tr("Cancelled: nothing was written."))

    def reject(self) -> None:
        if self._worker is not None:  # closing while importing cancels the import
            self._worker.cancel()
            self._worker.wait()
        super().reject()

    def _on_finished(self) -> None:
        self.busy.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.preview_button.setEnabled(True)
        if self._worker is not None:
            self._worker.deleteLater()
            self._worker = None

    def _on_refused(self, reason: str) -> None:
        self.report = None
        self.details.clear()
        text = self.tr("The file was refused and nothing was written: %1")
        self.summary.setText(text.replace("%1", localize(reason)))
        self.sample.hide()

    def _on_done(self, report, dry_run: bool, account: str) -> None:
        self.report = report
        self._show(report, dry_run)
        if dry_run:
            if report.format == "ics":
                self.import_button.setEnabled(report.interactions_added > 0)
            else:
                self.import_button.setEnabled(not report.refused or bool(report.created or report.updated))
        else:
            self.imported.emit(account)
            self.accept()

    def _show(self, report, dry_run: bool) -> None:
        if report.format == "ics":
            self._show_calendar(report, dry_run)
            return
        lines = [
            self.tr("Preview — nothing written yet.") if dry_run else self.tr("Imported."),
            self.tr("%1 to create, %2 to update, %3 unchanged, %4 links, %5 refused.")
            .replace("%1", str(len(report.created))).replace("%2", str(len(report.updated)))
            .replace("%3", str(len(report.skipped))).replace("%4", str(report.links_created))
            .replace("%5", str(len(report.refused))),
        ]
        if report.account_created:
            lines.append(self.tr("The account will be created."))
        if report.encoding:
            lines.append(self.tr("Encoding: %1 (if the sample below reads wrongly, choose another under Encoding)")
                         .replace("%1", encoding_names().get(report.encoding, report.encoding)))
        if report.sheet:
            lines.append(self.tr("Sheet: %1").replace("%1", report.sheet))
            self._offer_sheets(report.sheets, report.sheet)
        if report.matched_by_name:
            lines.append(self.tr("%1 matched by name only: check they are the same people.")
                         .replace("%1", str(len(report.matched_by_name))))
        self.summary.setText("\n".join(lines))
        self.sample.setVisible(bool(report.sample))
        if report.sample:
            self.sample.setText(self.tr("Sample as read:") + "\n" + report.sample)
        self.details.clear()
        groups = ((self.tr("To create"), report.created), (self.tr("To update"), report.updated),
                  (self.tr("Unchanged (already there)"), report.skipped),
                  (self.tr("Matched by name only (no id or e-mail to confirm)"), report.matched_by_name))
        for title, names in groups:
            parent = QTreeWidgetItem(self.details, [f"{title} ({len(names)})", ""])
            for name in names[:500]:
                QTreeWidgetItem(parent, [name, ""])
        refused = QTreeWidgetItem(self.details, [self.tr("Refused (%1)").replace("%1", str(len(report.refused))), ""])
        for refusal in report.refused[:500]:
            where = self.tr("line %1").replace("%1", str(refusal.line)) if refusal.line is not None else ""
            QTreeWidgetItem(refused, [where, localize(refusal.reason)])
        refused.setExpanded(bool(report.refused))
        if report.warnings:
            warned = QTreeWidgetItem(self.details, [self.tr("Imported with a field left unknown (%1)")
                                                    .replace("%1", str(len(report.warnings))), ""])
            for warning in report.warnings[:500]:
                where = self.tr("line %1").replace("%1", str(warning.line)) if warning.line is not None else ""
                QTreeWidgetItem(warned, [where, localize(warning.reason)])
            warned.setExpanded(True)
        if report.unknown_columns:
            unknown = QTreeWidgetItem(self.details, [self.tr("Columns not used"), join_names(report.unknown_columns)])
            unknown.setToolTip(1, join_names(report.unknown_columns))
        self.details.resizeColumnToContents(0)

    def _show_calendar(self, report, dry_run: bool) -> None:
        """A calendar logs interactions: say how many, how many were logged before, how many concern nobody
        of the account."""
        head = self.tr("Preview — nothing written yet.") if dry_run else self.tr("Imported.")
        lines = [head, calendar_summary(report, dry_run)]
        if report.events_skipped:
            lines.append(self.tr("Skipped events have nobody of the account among their attendees (matched by "
                                 "e-mail, then by name)."))
        self.summary.setText("\n".join(lines))
        self.sample.hide()
        self.details.clear()
        from app.views.history_model import channels

        names = channels()
        groups = (("added", self.tr("To log (%1)") if dry_run else self.tr("Logged (%1)")),
                  ("known", self.tr("Already imported (%1)")),
                  ("skipped", self.tr("Skipped: nobody of the account attends (%1)")))
        for status, title in groups:
            events = [e for e in report.events if e[0] == status]
            parent = QTreeWidgetItem(self.details, [title.replace("%1", str(len(events))), ""])
            for _status, start, channel, summary, who in events[:500]:
                what = " · ".join(filter(None, [names.get(channel, channel), summary, join_names(who)]))
                QTreeWidgetItem(parent, [start.strftime("%Y-%m-%d %H:%M"), what])
            parent.setExpanded(status == "added")
        for title, items in ((self.tr("Refused (%1)"), report.refused), (self.tr("Warnings (%1)"), report.warnings)):
            if not items:
                continue
            parent = QTreeWidgetItem(self.details, [title.replace("%1", str(len(items))), ""])
            for item in items[:500]:
                QTreeWidgetItem(parent, ["", localize(item.reason)])
            parent.setExpanded(True)
        self.details.resizeColumnToContents(0)

    def _offer_sheets(self, sheets: list[str], chosen: str) -> None:
        """Every sheet of the workbook, the one read selected, so the user can pick another and preview again."""
        self.sheet.blockSignals(True)
        while self.sheet.count() > 1:
            self.sheet.removeItem(1)
        for name in sheets:
            self.sheet.addItem(name, name)
        self.sheet.setCurrentIndex(max(0, self.sheet.findData(chosen)))
        self.sheet.blockSignals(False)


def vocabulary_labels() -> dict[str, dict]:
    from app.i18n import labels

    return {"role": labels.buying_roles(), "stance": labels.stances(), "kind": labels.link_kinds()}


class ExportWorker(QThread):
    done = Signal(str)
    failed = Signal(str)

    def __init__(self, database, account_id: int, path: Path, fmt: str, shareable: bool) -> None:
        from app.io.exporters import LABELLED_FORMATS

        super().__init__()
        self._db, self.account_id, self.path, self.fmt, self.shareable = database, account_id, path, fmt, shareable
        # Taken here, on the GUI thread: the words of the interface language for roles, stances and link kinds.
        self.options = {"labels": vocabulary_labels()} if fmt in LABELLED_FORMATS else {}

    def run(self) -> None:
        from app.io.exporters import writer_for

        try:
            with self._db.sessionmaker() as session:
                writer_for(self.fmt)(session, self.account_id, self.path, shareable=self.shareable, **self.options)
        except Exception as exc:  # the old file is untouched: writes are atomic
            self.failed.emit(detail_of(exc))
            return
        self.done.emit(str(self.path))


class WriteWorker(QThread):
    """Writes a document already recorded on the GUI thread (a map or a meeting pack) into its file.

    ``write(job, path, progress)`` calls ``progress(page, pages)`` as it goes, when it can tell."""

    done = Signal(str)
    failed = Signal(str)
    progress = Signal(int, int)

    def __init__(self, write, job, path: Path) -> None:
        super().__init__()
        self._write, self._job, self.path = write, job, path

    def run(self) -> None:
        try:
            self._write(self._job, self.path, self.progress.emit)
        except Exception as exc:  # the old file is untouched: writes are atomic
            self.failed.emit(detail_of(exc))
            return
        self.done.emit(str(self.path))


def ask_export_target(parent: QWidget, account_name: str, chosen: str | None = None
                      ) -> tuple[Path, str, bool, dict] | None:
    """The file, format, shareable choice and picture options (paper, dpi) for an export, or None when the user
    cancels; ``chosen`` is the format offered first."""
    from PySide6.QtWidgets import QSpinBox

    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("ExportDialog", "Export %1").replace("%1", account_name))
    fmt = QComboBox()
    for code, label in (("pdf", translate("ExportDialog", "PDF (decision map and stakeholder table)")),
                        ("png", translate("ExportDialog", "PNG picture of the map")),
                        ("svg", translate("ExportDialog", "SVG drawing of the map")),
                        ("xlsx", "Excel (XLSX)"), ("csv", "CSV"), ("graphml", "GraphML"), ("gexf", "GEXF (Gephi)"),
                        ("json", "JSON (Stakemap)")):
        fmt.addItem(label, code)
    if chosen is not None:
        fmt.setCurrentIndex(max(0, fmt.findData(chosen)))
    paper = paper_combo()
    dpi = QSpinBox()
    dpi.setRange(72, 1200)
    dpi.setSingleStep(50)
    dpi.setValue(150)
    dpi.setSuffix(translate("ExportDialog", " dpi"))
    shareable = QCheckBox(translate("ExportDialog", "Shareable: leave out stances, influence, notes, personal "
                                                    "wins and rival links"))
    form = QFormLayout(dialog)
    form.addRow(translate("ExportDialog", "Format"), fmt)
    form.addRow(translate("ExportDialog", "Paper"), paper)
    form.addRow(translate("ExportDialog", "Resolution"), dpi)
    form.addRow(shareable)
    add_ok_cancel(dialog, form)

    def show_options() -> None:
        # Paper matters to a PDF, resolution to a PNG; the rows of the others are hidden.
        code = fmt.currentData()
        form.setRowVisible(paper, code == "pdf")
        form.setRowVisible(dpi, code == "png")

    fmt.currentIndexChanged.connect(show_options)
    show_options()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    code = fmt.currentData()
    path = ask_save_path(parent, dialog.windowTitle(), account_name, code, f"{fmt.currentText()} (*.{code})")
    if path is None:
        return None
    return path, code, shareable.isChecked(), {"paper": paper.currentData(), "dpi": dpi.value()}


def start_writing(window, worker, message: str, on_finished) -> None:
    """Run a file-writing worker from ``window``: a bar in its status bar shows the pages written (or that it
    is busy), then the status bar says where the file went, or a message box why it could not be written.
    ``on_finished()`` runs once the worker has ended, whatever happened."""
    from PySide6.QtWidgets import QMessageBox, QProgressBar

    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setMaximumWidth(160)
    window.statusBar().addPermanentWidget(bar)
    window.statusBar().showMessage(message)
    if hasattr(worker, "progress"):
        worker.progress.connect(lambda page, pages: (bar.setRange(0, pages), bar.setValue(page)))

    def finished() -> None:
        window.statusBar().removeWidget(bar)
        bar.deleteLater()
        worker.deleteLater()
        on_finished()

    worker.done.connect(lambda written: (window.statusBar().clearMessage(), offer_opening(window, written)))
    title = translate("FileWriting", "Export failed")
    sentence = translate("FileWriting", "The file could not be written; a file already there was left as it was.")
    worker.failed.connect(lambda detail: QMessageBox.warning(window, title, with_detail(sentence, detail)))
    worker.finished.connect(finished)
    worker.start()
