"""The Opportunities panel (商机): what the account may buy, where its decision stands, and what it is worth."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from app.commands import record_edits
from app.document import Workspace
from app.document.records import OpportunityRecord
from app.i18n import record_labels
from app.ui.common.number_field import NumberField
from app.ui.common.widgets import add_ok_cancel, fill_combo, refuse_empty
from app.ui.records.actions import OptionalDateEdit
from app.ui.records.record_panel import RecordPanel
from app.views.opportunities_model import OpportunitiesModel, pipeline_text, weighted_pipeline

CURRENCIES = ("CNY", "USD", "EUR", "HKD", "JPY", "GBP")


class OpportunityDialog(QDialog):
    def __init__(self, opportunity: OpportunityRecord | None = None, parent: QWidget | None = None,
                 people: dict[int, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit opportunity") if opportunity else self.tr("Add opportunity"))
        self.setMinimumWidth(440)
        o = opportunity or OpportunityRecord(0, 0, "", None, "CNY", "need_recognition", None, None)
        self.name = QLineEdit(o.name)
        self.stage = QComboBox()
        fill_combo(self.stage, record_labels.opportunity_stages(), o.stage)
        self.value = NumberField(minimum=0, maximum=10**15, decimals=2)
        self.value.set_value(o.value)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setCurrentText(o.currency)
        self.probability = NumberField(minimum=0, maximum=100, unit="%")
        self.probability.set_value(o.probability)
        self.expected_close = OptionalDateEdit(o.expected_close)
        self.competitors = QLineEdit(o.competitors or "")
        self.competitors.setPlaceholderText(self.tr("Who else the customer is considering"))
        self.notes = QPlainTextEdit(o.notes or "")
        self.notes.setMaximumHeight(80)
        self.people = QListWidget()
        self.people.setMaximumHeight(140)
        for person_id, name in sorted((people or {}).items(), key=lambda item: item[1]):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person_id in o.people else Qt.CheckState.Unchecked)
            self.people.addItem(item)

        value_row = QHBoxLayout()
        value_row.addWidget(self.value, 1)
        value_row.addWidget(self.currency)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Stage of the decision"), self.stage)
        value_label = QLabel(self.tr("&Value"))  # a row that is a layout: its label needs a buddy for its "&"
        value_label.setBuddy(self.value)
        form.addRow(value_label, value_row)
        form.addRow(self.tr("&Probability"), self.probability)
        form.addRow(self.tr("&Expected close"), self.expected_close)
        form.addRow(self.tr("&Competitors"), self.competitors)
        form.addRow(self.tr("Who takes part in the &decision"), self.people)
        form.addRow(self.tr("N&otes"), self.notes)
        add_ok_cancel(self, form)

    def values(self) -> dict[str, Any]:
        value = self.value.value()
        probability = self.probability.value()
        return {
            "name": self.name.text().strip(),
            "stage": self.stage.currentData(),
            "value": value,
            "currency": self.currency.currentText().strip().upper() or "CNY",
            "probability": int(probability) if probability is not None else None,
            "expected_close": self.expected_close.date(),
            "competitors": self.competitors.text().strip() or None,
            "notes": self.notes.toPlainText().strip() or None,
            "people": tuple(sorted(
                self.people.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.CheckState.Checked)),
        }

    def accept(self) -> None:
        if refuse_empty(self, self.name.text(), self.name, self.tr("Please enter a name.")):
            return
        for field in (self.value, self.probability):
            if not field.commit():  # the reason is shown beside the field
                field.setFocus()
                return
        super().accept()


DECIDES_COLOR = QColor("#117733")


class OpportunitiesPanel(RecordPanel):
    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(workspace, undo_stack, OpportunitiesModel(workspace), parent)
        self.pipeline = QLabel()
        font = self.pipeline.font()
        font.setBold(True)  # the one figure a manager looks for first
        self.pipeline.setFont(font)
        self.pipeline.setToolTip(self.tr("Sum of value × probability of the open and won opportunities"))
        self._size_columns(stretched=(OpportunitiesModel.NAME, OpportunitiesModel.COMPETITORS))
        self.show_on_map = QCheckBox(self.tr("Show who decides on the map"))
        self.show_on_map.setToolTip(self.tr("Ring the cards of the people who take part in the selected "
                                            "opportunity's decision"))
        self._lay_out(self.pipeline, right=(self.show_on_map,))
        self.model.modelReset.connect(self._on_reset)
        self.view.selectionModel().selectionChanged.connect(self._show_on_map)
        self.show_on_map.toggled.connect(self._show_on_map)
        self.model.modelReset.connect(self._show_on_map)
        self._on_reset()

    def set_account(self, account_id: int | None) -> None:
        self.model.set_account(account_id)

    def _on_reset(self) -> None:
        self.pipeline.setText(pipeline_text(weighted_pipeline(self.model.opportunities())))
        self._update_buttons()

    def _people(self) -> dict[int, str]:
        account_id = self.model.account_id
        return {} if account_id is None else {p.id: p.name for p in self._ws.people(account_id, include_archived=False)}

    # -- who decides, on the map ----------------------------------------------------------------
    def set_scene(self, scene) -> None:
        self._scene = scene

    def _show_on_map(self, *_args) -> None:
        """Ring the cards of the people who take part in the selected opportunity's decision."""
        scene = getattr(self, "_scene", None)
        if scene is None:
            return
        opportunity = self.selected_opportunity() if self.show_on_map.isChecked() else None
        wanted = set(opportunity.people) if opportunity is not None else set()
        for card in scene.card_items():
            on = card.key[0] == "person" and card.key[1] in wanted
            ours = getattr(card, "_ringed_by_opportunity", False)
            if on:
                card.highlight, card._ringed_by_opportunity = DECIDES_COLOR, True
                card.update()
            elif ours:
                card.highlight, card._ringed_by_opportunity = None, False
                card.update()

    # -- edits ----------------------------------------------------------------------------------
    def _dialog(self, opportunity: OpportunityRecord | None) -> OpportunityDialog:
        return OpportunityDialog(opportunity, parent=self, people=self._people())

    def _add_command(self, account_id: int, values: dict):
        name = values.pop("name")
        return record_edits.add_opportunity(self._ws, account_id, name, **values)

    def _edit_command(self, opportunity: OpportunityRecord, changes: dict):
        return record_edits.edit_opportunity(self._ws, opportunity.id, changes, opportunity.name)

    def _delete_command(self, opportunity: OpportunityRecord):
        return record_edits.delete_opportunity(self._ws, opportunity.id, opportunity.name)

    def _delete_question(self, opportunity: OpportunityRecord) -> tuple[str, str]:
        return (self.tr("Delete opportunity"),
                self.tr("Delete the opportunity “{name}”?").format(name=opportunity.name))

    selected_opportunity = RecordPanel.selected_record
    add_opportunity = RecordPanel.add_record
    edit_opportunity = RecordPanel.edit_record
    delete_opportunity = RecordPanel.delete_record
