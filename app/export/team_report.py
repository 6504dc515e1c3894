"""The team view as a PDF and an Excel workbook for the review meeting.

What is exported is what the window shows: the members its role and search filters let through (the accounts
missing a role are every account's). The PDF (A4 landscape, laid out as the dashboard's) opens with the headline
counts, then the accounts missing a role of their team, the members with their figures, whom losing would hurt
and how, the open hand-offs between members, and the workload chart on a page of its own. The workbook has one
sheet per table. Both run on any thread: the chart is a QPicture recorded on the GUI thread.

The page and table helpers are the dashboard's (app.export.dashboard_pdf, app.portfolio.workbook): both reports
look alike.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPageLayout, QPicture

from app.export import page_kit as kit
from app.export.brief_html import STYLE
from app.export.dashboard_pdf import EXTRA_STYLE, TITLE_SPACE, _document, _e, _table, _tag, _warning
from app.export.pictures import play
from app.i18n import labels as vocabulary
from app.i18n import translate
from app.io.atomic import write_atomically
from app.portfolio.team_analysis import MemberLoad
from app.portfolio.team_sql import TeamData
from app.portfolio.workbook import _sheet_names
from app.portfolio.workbook import _table as _sheet_table


def _roles(roles) -> str:
    names = vocabulary.team_roles()
    return translate("Team", ", ").join(names.get(role, role) for role in roles)


def _tier(tier: str | None) -> str:
    return vocabulary.tiers().get(tier, tier or "") if tier else ""


def _headers() -> dict[str, list[str]]:
    return {
        "missing": [translate("TeamExport", "Account"), translate("TeamExport", "Tier"),
                    translate("TeamExport", "Roles missing"), translate("TeamExport", "Team members")],
        "members": [translate("TeamExport", "Member"), translate("TeamExport", "Roles"),
                    translate("TeamExport", "Accounts"), translate("TeamExport", "People covered"),
                    translate("TeamExport", "Strong relationships"), translate("TeamExport", "Open actions"),
                    translate("TeamExport", "Overdue"), translate("TeamExport", "Interactions (90 days)"),
                    translate("TeamExport", "Owes others"), translate("TeamExport", "Waits for")],
        "leaving": [translate("TeamExport", "Member"),
                    translate("TeamExport", "Accounts left without a strong relationship"),
                    translate("TeamExport", "Accounts left single-threaded")],
        "hand_offs": [translate("TeamExport", "Owner"), translate("TeamExport", "Requested by"),
                      translate("TeamExport", "Action"), translate("TeamExport", "Account"),
                      translate("TeamExport", "Due"), translate("TeamExport", "Overdue")],
    }


def _tables(data: TeamData, loads: list[MemberLoad]) -> dict[str, list[list]]:
    """The four tables as plain values (strings, numbers, dates, booleans)."""
    accounts = data.input.accounts
    team_sizes: dict[int, int] = {}
    for account_id, _member in data.input.team:
        team_sizes[account_id] = team_sizes.get(account_id, 0) + 1
    missing = sorted(((accounts[a].name, _tier(accounts[a].tier), _roles(s.missing), team_sizes.get(a, 0))
                      for a, s in data.status.items() if s.missing), key=lambda row: (-len(row[2]), row[0]))
    members = [[m.name, _roles(m.roles), len(m.accounts), m.people_covered, m.strong_relationships, m.open_actions,
                m.overdue_actions, m.recent_interactions, len(m.owes), len(m.waits_for)] for m in loads]
    leaving = []
    for m in sorted(loads, key=lambda m: (-len(data.what_ifs[m.member_id].uncovered),
                                          -data.what_ifs[m.member_id].accounts_hurt, m.name)):
        what = data.what_ifs[m.member_id]
        if what.accounts_hurt:
            leaving.append([m.name, ", ".join(sorted(accounts[a].name for a in what.uncovered)),
                            ", ".join(sorted(accounts[a].name for a in what.single_threaded))])
    names = {mid: member.name for mid, member in data.input.members.items()}
    hand_offs = [[m.name, names.get(h.other_id, ""), h.title, accounts[h.account_id].name, h.due_date, h.overdue]
                 for m in loads for h in m.owes]
    return {"missing": [list(row) for row in missing], "members": members, "leaving": leaving,
            "hand_offs": hand_offs}


def summary_counts(data: TeamData, loads: list[MemberLoad]) -> tuple[int, int, int]:
    """(members shown, accounts missing a role, shown members whose leaving would hurt an account)."""
    return (len(loads), sum(1 for s in data.status.values() if s.missing),
            sum(1 for m in loads if data.what_ifs[m.member_id].accounts_hurt))


# -- PDF --------------------------------------------------------------------------------------------------
def write_team_pdf(data: TeamData, loads: list[MemberLoad], path: str | Path,
                   chart: tuple[str, QPicture, QSize] | None = None, progress=None) -> None:
    """Write the team report to `path`, replacing any file there only once the new one is complete."""
    html = _html(data, loads)
    write_atomically(Path(path), lambda temp: _write_pdf(data, html, chart, temp, progress))


def _html(data: TeamData, loads: list[MemberLoad]) -> str:
    headers, tables = _headers(), _tables(data, loads)
    members, missing, hurt = summary_counts(data, loads)
    line = _e(translate("TeamExport", "%1 members · %2 accounts missing a role of their team · %3 members whose "
                                      "leaving would leave an account single-threaded or uncovered"))
    for number, value in enumerate((members, missing, hurt), start=1):
        line = line.replace(f"%{number}", f"<b>{value}</b>")
    empty = _tag("p", translate("TeamExport", "None."), "subtle")

    def table(key: str, numeric=frozenset(), warn: int | None = None) -> str:
        rows = []
        for row in tables[key]:
            cells = []
            for column, value in enumerate(row):
                if isinstance(value, bool):
                    cells.append(_warning(translate("TeamExport", "overdue")) if value else "")
                elif column == warn and value:
                    cells.append(_warning(str(value)))
                else:
                    cells.append(_e(value.isoformat() if hasattr(value, "isoformat") else value))
            rows.append(cells)
        return _table(headers[key], rows, numeric=set(numeric)) if rows else empty

    parts = [f"<p style='line-height: {TITLE_SPACE}px; margin: 0;'>&nbsp;</p>", f"<p>{line}</p>",
             _tag("h2", translate("TeamExport", "Accounts missing a role of their team")),
             table("missing", numeric={3}, warn=2),
             _tag("h2", translate("TeamExport", "Members")),
             table("members", numeric=set(range(2, 10)), warn=6),
             _tag("h2", translate("TeamExport", "If they left")),
             table("leaving", warn=1),
             _tag("h2", translate("TeamExport", "Open hand-offs between members")),
             table("hand_offs")]
    return f"<html><head><style>{STYLE}{EXTRA_STYLE}</style></head><body>{''.join(parts)}</body></html>"


def _write_pdf(data: TeamData, html: str, chart, temp: Path, progress=None) -> None:
    layout = kit.page_layout(QPageLayout.Orientation.Landscape)
    page = kit.page_rect(layout)
    area = kit.text_area(page)
    document = _document(html, area.size())
    usable = chart is not None and chart[2].width() > 0 and chart[2].height() > 0
    total = document.pageCount() + (1 if usable else 0)
    title = translate("TeamExport", "Our team: roles, workload and risk")
    date = kit.long_date(data.today)
    writer, painter = kit.open_writer(temp, title, layout)
    pages = kit.Pages(writer, painter, page, total, False, progress)
    pages.flow(document, area, None, title + " · " + date,
               on_first_page=lambda: kit.title_block(
                   painter, page, title, translate("TeamExport", "As of %1").replace("%1", date), False))
    if usable:
        chart_title, picture, size = chart
        pages.start(chart_title)
        source = QRectF(0, 0, size.width(), size.height())
        play(painter, picture, kit.fitted(area, source), source)
    if not painter.end():
        raise OSError(f"cannot write {temp}")


# -- Excel ------------------------------------------------------------------------------------------------
def write_team_xlsx(data: TeamData, loads: list[MemberLoad], path: str | Path) -> None:
    """Write the team report as a workbook at `path` (atomically), one sheet per table."""
    headers, tables = _headers(), _tables(data, loads)
    titles = [translate("TeamExport", "Members"), translate("TeamExport", "Missing roles"),
              translate("TeamExport", "If they left"), translate("TeamExport", "Hand-offs")]
    yes = translate("TeamExport", "overdue")
    book = Workbook()
    sheet = book.active
    for number, (name, key) in enumerate(zip(_sheet_names(titles), ("members", "missing", "leaving", "hand_offs"),
                                             strict=True)):
        if number:
            sheet = book.create_sheet(name)
        else:
            sheet.title = name
        rows = [[(yes if value else "") if isinstance(value, bool) else value for value in row]
                for row in tables[key]]
        formats = ["yyyy-mm-dd" if key == "hand_offs" and column == 4 else None for column in range(len(headers[key]))]
        _sheet_table(sheet, headers[key], rows, formats, "B2")
    write_atomically(Path(path), lambda temp: book.save(temp))


__all__ = ["summary_counts", "write_team_pdf", "write_team_xlsx"]
