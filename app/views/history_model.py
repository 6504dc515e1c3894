"""An account's interactions as a timeline, newest first, optionally narrowed to one person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.document import Workspace
from app.document.records import InteractionRecord
from app.i18n import translate

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


class HistoryModel(QAbstractTableModel):
    WHEN, CHANNEL, PARTICIPANTS, SUMMARY, SENTIMENT = range(5)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._account_id: int | None = None
        self._person_id: int | None = None
        self._rows: list[InteractionRecord] = []
        self._names: dict[Key, str] = {}
        self._channels, self._sentiments = channels(), sentiments()
        workspace.interactions_changed.connect(self._on_changed)
        # Names of participants are shown, so renaming someone redraws the timeline.
        workspace.people_changed.connect(self._on_changed)
        workspace.team_changed.connect(self._on_changed)

    @property
    def account_id(self) -> int | None:
        return self._account_id

    @property
    def person_id(self) -> int | None:
        return self._person_id

    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self._person_id = None
        self.reload()

    def set_person_filter(self, person_id: int | None) -> None:
        if person_id != self._person_id:
            self._person_id = person_id
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows, self._names = [], {}
        if self._account_id is not None:
            try:
                rows = self._ws.interactions(self._account_id)
                people = self._ws.people(self._account_id, include_archived=True)
            except ValueError:  # the account was deleted
                self._account_id, rows, people = None, [], []
            self._names = {("person", p.id): p.name for p in people}
            self._names.update({("member", m.id): m.name for m in self._ws.members()})
            if self._person_id is not None:
                rows = [r for r in rows if ("person", self._person_id) in r.participants]
            self._rows = rows
        self.endResetModel()

    def _on_changed(self, change) -> None:
        if self._account_id is not None and change.account_id in (None, self._account_id):
            self.reload()

    def interactions(self) -> list[InteractionRecord]:
        """The rows shown, newest first."""
        return list(self._rows)

    def interaction_at(self, row: int) -> InteractionRecord:
        return self._rows[row]

    def name_of(self, key: Key) -> str:
        return self._names.get(key, "?")

    def participant_names(self, record: InteractionRecord) -> str:
        return ", ".join(self.name_of(key) for key in record.participants)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("History", "When"),
            translate("History", "Channel"),
            translate("History", "Participants"),
            translate("History", "Summary"),
            translate("History", "Sentiment"),
        )[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
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
