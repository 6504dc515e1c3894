"""Read a survey file (CSV or XLSX) off the GUI thread: a workbook of thousands of answers takes seconds, and
the window must stay responsive meanwhile. Only the reading happens here; the answers are recorded afterwards
by one undoable command on the GUI thread, through the document, like every other edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from app.ui.common.failures import detail_of


class SurveyReader(QThread):
    done = Signal(object)  # list[SurveyRow]
    refused = Signal(object)  # SurveyRefused: which line is wrong and why
    failed = Signal(str)  # anything else, in a detail line
    progress = Signal(int, int)  # rows checked, rows

    def __init__(self, path: str | Path, people: list[tuple[int, str, str | None]]) -> None:
        super().__init__()
        self.path, self._people = Path(path), people

    def run(self) -> None:
        from app.io.survey_import import SurveyRefused, read_survey_answers

        try:
            rows = read_survey_answers(self.path, self._people, self.progress.emit)
        except SurveyRefused as refused:
            self.refused.emit(refused)
            return
        except Exception as exc:  # a broken file must never take the window down
            self.failed.emit(detail_of(exc))
            return
        self.done.emit(rows)
