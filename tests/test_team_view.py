"""Our account team in the window: the team view (figures, sorting, role filter, double-click to a member's
accounts and on to a map, the workload chart), the team templates, an account's "Our team" tab and header
warning, and the dashboard's column — in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.demo import DEMO_ACCOUNT_NAMES
from tests.test_main_window import account_id, demo_db, dialogs, start, stop  # noqa: F401


def open_team_view(qtbot, window):
    window.team_action.trigger()
    view = window.team_host.view
    qtbot.waitUntil(lambda: view.data is not None and view._worker is None, timeout=20000)
    return view


def column(view, col: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    model = view.model()
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


def test_the_team_view_shows_every_member_with_their_figures(qtbot, demo_db, dialogs):  # noqa: F811
    from app.portfolio.team_sql import members_json
    from app.views.team_models import MembersModel

    controller, window = start(qtbot, demo_db)
    view = open_team_view(qtbot, window)
    with window.workspace.database.sessionmaker() as s:
        expected = {m["name"]: m for m in members_json(s)["members"]}
    table = view.table
    assert sorted(column(table, MembersModel.NAME)) == sorted(expected)
    for row, name in enumerate(column(table, MembersModel.NAME)):
        figures = expected[name]
        shown = [table.model().index(row, c).data() for c in (MembersModel.ACCOUNTS, MembersModel.COVERED,
                                                               MembersModel.STRONG, MembersModel.OPEN)]
        assert shown == [str(figures[k]) for k in ("accounts", "people_covered", "strong_relationships",
                                                   "open_actions")], name
        assert table.model().index(row, MembersModel.OVERDUE).data() == (str(figures["overdue_actions"])
                                                                         if figures["overdue_actions"] else "")
    # The busiest first, and sortable on any figure.
    accounts = [int(t) for t in column(table, MembersModel.ACCOUNTS)]
    assert accounts == sorted(accounts, reverse=True)
    table.sortByColumn(MembersModel.COVERED, Qt.SortOrder.AscendingOrder)
    covered = [int(t) for t in column(table, MembersModel.COVERED)]
    assert covered == sorted(covered)
    # Filtered by role: only the members who fill it.
    view.role.setCurrentIndex(view.role.findData("solution_consultant"))
    consultants = {n for n, m in expected.items() if m["team_role"] == "solution_consultant"}
    assert set(column(table, MembersModel.NAME)) == consultants and consultants
    view.role.setCurrentIndex(0)
    assert table.model().rowCount() == len(expected)
    # The chart shows the busiest members with their accounts.
    busiest = view.chart.names()[0]
    assert view.chart.values("accounts")[0] == expected[busiest]["accounts"] == max(accounts)
    assert "Busiest: " + busiest in view.summary.text()
    stop(controller)


def test_double_click_shows_a_members_accounts_and_opens_one(qtbot, demo_db, dialogs):  # noqa: F811
    from app.views.team_models import MemberAccountsModel, MembersModel

    controller, window = start(qtbot, demo_db)
    view = open_team_view(qtbot, window)
    table = view.table
    table.sortByColumn(MembersModel.ACCOUNTS, Qt.SortOrder.DescendingOrder)
    index = table.model().index(0, MembersModel.NAME)
    member = index.data(Qt.ItemDataRole.UserRole + 1)
    load = next(m for m in view.data.loads if m.member_id == member)
    centre = table.visualRect(index).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert view.details.currentWidget() is view.accounts_table
    names = sorted(column(view.accounts_table, MemberAccountsModel.ACCOUNT))
    assert names == sorted(view.data.input.accounts[a].name for a in load.accounts) and len(names) >= 2
    target = view.accounts_table.model().index(1, 0)
    centre = view.accounts_table.visualRect(target).center()
    QTest.mouseClick(view.accounts_table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(view.accounts_table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.account_id == account_id(window, target.data())
    assert window.account_page.map_panel.scene.account_id == window.account_id
    stop(controller)


def test_hand_offs_and_the_what_if_in_the_team_view(qtbot, demo_db, dialogs):  # noqa: F811
    from app.views.team_models import HandOffsModel, MembersModel

    controller, window = start(qtbot, demo_db)
    ws = window.workspace
    view = open_team_view(qtbot, window)
    members = {m.name: m.id for m in ws.members()}
    asker, doer = sorted(members)[:2]
    account = account_id(window, DEMO_ACCOUNT_NAMES[0])
    with qtbot.waitSignal(view.refreshed, timeout=10000):
        ws.add_action(account, "Security questionnaire", owner_id=members[doer], requester_id=members[asker],
                      due_date=dt.date.today() - dt.timedelta(days=3))
    assert view.select_member(members[doer])
    rows = [[view.hand_offs_table.model().index(r, c).data() for c in (HandOffsModel.DIRECTION,
                                                                        HandOffsModel.ACTION, HandOffsModel.OTHER)]
            for r in range(view.hand_offs_table.model().rowCount())]
    assert ["Owes", "Security questionnaire", asker] in rows
    assert view.select_member(members[asker])
    rows = [[view.hand_offs_table.model().index(r, c).data() for c in (HandOffsModel.DIRECTION,
                                                                        HandOffsModel.OTHER)]
            for r in range(view.hand_offs_table.model().rowCount())]
    assert ["Waits for", doer] in rows
    # "If they left" says what the what-if of each member finds.
    for load in view.data.loads:
        what = view.data.what_ifs[load.member_id]
        row = view.members.row_of(load.member_id)
        text = view.members.index(row, MembersModel.LEAVING).data()
        assert (text == "") == (what.accounts_hurt == 0), load.name
    stop(controller)


def test_templates_the_team_tab_the_header_and_the_dashboard(qtbot, demo_db, dialogs):  # noqa: F811
    from app.commands import team_edits
    from app.commands.base import perform
    from app.i18n import labels
    from app.models import enums
    from app.views.portfolio_models import AccountsModel

    controller, window = start(qtbot, demo_db)
    ws = window.workspace
    name = DEMO_ACCOUNT_NAMES[2]
    account = account_id(window, name)
    window.select_account(account)
    page = window.account_page
    tier = ws.account(account).tier
    assert page.team_warning.isHidden()
    status = ws.account_team_status(account)
    unfilled = next(role for role in ("delivery", "service", "executive_sponsor", "solution_consultant")
                    if role not in status.filled)

    # Tick an unfilled role in the tier's template: the account now lacks it, in the tab and the header.
    window.team_host.open_settings()
    dialog = window.team_host.settings_dialog
    dialog.set_checked(tier, unfilled, True)
    assert unfilled in ws.team_templates()[tier]
    roles = page.team_roles.model
    missing_row = next(r for r in range(roles.rowCount()) if roles.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
                       == unfilled)
    assert roles.index(missing_row, 2).data() == "Missing"
    assert page.team_warning.isVisibleTo(page) and "Our team lacks" in page.team_warning.text()

    # The dashboard names it in its column.
    window.dashboard_action.trigger()
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.data is not None and dashboard._worker is None, timeout=20000)
    row = [dashboard.table.model().index(r, 0).data() for r in range(3)].index(name)
    assert dashboard.table.model().index(row, AccountsModel.TEAM_MISSING).data() == labels.team_roles()[unfilled]

    # A member takes the role on this account: nothing is missing any more; undo brings the warning back.
    member = ws.account_members(account)[0]
    perform(window.undo_stack, team_edits.set_account_roles(ws, account, member.id, [unfilled], member.name))
    assert page.team_warning.isHidden()
    assert roles.index(missing_row, 2).data() == "Filled"
    assert member.name in roles.index(missing_row, 1).data()
    window.undo_action.trigger()
    assert page.team_warning.isVisibleTo(page)
    window.undo_action.trigger()  # the template tick
    assert unfilled not in ws.team_templates()[tier]
    tick = dialog.table.item(enums.TIERS.index(tier), enums.TEAM_ROLES.index(unfilled))
    assert tick.checkState() == Qt.CheckState.Unchecked
    assert page.team_warning.isHidden()
    stop(controller)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_team_view_of_a_generated_portfolio(qtbot, tmp_path, dialogs, language):  # noqa: F811
    from app.portfolio.synthetic import generate_portfolio
    from app.views.team_models import MembersModel

    path = tmp_path / "portfolio.db"
    generate_portfolio(path, accounts=40, people_per_account=20, seed=3, today=dt.date.today(), members=30)
    controller, window = start(qtbot, path, language)
    view = open_team_view(qtbot, window)
    assert view.table.model().rowCount() == 30
    assert len(view.chart.names()) == 10
    lacking = sum(1 for status in view.data.status.values() if status.missing)
    assert str(lacking) in view.summary.text()
    headers = [view.table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(MembersModel.LEAVING + 1)]
    assert all(headers)
    if language == "zh_CN":
        assert headers[MembersModel.NAME] != "Member"
    stop(controller)


def test_competency_profiles_their_criteria_and_an_accounts_fit(qtbot, demo_db, dialogs):  # noqa: F811
    from app.views.competency_models import CompetencyModel, FitModel

    controller, window = start(qtbot, demo_db)
    ws = window.workspace
    view = open_team_view(qtbot, window)
    name = DEMO_ACCOUNT_NAMES[0]
    account = account_id(window, name)
    members = ws.account_members(account)
    first, second = members[0], members[1]

    # Rate a member in the team view: the profile, the chart and the file agree; undo takes it back.
    assert view.select_member(first.id)
    view.details.setCurrentWidget(view.profile_page)
    model = view.competency
    criteria = ws.competency_criteria()
    negotiation = next(r for r in range(model.rowCount())
                       if model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) == criteria[3].id)
    assert model.index(negotiation, 0).data() == "Negotiation"
    assert model.setData(model.index(negotiation, CompetencyModel.RATING), "4")
    assert not model.setData(model.index(negotiation, CompetencyModel.RATING), "9")  # refused, nothing written
    assert ws.competency(first.id) == {criteria[3].id: 4}
    assert view.competency_chart.ratings() == [("Negotiation", 4)]
    ws.set_competency(second.id, criteria[3].id, 2)
    ws.set_competency(second.id, criteria[0].id, 5)

    # The account's fit: it needs negotiation at 5 and industry knowledge at 3.
    window.select_account(account)
    fit = window.account_page.team_roles.fit_model
    fit.setData(fit.index(3, FitModel.NEEDED), "5")
    fit.setData(fit.index(0, FitModel.NEEDED), "3")
    assert ws.competency_needs(account) == {criteria[3].id: 5, criteria[0].id: 3}
    row = [fit.index(3, c).data() for c in range(5)]
    assert row == ["Negotiation", "5", "4", first.name, "1"]
    assert [fit.index(0, c).data() for c in range(5)][1:] == ["3", "5", second.name, ""]
    assert fit.gaps() == {"Negotiation": 1}
    window.undo_action.trigger()  # the industry knowledge need
    window.undo_action.trigger()  # the negotiation need
    assert ws.competency_needs(account) == {}
    window.undo_action.trigger()  # the rating
    assert ws.competency(first.id) == {}
    assert view.competency.ratings() == []

    # A criterion of our own, renamed, then deleted with its ratings — and brought back by undo.
    window.team_host.open_settings()
    dialog = window.team_host.settings_dialog
    dialog.add_criterion("Mandarin")
    assert dialog.criterion_names()[-1] == "Mandarin"
    mandarin = ws.competency_criteria()[-1].id
    ws.set_competency(first.id, mandarin, 3)
    dialog.rename_criterion(mandarin, "Cantonese")
    assert dialog.criterion_names()[-1] == "Cantonese"
    assert view.competency.index(view.competency.rowCount() - 1, 0).data() == "Cantonese"
    dialog.delete_criterion(mandarin)
    assert "Cantonese" not in dialog.criterion_names() and ws.competency(first.id) == {}
    window.undo_action.trigger()
    assert dialog.criterion_names()[-1] == "Cantonese" and ws.competency(first.id) == {mandarin: 3}
    stop(controller)


def test_an_action_is_handed_to_another_department_from_its_form(qtbot, demo_db, dialogs, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QDialog

    from app.ui.records.actions import ActionDialog

    controller, window = start(qtbot, demo_db)
    ws = window.workspace
    account = account_id(window, DEMO_ACCOUNT_NAMES[0])
    window.select_account(account)
    team = {m.id for m in ws.account_members(account)}
    outsider = next(m for m in ws.members(include_archived=False) if m.id not in team)
    asker = next(iter(sorted(team)))

    def fill(dialog):
        dialog.title.setText("Security questionnaire")
        dialog.owner.setCurrentIndex(dialog.owner.findData(outsider.id))  # offered though not on the account
        dialog.requester.setCurrentIndex(dialog.requester.findData(asker))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActionDialog, "exec", fill)
    panel = window.record_panels["actions"]
    panel.add_action()
    action = next(a for a in ws.actions(account) if a.title == "Security questionnaire")
    assert (action.owner_id, action.requester_id) == (outsider.id, asker)
    window.undo_action.trigger()
    assert all(a.title != "Security questionnaire" for a in ws.actions(account))
    stop(controller)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_team_view_exports_to_pdf_and_excel(qtbot, demo_db, dialogs, monkeypatch, tmp_path, language):  # noqa: F811
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from tests.pdf_reading import fonts, page_count, pdf_text

    controller, window = start(qtbot, demo_db, language)
    ws = window.workspace
    members = {m.name: m.id for m in ws.members()}
    doer, asker = sorted(members)[:2]
    account = account_id(window, DEMO_ACCOUNT_NAMES[0])
    ws.set_team_template("key", ["account_manager", "solution_consultant", "executive_sponsor", "service",
                                 "delivery"])
    ws.add_action(account, "Security questionnaire", owner_id=members[doer], requester_id=members[asker],
                  due_date=dt.date.today() - dt.timedelta(days=1))
    view = open_team_view(qtbot, window)
    target = {"path": tmp_path / "team.pdf"}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target["path"]), "")))
    view.export_pdf()
    qtbot.waitUntil(lambda: view.export_worker is None, timeout=20000)
    text = " ".join(pdf_text(target["path"], layout=False).split())
    lacking = [view.data.input.accounts[a].name for a, s in view.data.status.items() if s.missing]
    assert lacking  # the key account now lacks a role
    for name in (*lacking, *members, "Security questionnaire"):
        assert " ".join(name.split()) in text, name
    assert page_count(target["path"]) >= 2  # the tables, then the workload chart
    assert all(row[-5] == "yes" for row in fonts(target["path"]))  # fonts embedded
    if language == "zh_CN":
        assert "我方团队" in text

    # Excel: what the window shows, filtered by role.
    view.role.setCurrentIndex(view.role.findData("account_manager"))
    target["path"] = tmp_path / "team.xlsx"
    view.export_xlsx()
    qtbot.waitUntil(lambda: view.export_worker is None, timeout=20000)
    book = load_workbook(target["path"])
    members_sheet, missing_sheet, _leaving, hand_offs = book.worksheets
    shown = {load.name: load for load in view.shown_loads()}
    rows = {row[0]: row for row in members_sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == set(shown) and shown
    for name, load in shown.items():
        assert rows[name][2:8] == (len(load.accounts), load.people_covered, load.strong_relationships,
                                   load.open_actions, load.overdue_actions, load.recent_interactions)
    assert {row[0] for row in missing_sheet.iter_rows(min_row=2, values_only=True)} == set(lacking)
    stop(controller)


def test_a_members_roles_on_an_account_from_the_team_tab(qtbot, demo_db, dialogs, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QDialog

    from app.ui.accounts.team_roles import MemberRolesDialog

    controller, window = start(qtbot, demo_db)
    ws = window.workspace
    account = account_id(window, DEMO_ACCOUNT_NAMES[0])
    window.select_account(account)
    page = window.account_page
    assert not page.member_roles_action.isEnabled()  # nobody selected yet
    page.team_view.selectRow(0)
    member = page.current_member()
    assert page.member_roles_action.isEnabled()
    own = ws.member(member).team_role
    extra = next(role for role in ("service", "delivery") if role != own)

    def tick(dialog):
        assert not dialog.boxes[own].isEnabled() and dialog.boxes[own].isChecked()  # their own role, always
        dialog.boxes[extra].setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MemberRolesDialog, "exec", tick)
    page.member_roles_action.trigger()
    assert ws.account_roles(account) == {member: (extra,)}
    assert member in ws.account_team_status(account).filled[extra]
    window.undo_action.trigger()
    assert ws.account_roles(account) == {}
    stop(controller)
