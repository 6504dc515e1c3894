"""The Needs panel (需求): what the account and each person need, and how we answer it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.commands import record_edits
from app.commands.base import WorkspaceCommand
from app.document import Workspace
from app.document.records import NeedRecord
from app.i18n import record_labels
from app.ui.widgets import fill_combo, perform_or_warn
from app.views.needs_model import NeedsModel


class NeedDialog(QDialog):
    """A form for one need; ``people`` maps person id to name for the person combo."""

    def __init__(self, people: dict[int, str], need: NeedRecord | None = None, person_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit need") if need else self.tr("Add need"))
        self.setMinimumWidth(460)
        n = need or NeedRecord(0, 0, person_id, "business", "", "medium", "identified")
        self.person = QComboBox()
        fill_combo(self.person, people, n.person_id, none_label=self.tr("The account as a whole"))
        self.kind = QComboBox()
        fill_combo(self.kind, record_labels.need_kinds(), n.kind)
        self.description = QPlainTextEdit(n.description)
        self.description.setMaximumHeight(90)
        self.priority = QComboBox()
        fill_combo(self.priority, record_labels.priorities(), n.priority)
        self.status = QComboBox()
        fill_combo(self.status, record_labels.need_statuses(), n.status)
        self.value_proposition = QPlainTextEdit(n.value_proposition or "")
        self.value_proposition.setMaximumHeight(90)
        self.value_proposition.setPlaceholderText(self.tr("How our offer answers this need"))

        form = QFormLayout(self)
        form.addRow(self.tr("&Whose need"), self.person)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Need"), self.description)
        form.addRow(self.tr("&Priority"), self.priority)
        form.addRow(self.tr("&Status"), self.status)
        form.addRow(self.tr("Our &answer"), self.value_proposition)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "person_id": self.person.currentData(),
            "kind": self.kind.currentData(),
            "description": self.description.toPlainText().strip(),
            "priority": self.priority.currentData(),
            "status": self.status.currentData(),
            "value_proposition": self.value_proposition.toPlainText().strip() or None,
        }

    def accept(self) -> None:
        if not self.description.toPlainText().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Please describe the need."))
            self.description.setFocus()
            return
        super().accept()


class NeedsPanel(QWidget):
    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws, self._stack = workspace, undo_stack
        self.model = NeedsModel(workspace, self)

        self.kind_filter = QComboBox()
        fill_combo(self.kind_filter, record_labels.need_kinds(), None, none_label=self.tr("All kinds"))
        self.filter_note = QLabel()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column in (NeedsModel.PERSON, NeedsModel.KIND, NeedsModel.PRIORITY, NeedsModel.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (NeedsModel.NEED, NeedsModel.ANSWER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.filter_note)
        bar.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._wire_signals()
        self._update_buttons()

    def _wire_signals(self) -> None:
        self.kind_filter.currentIndexChanged.connect(self._on_kind_filter)
        self.add_button.clicked.connect(self.add_need)
        self.edit_button.clicked.connect(self.edit_need)
        self.delete_button.clicked.connect(self.delete_need)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.model.modelReset.connect(self._on_reset)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    # -- what the panel shows -------------------------------------------------------------------
    def set_account(self, account_id: int | None) -> None:
        self.model.set_account(account_id)
        self.filter_note.clear()

    def set_person_filter(self, person_id: int | None) -> None:
        self.model.set_person_filter(person_id)
        name = self.model.person_label(person_id) if person_id is not None else ""
        self.filter_note.setText(self.tr("of {name}").format(name=name) if name else "")

    def selected_need(self) -> NeedRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.need_at(rows[0].row()) if rows else None

    def _on_kind_filter(self) -> None:
        self.model.set_kind_filter(self.kind_filter.currentData())

    def _on_reset(self) -> None:
        self.view.resizeRowsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.model.account_id is not None)
        chosen = self.selected_need() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.view.selectRow(index.row())
        self.edit_need()

    # -- edits ----------------------------------------------------------------------------------
    def _perform(self, command: WorkspaceCommand) -> bool:
        return perform_or_warn(self, self._stack, command) is not None

    def add_need(self) -> None:
        account_id = self.model.account_id
        if account_id is None:
            return
        dialog = NeedDialog(self.model.person_names(), person_id=self.model.person_filter, parent=self)
        if not dialog.exec():
            return
        values = dialog.values()
        description = values.pop("description")
        self._perform(record_edits.add_need(self._ws, account_id, description, **values))

    def edit_need(self) -> None:
        need = self.selected_need()
        if need is None:
            return
        dialog = NeedDialog(self.model.person_names(), need, parent=self)
        if not dialog.exec():
            return
        changes = {k: v for k, v in dialog.values().items() if getattr(need, k) != v}
        if changes:
            self._perform(record_edits.edit_need(self._ws, need.id, changes, need.description))

    def delete_need(self) -> None:
        need = self.selected_need()
        if need is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete need"), self.tr("Delete the need “{text}”?").format(text=need.description),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._perform(record_edits.delete_need(self._ws, need.id, need.description))
