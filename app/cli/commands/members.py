"""stakemap members [--json]: our team members with their workload and competency profile."""

from __future__ import annotations

import argparse

NAME = "members"
HELP = "list our team members with their accounts, coverage, actions and competency ratings"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import open_database
    from app.portfolio.team_sql import members_json

    with open_database(args) as db, db.sessionmaker() as session:
        payload = members_json(session)
    if args.json:
        import json

        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    rows = payload["members"]
    if not rows:
        print("No team members.")
        return 0
    from app.cli.commands.coverage import _pad, _width

    width = max(_width("Member"), *(_width(r["name"]) for r in rows))
    print(f"{_pad('Member', width)}  {'Role':<20}  {'Accounts':>8}  {'Covered':>7}  {'Strong':>6}  {'Open':>4}  "
          f"{'Overdue':>7}")
    for r in rows:
        print(f"{_pad(r['name'], width)}  {(r['team_role'] or '-'):<20}  {r['accounts']:>8}  "
              f"{r['people_covered']:>7}  {r['strong_relationships']:>6}  {r['open_actions']:>4}  "
              f"{r['overdue_actions']:>7}")
    return 0
