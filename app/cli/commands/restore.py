"""stakemap restore BACKUP: put a backup in the database's place; the current file is kept aside."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "restore"
HELP = "restore a backup (the current file is kept aside under a dated name)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, help="the backup file to restore")


def run(args: argparse.Namespace) -> int:
    from app.storage.paths import default_database_path
    from app.storage.restore import restore_backup

    restored = restore_backup(args.db or default_database_path(), args.backup)
    print(f"{restored.path}: restored from {restored.backup}")
    if restored.kept_aside is not None:
        print(f"the previous file was kept at {restored.kept_aside}")
    return 0
