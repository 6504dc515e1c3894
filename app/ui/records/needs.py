"""The Needs panel (需求): what the account and each person need, and how we answer it."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from app.commands import record_edits
from app.document import Workspace
from app.document.records import NeedRecord
from app.i18n import record_labels
from app.ui.common.widgets import add_ok_cancel, fill_combo, refuse_empty
from app.ui.records.record_panel import RecordPanel
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
        add_ok_cancel(self, form)

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
        message = self.tr("Please describe the need.")
        if not refuse_empty(self, self.description.toPlainText(), self.description, message):
            super().accept()


class NeedsPanel(RecordPanel):
    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(workspace, undo_stack, NeedsModel(workspace), parent)
        self.kind_filter = QComboBox()
        fill_combo(self.kind_filter, record_labels.need_kinds(), None, none_label=self.tr("All kinds"))
        self.filter_note = QLabel()
        self.view.setWordWrap(True)
        self._size_columns(stretched=(NeedsModel.NEED, NeedsModel.ANSWER))
        self._lay_out(QLabel(self.tr("Show:")), self.kind_filter, self.filter_note)
        self.kind_filter.currentIndexChanged.connect(self._on_kind_filter)
        self.model.modelReset.connect(self.view.resizeRowsToContents)
        self._update_buttons()

    # -- what the panel shows -------------------------------------------------------------------
    def set_account(self, account_id: int | None) -> None:
        self.model.set_account(account_id)
        self.filter_note.clear()

    def set_person_filter(self, person_id: int | None) -> None:
        self.model.set_person_filter(person_id)
        name = self.model.person_label(person_id) if person_id is not None else ""
        self.filter_note.setText(self.tr("of {name}").format(name=name) if name else "")

    def _on_kind_filter(self) -> None:
        self.model.set_kind_filter(self.kind_filter.currentData())

    # -- edits ----------------------------------------------------------------------------------
    def _dialog(self, need: NeedRecord | None) -> NeedDialog:
        if need is None:
            return NeedDialog(self.model.person_names(), person_id=self.model.person_filter, parent=self)
        return NeedDialog(self.model.person_names(), need, parent=self)

    def _add_command(self, account_id: int, values: dict):
        description = values.pop("description")
        return record_edits.add_need(self._ws, account_id, description, **values)

    def _edit_command(self, need: NeedRecord, changes: dict):
        return record_edits.edit_need(self._ws, need.id, changes, need.description)

    def _delete_command(self, need: NeedRecord):
        return record_edits.delete_need(self._ws, need.id, need.description)

    def _delete_question(self, need: NeedRecord) -> tuple[str, str]:
        return self.tr("Delete need"), self.tr("Delete the need “{text}”?").format(text=need.description)

    selected_need = RecordPanel.selected_record
    add_need = RecordPanel.add_record
    edit_need = RecordPanel.edit_record
    delete_need = RecordPanel.delete_record
