"""stakemap sync [--json]: push this file's changes to the team server, then pull the team's."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "sync"
HELP = "push this file's changes to the team server, then pull the team's"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def report(result, quiet: bool = False) -> int:
    """Print what a sync did; 1 when the server refused some of it."""
    for line in result.warnings:
        print(f"stakemap: {line}", file=sys.stderr)
    for line in result.refused:
        print(f"stakemap: not shared: {line}", file=sys.stderr)
    if not quiet:
        print(f"Pushed {result.pushed}, pulled {result.pulled}; {result.conflicts} open conflict(s); "
              f"server version {result.server_version}.")
    return 1 if result.refused else 0


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import open_database
    from app.sync.connection import SyncRefused
    from app.sync.engine import Engine

    try:
        with open_database(args) as db, Engine(db) as engine:
            result = engine.sync()
    except SyncRefused as exc:
        print(f"stakemap: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.as_json()))
    return report(result, quiet=args.json)
