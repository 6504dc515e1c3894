"""stakemap export --account NAME --out FILE [--format …] [--shareable]: an account's map or data as a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "export"
HELP = "export an account's map (pdf, png, svg) or data (csv, xlsx, graphml, gexf, json)"

DATA_FORMATS = ("csv", "xlsx", "graphml", "gexf", "json")  # as app.io.exporters, which loads on use
PICTURE_FORMATS = ("pdf", "png", "svg")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--account", required=True, help="the account's name")
    parser.add_argument("--out", required=True, help="the file to write")
    parser.add_argument("--format", choices=PICTURE_FORMATS + DATA_FORMATS, default=None,
                        help="the file format (default: from the file's extension)")
    parser.add_argument("--shareable", action="store_true",
                        help="leave out stances, influence, notes, personal needs and rival links")
    parser.add_argument("--paper", choices=("a4", "letter"), default=None,
                        help="paper size of a PDF (default: the locale's; the orientation is chosen to fit)")
    parser.add_argument("--dpi", type=int, default=150, help="resolution of a PNG in dots per inch (default 150)")


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    fmt = getattr(args, "format", None) or out.suffix.lower().lstrip(".")
    if fmt in PICTURE_FORMATS:
        return _run_map(args, out, fmt)
    if fmt not in DATA_FORMATS:
        print(f"stakemap: cannot tell the format of “{out.name}”: give --format "
              f"({'|'.join(PICTURE_FORMATS + DATA_FORMATS)})", file=sys.stderr)
        return 2

    from app.cli.commands.common import reading_database
    from app.io.exporters import writer_for
    from app.models.repositories.accounts import find_account_by_name

    writer = writer_for(fmt)
    with reading_database(args) as db, db.read_session() as session:
        account = find_account_by_name(session, args.account)
        if account is None:
            print(f"stakemap: no account named “{args.account}”", file=sys.stderr)
            return 1
        try:
            writer(session, account.id, out, shareable=bool(getattr(args, "shareable", False)),
                   **_labels(args, fmt))
        except OSError as exc:
            print(f"stakemap: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    return 0


def _labels(args: argparse.Namespace, fmt: str) -> dict:
    """A workbook names roles, stances and link kinds in the language of --lang (identifiers without it)."""
    from app.io.exporters import LABELLED_FORMATS

    if fmt not in LABELLED_FORMATS or not getattr(args, "lang", None):
        return {}
    from PySide6.QtCore import QCoreApplication

    from app.i18n import labels, language

    if QCoreApplication.instance() is None:
        QCoreApplication([])
    language.install(args.lang)
    return {"labels": {"role": labels.buying_roles(), "stance": labels.stances(), "kind": labels.link_kinds()}}


def _run_map(args: argparse.Namespace, out: Path, fmt: str) -> int:
    if not 30 <= args.dpi <= 1200:
        print(f"stakemap: --dpi must be between 30 and 1200, not {args.dpi}", file=sys.stderr)
        return 2
    from app.cli.commands.common import account_named, drawing_workspace, write_or_report
    from app.export import export_map

    with drawing_workspace(args) as workspace:
        account_id = account_named(workspace, args.account)
        if account_id is None:
            return 1
        shareable = bool(getattr(args, "shareable", False))
        author = workspace.account_owner_name(account_id)
        return write_or_report(lambda: export_map(workspace, account_id, out, fmt, shareable=shareable,
                                                  author=author, dpi=args.dpi, paper=args.paper), out)
