"""The account profile (客户画像): every field of an account, edited in place, and its qualification.

Each finished edit is announced with ``profile_edited`` (a dict of changed fields) or, for the
qualification table, ``qualification_edited``; the main window turns them into undoable commands.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.document import Workspace
from app.document.records import AccountRecord
from app.i18n import labels
from app.ui.common.number_field import NumberField
from app.ui.common.widgets import fill_combo, select_data
from app.views.qualification_model import QualificationModel


class _NotesEdit(QPlainTextEdit):
    """Plain text that reports its text when the user leaves the field."""

    committed = Signal(str)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.committed.emit(self.toPlainText())


class AccountProfilePanel(QWidget):
    profile_edited = Signal(int, object)  # account id, {field: value}
    qualification_edited = Signal(int, str, object)  # criterion id, field, value
    add_criterion_requested = Signal()
    remove_criterion_requested = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._account: AccountRecord | None = None

        self.name = QLineEdit()
        self.industry = QComboBox()
        self.industry.setEditable(True)
        self.region = QLineEdit()
        self.employees = NumberField(minimum=0, maximum=10_000_000)
        self.revenue = NumberField(minimum=0, maximum=10**15, currency="CNY")
        self.capacity = QComboBox()
        self.tier = QComboBox()
        self.lead_source = QComboBox()
        self.lead_source.setEditable(True)
        self.owner = QComboBox()
        self.notes = _NotesEdit()
        self.notes.setMinimumHeight(70)

        profile_box = QGroupBox(self.tr("Profile"))
        form = QFormLayout(profile_box)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Industry"), self.industry)
        form.addRow(self.tr("&Region"), self.region)
        form.addRow(self.tr("&Employees"), self.employees)
        form.addRow(self.tr("Annual re&venue"), self.revenue)
        form.addRow(self.tr("&Purchasing capacity"), self.capacity)
        form.addRow(self.tr("&Tier"), self.tier)
        form.addRow(self.tr("&Lead source"), self.lead_source)
        form.addRow(self.tr("&Owner"), self.owner)
        form.addRow(self.tr("N&otes"), self.notes)

        self.qualification = QualificationModel(workspace, self)
        self.criteria_table = QTableView()
        self.criteria_table.setModel(self.qualification)
        self.criteria_table.verticalHeader().hide()
        self.criteria_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteria_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.criteria_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.criteria_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.score_label = QLabel()
        self.score_label.setTextFormat(Qt.TextFormat.PlainText)
        self.add_criterion = QPushButton(self.tr("Add criterion…"))
        self.remove_criterion = QPushButton(self.tr("Remove criterion"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_criterion)
        buttons.addWidget(self.remove_criterion)
        buttons.addStretch(1)
        qual_box = QGroupBox(self.tr("Qualification (weighted criteria)"))
        qual_layout = QVBoxLayout(qual_box)
        qual_layout.addWidget(self.score_label)
        qual_layout.addWidget(self.criteria_table)
        qual_layout.addLayout(buttons)

        self.empty_label = QLabel(self.tr("Select an account to see its profile."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        # Who last changed the account's profile on the team server, and when (hidden for a plain local file).
        self.changed_by = QLabel()
        self.changed_by.setObjectName("ChangedBy")
        self.changed_by.setWordWrap(True)
        self.changed_by.setStyleSheet("color: #607d8b;")
        self.changed_by.hide()
        content_layout.addWidget(self.empty_label)
        content_layout.addWidget(self.changed_by)
        content_layout.addWidget(profile_box)
        content_layout.addWidget(qual_box)
        content_layout.addStretch(1)
        self._boxes = (profile_box, qual_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        content.setMinimumWidth(260)
        self.setMinimumWidth(280)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._wire_signals()
        self.set_account(None)

    def _wire_signals(self) -> None:
        self.name.editingFinished.connect(self._on_name_finished)
        self.industry.lineEdit().editingFinished.connect(self._on_industry_finished)
        self.region.editingFinished.connect(lambda: self._emit({"region": self.region.text()}))
        self.employees.value_edited.connect(self._on_employees_changed)
        self.revenue.value_edited.connect(self._on_revenue_changed)
        self.capacity.activated.connect(lambda _i: self._emit({"purchasing_capacity": self.capacity.currentData()}))
        self.tier.activated.connect(lambda _i: self._emit({"tier": self.tier.currentData()}))
        self.lead_source.lineEdit().editingFinished.connect(self._on_lead_source_finished)
        self.lead_source.activated.connect(lambda _i: self._on_lead_source_finished())
        self.owner.activated.connect(lambda _i: self._emit({"owner_id": self.owner.currentData()}))
        self.notes.committed.connect(lambda text: self._emit({"notes": text}))
        self.qualification.edit_requested.connect(self.qualification_edited)
        self.qualification.modelReset.connect(self._update_score)
        self.add_criterion.clicked.connect(self.add_criterion_requested)
        self.remove_criterion.clicked.connect(self._on_remove_criterion)
        self._ws.accounts_changed.connect(self._on_accounts_changed)
        self._ws.team_changed.connect(self._on_accounts_changed)

    # -- showing --------------------------------------------------------------------------------
    @property
    def account_id(self) -> int | None:
        return self._account.id if self._account else None

    def set_account(self, account_id: int | None) -> None:
        self.flush()
        try:
            self._account = self._ws.account(account_id) if account_id is not None else None
        except ValueError:
            self._account = None
        for box in self._boxes:
            box.setVisible(self._account is not None)
        self.empty_label.setVisible(self._account is None)
        self.qualification.set_account(self.account_id)
        if self._account is not None:
            self._show(self._account)
        self._show_changed_by()

    def _show_changed_by(self) -> None:
        from app.ui.common.stamp_text import stamp_text

        ident = self.account_id
        text = "" if ident is None else stamp_text(self._ws.last_changes("account", [ident]).get(ident),
                                                   self._ws.team_user())
        self.changed_by.setText(text)
        self.changed_by.setVisible(bool(text))

    def _show(self, a: AccountRecord) -> None:
        widgets = (self.name, self.industry, self.region, self.employees, self.revenue, self.capacity, self.tier,
                   self.lead_source, self.owner, self.notes)
        for w in widgets:
            w.blockSignals(True)
        self.name.setText(a.name)
        self.name.setCursorPosition(0)
        self.industry.clear()
        self.industry.addItems(self._ws.distinct_values("industry"))
        self.industry.setCurrentText(a.industry or "")
        self.region.setText(a.region or "")
        self.employees.set_value(a.employees)
        self.revenue.set_value(a.annual_revenue)
        fill_combo(self.capacity, labels.purchasing_capacities(), a.purchasing_capacity, none_label=self.tr("Not set"))
        fill_combo(self.tier, labels.tiers(), a.tier, none_label=self.tr("Not set"))
        self.lead_source.clear()
        for key, label in labels.lead_sources().items():
            self.lead_source.addItem(label, key)
        self.lead_source.setCurrentText(labels.lead_source_label(a.lead_source))
        members = {m.id: m.name for m in self._ws.members(include_archived=False)}
        if a.owner_id is not None and a.owner_id not in members:
            members[a.owner_id] = self._ws.member(a.owner_id).name
        fill_combo(self.owner, members, a.owner_id, none_label=self.tr("No owner"))
        select_data(self.owner, a.owner_id)
        if self.notes.toPlainText() != (a.notes or ""):
            self.notes.setPlainText(a.notes or "")
        for w in widgets:
            w.blockSignals(False)

    def _update_score(self) -> None:
        table = self.criteria_table
        rows = self.qualification.rowCount()
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height()
                               + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth() + 2)
        score = self.qualification.score()
        self.score_label.setText(
            self.tr("Qualification score: %1 / 100").replace("%1", f"{score:.0f}") if score is not None
            else self.tr("Qualification score: not rated yet")
        )

    def _on_accounts_changed(self, change) -> None:
        if self._account is None:
            return
        if change.ids and self._account.id not in change.ids and change.kind == "account":
            return
        self.set_account(self._account.id)

    # -- editing --------------------------------------------------------------------------------
    def flush(self) -> None:
        """Commit a field still being edited (notes) before the panel shows something else."""
        if self._account is not None and self.notes.toPlainText() != (self._account.notes or ""):
            self._emit({"notes": self.notes.toPlainText()})

    def _emit(self, changes: dict) -> None:
        if self._account is None:
            return
        current = {k: getattr(self._account, k) for k in changes}
        normalized = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in changes.items()}
        if normalized != current:
            self.profile_edited.emit(self._account.id, normalized)

    def _on_name_finished(self) -> None:
        if self._account and self.name.text().strip() and self.name.text().strip() != self._account.name:
            self._emit({"name": self.name.text()})
        elif self._account:
            self.name.setText(self._account.name)

    def _on_industry_finished(self) -> None:
        self._emit({"industry": self.industry.currentText()})

    def _on_employees_changed(self, value: Decimal | None) -> None:
        self._emit({"employees": None if value is None else int(value)})

    def _on_revenue_changed(self, value: Decimal | None) -> None:
        self._emit({"annual_revenue": value})

    def _on_lead_source_finished(self) -> None:
        text = self.lead_source.currentText().strip()
        key = next((k for k, label in labels.lead_sources().items() if label == text), None)
        self._emit({"lead_source": key or text})

    def _on_remove_criterion(self) -> None:
        index = self.criteria_table.currentIndex()
        if index.isValid():
            self.remove_criterion_requested.emit(self.qualification.criterion_at(index.row()).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Scrolling the panel must not change a number under the pointer.
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            event.ignore()
            return True
        return super().eventFilter(watched, event)
