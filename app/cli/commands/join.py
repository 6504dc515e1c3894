"""stakemap join URL --user NAME: link the file to a team server, upload its accounts, pull what NAME sees."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "join"
HELP = "link this file to a team server and share its accounts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", help="the team server, e.g. postgresql://host:5432/team (no password)")
    parser.add_argument("--user", required=True, help="your team-server login")
    parser.add_argument("--password-file", help="a file whose first line is your password")
    parser.add_argument("--no-upload", action="store_true", help="keep this file's accounts out of the server")
    parser.add_argument("--json", action="store_true", help="print what the first sync did as JSON")


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import open_database
    from app.cli.commands.server import read_password
    from app.cli.commands.sync import report
    from app.sync.connection import ServerAddress, SyncRefused, password_in, save_password
    from app.sync.engine import Engine

    try:
        address = ServerAddress.parse(args.url, user=args.user)
        # A password typed into the URL is used (and saved like any other), never stored with the URL.
        password = None if args.password_file else password_in(args.url)
        if password is None and (args.password_file or sys.stdin.isatty()):
            password = read_password(args.password_file, f"Password for {args.user}: ")
        with open_database(args) as db, Engine(db, address, password) as engine:
            result = engine.join(upload=not args.no_upload)
            if password is not None:
                where = save_password(address, password)
                if not args.json:
                    print(f"Password saved to {'the system keyring' if where == 'keyring' else where}.")
    except (SyncRefused, ValueError, OSError) as exc:
        print(f"stakemap: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.as_json()))
    else:
        print(f"Joined {address.url()} as {args.user}.")
    return report(result, quiet=args.json)
