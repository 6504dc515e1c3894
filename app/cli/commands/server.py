"""stakemap server init|user add|grant|revoke|upgrade|prune: an administrator's work on the team server."""

from __future__ import annotations

import argparse
import sys

NAME = "server"
HELP = "set up and administer the team server (PostgreSQL)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = sub.add_parser("init", help="schema, roles and policies on an empty PostgreSQL database")
    init.add_argument("url", help="an administrator's URL of the empty database")
    upgrade = sub.add_parser("upgrade", help="migrate the team server to this version")
    upgrade.add_argument("url")
    prune = sub.add_parser("prune", help="remove deletion records older than 180 days (upgrade does it too)")
    prune.add_argument("url", help="an administrator's URL")
    user = sub.add_parser("user", help="team-server logins")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser("add", help="add (or update) a login")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("admin", "manager", "member", "viewer"))
    add.add_argument("--url", required=True)
    add.add_argument("--password-file", help="a file whose first line is the new login's password")
    add.add_argument("--member", help="the team member this login is")
    grant = sub.add_parser("grant", help="let a login see (--read) or change (--write) an account")
    grant.add_argument("name")
    grant.add_argument("--account", required=True)
    mode = grant.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--read", action="store_true")
    grant.add_argument("--url", required=True)
    revoke = sub.add_parser("revoke", help="take an account back from a login")
    revoke.add_argument("name")
    revoke.add_argument("--account", required=True)
    revoke.add_argument("--url", required=True)


def read_password(path: str | None, prompt: str) -> str:
    """The first line of ``path``, or typed at a prompt when there is a terminal."""
    if path:
        with open(path, encoding="utf-8") as f:
            password = f.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        import getpass

        password = getpass.getpass(prompt)
    else:
        raise ValueError("no password: give --password-file FILE")
    if not password:
        raise ValueError("the password is empty")
    return password


def run(args: argparse.Namespace) -> int:
    from app.sync import server_admin
    from app.sync.connection import SyncRefused

    try:
        if args.server_command == "init":
            server_admin.init(args.url)
            print("The team server is ready: add logins with `stakemap server user add`.")
        elif args.server_command == "upgrade":
            done = server_admin.upgrade(args.url)
            print("Upgraded: " + ", ".join(done) if done else "The team server is up to date.")
        elif args.server_command == "prune":
            print(f"Pruned {server_admin.prune(args.url)} deletion record(s) older than 180 days.")
        elif args.server_command == "user":
            password = read_password(args.password_file, f"Password for {args.name}: ")
            server_admin.add_user(args.url, args.name, args.role, password, args.member)
            print(f"{args.name} is a team-server {args.role}.")
        elif args.server_command == "grant":
            server_admin.grant(args.url, args.name, args.account, writable=args.write)
            print(f"{args.name} may now {'change' if args.write else 'read'} “{args.account}”.")
        elif args.server_command == "revoke":
            if server_admin.revoke(args.url, args.name, args.account):
                print(f"{args.name} no longer sees “{args.account}”; it leaves their file at their next sync.")
            else:
                print(f"{args.name} had no grant on “{args.account}”.")
    except (SyncRefused, ValueError, OSError) as exc:
        print(f"stakemap: {exc}", file=sys.stderr)
        return 1
    return 0
