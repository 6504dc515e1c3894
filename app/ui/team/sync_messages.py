"""The engine's one-line refusals (English, as the command line prints them) told in the interface's language:
a translated sentence first, the engine's own line after it for the details."""

from __future__ import annotations

from app.i18n import translate


def _known() -> list[tuple[str, str]]:
    """(a phrase of the engine's message, what the window says), most specific first."""
    return [
        # The engine's own sentences (app/sync/connection.py, TEMPLATES), before the looser phrases below.
        ("is not joined to a team server", translate("SyncMessages", "This file is not joined to a team server.")),
        ("is not the one this file was joined to", translate(
            "SyncMessages", "The team server at this address is not the one this file was joined to: nothing was "
                            "synced, and your edits wait in this file.")),
        ("refused the password", translate("SyncMessages", "The team server refused the user name or password.")),
        ("no saved password", translate("SyncMessages", "No password is saved for this login: join again with "
                                                        "your password.")),
        ("encrypted connection (TLS)", translate(
            "SyncMessages", "The team server does not offer the encrypted connection the URL asks for: nothing was "
                            "sent.")),
        ("certificate this computer cannot trust", translate(
            "SyncMessages", "The team server's certificate cannot be trusted: nothing was sent.")),
        ("no longer a member of the team server", translate(
            "SyncMessages", "This login is no longer a member of the team server: ask an administrator. Your edits "
                            "wait in this file.")),
        ("busy with other teammates", translate(
            "SyncMessages", "The team server was busy with other teammates' changes; no edit was lost, and the next "
                            "sync carries on.")),
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


def _notices() -> dict[str, str]:
    """What a sync tells without failing (app/sync/connection.py, NOTICES), by kind."""
    return {
        "restored": translate(
            "SyncMessages", "The team server was restored from an older backup (back to version {fork}; this file "
                            "knew version {known}): {sent} row(s) this file held from after the backup are sent "
                            "again, and every account is fetched again."),
        "left": translate("SyncMessages", "The account “{account}” is no longer shared with you and was removed "
                                          "from this file."),
        "left_saved": translate(
            "SyncMessages", "The account “{account}” is no longer shared with you and was removed from this file; "
                            "its {count} unsynced edit(s) were saved to {path}."),
    }


def told_note(note: str) -> str:
    """A line of a sync's warnings in the interface's language (a line of no known kind as it is)."""
    from app.sync.connection import Notice

    text = _notices().get(note.kind) if isinstance(note, Notice) else None
    if text is None:
        return note
    try:
        return text.format(**note.params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(note)
