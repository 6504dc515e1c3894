"""Relationship health on the portfolio dashboard: each account's columns say what its own analysis says."""

from __future__ import annotations

import datetime as dt

from app.demo import DEMO_ACCOUNT_NAMES
from tests.test_dashboard import column_texts, open_dashboard
from tests.test_main_window import demo_db, dialogs, start, stop  # noqa: F401


def test_dashboard_health_columns_match_each_accounts_analysis(qtbot, demo_db, dialogs):  # noqa: F811
    from app.analysis import analyze
    from app.document.analysis_input import analysis_input
    from app.document.health_input import read_health_input
    from app.document.map_reading import read_map_data
    from app.views.portfolio_models import AccountsModel

    controller, window = start(qtbot, demo_db)
    ws = window.workspace
    # A snapshot, then a coach turns against us: a champion at risk the dashboard must count.
    bank = ws.account_id_by_name(DEMO_ACCOUNT_NAMES[1])
    ws.take_snapshot(bank, "before", dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=1))
    coach = next(p for p in ws.people(bank) if p.role == "coach" and not p.archived)
    ws.update_person(coach.id, {"stance": "skeptic"})
    dashboard = open_dashboard(qtbot, window)
    table = dashboard.table
    qtbot.waitUntil(lambda: all(r.effective_score is not None for r in dashboard.data.rows), timeout=20000)
    names = column_texts(table, AccountsModel.ACCOUNT)
    for name in DEMO_ACCOUNT_NAMES:
        account = ws.account_id_by_name(name)
        with ws.database.sessionmaker() as session:
            data = read_map_data(session, account)
            result = analyze(*analysis_input(data), read_health_input(session, data))
        health = result.health
        row = names.index(name)
        cell = lambda column, r=row: table.model().index(r, column).data()  # noqa: E731
        assert cell(AccountsModel.EFFECTIVE) == f"{round(health.effective_score * 100)}%"
        assert cell(AccountsModel.STALE) == (str(len(health.stale)) if health.stale else "")
        assert cell(AccountsModel.NPS) == f"{health.nps:+.0f}"
        risks = [risk.name for risk in health.champions_at_risk]
        assert cell(AccountsModel.CHAMPIONS) == (str(len(risks)) if risks else "")
        assert table.model().index(row, AccountsModel.CHAMPIONS).data(0x03) == ("\n".join(risks) or None)
    bank_row = names.index(DEMO_ACCOUNT_NAMES[1])
    assert coach.name in table.model().index(bank_row, AccountsModel.CHAMPIONS).data(0x03)

    # Sorting by effective coverage puts the coldest account first.
    from PySide6.QtCore import Qt

    table.sortByColumn(AccountsModel.EFFECTIVE, Qt.SortOrder.AscendingOrder)
    values = [int(t.rstrip("%")) for t in column_texts(table, AccountsModel.EFFECTIVE)]
    assert values == sorted(values)
    stop(controller)
