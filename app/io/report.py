"""What an import did, or would do with --dry-run: shown in the preview and printed by the command line."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Refusal:
    line: int | None  # line (CSV), card number (vCard) or element (GraphML) where the problem is; None for the file
    reason: str


@dataclass
class ImportReport:
    source: str  # the file
    format: str  # csv | xlsx | vcard | graphml | gexf | json | ics
    encoding: str | None = None  # what was detected or given (text formats)
    created: list[str] = field(default_factory=list)  # names of people (and team members) added
    updated: list[str] = field(default_factory=list)  # names of people matched and given new details
    skipped: list[str] = field(default_factory=list)  # names matched with nothing new to add
    links_created: int = 0
    refused: list[Refusal] = field(default_factory=list)  # rows not imported, each with where and why
    warnings: list[Refusal] = field(default_factory=list)  # rows imported with a field left unknown, and why
    matched_by_name: list[str] = field(default_factory=list)  # matches that rest on the name alone
    sheet: str | None = None  # the worksheet read (XLSX)
    sheets: list[str] = field(default_factory=list)  # every worksheet of the workbook (XLSX)
    sample: str | None = None  # the first lines as decoded (text formats), for the preview
    unknown_columns: list[str] = field(default_factory=list)  # columns (or attributes) that were not used
    account_created: bool = False
    interactions_added: int = 0  # calendar events logged as interactions (or to log, on a dry run)
    events_known: int = 0  # calendar events logged by an earlier import of the same file
    events_skipped: int = 0  # calendar events with nobody of the account among their attendees
    # Every calendar event read: (added | known | skipped, start, channel, summary, who) — who are the
    # participants matched, or for a skipped event the attendees as the calendar names them.
    events: list[tuple] = field(default_factory=list)
    applied: bool = False  # False for a dry run, or when the whole file was refused

    def summary(self) -> str:
        if self.format == "ics":
            added = "to add" if not self.applied else "added"
            return (f"{self.interactions_added} interactions {added}, {self.events_known} already imported, "
                    f"{self.events_skipped} events skipped")
        parts = [f"{len(self.created)} to create" if not self.applied else f"{len(self.created)} created",
                 f"{len(self.updated)} updated", f"{len(self.skipped)} unchanged", f"{self.links_created} links",
                 f"{len(self.refused)} refused"]
        return ", ".join(parts)


class ImportRefused(Exception):
    """The whole file cannot be imported (wrong format, unreadable, an XML bomb…); nothing was written."""

    def __init__(self, source: str, reason: str) -> None:
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")
