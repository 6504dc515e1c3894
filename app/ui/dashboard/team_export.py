"""The team view to a file for the review meeting: PDF (tables and the workload chart) or Excel, of the members
the window shows, in its order. The chart is drawn afresh at print size on this thread; a worker writes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFileDialog

from app.i18n import translate

CHART_SIZE = QSize(1000, 620)


def _ask(window, suffix: str, kind: str) -> Path | None:
    name = translate("TeamWindow", "Our team %1").replace("%1", window.data.today.isoformat())
    path, _ = QFileDialog.getSaveFileName(window, window.windowTitle(), f"{name}.{suffix}", f"{kind} (*.{suffix})")
    if not path:
        return None
    return Path(path) if path.lower().endswith(f".{suffix}") else Path(f"{path}.{suffix}")


def record_chart(loads: list):
    from app.export.pictures import record_widget
    from app.ui.dashboard.team_chart import WorkloadChart

    chart = WorkloadChart()
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    chart.resize(CHART_SIZE)
    chart.show()
    chart.set_loads(loads)
    chart.title.hide()  # the page's heading says it
    chart.plot.getPlotItem().layout.activate()  # the names' axis takes its new width before the picture is taken
    recorded = (chart.title.text(), record_widget(chart), chart.size())
    chart.close()
    chart.deleteLater()
    return recorded


def export_pdf(window) -> None:
    from app.export.team_report import write_team_pdf
    from app.ui.transfer.file_transfer import WriteWorker

    path = _ask(window, "pdf", translate("TeamWindow", "PDF documents"))
    if path is None:
        return
    loads = window.shown_loads()
    chart = record_chart(loads)
    _run(window, WriteWorker(lambda job, target, progress: write_team_pdf(job[0], job[1], target, job[2],
                                                                          progress=progress),
                             (window.data, loads, chart), path))


def export_xlsx(window) -> None:
    from app.export.team_report import write_team_xlsx
    from app.ui.transfer.file_transfer import WriteWorker

    path = _ask(window, "xlsx", translate("TeamWindow", "Excel workbooks"))
    if path is None:
        return
    _run(window, WriteWorker(lambda job, target, _progress: write_team_xlsx(job[0], job[1], target),
                             (window.data, window.shown_loads()), path))


def _run(window, worker) -> None:
    from app.ui.transfer.file_transfer import start_writing

    def finished() -> None:
        window.writers.remove(worker)

    window.writers.append(worker)
    start_writing(window, worker, translate("TeamWindow", "Exporting…"), finished)
