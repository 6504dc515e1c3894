"""stakemap accounts [--json]: the key accounts with their counts."""

from __future__ import annotations

import argparse

NAME = "accounts"
HELP = "list the accounts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import reading_database
    from app.document.summary import AccountSummary
    from app.models.repositories.accounts import account_summaries

    with reading_database(args) as db:
        with db.read_session() as session:
            rows = [AccountSummary(*row) for row in account_summaries(session)]
    if args.json:
        import json

        payload = {
            "accounts": [
                {"account": r.name, "tier": r.tier, "people": r.people, "team_members": r.team_members}
                for r in rows
            ]
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No accounts.")
        return 0
    width = max(len(r.name) for r in rows)
    print(f"{'Account'.ljust(width)}  {'Tier':<9}  {'People':>6}  {'Team':>4}")
    for r in rows:
        print(f"{r.name.ljust(width)}  {(r.tier or '-'):<9}  {r.people:>6}  {r.team_members:>4}")
    return 0
