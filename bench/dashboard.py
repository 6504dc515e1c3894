"""Time of the executive dashboard's numbers over a portfolio of 50 and 500 key accounts of 50 people each.

    python bench/dashboard.py           # readable table
    python bench/dashboard.py --json    # [{"metric": "dashboard", "size": N, "seconds": ..., "baseline_seconds": ...}]

Each database is generated here (app.portfolio.synthetic, fixed seed) into a temporary file. The measured metric
is opening the dashboard window until it shows everything (offscreen): the window built, the numbers
computed in its worker in one fresh session (app.portfolio's portfolio + role_coverage + structural_risk +
interactions_per_month, also timed on their own), the table, matrix and risks filled and painted (the charts
are drawn when their tab is opened). The baseline, measured in the same run, is the plain way: for each
account in turn, read its map as `stakemap analyze` does, run app.analysis.analyze on it, and ask the database
for its open and overdue actions, last interaction and open pipeline. The baseline computes less than the
metric (no role cells, no cut-points, no monthly counts) and is still the slower. Every timing is the median of
several runs after one warm-up run.

The same databases time the team view (`team_view`, View ▸ Our team): opening its window until every member's
figures, what-if and the workload chart are in (app.portfolio.team_sql.read_team in its worker). Each portfolio
shares a pool of two members per five accounts (200 at 500 accounts). Its baseline asks the database member by
member for their accounts, covers links, actions and recent interactions, and works out each what-if on its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

from _support import ensure_project_python, log, median_seconds  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

SIZES = (50, 500)
PEOPLE_PER_ACCOUNT = 50
RUNS = 5
BASELINE_RUNS = 3
SEED = 20240611
TARGET_SECONDS = {500: 0.5}
TEAM_TARGET_SECONDS = {500: 1.0}


def members_for(accounts: int) -> int:
    return accounts * 2 // 5


def dashboard(db) -> dict[str, float]:
    """The four computations of the dashboard in one session; seconds each."""
    from app.portfolio import interactions_per_month, portfolio, role_coverage, structural_risk

    parts = {}
    with db.sessionmaker() as session:
        for name, task in (("portfolio", portfolio), ("role_coverage", role_coverage),
                           ("structural_risk", structural_risk), ("interactions_per_month", interactions_per_month)):
            start = time.perf_counter()
            task(session)
            parts[name] = time.perf_counter() - start
    return parts


def open_window(db) -> float:
    """Seconds from asking for the dashboard window to its first paint with every number in it."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from app.document import Workspace
    from app.ui.dashboard.window import DashboardWindow

    workspace = Workspace(db)
    start = time.perf_counter()
    window = DashboardWindow(workspace)
    window.resize(1280, 760)
    window.show()
    loop = QEventLoop()
    window.refreshed.connect(loop.quit)
    window.refresh()
    loop.exec()
    QApplication.processEvents()
    seconds = time.perf_counter() - start
    if window.data is None or len(window.data.rows) == 0:
        raise RuntimeError("the dashboard did not fill")
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return seconds


def open_team_window(db) -> float:
    """Seconds from asking for the team view to its first paint with every member's figures in it."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from app.document import Workspace
    from app.ui.dashboard.team_window import TeamWindow

    workspace = Workspace(db)
    start = time.perf_counter()
    window = TeamWindow(workspace)
    window.resize(1280, 760)
    window.show()
    loop = QEventLoop()
    window.refreshed.connect(loop.quit)
    window.refresh()
    loop.exec()
    QApplication.processEvents()
    seconds = time.perf_counter() - start
    if window.data is None or not window.data.loads:
        raise RuntimeError("the team view did not fill")
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return seconds


def per_member_loop(db) -> None:
    """The team view's figures member by member, a few queries each, and each what-if on its own."""
    from sqlalchemy import and_, func, select

    from app.models.entities import AccountTeam, Action, Interaction, InteractionParticipant, Link, Person, TeamMember

    today = dt.date.today()
    since = dt.datetime.combine(today - dt.timedelta(days=89), dt.time())
    with db.sessionmaker() as session:
        for (member_id,) in session.execute(select(TeamMember.id)).all():
            accounts = session.scalars(select(AccountTeam.account_id).where(AccountTeam.member_id == member_id)).all()
            session.execute(select(func.count(), func.sum(Link.strength >= 4))
                            .join(Person, Person.id == Link.target_person_id)
                            .where(Link.kind == "covers", Link.source_member_id == member_id,
                                   Person.archived.is_(False))).one()
            session.execute(select(func.count(), func.sum(Action.due_date < today))
                            .where(Action.owner_id == member_id, Action.status == "open")).one()
            session.scalar(select(func.count()).select_from(InteractionParticipant)
                           .join(Interaction, Interaction.id == InteractionParticipant.interaction_id)
                           .where(InteractionParticipant.member_id == member_id, Interaction.occurred_at >= since))
            for account_id in accounts:  # would the account lose its last strong threads without them?
                session.scalars(select(func.distinct(Link.source_member_id))
                                .join(AccountTeam, and_(AccountTeam.account_id == Link.account_id,
                                                        AccountTeam.member_id == Link.source_member_id))
                                .where(Link.account_id == account_id, Link.kind == "covers",
                                       Link.strength >= 3)).all()


def per_account_loop(db) -> None:
    """The same figures account by account, through the one-account analysis and a query or two each."""
    from sqlalchemy import case, func, select

    from app.analysis import analyze
    from app.document.analysis_input import analysis_input
    from app.document.map_reading import read_map_data
    from app.models.entities import Account, Action, Interaction, Opportunity

    today = dt.date.today()
    with db.sessionmaker() as session:
        for account_id, _name in session.execute(select(Account.id, Account.name).order_by(Account.name)).all():
            nodes, edges = analysis_input(read_map_data(session, account_id))
            analyze(nodes, edges)
            is_open = Action.status == "open"
            session.execute(select(func.sum(case((is_open, 1), else_=0)),
                                   func.sum(case((is_open & (Action.due_date < today), 1), else_=0)))
                            .where(Action.account_id == account_id)).one()
            session.scalar(select(func.max(Interaction.occurred_at)).where(Interaction.account_id == account_id))
            session.execute(select(Opportunity.currency, func.sum(Opportunity.value))
                            .where(Opportunity.account_id == account_id, Opportunity.stage.not_in(("won", "lost")))
                            .group_by(Opportunity.currency)).all()


def measure(runs: int, baseline_runs: int) -> list[dict]:
    from sqlalchemy import func, select

    from app.models.entities import Link, Person
    from app.portfolio.synthetic import generate_portfolio
    from app.storage.database import Database

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            path = Path(tmp) / f"portfolio-{size}.db"
            log(f"{size} accounts: generating …")
            start = time.perf_counter()
            generate_portfolio(path, accounts=size, people_per_account=PEOPLE_PER_ACCOUNT, seed=SEED,
                               members=members_for(size))
            generated = time.perf_counter() - start
            with Database.open(path) as db:
                with db.sessionmaker() as session:
                    people = session.scalar(select(func.count()).select_from(Person))
                    links = session.scalar(select(func.count()).select_from(Link))
                dashboard(db)  # warm-up: imports, the file in the page cache
                log(f"{size} accounts: dashboard x{runs} …")
                timings = [dashboard(db) for _ in range(runs)]
                totals = sorted(sum(t.values()) for t in timings)
                parts = {name: sorted(t[name] for t in timings)[len(timings) // 2] for name in timings[0]}
                log(f"{size} accounts: opening the window x{runs} …")
                open_window(db)  # warm-up: the chart library's first plot
                windows = sorted(open_window(db) for _ in range(runs))
                log(f"{size} accounts: per-account loop x{baseline_runs} …")
                baseline = median_seconds(lambda db=db: per_account_loop(db), baseline_runs)
                log(f"{size} accounts: opening the team view x{runs} …")
                open_team_window(db)  # warm-up
                team = sorted(open_team_window(db) for _ in range(runs))
                log(f"{size} accounts: per-member loop x{baseline_runs} …")
                team_baseline = median_seconds(lambda db=db: per_member_loop(db), baseline_runs)
            results.append({"size": size, "people": people, "links": links, "generated": generated,
                            "compute": totals[len(totals) // 2], "seconds": windows[len(windows) // 2],
                            "parts": parts, "baseline": baseline, "team": team[len(team) // 2],
                            "team_baseline": team_baseline})
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print a JSON list of results")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"measured runs of the dashboard (default {RUNS})")
    args = parser.parse_args(argv)

    ensure_project_python("bench/dashboard.py", ("sqlalchemy", "numpy", "igraph", "PySide6"))
    sys.path.insert(0, str(ROOT))
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.ui.common.fonts import apply_application_font
    from app.ui.main.gui_collector import GuiThreadCollector

    app = QApplication.instance() or QApplication([])
    apply_application_font(app)
    collector = GuiThreadCollector(app)  # as in the app: the dashboard's worker must not collect Qt objects
    runs = max(1, args.runs)
    baseline_runs = max(1, min(runs, BASELINE_RUNS))
    results = measure(runs, baseline_runs)
    collector.stop()

    if args.json:
        print(json.dumps([{"metric": "dashboard", "size": r["size"], "seconds": round(r["seconds"], 4),
                           "baseline_seconds": round(r["baseline"], 4)} for r in results]
                         + [{"metric": "team_view", "size": r["size"], "seconds": round(r["team"], 4),
                             "baseline_seconds": round(r["team_baseline"], 4)} for r in results]))
        return 0

    print(f"Executive dashboard over generated portfolios ({PEOPLE_PER_ACCOUNT} people per account, seed {SEED}), "
          f"seconds; median of {runs} runs (baseline {baseline_runs})")
    print()
    print(f"  {'accounts':>8}{'people':>8}{'links':>8}  {'rows':>6}{'roles':>7}{'risk':>7}{'months':>7}"
          f"{'total':>8}{'window':>8}  {'per-account':>11}{'speed-up':>9}  {'generated':>9}")
    for r in results:
        p = r["parts"]
        print(f"  {r['size']:>8}{r['people']:>8}{r['links']:>8}  {p['portfolio']:>6.3f}{p['role_coverage']:>7.3f}"
              f"{p['structural_risk']:>7.3f}{p['interactions_per_month']:>7.3f}{r['compute']:>8.3f}"
              f"{r['seconds']:>8.3f}  {r['baseline']:>11.3f}{r['baseline'] / r['seconds']:>8.1f}x"
              f"  {r['generated']:>9.2f}")
    print()
    print("  rows, roles, risk, months: portfolio, role_coverage, structural_risk, interactions_per_month (medians)")
    print("  total: the four in one session; its median, not the sum of the medians")
    print("  window: opening the dashboard until it is painted with every number (the `dashboard` metric)")
    print("  per-account: read each map and run app.analysis.analyze on it, plus per-account queries for actions,")
    print("  last interaction and pipeline; no role cells, cut-points or monthly counts (baseline_seconds)")
    print("  generated: time to write the database with app.portfolio.synthetic (not part of the metric)")
    for size, target in TARGET_SECONDS.items():
        row = next((r for r in results if r["size"] == size), None)
        if row is not None:
            verdict = "met" if row["seconds"] <= target else "NOT met"
            print(f"  target: dashboard window <= {target:g} s at {size} accounts: {verdict} ({row['seconds']:.3f} s)")
    print()
    print("Team view (View ▸ Our team) over the same portfolios, seconds")
    print()
    print(f"  {'accounts':>8}{'members':>8}  {'window':>8}  {'per-member':>10}{'speed-up':>9}")
    for r in results:
        print(f"  {r['size']:>8}{members_for(r['size']):>8}  {r['team']:>8.3f}  {r['team_baseline']:>10.3f}"
              f"{r['team_baseline'] / r['team']:>8.1f}x")
    print()
    print("  window: opening the team view until it is painted with every member's figures (the `team_view` metric)")
    print("  per-member: a few queries per member and one per account of theirs for the what-if (baseline_seconds)")
    for size, target in TEAM_TARGET_SECONDS.items():
        row = next((r for r in results if r["size"] == size), None)
        if row is not None:
            verdict = "met" if row["team"] <= target else "NOT met"
            print(f"  target: team view <= {target:g} s at {size} accounts / {members_for(size)} members: {verdict} "
                  f"({row['team']:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
