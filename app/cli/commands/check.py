"""stakemap check: verify every page and reference, then write a new verified backup and print its path.
Damage is reported in one line, naming the newest good backup; exit 1 on a problem."""

from __future__ import annotations

import argparse
import sys

NAME = "check"
HELP = "check the database's pages and references and write a verified backup"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import reading_database
    from app.storage import backup
    from app.storage.restore import newest_good_backup

    with reading_database(args) as db:
        problems = [db.damage] if db.damage else backup.integrity_problems(db.path)
        if problems:
            good = newest_good_backup(db.path)
            offer = (f"restore the newest good backup with: stakemap restore {good}" if good is not None
                     else "no good backup was found; save what can be read with: stakemap salvage")
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            print(f"stakemap: {db.path} is damaged: {problems[0]}{more}; it was not changed; {offer}",
                  file=sys.stderr)
            return 1
        written = backup.make_backup(db.path)
    print(f"{db.path}: pages and references ok; verified backup written to {written}")
    return 0
