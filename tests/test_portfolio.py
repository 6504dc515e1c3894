"""The executive dashboard's numbers: a hand-checked portfolio, agreement with the one-account analysis, cut-points
against a brute-force search, the generator, and `stakemap coverage`."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import networkx as nx
import pytest
from sqlalchemy import event, func, select

from app.analysis import analyze
from app.cli import main
from app.demo import DEMO_ACCOUNT_NAMES, load_demo
from app.document.analysis_input import analysis_input
from app.document.map_reading import read_map_data
from app.models.entities import Action, Interaction, Opportunity
from app.models.repositories import accounts as account_repo
from app.models.repositories import links as link_repo
from app.models.repositories import people as people_repo
from app.models.repositories import team as team_repo
from app.portfolio import (
    ROLE_COLUMNS,
    CutPoint,
    RoleCell,
    coverage_json,
    interactions_per_month,
    portfolio,
    role_coverage,
    structural_risk,
)
from app.portfolio.synthetic import generate_portfolio

TODAY = dt.date(2026, 3, 15)


# --- a portfolio small enough to work out by hand ------------------------------------------------------------


@pytest.fixture
def hand_built(database):
    """Alpha: single-threaded through Li Lei; Beta: two cut-points (Cid, Bob); Gamma: empty."""
    with database.session() as s:
        li, han, zhou = (team_repo.add_member(s, name).id for name in ("Li Lei", "Han Mei", "Zhou Qi"))
        alpha = account_repo.create_account(s, "Alpha", tier="strategic", owner_id=li).id
        beta = account_repo.create_account(s, "Beta").id
        account_repo.create_account(s, "Gamma")
        for account, member in ((alpha, li), (alpha, han), (beta, han), (beta, zhou)):
            team_repo.assign(s, account, member)

        def person(account, name, role, stance, influence, archived=False):
            return people_repo.add_person(s, account, name, role=role, stance=stance, influence=influence,
                                          archived=archived).id

        def link(account, kind, source, target, strength=3, member=False):
            ends = {"source_member_id": source} if member else {"source_person_id": source}
            link_repo.add_link(s, account, kind, target_person_id=target, strength=strength, **ends)

        eve = person(alpha, "Eve", "economic_buyer", "supporter", 5)
        dan = person(alpha, "Dan", "decision_maker", "skeptic", 4)
        tom = person(alpha, "Tom", "technical_buyer", "advocate", None)
        uma = person(alpha, "Uma", "user_buyer", "unknown", 2)
        hal = person(alpha, "Hal", "influencer", "neutral", 4)
        old = person(alpha, "Old", "decision_maker", "advocate", 5, archived=True)
        for a, b in ((dan, eve), (tom, dan), (uma, tom), (hal, dan), (old, eve)):
            link(alpha, "reports_to", a, b, 5)
        link(alpha, "rival", uma, eve)
        link(alpha, "covers", li, tom, 4, member=True)
        link(alpha, "covers", li, uma, 3, member=True)
        link(alpha, "covers", han, eve, 2, member=True)
        link(alpha, "covers", li, old, 5, member=True)  # to someone who left: not counted
        link(alpha, "covers", zhou, dan, 5, member=True)  # from a member not on Alpha: not counted

        ann = person(beta, "Ann", "economic_buyer", "advocate", 5)
        bob = person(beta, "Bob", "decision_maker", "opponent", 4)
        cid = person(beta, "Cid", "coach", "supporter", 2)
        dee = person(beta, "Dee", "decision_maker", "neutral", 3)
        eli = person(beta, "Eli", "user_buyer", "unknown", 1)
        link(beta, "reports_to", bob, ann)
        link(beta, "reports_to", cid, bob)
        link(beta, "knows", dee, cid)
        link(beta, "reports_to", eli, dee)
        link(beta, "rival", ann, eli)  # a rival link is no way in
        link(beta, "covers", han, cid, 5, member=True)
        link(beta, "covers", zhou, cid, 3, member=True)
        link(beta, "covers", zhou, eli, 1, member=True)

        for account, status, due in ((alpha, "open", dt.date(2026, 3, 10)), (alpha, "open", TODAY),
                                     (alpha, "open", None), (alpha, "done", dt.date(2026, 1, 1)),
                                     (alpha, "cancelled", dt.date(2026, 2, 1)), (beta, "open", dt.date(2026, 3, 14)),
                                     (beta, "open", dt.date(2026, 2, 1))):
            s.add(Action(account_id=account, title="step", status=status, due_date=due))
        for account, when in ((alpha, dt.datetime(2026, 3, 1, 10)), (alpha, dt.datetime(2026, 2, 20, 9)),
                              (alpha, dt.datetime(2026, 4, 1, 9)), (alpha, dt.datetime(2025, 11, 30, 18)),
                              (beta, dt.datetime(2025, 12, 31, 23, 30))):
            s.add(Interaction(account_id=account, occurred_at=when, channel="meeting"))
        for stage, currency, value in (("need_recognition", "CNY", "1000.50"), ("negotiation", "CNY", "2000.25"),
                                       ("evaluation", "USD", "500"), ("won", "EUR", "900"), ("lost", "CNY", "100"),
                                       ("approval", "CNY", None)):
            s.add(Opportunity(account_id=alpha, name=stage, stage=stage, currency=currency,
                              value=None if value is None else Decimal(value)))
    return database


def test_rows_are_worked_out_by_hand(hand_built):
    with hand_built.sessionmaker() as s:
        rows = portfolio(s, TODAY)
    assert [r.account for r in rows] == ["Alpha", "Beta", "Gamma"]
    alpha, beta, gamma = rows
    assert (alpha.tier, alpha.owner, alpha.people, alpha.team_members) == ("strategic", "Li Lei", 5, 2)
    # Weights Eve 5, Dan 4, Tom 3 (unknown), Uma 2, Hal 4 = 18; Tom and Uma are covered at level ≥ 3.
    assert alpha.coverage_score == 5 / 18
    # Eve is only "acquainted" (2); Dan is covered by a member who is not on Alpha; Hal has influence 4.
    assert alpha.gap_names == ("Eve", "Dan", "Hal") and alpha.gaps == 3
    assert alpha.single_threaded is True
    # (5·1 + 4·(−1) + 3·2 + 4·0) / (2 · (5 + 4 + 3 + 4)); Uma's stance is unknown.
    assert alpha.support_index == 7 / 32
    assert (alpha.open_actions, alpha.overdue_actions) == (3, 1)  # due today is not overdue yet
    # The interaction planned for April is not contact yet.
    assert alpha.last_interaction == dt.date(2026, 3, 1) and alpha.days_since_last_interaction == 14
    assert alpha.pipeline == {"CNY": Decimal("3000.75"), "USD": Decimal("500")}

    assert (beta.people, beta.team_members, beta.owner, beta.tier) == (5, 2, None, None)
    assert beta.coverage_score == 2 / 15
    assert beta.gap_names == ("Ann", "Bob", "Dee")
    assert beta.single_threaded is False  # Han Mei and Zhou Qi both know Cid well
    assert beta.support_index == 4 / 28
    assert (beta.open_actions, beta.overdue_actions) == (2, 2)
    assert beta.last_interaction == dt.date(2025, 12, 31) and beta.days_since_last_interaction == 74
    assert beta.pipeline == {}

    assert (gamma.people, gamma.team_members, gamma.coverage_score, gamma.gaps, gamma.gap_names) == (0, 0, 0.0, 0, ())
    assert (gamma.single_threaded, gamma.support_index, gamma.open_actions, gamma.overdue_actions) == (
        False, None, 0, 0)
    assert (gamma.last_interaction, gamma.days_since_last_interaction, gamma.pipeline) == (None, None, {})


def test_role_cells(hand_built):
    with hand_built.sessionmaker() as s:
        ids = {r.account: r.account_id for r in portfolio(s, TODAY)}
        cells = role_coverage(s)
    assert set(cells) == set(ids.values())
    assert all(tuple(cells[i]) == ROLE_COLUMNS for i in cells)
    assert cells[ids["Alpha"]] == {
        "economic_buyer": RoleCell(1, 0, 2),
        "decision_maker": RoleCell(1, 0, 0),  # Dan; Old has left
        "technical_buyer": RoleCell(1, 1, 4),
        "user_buyer": RoleCell(1, 1, 3),
        "coach": RoleCell(0, 0, 0),
    }
    assert cells[ids["Beta"]] == {
        "economic_buyer": RoleCell(1, 0, 0),
        "decision_maker": RoleCell(2, 0, 0),
        "technical_buyer": RoleCell(0, 0, 0),
        "user_buyer": RoleCell(1, 0, 1),
        "coach": RoleCell(1, 1, 5),
    }
    assert set(cells[ids["Gamma"]].values()) == {RoleCell(0, 0, 0)}


def test_structural_risk_by_hand(hand_built):
    with hand_built.sessionmaker() as s:
        risks = structural_risk(s)
    assert [r.account for r in risks] == ["Alpha", "Beta"]
    alpha, beta = risks
    # On Alpha everyone can be reached two ways round (Li Lei via Tom, Han Mei via Eve).
    assert alpha.sole_member == "Li Lei" and alpha.cut_points == ()
    assert beta.sole_member is None
    # Without Cid, the way to Bob and Ann is gone (Dee is still reached through Eli); without Bob, Ann is.
    assert [(c.name, c.side, c.cuts_off) for c in beta.cut_points] == [
        ("Cid", "client", ("Ann", "Bob")),
        ("Bob", "client", ("Ann",)),
    ]
    assert all(isinstance(c, CutPoint) and c.key[0] == "person" for c in beta.cut_points)


def test_a_lone_member_is_a_cut_point_of_the_team_side(database):
    with database.session() as s:
        member = team_repo.add_member(s, "Solo").id
        account = account_repo.create_account(s, "Delta").id
        team_repo.assign(s, account, member)
        boss = people_repo.add_person(s, account, "Boss", role="economic_buyer").id
        aide = people_repo.add_person(s, account, "Aide", role="decision_maker").id
        link_repo.add_link(s, account, "covers", source_member_id=member, target_person_id=aide, strength=4)
        link_repo.add_link(s, account, "reports_to", source_person_id=aide, target_person_id=boss)
    with database.sessionmaker() as s:
        (risk,) = structural_risk(s)
    assert risk.sole_member == "Solo"
    assert [(c.name, c.side, c.cuts_off) for c in risk.cut_points] == [
        ("Solo", "team", ("Boss", "Aide")), ("Aide", "client", ("Boss",))]


def test_interactions_per_month(hand_built):
    with hand_built.sessionmaker() as s:
        assert interactions_per_month(s, months=4, today=TODAY) == [
            (dt.date(2025, 12, 1), 1), (dt.date(2026, 1, 1), 0), (dt.date(2026, 2, 1), 1), (dt.date(2026, 3, 1), 1)]
        year = interactions_per_month(s, today=TODAY)
        assert [day for day, _ in year] == [dt.date(2025, 4 + k, 1) for k in range(9)] + [
            dt.date(2026, k, 1) for k in (1, 2, 3)]
        assert sum(n for _, n in year) == 4  # the one in April 2026 is after this month
        assert interactions_per_month(s, months=0, today=TODAY) == []


def test_coverage_json_shape(hand_built):
    with hand_built.sessionmaker() as s:
        payload = coverage_json(portfolio(s, TODAY))
    assert json.loads(json.dumps(payload)) == payload
    assert payload["accounts"][0] == {
        "account": "Alpha", "people": 5, "coverage_score": 5 / 18, "gaps": 3, "single_threaded": True,
        "support_index": 7 / 32, "overdue_actions": 1, "days_since_last_interaction": 14,
        # Alpha is strategic and its two members have no role on our team yet.
        "team_roles_missing": ["account_manager", "solution_consultant", "executive_sponsor", "delivery", "service"]}
    assert payload["accounts"][1]["team_roles_missing"] == []  # Beta has no tier, so no template
    assert payload["accounts"][2]["support_index"] is None


# --- agreement with app.analysis, and with a brute-force search for cut-points --------------------------------


def _assert_rows_match_analysis(session) -> int:
    rows = portfolio(session)
    for row in rows:
        nodes, edges = analysis_input(read_map_data(session, row.account_id))
        result = analyze(nodes, edges)
        names = {node.key: node.name for node in nodes}
        assert row.people == sum(1 for n in nodes if n.key[0] == "person"), row.account
        assert row.coverage_score == pytest.approx(result.coverage_score, abs=1e-9), row.account
        assert row.gap_names == tuple(names[key] for key in result.gaps), row.account
        assert row.gaps == len(result.gaps)
        assert row.single_threaded == result.single_threaded, row.account
        if result.support_index is None:
            assert row.support_index is None, row.account
        else:
            assert row.support_index == pytest.approx(result.support_index, abs=1e-9), row.account
    return len(rows)


def _brute_force_cuts(nodes, edges) -> dict[tuple, set]:
    """Remove each node in turn and see which economic buyers and decision-makers the team no longer reaches."""
    graph = nx.Graph()
    graph.add_nodes_from(node.key for node in nodes)
    graph.add_edges_from((e.source, e.target) for e in edges if e.kind != "rival" and e.source != e.target)
    team = [node.key for node in nodes if node.key[0] == "member"]
    key_people = {node.key for node in nodes if node.key[0] == "person"
                  and node.role in ("economic_buyer", "decision_maker")}

    def reached(g):
        return set().union(*(nx.node_connected_component(g, m) for m in team if m in g))

    before = reached(graph)
    cuts = {}
    for x in list(graph.nodes):
        without = graph.copy()
        without.remove_node(x)
        lost = {y for y in key_people - {x} if y in before} - reached(without)
        if lost:
            cuts[x] = lost
    return cuts


def _assert_cuts_match_brute_force(session) -> int:
    risks = {risk.account_id: risk for risk in structural_risk(session)}
    found = 0
    for row in portfolio(session):
        nodes, edges = analysis_input(read_map_data(session, row.account_id))
        names = {node.key: node.name for node in nodes}
        expected = {key: sorted(names[y] for y in lost) for key, lost in _brute_force_cuts(nodes, edges).items()}
        risk = risks.get(row.account_id)
        got = {} if risk is None else {c.key: sorted(c.cuts_off) for c in risk.cut_points}
        assert got == expected, row.account
        assert all(c.name == names[c.key] for c in (risk.cut_points if risk else ())), row.account
        assert (risk is not None and risk.sole_member is not None) == row.single_threaded
        found += len(expected)
    return found


def test_demo_accounts_match_the_analysis(database):
    with database.session() as s:
        load_demo(s)
    with database.sessionmaker() as s:
        assert _assert_rows_match_analysis(s) == len(DEMO_ACCOUNT_NAMES)
        _assert_cuts_match_brute_force(s)


def test_generated_portfolio_matches_the_analysis_and_brute_force(database):
    with database.session() as s:
        load_demo(s)
        generate_portfolio(s, accounts=40, people_per_account=20, seed=3)
    with database.sessionmaker() as s:
        assert _assert_rows_match_analysis(s) == 40 + len(DEMO_ACCOUNT_NAMES)
        assert _assert_cuts_match_brute_force(s) > 0  # the generated data does have some


def test_query_count_does_not_grow_with_the_accounts(tmp_path):
    from app.storage.database import Database

    counts = []
    for size in (3, 30):
        path = tmp_path / f"p{size}.db"
        generate_portfolio(path, accounts=size, people_per_account=10, seed=size)
        db = Database.open(path)
        statements: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *args, seen=statements: seen.append(args[2]))
        with db.sessionmaker() as s:
            portfolio(s)
            role_coverage(s)
            structural_risk(s)
            interactions_per_month(s)
        db.close()
        counts.append(len(statements))
    # The names of cut-points on the client side are read only when there are some: one statement more.
    assert max(counts) <= 20 and abs(counts[0] - counts[1]) <= 1


def test_generated_database_is_a_stakemap_file(tmp_path):
    from app.models.entities import Account, Person
    from app.storage.database import Database
    from app.storage.fileinfo import inspect_file

    path = tmp_path / "generated.db"
    added = generate_portfolio(path, accounts=12, people_per_account=15, seed=5, today=TODAY)
    assert added["account"] == 12 and added["person"] == 180
    assert inspect_file(path).is_stakemap
    with Database.open(path) as db, db.sessionmaker() as s:
        assert s.scalar(select(func.count()).select_from(Account)) == 12
        assert s.scalar(select(func.count()).select_from(Person)) == 180
        assert s.scalar(select(func.max(Interaction.occurred_at))).date() <= TODAY
        assert s.scalar(select(func.count()).select_from(Action).where(
            Action.status == "open", Action.due_date < TODAY)) > 0
        rows = portfolio(s, TODAY)
    assert len({r.account for r in rows}) == 12
    # A second run into the same file adds accounts under names of their own.
    generate_portfolio(path, accounts=3, people_per_account=5, seed=5)
    with Database.open(path) as db, db.sessionmaker() as s:
        assert s.scalar(select(func.count()).select_from(Account)) == 15


# --- stakemap coverage ----------------------------------------------------------------------------------------


def test_coverage_json_on_the_demo(tmp_path, capsys):
    from app.storage.database import Database

    db_path = tmp_path / "cli.db"
    assert main(["--db", str(db_path), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "coverage", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"accounts"}
    assert [row["account"] for row in payload["accounts"]] == sorted(DEMO_ACCOUNT_NAMES)
    today = dt.date.today()
    with Database.open(db_path) as db, db.sessionmaker() as s:
        for row in payload["accounts"]:
            assert set(row) == {"account", "people", "coverage_score", "gaps", "single_threaded", "support_index",
                                "overdue_actions", "days_since_last_interaction", "team_roles_missing"}
            account = account_repo.find_account_by_name(s, row["account"])
            nodes, edges = analysis_input(read_map_data(s, account.id))
            result = analyze(nodes, edges)
            assert row["people"] == sum(1 for n in nodes if n.key[0] == "person")
            assert row["coverage_score"] == pytest.approx(result.coverage_score, abs=1e-9)
            assert row["gaps"] == len(result.gaps)
            assert row["single_threaded"] == result.single_threaded
            assert row["support_index"] == pytest.approx(result.support_index, abs=1e-9)
            overdue = s.scalar(select(func.count()).select_from(Action).where(
                Action.account_id == account.id, Action.status == "open", Action.due_date < today))
            assert row["overdue_actions"] == overdue
            last = s.scalar(select(func.max(Interaction.occurred_at)).where(Interaction.account_id == account.id))
            assert row["days_since_last_interaction"] == (today - last.date()).days


def test_coverage_table_and_usage(tmp_path, capsys):
    db_path = tmp_path / "cli.db"
    assert main(["--db", str(db_path), "coverage"]) == 0
    assert capsys.readouterr().out.strip() == "No accounts."
    assert main(["--db", str(db_path), "coverage", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"accounts": []}
    assert main(["--db", str(db_path), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "coverage"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Account", "People", "Coverage", "Gaps", "Single", "Support", "Overdue", "Last",
                                "contact"]
    assert len(lines) == 1 + len(DEMO_ACCOUNT_NAMES)
    with pytest.raises(SystemExit) as usage:
        main(["--db", str(db_path), "coverage", "--account", "x"])
    assert usage.value.code == 2
