"""The dashboard for the review meeting: the workbook as a spreadsheet reads it (openpyxl), the PDF as a reader
sees it (poppler), both on a generated portfolio plus one account built by hand with a Chinese name."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from app.models.entities import Action, Interaction, Opportunity
from app.models.repositories import accounts as account_repo
from app.models.repositories import links as link_repo
from app.models.repositories import people as people_repo
from app.models.repositories import team as team_repo
from app.portfolio import ROLE_COLUMNS
from app.portfolio.snapshot import PortfolioData, currencies, read_portfolio, summarise
from app.portfolio.synthetic import generate_portfolio
from app.portfolio.workbook import LABEL_KEYS, write_dashboard_xlsx
from tests.pdf_reading import fonts, page_count, pdf_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "screenshots"
TODAY = dt.date(2026, 3, 15)
GRID = "华东电网 East Grid"
FORMULA = "=1+2 Holdings"



@pytest.fixture
def data(app, database) -> PortfolioData:
    """Twelve generated accounts, East Grid (single-threaded through 李雷, 陈静 the only way to 赵敏, pipeline in
    two currencies) and an
    account whose name a spreadsheet would take for a formula."""
    with database.session() as s:
        generate_portfolio(s, accounts=12, people_per_account=12, seed=7, today=TODAY)
        li, han = (team_repo.add_member(s, name).id for name in ("李雷", "韩梅梅"))
        grid = account_repo.create_account(s, GRID, tier="strategic", owner_id=li).id
        account_repo.create_account(s, FORMULA)
        for member in (li, han):
            team_repo.assign(s, grid, member)

        def person(name, role, influence):
            return people_repo.add_person(s, grid, name, role=role, stance="supporter", influence=influence).id

        boss, cio, ops, coach = (person("张伟", "economic_buyer", 5), person("王芳", "decision_maker", 4),
                                 person("刘洋", "decision_maker", 3), person("陈静", "coach", 2))
        for a, b in ((cio, boss), (ops, boss), (coach, cio)):
            link_repo.add_link(s, grid, "reports_to", source_person_id=a, target_person_id=b, strength=4)
        # Only 陈静 knows 赵敏: a cut-point.
        link_repo.add_link(s, grid, "knows", source_person_id=person("赵敏", "decision_maker", 4),
                           target_person_id=coach)
        link_repo.add_link(s, grid, "covers", source_member_id=li, target_person_id=coach, strength=4)
        link_repo.add_link(s, grid, "covers", source_member_id=li, target_person_id=ops, strength=3)
        link_repo.add_link(s, grid, "covers", source_member_id=han, target_person_id=cio, strength=1)
        s.add(Action(account_id=grid, title="Send the reference list", status="open",
                     due_date=TODAY - dt.timedelta(days=5)))
        s.add(Action(account_id=grid, title="Book the demo", status="open", due_date=TODAY + dt.timedelta(days=5)))
        s.add(Interaction(account_id=grid, occurred_at=dt.datetime(2026, 3, 5, 10), channel="meeting"))
        s.add(Opportunity(account_id=grid, name="Grid analytics", stage="evaluation", currency="CNY",
                          value=Decimal("1200000")))
        s.add(Opportunity(account_id=grid, name="Pilot", stage="negotiation", currency="USD", value=Decimal("50000")))
    with database.sessionmaker() as s:
        return read_portfolio(s, TODAY)


def _labels() -> dict[str, str]:
    from app.export.dashboard_pdf import xlsx_labels

    return xlsx_labels()


def _row(data: PortfolioData, name: str):
    return next(row for row in data.rows if row.account == name)


# -- the numbers behind both files ----------------------------------------------------------------------------
def test_the_snapshot_and_its_summary(data):
    grid = _row(data, GRID)
    assert len(data.rows) == 14 and data.today == TODAY and len(data.months) == 12
    assert grid.single_threaded and grid.overdue_actions == 1 and grid.open_actions == 2
    assert grid.pipeline == {"CNY": Decimal("1200000"), "USD": Decimal("50000")}
    risk = next(r for r in data.risks if r.account == GRID)
    assert risk.sole_member == "李雷"
    summary = summarise(data)
    assert summary.accounts == 14
    assert summary.single_threaded == sum(r.single_threaded for r in data.rows)
    assert summary.overdue_actions == sum(r.overdue_actions for r in data.rows)
    # The formula account has nobody and was never contacted: quiet, but no uncovered decider.
    assert summary.quiet >= 1 and 1 <= summary.uncovered_deciders <= 13


# -- the workbook --------------------------------------------------------------------------------------------
def test_the_workbook(data, tmp_path):
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    labels = _labels()
    assert set(LABEL_KEYS) <= set(labels)
    path = tmp_path / "dashboard.xlsx"
    write_dashboard_xlsx(data, path, labels)
    book = load_workbook(path)
    assert book.sheetnames == [labels["sheet_accounts"], labels["sheet_roles"], labels["sheet_risks"],
                               labels["sheet_months"]]

    accounts = book[labels["sheet_accounts"]]
    header = [c.value for c in accounts[1]]
    assert header == [labels[k] for k in ("account", "tier", "owner", "people", "team_members", "coverage", "gaps",
                                          "gap_names", "single_threaded", "support_index", "open_actions",
                                          "overdue_actions", "last_interaction", "days_since", "pipeline")] + [
        labels["pipeline_currency"].replace("%1", c) for c in currencies(data.rows)]
    assert {"CNY", "USD"} <= set(currencies(data.rows))
    assert all(c.font.bold for c in accounts[1])
    assert accounts.freeze_panes == "B2"
    assert accounts.auto_filter.ref == f"A1:{get_column_letter(len(header))}{len(data.rows) + 1}"
    assert accounts.max_row == len(data.rows) + 1
    assert [accounts.cell(row=n, column=1).value for n in range(2, accounts.max_row + 1)] == [
        r.account for r in data.rows]
    column = {title: number for number, title in enumerate(header, start=1)}
    grid = _row(data, GRID)
    line = {title: accounts.cell(row=data.rows.index(grid) + 2, column=n) for title, n in column.items()}
    value = {title: cell.value for title, cell in line.items()}
    assert value[labels["account"]] == GRID
    assert value[labels["tier"]] == labels["tier_strategic"]
    assert value[labels["owner"]] == grid.owner == "李雷"
    assert value[labels["people"]] == grid.people == 5
    assert value[labels["coverage"]] == pytest.approx(grid.coverage_score)
    assert line[labels["coverage"]].number_format == "0%"
    assert value[labels["gaps"]] == grid.gaps and value[labels["gap_names"]] == ", ".join(grid.gap_names)
    assert "张伟" in value[labels["gap_names"]]
    assert value[labels["single_threaded"]] == labels["yes"]
    assert value[labels["support_index"]] == pytest.approx(grid.support_index)
    assert line[labels["support_index"]].number_format == "0.00"
    assert (value[labels["open_actions"]], value[labels["overdue_actions"]]) == (2, 1)
    assert value[labels["last_interaction"]].date() == grid.last_interaction
    assert value[labels["days_since"]] == grid.days_since_last_interaction == 10
    assert value[labels["pipeline"]] == "CNY 1,200,000; USD 50,000"
    assert value[labels["pipeline_currency"].replace("%1", "CNY")] == 1200000
    assert value[labels["pipeline_currency"].replace("%1", "USD")] == 50000
    others = [c for c in currencies(data.rows) if c not in grid.pipeline]
    assert all(value[labels["pipeline_currency"].replace("%1", c)] is None for c in others)
    for row in data.rows:  # every generated row, not just the hand-built one
        cells = {title: accounts.cell(row=data.rows.index(row) + 2, column=n).value for title, n in column.items()}
        assert cells[labels["overdue_actions"]] == row.overdue_actions
        assert cells[labels["coverage"]] == pytest.approx(row.coverage_score)
        assert cells[labels["single_threaded"]] == (labels["yes"] if row.single_threaded else labels["no"])
    # A name a spreadsheet would run stays text.
    formula = accounts.cell(row=[r.account for r in data.rows].index(FORMULA) + 2, column=1)
    assert formula.value == FORMULA and formula.data_type == "s"

    roles = book[labels["sheet_roles"]]
    assert [c.value for c in roles[1]][:1 + len(ROLE_COLUMNS)] == [labels["account"]] + [
        labels[f"role_{r}"] for r in ROLE_COLUMNS]
    assert roles.freeze_panes == "B2" and roles.auto_filter.ref == f"A1:F{len(data.rows) + 1}"
    grid_line = [c.value for c in roles[data.rows.index(grid) + 2]][:6]
    # 张伟 uncovered; of 王芳 ("aware"), 刘洋 (covered) and 赵敏 one is covered; no technical or user buyer.
    assert grid_line == [GRID, "0/1", "1/3", labels["nobody"], labels["nobody"], "1/1"]
    fills = [c.fill.fgColor.rgb[-6:] for c in roles[data.rows.index(grid) + 2]][1:6]
    assert fills == ["FFC7CE", "FFEB9C", "E7E6E6", "E7E6E6", "C6EFCE"]
    legend = [(roles.cell(row=n, column=8).fill.fgColor.rgb[-6:], roles.cell(row=n, column=9).value)
              for n in range(2, 6)]
    assert roles.cell(row=1, column=9).value == labels["legend_cell"]
    assert legend == [("C6EFCE", labels["legend_all"]), ("FFEB9C", labels["legend_some"]),
                      ("FFC7CE", labels["legend_none"]), ("E7E6E6", labels["legend_nobody"])]

    risks = book[labels["sheet_risks"]]
    assert [c.value for c in risks[1]] == [labels[k] for k in ("account", "sole_member", "cut_point", "side",
                                                               "cuts_off")]
    grid_risks = [[c.value for c in line] for line in risks.iter_rows(min_row=2) if line[0].value == GRID]
    assert grid_risks and all(line[1] == "李雷" for line in grid_risks)
    expected = {(p.name, ", ".join(p.cuts_off)) for r in data.risks if r.account == GRID for p in r.cut_points}
    assert ("陈静", "赵敏") in expected
    assert {(line[2], line[4]) for line in grid_risks if line[2]} == expected
    assert risks.max_row == 1 + sum(max(1, len(r.cut_points)) for r in data.risks)

    months = book[labels["sheet_months"]]
    assert [(c.value.date(), n.value) for c, n in months.iter_rows(min_row=2)] == data.months


def test_the_workbook_wants_every_label(data, tmp_path):
    labels = _labels()
    del labels["cuts_off"]
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(KeyError, match="cuts_off"):
        write_dashboard_xlsx(data, folder / "x.xlsx", labels)
    assert list(folder.iterdir()) == []


def test_sheet_names_excel_would_refuse_are_made_acceptable(data, tmp_path):
    from openpyxl import load_workbook

    labels = _labels() | {"sheet_accounts": "Accounts: all [2026/03]", "sheet_roles": "x" * 40,
                          "sheet_risks": "Risk?", "sheet_months": "risk-"}
    path = tmp_path / "odd.xlsx"
    write_dashboard_xlsx(data, path, labels)
    names = load_workbook(path).sheetnames
    assert names[0] == "Accounts- all -2026-03-" and names[1] == "x" * 31 and len(set(names)) == 4


# -- the PDF --------------------------------------------------------------------------------------------------



def _chart():
    from PySide6.QtCore import QRectF, QSize, Qt
    from PySide6.QtGui import QColor, QPainter, QPicture

    picture = QPicture()
    painter = QPainter(picture)
    painter.setPen(QColor("#0072B2"))
    for i, height in enumerate((40, 80, 60, 120, 100)):
        painter.fillRect(QRectF(20 + 50 * i, 180 - height, 30, height), QColor("#0072B2"))
    painter.setPen(QColor("#263238"))
    painter.drawText(QRectF(0, 185, 300, 15), Qt.AlignmentFlag.AlignCenter, "互动 chart label")
    painter.end()
    return picture, QSize(300, 200)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_pdf(data, tmp_path, language):
    from app.export.dashboard_pdf import write_dashboard_pdf
    from app.i18n import language as lang
    from app.i18n import translate

    picture, size = _chart()
    lang.install(language)
    try:
        plain, charted = tmp_path / "plain.pdf", tmp_path / "charted.pdf"
        write_dashboard_pdf(data, plain)
        write_dashboard_pdf(data, charted, [("Interactions per month", picture, size),
                                            ("覆盖率 Coverage", picture, size)], author="陈思远")
        title = translate("DashboardExport", "Key accounts: coverage and risk")
    finally:
        lang.install("en")
    assert page_count(charted) == page_count(plain) + 2
    rows = fonts(charted)
    assert rows and all(f[-5] == "yes" for f in rows), "every font embedded"
    text = pdf_text(plain)
    compact = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", title) in compact
    assert "华东电网" in text and "EastGrid" in compact and "李雷" in text and "张伟" in text
    assert all(re.sub(r"\s+", "", r.account) in compact for r in data.rows)
    summary = summarise(data)
    if language == "en":
        assert f"{summary.accounts} accounts · {summary.single_threaded} single-threaded" in text
        assert f"{summary.overdue_actions} overdue actions" in text
        assert "single-threaded" in text and "1 overdue" in text  # marked in words, not only in colour
        assert "CNY 1.2m;" in text and "USD 50,000" in text  # never broken inside an amount
    else:
        assert "120万元；5万美元" in text  # money as Chinese writes it, never broken inside an amount
    charted_text = pdf_text(charted)
    assert "陈思远" in charted_text and "覆盖率" in charted_text
    # Least covered first.
    positions = [compact.index(re.sub(r"\s+", "", r.account))
                 for r in sorted(data.rows, key=lambda r: (r.coverage_score, r.account))[:3]]
    assert positions == sorted(positions)
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob(f"dashboard_pdf_{language}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(charted), str(SCREENSHOTS / f"dashboard_pdf_{language}")],
                   check=True)


def test_the_pdf_can_be_written_on_a_worker_thread(data, tmp_path):
    from app.export.dashboard_pdf import write_dashboard_pdf

    picture, size = _chart()
    path = tmp_path / "worker.pdf"
    errors = []

    def work():
        try:
            write_dashboard_pdf(data, path, [("Chart", picture, size)])
        except Exception as error:  # noqa: BLE001 - handed back to the test thread
            errors.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert not errors and page_count(path) >= 2 and GRID.split()[0] in pdf_text(path)


def test_an_empty_portfolio_still_gives_a_pdf_and_a_workbook(app, tmp_path):
    from openpyxl import load_workbook

    from app.export.dashboard_pdf import write_dashboard_pdf

    empty = PortfolioData(TODAY, [], {}, [], [])
    write_dashboard_pdf(empty, tmp_path / "empty.pdf")
    assert page_count(tmp_path / "empty.pdf") == 1
    write_dashboard_xlsx(empty, tmp_path / "empty.xlsx", _labels())
    assert load_workbook(tmp_path / "empty.xlsx")[_labels()["sheet_accounts"]].max_row == 1


# -- a failed write ------------------------------------------------------------------------------------------
def test_a_failed_write_leaves_the_previous_files(data, tmp_path, monkeypatch):
    from openpyxl import Workbook

    from app.export import dashboard_pdf

    folder = tmp_path / "review"
    folder.mkdir()
    xlsx, pdf = folder / "dashboard.xlsx", folder / "dashboard.pdf"
    write_dashboard_xlsx(data, xlsx, _labels())
    dashboard_pdf.write_dashboard_pdf(data, pdf)
    before = {path: path.read_bytes() for path in (xlsx, pdf)}

    def broken_save(book, filename):
        Path(filename).write_bytes(b"half a workbook")
        raise OSError("disk full")

    def broken_pdf(*args):
        Path(args[4]).write_bytes(b"%PDF half")  # data, html, charts, author, temp, progress
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", broken_save)
    monkeypatch.setattr(dashboard_pdf, "_write_pdf", broken_pdf)
    with pytest.raises(OSError):
        write_dashboard_xlsx(data, xlsx, _labels())
    with pytest.raises(OSError):
        dashboard_pdf.write_dashboard_pdf(data, pdf)
    assert {path: path.read_bytes() for path in (xlsx, pdf)} == before
    assert sorted(p.name for p in folder.iterdir()) == ["dashboard.pdf", "dashboard.xlsx"]
