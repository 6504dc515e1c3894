"""stakemap analyze --account NAME [--json]: who holds power on an account's map, and where we are exposed."""

from __future__ import annotations

import argparse
import sys

NAME = "analyze"
HELP = "analyse an account's decision map (influence, brokerage, coalitions, coverage, support)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--account", required=True, help="the account's name")
    parser.add_argument("--json", action="store_true", help="print the analysis as JSON")


def run(args: argparse.Namespace) -> int:
    from app.analysis import analyze, to_json
    from app.cli.commands.common import reading_database
    from app.document.analysis_input import analysis_input
    from app.document.health_input import read_health_input
    from app.document.map_reading import read_map_data
    from app.models.repositories.accounts import find_account_by_name

    with reading_database(args) as db, db.read_session() as session:
        account = find_account_by_name(session, args.account)
        if account is None:
            print(f"stakemap: no account named “{args.account}”", file=sys.stderr)
            return 1
        data = read_map_data(session, account.id)
        health = read_health_input(session, data)
    nodes, edges = analysis_input(data)
    result = analyze(nodes, edges, health)
    payload = to_json(result, args.account)
    if args.json:
        import json

        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    _print_table(payload, result)
    return 0


def _print_table(payload: dict, result) -> None:
    people = sorted(payload["people"], key=lambda p: -p["influence_score"])
    width = max([len("Person")] + [len(p["name"]) for p in people])
    print(payload["account"])
    print()
    print(f"  {'Person'.ljust(width)}  {'side':<6} {'role':<16} {'stance':<10} {'decl':>4} {'score':>7} "
          f"{'broker':>7} {'coal':>4} {'cov':>3} {'eff':>3} {'days':>5}  flags")
    for p in people:
        declared = "-" if p["influence_declared"] is None else str(p["influence_declared"])
        community = "-" if p["community"] is None else str(p["community"])
        days = "-" if p["last_contact_days"] is None else str(p["last_contact_days"])
        print(f"  {p['name'].ljust(width)}  {p['side']:<6} {(p['role'] or '-'):<16} {(p['stance'] or '-'):<10} "
              f"{declared:>4} {p['influence_score']:>7.3f} {p['brokerage']:>7.3f} {community:>4} "
              f"{p['coverage_level']:>3} {p['effective_coverage_level']:>3} {days:>5}  {', '.join(p['flags'])}")
    coverage = payload["coverage"]
    support = payload["support_index"]
    print()
    print(f"  coverage score   {coverage['score']:.2f}" + ("   single-threaded" if coverage["single_threaded"] else ""))
    print(f"  effective score  {coverage['effective_score']:.2f}")
    print(f"  gaps             {', '.join(coverage['gaps']) or 'none'}")
    print(f"  stale            {', '.join(coverage['stale']) or 'none'}")
    nps = payload["nps"]
    print(f"  NPS              {'-' if nps is None else f'{nps:+.0f}'}")
    print(f"  support index    {'-' if support is None else f'{support:+.2f}'}")
    for problem in getattr(result, "problems", []):
        print(f"  data problem     {problem}")
