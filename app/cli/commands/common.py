"""What the commands share: opening the database the user named."""

from __future__ import annotations

import argparse

from app.storage.database import Database
from app.storage.paths import default_database_path


def open_database(args: argparse.Namespace) -> Database:
    return Database.open(args.db or default_database_path())
