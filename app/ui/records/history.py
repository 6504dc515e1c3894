"""History (互动记录): an account's interactions as a timeline, how often we were in touch month by month,
and the forms to log, edit and delete an interaction — every change through an undoable command."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QCursor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.commands import record_edits as commands
from app.document import Workspace
from app.document.records import InteractionRecord, MemberRecord, PersonRecord
from app.i18n import translate
from app.ui.common.widgets import add_ok_cancel, fill_combo, select_data
from app.ui.records.record_panel import RecordPanel
from app.views.history_model import HistoryModel, month_starts, monthly_counts
from app.views.history_model import channels as channel_labels
from app.views.history_model import sentiments as sentiment_labels

Key = tuple[str, int]
BAR_COLOR = "#4477AA"


class InteractionDialog(QDialog):
    """Log or edit one interaction; participants are the account's people and our team on it."""

    def __init__(self, people: list[PersonRecord], members: list[MemberRecord],
                 record: InteractionRecord | None = None, default_participants: list[Key] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit interaction") if record else self.tr("Log interaction"))
        self.setMinimumWidth(440)
        chosen = set(record.participants if record else default_participants)
        self.when = QDateTimeEdit(QDateTime(record.occurred_at if record else dt.datetime.now().replace(second=0,
                                                                                                        microsecond=0)))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.channel = QComboBox()
        fill_combo(self.channel, channel_labels(), record.channel if record else "meeting")
        self.participants = QListWidget()
        self.participants.setMinimumHeight(140)
        # Archived people stay listed only where they already took part, so old records keep them.
        for p in people:
            if not p.archived or ("person", p.id) in chosen:
                self._add_participant(("person", p.id), p.name + (f" · {p.title}" if p.title else ""), chosen)
        for m in members:
            self._add_participant(("member", m.id), self.tr("%1 (our team)").replace("%1", m.name), chosen)
        self.summary = QPlainTextEdit((record.summary or "") if record else "")
        self.summary.setPlaceholderText(self.tr("What was discussed, agreed or learned"))
        self.summary.setMaximumHeight(110)
        self.sentiment = QComboBox()
        fill_combo(self.sentiment, sentiment_labels(), record.sentiment if record else None,
                   none_label=self.tr("Not recorded"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Date and time"), self.when)
        form.addRow(self.tr("&Channel"), self.channel)
        form.addRow(self.tr("&Participants"), self.participants)
        form.addRow(self.tr("&Summary"), self.summary)
        form.addRow(self.tr("S&entiment"), self.sentiment)
        add_ok_cancel(self, form)

    def _add_participant(self, key: Key, text: str, chosen: set[Key]) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
        self.participants.addItem(item)

    def set_checked(self, keys: list[Key]) -> None:
        for i in range(self.participants.count()):
            item = self.participants.item(i)
            state = item.data(Qt.ItemDataRole.UserRole) in keys
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)

    def values(self) -> dict[str, Any]:
        keys = [tuple(self.participants.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.participants.count())
                if self.participants.item(i).checkState() == Qt.CheckState.Checked]
        return {
            "occurred_at": self.when.dateTime().toPython().replace(second=0, microsecond=0),
            "channel": self.channel.currentData(),
            "participants": keys,
            "summary": self.summary.toPlainText().strip(),
            "sentiment": self.sentiment.currentData(),
        }


class FrequencyStrip(QWidget):
    """Contacts per month over the last twelve months, so a relationship that has gone quiet shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg  # loaded with the first strip: it is slow to import and only this needs it

        pg.setConfigOptions(background="w", foreground="#333")
        self.plot = pg.PlotWidget()
        for action in self.plot.scene().contextMenu:  # the chart library's own menu, in our language
            action.setText(self.tr("Export…"))
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(90)  # the panel's splitter gives it more when the user wants
        self.plot.getAxis("left").setWidth(32)
        self.plot.getAxis("bottom").setHeight(38)  # room for the year under January and the first month
        self.plot.showGrid(y=True, alpha=0.2)
        self.bars = pg.BarGraphItem(x=list(range(12)), height=[0] * 12, width=0.7, brush=BAR_COLOR, pen=None)
        self.plot.addItem(self.bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.counts: list[int] = [0] * 12

    def show_counts(self, moments: list[dt.datetime], today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        self.counts = monthly_counts(moments, today)
        starts = month_starts(today)
        self.bars.setOpts(x=list(range(len(starts))), height=self.counts)
        locale = QLocale()
        ticks = [(i, locale.monthName(d.month, QLocale.FormatType.ShortFormat)
                  + (f"\n{d.year}" if d.month == 1 or i == 0 else "")) for i, d in enumerate(starts)]
        self.plot.getAxis("bottom").setTicks([ticks])
        top = max(self.counts + [1])
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, top + 1, max(1, (top + 3) // 4))]])
        self.plot.setXRange(-0.6, len(starts) - 0.4, padding=0)
        self.plot.setYRange(0, top * 1.1, padding=0)

    def bar_heights(self) -> list[int]:
        return [int(h) for h in self.bars.opts["height"]]


class HistoryPanel(RecordPanel):
    participant_activated = Signal(object)  # ("person" | "member", id): show them on the map

    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(workspace, undo_stack, HistoryModel(workspace), parent,
                         add_text=translate("HistoryPanel", "Log interaction…"))
        self._default_participants: list[Key] = []
        self.log_button = self.add_button
        self.person_filter = QComboBox()
        self.person_filter.setMinimumContentsLength(14)
        self.strip_title = QLabel()
        self.strip = FrequencyStrip()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self._size_columns(stretched=(HistoryModel.SUMMARY,))

        top = QHBoxLayout()
        top.addWidget(self.strip_title, 1)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.person_filter)
        buttons = QHBoxLayout()
        for button in (self.log_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # The chart and the list share the height through a splitter: the user gives either more room.
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.strip)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([140, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.model.modelReset.connect(self._on_model_reset)
        self.person_filter.currentIndexChanged.connect(self._on_filter_chosen)
        self.view.clicked.connect(self._on_clicked)
        self._ws.people_changed.connect(self._on_people_changed)
        self._update_buttons()

    # -- what the rest of the window tells the panel --------------------------------------------
    def _on_double_clicked(self, index) -> None:
        if index.column() != HistoryModel.PARTICIPANTS:
            super()._on_double_clicked(index)

    def _on_clicked(self, index) -> None:
        """A click on the participants offers to show one of them on the map."""
        if index.column() != HistoryModel.PARTICIPANTS:
            return
        record = self.model.interaction_at(index.row())
        people = [key for key in record.participants if key[0] == "person"] or list(record.participants)
        if len(people) == 1:
            self.participant_activated.emit(people[0])
            return
        menu = QMenu(self)
        for key in record.participants:
            menu.addAction(self.model.name_of(key), lambda k=key: self.participant_activated.emit(k))
        menu.exec(QCursor.pos())

    def set_account(self, account_id: int | None) -> None:
        self._default_participants = []
        self.model.set_account(account_id)
        self._fill_person_filter()

    def set_person_filter(self, person_id: int | None) -> None:
        index = self.person_filter.findData(person_id)
        if index < 0:
            person_id, index = None, 0
        self.person_filter.setCurrentIndex(index)
        self.model.set_person_filter(person_id)

    def set_default_participants(self, keys: list[Key]) -> None:
        """Who a new interaction is logged with unless the user changes it (the map's selection)."""
        self._default_participants = list(keys)

    # -- keeping up with the workspace ----------------------------------------------------------
    def _fill_person_filter(self) -> None:
        current = self.model.person_filter
        people = {} if self.model.account_id is None else {
            p.id: p.name for p in self._ws.people(self.model.account_id, include_archived=True)}
        fill_combo(self.person_filter, people, current, none_label=self.tr("Everyone"))
        select_data(self.person_filter, current if current in people else None)
        self.person_filter.setEnabled(self.model.account_id is not None)

    def _on_people_changed(self, change) -> None:
        if self.model.account_id is not None and change.account_id in (None, self.model.account_id):
            self._fill_person_filter()
            if self.person_filter.currentData() != self.model.person_filter:
                self.model.set_person_filter(self.person_filter.currentData())

    def _on_filter_chosen(self, _index: int) -> None:
        self.model.set_person_filter(self.person_filter.currentData())

    def _on_model_reset(self) -> None:
        rows = self.model.interactions()
        self.strip.show_counts([r.occurred_at for r in rows])
        if self.model.person_filter is None:
            self.strip_title.setText(self.tr("Contacts per month, last 12 months"))
        else:
            name = self.model.name_of(("person", self.model.person_filter))
            self.strip_title.setText(self.tr("Contacts per month with %1, last 12 months").replace("%1", name))

    # -- edits ------------------------------------------------------------------------------------
    def _dialog(self, record: InteractionRecord | None) -> InteractionDialog:
        account_id = self.model.account_id
        return InteractionDialog(self._ws.people(account_id, include_archived=True),
                                 self._ws.account_members(account_id), record, self._default_participants, self)

    def _add_command(self, account_id: int, v: dict):
        return commands.log_interaction(self._ws, account_id, v["occurred_at"], v["channel"], v["participants"],
                                        summary=v["summary"], sentiment=v["sentiment"])

    def _changes(self, record: InteractionRecord, values: dict) -> dict:
        old = {"occurred_at": record.occurred_at, "channel": record.channel, "summary": record.summary or "",
               "sentiment": record.sentiment, "participants": list(record.participants)}
        return {k: value for k, value in values.items() if value != old[k]}

    def _edit_command(self, record: InteractionRecord, changes: dict):
        return commands.edit_interaction(self._ws, record.id, changes,
                                         changes.get("occurred_at", record.occurred_at))

    def _delete_command(self, record: InteractionRecord):
        return commands.delete_interaction(self._ws, record.id, record.occurred_at)

    def _delete_question(self, record: InteractionRecord) -> tuple[str, str]:
        text = self.tr("Delete the interaction of %1?\nYou can undo this with Edit ▸ Undo.").replace(
            "%1", f"{record.occurred_at:%Y-%m-%d %H:%M}")
        return self.tr("Delete interaction"), text

    def log_interaction(self) -> int | None:
        command = self.add_record()
        return command.ident if command else None

    current_interaction = RecordPanel.selected_record
    edit_current = RecordPanel.edit_record
    delete_current = RecordPanel.delete_record
    select_interaction = RecordPanel.select_record
