"""The satisfaction survey answers (客户满意度) of one account, as a table, and the NPS figures they give.

The figures follow `app.analysis.health`: each person's latest answer counts, people who left the account
(archived) do not, and the weighted NPS weighs each person by their declared influence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QObject, Qt

from app.analysis import Answer
from app.analysis.health import latest_answers, nps, nps_over_time
from app.analysis.model import DEFAULT_INFLUENCE
from app.document import Workspace
from app.document.records import SurveyAnswerRecord
from app.i18n import translate
from app.views.account_records_model import AccountRecordsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class SatisfactionFigures:
    nps: float | None = None
    nps_weighted: float | None = None
    answered: int = 0  # people whose latest answer counts
    over_time: list[tuple[dt.date, float, float]] = field(default_factory=list)


def influence_weight(influence) -> int:
    """A person's weight in the weighted NPS: their declared influence 1–5, else the medium one."""
    return influence if isinstance(influence, int) and 1 <= influence <= 5 else DEFAULT_INFLUENCE


def satisfaction_figures(answers: list[SurveyAnswerRecord], people: dict[int, object]) -> SatisfactionFigures:
    """Account NPS (plain and weighted) over the latest answer of each person on the map, and its history.

    ``people``: person id -> person record (with ``influence`` and ``archived``).
    """
    on_map = {pid for pid, p in people.items() if not p.archived}
    plain = [Answer(("person", a.person_id), a.answered_on, a.recommend, a.satisfaction, a.comment)
             for a in sorted(answers, key=lambda a: (a.answered_on, a.id)) if a.person_id in on_map]
    weights = {("person", pid): float(influence_weight(people[pid].influence)) for pid in on_map}
    latest = {key: history[-1].recommend for key, history in latest_answers(plain).items()}
    keys = list(latest)
    return SatisfactionFigures(
        nps=nps(latest[k] for k in keys),
        nps_weighted=nps((latest[k] for k in keys), (weights[k] for k in keys)),
        answered=len(keys),
        over_time=nps_over_time(plain, weights))


def figures_text(figures: SatisfactionFigures) -> str:
    if figures.nps is None:
        return translate("Satisfaction", "NPS: no survey answers yet")
    return (translate("Satisfaction", "NPS %1 · by influence %2 · %3 answered")
            .replace("%1", f"{figures.nps:+.0f}").replace("%2", f"{figures.nps_weighted:+.0f}")
            .replace("%3", str(figures.answered)))


class SatisfactionModel(AccountRecordsModel):
    """Survey answers of the current account, newest first, optionally only one person's."""

    PERSON, DATE, RECOMMEND, SATISFACTION, COMMENT = range(5)
    COLUMNS = 5

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(workspace, ("surveys_changed", "people_changed"), parent)
        self._people: dict[int, object] = {}
        self._all: list[SurveyAnswerRecord] = []

    def _forget(self) -> None:
        self._people, self._all = {}, []

    def _read(self, account_id: int) -> list[SurveyAnswerRecord]:
        self._people = {p.id: p for p in self._ws.people(account_id, include_archived=True)}
        self._all = self._ws.survey_answers(account_id)
        rows = [a for a in self._all if self._person_id is None or a.person_id == self._person_id]
        return sorted(rows, key=lambda a: (a.answered_on, a.id), reverse=True)

    def answers(self) -> list[SurveyAnswerRecord]:
        return self.records()

    def all_answers(self) -> list[SurveyAnswerRecord]:
        """Every answer of the account, whichever person the table shows."""
        return list(self._all)

    def figures(self) -> SatisfactionFigures:
        return satisfaction_figures(self._all, self._people)

    def person_trend(self, person_id: int) -> list[tuple[dt.date, int]]:
        """(date, recommend) of one person's answers, oldest first."""
        return [(a.answered_on, a.recommend) for a in sorted(self._all, key=lambda a: (a.answered_on, a.id))
                if a.person_id == person_id]

    def person_name(self, person_id: int) -> str:
        person = self._people.get(person_id)
        return person.name if person is not None else ""

    def headers(self) -> tuple[str, ...]:
        return (
            translate("Satisfaction", "Person"),
            translate("Satisfaction", "Date"),
            translate("Satisfaction", "Recommend (0–10)"),
            translate("Satisfaction", "Satisfaction (1–5)"),
            translate("Satisfaction", "Comment"),
        )

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        a = self._row(index)
        if a is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.person_name(a.person_id),
                a.answered_on.isoformat(),
                str(a.recommend),
                str(a.satisfaction) if a.satisfaction is not None else "",
                a.comment or "",
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COMMENT and a.comment:
            return a.comment
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.RECOMMEND, self.SATISFACTION):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return a.id
        return None
