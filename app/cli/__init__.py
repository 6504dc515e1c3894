"""The `stakemap` program: with no command it opens the window; otherwise it runs one command.

Each command is a module in app/cli/commands with ``NAME``, ``add_arguments(parser)`` and
``run(args) -> int``; adding a command means adding one module and naming it in COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

COMMANDS = ("demo", "check", "accounts", "analyze", "coverage", "import_", "export", "brief")

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="stakemap", description="Decision maps of key-account buying committees.")
    parser.add_argument("--db", type=Path, help="database file (default: stakemap.db in the user data folder)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"app.cli.commands.{name}")
        command_parser = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command_parser)
        command_parser.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from app.ui.main.application import run_gui

        return run_gui(args.db, args.lang)
    from app.storage.errors import StorageError

    try:
        return args.run(args)
    except StorageError as exc:
        print(f"stakemap: {exc}", file=sys.stderr)
        return EXIT_REFUSED


def entry_point() -> None:
    sys.exit(main())
