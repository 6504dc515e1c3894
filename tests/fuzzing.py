"""A structure-aware fuzz campaign for the importers: mutations of real CSV, XLSX, vCard, GraphML, GEXF and
JSON files, each imported into a real database.

Each input must end in an import or in one refusal (ImportRefused) that wrote nothing; anything else is a
crash, and an input that takes longer than the time limit is a hang. The seeds are the test fixtures (files
as other tools write them) and the demo accounts exported in every format, so mutations start from the
structures the importers really meet. Mutations work at three levels: bytes (flips, cuts, insertions of the
characters parsers trip on), lines and fields (for the text formats), and the format's own structure (JSON
values, XML elements and attributes, workbook cells and the workbook's zip members).

    python tools/fuzz_import.py --per-format 10000       # the full campaign, figures printed at the end
"""

from __future__ import annotations

import copy
import io
import json
import random
import re
import signal
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("csv", "xlsx", "vcard", "graphml", "gexf", "json", "ics")
SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "vcard": ".vcf", "graphml": ".graphml", "gexf": ".gexf", "json": ".json",
          "ics": ".ics"}
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
TIME_LIMIT = 5.0
# A fresh database every so many inputs, so that thousands of accepted imports do not pile up in one account.
INPUTS_PER_DATABASE = 250

TOKENS = [b'"', b",", b";", b"\t", b"\n", b"\r\n", b"\x00", b"\x1b", b"<", b">", b"&", b"&amp;", b"]]>",
          b":::", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"{", b"}", b"[", b"]", b"9" * 40, b"-1", b"1e308",
          b"NaN", b"=1/0", b"BEGIN:VCARD\r\n", b"END:VCARD\r\n", b"=\r\n", b"ENCODING=QUOTED-PRINTABLE:",
          "张伟".encode(), "张伟".encode("gb18030"), "張偉".encode("big5"), "José".encode("cp1252"),
          b"\xed\xa0\x80", b"\xc3", b"<!DOCTYPE x [<!ENTITY e 'x'>]>", b"&e;", b"<node id='n0'/>",
          b"<edge source='n0' target='n0'/>", b'"format": "stakemap-account"']
ICS_TOKENS = [b"BEGIN:VEVENT\r\n", b"END:VEVENT\r\n", b"END:VCALENDAR\r\n", b"RRULE:FREQ=SECONDLY\r\n",
              b"RRULE:FREQ=WEEKLY;COUNT=0;BYDAY=XX\r\n", b"DTSTART:99991231T235959Z\r\n", b"DTSTART;TZID=Nowhere/Zone:",
              b"DTSTART;VALUE=DATE:00000000\r\n", b"RECURRENCE-ID:20261005T010000Z\r\n", b"EXDATE:x\r\n",
              b"ATTENDEE;CN=\"", b"mailto:", "腾讯会议 https://meeting.tencent.com/dm/1".encode(), b"\r\n ", b";"]
# The people a calendar fuzz input is logged against: those the seed calendars invite.
ICS_PEOPLE = (("Zhang Wei", "zhang.wei@customer.cn"), ("张伟", "zhangwei@kehu.cn"), ("王芳", None),
              ("Wang Fang", "wang.fang@customer.cn"))
JSON_VALUES = [None, "", " ", -1, 0, 6, 1e308, -1e308, True, "x" * 2000, "张伟\x00", [], {}, [[[]]], {"a": {}},
               "2026-13-45", "1.5e3", "\u202e", "=cmd|' /C calc'!A0"]


@dataclass
class Figures:
    inputs: int = 0
    imported: int = 0
    refused: int = 0
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    wrote_on_refusal: list[str] = field(default_factory=list)
    slowest: float = 0.0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.crashes or self.hangs or self.wrote_on_refusal)


def seeds(folder: Path) -> dict[str, list[bytes]]:
    """Seed files per format: the fixtures, then the demo accounts exported in each data format."""
    from app.demo import load_demo
    from app.io.exporters import writer_for
    from app.storage.database import Database

    by_suffix = {".csv": "csv", ".txt": "csv", ".vcf": "vcard", ".graphml": "graphml", ".gexf": "gexf",
                 ".json": "json", ".xlsx": "xlsx", ".ics": "ics"}
    out: dict[str, list[bytes]] = {fmt: [] for fmt in FORMATS}
    for path in sorted(FIXTURES.glob("*")):
        fmt = by_suffix.get(path.suffix.lower())
        if fmt and path.name != "bomb.graphml":  # a billion laughs is its own test, not a seed to mutate
            out[fmt].append(path.read_bytes())
    with Database.open(folder / "seeds.db") as db:
        with db.session() as session:
            load_demo(session)
        from app.document import Workspace

        ids = [row.id for row in Workspace(db).account_summaries()]
        for fmt in ("csv", "xlsx", "graphml", "gexf", "json"):
            for number, account_id in enumerate(ids[:2]):
                path = folder / f"seed{number}{SUFFIX[fmt]}"
                with db.sessionmaker() as session:
                    writer_for(fmt)(session, account_id, path)
                out[fmt].append(path.read_bytes())
    # vCards from the fixtures only; a few made here as Outlook and phones write them.
    out["vcard"].append("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nTITLE:首席信息官\r\nEMAIL:zw@example.cn\r\n"
                        "END:VCARD\r\n".encode())
    # A DingTalk invitation: an all-day series with an end, a moved occurrence and a cancelled one.
    out["ics"].append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//DingTalk//Calendar//CN\r\nBEGIN:VEVENT\r\n"
                      "UID:dd-1\r\nDTSTART;TZID=Asia/Shanghai:20261102T150000\r\nRRULE:FREQ=WEEKLY;COUNT=8\r\n"
                      "EXDATE;TZID=Asia/Shanghai:20261109T150000\r\nSUMMARY:项目周会\r\n"
                      "ATTENDEE;CN=张伟:mailto:zhangwei@kehu.cn\r\nLOCATION:钉钉会议\r\nEND:VEVENT\r\n"
                      "BEGIN:VEVENT\r\nUID:dd-1\r\nRECURRENCE-ID;TZID=Asia/Shanghai:20261116T150000\r\n"
                      "DTSTART;TZID=Asia/Shanghai:20261117T100000\r\nSUMMARY:项目周会（改期）\r\n"
                      "ATTENDEE;CN=张伟:mailto:zhangwei@kehu.cn\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".encode())
    return out


# -- mutations ----------------------------------------------------------------------------------------------
def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        at = rng.randint(0, len(data)) if data else 0
        if choice < 0.25 and data:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif choice < 0.45:
            data[at:at] = rng.choice(TOKENS) * rng.choice((1, 1, 2, 50))
        elif choice < 0.6 and data:
            del data[at:at + rng.randint(1, 64)]
        elif choice < 0.75 and data:
            end = min(len(data), at + rng.randint(1, 200))
            data[at:at] = data[at:end] * rng.randint(1, 5)
        elif choice < 0.85 and data:
            del data[rng.randint(0, len(data)):]
        else:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(data)


def mutate_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 3)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        choice = rng.random()
        if choice < 0.2:
            del lines[i]
        elif choice < 0.4:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif choice < 0.55:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif choice < 0.8:
            sep = rng.choice((b",", b";", b"\t", b":"))
            fields = lines[i].split(sep)
            k = rng.randrange(len(fields))
            fields[k] = rng.choice(TOKENS + [b"", fields[rng.randrange(len(fields))]])
            if rng.random() < 0.3:
                fields.append(rng.choice(TOKENS))
            lines[i] = sep.join(fields)
        else:
            lines.insert(i, rng.choice((b"", b",,,,", b"Copyright (c) 2026", b"Generated By: x", b'"unclosed,')))
    return b"\n".join(lines)


def mutate_json(data: bytes, rng: random.Random) -> bytes:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return mutate_bytes(data, rng)
    for _ in range(rng.randint(1, 2)):
        doc = _mutate_value(doc, rng, depth=0)
    if rng.random() < 0.05:  # absurd nesting, written out by hand (json.dumps itself would recurse)
        depth = rng.choice((100, 5000, 100_000))
        return b'{"format": "stakemap-account", "version": 1, "people": ' + b"[" * depth + b"]" * depth + b"}"
    return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode()


def _mutate_value(value, rng: random.Random, depth: int):
    if isinstance(value, dict) and value and rng.random() < 0.85:
        key = rng.choice(list(value))
        choice = rng.random()
        if choice < 0.2:
            del value[key]
        elif choice < 0.3:
            value[rng.choice(("format", "version", "account", "people", "links", "ref", "name", "kind"))] = \
                copy.deepcopy(rng.choice(JSON_VALUES))
        else:
            value[key] = _mutate_value(value[key], rng, depth + 1)
        return value
    if isinstance(value, list) and value and rng.random() < 0.85:
        i = rng.randrange(len(value))
        choice = rng.random()
        if choice < 0.15:
            del value[i]
        elif choice < 0.3:
            value.insert(i, json.loads(json.dumps(value[rng.randrange(len(value))])))
        else:
            value[i] = _mutate_value(value[i], rng, depth + 1)
        return value
    return copy.deepcopy(rng.choice(JSON_VALUES + [value]))  # shared lists must not become cycles


XML_ATTR = re.compile(rb'(\w+)="([^"]*)"')
XML_ELEMENT = re.compile(rb"<(\w[\w:.-]*)\b[^>]*?(/>|>.*?</\1>)", re.S)


def mutate_xml(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 3)):
        choice = rng.random()
        if choice < 0.4:
            attrs = list(XML_ATTR.finditer(data))
            if attrs:
                m = rng.choice(attrs)
                value = rng.choice(TOKENS + [b"", b"n0", b"0", b"-1", b"999999", b"reports_to", b"x" * 500])
                value = value.replace(b'"', b"&quot;") if rng.random() < 0.7 else value
                data = data[:m.start(2)] + value + data[m.end(2):]
        elif choice < 0.7:
            elements = list(XML_ELEMENT.finditer(data))
            if elements:
                m = rng.choice(elements)
                if rng.random() < 0.5:
                    data = data[:m.start()] + data[m.end():]
                else:
                    data = data[:m.end()] + m.group(0) * rng.randint(1, 3) + data[m.end():]
        else:
            data = mutate_bytes(data, rng)
    return data


def mutate_xlsx(data: bytes, rng: random.Random) -> bytes:
    choice = rng.random()
    if choice < 0.55:
        return _mutate_cells(data, rng)
    if choice < 0.85:
        return _mutate_zip_member(data, rng)
    return mutate_bytes(data, rng)


def _mutate_cells(data: bytes, rng: random.Random) -> bytes:
    import datetime as dt

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data))
    except Exception:  # a seed openpyxl cannot read: mutate its bytes instead
        return mutate_bytes(data, rng)
    values = [None, "", "张伟", "Name", "姓名", 13800138000, 1.5e308, -1, dt.datetime(1900, 1, 1), dt.date(2026, 2, 28),
              "=1/0", "a ::: b", "x" * 3000, "reports_to", "economic_buyer", "Budget Holder", True, 0.5]
    for _ in range(rng.randint(1, 6)):
        sheet = rng.choice(book.worksheets)
        row = rng.randint(1, max(2, sheet.max_row + 1))
        col = rng.randint(1, max(2, sheet.max_column + 1))
        action = rng.random()
        if action < 0.7:
            sheet.cell(row=row, column=col, value=rng.choice(values))
        elif action < 0.85:
            sheet.delete_rows(row, rng.randint(1, 3))
        elif action < 0.95:
            sheet.insert_rows(row, rng.randint(1, 3))
        else:
            sheet.title = rng.choice(("People", "Links", "通讯录", "Sheet1", "x" * 31))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _mutate_zip_member(data: bytes, rng: random.Random) -> bytes:
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        members = [(info, source.read(info)) for info in source.infolist()]
    except Exception:  # noqa: BLE001 - a zip a previous round broke (bad CRC, bad deflate stream…): bytes instead
        return mutate_bytes(data, rng)
    out = io.BytesIO()
    k = rng.randrange(len(members)) if members else -1
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for number, (info, content) in enumerate(members):
            if number == k:
                if rng.random() < 0.1:
                    continue  # a member missing altogether
                content = mutate_xml(content, rng)
            target.writestr(info, content)
    return out.getvalue()


def mutate_ics(data: bytes, rng: random.Random) -> bytes:
    """Lines moved, dropped or cut, bytes flipped, and the properties that trouble a calendar reader."""
    choice = rng.random()
    if choice < 0.5:
        return mutate_lines(data, rng)
    if choice < 0.75:
        return mutate_bytes(data, rng)
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 3)):
        i = rng.randint(0, len(lines))
        lines.insert(i, rng.choice(ICS_TOKENS) + (b"\r" if rng.random() < 0.5 else b""))
    return b"\n".join(lines)


def _calendar_account(db) -> str:
    """A calendar is logged on an account that has people: one with those the seed calendars invite."""
    from app.models.entities import Account, AccountTeam, Person, TeamMember

    with db.session() as session:
        account = Account(name="Fuzz calendar")
        session.add(account)
        session.flush()
        session.add_all([Person(account_id=account.id, name=name, email=email, role="unknown", stance="unknown")
                         for name, email in ICS_PEOPLE])
        member = TeamMember(name="Li Na", email="li.na@ourcompany.com")
        session.add(member)
        session.flush()
        session.add(AccountTeam(account_id=account.id, member_id=member.id))
    return "Fuzz calendar"


MUTATORS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "csv": lambda d, r: mutate_lines(d, r) if r.random() < 0.6 else mutate_bytes(d, r),
    "vcard": lambda d, r: mutate_lines(d, r) if r.random() < 0.6 else mutate_bytes(d, r),
    "graphml": mutate_xml,
    "gexf": mutate_xml,
    "json": lambda d, r: mutate_json(d, r) if r.random() < 0.7 else mutate_bytes(d, r),
    "xlsx": mutate_xlsx,
    "ics": mutate_ics,
}


# -- running ------------------------------------------------------------------------------------------------
class _Hang(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Hang


def _row_counts(db) -> tuple:
    from sqlalchemy import text

    with db.read_session() as session:
        return tuple(session.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                     for table in ("account", "person", "link", "team_member", "interaction", "need", "action"))


def run(fmt: str, count: int, seed: int = 1, seed_files: dict[str, list[bytes]] | None = None,
        progress: Callable[[str], None] | None = None) -> Figures:
    """`count` mutated inputs of one format, each imported into a real database."""
    from app.io.apply import import_file
    from app.io.report import ImportRefused
    from app.storage.database import Database

    rng = random.Random(f"{fmt}-{seed}")
    figures = Figures()
    started = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            pool = (seed_files or seeds(folder))[fmt]
            db = None
            for number in range(count):
                if number % INPUTS_PER_DATABASE == 0:
                    if db is not None:
                        db.close()
                    db = Database.open(folder / f"fuzz{number}.db")
                    calendar_account = _calendar_account(db) if fmt == "ics" else None
                data = MUTATORS[fmt](rng.choice(pool), rng)
                if rng.random() < 0.3:  # now and then a second round on top of the first
                    data = MUTATORS[fmt](data, rng)
                path = folder / f"input{SUFFIX[fmt]}"
                path.write_bytes(data)
                before = _row_counts(db)
                t0 = time.perf_counter()
                signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
                try:
                    with db.session() as session:
                        import_file(session, path, calendar_account or f"Fuzz {number}", fmt)
                    figures.imported += 1
                except ImportRefused:
                    figures.refused += 1
                    if _row_counts(db) != before:
                        figures.wrote_on_refusal.append(_keep(folder, fmt, number, data))
                except _Hang:
                    pass  # measured below
                except Exception as exc:  # noqa: BLE001 - a crash is what the campaign looks for
                    figures.crashes.append(f"{type(exc).__name__}: {exc} [{_keep(folder, fmt, number, data)}]")
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                elapsed = time.perf_counter() - t0
                figures.slowest = max(figures.slowest, elapsed)
                if elapsed >= TIME_LIMIT:  # interrupted, or stuck in code an alarm cannot interrupt
                    figures.hangs.append(f"{elapsed:.1f} s [{_keep(folder, fmt, number, data)}]")
                figures.inputs += 1
                if progress and number % 500 == 499:
                    progress(f"{fmt}: {number + 1} of {count}")
            if db is not None:
                db.close()
    finally:
        signal.signal(signal.SIGALRM, previous)
    figures.seconds = time.perf_counter() - started
    return figures


CRASH_FOLDER = Path(tempfile.gettempdir()) / "stakemap-fuzz-findings"


def _keep(folder: Path, fmt: str, number: int, data: bytes) -> str:
    """A finding's input, kept outside the temporary folder so that it can be replayed."""
    CRASH_FOLDER.mkdir(exist_ok=True)
    path = CRASH_FOLDER / f"{fmt}-{number}{SUFFIX[fmt]}"
    path.write_bytes(data)
    return str(path)
