"""stakemap brief --account NAME --out FILE.pdf: the meeting pack of an account, as a PDF."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import unicodedata
from pathlib import Path

NAME = "brief"
HELP = "write the meeting pack of an account (attendees, map around them, needs, history, actions, routes) as PDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--account", required=True, help="the account's name")
    parser.add_argument("--out", required=True, help="the PDF file to write")
    parser.add_argument("--attendees", default=None,
                        help="comma-separated names of the people at the meeting "
                             "(default: the economic buyer, the decision-makers and the most influential people)")
    parser.add_argument("--date", default=None, help="the meeting's date, YYYY-MM-DD (default: today)")
    parser.add_argument("--shareable", action="store_true",
                        help="leave out stances, influence, notes, personal wins and rival links")
    parser.add_argument("--paper", choices=("a4", "letter"), default=None,
                        help="paper size (default: the locale's)")


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        print(f"stakemap: the meeting pack is a PDF: give --out a name ending in .pdf, not “{out.name}”",
              file=sys.stderr)
        return 2
    meeting = None
    if args.date:
        try:
            meeting = dt.date.fromisoformat(args.date)
        except ValueError:
            print(f"stakemap: “{args.date}” is not a date (YYYY-MM-DD)", file=sys.stderr)
            return 2

    from app.cli.commands.common import account_named, drawing_workspace, write_or_report
    from app.export.meeting_pack import export_brief

    with drawing_workspace(args) as workspace:
        account_id = account_named(workspace, args.account)
        if account_id is None:
            return 1
        attendees = None
        if args.attendees is not None:
            by_name = {_fold(p.name): p.id for p in workspace.people(account_id, include_archived=False)}
            wanted = [n for n in args.attendees.split(",") if n.strip()]
            missing = [n.strip() for n in wanted if _fold(n) not in by_name]
            if missing:
                print(f"stakemap: nobody named {', '.join('“' + n + '”' for n in missing)} in “{args.account}”",
                      file=sys.stderr)
                return 1
            attendees = [by_name[_fold(n)] for n in wanted]
        author = workspace.account_owner_name(account_id)
        return write_or_report(lambda: export_brief(workspace, account_id, out, attendees, meeting,
                                                    shareable=bool(args.shareable), author=author,
                                                    paper=args.paper), out)
