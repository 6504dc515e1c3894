"""stakemap uninstall-desktop: remove what install-desktop added."""

from __future__ import annotations

import argparse
import sys

NAME = "uninstall-desktop"
HELP = "remove the launcher, icon and file type that install-desktop added"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from app.desktop import integration

    try:
        changes = integration.uninstall()
    except OSError as exc:
        print(f"stakemap: cannot remove the launcher: {exc}", file=sys.stderr)
        return 1
    if changes.files:
        print(f"Removed {len(changes.files)} files of the launcher, icons and file type.")
    else:
        print("No launcher of Stakemap was installed; nothing removed.")
    return 0
