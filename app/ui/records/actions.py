"""The Next actions panel (下一步行动): who does what by when, with overdue actions standing out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QWidget,
)

from app.commands import record_edits
from app.document import Workspace
from app.document.records import ActionRecord
from app.i18n import record_labels
from app.ui.common.widgets import add_ok_cancel, fill_combo, refuse_empty
from app.ui.records.overdue_contacts import OverdueContactsPanel
from app.ui.records.record_panel import RecordPanel
from app.views.actions_model import SORT_ROLE, ActionsModel

_NO_DATE = QDate(2000, 1, 1)


class _DateEdit(QDateEdit):
    def mousePressEvent(self, event) -> None:  # noqa: N802
        # Clicking an empty date starts from today, so the calendar does not open on the placeholder year.
        if self.date() == self.minimumDate():
            self.setDate(QDate.currentDate())
        super().mousePressEvent(event)


class OptionalDateEdit(QWidget):
    """A date that may be left empty: the lowest date stands for "no date"."""

    def __init__(self, value: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _DateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText(self.tr("No date"))
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("No date"))
        self.clear_button.clicked.connect(lambda: self.set_date(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.set_date(value)

    def set_date(self, value: dt.date | None) -> None:
        self.edit.setDate(QDate(value.year, value.month, value.day) if value else _NO_DATE)

    def date(self) -> dt.date | None:
        value = self.edit.date()
        return None if value == _NO_DATE else value.toPython()


class ActionDialog(QDialog):
    """A form for one next action; ``members`` are who may own it (the account's team first, then the rest of our
    team, for a hand-off to another department), ``people`` the account's people (id → name)."""

    def __init__(self, members: dict[int, str], people: dict[int, str], action: ActionRecord | None = None,
                 person_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit next action") if action else self.tr("Add next action"))
        self.setMinimumWidth(440)
        a = action or ActionRecord(0, 0, "", None, None, person_id, "medium", "open")
        self.title = QLineEdit(a.title)
        self.owner = QComboBox()
        fill_combo(self.owner, members, a.owner_id, none_label=self.tr("No owner yet"))
        self.requester = QComboBox()
        fill_combo(self.requester, members, a.requester_id, none_label=self.tr("Nobody in particular"))
        self.requester.setToolTip(self.tr("Who asked for it: the owner owes it to them (a hand-off between "
                                          "departments, listed in the team view)"))
        self.due = OptionalDateEdit(a.due_date)
        self.person = QComboBox()
        fill_combo(self.person, people, a.person_id, none_label=self.tr("No one in particular"))
        self.priority = QComboBox()
        fill_combo(self.priority, record_labels.priorities(), a.priority)
        self.status = QComboBox()
        fill_combo(self.status, record_labels.action_statuses(), a.status)
        self.notes = QPlainTextEdit(a.notes or "")
        self.notes.setMaximumHeight(80)

        form = QFormLayout(self)
        form.addRow(self.tr("&Action"), self.title)
        form.addRow(self.tr("&Owner"), self.owner)
        form.addRow(self.tr("&Requested by"), self.requester)
        form.addRow(self.tr("&Due date"), self.due)
        form.addRow(self.tr("&With"), self.person)
        form.addRow(self.tr("&Priority"), self.priority)
        form.addRow(self.tr("&Status"), self.status)
        form.addRow(self.tr("N&otes"), self.notes)
        add_ok_cancel(self, form)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "owner_id": self.owner.currentData(),
            "requester_id": self.requester.currentData(),
            "due_date": self.due.date(),
            "person_id": self.person.currentData(),
            "priority": self.priority.currentData(),
            "status": self.status.currentData(),
            "notes": self.notes.toPlainText().strip() or None,
        }

    def accept(self) -> None:
        if not refuse_empty(self, self.title.text(), self.title, self.tr("Please say what is to be done.")):
            super().accept()


class ActionsPanel(RecordPanel):
    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(workspace, undo_stack, ActionsModel(workspace), parent, sort_role=SORT_ROLE)
        self.show_closed = QCheckBox(self.tr("Show done and cancelled"))
        self.view.sortByColumn(ActionsModel.DUE, Qt.SortOrder.AscendingOrder)
        self._size_columns(stretched=(ActionsModel.TITLE,))
        self._lay_out(self.show_closed)
        # Whose contact cadence is overdue, under the actions: each one a click away from an action of its own.
        # A splitter, so that a short dock keeps the actions readable and the user decides how much goes to each.
        self.overdue = OverdueContactsPanel(workspace, undo_stack)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.layout().replaceWidget(self.view, self.splitter)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.overdue)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.show_closed.toggled.connect(self.model.set_show_closed)
        self.model.completion_requested.connect(self._on_completion_requested)
        self._update_buttons()

    # -- what the panel shows -------------------------------------------------------------------
    def set_account(self, account_id: int | None) -> None:
        self.model.set_account(account_id)
        self.overdue.set_account(account_id)

    def set_person_filter(self, person_id: int | None) -> None:
        self.model.set_person_filter(person_id)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.column() == ActionsModel.DONE:
            return  # a double click on the checkbox is two ticks, not a request for the form
        super()._on_double_clicked(index)

    def _team(self, action: ActionRecord | None) -> dict[int, str]:
        team = {m.id: m.name for m in self._ws.account_members(self.model.account_id)}
        # Then the rest of our team: an action may be handed to someone of another department.
        for member in self._ws.members(include_archived=False):
            team.setdefault(member.id, member.name)
        for ident in (action.owner_id, action.requester_id) if action is not None else ():
            if ident is not None and ident not in team:
                team[ident] = self.model.member_names().get(ident, "")
        return team

    # -- edits ----------------------------------------------------------------------------------
    def _on_completion_requested(self, action_id: int, done: bool) -> None:
        row = self.model.row_of(action_id)
        if row is None:
            return
        action = self.model.action_at(row)
        changes = {"status": "done" if done else "open"}
        self._perform(record_edits.edit_action(self._ws, action_id, changes, action.title))

    def _dialog(self, action: ActionRecord | None) -> ActionDialog:
        if action is None:
            return ActionDialog(self._team(None), self.model.people_names(), person_id=self.model.person_filter,
                                parent=self)
        return ActionDialog(self._team(action), self.model.people_names(), action, parent=self)

    def _add_command(self, account_id: int, values: dict):
        title = values.pop("title")
        return record_edits.add_action(self._ws, account_id, title, **values)

    def _edit_command(self, action: ActionRecord, changes: dict):
        return record_edits.edit_action(self._ws, action.id, changes, action.title)

    def _delete_command(self, action: ActionRecord):
        return record_edits.delete_action(self._ws, action.id, action.title)

    def _delete_question(self, action: ActionRecord) -> tuple[str, str]:
        return self.tr("Delete next action"), self.tr("Delete the action “{text}”?").format(text=action.title)

    selected_action = RecordPanel.selected_record
    add_action = RecordPanel.add_record
    edit_action = RecordPanel.edit_record
    delete_action = RecordPanel.delete_record
