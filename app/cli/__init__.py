"""The `stakemap` program: with no command it opens the window; otherwise it runs one command.

Each command is a module in app/cli/commands with ``NAME``, ``add_arguments(parser)`` and
``run(args) -> int``; adding a command means adding one module and naming it in COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

COMMANDS = ("demo", "check", "accounts", "analyze", "coverage", "import_", "export", "brief", "install_desktop",
            "uninstall_desktop", "server", "join", "sync", "conflicts", "set_")

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    from app import __version__

    parser = argparse.ArgumentParser(
        prog="stakemap", description="Decision maps of key-account buying committees.",
        epilog="stakemap FILE opens that database in the window (as the desktop launcher does).")
    parser.add_argument("--version", action="version", version=f"stakemap {__version__}")
    parser.add_argument("--db", type=Path, help="database file (default: stakemap.db in the user data folder)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parser.command_names = set()
    for name in COMMANDS:
        module = importlib.import_module(f"app.cli.commands.{name}")
        command_parser = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command_parser)
        command_parser.set_defaults(run=module.run)
        parser.command_names.add(module.NAME)
    return parser


def _database_as_first_argument(argv: list[str], commands: set[str]) -> list[str]:
    """``stakemap FILE`` (a file opened from the desktop) means ``stakemap --db FILE``."""
    if argv and not argv[0].startswith("-") and argv[0] not in commands:
        return ["--db", argv[0], *argv[1:]]
    return argv


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser.parse_args(_database_as_first_argument(argv, parser.command_names))
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
