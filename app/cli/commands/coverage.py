"""stakemap coverage [--json]: coverage and risk of every key account, one line each."""

from __future__ import annotations

import argparse

NAME = "coverage"
HELP = "list every account's coverage, gaps, support, overdue actions and last contact"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import reading_database
    from app.portfolio import coverage_json, portfolio

    with reading_database(args) as db, db.read_session() as session:
        rows = portfolio(session)
    if args.json:
        import json

        print(json.dumps(coverage_json(rows), ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No accounts.")
        return 0
    width = max(_width("Account"), *(_width(r.account) for r in rows))
    print(f"{_pad('Account', width)}  {'People':>6}  {'Coverage':>8}  {'Gaps':>4}  {'Single':<6}  {'Support':>7}  "
          f"{'Overdue':>7}  {'Last contact':>12}")
    for r in rows:
        support = "-" if r.support_index is None else f"{r.support_index:+.2f}"
        days = "-" if r.days_since_last_interaction is None else f"{r.days_since_last_interaction} d"
        single = "yes" if r.single_threaded else "-"
        print(f"{_pad(r.account, width)}  {r.people:>6}  {r.coverage_score:>8.0%}  {r.gaps:>4}  {single:<6}  "
              f"{support:>7}  {r.overdue_actions:>7}  {days:>12}")
    return 0


def _width(text: str) -> int:
    """Columns the text takes in a terminal: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
