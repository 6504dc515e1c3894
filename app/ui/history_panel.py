"""History (互动记录): an account's interactions as a timeline, how often we were in touch month by month,
and the forms to log, edit and delete an interaction — every change through an undoable command."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QCursor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.commands import record_edits as commands
from app.commands.base import WorkspaceCommand
from app.document import Workspace
from app.document.records import InteractionRecord, MemberRecord, PersonRecord
from app.ui.widgets import fill_combo, perform_or_warn, select_data
from app.views.history_model import ID_ROLE, HistoryModel, month_starts, monthly_counts
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

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
        self.plot.setFixedHeight(140)
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


class HistoryPanel(QWidget):
    participant_activated = Signal(object)  # ("person" | "member", id): show them on the map

    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws, self._stack = workspace, undo_stack
        self._default_participants: list[Key] = []
        self.model = HistoryModel(workspace, self)
        self.person_filter = QComboBox()
        self.person_filter.setMinimumContentsLength(14)
        self.strip_title = QLabel()
        self.strip = FrequencyStrip()
        self.log_button = QPushButton(self.tr("Log interaction…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.SUMMARY, QHeaderView.ResizeMode.Stretch)

        top = QHBoxLayout()
        top.addWidget(self.strip_title, 1)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.person_filter)
        buttons = QHBoxLayout()
        for button in (self.log_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.strip)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self._wire_signals()
        self._update_enabled()

    def _wire_signals(self) -> None:
        self.model.modelReset.connect(self._on_model_reset)
        self.person_filter.currentIndexChanged.connect(self._on_filter_chosen)
        self.log_button.clicked.connect(self.log_interaction)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.clicked.connect(self._on_clicked)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_enabled())
        self._ws.people_changed.connect(self._on_people_changed)

    # -- what the rest of the window tells the panel --------------------------------------------
    def _on_double_clicked(self, index) -> None:
        if index.column() != HistoryModel.PARTICIPANTS:
            self.edit_current()

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
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.log_button.setEnabled(self.model.account_id is not None)
        has_current = self.current_interaction() is not None
        self.edit_button.setEnabled(has_current)
        self.delete_button.setEnabled(has_current)

    # -- the user's gestures --------------------------------------------------------------------
    def current_interaction(self) -> InteractionRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.interaction_at(rows[0].row()) if rows else None

    def _dialog(self, record: InteractionRecord | None) -> InteractionDialog:
        account_id = self.model.account_id
        return InteractionDialog(self._ws.people(account_id, include_archived=True),
                                 self._ws.account_members(account_id), record, self._default_participants, self)

    def _perform(self, command: WorkspaceCommand) -> WorkspaceCommand | None:
        return perform_or_warn(self, self._stack, command)

    def log_interaction(self) -> int | None:
        if self.model.account_id is None:
            return None
        dialog = self._dialog(None)
        if not dialog.exec():
            return None
        v = dialog.values()
        command = self._perform(commands.log_interaction(
            self._ws, self.model.account_id, v["occurred_at"], v["channel"], v["participants"],
            summary=v["summary"], sentiment=v["sentiment"]))
        return command.ident if command else None

    def edit_current(self) -> None:
        record = self.current_interaction()
        if record is None:
            return
        dialog = self._dialog(record)
        if not dialog.exec():
            return
        v = dialog.values()
        old = {"occurred_at": record.occurred_at, "channel": record.channel, "summary": record.summary or "",
               "sentiment": record.sentiment, "participants": list(record.participants)}
        changes = {k: value for k, value in v.items() if value != old[k]}
        if changes:
            self._perform(commands.edit_interaction(self._ws, record.id, changes, v["occurred_at"]))

    def delete_current(self) -> None:
        record = self.current_interaction()
        if record is None:
            return
        text = self.tr("Delete the interaction of %1?\nYou can undo this with Edit ▸ Undo.").replace(
            "%1", f"{record.occurred_at:%Y-%m-%d %H:%M}")
        if self._confirm(self.tr("Delete interaction"), text):
            self._perform(commands.delete_interaction(self._ws, record.id, record.occurred_at))

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def select_interaction(self, interaction_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(ID_ROLE) == interaction_id:
                self.view.selectRow(row)
                return
