"""An account's people (and links) as CSV for Excel and as XLSX.

Formula injection: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
tools, a tab or a line break before one) as a formula, so a contact named ``=HYPERLINK(...)`` could
exfiltrate data or run commands. In CSV every such cell gets the leading apostrophe that OWASP recommends,
the phone column included: ``+86 138 0000 0000`` is itself read as a formula (and shown as an error) by
Excel, and a phone-looking exception would also let ``+1-1`` or ``-2+3`` through. The price is a visible
``'`` in front of international numbers in some tools; ``unneutralise`` takes it off again, and the import
of our own CSV uses it so a round trip gives back ``+86 …``. A value that itself starts with an apostrophe
gets one more, so that taking one off is always exact. The XLSX export needs none of this: every text cell
is typed as a string there, which no spreadsheet evaluates, so numbers show as they are.

Archived people are left out, as on the map.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy.orm import Session

from app.io.atomic import write_atomically
from app.io.export_graph import PRIVATE_LINK_KINDS, PRIVATE_PERSON_FIELDS, AnalysedMap, analysed_map, node_id
from app.io.rows import strip_controls

PEOPLE_COLUMNS = ("name", "ref", "title", "department", "role", "stance", "influence", "email", "phone",
                  "competitor_preference", "notes", "manager", "manager_ref", "side", "team_role", "influence_score",
                  "coverage_level")
PERSON_VALUES = ("name", "title", "department", "role", "stance", "influence", "email", "phone",
                 "competitor_preference", "notes")
LINK_COLUMNS = ("source", "source_ref", "target", "target_ref", "kind", "strength", "notes")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
QUOTE = "'"


def neutralise(value: str) -> str:
    if value.startswith(FORMULA_STARTS) or (value.startswith(QUOTE) and value[1:].startswith((*FORMULA_STARTS,
                                                                                              QUOTE))):
        return QUOTE + value
    return value


def unneutralise(value: str) -> str:
    """The cell's original text, for reading back a CSV that ``neutralise`` wrote."""
    if value.startswith(QUOTE) and value[1:].startswith((*FORMULA_STARTS, QUOTE)):
        return value[1:]
    return value


def people_table(amap: AnalysedMap, shareable: bool = False) -> tuple[list[str], list[list]]:
    columns = [c for c in PEOPLE_COLUMNS if not (shareable and c in PRIVATE_PERSON_FIELDS)]
    rows = []
    names = {("person", p.id): p.name for p in amap.data.people if not p.archived}
    names.update({("member", m.id): m.name for m in amap.data.members})
    # The manager column carries the org chart (the first reporting line of each person); the Links sheet of
    # the workbook carries every link.
    managers: dict[tuple[str, int], tuple[str, int]] = {}
    for link in amap.data.links:
        if link.kind == "reports_to" and link.target in names:
            managers.setdefault(link.source, link.target)
    for person in amap.data.people:
        if person.archived:
            continue
        key = ("person", person.id)
        result = amap.results.get(key)
        manager = managers.get(key)
        values = {
            **{c: getattr(person, c, None) for c in PERSON_VALUES},
            "ref": node_id(key),
            "manager": names[manager] if manager else None,
            "manager_ref": node_id(manager) if manager else None,
            "side": "client", "team_role": None,
            "influence_score": round(result.influence_score, 6) if result else None,
            "coverage_level": result.coverage_level if result else None,
        }
        rows.append([values[c] for c in columns])
    for member in amap.data.members:
        key = ("member", member.id)
        values = {"name": member.name, "ref": node_id(key), "title": member.title, "email": member.email,
                  "phone": member.phone, "notes": member.notes, "side": "team", "team_role": member.team_role}
        rows.append([values.get(c) for c in columns])
    return columns, rows


def links_table(amap: AnalysedMap, shareable: bool = False) -> tuple[list[str], list[list]]:
    columns = [c for c in LINK_COLUMNS if not (shareable and c == "notes")]
    names = {("person", p.id): p.name for p in amap.data.people if not p.archived}
    names.update({("member", m.id): m.name for m in amap.data.members})
    rows = []
    for link in amap.data.links:
        if (shareable and link.kind in PRIVATE_LINK_KINDS) or link.source not in names or link.target not in names:
            continue
        values = {"source": names[link.source], "source_ref": node_id(link.source), "target": names[link.target],
                  "target_ref": node_id(link.target), "kind": link.kind, "strength": link.strength,
                  "notes": link.notes}
        rows.append([values[c] for c in columns])
    return columns, rows


def _csv_cell(value) -> str:
    if value is None:
        return ""
    return neutralise(strip_controls(value) if isinstance(value, str) else str(value))


def write_csv(session: Session, account_id: int, path: str | Path, shareable: bool = False) -> None:
    columns, rows = people_table(analysed_map(session, account_id), shareable)

    def write(temp: Path) -> None:
        # utf-8-sig writes the byte order mark without which Excel reads Chinese as mojibake.
        with open(temp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows([_csv_cell(v) for v in row] for row in rows)

    write_atomically(Path(path), write)


def write_xlsx(session: Session, account_id: int, path: str | Path, shareable: bool = False,
               labels: dict[str, dict] | None = None) -> None:
    """``labels`` ({"role": {id: label}, "stance": …, "kind": …}) puts the interface language's words in those
    columns instead of the identifiers; the importer reads both."""
    from openpyxl import Workbook

    amap = analysed_map(session, account_id)
    book = Workbook()
    people = book.active
    people.title = "People"
    _fill(people, *_labelled(*people_table(amap, shareable), labels))
    _fill(book.create_sheet("Links"), *_labelled(*links_table(amap, shareable), labels))
    write_atomically(Path(path), lambda temp: book.save(temp))


def _labelled(columns: list[str], rows: list[list], labels: dict[str, dict] | None) -> tuple[list[str], list[list]]:
    if not labels:
        return columns, rows
    where = [(i, labels[c]) for i, c in enumerate(columns) if c in labels]
    for row in rows:
        for i, names in where:
            row[i] = names.get(row[i], row[i])
    return columns, rows


def _width(value) -> int:
    """Columns wide enough for their text: a CJK character takes two widths of a Latin one."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2e80 else 1 for ch in text.split("\n")[0])


def _fill(sheet, columns: list[str], rows: list[list]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append(columns)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    widths = [_width(c) for c in columns]
    for number, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=number, column=col)
            if isinstance(value, str):
                # Assigning through .value would turn "=…" into a formula; setting the type after the value
                # keeps it the literal text, and "@" tells Excel to keep "+86…" or "00123" as typed.
                cell.value = strip_controls(value)
                cell.data_type = "s"
                cell.number_format = "@"
            else:
                cell.value = value
            widths[col - 1] = max(widths[col - 1], _width(value))
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(60, max(8, width + 2))
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
