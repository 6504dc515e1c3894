"""Satisfaction surveys (客户满意度): the form for one person's answer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFormLayout, QLineEdit, QSpinBox, QWidget

from app.ui.common.widgets import add_ok_cancel


class SurveyAnswerDialog(QDialog):
    """Date, 0–10 "how likely to recommend us", an optional 1–5 satisfaction, a comment."""

    def __init__(self, person_name: str, today: dt.date | None = None, parent: QWidget | None = None,
                 people: dict[int, str] | None = None, person_id: int | None = None) -> None:
        """``people`` (id -> name): the answer's person is chosen in the form rather than given by name."""
        super().__init__(parent)
        if people is None:
            self.setWindowTitle(self.tr("Survey answer of %1").replace("%1", person_name))
        else:
            self.setWindowTitle(self.tr("Record survey answer"))
        self.person = None
        if people is not None:
            self.person = QComboBox()
            for pid, name in sorted(people.items(), key=lambda item: item[1]):
                self.person.addItem(name, pid)
            if person_id is not None and self.person.findData(person_id) >= 0:
                self.person.setCurrentIndex(self.person.findData(person_id))
        self.setMinimumWidth(380)
        day = today or dt.date.today()
        self.date = QDateEdit(QDate(day.year, day.month, day.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.recommend = QSpinBox()
        self.recommend.setRange(0, 10)
        self.recommend.setValue(8)
        self.recommend.setToolTip(self.tr("How likely to recommend us to a colleague, 0 (not at all) to 10 "
                                          "(extremely): 9–10 promoters, 0–6 detractors"))
        self.satisfaction = QComboBox()
        self.satisfaction.addItem(self.tr("Not asked"), None)
        for score, text in ((1, self.tr("1 · Very dissatisfied")), (2, self.tr("2 · Dissatisfied")),
                            (3, self.tr("3 · Neutral")), (4, self.tr("4 · Satisfied")),
                            (5, self.tr("5 · Very satisfied"))):
            self.satisfaction.addItem(text, score)
        self.comment = QLineEdit()
        form = QFormLayout(self)
        if self.person is not None:
            form.addRow(self.tr("&Person"), self.person)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Recommend (0–10)"), self.recommend)
        form.addRow(self.tr("&Satisfaction (1–5)"), self.satisfaction)
        form.addRow(self.tr("&Comment"), self.comment)
        add_ok_cancel(self, form)

    def values(self) -> dict[str, Any]:
        chosen = {} if self.person is None else {"person_id": self.person.currentData()}
        return {**chosen, "answered_on": self.date.date().toPython(), "recommend": self.recommend.value(),
                "satisfaction": self.satisfaction.currentData(), "comment": self.comment.text().strip() or None}
