"""stakemap import FILE --account NAME: bring people and links in from CSV, XLSX, vCard, GraphML, GEXF or JSON,
and meetings from a calendar (.ics) as interactions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "import"
HELP = "import people and links, or calendar events as interactions, into an account"
FORMAT_CHOICES = ("csv", "xlsx", "vcard", "graphml", "gexf", "json", "ics")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the file to import")
    parser.add_argument("--account", required=True, help="the account (created when it does not exist)")
    parser.add_argument("--format", choices=FORMAT_CHOICES, help="default: from the file's extension")
    parser.add_argument("--sheet", help="the worksheet of an XLSX workbook (default: the first with a name column)")
    parser.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    parser.add_argument("--encoding", help="text encoding of a CSV or vCard file (default: detected)")


def _install_language(args: argparse.Namespace) -> None:
    """The report's labels and the importer's reasons in the language asked for (English without --lang)."""
    wanted = getattr(args, "lang", None)
    if not wanted:
        return  # the sentences are written in English: no translator, and no application to hold one
    from PySide6.QtCore import QCoreApplication

    from app.i18n import language

    if QCoreApplication.instance() is None:
        QCoreApplication([])
    language.install(wanted)


def print_report(report, dry_run: bool) -> None:
    from app.i18n import translate
    from app.ui.transfer.import_messages import localize

    if report.format == "ics":
        print_calendar_report(report, dry_run)
        return
    if dry_run:
        head = translate("ImportCommand", "Dry run: nothing written.")
        summary = translate("ImportCommand", "%1 to create, %2 updated, %3 unchanged, %4 links, %5 refused")
        created = translate("ImportCommand", "to create")
    else:
        head = translate("ImportCommand", "Imported.")
        summary = translate("ImportCommand", "%1 created, %2 updated, %3 unchanged, %4 links, %5 refused")
        created = translate("ImportCommand", "created")
    if report.account_created:
        head += " " + translate("ImportCommand", "New account.")
    if report.encoding:
        head += " " + translate("ImportCommand", "Encoding: %1.").replace("%1", report.encoding)
    if report.sheet:
        head += " " + translate("ImportCommand", "Sheet: %1.").replace("%1", report.sheet)
    for n, value in enumerate((len(report.created), len(report.updated), len(report.skipped),
                               report.links_created, len(report.refused)), start=1):
        summary = summary.replace(f"%{n}", str(value))
    print(f"{head} {summary}")
    groups = ((created, report.created), (translate("ImportCommand", "updated"), report.updated),
              (translate("ImportCommand", "unchanged"), report.skipped),
              (translate("ImportCommand", "matched by name only (check they are the same person)"),
               report.matched_by_name))
    separator = translate("ImportCommand", ", ")  # between the items of a list

    def line(label: str, text: str) -> str:
        return "  " + translate("ImportCommand", "%1: %2").replace("%1", label).replace("%2", text)

    for label, names in groups:
        if names:
            shown = separator.join(names[:20]) + (f" … (+{len(names) - 20})" if len(names) > 20 else "")
            print(line(label, shown))
    for kind, items in ((translate("ImportCommand", "refused"), report.refused),
                        (translate("ImportCommand", "warning"), report.warnings)):
        for item in items:
            # vCard and graph reasons already name their card, node or edge.
            where = ""
            if report.format in ("csv", "xlsx") and item.line is not None:
                where = " (" + translate("ImportCommand", "line %1").replace("%1", str(item.line)) + ")"
            print(line(kind + where, localize(item.reason).replace("\n", "\n    ")))
    if report.unknown_columns:
        label = translate("ImportCommand", "not imported (unknown columns)")
        print(line(label, separator.join(report.unknown_columns)))


def print_calendar_report(report, dry_run: bool) -> None:
    from app.i18n import translate
    from app.ui.transfer.import_messages import calendar_summary, localize

    head = translate("ImportCommand", "Dry run: nothing written.") if dry_run else translate("ImportCommand",
                                                                                               "Imported.")
    print(f"{head} {calendar_summary(report, dry_run)}")
    for kind, items in ((translate("ImportCommand", "refused"), report.refused),
                        (translate("ImportCommand", "warning"), report.warnings)):
        for item in items:
            text = translate("ImportCommand", "%1: %2").replace("%1", kind).replace("%2", localize(item.reason))
            print("  " + text.replace("\n", "\n    "))


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import open_database
    from app.i18n import translate
    from app.io.apply import format_of, import_file
    from app.io.report import ImportRefused
    from app.storage.errors import StorageError
    from app.ui.transfer.import_messages import localize

    _install_language(args)
    fmt = format_of(args.file, args.format)
    if fmt is None:
        message = translate("ImportCommand", "%1: unknown extension; give --format").replace("%1", str(args.file))
        print(f"stakemap import: {message}", file=sys.stderr)
        return 2
    if not args.file.is_file():
        message = translate("ImportCommand", "%1: no such file").replace("%1", str(args.file))
        print(f"stakemap import: {message}", file=sys.stderr)
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
                try:
                    db.checkpoint()  # the import is committed; say so even when folding it in fails
                except StorageError:
                    print_report(report, args.dry_run)
                    raise
    except ImportRefused as exc:
        reason = localize(exc.reason).replace("\n", "\n    ")
        print(f"stakemap import: {exc.source}: {reason}", file=sys.stderr)
        return 1
    except LookupError as exc:
        print(f"stakemap import: {exc}", file=sys.stderr)
        return 2
    print_report(report, args.dry_run)
    return 0
