"""People from CSV exports: Salesforce (API names and report labels), Outlook, LinkedIn, Google Contacts,
WeCom/DingTalk/Feishu address books, plain Chinese headers.

The file is streamed: only a bounded sample is read up front (encoding, delimiter, header row), then rows are
yielded one at a time, so a 50,000-row export never sits in memory as a list of dicts.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from app.io.export_tables import unneutralise
from app.io.report import ImportRefused, ImportReport
from app.io.rows import LinkRow, PersonRow
from app.io.table_rows import full_name, header_score, map_header, person_from_cells
from app.io.text_encoding import decoded_sample, detect_encoding

__all__ = ["detect_encoding", "full_name", "read_csv"]

SAMPLE_BYTES = 64 * 1024
HEADER_SEARCH_ROWS = 50
DELIMITERS = (",", ";", "\t", "|")

# Exports put whole e-mail threads in one cell; the csv module's 128 KiB default would refuse them.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _decode_sample(sample: bytes, encoding: str, source: str) -> str:
    try:
        return codecs.getincrementaldecoder(encoding)(errors="strict").decode(sample, final=False)
    except UnicodeDecodeError as exc:
        raise ImportRefused(source, f"not readable as {encoding}\n{exc.reason}") from None
    except LookupError:
        raise ImportRefused(source, f"unknown encoding “{encoding}”") from None


def _find_layout(text: str) -> tuple[str, int]:
    """The delimiter and the index of the header row (LinkedIn puts notes above it) that recognise most columns."""
    best = (0, ",", -1)
    lines = text.splitlines(keepends=True)
    if len(text) >= SAMPLE_BYTES // 4 and lines:
        lines = lines[:-1]  # the sample's last line may be cut short
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO("".join(lines)), delimiter=delimiter)
        try:
            for index, row in enumerate(reader):
                if index >= HEADER_SEARCH_ROWS:
                    break
                score = header_score(row)
                if score > best[0]:
                    best = (score, delimiter, index)
        except csv.Error:
            continue
    if best[0] == 0:
        return ",", -1
    return best[1], best[2]


def read_csv(path: Path, report: ImportReport,
             encoding: str | None = None) -> tuple[Iterator[PersonRow], list[LinkRow]]:
    """Parse lazily: people are yielded as the file is read; ``links`` fills up while they are."""
    source = str(path)
    try:
        with open(path, "rb") as handle:
            sample = handle.read(SAMPLE_BYTES)
    except OSError as exc:
        raise ImportRefused(source, f"cannot read the file: {exc.strerror or exc}") from None
    if not sample.strip():
        raise ImportRefused(source, "the file is empty")
    encoding = encoding or detect_encoding(sample, source)
    report.encoding = encoding
    text = _decode_sample(sample, encoding, source)
    report.sample = decoded_sample(sample, encoding)
    delimiter, header_index = _find_layout(text)
    if header_index < 0:
        raise ImportRefused(source, "no header row with a name column (e.g. Name, First Name, 姓名)")
    links: list[LinkRow] = []
    return _rows(path, encoding, delimiter, header_index, report, links), links


def _rows(path: Path, encoding: str, delimiter: str, header_index: int, report: ImportReport,
          links: list[LinkRow]) -> Iterator[PersonRow]:
    source = str(path)
    with open(path, encoding=encoding, errors="strict", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter, strict=True)
        line = last_line = 1
        try:
            for _ in range(header_index):
                next(reader)
            header = next(reader)
            layout = map_header(header, report)
            last_line = reader.line_num
            for row in reader:
                line, last_line = last_line + 1, reader.line_num
                person = person_from_cells(row, layout, line, report, links, unneutralise)
                if person is not None:
                    yield person
        except UnicodeDecodeError as exc:
            raise ImportRefused(source, f"line {reader.line_num}: not valid {encoding}\n{exc.reason}") from None
        except csv.Error as exc:
            start = reader.line_num if "end of data" not in str(exc) else last_line + 1
            what = ("a quoted field is never closed" if "end of data" in str(exc)
                    else "the row is not well-formed CSV")
            raise ImportRefused(source, f"line {start}: {what}\n{exc}") from None
