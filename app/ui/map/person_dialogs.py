"""Forms to add or edit a customer's person and a member of our team."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.document.records import MemberRecord, PersonRecord
from app.i18n import labels
from app.ui.common.widgets import add_ok_cancel, fill_combo, refuse_empty


class PersonDialog(QDialog):
    def __init__(self, person: PersonRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("Add person"))
        self.setMinimumWidth(420)
        p = person or PersonRecord(id=0, account_id=0, name="")
        self.name = QLineEdit(p.name)
        self.title = QLineEdit(p.title or "")
        self.department = QLineEdit(p.department or "")
        self.role = QComboBox()
        fill_combo(self.role, labels.buying_roles(), p.role)
        self.stance = QComboBox()
        fill_combo(self.stance, labels.stances(), p.stance)
        self.influence = QComboBox()
        fill_combo(self.influence, labels.influence_levels(), p.influence, none_label=self.tr("Not known"))
        self.competitor = QLineEdit(p.competitor_preference or "")
        self.competitor.setPlaceholderText(self.tr("Which competitor this person leans towards"))
        self.email = QLineEdit(p.email or "")
        self.phone = QLineEdit(p.phone or "")
        self.notes = QPlainTextEdit(p.notes or "")
        self.notes.setMaximumHeight(90)
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 365)
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setSpecialValueText(self.tr("As the buying role"))
        self.cadence.setValue(p.cadence_days or 0)

        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Department"), self.department)
        form.addRow(self.tr("Buying &role"), self.role)
        form.addRow(self.tr("&Stance"), self.stance)
        form.addRow(self.tr("&Influence"), self.influence)
        form.addRow(self.tr("&Competitor preference"), self.competitor)
        form.addRow(self.tr("&Email"), self.email)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("Contact e&very"), self.cadence)
        form.addRow(self.tr("N&otes"), self.notes)
        add_ok_cancel(self, form)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "title": self.title.text(),
            "department": self.department.text(),
            "cadence_days": self.cadence.value() or None,
            "role": self.role.currentData(),
            "stance": self.stance.currentData(),
            "influence": self.influence.currentData(),
            "competitor_preference": self.competitor.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "notes": self.notes.toPlainText(),
        }

    def accept(self) -> None:
        if not refuse_empty(self, self.name.text(), self.name, self.tr("Please enter a name.")):
            super().accept()


class MemberDialog(QDialog):
    def __init__(self, member: MemberRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit team member") if member else self.tr("Add team member"))
        self.setMinimumWidth(400)
        m = member or MemberRecord(id=0, name="")
        self.name = QLineEdit(m.name)
        self.title = QLineEdit(m.title or "")
        self.team_role = QComboBox()
        fill_combo(self.team_role, labels.team_roles(), m.team_role, none_label=self.tr("Not set"))
        self.email = QLineEdit(m.email or "")
        self.phone = QLineEdit(m.phone or "")
        self.notes = QPlainTextEdit(m.notes or "")
        self.notes.setMaximumHeight(80)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Role on our team"), self.team_role)
        form.addRow(self.tr("&Email"), self.email)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("N&otes"), self.notes)
        add_ok_cancel(self, form)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "title": self.title.text(),
            "team_role": self.team_role.currentData(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "notes": self.notes.toPlainText(),
        }

    def accept(self) -> None:
        if not refuse_empty(self, self.name.text(), self.name, self.tr("Please enter a name.")):
            super().accept()
