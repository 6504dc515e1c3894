"""The dashboard as an Excel workbook for the review meeting: one sheet per table, ready to sort and filter.

Sheets, in order: Accounts (one row per account), Coverage by role (accounts × ROLE_COLUMNS), Structural risk
(one row per cut-point, or one for a single-threaded account without any), Interactions per month.

This package knows nothing of Qt, so it cannot translate: every sheet name, header and word comes from the
caller in `labels`, a dict with every key of LABEL_KEYS (app.export.dashboard_pdf.xlsx_labels builds
it in the interface language). Keys, and what each one names:

- ``sheet_accounts``, ``sheet_roles``, ``sheet_risks``, ``sheet_months`` — the sheets' names (characters that
  Excel forbids in a sheet name are replaced, and the name is cut to 31 characters);
- ``account``, ``tier``, ``owner``, ``people``, ``team_members``, ``coverage``, ``gaps``, ``gap_names``,
  ``single_threaded``, ``support_index``, ``open_actions``, ``overdue_actions``, ``last_interaction``,
  ``days_since``, ``pipeline`` — the Accounts headers; ``pipeline_currency`` is the header of one currency's
  numeric column, with ``%1`` standing for the currency code ("Pipeline (%1)");
- ``yes``, ``no`` — the single-threaded column's values;
- ``tier_<tier>`` for each of app.models.enums.TIERS — the tiers' names (any other tier is shown as stored);
- ``role_<role>`` for each of ROLE_COLUMNS — the Coverage by role headers;
- ``nobody`` — the text of a role cell when nobody on the map holds the role;
- ``legend_cell`` — what a role cell's "1/2" counts; ``legend_all``, ``legend_some``, ``legend_none``,
  ``legend_nobody`` — what each cell colour means, each written beside a swatch of its colour;
- ``sole_member``, ``cut_point``, ``side``, ``cuts_off`` — the Structural risk headers; ``side_client`` and
  ``side_team`` — the values of ``side``;
- ``month``, ``interactions`` — the Interactions per month headers.

Text cells are typed as strings, which no spreadsheet evaluates, so a name such as ``=HYPERLINK(...)`` stays
text (as in app.io.export_tables). The file is written atomically.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.io.atomic import write_atomically
from app.models.enums import TIERS
from app.portfolio.coverage_table import ROLE_COLUMNS
from app.portfolio.snapshot import (
    CELL_COLOURS,
    CELL_STATES,
    PortfolioData,
    cell_state,
    cell_text,
    currencies,
    pipeline_text,
)

LABEL_KEYS = (
    "sheet_accounts", "sheet_roles", "sheet_risks", "sheet_months",
    "account", "tier", "owner", "people", "team_members", "coverage", "gaps", "gap_names", "single_threaded",
    "support_index", "open_actions", "overdue_actions", "last_interaction", "days_since", "pipeline",
    "pipeline_currency",
    "yes", "no",
    *(f"tier_{tier}" for tier in TIERS),
    *(f"role_{role}" for role in ROLE_COLUMNS),
    "nobody",
    "legend_cell",
    *(f"legend_{state}" for state in CELL_STATES),
    "sole_member", "cut_point", "side", "cuts_off", "side_client", "side_team",
    "month", "interactions",
)

HEADER_FILL = PatternFill("solid", fgColor="ECEFF1")
HEADER_FONT = Font(bold=True)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
NAME_SEPARATOR = ", "
MIN_WIDTH, MAX_WIDTH, MAX_HEADER_WIDTH = 6, 60, 18  # in characters; a longer header wraps instead
FORBIDDEN_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def write_dashboard_xlsx(data: PortfolioData, path: str | Path, labels: dict[str, str], *,
                         money=pipeline_text, names_separator: str = NAME_SEPARATOR) -> None:
    """Write `data` as a workbook at `path`, replacing any file there only once the new one is complete.

    `labels` must hold every key of LABEL_KEYS (a KeyError names those missing); other keys are ignored.
    ``money(pipeline)`` writes a pipeline's text column and ``names_separator`` joins names, so that both
    follow the interface's language (app.i18n.money); the amounts' own columns stay numbers.
    """
    missing = [key for key in LABEL_KEYS if key not in labels]
    if missing:
        raise KeyError(f"labels missing: {', '.join(missing)}")
    book = Workbook()
    names = _sheet_names([labels[key] for key in ("sheet_accounts", "sheet_roles", "sheet_risks", "sheet_months")])
    accounts = book.active
    accounts.title = names[0]
    _accounts(accounts, data, labels, money, names_separator)
    _roles(book.create_sheet(names[1]), data, labels)
    _risks(book.create_sheet(names[2]), data, labels, names_separator)
    _months(book.create_sheet(names[3]), data, labels)
    write_atomically(Path(path), lambda temp: book.save(temp))


def _accounts(sheet, data: PortfolioData, labels: dict[str, str], money, names_separator: str) -> None:
    found = currencies(data.rows)
    header = [labels[key] for key in ("account", "tier", "owner", "people", "team_members", "coverage", "gaps",
                                      "gap_names", "single_threaded", "support_index", "open_actions",
                                      "overdue_actions", "last_interaction", "days_since", "pipeline")]
    header += [labels["pipeline_currency"].replace("%1", currency) for currency in found]
    formats = [None, None, None, "0", "0", "0%", "0", None, None, "0.00", "0", "0", "yyyy-mm-dd", "0", None]
    formats += ["#,##0.00"] * len(found)
    rows = []
    for row in data.rows:
        tier = labels.get(f"tier_{row.tier}", row.tier) if row.tier else None
        rows.append([
            row.account, tier, row.owner, row.people, row.team_members, row.coverage_score, row.gaps,
            names_separator.join(row.gap_names), labels["yes"] if row.single_threaded else labels["no"],
            row.support_index, row.open_actions, row.overdue_actions, row.last_interaction,
            row.days_since_last_interaction, money(row.pipeline),
            *(row.pipeline.get(currency) for currency in found),
        ])
    _table(sheet, header, rows, formats, freeze="B2")


def _roles(sheet, data: PortfolioData, labels: dict[str, str]) -> None:
    header = [labels["account"]] + [labels[f"role_{role}"] for role in ROLE_COLUMNS]
    rows = [[row.account] + [cell_text(data.roles[row.account_id][role], labels["nobody"])
                             if row.account_id in data.roles else "" for role in ROLE_COLUMNS]
            for row in data.rows]
    _table(sheet, header, rows, [None] * len(header), freeze="B2")
    fills = {state: PatternFill("solid", fgColor=colour.lstrip("#").upper()) for state, colour in CELL_COLOURS.items()}
    for number, row in enumerate(data.rows, start=2):
        cells = data.roles.get(row.account_id)
        if cells is None:
            continue
        for column, role in enumerate(ROLE_COLUMNS, start=2):
            target = sheet.cell(row=number, column=column)
            target.fill = fills[cell_state(cells[role])]
            target.alignment = Alignment(horizontal="center")
    # The legend stands beside the matrix rather than under it, where a long list of accounts would hide it:
    # a swatch of each colour and what it means.
    column = len(header) + 2
    _put(sheet.cell(row=1, column=column + 1), labels["legend_cell"])
    for number, state in enumerate(CELL_STATES, start=2):
        sheet.cell(row=number, column=column).fill = fills[state]
        _put(sheet.cell(row=number, column=column + 1), labels[f"legend_{state}"])
    sheet.column_dimensions[get_column_letter(column)].width = 4
    sheet.column_dimensions[get_column_letter(column + 1)].width = min(
        MAX_WIDTH, max(_width(labels[key]) for key in ("legend_cell", *(f"legend_{s}" for s in CELL_STATES))) + 2)


def _risks(sheet, data: PortfolioData, labels: dict[str, str], names_separator: str) -> None:
    header = [labels[key] for key in ("account", "sole_member", "cut_point", "side", "cuts_off")]
    rows = []
    for risk in data.risks:
        if not risk.cut_points:
            rows.append([risk.account, risk.sole_member, None, None, None])
        for point in risk.cut_points:
            rows.append([risk.account, risk.sole_member, point.name, labels.get(f"side_{point.side}", point.side),
                         names_separator.join(point.cuts_off)])
    _table(sheet, header, rows, [None] * len(header), freeze="B2")


def _months(sheet, data: PortfolioData, labels: dict[str, str]) -> None:
    _table(sheet, [labels["month"], labels["interactions"]], [list(month) for month in data.months],
           ["yyyy-mm", "0"], freeze="A2")


def _table(sheet, header: list[str], rows: list[list], formats: list[str | None], freeze: str) -> None:
    """Header in row 1 (bold, wrapped), `rows` below, frozen panes, an autofilter and fitted column widths."""
    widths = [min(_width(title), MAX_HEADER_WIDTH) for title in header]
    for column, title in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=column)
        _put(cell, title)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            cell = sheet.cell(row=number, column=column)
            _put(cell, value)
            if formats[column - 1] and not isinstance(value, str):
                cell.number_format = formats[column - 1]
            widths[column - 1] = max(widths[column - 1], _shown_width(value, formats[column - 1]))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(1, len(rows)) + 1}"


def _put(cell, value) -> None:
    if isinstance(value, str):
        # Assigning through .value would turn "=…" into a formula; setting the type after the value keeps it
        # the literal text. Control characters (from an import, say) would make openpyxl refuse the whole file.
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
        cell.number_format = "@"
    else:
        cell.value = value


def _width(value: str) -> int:
    """Width in Excel's character units: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


def _shown_width(value, number_format: str | None) -> int:
    if isinstance(value, str):
        return _width(value)
    if isinstance(value, dt.date):
        return 10
    if number_format == "0%":
        return 4
    if number_format == "#,##0.00":
        return len(f"{value:,.2f}")
    if isinstance(value, float):
        return len(f"{value:.2f}")
    return len(str(value))


def _sheet_names(titles: list[str]) -> list[str]:
    """Titles Excel accepts: none of []:*?/\\, at most 31 characters, not blank, no two alike."""
    names: list[str] = []
    for number, title in enumerate(titles, start=1):
        name = FORBIDDEN_IN_SHEET_NAMES.sub("-", ILLEGAL_CHARACTERS_RE.sub("", title)).strip("' ")[:31]
        name = name or f"Sheet{number}"
        while name.lower() in (taken.lower() for taken in names):
            name = f"{name[:28]} {number}"
        names.append(name)
    return names
