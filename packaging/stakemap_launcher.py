"""The one-folder build's program: the installed `stakemap` entry point.

It lives outside the checkout's root so that PyInstaller bundles the installed package (with its package
data) rather than the source folder beside the script.
"""

from app.cli import entry_point

if __name__ == "__main__":
    entry_point()
