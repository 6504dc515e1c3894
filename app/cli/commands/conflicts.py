"""stakemap conflicts [--json] | conflicts resolve ID --keep theirs|mine."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "conflicts"
HELP = "list the open sync conflicts, or resolve one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    sub = parser.add_subparsers(dest="conflicts_command", metavar="ACTION")
    resolve = sub.add_parser("resolve", help="keep the server's value (theirs) or this file's (mine)")
    resolve.add_argument("id")
    resolve.add_argument("--keep", required=True, choices=("theirs", "mine"))


def _show(value) -> str:
    return "(deleted)" if value is None else json.dumps(value, ensure_ascii=False)


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import open_database
    from app.sync import conflicts

    with open_database(args) as db, db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        if args.conflicts_command == "resolve":
            try:
                print(conflicts.resolve(raw, args.id, args.keep))
            except conflicts.ResolveError as exc:
                print(f"stakemap: {exc}", file=sys.stderr)
                return 1
            return 0
        rows = conflicts.listing(raw)
    if args.json:
        print(json.dumps({"conflicts": rows}, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No open conflicts.")
    for r in rows:
        print(f"[{r['id']}] {r['account']} · {r['table']} {r['row']} · {r['field']}: "
              f"theirs {_show(r['theirs'])}, mine {_show(r['mine'])}, was {_show(r['base'])}")
    return 0
