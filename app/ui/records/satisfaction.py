"""The Satisfaction panel (客户满意度): the account's survey answers, its NPS now and over time, and one
person's trend.

Answers are added and deleted, never edited (see `SurveyAnswer.__sync__`): a changed opinion is a new answer.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.commands import record_edits
from app.document import Workspace
from app.document.records import SurveyAnswerRecord
from app.i18n import translate
from app.io.survey_import import SurveyRefused
from app.ui.common.survey_dialog import SurveyAnswerDialog
from app.ui.common.widgets import fill_combo, select_data
from app.ui.records.record_panel import RecordPanel
from app.ui.records.survey_reader import SurveyReader
from app.views.satisfaction_model import SatisfactionModel, figures_text

PLAIN_COLOR = QColor("#0072b2")
WEIGHTED_COLOR = QColor("#d55e00")
PERSON_COLOR = QColor("#009e73")


def _day(date: dt.date) -> float:
    """A date as the chart's x: seconds since 1970 at midnight UTC (the date axis writes them back as dates)."""
    return float((date - dt.date(1970, 1, 1)).days * 86400)


def _swatch(color: QColor, text: str) -> str:
    return f'<span style="color:{color.name()}">■</span>&nbsp;{html.escape(text)}'



def _date_axis(pg):
    """A date axis that writes months in the interface's language (the library's own writes them in English)."""

    class LocalDateAxis(pg.DateAxisItem):
        def tickStrings(self, values, scale, spacing):  # noqa: N802
            locale = QLocale()
            texts = []
            for value in values:
                day = QDate(1970, 1, 1).addDays(int(value // 86400))
                if spacing >= 300 * 86400:
                    texts.append(str(day.year()))
                elif spacing >= 28 * 86400:
                    texts.append(locale.monthName(day.month(), QLocale.FormatType.ShortFormat))
                else:
                    texts.append(locale.toString(day, QLocale.FormatType.ShortFormat))
            return texts

    return LocalDateAxis(utcOffset=0)


class SatisfactionChart(QWidget):
    """Account NPS after each answer date (plain and weighted by influence) and, on the right-hand axis
    scale of 0–10, the chosen person's recommend scores."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg  # loaded with the first chart: it is slow to import and only this needs it

        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        self.plot = pg.PlotWidget(axisItems={"bottom": _date_axis(pg)})
        for action in self.plot.scene().contextMenu:  # the chart library's own menu, in our language
            action.setText(self.tr("Export…"))
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(120)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.getAxis("left").setWidth(40)
        self.plot.setLabel("left", self.tr("NPS"))
        self.plot.setYRange(-100, 100, padding=0.05)
        self.plain = self.plot.plot([], [], pen=pg.mkPen(PLAIN_COLOR, width=2), symbol="o", symbolSize=6,
                                    symbolBrush=PLAIN_COLOR)
        dashed = pg.mkPen(WEIGHTED_COLOR, width=2, style=Qt.PenStyle.DashLine)
        self.weighted = self.plot.plot([], [], pen=dashed,
                                       symbol="s", symbolSize=6, symbolBrush=WEIGHTED_COLOR)
        # A person's 0–10 scores drawn on the NPS scale (×20 − 100), so that 10 meets +100 and 0 meets −100.
        self.person = self.plot.plot([], [], pen=pg.mkPen(PERSON_COLOR, width=2), symbol="t", symbolSize=8,
                                     symbolBrush=PERSON_COLOR)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        # The key under the chart rather than over it: a legend inside the plot hides the lines it names.
        self.key = QLabel()
        layout.addWidget(self.key)
        self.series: list[tuple[dt.date, float, float]] = []
        self.trend: list[tuple[dt.date, int]] = []

    def show_series(self, series: list[tuple[dt.date, float, float]], trend: list[tuple[dt.date, int]],
                    person_name: str | None) -> None:
        self.series, self.trend = list(series), list(trend)
        xs = [_day(d) for d, _p, _w in series]
        self.plain.setData(xs, [p for _d, p, _w in series])
        self.weighted.setData(xs, [w for _d, _p, w in series])
        self.person.setData([_day(d) for d, _s in trend], [s * 20 - 100 for _d, s in trend])
        key = [_swatch(PLAIN_COLOR, self.tr("NPS")), _swatch(WEIGHTED_COLOR, self.tr("Weighted by influence"))]
        if person_name and trend:
            key.append(_swatch(PERSON_COLOR, self.tr("%1 (recommend 0–10)").replace("%1", person_name)))
        self.key.setText(" &nbsp; ".join(key))
        days = xs + [_day(d) for d, _s in trend]
        if days:
            low, high = min(days), max(days)
            margin = max(7 * 86400.0, (high - low) * 0.05)
            self.plot.setXRange(low - margin, high + margin, padding=0)
        self.plot.setYRange(-100, 100, padding=0.05)


class SatisfactionPanel(RecordPanel):
    import_finished = Signal(object)  # the import's command, or None when nothing was recorded

    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(workspace, undo_stack, SatisfactionModel(workspace), parent,
                         add_text=translate("SatisfactionPanel", "Record answer…"))
        self.edit_button.hide()  # answers are never edited: a changed opinion is a new answer
        self.figures = QLabel()
        font = self.figures.font()
        font.setBold(True)
        self.figures.setFont(font)
        self.figures.setToolTip(self.tr("Net promoter score over each person's latest answer: % promoters (9–10) "
                                        "− % detractors (0–6); the weighted one counts each person by influence"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Survey answers from a CSV or Excel file with the columns person "
                                              "(or e-mail), date, recommend, satisfaction and comment"))
        self.import_button.clicked.connect(self.choose_import_file)
        self.import_progress = QProgressBar()
        self.import_progress.setMaximumWidth(160)
        self.import_progress.setFormat(self.tr("Reading %p%"))
        self.import_progress.hide()
        self._reader: SurveyReader | None = None
        self.person_filter = QComboBox()
        self.person_filter.setMinimumContentsLength(14)
        self.chart = SatisfactionChart()
        self._size_columns(stretched=(SatisfactionModel.COMMENT,))

        top = QHBoxLayout()
        top.addWidget(self.figures, 1)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.person_filter)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.import_button, self.import_progress):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # A narrow dock wraps the figures onto a second line rather than clipping them or scrolling the panel.
        self.figures.setMinimumWidth(1)
        self.figures.setWordWrap(True)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.view, 1)
        # The chart and the list share the height through a splitter: the user gives either more room.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.model.modelReset.connect(self._on_model_reset)
        self.person_filter.currentIndexChanged.connect(self._on_filter_chosen)
        self._ws.people_changed.connect(self._on_people_changed)
        self._on_model_reset()

    def set_account(self, account_id: int | None) -> None:
        self.model.set_account(account_id)
        self._fill_person_filter()

    def set_person_filter(self, person_id: int | None) -> None:
        index = self.person_filter.findData(person_id)
        if index < 0:
            person_id, index = None, 0
        self.person_filter.setCurrentIndex(index)
        self.model.set_person_filter(person_id)

    def _people(self) -> dict[int, str]:
        account_id = self.model.account_id
        return {} if account_id is None else {p.id: p.name for p in self._ws.people(account_id, include_archived=False)}

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
        figures = self.model.figures()
        self.figures.setText(figures_text(figures))
        person_id = self.model.person_filter
        trend = self.model.person_trend(person_id) if person_id is not None else []
        self.chart.show_series(figures.over_time, trend,
                               self.model.person_name(person_id) if person_id is not None else None)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        super()._update_buttons()
        self.add_button.setEnabled(self.model.account_id is not None and bool(self._people()))
        self.import_button.setEnabled(self.add_button.isEnabled() and getattr(self, "_reader", None) is None)

    # -- import -----------------------------------------------------------------------------------
    def choose_import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import survey answers"), "", self.tr("Survey answers (*.csv *.xlsx);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> SurveyReader | None:
        """Read the file in a worker, then record every answer in one undoable step — or none, saying which row
        is wrong. ``import_finished`` carries the command (None when nothing was recorded)."""
        account_id = self.model.account_id
        if account_id is None or self._reader is not None:
            return None
        people = [(p.id, p.name, p.email) for p in self._ws.people(account_id, include_archived=True)]
        reader = SurveyReader(path, people)
        reader.progress.connect(self._on_import_progress)
        reader.done.connect(lambda rows: self._on_import_read(rows, path))
        reader.refused.connect(self._on_import_refused)
        reader.failed.connect(self._on_import_failed)
        reader.finished.connect(self._on_import_ended)
        self._reader = reader
        self.import_button.setEnabled(False)
        self.import_progress.setRange(0, 0)  # busy until the first rows are counted
        self.import_progress.show()
        reader.start()
        return reader

    @property
    def importing(self) -> bool:
        return self._reader is not None

    def _on_import_progress(self, done: int, total: int) -> None:
        self.import_progress.setRange(0, max(total, 1))
        self.import_progress.setValue(done)

    def _on_import_read(self, rows, path: str) -> None:
        answers = [(r.person_id, r.answered_on, r.recommend, r.satisfaction, r.comment) for r in rows]
        command = self._perform(record_edits.import_survey_answers(self._ws, answers, Path(path).name))
        self.import_finished.emit(command)

    def _on_import_refused(self, refused: SurveyRefused) -> None:
        QMessageBox.warning(self, self.tr("Import survey answers"), self._refusal_text(refused))
        self.import_finished.emit(None)

    def _on_import_failed(self, detail: str) -> None:
        from app.ui.common.failures import with_detail

        QMessageBox.warning(self, self.tr("Import survey answers"),
                            with_detail(self.tr("The file could not be read; nothing was imported."), detail))
        self.import_finished.emit(None)

    def _on_import_ended(self) -> None:
        self.import_progress.hide()
        if self._reader is not None:
            self._reader.deleteLater()
            self._reader = None
        self._update_buttons()

    def _refusal_text(self, refused: SurveyRefused) -> str:
        reasons = {
            "unreadable": self.tr("The file cannot be read: %2"),
            "columns": self.tr("The file needs the columns person (or e-mail), date and recommend."),
            "empty": self.tr("The file holds no survey answers."),
            "person": self.tr("Line %1: nobody named “%2” in this account; nothing was imported."),
            "ambiguous": self.tr("Line %1: several people in this account are named “%2”; give their e-mail "
                                 "instead. Nothing was imported."),
            "date": self.tr("Line %1: “%2” is not a date (YYYY-MM-DD); nothing was imported."),
            "recommend": self.tr("Line %1: the recommend score “%2” is not a whole number from 0 to 10; "
                                 "nothing was imported."),
            "satisfaction": self.tr("Line %1: the satisfaction “%2” is not a whole number from 1 to 5; "
                                    "nothing was imported."),
        }
        return reasons[refused.reason].replace("%1", str(refused.line)).replace("%2", refused.value)

    # -- edits ------------------------------------------------------------------------------------
    def _dialog(self, record: SurveyAnswerRecord | None) -> SurveyAnswerDialog:
        return SurveyAnswerDialog("", parent=self, people=self._people(), person_id=self.model.person_filter)

    def _add_command(self, account_id: int, values: dict):
        person_id = values.pop("person_id")
        return record_edits.record_survey_answer(self._ws, person_id, self.model.person_name(person_id), **values)

    def _delete_command(self, record: SurveyAnswerRecord):
        return record_edits.delete_survey_answer(self._ws, record.id, self.model.person_name(record.person_id))

    def _delete_question(self, record: SurveyAnswerRecord) -> tuple[str, str]:
        text = (self.tr("Delete the survey answer of %1 from %2?\nYou can undo this with Edit ▸ Undo.")
                .replace("%1", self.model.person_name(record.person_id))
                .replace("%2", record.answered_on.isoformat()))
        return self.tr("Delete survey answer"), text

    def edit_record(self) -> None:  # a double-click on an answer does nothing: answers are not edited
        return

    def record_answer(self) -> int | None:
        command = self.add_record()
        return command.ident if command else None

    selected_answer = RecordPanel.selected_record
    delete_answer = RecordPanel.delete_record
