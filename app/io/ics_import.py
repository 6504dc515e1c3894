"""Read calendar events from an iCalendar (.ics) file: Outlook, Google, Feishu and DingTalk all export one.

``read_ics`` yields one ``EventRow`` per occurrence: single events as they are, recurring series expanded
within a bounded window (an endless RRULE must not hang the import). ``app.io.ics_apply`` turns the rows whose
attendees include the account's people into interactions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.io.report import ImportRefused, ImportReport, Refusal
from app.io.rows import clean_text

MAX_BYTES = 64 * 1024 * 1024
PAST = dt.timedelta(days=2 * 365)  # a series is expanded from two years back…
AHEAD = dt.timedelta(days=90)  # …to three months ahead
MAX_OCCURRENCES = 20000  # more occurrences than that in the window are cut, with a warning

# Links and words that say a meeting happens on a call or online (Teams, Zoom, 腾讯会议, 飞书, 钉钉, Meet, Webex).
_ONLINE = re.compile(
    r"teams\.microsoft\.com|teams\.live\.com|zoom\.(us|com\.cn)|meeting\.tencent\.com|voovmeeting|腾讯会议"
    r"|vc\.feishu\.cn|feishu\.cn/(vc|meeting)|larksuite\.com/(vc|meeting)|飞书视频会议|飞书会议|dingtalk\.com"
    r"|钉钉会议|钉钉视频|meet\.google\.com|webex\.com|gotomeeting|skype|dial[- ]?in|拨入|电话会议|tel:"
    r"|\+\d[\d ()-]{7,}\d",
    re.I,
)
# A location that reads as an address rather than a room name: a road or a city district say so alone; a house
# number or a building only when the location is not a meeting room ("3号会议室" is down the corridor).
_ADDRESS = re.compile(
    r"路|街|大道|胡同|省|市.{0,8}[区县]|\d+\s+\w[\w .'-]*\b(street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|"
    r"way|drive|dr|place|square|straße|strasse|allee|platz)\b",
    re.I,
)
_BUILDING = re.compile(r"\d+\s*号|大厦|大楼|园区|广场|tower|building|plaza", re.I)
_ROOM = re.compile(r"会议室|洽谈室|meeting room|conference room|\broom\b|besprechungsraum", re.I)
_ONLINE_PROPERTIES = ("X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-MICROSOFT-ONLINEMEETINGCONFLINK", "X-GOOGLE-CONFERENCE",
                      "CONFERENCE", "X-FEISHU-MEETING-URL", "X-DINGTALK-MEETING-URL")


@dataclass(slots=True)
class Attendee:
    email: str  # casefolded, without mailto:; "" when the calendar gives none
    name: str  # the CN parameter, "" when none


@dataclass(slots=True)
class EventRow:
    number: int  # the event's place in the file (1-based), for messages
    key: str  # "UID" for a single event, "UID/RECURRENCE-ID" for one occurrence of a series
    start: dt.datetime  # local time, naive
    channel: str  # meeting | call | visit
    summary: str
    attendees: list[Attendee] = field(default_factory=list)


def read_ics(path: Path, report: ImportReport, today: dt.date | None = None) -> list[EventRow]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(source, f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise ImportRefused(source, f"the file is larger than {MAX_BYTES // 2**20} MB")
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    report.sample = "\n".join(text[:8192].splitlines()[:20])
    if not re.search(r"^BEGIN:VCALENDAR", text, re.M | re.I):
        raise ImportRefused(source, "no calendar in the file (no BEGIN:VCALENDAR line)")
    import icalendar
    import recurring_ical_events

    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError… on broken input
        raise ImportRefused(source, f"not a readable iCalendar file\n{type(exc).__name__}: {exc}") from None
    if isinstance(calendar, list):  # several VCALENDAR blocks: icalendar returns them all
        calendar = calendar[0] if calendar else None
    events = list(calendar.walk("VEVENT")) if calendar is not None else []
    if not events:
        raise ImportRefused(source, "no event in the file (no BEGIN:VEVENT)")

    numbers = {id(event): n for n, event in enumerate(events, start=1)}
    series = {str(e.get("UID", "")).strip() for e in events
              if e.get("RRULE") is not None or e.get("RDATE") is not None}
    series.discard("")
    rows: dict[str, EventRow] = {}
    for event in events:
        number = numbers[id(event)]
        try:
            _take_single(event, number, series, rows, report)
        except Exception as exc:  # icalendar raises on a property it could not parse, when it is read
            report.refused.append(Refusal(number, f"event {number}: unreadable\n{type(exc).__name__}: {exc}"))

    if series:
        today = today or dt.date.today()
        begin = dt.datetime.combine(today, dt.time()) - PAST
        end = dt.datetime.combine(today, dt.time()) + AHEAD
        only_series = icalendar.Calendar()
        first_number: dict[str, int] = {}
        for event in events:
            uid = str(event.get("UID", "")).strip()
            if uid in series:
                only_series.add_component(event)
                first_number.setdefault(uid, numbers[id(event)])
        count = 0
        try:
            for occurrence in recurring_ical_events.of(only_series).between(begin, end):
                start = _start(occurrence)
                if start is None:
                    continue
                count += 1
                if count > MAX_OCCURRENCES:
                    report.warnings.append(Refusal(None, f"more than {MAX_OCCURRENCES} occurrences of a recurring "
                                                         "event; the rest were left out"))
                    break
                uid = str(occurrence.get("UID", "")).strip()
                recurrence = occurrence.get("RECURRENCE-ID")
                when = _local(recurrence.dt) if recurrence is not None else start
                key = f"{uid}/{when.isoformat(timespec='minutes')}"
                rows.setdefault(key, _row(occurrence, first_number.get(uid, 0), key, start))
        except Exception as exc:  # a broken RRULE, an unknown time zone…
            raise ImportRefused(source, f"a recurring event cannot be expanded\n{type(exc).__name__}: {exc}") from None
    if not rows and report.refused:
        first = report.refused[0].reason.split("\n")[0]
        raise ImportRefused(source, f"no event could be read (first: {first})")
    return sorted(rows.values(), key=lambda r: (r.start, r.key))


def _take_single(event, number: int, series: set[str], rows: dict[str, EventRow], report: ImportReport) -> None:
    """A single event into ``rows``; a series is left for the expansion (unless it repeats too often)."""
    uid = str(event.get("UID", "")).strip()
    if uid in series and not _too_frequent(event):
        return
    if uid in series and event.get("RECURRENCE-ID") is None:
        # Meetings do not repeat by the hour: such a rule is a mistake, and expanding it would take ages.
        series.discard(uid)
        report.warnings.append(Refusal(number, f"event {number}: repeats more often than daily; only its first "
                                               "occurrence was imported"))
    if event.get("RECURRENCE-ID") is not None:
        return  # a changed occurrence of a series: expanded with it, or of a series the file does not carry
    start = _start(event)
    if start is None:
        report.refused.append(Refusal(number, f"event {number}: no start (DTSTART)"))
        return
    key = uid or f"#event{number}"
    rows.setdefault(key, _row(event, number, key, start))


def _too_frequent(event) -> bool:
    """Whether a rule repeats more often than once a day (by its frequency, or by listing hours and minutes)."""
    rules = event.get("RRULE")
    for rule in rules if isinstance(rules, list) else ([rules] if rules is not None else []):
        try:
            freq = [str(f).upper() for f in rule.get("FREQ", [])]
            per_day = 1
            for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
                per_day *= max(1, len(rule.get(part, [])))
        except Exception:  # noqa: BLE001 - not a rule icalendar could read: the expansion refuses it
            return False
        if any(f in ("SECONDLY", "MINUTELY", "HOURLY") for f in freq) or per_day > 1:
            return True
    return False


def _local(value) -> dt.datetime:
    """A DTSTART as the local wall-clock time the app stores (an all-day event: midnight)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        return value.replace(second=0, microsecond=0)
    return dt.datetime.combine(value, dt.time())


def _start(event) -> dt.datetime | None:
    prop = event.get("DTSTART")
    if prop is None or not isinstance(getattr(prop, "dt", None), dt.date):
        return None
    try:
        return _local(prop.dt)
    except (ValueError, OverflowError, OSError):
        return None


def _text(event, name: str) -> str:
    value = event.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def _attendee(value) -> Attendee | None:
    address = str(value).strip()
    email = address[7:] if address.lower().startswith("mailto:") else (address if "@" in address else "")
    params = getattr(value, "params", {}) or {}
    name = clean_text(str(params.get("CN", "") or "")).strip().strip('"')
    email = email.strip().casefold()
    if not (email or name):
        return None
    return Attendee(email, name)


def channel_of(location: str, description: str, online: str) -> str:
    if online or _ONLINE.search(location) or _ONLINE.search(description):
        return "call"
    if location and (_ADDRESS.search(location) or (_BUILDING.search(location) and not _ROOM.search(location))):
        return "visit"
    return "meeting"


def _row(event, number: int, key: str, start: dt.datetime) -> EventRow:
    location, description = _text(event, "LOCATION"), _text(event, "DESCRIPTION")
    online = " ".join(_text(event, name) for name in _ONLINE_PROPERTIES).strip()
    attendees: list[Attendee] = []
    values = event.get("ATTENDEE")
    values = values if isinstance(values, list) else ([values] if values is not None else [])
    organizer = event.get("ORGANIZER")
    for value in [*values, *([organizer] if organizer is not None else [])]:
        found = _attendee(value)
        if found is not None:
            attendees.append(found)
    summary = clean_text(_text(event, "SUMMARY")).strip()
    return EventRow(number, key[:500], start, channel_of(location, description, online), summary, attendees)
