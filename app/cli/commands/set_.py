"""stakemap set --account ACCOUNT --person NAME FIELD=VALUE ...: a scripted edit of one person."""

from __future__ import annotations

import argparse
import sys

NAME = "set"
HELP = "change fields of one person (a scripted edit; synced like any other)"

_NOT_EDITABLE = {"id", "account_id", "uid", "created_at", "updated_at"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--account", required=True)
    parser.add_argument("--person", required=True, help="the person's name")
    parser.add_argument("assignments", nargs="+", metavar="FIELD=VALUE", help="an empty VALUE clears the field")


def _convert(column, text: str):
    from sqlalchemy import Boolean, Float, Integer

    if text == "":
        return None
    if isinstance(column.type, Boolean):
        lowered = text.lower()
        if lowered not in ("true", "false", "1", "0", "yes", "no"):
            raise ValueError(f"{column.name} takes true or false, not “{text}”")
        return lowered in ("true", "1", "yes")
    if isinstance(column.type, Float):
        return float(text)
    if isinstance(column.type, Integer):
        return int(text)
    return text


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import select
    from sqlalchemy.exc import IntegrityError

    from app.cli.commands.common import open_database
    from app.models import Account, Person

    columns = Person.__table__.columns
    changes = {}
    for item in args.assignments:
        field, sep, value = item.partition("=")
        if not sep or field not in columns or field in _NOT_EDITABLE:
            editable = ", ".join(c.name for c in columns if c.name not in _NOT_EDITABLE)
            print(f"stakemap: unknown person field “{field}” (fields: {editable})", file=sys.stderr)
            return 1
        try:
            changes[field] = _convert(columns[field], value)
        except ValueError as exc:
            print(f"stakemap: {exc}", file=sys.stderr)
            return 1
    with open_database(args) as db:
        try:
            with db.session() as session:
                account = session.scalar(select(Account).where(Account.name == args.account))
                if account is None:
                    print(f"stakemap: no account named “{args.account}”", file=sys.stderr)
                    return 1
                uid = session.connection().exec_driver_sql(
                    "SELECT uid FROM account WHERE id = ?", (account.id,)).scalar()
                writable = session.connection().exec_driver_sql(
                    "SELECT writable FROM sync_access WHERE account_uid = ?", (uid,)).scalar()
                if writable == 0:
                    print(f"stakemap: “{args.account}” is read-only for you on the team server", file=sys.stderr)
                    return 1
                person = session.scalar(select(Person).where(Person.account_id == account.id,
                                                             Person.name == args.person))
                if person is None:
                    print(f"stakemap: no person named “{args.person}” in “{args.account}”", file=sys.stderr)
                    return 1
                for field, value in changes.items():
                    setattr(person, field, value)
                session.flush()
        except IntegrityError as exc:
            detail = str(exc.orig).split("\n")[0]
            print(f"stakemap: refused: {detail}", file=sys.stderr)
            return 1
    print(f"{args.person}: " + ", ".join(f"{k} = {v}" for k, v in changes.items()))
    return 0
