"""An account's interactions as a timeline, newest first, optionally narrowed to one person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.document import Workspace
from app.document.records import InteractionRecord
from app.i18n import translate
from app.i18n.language import join_names
from app.views.account_records_model import AccountRecordsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Key = tuple[str, int]

# Sentiment is told by its sign and word; the colour only repeats it for a quick scan.
SENTIMENT_COLORS = {2: "#1b7837", 1: "#4d9221", 0: "#505050", -1: "#b35806", -2: "#b2182b"}


def channels() -> dict[str, str]:
    return {
        "meeting": translate("History", "Meeting"),
        "call": translate("History", "Call"),
        "email": translate("History", "Email"),
        "visit": translate("History", "Visit"),
        "demo": translate("History", "Demo"),
        "dinner": translate("History", "Dinner"),
        "event": translate("History", "Event"),
    }


def sentiments() -> dict[int, str]:
    """Labels of the sentiment scale, most positive first; each carries its sign."""
    return {
        2: translate("History", "+2 · Very positive"),
        1: translate("History", "+1 · Positive"),
        0: translate("History", "0 · Neutral"),
        -1: translate("History", "−1 · Negative"),
        -2: translate("History", "−2 · Very negative"),
    }


def month_starts(today: dt.date, months: int = 12) -> list[dt.date]:
    """The first days of the last ``months`` calendar months, oldest first, ending with this month."""
    year, month = today.year, today.month
    starts = []
    for _ in range(months):
        starts.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def monthly_counts(moments: Iterable[dt.datetime], today: dt.date, months: int = 12) -> list[int]:
    """How many of ``moments`` fall in each of the months of ``month_starts`` (older ones are ignored)."""
    index = {(d.year, d.month): i for i, d in enumerate(month_starts(today, months))}
    counts = [0] * months
    for moment in moments:
        i = index.get((moment.year, moment.month))
        if i is not None:
            counts[i] += 1
    return counts


class HistoryModel(AccountRecordsModel):
    WHEN, CHANNEL, PARTICIPANTS, SUMMARY, SENTIMENT = range(5)
    COLUMNS = 5

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        # Names of participants are shown, so renaming someone redraws the timeline.
        super().__init__(workspace, ("interactions_changed", "people_changed", "team_changed"), parent)
        self._names: dict[Key, str] = {}
        self._channels, self._sentiments = channels(), sentiments()

    def _forget(self) -> None:
        self._names = {}

    def _read(self, account_id: int) -> list[InteractionRecord]:
        rows = self._ws.interactions(account_id)
        people = self._ws.people(account_id, include_archived=True)
        self._names = {("person", p.id): p.name for p in people}
        self._names.update({("member", m.id): m.name for m in self._ws.members()})
        if self._person_id is not None:
            rows = [r for r in rows if ("person", self._person_id) in r.participants]
        return rows

    def interactions(self) -> list[InteractionRecord]:
        """The rows shown, newest first."""
        return self.records()

    def interaction_at(self, row: int) -> InteractionRecord:
        return self.record_at(row)

    def name_of(self, key: Key) -> str:
        return self._names.get(key, "?")

    def participant_names(self, record: InteractionRecord) -> str:
        return join_names(self.name_of(key) for key in record.participants)

    def headers(self) -> tuple[str, ...]:
        return (
            translate("History", "When"),
            translate("History", "Channel"),
            translate("History", "Participants"),
            translate("History", "Summary"),
            translate("History", "Sentiment"),
        )

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        r, col = self._row(index), index.column()
        if r is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WHEN:
                return f"{r.occurred_at:%Y-%m-%d %H:%M}"
            if col == self.CHANNEL:
                return self._channels.get(r.channel, r.channel)
            if col == self.PARTICIPANTS:
                return self.participant_names(r)
            if col == self.SUMMARY:
                return " ".join((r.summary or "").split())
            return "" if r.sentiment is None else self._sentiments.get(r.sentiment, str(r.sentiment))
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.SUMMARY, self.PARTICIPANTS):
            return r.summary if col == self.SUMMARY else self.participant_names(r)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.SENTIMENT and r.sentiment is not None:
            return QBrush(QColor(SENTIMENT_COLORS.get(r.sentiment, "#505050")))
        if role == ID_ROLE:
            return r.id
        return None
