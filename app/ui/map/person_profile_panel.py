"""The selected person's full record, edited in place: each finished field is one undoable edit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import labels
from app.ui.common.widgets import fill_combo


class _NotesEdit(QPlainTextEdit):
    committed = Signal(str)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.committed.emit(self.toPlainText())


class PersonProfilePanel(QWidget):
    person_edited = Signal(int, object)  # person id, {field: value}
    survey_requested = Signal(int)  # person id: record a survey answer

    TEXT_FIELDS = ("name", "title", "department", "competitor_preference", "email", "phone")

    def __init__(self, workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._person = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.fields = {name: QLineEdit() for name in self.TEXT_FIELDS}
        self.role, self.stance, self.influence = QComboBox(), QComboBox(), QComboBox()
        self.notes = _NotesEdit()
        self.notes.setMinimumHeight(90)
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 365)
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setSpecialValueText(self.tr("As the buying role"))
        self.cadence.setToolTip(self.tr("How often we should be in touch; past it the contact shows as overdue"))
        self.survey = QLabel()
        self.survey.setWordWrap(True)
        self.survey_button = QPushButton(self.tr("Record survey answer…"))
        form = QFormLayout()
        captions = {"name": self.tr("&Name"), "title": self.tr("&Title"), "department": self.tr("&Department"),
                    "competitor_preference": self.tr("&Competitor preference"), "email": self.tr("&Email"),
                    "phone": self.tr("&Phone")}
        for name in ("name", "title", "department"):
            form.addRow(captions[name], self.fields[name])
        form.addRow(self.tr("Buying &role"), self.role)
        form.addRow(self.tr("&Stance"), self.stance)
        form.addRow(self.tr("&Influence"), self.influence)
        for name in ("competitor_preference", "email", "phone"):
            form.addRow(captions[name], self.fields[name])
        form.addRow(self.tr("Contact e&very"), self.cadence)
        form.addRow(self.tr("N&otes"), self.notes)
        form.addRow(self.tr("Satisfaction"), self.survey)
        form.addRow("", self.survey_button)
        # Who last changed the person on the team server, and when (empty for a file never joined).
        self.changed_by = QLabel()
        self.changed_by.setObjectName("ChangedBy")
        self.changed_by.setWordWrap(True)
        self.changed_by.setStyleSheet("color: #607d8b;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.changed_by)
        layout.addLayout(form)
        layout.addStretch(1)
        for name, edit in self.fields.items():
            edit.editingFinished.connect(lambda n=name, e=edit: self._emit({n: e.text()}))
        self.role.activated.connect(lambda _i: self._emit({"role": self.role.currentData()}))
        self.stance.activated.connect(lambda _i: self._emit({"stance": self.stance.currentData()}))
        self.influence.activated.connect(lambda _i: self._emit({"influence": self.influence.currentData()}))
        self.notes.committed.connect(lambda text: self._emit({"notes": text}))
        self.cadence.editingFinished.connect(lambda: self._emit({"cadence_days": self.cadence.value() or None}))
        self.survey_button.clicked.connect(lambda: self._person is not None and self.survey_requested.emit(
            self._person.id))
        workspace.people_changed.connect(self._on_people_changed)
        workspace.surveys_changed.connect(self._on_surveys_changed)

    @property
    def person_id(self) -> int | None:
        return self._person.id if self._person is not None else None

    def set_person(self, person_id: int | None) -> None:
        self.flush()
        try:
            self._person = self._ws.person(person_id) if person_id is not None else None
        except ValueError:
            self._person = None
        if self._person is not None:
            self._show(self._person)

    def flush(self) -> None:
        if self._person is not None and self.notes.toPlainText() != (self._person.notes or ""):
            self._emit({"notes": self.notes.toPlainText()})

    def _show(self, p) -> None:
        widgets = [*self.fields.values(), self.role, self.stance, self.influence, self.notes, self.cadence]
        for w in widgets:
            w.blockSignals(True)
        self.heading.setText(p.name + (self.tr(" (archived)") if p.archived else ""))
        for name, edit in self.fields.items():
            edit.setText(getattr(p, name) or "")
            edit.setCursorPosition(0)
        fill_combo(self.role, labels.buying_roles(), p.role)
        fill_combo(self.stance, labels.stances(), p.stance)
        fill_combo(self.influence, labels.influence_levels(), p.influence, none_label=self.tr("Not known"))
        if self.notes.toPlainText() != (p.notes or ""):
            self.notes.setPlainText(p.notes or "")
        self.cadence.setValue(p.cadence_days or 0)
        for w in widgets:
            w.blockSignals(False)
        self._show_survey()
        self._show_changed_by(p)

    def _show_changed_by(self, p) -> None:
        from app.ui.common.stamp_text import stamp_text

        text = stamp_text(self._ws.last_changes("person", [p.id]).get(p.id), self._ws.team_user())
        self.changed_by.setText(text)
        self.changed_by.setVisible(bool(text))

    def _show_survey(self) -> None:
        """The person's latest answer, and how it moved since the one before."""
        p = self._person
        answers = [a for a in self._ws.survey_answers(p.account_id) if a.person_id == p.id] if p else []
        if not answers:
            self.survey.setText(self.tr("No survey answer yet"))
            return
        last = answers[-1]
        if len(answers) > 1:
            text = self.tr("Recommends us %1/10 (%2), %3 since the answer before").replace(
                "%3", f"{last.recommend - answers[-2].recommend:+d}")
        else:
            text = self.tr("Recommends us %1/10 (%2)")
        self.survey.setText(text.replace("%1", str(last.recommend)).replace("%2", last.answered_on.isoformat()))

    def _on_surveys_changed(self, change) -> None:
        if self._person is not None and change.account_id in (None, self._person.account_id):
            self._show_survey()

    def _emit(self, changes: dict) -> None:
        if self._person is None:
            return
        normalized = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in changes.items()}
        if normalized.get("name", "x") is None:
            self._show(self._person)  # a person keeps a name
            return
        if any(getattr(self._person, k) != v for k, v in normalized.items()):
            self.person_edited.emit(self._person.id, normalized)

    def _on_people_changed(self, change) -> None:
        if self._person is not None and (not change.ids or self._person.id in change.ids):
            try:
                self._person = self._ws.person(self._person.id)
            except ValueError:
                self._person = None
                return
            self._show(self._person)
