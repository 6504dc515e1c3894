"""stakemap install-desktop: a launcher in the desktop's menu, the icon, and *.stakemap files opening here."""

from __future__ import annotations

import argparse
import sys

NAME = "install-desktop"
HELP = "add Stakemap to the desktop's application menu (freedesktop launcher, icon, *.stakemap files)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from app.desktop import integration

    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        print("stakemap: install-desktop writes a freedesktop launcher, for Linux and BSD desktops", file=sys.stderr)
        return 1
    try:
        command = integration.launcher_command()
        changes = integration.install(command=command)
    except (OSError, RuntimeError) as exc:
        print(f"stakemap: cannot install the launcher: {exc}", file=sys.stderr)
        return 1
    print(f"Launcher installed: {changes.files[0]}")
    print(f"It starts: {' '.join(command)}")
    print(f"Icons and the {integration.FILE_EXTENSION} file type: {len(changes.files) - 1} files under "
          f"{integration.data_home()}")
    return 0
