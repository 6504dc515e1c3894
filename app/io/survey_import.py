"""Survey answers (客户满意度) from a CSV or XLSX file: columns person (or e-mail), date, recommend,
satisfaction, comment; one row an answer.

Every row must be good, or nothing is imported: the first bad row is refused with its line and why. The
reasons are keys (`REASONS`) that the window puts in the user's language.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.io.columns import header_key, usable_email
from app.io.report import ImportRefused
from app.io.text_encoding import detect_encoding

COLUMNS = {
    "person": ("person", "name", "姓名", "联系人"),
    "email": ("email", "mail", "邮箱", "电子邮箱"),
    "date": ("date", "answeredon", "日期"),
    "recommend": ("recommend", "nps", "推荐意愿", "推荐"),
    "satisfaction": ("satisfaction", "满意度"),
    "comment": ("comment", "comments", "意见", "备注"),
}
# unreadable: the file; columns: no person/e-mail, date or recommend column; empty: no answer rows;
# person: nobody of that name or e-mail in the account; ambiguous: several; then one per bad value.
REASONS = ("unreadable", "columns", "empty", "person", "ambiguous", "date", "recommend", "satisfaction")
MAX_ROWS = 100_000


@dataclass(frozen=True)
class SurveyRow:
    line: int
    person_id: int
    answered_on: dt.date
    recommend: int
    satisfaction: int | None
    comment: str | None


class SurveyRefused(Exception):
    def __init__(self, reason: str, line: int | None = None, value: str = "") -> None:
        self.reason, self.line, self.value = reason, line, value
        super().__init__(f"line {line}: {reason} {value!r}" if line else reason)


def _key(cell: object) -> str | None:
    text = header_key(cell)
    return next((name for name, spellings in COLUMNS.items() if text in spellings), None)


def _table(path: Path) -> list[list[str]]:
    """The file's rows as text cells (the first is the header)."""
    source = str(path)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from app.io.xlsx_import import _Book, cell_text

            book = _Book(path, source)
            try:
                sheet = book.sheetnames[0]
                return [[cell_text(v) for v in values] for _n, values in book.rows(sheet, last=MAX_ROWS)]
            finally:
                book.close()
        raw = path.read_bytes()
        text = raw.decode(detect_encoding(raw[:65536], source))
        return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=_delimiter(text)))
    except (ImportRefused, OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SurveyRefused("unreadable", value=str(getattr(exc, "reason", "") or exc).splitlines()[0]) from None


def _delimiter(text: str) -> str:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


def _date(text: str) -> dt.date | None:
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?", text.strip())
    if match is None:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _score(text: str, low: int, high: int) -> int | None:
    text = text.strip()
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() and low <= int(text) <= high else None


PROGRESS_EVERY = 500  # rows between two progress reports


def read_survey_answers(path: str | Path, people: list[tuple[int, str, str | None]],
                        progress: Callable[[int, int], None] | None = None) -> list[SurveyRow]:
    """Every answer of the file, its person matched in ``people`` (id, name, e-mail) by e-mail, else by name.

    ``progress(rows read, rows)`` is called as the rows are checked (any thread: it only reports)."""
    rows = _table(Path(path))
    if not rows:
        raise SurveyRefused("empty")
    columns = {}
    for index, cell in enumerate(rows[0]):
        key = _key(cell)
        if key is not None and key not in columns:
            columns[key] = index
    if not ("person" in columns or "email" in columns) or "date" not in columns or "recommend" not in columns:
        raise SurveyRefused("columns")
    by_email: dict[str, list[int]] = {}
    by_name: dict[str, list[int]] = {}
    for person_id, name, email in people:
        by_name.setdefault(" ".join(name.split()).casefold(), []).append(person_id)
        if email:
            by_email.setdefault(email.strip().casefold(), []).append(person_id)

    def cell(row: list[str], key: str) -> str:
        index = columns.get(key)
        return str(row[index]).strip() if index is not None and index < len(row) and row[index] is not None else ""

    answers = []
    total = len(rows) - 1
    for line, row in enumerate(rows[1:], start=2):
        if progress is not None and (line - 2) % PROGRESS_EVERY == 0:
            progress(line - 2, total)
        if not any(str(c).strip() for c in row if c is not None):
            continue
        email, name = usable_email(cell(row, "email")).casefold(), " ".join(cell(row, "person").split())
        found = by_email.get(email) if email else None
        if not found:
            found = by_name.get(name.casefold())
        if not found:
            raise SurveyRefused("person", line, name or email)
        if len(found) > 1:
            raise SurveyRefused("ambiguous", line, name or email)
        day = _date(cell(row, "date"))
        if day is None:
            raise SurveyRefused("date", line, cell(row, "date"))
        recommend = _score(cell(row, "recommend"), 0, 10)
        if recommend is None:
            raise SurveyRefused("recommend", line, cell(row, "recommend"))
        satisfaction_text = cell(row, "satisfaction")
        satisfaction = _score(satisfaction_text, 1, 5) if satisfaction_text else None
        if satisfaction_text and satisfaction is None:
            raise SurveyRefused("satisfaction", line, satisfaction_text)
        answers.append(SurveyRow(line, found[0], day, recommend, satisfaction, cell(row, "comment") or None))
    if not answers:
        raise SurveyRefused("empty")
    if progress is not None:
        progress(total, total)
    return answers
