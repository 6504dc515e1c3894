"""People from Excel workbooks (.xlsx, .xlsm): WeCom, DingTalk and Feishu address books, CRM exports, and
Stakemap's own workbook (its People sheet with the Links sheet beside it).

Read with python-calamine (Rust; some forty times faster than openpyxl's read-only mode, which is the fallback
when calamine is not installed). Cells arrive typed: a phone number typed as a number (13800138000) or read as
a float (13800138000.0) is stored as the digits, a date as its ISO date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from app.io.columns import header_key
from app.io.report import ImportRefused, ImportReport, Refusal
from app.io.rows import LinkRow, PersonRow, clean_text, parse_link_kind
from app.io.table_rows import Layout, header_score, map_header, person_from_cells

HEADER_SEARCH_ROWS = 50
MAX_BYTES = 256 * 1024 * 1024
LINK_SHEETS = ("links", "关系")


def cell_text(value) -> str:
    """A typed cell as the text a person would read in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return clean_text(value)


class _Book:
    """A workbook's sheet names and rows of typed values, from calamine or, without it, openpyxl."""

    def __init__(self, path: Path, source: str) -> None:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise ImportRefused(source, f"the file is larger than {MAX_BYTES // 2**20} MB")
            try:
                from python_calamine import CalamineWorkbook
            except ImportError:
                from openpyxl import load_workbook

                self._calamine, self._book = False, load_workbook(path, read_only=True, data_only=True,
                                                                  keep_links=False)
                self.sheetnames = list(self._book.sheetnames)
            else:
                self._calamine, self._book = True, CalamineWorkbook.from_path(str(path))
                self.sheetnames = list(self._book.sheet_names)
        except ImportRefused:
            raise
        except OSError as exc:
            raise ImportRefused(source, f"cannot read the file: {exc.strerror or exc}") from None
        except Exception as exc:  # zip, XML and the readers' own errors: each library raises its own kinds
            raise ImportRefused(source, f"not a readable Excel workbook\n{type(exc).__name__}: {exc}") from None
        self._source = source

    def rows(self, name: str, first: int = 1, last: int | None = None) -> Iterator[tuple[int, list]]:
        """(row number, values) from row ``first`` (1-based) to ``last``."""
        try:
            if self._calamine:
                rows = self._book.get_sheet_by_name(name).iter_rows()
            else:
                rows = self._book[name].iter_rows(values_only=True)
            for number, row in enumerate(rows, start=1):
                if last is not None and number > last:
                    return
                if number >= first:
                    yield number, list(row)
        except ImportRefused:
            raise
        except Exception as exc:
            raise ImportRefused(self._source, f"not a readable Excel workbook\n{type(exc).__name__}: {exc}") \
                from None

    def close(self) -> None:
        self._book.close()


def _header_row(book: _Book, name: str) -> tuple[int, list] | None:
    best: tuple[int, int, list] | None = None
    for number, row in book.rows(name, 1, HEADER_SEARCH_ROWS):
        cells = [cell_text(v) for v in row]
        score = header_score(cells)
        if score and (best is None or score > best[0]):
            best = (score, number, cells)
    return None if best is None else (best[1], best[2])


def sheet_names(path: Path) -> list[str]:
    """The worksheets of a workbook, for the import dialog."""
    book = _Book(path, str(path))
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def read_xlsx(path: Path, report: ImportReport,
              sheet: str | None = None) -> tuple[Iterator[PersonRow], list[LinkRow]]:
    source = str(path)
    book = _Book(path, source)
    try:
        report.sheets = list(book.sheetnames)
        if sheet is not None and sheet not in book.sheetnames:
            raise ImportRefused(source, f"no sheet named “{sheet}” (the workbook has: {', '.join(book.sheetnames)})")
        chosen = None
        for name in [sheet] if sheet is not None else book.sheetnames:
            found = _header_row(book, name)
            if found is not None:
                chosen = (name, *found)
                break
        if chosen is None:
            where = f"the sheet “{sheet}” has no" if sheet is not None else "no sheet has a"
            raise ImportRefused(source, f"{where} header row with a name column (e.g. Name, First Name, 姓名)")
    except BaseException:
        book.close()
        raise
    name, header_number, header = chosen
    report.sheet = name
    layout = map_header(header, report)
    links: list[LinkRow] = []
    return _people(book, name, header_number, layout, report, links), links


def _people(book: _Book, name: str, header_number: int, layout: Layout, report: ImportReport,
            links: list[LinkRow]) -> Iterator[PersonRow]:
    try:
        for number, row in book.rows(name, header_number + 1):
            person = person_from_cells([cell_text(v) for v in row], layout, number, report, links)
            if person is not None:
                yield person
        links_sheet = next((s for s in book.sheetnames if s.casefold() in LINK_SHEETS and s != name), None)
        if links_sheet is not None:
            every_link = _links(book, links_sheet, report)
            if every_link:  # our own workbook: the Links sheet holds the reporting lines of the manager column too
                links[:] = every_link
    finally:
        book.close()


def _links(book: _Book, name: str, report: ImportReport) -> list[LinkRow]:
    rows = book.rows(name)
    header = [header_key(cell_text(v)) for v in next(rows, (1, []))[1]]
    if not {"source", "target"} <= set(header):
        return []
    index = {key: i for i, key in enumerate(header)}
    out = []
    for number, row in rows:
        cells = [cell_text(v) for v in row]

        def get(key: str, cells: list[str] = cells) -> str:
            i = index.get(key)
            return cells[i] if i is not None and i < len(cells) else ""

        source, target = get("sourceref") or get("source"), get("targetref") or get("target")
        if not (source or target):
            continue
        kind = parse_link_kind(get("kind")) or "knows"
        strength = get("strength") or "3"
        try:
            level = int(float(strength))
        except (ValueError, OverflowError):
            report.refused.append(Refusal(number, f"link {source} → {target}: strength “{strength}” is not 1 to 5"))
            continue
        out.append(LinkRow(source, target, kind, level, number, notes=get("notes") or None))
    return out
