"""The dashboard over all key accounts as a PDF for the review meeting, and the words of its XLSX twin.

A4 landscape. The first page opens with the title, the date and one line of headline counts; then the accounts,
the least covered first; the buying roles of each account, coloured and in words; the structural risks; the
interactions of the last twelve months; then each chart of the dashboard on a page of its own. The text is laid
out by QTextDocument, as in the meeting pack (searchable, the interface font embedded, Chinese included); the
charts are QPictures recorded on the GUI thread, so `write_dashboard_pdf` itself runs on any thread.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPicture, QTextCursor, QTextDocument, QTextFormat, QTextTable

from app.export import page_kit as kit
from app.export.brief_html import STYLE, SUBTLE
from app.export.pictures import play
from app.i18n import labels as vocabulary
from app.i18n import translate
from app.i18n.language import current, join_names, money_totals
from app.io.atomic import write_atomically
from app.portfolio.coverage_table import ROLE_COLUMNS, AccountRow
from app.portfolio.snapshot import (
    CELL_COLOURS,
    CELL_STATES,
    QUIET_DAYS,
    PortfolioData,
    cell_state,
    cell_text,
    summarise,
)

BODY_PIXELS = 9
GAP_NAMES_SHOWN = 4  # the rest are in the workbook; a row of twenty names would hide the others
TITLE_SPACE = round(kit.TITLE_HEIGHT - kit.HEADING_HEIGHT)
KEEP_WITH_HEADING = 30.0  # points of text that must follow a heading on its page when no table does
RULE = "#cfd8dc"
TABLE = (f"<table width='100%' cellspacing='0' cellpadding='2' border='1' "
         f"style='border-collapse: collapse; border-color: {RULE};'>")
EXTRA_STYLE = f" td {{ vertical-align: top; }} .legend {{ color: {SUBTLE}; }}"


def xlsx_labels() -> dict[str, str]:
    """Every key of app.portfolio.workbook.LABEL_KEYS in the interface language, for write_dashboard_xlsx."""
    result = {
        "sheet_accounts": translate("DashboardExport", "Accounts"),
        "sheet_roles": translate("DashboardExport", "Coverage by role"),
        "sheet_risks": translate("DashboardExport", "Structural risk"),
        "sheet_months": translate("DashboardExport", "Interactions per month"),
        "account": translate("DashboardExport", "Account"),
        "tier": translate("DashboardExport", "Tier"),
        "owner": translate("DashboardExport", "Owner"),
        "people": translate("DashboardExport", "People"),
        "team_members": translate("DashboardExport", "Team members"),
        "coverage": translate("DashboardExport", "Coverage"),
        "gaps": translate("DashboardExport", "Gaps"),
        "gap_names": translate("DashboardExport", "Key people not covered"),
        "single_threaded": translate("DashboardExport", "Single-threaded"),
        "support_index": translate("DashboardExport", "Support index"),
        "open_actions": translate("DashboardExport", "Open actions"),
        "overdue_actions": translate("DashboardExport", "Overdue actions"),
        "last_interaction": translate("DashboardExport", "Last interaction"),
        "days_since": translate("DashboardExport", "Days since last interaction"),
        "pipeline": translate("DashboardExport", "Open pipeline"),
        "pipeline_currency": translate("DashboardExport", "Pipeline (%1)"),
        "yes": translate("DashboardExport", "yes"),
        "no": translate("DashboardExport", "no"),
        "nobody": translate("DashboardExport", "nobody"),
        "legend_cell": translate("DashboardExport", "Each cell: people of the role we know at least as a working "
                                                    "relationship / people of the role on the map."),
        "legend_all": translate("DashboardExport", "Green, 2/2: everyone in the role is covered (working "
                                                   "relationship or better)"),
        "legend_some": translate("DashboardExport", "Amber, 1/2: some of them are covered"),
        "legend_none": translate("DashboardExport", "Red, 0/2: none of them is covered"),
        "legend_nobody": translate("DashboardExport", "Grey: nobody on the map holds the role"),
        "sole_member": translate("DashboardExport", "Sole relationship holder"),
        "cut_point": translate("DashboardExport", "Cut-point"),
        "side": translate("DashboardExport", "Side"),
        "cuts_off": translate("DashboardExport", "Cuts off"),
        "side_client": translate("DashboardExport", "client"),
        "side_team": translate("DashboardExport", "our team"),
        "month": translate("DashboardExport", "Month"),
        "interactions": translate("DashboardExport", "Interactions"),
    }
    result.update({f"tier_{tier}": name for tier, name in vocabulary.tiers().items()})
    roles = vocabulary.buying_roles()
    result.update({f"role_{role}": roles[role] for role in ROLE_COLUMNS})
    return result


def write_dashboard_pdf(data: PortfolioData, path: str | Path,
                        charts: list[tuple[str, QPicture, QSize]] | None = None, author: str | None = None,
                        progress=None) -> None:
    """Write the dashboard to `path`, replacing any file there only once the new one is complete.

    `charts` are (title, picture, the picture's size in its own units), each drawn on a page of its own; record
    them on the GUI thread (app.export.pictures.record_widget). Runs on any thread: no widget is touched.
    """
    usable = [(title, picture, size) for title, picture, size in charts or ()
              if size.width() > 0 and size.height() > 0]
    html = _html(data, xlsx_labels())
    write_atomically(Path(path), lambda temp: _write_pdf(data, html, usable, author, temp, progress))


# -- the text ---------------------------------------------------------------------------------------------
def _e(value) -> str:
    return escape(str(value)) if value is not None else ""


def _tag(tag: str, text: str, css: str | None = None) -> str:
    attribute = f" class='{css}'" if css else ""
    return f"<{tag}{attribute}>{_e(text)}</{tag}>"


def _warning(text: str) -> str:
    return f"<span class='warning'>{_e(text)}</span>"


def _table(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset(),
           widths: dict[int, int] | None = None, nowrap: set[int] = frozenset()) -> str:
    """`rows` are HTML already; `widths` are percentages of some columns; cells of the `nowrap` columns stay
    on one line. The header is repeated at the top of every page the table runs onto."""
    widths = widths or {}

    def attributes(column: int, head: bool = False) -> str:
        width = f" width='{widths[column]}%'" if column in widths else ""
        align = " align='right'" if column in numeric else ""
        return width + align + (" style='white-space: nowrap;'" if column in nowrap and not head else "")

    head = "".join(f"<th{attributes(column, True)}>{_e(title)}</th>" for column, title in enumerate(header))
    body = "".join("<tr>" + "".join(f"<td{attributes(column)}>{cell}</td>" for column, cell in enumerate(row))
                   + "</tr>" for row in rows)
    return f"{TABLE}<thead><tr>{head}</tr></thead>{body}</table>"


def _html(data: PortfolioData, labels: dict[str, str]) -> str:
    # Least covered first: the accounts to talk about lead both tables.
    rows = sorted(data.rows, key=lambda row: (row.coverage_score, row.account))
    # A block's top margin is dropped at the top of a page, so the band is a line of that height.
    parts = [f"<p style='line-height: {TITLE_SPACE}px; margin: 0;'>&nbsp;</p>", f"<p>{_summary(data)}</p>",
             _tag("h2", translate("DashboardExport", "Accounts, least covered first")),
             _accounts(rows, labels),
             _tag("h2", translate("DashboardExport", "Coverage of the buying roles")),
             _roles(rows, data, labels),
             _tag("h2", labels["sheet_risks"]),
             _risks(data, labels),
             _tag("h2", translate("DashboardExport", "Interactions in the last twelve months")),
             _months(data, labels)]
    return f"<html><head><style>{STYLE}{EXTRA_STYLE}</style></head><body>{''.join(parts)}</body></html>"


def _summary(data: PortfolioData) -> str:
    counts = summarise(data)
    line = _e(translate("DashboardExport", "%1 accounts · %2 single-threaded · %3 with an economic buyer or "
                                           "decision-maker not covered · %4 quiet for %5 days or more · "
                                           "%6 overdue actions"))
    for number, value in enumerate((counts.accounts, counts.single_threaded, counts.uncovered_deciders,
                                    counts.quiet, QUIET_DAYS, counts.overdue_actions), start=1):
        line = line.replace(f"%{number}", f"<b>{value}</b>")
    return line


def _accounts(rows: list[AccountRow], labels: dict[str, str]) -> str:
    header = [labels[key] for key in ("account", "tier", "owner", "people", "coverage", "gaps", "single_threaded",
                                      "support_index", "open_actions", "overdue_actions", "days_since",
                                      "pipeline")]
    never = translate("DashboardExport", "never")
    separator = "；" if current() == "zh_CN" else "; "  # between the currencies of a pipeline
    table = []
    for row in rows:
        gaps = str(row.gaps)
        if row.gap_names:
            names = join_names(row.gap_names[:GAP_NAMES_SHOWN])
            if row.gaps > GAP_NAMES_SHOWN:
                names += " " + translate("DashboardExport", "+%1 more").replace("%1", str(row.gaps - GAP_NAMES_SHOWN))
            gaps = f"{row.gaps}: <span class='subtle'>{_e(names)}</span>"
        threaded = _warning(translate("DashboardExport", "single-threaded")) if row.single_threaded else ""
        overdue = str(row.overdue_actions)
        if row.overdue_actions:  # in words as well as in red
            overdue = _warning(translate("DashboardExport", "%1 overdue").replace("%1", str(row.overdue_actions)))
        support = "" if row.support_index is None else f"{row.support_index:+.2f}".replace("-", "−")
        days = never if row.days_since_last_interaction is None else str(row.days_since_last_interaction)
        table.append([
            f"<b>{_e(row.account)}</b>", _e(labels.get(f"tier_{row.tier}", row.tier)), _e(row.owner),
            str(row.people), f"{round(row.coverage_score * 100)}%", gaps, threaded, support,
            str(row.open_actions), overdue, _e(days), _unbroken(money_totals(row.pipeline), separator),
        ])
    if not table:
        return _tag("p", translate("DashboardExport", "No accounts yet."), "subtle")
    # Shares of the width; left to itself, Qt gives the long headers the room that the names need.
    widths = dict(enumerate((13, 6, 8, 5, 7, 13, 10, 6, 6, 7, 7, 12)))
    return _table(header, table, numeric={3, 4, 7, 8, 9, 10}, widths=widths, nowrap={6, 9})


def _unbroken(text: str, separator: str) -> str:
    """`text` that may wrap only after a `separator`: "CNY 1,200,000" stays on one line."""
    return separator.join(_e(part).replace(" ", "&nbsp;") for part in text.split(separator))


def _roles(rows: list[AccountRow], data: PortfolioData, labels: dict[str, str]) -> str:
    # A row of colour swatches, each beside its meaning (which quotes a sample cell's text), so that a long
    # translation wraps within its own cell.
    legend = "".join(f"<td bgcolor='{CELL_COLOURS[state]}'>&nbsp;&nbsp;&nbsp;&nbsp;</td>"
                     f"<td class='legend'>&nbsp;{_e(labels['legend_' + state])}&nbsp;&nbsp;</td>"
                     for state in CELL_STATES)
    parts = [_tag("p", labels["legend_cell"], "legend"),
             f"<table cellspacing='0' cellpadding='1'><tr>{legend}</tr></table><p></p>"]
    header = [labels["account"]] + [labels[f"role_{role}"] for role in ROLE_COLUMNS]
    body = []
    for row in rows:
        cells = data.roles.get(row.account_id)
        line = f"<tr><td>{_e(row.account)}</td>"
        for role in ROLE_COLUMNS:
            if cells is None:
                line += "<td></td>"
                continue
            cell = cells[role]
            line += (f"<td align='center' bgcolor='{CELL_COLOURS[cell_state(cell)]}'>"
                     f"{_e(cell_text(cell, labels['nobody']))}</td>")
        body.append(line + "</tr>")
    if not body:
        return _tag("p", translate("DashboardExport", "No accounts yet."), "subtle")
    head = "<thead><tr>" + "".join(f"<th>{_e(title)}</th>" for title in header) + "</tr></thead>"
    return "".join(parts) + TABLE + head + "".join(body) + "</table>"


def _risks(data: PortfolioData, labels: dict[str, str]) -> str:
    if not data.risks:
        return _tag("p", translate("DashboardExport", "No structural risks found."), "subtle")
    note = translate("DashboardExport", "A sole relationship holder is the one member of our team who knows the "
                                        "account well; a cut-point is someone without whom our team could no "
                                        "longer reach the economic buyers and decision-makers named.")
    header = [labels[key] for key in ("account", "sole_member", "cut_point", "side", "cuts_off")]
    table = []
    for risk in data.risks:
        sole = _warning(risk.sole_member) if risk.sole_member else ""
        if not risk.cut_points:
            table.append([f"<b>{_e(risk.account)}</b>", sole, "", "", ""])
        for index, point in enumerate(risk.cut_points):
            first = index == 0
            table.append([f"<b>{_e(risk.account)}</b>" if first else "", sole if first else "", _e(point.name),
                          _e(labels.get(f"side_{point.side}", point.side)), _e(join_names(point.cuts_off))])
    return f"<p class='legend'>{_e(note)}</p>" + _table(header, table)


def _months(data: PortfolioData, labels: dict[str, str]) -> str:
    if not data.months:
        return ""
    # Months across, as on the dashboard's chart.
    header = [labels["month"]] + [f"{month:%Y-%m}" for month, _count in data.months]
    counts = [_e(labels["interactions"])] + [str(count) for _month, count in data.months]
    return _table(header, [counts], numeric=set(range(1, len(header))))


# -- the pages --------------------------------------------------------------------------------------------
def _document(html: str, size: QSizeF) -> QTextDocument:
    document = kit.text_document(html, size, BODY_PIXELS)
    _keep_headings_with_their_tables(document, size.height())
    return document


def _keep_headings_with_their_tables(document: QTextDocument, page_height: float) -> None:
    """Start a section on the next page when its heading would end up without its table's first row.

    QTextDocument knows no "keep with next"; a page break before the heading gives the same result. Headings
    are looked at in order, each after the breaks before it have moved it. (A break inside a table cell would
    keep a row whole, but Qt moves only that cell, so rows are left to Qt, which splits a row between lines.)
    """
    layout = document.documentLayout()
    headings = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            headings.append(block)
        block = block.next()
    # Only the dashboard's own tables have a header row; the legend's row of samples has none.
    tables = [frame for frame in document.rootFrame().childFrames()
              if isinstance(frame, QTextTable) and frame.format().headerRowCount() > 0]
    ends = [heading.position() for heading in headings[1:]] + [document.characterCount()]
    for heading, end in zip(headings, ends, strict=True):
        table = next((t for t in tables if heading.position() < t.firstPosition() < end), None)
        top = layout.blockBoundingRect(heading).top()
        if table is not None and table.rows() > table.format().headerRowCount():
            first_row = table.cellAt(table.format().headerRowCount(), 0)
            bottom = layout.blockBoundingRect(first_row.lastCursorPosition().block()).bottom()
        else:
            bottom = layout.blockBoundingRect(heading).bottom() + KEEP_WITH_HEADING
        if top % page_height > 1 and top // page_height != bottom // page_height:
            form = heading.blockFormat()
            form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(heading).setBlockFormat(form)


def _write_pdf(data: PortfolioData, html: str, charts: list[tuple[str, QPicture, QSize]], author: str | None,
               temp: Path, progress=None) -> None:
    layout = kit.page_layout(QPageLayout.Orientation.Landscape)
    page = kit.page_rect(layout)
    # Every text page starts under the running heading; on the first the text opens with a blank band
    # (TITLE_SPACE) that the taller title block fills, so that QTextDocument paginates with one page size.
    area = kit.text_area(page)
    document = _document(html, area.size())
    total = document.pageCount() + len(charts)
    title = translate("DashboardExport", "Key accounts: coverage and risk")
    date = kit.long_date(data.today)
    if author:
        subtitle = translate("DashboardExport", "As of %1, prepared by %2").replace("%1", date).replace("%2", author)
    else:
        subtitle = translate("DashboardExport", "As of %1").replace("%1", date)
    running = title + " · " + date
    writer, painter = kit.open_writer(temp, title, layout)
    if author:
        writer.setAuthor(author)
    pages = kit.Pages(writer, painter, page, total, False, progress)
    pages.flow(document, area, None, running,
               on_first_page=lambda: kit.title_block(painter, page, title, subtitle, False))
    for chart_title, picture, size in charts:
        pages.start(chart_title)
        source = QRectF(0, 0, size.width(), size.height())
        play(painter, picture, kit.fitted(area, source), source)
    if not painter.end():
        raise OSError(f"cannot write {temp}")
