"""stakemap import FILE --account NAME: bring people and links in from CSV, vCard, GraphML, GEXF or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "import"
HELP = "import people and links into an account"
FORMAT_CHOICES = ("csv", "vcard", "graphml", "gexf", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the file to import")
    parser.add_argument("--account", required=True, help="the account (created when it does not exist)")
    parser.add_argument("--format", choices=FORMAT_CHOICES, help="default: from the file's extension")
    parser.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    parser.add_argument("--encoding", help="text encoding of a CSV or vCard file (default: detected)")


def print_report(report, dry_run: bool) -> None:
    head = "Dry run: nothing written." if dry_run else "Imported."
    account = " New account." if report.account_created else ""
    encoding = f" Encoding: {report.encoding}." if report.encoding else ""
    print(f"{head}{account}{encoding} {report.summary()}")
    for label, names in (("created" if not dry_run else "to create", report.created), ("updated", report.updated),
                         ("unchanged", report.skipped)):
        if names:
            shown = ", ".join(names[:20]) + (f" … (+{len(names) - 20})" if len(names) > 20 else "")
            print(f"  {label}: {shown}")
    for refusal in report.refused:
        # vCard and graph reasons already name their card, node or edge.
        where = f" (line {refusal.line})" if report.format == "csv" and refusal.line is not None else ""
        print(f"  refused{where}: {refusal.reason}")
    if report.unknown_columns:
        print(f"  not imported (unknown columns): {', '.join(report.unknown_columns)}")


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import open_database
    from app.io.apply import format_of, import_file
    from app.io.report import ImportRefused
    from app.storage.errors import StorageError

    fmt = format_of(args.file, args.format)
    if fmt is None:
        print(f"stakemap import: {args.file}: unknown extension; give --format", file=sys.stderr)
        return 2
    if not args.file.is_file():
        print(f"stakemap import: {args.file}: no such file", file=sys.stderr)
        return 1
    encoding = getattr(args, "encoding", None)
    try:
        with open_database(args) as db:
            if args.dry_run:
                # The importer writes nothing on a dry run; rolling back as well keeps that true for any format.
                with db.sessionmaker() as session:
                    report = import_file(session, args.file, args.account, fmt, True, encoding)
                    session.rollback()
            else:
                with db.session() as session:
                    report = import_file(session, args.file, args.account, fmt, False, encoding)
                try:
                    db.checkpoint()  # the import is committed; say so even when folding it in fails
                except StorageError:
                    print_report(report, args.dry_run)
                    raise
    except ImportRefused as exc:
        print(f"stakemap import: {exc.source}: {exc.reason}", file=sys.stderr)
        return 1
    except LookupError as exc:
        print(f"stakemap import: {exc}", file=sys.stderr)
        return 2
    print_report(report, args.dry_run)
    return 0
