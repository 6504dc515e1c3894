"""The engine's one-line refusals (English, as the command line prints them) told in the interface's language:
a translated sentence first, the engine's own line after it for the details."""

from __future__ import annotations

from app.i18n import translate


def _known() -> list[tuple[str, str]]:
    """(a phrase of the engine's message, what the window says), most specific first."""
    return [
        ("password authentication failed", translate("SyncMessages", "The team server refused the user name or "
                                                                     "password.")),
        ("not permitted to log in", translate("SyncMessages", "The team server does not let this login in at "
                                                              "the moment.")),
        ("does not exist", translate("SyncMessages", "The team server does not know that user or database.")),
        ("cannot reach the team server", translate("SyncMessages", "The team server cannot be reached.")),
        ("lost the team server", translate("SyncMessages", "The connection to the team server broke off; no edit "
                                                           "was lost, and the next sync carries on.")),
        ("already has an account named", translate("SyncMessages", "The team server already has an account of "
                                                                   "the same name: nothing was uploaded. Rename "
                                                                   "yours (or the server's) and join again.")),
        ("not a Stakemap team server", translate("SyncMessages", "That database is not a Stakemap team server.")),
        ("update Stakemap", translate("SyncMessages", "The team server is newer than this Stakemap: update "
                                                      "Stakemap. You can go on working offline.")),
        ("server upgrade", translate("SyncMessages", "The team server needs an upgrade by an administrator. You "
                                                     "can go on working offline.")),
        ("joined to", translate("SyncMessages", "This file is joined to another team server already.")),
        ("not a PostgreSQL URL", translate("SyncMessages", "That is not a PostgreSQL URL.")),
        ("names no database", translate("SyncMessages", "The URL names no database.")),
        ("refused the sync", translate("SyncMessages", "The team server refused the sync.")),
    ]


def told(message: str | None) -> str | None:
    """``message`` (an engine's or connection's line) led by what it means in the interface's language."""
    if not message:
        return message
    for phrase, sentence in _known():
        if phrase in message:
            return f"{sentence}\n{message}"
    return message
