"""Who changed something on the team server, and when, as one short line of the window's language."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt

from app.i18n import translate


def when_text(at: str | None) -> str:
    """A UTC ISO time from the server, in local time as the locale writes it."""
    if not at:
        return ""
    moment = QDateTime.fromString(at[:19], Qt.DateFormat.ISODate)
    moment.setTimeZone(QDateTime.currentDateTimeUtc().timeZone())
    if not moment.isValid():
        return at
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def who_text(by: str | None, me: str | None) -> str:
    if by is None:
        return ""
    return translate("Team", "you") if me and by == me else by


def stamp_text(stamp, me: str | None) -> str:
    """“Last changed by ann, 12/2/26 5:40 AM”, or that a change made here waits to be synced ("" for none)."""
    if stamp is None:
        return ""
    if stamp.pending:
        return translate("Team", "Changed here, not synced yet")
    return translate("Team", "Last changed by %1, %2").replace("%1", who_text(stamp.by, me)).replace(
        "%2", when_text(stamp.at))
