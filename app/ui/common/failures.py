"""Why something failed, for a message: our sentence first, the machine's detail on a second line.

A worker catches what went wrong and sends ``detail_of(exc)``; the window puts its own sentence above it
with ``with_detail``. Operating-system errors a user can act on (no permission, no room, no such folder) are
said in the interface's language, the path kept; anything else keeps the library's own words, on its line."""

from __future__ import annotations

import errno

from app.i18n import translate


def detail_of(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno is not None:
        where = exc.filename if exc.filename is not None else ""
        known = {
            errno.EACCES: translate("Failures", "No permission to write or read “%1”."),
            errno.EPERM: translate("Failures", "No permission to write or read “%1”."),
            errno.ENOSPC: translate("Failures", "The disk is full (“%1”)."),
            errno.ENOENT: translate("Failures", "“%1” does not exist (or its folder does not)."),
            errno.EROFS: translate("Failures", "“%1” is on a read-only disk."),
            errno.EISDIR: translate("Failures", "“%1” is a folder, not a file."),
        }
        if exc.errno in known:
            return known[exc.errno].replace("%1", str(where))
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def with_detail(sentence: str, detail: str) -> str:
    """``sentence``, then ``detail`` on its own line (when there is one)."""
    return f"{sentence}\n{detail}" if detail else sentence
