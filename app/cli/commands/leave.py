"""stakemap leave [--force]: turn a joined file back into a plain local file (nothing syncs any more)."""

from __future__ import annotations

import argparse
import sys

NAME = "leave"
HELP = "turn this file back into a plain local file that no longer syncs with its team server"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="leave even with edits the server has not had: they are saved to a JSON file first")
    parser.add_argument("--keep-password", action="store_true", help="keep the saved password of the login")


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import open_database
    from app.sync.connection import SyncRefused, forget_password
    from app.sync.engine import Engine, state
    from app.sync.leaving import leave_server, save_unsynced, unsynced_edits
    from app.sync.status import may_add_shared_of

    try:
        with open_database(args) as db, Engine(db) as engine:
            address = engine.address
            edits = unsynced_edits(engine, may_add_shared_of(state(engine.raw, "role")))
            if edits and not args.force:
                print(f"stakemap: {len(edits)} edit(s) in this file have not reached the team server yet: sync "
                      "first, or leave with --force (they are then saved to a JSON file beside this one)",
                      file=sys.stderr)
                return 1
            saved = save_unsynced(engine, edits) if edits else None
            leave_server(engine.raw)
    except SyncRefused as exc:
        print(f"stakemap: {exc}", file=sys.stderr)
        return 1
    if saved is not None:
        print(f"{len(edits)} unsynced edit(s) saved to {saved}.")
    if not args.keep_password:
        for where in forget_password(address):
            print(f"Saved password removed from {'the system keyring' if where == 'keyring' else where}.")
    print(f"This file no longer syncs with {address.url()}: it is a plain local file again.")
    return 0
