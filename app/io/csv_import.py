"""People from CSV exports: Salesforce (API names and report labels), LinkedIn, Google Contacts, plain Chinese.

The file is streamed: only a bounded sample is read up front (encoding, delimiter, header row), then rows are
yielded one at a time, so a 50,000-row export never sits in memory as a list of dicts.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from app.io.apply import LinkRow, PersonRow, parse_influence, parse_role, parse_stance
from app.io.export_tables import unneutralise
from app.io.report import ImportRefused, ImportReport, Refusal

SAMPLE_BYTES = 64 * 1024
HEADER_SEARCH_ROWS = 50
DELIMITERS = (",", ";", "\t", "|")

# Exports put whole e-mail threads in one cell; the csv module's 128 KiB default would refuse them.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

# Header cells are compared without case, spaces or punctuation: "First Name" == "FirstName" == "first_name".
COLUMNS = {
    "given": ("firstname", "givenname", "名"),
    "middle": ("middlename", "additionalname"),
    "family": ("lastname", "familyname", "surname", "姓"),
    "name": ("name", "fullname", "contactname", "displayname", "姓名", "名字", "联系人"),
    "title": ("title", "jobtitle", "position", "organizationtitle", "organization1title", "职位", "职务", "头衔"),
    "department": ("department", "organizationdepartment", "organization1department", "部门"),
    "email": ("email", "emailaddress", "email1value", "primaryemail", "businessemail", "邮箱", "电子邮件",
              "电子邮箱", "邮件"),
    "phone": ("phone", "businessphone", "phone1value", "mobilephone", "mobile", "workphone", "电话", "手机",
              "手机号", "联系电话"),
    "role": ("role", "buyingrole", "角色"),
    "stance": ("stance", "态度"),
    "influence": ("influence", "影响力"),
    "notes": ("notes", "note", "description", "备注"),
    "competitor_preference": ("competitorpreference", "倾向的竞争对手"),
    "key": ("id", "contactid", "编号"),
    "manager_key": ("reportstoid",),
    "manager_name": ("reportsto", "manager", "上级", "汇报对象"),
}
LOOKUP = {alias: target for target, aliases in COLUMNS.items() for alias in aliases}
NAME_PARTS = frozenset({"given", "family", "name"})
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_PUNCT = re.compile(r"[\s_\-.:/()]+")


def header_key(cell: str) -> str:
    return _PUNCT.sub("", cell.strip().lstrip("\ufeff").casefold())


def detect_encoding(sample: bytes, source: str) -> str:
    """BOMs first, then strict UTF-8, then charset-normalizer on the sample; GB codecs widened to GB18030."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if sample.startswith(bom):
            return name
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        raise ImportRefused(source, "cannot tell the text encoding; give one with --encoding")
    name = codecs.lookup(best.encoding).name
    return "gb18030" if name in ("gb2312", "gbk", "hz") else name


def _decode_sample(sample: bytes, encoding: str, source: str) -> str:
    try:
        return codecs.getincrementaldecoder(encoding)(errors="strict").decode(sample, final=False)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ImportRefused(source, f"not readable as {encoding}: {exc}") from None


def _header_score(row: list[str]) -> int:
    targets = {LOOKUP.get(header_key(c)) for c in row} - {None}
    return len(targets) if targets & NAME_PARTS else 0


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
                score = _header_score(row)
                if score > best[0]:
                    best = (score, delimiter, index)
        except csv.Error:
            continue
    if best[0] == 0:
        return ",", -1
    return best[1], best[2]


def full_name(given: str, family: str, middle: str = "") -> str:
    """Latin names read "Given Middle Family"; CJK names are family then given with no space (张 + 伟 → 张伟)."""
    if CJK.search(given + family):
        return f"{family}{given}".strip()
    return " ".join(p for p in (given, middle, family) if p)


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
    delimiter, header_index = _find_layout(text)
    if header_index < 0:
        raise ImportRefused(source, "no header row with a name column (e.g. Name, First Name, 姓名)")
    links: list[LinkRow] = []
    return _rows(path, encoding, delimiter, header_index, report, links), links


def _rows(path: Path, encoding: str, delimiter: str, header_index: int, report: ImportReport,
          links: list[LinkRow]) -> Iterator[PersonRow]:
    source = str(path)
    with open(path, encoding=encoding, errors="strict", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            for _ in range(header_index):
                next(reader)
            header = next(reader)
            mapping = _map_header(header, report)
            last_line = reader.line_num
            for row in reader:
                line, last_line = last_line + 1, reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                person = _person(row, mapping, line, report, links)
                if person is not None:
                    yield person
        except UnicodeDecodeError as exc:
            raise ImportRefused(source, f"not valid {encoding} after line {reader.line_num}: {exc.reason}") from None
        except csv.Error as exc:
            raise ImportRefused(source, f"line {reader.line_num}: {exc}") from None


def _map_header(header: list[str], report: ImportReport) -> dict[str, list[int]]:
    mapping: dict[str, list[int]] = {}
    for index, cell in enumerate(header):
        target = LOOKUP.get(header_key(cell))
        if target is None:
            if cell.strip():
                report.unknown_columns.append(cell.strip().lstrip("\ufeff"))
        else:
            mapping.setdefault(target, []).append(index)
    return mapping


def _person(row: list[str], mapping: dict[str, list[int]], line: int, report: ImportReport,
            links: list[LinkRow]) -> PersonRow | None:
    def value(target: str) -> str:
        for index in mapping.get(target, ()):
            if index < len(row) and row[index].strip():
                # A cell our own export guarded against formulas ('+86 …) reads back as it was.
                return unneutralise(row[index].strip())
        return ""

    given, family = value("given"), value("family")
    name = full_name(given, family, value("middle")) if (given or family) else value("name")
    if not name:
        report.refused.append(Refusal(line, "no name in this row"))
        return None
    fields: dict[str, object] = {"name": name}
    for target in ("title", "department", "email", "phone", "notes", "competitor_preference"):
        text = value(target)
        if text:
            fields[target] = text
    try:
        for target, parse in (("role", parse_role), ("stance", parse_stance), ("influence", parse_influence)):
            text = value(target)
            if text:
                fields[target] = parse(text)
    except ValueError as exc:
        report.refused.append(Refusal(line, f"{name}: {exc}"))
        return None
    key = value("key") or name
    manager = value("manager_key") or value("manager_name")
    if manager:
        links.append(LinkRow(key, manager, "reports_to", 3, line))
    return PersonRow(line, fields, key)
