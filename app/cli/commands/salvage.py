"""stakemap salvage [OUT]: copy what can still be read from a damaged database into a new file."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "salvage"
HELP = "copy what can be read from a damaged database into a new file (the damaged file is only read)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, nargs="?", help="the new file (default: a dated name beside it)")


def run(args: argparse.Namespace) -> int:
    from app.storage.paths import default_database_path
    from app.storage.restore import salvage_copy

    written = salvage_copy(args.db or default_database_path(), args.out)
    print(f"salvaged copy written to {written}; open it to check what it holds")
    return 0
