"""stakemap check: integrity check, then a verified backup. Non-zero exit on a problem."""

from __future__ import annotations

import argparse
import sys

NAME = "check"
HELP = "check the database's integrity and write a verified backup"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import open_database
    from app.storage import backup

    with open_database(args) as db:
        problems = backup.integrity_problems(db.path)
        if problems:
            for problem in problems[:20]:
                print(f"stakemap: {db.path}: {problem}", file=sys.stderr)
            return 1
        written = backup.make_backup(db.path)
    print(f"{db.path}: integrity ok; backup written to {written}")
    return 0
