"""Choosing a meeting pack: the meeting's date, who comes, and whether the pack may leave the team."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.i18n import labels
from app.ui.common.widgets import add_ok_cancel, paper_combo

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MeetingPackDialog(QDialog):
    def __init__(self, workspace, account_id: int, chosen: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.export.brief_content import default_attendees

        account = workspace.account(account_id)
        self.setWindowTitle(self.tr("Meeting pack for %1").replace("%1", account.name))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a person…"))
        self.filter.setClearButtonEnabled(True)
        self.people = QListWidget()
        self.people.setMinimumSize(420, 280)
        self.count = QLabel()
        self.paper_size = paper_combo()
        self.shareable = QCheckBox(self.tr("Shareable: leave out stances, influence, notes, personal wins and "
                                           "rival links"))

        checked = set(chosen) or set(default_attendees(workspace, account_id))
        roles = labels.buying_roles()
        for person in workspace.people(account_id, include_archived=False):
            details = " · ".join(v for v in (person.title, roles.get(person.role) if person.role != "unknown" else None)
                                 if v)
            item = QListWidgetItem(person.name + (f" — {details}" if details else ""))
            item.setData(ID_ROLE, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in checked else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.people.itemChanged.connect(self._update_count)
        self.people.itemActivated.connect(self._toggle)
        self.filter.textChanged.connect(self._apply_filter)

        form = QFormLayout(self)
        form.addRow(self.tr("Meeting date"), self.date)
        form.addRow(self.tr("Attendees"), self.filter)
        form.addRow(self.people)
        form.addRow(self.count)
        form.addRow(self.tr("Paper"), self.paper_size)
        form.addRow(self.shareable)
        self.buttons = add_ok_cancel(self, form)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write PDF…"))
        self._update_count()

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.people.count()):
            item = self.people.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _update_count(self, *_args) -> None:
        chosen = len(self.attendee_ids())
        self.count.setText(self.tr("%n attendee(s) chosen", "", chosen))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(chosen > 0)

    def attendee_ids(self) -> list[int]:
        return [self.people.item(row).data(ID_ROLE) for row in range(self.people.count())
                if self.people.item(row).checkState() == Qt.CheckState.Checked]

    def set_checked(self, person_ids: list[int]) -> None:
        wanted = set(person_ids)
        for row in range(self.people.count()):
            item = self.people.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in wanted else Qt.CheckState.Unchecked)

    def meeting_date(self) -> dt.date:
        value = self.date.date()
        return dt.date(value.year(), value.month(), value.day())

    def paper(self) -> str:
        return self.paper_size.currentData()

    def is_shareable(self) -> bool:
        return self.shareable.isChecked()
