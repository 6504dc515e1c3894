"""Time of `stakemap import` of a 50,000-row Salesforce-style contacts CSV, and the same rows as an XLSX
workbook, into a fresh database.

    python bench/import.py           # readable table
    python bench/import.py --json    # [{"metric": "import_csv", "size": 50000, "seconds": …, "baseline_seconds": …},
                                     #  {"metric": "import_xlsx", …}]

The CSV is generated here with a fixed seed: Salesforce API column names, one reporting tree through ReportsToId,
a few Chinese names, and 1 % of rows repeating an earlier e-mail address (so duplicate detection has work to do).
The measured metric is the import end to end: open a new database, detect the encoding, parse, match, write
people and reporting links, commit. The baseline, measured in the same run, is the plain way: csv.DictReader and
one ORM ``session.add`` + ``session.flush()`` per row, no duplicate detection and no links; for XLSX, openpyxl's
ordinary (not read-only) ``load_workbook`` and the same per-row ORM writes. Each import timing is the median of
three runs; the baseline, ten times slower, is run once so that the script stays within two minutes; peak Python
memory of one import is measured separately with tracemalloc.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
import tracemalloc
from pathlib import Path

from _support import ensure_project_python, log, median_seconds  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = 50_000
RUNS = 3
BASELINE_RUNS = 1
SEED = 20240611
TARGET_SECONDS = 5.0
DEPARTMENTS = ("IT", "Finance", "Procurement", "Operations", "Quality", "信息技术部", "采购部")
TITLES = ("Director", "Manager", "Engineer", "Analyst", "VP", "总监", "经理")
GIVEN = ("Wei", "Lei", "Mei", "Anna", "Tao", "Jing", "Hong", "Karen", "John")
FAMILY = ("Zhang", "Wang", "Chen", "Liu", "Sun", "Zhou", "Guo", "Smith")
CJK_FAMILY, CJK_GIVEN = "张王李赵陈刘杨黄", "伟芳娜敏静强磊洋"


def sf_id(i: int) -> str:
    return f"0035g{i:010d}AAV"


def write_csv(path: Path, rows: int, seed: int = SEED) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Id", "AccountId", "FirstName", "LastName", "Title", "Department", "Email", "Phone",
                      "ReportsToId", "Description"])
        for i in range(rows):
            if i % 10 == 7:
                first, last = rng.choice(CJK_GIVEN), rng.choice(CJK_FAMILY)
            else:
                first, last = rng.choice(GIVEN), f"{rng.choice(FAMILY)}{i}"
            email = f"p{i}@example.com" if i < 100 or rng.random() > 0.01 else f"p{rng.randrange(100)}@example.com"
            manager = sf_id(int(rng.random() ** 2 * i)) if i else ""
            out.writerow([sf_id(i), "0015g00000XyZaBAAV", first, last, rng.choice(TITLES), rng.choice(DEPARTMENTS),
                          email, f"+86 21 {rng.randrange(10**7, 10**8)}", manager,
                          "Met at the expo" if rng.random() < 0.1 else ""])


def write_xlsx(csv_path: Path, path: Path) -> None:
    """The same rows as a workbook, the way a CRM writes one (phones as text, a title row above the header)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Contacts")
    sheet.append(["Contacts export"])
    with open(csv_path, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    book.save(path)


def import_once(path: Path, workdir: Path, run: list[int]) -> None:
    from app.io.apply import format_of, import_file
    from app.storage.database import Database

    run[0] += 1
    db = Database.open(workdir / f"stakemap-{run[0]}.db")
    try:
        with db.session() as session:
            import_file(session, path, "Benchmark Account", format_of(path))
    finally:
        db.close()


def _naive_rows(path: Path):
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)
        return
    from openpyxl import load_workbook

    rows = load_workbook(path)["Contacts"].iter_rows(min_row=2, values_only=True)
    header = next(rows)
    for values in rows:
        yield {k: "" if v is None else str(v) for k, v in zip(header, values, strict=False)}


def naive_once(path: Path, workdir: Path, run: list[int]) -> None:
    from app.models.entities import Account, Person
    from app.storage.database import Database

    run[0] += 1
    db = Database.open(workdir / f"naive-{run[0]}.db")
    try:
        with db.session() as session:
            account = Account(name="Benchmark Account")
            session.add(account)
            session.flush()
            for row in _naive_rows(path):
                session.add(Person(account_id=account.id, name=f"{row['FirstName']} {row['LastName']}",
                                   title=row["Title"], department=row["Department"], email=row["Email"],
                                   phone=row["Phone"], notes=row["Description"] or None))
                session.flush()
    finally:
        db.close()


def measure(size: int, runs: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        csv_path = workdir / "contacts.csv"
        log(f"writing {size:,} rows …")
        write_csv(csv_path, size)
        xlsx_path = workdir / "contacts.xlsx"
        write_xlsx(csv_path, xlsx_path)
        counter = [0]
        log("warm-up …")
        write_csv(workdir / "small.csv", 200)
        import_once(workdir / "small.csv", workdir, counter)
        results = []
        for metric, path in (("import_csv", csv_path), ("import_xlsx", xlsx_path)):
            log(f"{metric} x{runs} …")
            seconds = median_seconds(lambda path=path: import_once(path, workdir, counter), runs)
            log(f"naive {metric} x{BASELINE_RUNS} …")
            baseline = median_seconds(lambda path=path: naive_once(path, workdir, counter), BASELINE_RUNS)
            log("peak memory …")
            tracemalloc.start()
            import_once(path, workdir, counter)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            results.append({"metric": metric, "size": size, "seconds": seconds, "baseline": baseline,
                            "peak_mb": peak / 2**20, "file_mb": path.stat().st_size / 2**20})
        return results


def main() -> int:
    ensure_project_python("bench/import.py", ("sqlalchemy", "charset_normalizer", "openpyxl"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print a JSON list of results")
    parser.add_argument("--size", type=int, default=SIZE, help=argparse.SUPPRESS)
    args = parser.parse_args()
    results = measure(args.size, RUNS)
    if args.json:
        print(json.dumps([{"metric": r["metric"], "size": r["size"], "seconds": round(r["seconds"], 4),
                           "baseline_seconds": round(r["baseline"], 4)} for r in results]))
        return 0
    print(f"Import of a generated Salesforce export (seed {SEED}), median of {RUNS} runs, seconds")
    print()
    print(f"  {'format':<7}{'rows':>7}{'file MB':>9}  {'import':>8}{'naive':>8}{'speed-up':>10}{'peak MB':>9}")
    for r in results:
        print(f"  {r['metric'][7:]:<7}{r['size']:>7,}{r['file_mb']:>9.1f}  {r['seconds']:>8.2f}{r['baseline']:>8.2f}"
              f"{r['baseline'] / r['seconds']:>9.1f}x{r['peak_mb']:>9.1f}")
    print()
    print("  import: encoding detection (CSV), header search, parsing, duplicate matching, people + reports_to links,")
    print("          one commit")
    print("  naive: csv.DictReader, or openpyxl's load_workbook, + session.add + flush per row, no duplicates,")
    print("         no links")
    print("  peak MB: tracemalloc peak of one import (Python allocations only)")
    for r in results:
        verdict = "met" if r["seconds"] <= TARGET_SECONDS else "NOT met"
        print(f"  target: {r['metric']} <= {TARGET_SECONDS:g} s at {r['size']:,} rows: {verdict} "
              f"({r['seconds']:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
