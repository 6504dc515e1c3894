"""stakemap import FILE --account NAME: bring people and links in from CSV, XLSX, vCard, GraphML, GEXF or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "import"
HELP = "import people and links into an account"
FORMAT_CHOICES = ("csv", "xlsx", "vcard", "graphml", "gexf", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the file to import")
    parser.add_argument("--account", required=True, help="the account (created when it does not exist)")
    parser.add_argument("--format", choices=FORMAT_CHOICES, help="default: from the file's extension")
    parser.add_argument("--sheet", help="the worksheet of an XLSX workbook (default: the first with a name column)")
    parser.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    parser.add_argument("--encoding", help="text encoding of a CSV or vCard file (default: detected)")


def _translator(args: argparse.Namespace):
    """``(tr, localize)`` in the language asked for: the report's labels and the importer's reasons."""
    from PySide6.QtCore import QCoreApplication

    from app.i18n import language, translate
    from app.ui.transfer.import_messages import localize

    if QCoreApplication.instance() is None:
        QCoreApplication([])
    language.install(getattr(args, "lang", None) or "en")
    return (lambda text: translate("ImportCommand", text)), localize


def print_report(report, dry_run: bool, tr=lambda text: text, localize=lambda text: text) -> None:
    head = tr("Dry run: nothing written.") if dry_run else tr("Imported.")
    account = " " + tr("New account.") if report.account_created else ""
    encoding = " " + tr("Encoding: %1.").replace("%1", report.encoding) if report.encoding else ""
    sheet = " " + tr("Sheet: %1.").replace("%1", report.sheet) if report.sheet else ""
    summary = (tr("%1 to create, %2 updated, %3 unchanged, %4 links, %5 refused") if dry_run
               else tr("%1 created, %2 updated, %3 unchanged, %4 links, %5 refused"))
    for n, value in enumerate((len(report.created), len(report.updated), len(report.skipped),
                               report.links_created, len(report.refused)), start=1):
        summary = summary.replace(f"%{n}", str(value))
    print(f"{head}{account}{encoding}{sheet} {summary}")
    for label, names in ((tr("created") if not dry_run else tr("to create"), report.created),
                         (tr("updated"), report.updated), (tr("unchanged"), report.skipped),
                         (tr("matched by name only (check they are the same person)"), report.matched_by_name)):
        if names:
            shown = ", ".join(names[:20]) + (f" … (+{len(names) - 20})" if len(names) > 20 else "")
            print(f"  {label}: {shown}")
    for kind, items in ((tr("refused"), report.refused), (tr("warning"), report.warnings)):
        for item in items:
            # vCard and graph reasons already name their card, node or edge.
            where = (" (" + tr("line %1").replace("%1", str(item.line)) + ")"
                     if report.format in ("csv", "xlsx") and item.line is not None else "")
            reason = localize(item.reason).replace("\n", "\n    ")
            print(f"  {kind}{where}: {reason}")
    if report.unknown_columns:
        print(f"  {tr('not imported (unknown columns)')}: {', '.join(report.unknown_columns)}")


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import open_database
    from app.io.apply import format_of, import_file
    from app.io.report import ImportRefused

    tr, localize = _translator(args)
    fmt = format_of(args.file, args.format)
    if fmt is None:
        print("stakemap import: " + tr("%1: unknown extension; give --format").replace("%1", str(args.file)),
              file=sys.stderr)
        return 2
    if not args.file.is_file():
        print("stakemap import: " + tr("%1: no such file").replace("%1", str(args.file)), file=sys.stderr)
        return 1
    options = {"encoding": getattr(args, "encoding", None), "sheet": getattr(args, "sheet", None)}
    try:
        with open_database(args) as db:
            if args.dry_run:
                # The importer writes nothing on a dry run; rolling back as well keeps that true for any format.
                with db.sessionmaker() as session:
                    report = import_file(session, args.file, args.account, fmt, True, **options)
                    session.rollback()
            else:
                with db.session() as session:
                    report = import_file(session, args.file, args.account, fmt, False, **options)
    except ImportRefused as exc:
        print(f"stakemap import: {exc.source}: {localize(exc.reason)}", file=sys.stderr)
        return 1
    except LookupError as exc:
        print(f"stakemap import: {exc}", file=sys.stderr)
        return 2
    print_report(report, args.dry_run, tr, localize)
    return 0
