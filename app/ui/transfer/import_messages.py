"""The importer's reasons (written in English) in the interface language, for the window and the command line.

Each known sentence is matched whole and re-built from its translated template, keeping the names, values
and numbers it carries; a sentence not listed here is shown as it is. A reason may carry a second line: the
parsing library's own words ("no element found", "Expecting ',' delimiter"), kept as they are below our
translated sentence, which says what and where.
"""

from __future__ import annotations

import re

from app.i18n import translate


def _rules() -> list[tuple[re.Pattern, str]]:
    rules = [
        # Where first (card, node, edge), then what: the general sentences below would match these too.
        (r"card (?P<a>\d+): no name \(FN or N\)", translate("ImportMessages", "card %a: no name (FN or N)")),
        (r"card (?P<a>\d+): unreadable \(the property “(?P<b>.*)” is not plain text\)",
         translate("ImportMessages", "card %a: unreadable (the property “%b” is not plain text)")),
        (r"card (?P<a>\d+): unreadable \((?P<b>.*)\)", translate("ImportMessages", "card %a: unreadable (%b)")),
        (r"card (?P<a>\d+): unreadable", translate("ImportMessages", "card %a: unreadable")),
        (r"card (?P<a>\d+): (?P<b>.*)", translate("ImportMessages", "card %a: %b")),
        (r"event (?P<a>\d+): repeats more often than daily; only its first occurrence was imported",
         translate("ImportMessages", "event %a: repeats more often than daily; only its first occurrence was imported")),
        (r"event (?P<a>\d+): unreadable", translate("ImportMessages", "event %a: unreadable")),
        (r"no event could be read \(first: (?P<a>.*)\)", translate("ImportMessages", "no event could be read (first: %a)")),
        (r"event (?P<a>\d+): no start \(DTSTART\)", translate("ImportMessages", "event %a: no start (DTSTART)")),
        (r"no calendar in the file \(no BEGIN:VCALENDAR line\)",
         translate("ImportMessages", "no calendar in the file (no BEGIN:VCALENDAR line)")),
        (r"no event in the file \(no BEGIN:VEVENT\)", translate("ImportMessages", "no event in the file (no BEGIN:VEVENT)")),
        (r"not a readable iCalendar file", translate("ImportMessages", "not a readable iCalendar file")),
        (r"a recurring event cannot be expanded", translate("ImportMessages", "a recurring event cannot be expanded")),
        (r"more than (?P<a>\d+) occurrences of a recurring event; the rest were left out",
         translate("ImportMessages", "more than %a occurrences of a recurring event; the rest were left out")),
        (r"no account named “(?P<a>.*)”; calendar events are logged on an account that has people",
         translate("ImportMessages", "no account named “%a”; calendar events are logged on an account that has people")),
        (r"node (?P<a>\d+): no name and no id", translate("ImportMessages", "node %a: no name and no id")),
        (r"node (?P<a>\d+) “(?P<b>.*)”: (?P<c>.*)", translate("ImportMessages", "node %a “%b”: %c")),
        (r"edge (?P<a>\d+) (?P<b>.*): strength “(?P<c>.*)” is not 1 to 5",
         translate("ImportMessages", "edge %a %b: strength “%c” is not 1 to 5")),
        (r"(?P<c>.*); left unknown", translate("ImportMessages", "%c; left unknown")),
        (r"no name in this row", translate("ImportMessages", "no name in this row")),
        (r"(?P<a>\d+) fields where the header has (?P<b>\d+); the extra ones were left out",
         translate("ImportMessages", "%a fields where the header has %b; the extra ones were left out")),
        (r"line (?P<a>\d+): a quoted field is never closed",
         translate("ImportMessages", "line %a: a quoted field is never closed")),
        (r"line (?P<a>\d+): the row is not well-formed CSV",
         translate("ImportMessages", "line %a: the row is not well-formed CSV")),
        (r"line (?P<a>\d+): not valid (?P<b>\S+)", translate("ImportMessages", "line %a: not valid %b")),
        (r"unknown encoding “(?P<a>.*)”", translate("ImportMessages", "unknown encoding “%a”")),
        (r"no sheet named “(?P<a>.*)” \(the workbook has: (?P<b>.*)\)",
         translate("ImportMessages", "no sheet named “%a” (the workbook has: %b)")),
        (r"not a readable Excel workbook", translate("ImportMessages", "not a readable Excel workbook")),
        (r"no sheet has a header row with a name column \(e\.g\. Name, First Name, 姓名\)",
         translate("ImportMessages", "no sheet has a header row with a name column (e.g. Name, First Name, 姓名)")),
        (r"the sheet “(?P<a>.*)” has no header row with a name column \(e\.g\. Name, First Name, 姓名\)",
         translate("ImportMessages", "the sheet “%a” has no header row with a name column (e.g. Name, First Name, "
                                     "姓名)")),
        (r"link (?P<a>.*) → (?P<b>.*): strength “(?P<c>.*)” is not 1 to 5",
         translate("ImportMessages", "link %a → %b: strength “%c” is not 1 to 5")),
        (r"not well-formed XML \(line (?P<a>\d+), column (?P<b>\d+)\)",
         translate("ImportMessages", "not well-formed XML (line %a, column %b)")),
        (r"not readable XML", translate("ImportMessages", "not readable XML")),
        (r"not a readable JSON file \(line (?P<a>\d+), column (?P<b>\d+)\)",
         translate("ImportMessages", "not a readable JSON file (line %a, column %b)")),
        (r"not a readable JSON file", translate("ImportMessages", "not a readable JSON file")),
        (r"the JSON is nested more than (?P<a>\d+) levels deep; refused",
         translate("ImportMessages", "the JSON is nested more than %a levels deep; refused")),
        (r"not a Stakemap account \(no “format”: “stakemap-account” field\); (?P<a>.*)",
         translate("ImportMessages", "not a Stakemap account (no “format”: “stakemap-account” field); people "
                                     "come in from CSV, XLSX, vCard, GraphML or GEXF")),
        (r"(?P<a>.+ link .+ → .+): “(?P<b>.*)” names several people; give an id",
         translate("ImportMessages", "%a: “%b” names several people; give an id")),
        (r"no name", translate("ImportMessages", "no name")),
        (r"(?P<a>.+): influence must be 1 to 5, not “(?P<b>.*)”",
         translate("ImportMessages", "%a: influence must be 1 to 5, not “%b”")),
        (r"influence must be 1 to 5, not “(?P<b>.*)”", translate("ImportMessages", "influence must be 1 to 5, not “%b”")),
        (r"(?P<a>.+): unknown buying role “(?P<b>.*)”", translate("ImportMessages", "%a: unknown buying role “%b”")),
        (r"(?P<a>.+): unknown stance “(?P<b>.*)”", translate("ImportMessages", "%a: unknown stance “%b”")),
        (r"unknown buying role “(?P<b>.*)”", translate("ImportMessages", "unknown buying role “%b”")),
        (r"unknown stance “(?P<b>.*)”", translate("ImportMessages", "unknown stance “%b”")),
        (r"side must be client or team, not “(?P<b>.*)”", translate("ImportMessages", "side must be client or team, not “%b”")),
        (r"(?P<a>.+ link .+ → .+): “(?P<b>.*)” is not in the file or the account",
         translate("ImportMessages", "%a: “%b” is not in the file or the account")),
        (r"(?P<a>.+ link .+ → .+): a link needs two different people",
         translate("ImportMessages", "%a: a link needs two different people")),
        (r"(?P<a>.+ link .+ → .+): strength must be 1 to 5, not (?P<b>.*)",
         translate("ImportMessages", "%a: strength must be 1 to 5, not %b")),
        (r"(?P<a>.+ link .+ → .+): unknown link kind “(?P<b>.*)”", translate("ImportMessages", "%a: unknown link kind “%b”")),
        (r"(?P<a>.+ link .+ → .+): a covers link goes from a team member to a customer's person",
         translate("ImportMessages", "%a: “our relationship” goes from a team member to a customer's person")),
        (r"the file is empty", translate("ImportMessages", "the file is empty")),
        (r"no header row with a name column \(e\.g\. Name, First Name, 姓名\)",
         translate("ImportMessages", "no header row with a name column (e.g. Name, First Name, 姓名)")),
        (r"cannot tell the text encoding; give one with --encoding",
         translate("ImportMessages", "cannot tell the text encoding; choose one under Encoding")),
        (r"not readable as (?P<a>\S+): (?P<b>.*)", translate("ImportMessages", "not readable as %a: %b")),
        (r"not readable as (?P<a>\S+)", translate("ImportMessages", "not readable as %a")),
        (r"cannot read the file: (?P<a>.*)", translate("ImportMessages", "cannot read the file: %a")),
        (r"the file declares XML entities \(an entity-expansion attack\?\); refused",
         translate("ImportMessages", "the file declares XML entities (a possible entity-expansion attack); refused")),
        (r"the file refers to an external XML entity \((?P<a>.*)\); refused",
         translate("ImportMessages", "the file refers to an external XML entity (%a); refused")),
        (r"the file refers to external XML entities or documents; refused",
         translate("ImportMessages", "the file refers to external XML entities or documents; refused")),
        (r"the file has a document type declaration; refused",
         translate("ImportMessages", "the file has a document type declaration; refused")),
        (r"not well-formed XML: (?P<a>.*)", translate("ImportMessages", "not well-formed XML: %a")),
        (r"not GraphML \(the root element is (?P<a>.*)\)", translate("ImportMessages", "not GraphML (the root element is %a)")),
        (r"not GEXF \(the root element is (?P<a>.*)\)", translate("ImportMessages", "not GEXF (the root element is %a)")),
        (r"no <graph> element", translate("ImportMessages", "no <graph> element")),
        (r"no vCard in the file \(no BEGIN:VCARD line\)",
         translate("ImportMessages", "no vCard in the file (no BEGIN:VCARD line)")),
        (r"the file is larger than (?P<a>\d+) MB", translate("ImportMessages", "the file is larger than %a MB")),
        (r"no person could be imported(?P<a>.*)", translate("ImportMessages", "no person could be imported%a")),
        (r"not a readable JSON file: (?P<a>.*)", translate("ImportMessages", "not a readable JSON file: %a")),
        (r"account “(?P<a>.*)” already exists and has people or records; (?P<b>.*)",
         translate("ImportMessages", "account “%a” already exists and has people or records; import into a new account")),
        # A Stakemap JSON file's records: where (people[3] “张伟”), which field, then what is wrong with it.
        (r"expected text, not (?P<a>.*)", translate("ImportMessages", "expected text, not %a")),
        (r"expected a number, not (?P<a>.*)", translate("ImportMessages", "expected a number, not %a")),
        (r"expected a whole number from (?P<a>-?\d+) to (?P<b>-?\d+), not (?P<d>.*)",
         translate("ImportMessages", "expected a whole number from %a to %b, not %d")),
        (r"expected a whole number, not (?P<a>.*)", translate("ImportMessages", "expected a whole number, not %a")),
        (r"unknown value (?P<a>.*) \(one of (?P<b>.*)\)", translate("ImportMessages", "unknown value %a (one of %b)")),
        (r"expected true or false, not (?P<a>.*)", translate("ImportMessages", "expected true or false, not %a")),
        (r"expected an ISO date, not (?P<a>.*)", translate("ImportMessages", "expected an ISO date, not %a")),
        (r"expected an ISO datetime, not (?P<a>.*)", translate("ImportMessages", "expected an ISO date and time, not %a")),
        (r"expected a decimal amount, not (?P<a>.*)", translate("ImportMessages", "expected a decimal amount, not %a")),
        (r"expected a decimal amount of 0 or more, not (?P<a>.*)",
         translate("ImportMessages", "expected a decimal amount of 0 or more, not %a")),
        (r"not a Stakemap account: expected an object with “account”, “people”, …",
         translate("ImportMessages", "not a Stakemap account: expected an object with “account”, “people”, …")),
        (r"(?P<a>.+): expected an object", translate("ImportMessages", "%a: expected an object")),
        (r"(?P<a>.+): expected a list", translate("ImportMessages", "%a: expected a list")),
        (r"(?P<a>.+): (?P<b>[a-z_]+) is missing", translate("ImportMessages", "%a: %b is missing")),
        (r"(?P<a>.+): ref (?P<b>.*) is not text or is used twice",
         translate("ImportMessages", "%a: ref %b is not text or is used twice")),
        (r"(?P<a>.+): (?P<b>[a-z_]+) “(?P<d>.*)” is unknown", translate("ImportMessages", "%a: %b “%d” is unknown")),
        (r"(?P<a>.+): (?P<b>[a-z_]+) “(?P<d>.*)” is ambiguous: give its ref",
         translate("ImportMessages", "%a: %b “%d” is ambiguous: give its ref")),
        (r"(?P<a>.+): (?P<b>[a-z_]+) refers to (?P<d>.*), which is not .* in the file",
         translate("ImportMessages", "%a: %b refers to %d, which is not in the file")),
        (r"(?P<a>.+): a link needs two different people", translate("ImportMessages", "%a: a link needs two different people")),
        (r"(?P<a>.+): a participant names nobody", translate("ImportMessages", "%a: a participant names nobody")),
        (r"(?P<a>.+?): (?P<b>[a-z_]+): (?P<c>.+)", translate("ImportMessages", "%a: %b: %c")),
    ]
    return [(re.compile(pattern + r"\Z", re.S), template) for pattern, template in rules]


def localize(message: str) -> str:
    head, newline, detail = message.partition("\n")
    if newline:
        return localize(head) + "\n" + detail
    for pattern, template in _rules():
        found = pattern.match(message)
        if found:
            text = template
            for name, value in found.groupdict().items():
                text = text.replace(f"%{name}", localize(value) if name == "c" else value)
            return text
    return message


def calendar_summary(report, dry_run: bool) -> str:
    """What a calendar import logs: interactions added, events imported before, events with nobody of the
    account."""
    if dry_run:
        text = translate("ImportCommand", "%1 interactions to add, %2 already imported, %3 events skipped")
    else:
        text = translate("ImportCommand", "%1 interactions added, %2 already imported, %3 events skipped")
    for n, value in enumerate((report.interactions_added, report.events_known, report.events_skipped), start=1):
        text = text.replace(f"%{n}", str(value))
    return text
