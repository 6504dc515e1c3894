"""The engine's one-line refusals (English, as the command line prints them) told in the interface's language:
a translated sentence first, the engine's own line after it for the details."""

from __future__ import annotations

import functools
import re
import string

from app.i18n import translate


def by_kind() -> dict[str, str]:
    """What the window says for each of the engine's refusals (app/sync/connection.py, TEMPLATES), by kind."""
    return {
        "not_joined": translate("SyncMessages", "This file is not joined to a team server."),
        "unreachable": translate("SyncMessages", "The team server cannot be reached."),
        "password": translate("SyncMessages", "The team server refused the user name or password."),
        "no_password": translate("SyncMessages", "No password is saved for this login: join again with your "
                                                 "password."),
        "tls": translate("SyncMessages", "The team server does not offer the encrypted connection the URL asks "
                                         "for: nothing was sent."),
        "certificate": translate("SyncMessages", "The team server's certificate cannot be trusted: nothing was "
                                                 "sent."),
        "not_member": translate("SyncMessages", "This login is no longer a member of the team server: ask an "
                                                "administrator. Your edits wait in this file."),
        "not_a_server": translate("SyncMessages", "That database is not a Stakemap team server."),
        "protocol": translate("SyncMessages", "The team server is newer than this Stakemap: update Stakemap. You "
                                              "can go on working offline."),
        "schema": translate("SyncMessages", "The team server needs an upgrade by an administrator. You can go on "
                                            "working offline."),
        "other_server": translate(
            "SyncMessages", "The team server at this address is not the one this file was joined to: nothing was "
                            "synced, and your edits wait in this file."),
        "lost": translate("SyncMessages", "The connection to the team server broke off; no edit was lost, and the "
                                          "next sync carries on."),
        "busy": translate("SyncMessages", "The team server was busy with other teammates' changes; no edit was "
                                          "lost, and the next sync carries on."),
        "refused": translate("SyncMessages", "The team server refused the sync."),
        "not_url": translate("SyncMessages", "That is not a PostgreSQL URL."),
        "no_database": translate("SyncMessages", "The URL names no database."),
        "joined_elsewhere": translate("SyncMessages", "This file is joined to another team server already."),
        "name_taken": translate("SyncMessages", "The team server already has an account of the same name: nothing "
                                                "was uploaded. Rename yours (or the server's) and join again."),
        "row_refused": translate("SyncMessages", "The team server refused a new row: nothing was lost, and your "
                                                 "edits wait in this file."),
    }


def _loose() -> list[tuple[str, str]]:
    """(a phrase of libpq's or an administrator command's line, what the window says), for lines of no kind and
    for the detail of an unreachable server."""
    return [
        ("password authentication failed", translate("SyncMessages", "The team server refused the user name or "
                                                                     "password.")),
        ("not permitted to log in", translate("SyncMessages", "The team server does not let this login in at "
                                                              "the moment.")),
        ("does not exist", translate("SyncMessages", "The team server does not know that user or database.")),
        ("cannot reach the team server", translate("SyncMessages", "The team server cannot be reached.")),
        ("not a Stakemap team server", translate("SyncMessages", "That database is not a Stakemap team server.")),
        ("update Stakemap", translate("SyncMessages", "The team server is newer than this Stakemap: update "
                                                      "Stakemap. You can go on working offline.")),
        ("server upgrade", translate("SyncMessages", "The team server needs an upgrade by an administrator. You "
                                                     "can go on working offline.")),
    ]


@functools.cache
def _patterns(templates: tuple[tuple[str, str], ...]) -> list[tuple[str, re.Pattern]]:
    """Each template as a pattern that matches its sentence whatever its values."""
    out = []
    for kind, template in templates:
        parts = [re.escape(literal) + (".*" if field is not None else "")
                 for literal, field, _spec, _conv in string.Formatter().parse(template)]
        out.append((kind, re.compile("".join(parts), re.DOTALL)))
    return out


def kind_of(message: str) -> str | None:
    """Which of the engine's refusals ``message`` is (a key of TEMPLATES), None for a line of no kind."""
    from app.sync.connection import TEMPLATES

    for kind, pattern in _patterns(tuple(TEMPLATES.items())):
        if pattern.fullmatch(message):
            return kind
    return None


def told(message: str | None) -> str | None:
    """``message`` (an engine's or connection's line) led by what it means in the interface's language."""
    if not message:
        return message
    kind = kind_of(message)
    if kind is not None and kind != "unreachable":
        return f"{by_kind()[kind]}\n{message}"
    for phrase, sentence in _loose():  # an unreachable server's detail can say more (no such login)
        if phrase in message and not (kind and phrase == "cannot reach the team server"):
            return f"{sentence}\n{message}"
    return f"{by_kind()[kind]}\n{message}" if kind else message


def notices() -> dict[str, str]:
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
        "account_taken": translate("SyncMessages", "The team server already has an account named “{name}”: rename "
                                                   "this one to share it."),
        "may_not_add_account": translate("SyncMessages", "Account “{name}”: this login may not add accounts on "
                                                         "the team server."),
        "read_only_row": translate("SyncMessages", "{table} “{label}”: read-only on the team server."),
        "may_not_change": translate("SyncMessages", "{table} “{label}”: this login may not change it on the team "
                                                    "server."),
        "file_refused": translate("SyncMessages", "{table} “{label}” from the team server was not taken into this "
                                                  "file: {detail}"),
    }


def told_note(note: str) -> str:
    """A line of a sync's warnings in the interface's language (a line of no known kind as it is)."""
    from app.sync.connection import Notice

    text = notices().get(note.kind) if isinstance(note, Notice) else None
    if text is None:
        return note
    from app.ui.team.conflicts_labels import table_label

    params = dict(note.params)
    if "table" in params:
        params["table"] = table_label(params["table"])
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(note)
