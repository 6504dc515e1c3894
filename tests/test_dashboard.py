"""The executive dashboard as an executive uses it: open it from the main window, read the table, sort,
filter by tier and owner, drill into an account, see it follow an edit; the matrix, risks and charts on a
generated portfolio; screenshots in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.demo import DEMO_ACCOUNT_NAMES
from tests.pdf_reading import pdf_text
from tests.test_main_window import account_id, demo_db, dialogs, start, stop  # noqa: F401

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


def open_dashboard(qtbot, window):
    window.dashboard_action.trigger()
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.data is not None and dashboard._worker is None, timeout=20000)
    return dashboard


def column_texts(view, column: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_open_sort_filter_and_drill_into_an_account(qtbot, demo_db, dialogs):  # noqa: F811
    from app.analysis import analyze
    from app.document.analysis_input import analysis_input
    from app.views.portfolio_models import AccountsModel

    controller, window = start(qtbot, demo_db)
    dashboard = open_dashboard(qtbot, window)
    table = dashboard.table
    assert sorted(column_texts(table, AccountsModel.ACCOUNT)) == sorted(DEMO_ACCOUNT_NAMES)
    # Each row says what the account's own analysis says.
    for name in DEMO_ACCOUNT_NAMES:
        result = analyze(*analysis_input(window.workspace.map_data(account_id(window, name))))
        row = column_texts(table, AccountsModel.ACCOUNT).index(name)
        assert table.model().index(row, AccountsModel.COVERAGE).data() == f"{round(result.coverage_score * 100)}%"
        assert table.model().index(row, AccountsModel.GAPS).data() == str(len(result.gaps))
    # Opened with the least covered account first.
    coverage = [float(t.rstrip("%")) for t in column_texts(table, AccountsModel.COVERAGE)]
    assert coverage == sorted(coverage)
    # Sort by people, most first, as a click on the header does.
    table.sortByColumn(AccountsModel.PEOPLE, Qt.SortOrder.DescendingOrder)
    people = [int(t) for t in column_texts(table, AccountsModel.PEOPLE)]
    assert people == sorted(people, reverse=True)

    rows = {r.account: r for r in dashboard.data.rows}
    tier = rows[DEMO_ACCOUNT_NAMES[0]].tier
    dashboard.tier.setCurrentIndex(dashboard.tier.findData(tier))
    assert set(column_texts(table, AccountsModel.ACCOUNT)) == {n for n, r in rows.items() if r.tier == tier}
    assert dashboard.matrix.model().rowCount() == table.model().rowCount()  # every tab shows the same accounts
    dashboard.tier.setCurrentIndex(0)
    owner = rows[DEMO_ACCOUNT_NAMES[1]].owner
    dashboard.owner.setCurrentIndex(dashboard.owner.findData(owner))
    assert set(column_texts(table, AccountsModel.ACCOUNT)) == {n for n, r in rows.items() if r.owner == owner}
    dashboard.owner.setCurrentIndex(0)
    assert table.model().rowCount() == 3

    # Double-click an account: the main window shows its map.
    from PySide6.QtTest import QTest

    target = DEMO_ACCOUNT_NAMES[2]
    dashboard.tabs.setCurrentWidget(table)
    index = table.model().index(column_texts(table, AccountsModel.ACCOUNT).index(target), AccountsModel.ACCOUNT)
    centre = table.visualRect(index).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.account_id == account_id(window, target)
    assert window.account_page.map_panel.scene.account_id == window.account_id
    # Enter on another row does the same from the keyboard.
    other = DEMO_ACCOUNT_NAMES[1]
    table.setCurrentIndex(table.model().index(column_texts(table, AccountsModel.ACCOUNT).index(other), 0))
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert window.account_id == account_id(window, other)
    dashboard.resize(700, 520)
    stop(controller)

    # The dashboard comes back where it was left.
    controller, window = start(qtbot, demo_db)
    window.dashboard_action.trigger()
    assert (window.dashboard.width(), window.dashboard.height()) == (700, 520)
    stop(controller)


def test_the_dashboard_follows_an_edit(qtbot, demo_db, dialogs):  # noqa: F811
    from app.views.portfolio_models import AccountsModel

    controller, window = start(qtbot, demo_db)
    dashboard = open_dashboard(qtbot, window)
    ws = window.workspace
    name = DEMO_ACCOUNT_NAMES[0]
    target = account_id(window, name)
    before = {r.account: r for r in dashboard.data.rows}[name]
    with qtbot.waitSignal(dashboard.refreshed, timeout=10000):
        ws.add_action(target, "Call the CFO", due_date=dashboard.data.today.replace(year=2020))
    after = {r.account: r for r in dashboard.data.rows}[name]
    assert after.overdue_actions == before.overdue_actions + 1
    row = column_texts(dashboard.table, AccountsModel.ACCOUNT).index(name)
    assert dashboard.table.model().index(row, AccountsModel.OVERDUE).data() == str(after.overdue_actions)
    stop(controller)


@pytest.fixture
def generated(tmp_path):
    import datetime as dt

    from app.portfolio.synthetic import generate_portfolio

    path = tmp_path / "portfolio.db"
    generate_portfolio(path, accounts=40, people_per_account=30, seed=3, today=dt.date.today())
    return path


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_matrix_risks_and_charts_of_a_generated_portfolio(qtbot, generated, dialogs, language):  # noqa: F811
    from app.portfolio import ROLE_COLUMNS
    from app.portfolio.snapshot import cell_state
    from app.views.portfolio_models import CELL_SYMBOLS

    controller, window = start(qtbot, generated, language)
    dashboard = open_dashboard(qtbot, window)
    data = dashboard.data
    assert dashboard.table.model().rowCount() == 40
    # The matrix: the symbol and the count say the same as the cell.
    matrix = dashboard.matrix.model()
    for row in range(matrix.rowCount()):
        account = matrix.index(row, 0).data(Qt.ItemDataRole.UserRole + 1)
        for column, role in enumerate(ROLE_COLUMNS, start=1):
            cell = data.roles[account][role]
            text = matrix.index(row, column).data()
            assert text.startswith(CELL_SYMBOLS[cell_state(cell)])
            if cell.people:
                assert text.endswith(f"{cell.covered}/{cell.people}")
    # Risks: one line per single-threaded account's sole member and per cut-point.
    expected = sum(bool(r.sole_member) + len(r.cut_points) for r in data.risks)
    assert dashboard.risk_table.model().rowCount() == expected > 0
    # Charts, drawn when their tab is opened: a point per account whose support is known; contacts per month.
    dashboard.tabs.setCurrentWidget(dashboard.charts_page)
    placed = [r for r in data.rows if r.support_index is not None]
    assert dashboard.scatter.point_count() == len(placed)
    assert 0 < len(dashboard.scatter.labels()) <= 25
    assert dashboard.monthly.heights() == [count for _, count in data.months]
    assert sum(dashboard.monthly.heights()) > 0
    assert "40" in dashboard.summary.text()

    SCREENSHOTS.mkdir(exist_ok=True)
    dashboard.resize(1280, 760)
    for index, name in enumerate(("accounts", "roles", "risks", "charts")):
        dashboard.tabs.setCurrentIndex(index)
        qtbot.wait(200)
        dashboard.grab().save(str(SCREENSHOTS / f"dashboard_{name}_{language}.png"))
    stop(controller)


def test_export_what_the_dashboard_shows_to_pdf_and_excel(qtbot, demo_db, dialogs, monkeypatch, tmp_path):  # noqa: F811

    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    controller, window = start(qtbot, demo_db)
    dashboard = open_dashboard(qtbot, window)
    rows = {r.account: r for r in dashboard.data.rows}
    owner = rows[DEMO_ACCOUNT_NAMES[1]].owner
    dashboard.owner.setCurrentIndex(dashboard.owner.findData(owner))
    kept = sorted(n for n, r in rows.items() if r.owner == owner)
    left_out = sorted(set(rows) - set(kept))
    assert kept and left_out

    target = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target["path"]), "")))
    target["path"] = tmp_path / "review"
    dashboard.pdf_action.trigger()
    qtbot.waitUntil(lambda: dashboard.export_worker is None, timeout=20000)
    pdf = tmp_path / "review.pdf"
    text = pdf_text(pdf, layout=False)
    assert all(name in text for name in kept) and not any(name in text for name in left_out)
    assert "Contacts per month" in text and "Coverage against support" in text  # the chart pages

    target["path"] = tmp_path / "review.xlsx"
    dashboard.xlsx_action.trigger()
    qtbot.waitUntil(lambda: dashboard.export_worker is None, timeout=20000)
    sheet = load_workbook(tmp_path / "review.xlsx").worksheets[0]
    assert sorted(sheet.cell(row, 1).value for row in range(2, sheet.max_row + 1)) == kept
    from app.ui.transfer.destinations import ExportDone

    assert dashboard.statusBar().findChild(ExportDone).path == tmp_path / "review.xlsx"  # Open, Show in folder
    stop(controller)
