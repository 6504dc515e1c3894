"""The `stakemap` program: with no command it opens the window; otherwise it runs one command.

Each command is a module in app/cli/commands with ``NAME``, ``add_arguments(parser)`` and
``run(args) -> int``; adding a command means adding one module and naming it in COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

COMMANDS = ("demo", "check", "restore", "salvage", "accounts", "analyze", "coverage", "members", "import_", "export",
            "brief", "install_desktop", "uninstall_desktop", "server", "join", "sync", "leave", "conflicts", "set_")

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
    args.storage_warning = None
    try:
        status = args.run(args)
    except Exception as exc:
        message = storage_problem(exc, args)
        if message is None:
            raise
        print(f"stakemap: {message}", file=sys.stderr)
        return EXIT_REFUSED
    if args.storage_warning is not None:  # a reading command's output is complete; closing the file failed
        print(f"stakemap: {storage_problem(args.storage_warning, args)}", file=sys.stderr)
        return status or EXIT_REFUSED
    return status


def storage_problem(exc: Exception, args: argparse.Namespace) -> str | None:
    """One line, in the chosen language, for a storage problem (a full disk, a read-only or damaged file, an
    SQLite error…); None for anything else."""
    import sqlite3

    from app.storage.errors import StorageError, storage_error_from

    if isinstance(exc, StorageError):
        error = exc
    else:
        from sqlalchemy.exc import SQLAlchemyError

        if not isinstance(exc, (sqlite3.Error, SQLAlchemyError, OSError)):
            return None
        from app.storage.paths import default_database_path

        error = storage_error_from(exc, args.db or default_database_path())
        if error is None:
            if isinstance(exc, OSError):
                return None  # a file the command reads or writes; the command reports those itself
            detail = getattr(exc, "orig", None) or exc
            return f"{args.db or default_database_path()}: {str(detail).splitlines()[0]}"
    from app.document.storage_messages import storage_error_text

    if args.lang:
        from PySide6.QtCore import QCoreApplication

        from app.i18n import language as lang

        global _translating_app  # translators need an application, kept for the process's life
        _translating_app = QCoreApplication.instance() or QCoreApplication([])
        lang.install(args.lang)
    return " ".join(storage_error_text(error).split())


_translating_app = None


def entry_point() -> None:
    sys.exit(main())
