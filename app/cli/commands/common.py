"""What the commands share: opening the database the user named, and drawing documents without a window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import app.sync  # noqa: F401  (keeps the file's change capture in step with the declarations)
from app.storage.database import Database
from app.storage.paths import default_database_path


def open_database(args: argparse.Namespace) -> Database:
    return Database.open(args.db or default_database_path())


@contextmanager
def reading_database(args: argparse.Namespace) -> Iterator[Database]:
    """The named database for a command that only reads: what it found is printed even when closing the file
    then fails (a full disk keeps the last changes in the -wal); the failure is told after it, and the command
    exits 1 (``args.storage_warning``, read by app.cli.main)."""
    db = open_database(args)
    try:
        yield db
    finally:
        args.storage_warning = db.close(report=False)


@contextmanager
def drawing_workspace(args: argparse.Namespace) -> Iterator:
    """The workspace of the named database, with what drawing a map or a document needs: an application (the
    cards and the legend are widgets' drawings), the interface font and the chosen language — but no window."""
    from PySide6.QtWidgets import QApplication

    from app.document import Workspace
    from app.i18n import language as lang
    from app.ui.common.fonts import apply_application_font

    app = QApplication.instance() or QApplication([])
    apply_application_font(app)
    lang.install(getattr(args, "lang", None) or "en")
    with reading_database(args) as db:
        yield Workspace(db)


def account_named(workspace, name: str) -> int | None:
    """The account's id; None, after saying so on stderr, when there is none of that name."""
    account_id = workspace.account_id_by_name(name)
    if account_id is None:
        print(f"stakemap: no account named “{name}”", file=sys.stderr)
    return account_id


def write_or_report(write, out) -> int:
    """Run ``write()``; a failure to write is reported in one line and exits 1."""
    try:
        write()
    except OSError as exc:
        print(f"stakemap: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
