"""Why a sync could not be done, and what it tells without failing, in the current language: the window
shows the engine's SyncRefused and the Notices of a SyncResult's warnings with these sentences (their
``kind`` picks one, their ``params`` fill it); the command line prints the English ones, which are the same
words (app/sync/connection.py, TEMPLATES and NOTICES)."""

from __future__ import annotations

from app.i18n import translate
from app.sync.connection import Notice, SyncRefused


def _texts() -> dict[str, str]:
    return {
        "not_joined": translate(
            "Sync", "{path} is not joined to a team server (use `stakemap join URL --user NAME`)"),
        "unreachable": translate(
            "Sync", "cannot reach the team server {url}: {detail} (your edits wait in this file; sync again later)"),
        "password": translate(
            "Sync", "the team server refused the password of {user}: it is wrong or was changed, or the login was "
                    "removed (join again with the new password: `stakemap join {url} --user {user}`; your edits wait "
                    "in this file)"),
        "no_password": translate(
            "Sync", "no saved password for {user} on {url} (join again: `stakemap join {url} --user {user}`)"),
        "tls": translate(
            "Sync", "the team server {url} does not offer the encrypted connection (TLS) the URL asks for "
                    "(sslmode={sslmode}): nothing was sent"),
        "certificate": translate(
            "Sync", "the team server {url} showed a certificate this computer cannot trust ({detail}): nothing was "
                    "sent (ask an administrator for the server's certificate)"),
        "not_member": translate(
            "Sync", "the login {user} is no longer a member of the team server (ask an administrator; your edits "
                    "wait in this file)"),
        "not_a_server": translate(
            "Sync", "that database is not a Stakemap team server (run `stakemap server init` first)"),
        "protocol": translate(
            "Sync", "the team server speaks sync protocol {server}, this Stakemap {client}: update Stakemap (you can "
                    "go on working offline)"),
        "schema": translate(
            "Sync", "the team server lacks {missing}: an administrator runs `stakemap server upgrade` (you can go on "
                    "working offline)"),
        "other_server": translate(
            "Sync", "the team server at {url} is not the one this file was joined to (it was replaced or the "
                    "address now leads elsewhere): nothing was synced and your edits wait in this file; ask an "
                    "administrator"),
        "lost": translate(
            "Sync", "lost the team server during the sync: {detail} (nothing was lost; sync again)"),
        "busy": translate(
            "Sync", "the team server was busy with other teammates' changes: {detail} (nothing was lost; sync "
                    "again)"),
        "refused": translate("Sync", "the team server refused the sync: {detail}"),
    }


def sync_refusal_text(exc: SyncRefused) -> str:
    """One line for the user; a refusal of no known kind is shown as the engine worded it."""
    text = _texts().get(exc.kind)
    if text is None:
        return str(exc)
    try:
        return text.format(**exc.params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(exc)


def _notices() -> dict[str, str]:
    return {
        "restored": translate(
            "Sync", "the team server was restored from an older backup (it went back to version {fork}, this file "
                    "knew version {known}): {sent} row(s) this file held from after the backup are sent again, and "
                    "every account is pulled again"),
        "left": translate(
            "Sync", "the account “{account}” is no longer shared with you and was removed from this file"),
        "left_saved": translate(
            "Sync", "the account “{account}” is no longer shared with you and was removed from this file; its "
                    "{count} unsynced edit(s) were saved to {path}"),
    }


def sync_notice_text(notice: str) -> str:
    """A line of a sync's warnings in the current language (a plain string is shown as it is)."""
    text = _notices().get(getattr(notice, "kind", None)) if isinstance(notice, Notice) else None
    if text is None:
        return str(notice)
    try:
        return text.format(**notice.params)
    except (KeyError, IndexError, ValueError):
        return str(notice)
