"""stakemap demo: load the demo accounts (idempotent)."""

from __future__ import annotations

import argparse

NAME = "demo"
HELP = "load the demo accounts (idempotent)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from app.cli.commands.common import open_database
    from app.demo import load_demo

    with open_database(args) as db:
        with db.session() as session:
            created = load_demo(session)
    if created:
        print("Loaded demo accounts: " + ", ".join(created))
    else:
        print("The demo accounts are already there; nothing added.")
    return 0
