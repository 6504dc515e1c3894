"""The dashboard to a file for the review meeting: PDF (tables and both charts) or Excel.

What is exported is what the window shows: the accounts the tier, owner and search filters let through.
The charts are drawn afresh at print size on this thread, recorded, and the file is written by a worker.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt

from app.i18n import translate
from app.i18n.language import money_totals
from app.ui.transfer.destinations import ask_save_path

CHART_SIZE = QSize(1000, 620)


def shown_data(window):
    """The window's data narrowed to the accounts it shows."""
    rows = window.shown_rows()
    ids = {r.account_id for r in rows}
    return replace(window.data, rows=rows, roles={k: v for k, v in window.data.roles.items() if k in ids},
                   risks=[r for r in window.data.risks if r.account_id in ids])


def _ask(window, suffix: str, kind: str) -> Path | None:
    name = translate("DashboardWindow", "Key accounts %1").replace("%1", window.data.today.isoformat())
    return ask_save_path(window, window.windowTitle(), name, suffix, f"{kind} (*.{suffix})")


def record_charts(rows: list, months: list) -> list:
    """Both charts drawn at print size, off screen, and recorded as pictures."""
    from app.export.pictures import record_widget
    from app.ui.dashboard.charts import CoverageSupportChart, MonthlyContactsChart

    recorded = []
    for chart, title in ((CoverageSupportChart(), translate("DashboardWindow", "Coverage against support")),
                         (MonthlyContactsChart(), translate("DashboardWindow", "Contacts per month"))):
        chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        chart.resize(CHART_SIZE)
        chart.show()  # lays the plot out, so the names can be placed where they will be printed
        if isinstance(chart, CoverageSupportChart):
            chart.set_rows(rows)
        else:
            chart.set_months(months)
        recorded.append((title, record_widget(chart), chart.size()))
        chart.close()
        chart.deleteLater()
    return recorded


def export_pdf(window) -> None:
    from app.export.dashboard_pdf import write_dashboard_pdf
    from app.ui.transfer.file_transfer import WriteWorker

    path = _ask(window, "pdf", translate("DashboardWindow", "PDF documents"))
    if path is None:
        return
    data = shown_data(window)
    charts = record_charts(data.rows, data.months)
    _run(window, WriteWorker(lambda job, target, progress: write_dashboard_pdf(job[0], target, job[1],
                                                                               progress=progress),
                             (data, charts), path))


def export_xlsx(window) -> None:
    from app.export.dashboard_pdf import xlsx_labels
    from app.portfolio.workbook import write_dashboard_xlsx
    from app.ui.transfer.file_transfer import WriteWorker

    path = _ask(window, "xlsx", translate("DashboardWindow", "Excel workbooks"))
    if path is None:
        return
    labels = xlsx_labels()
    money, separator = money_totals, translate("Lists", ", ")
    _run(window, WriteWorker(lambda data, target, _progress: write_dashboard_xlsx(
        data, target, labels, money=money, names_separator=separator),
                             shown_data(window), path))


def _run(window, worker) -> None:
    from app.ui.transfer.file_transfer import start_writing

    def finished() -> None:
        window.writers.remove(worker)

    window.writers.append(worker)
    start_writing(window, worker, translate("DashboardWindow", "Exporting…"), finished)
