"""Time of team sync against a real PostgreSQL team server started here (a throwaway cluster).

    python bench/sync.py           # readable table
    python bench/sync.py --json    # [{"metric": "sync_join" | "sync_pull" | "sync_push" | "sync_live", ...}]
    python bench/sync.py --accounts 100 --join-only   # a fifth of the portfolio, the join alone (quick)

A manager's file holding a generated portfolio (500 accounts, 25,000 people, topped up to 64,000 links) joins
an empty team server and uploads it. Then, with the server full:
- ``sync_join``: an empty file joins as another manager and pulls everything; the floor, measured in the same
  run, is reading the same rows with ``COPY (SELECT …) TO STDOUT`` from every synced table as that login;
- ``sync_pull``: the uploader edits 100 people and pushes; the time of the other file's sync pulling them;
- ``sync_push``: 1,000 queued offline edits (titles of 1,000 people) pushed by one sync;
- ``sync_live``: from an edit pushed by one file to the change in the other file, which listens for the
  server's NOTIFY and pulls when it comes (what a running app does; the map redraw is the window's part).
Targets on a 2-core box: join within 5x the floor, 100 edits pulled in under 0.5 s, 1,000 pushed in under 3 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from _support import ensure_project_python, log  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACCOUNTS, PEOPLE_PER_ACCOUNT, LINKS = 500, 50, 64_000
SEED = 20261202
RUNS = 3


def _engine(db, address, password):
    from app.sync.engine import Engine

    return Engine(db, address, password)


def _top_up_links(path: Path, wanted: int) -> None:
    """Add ``knows`` links between people of the same account until the file holds ``wanted`` links."""
    import random

    rng = random.Random(SEED)
    conn = sqlite3.connect(path)
    have = conn.execute("SELECT count(*) FROM link").fetchone()[0]
    people: dict[int, list[int]] = {}
    for pid, aid in conn.execute("SELECT id, account_id FROM person"):
        people.setdefault(aid, []).append(pid)
    accounts = list(people)
    rows = []
    while have + len(rows) < wanted:
        aid = rng.choice(accounts)
        a, b = rng.sample(people[aid], 2)
        rows.append((aid, a, b))
    with conn:
        conn.executemany("INSERT INTO link (account_id, kind, strength, source_person_id, target_person_id) "
                         "VALUES (?, 'knows', 2, ?, ?)", rows)
    conn.close()


def _edit_titles(path: Path, count: int, tag: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(f"UPDATE person SET title = ? || id WHERE id IN (SELECT id FROM person ORDER BY id LIMIT {count})",
                     (tag,))
    conn.close()


def _copy_floor(cluster, database, login, password) -> float:
    import psycopg

    from app.sync.server_rows import select_sql
    from app.sync.tables import sync_tables

    with psycopg.connect(cluster.url(database, login, password)) as conn:
        start = time.perf_counter()
        for info in sync_tables().values():
            with conn.cursor().copy(f"COPY ({select_sql(info)}) TO STDOUT") as copy:
                for _ in copy:
                    pass
        return time.perf_counter() - start


def run(json_out: bool, accounts: int = ACCOUNTS, join_only: bool = False) -> list[dict]:
    from app.portfolio.synthetic import generate_portfolio
    from app.storage.database import Database
    from app.sync import server_admin
    from app.sync.connection import ServerAddress
    from tests.pg_cluster import start_cluster

    records = []
    cluster = start_cluster()
    folder = Path(tempfile.mkdtemp(prefix="stakemap-bench-sync-"))
    try:
        database = cluster.create_database("bench")
        admin = cluster.url(database)
        server_admin.init(admin)
        for name in ("boss", "exec"):
            server_admin.add_user(admin, f"{database}_{name}", "manager", f"pw-{name}")
        boss_path, exec_path = folder / "boss.stakemap", folder / "exec.stakemap"
        log("generating the portfolio…")
        generate_portfolio(boss_path, accounts=accounts, people_per_account=PEOPLE_PER_ACCOUNT, seed=SEED)
        _top_up_links(boss_path, LINKS * accounts // ACCOUNTS)
        people = sqlite3.connect(boss_path).execute("SELECT count(*) FROM person").fetchone()[0]
        address = {n: ServerAddress.parse(cluster.bare_url(database), user=f"{database}_{n}") for n in ("boss", "exec")}
        import app.sync  # noqa: F401

        boss_db = Database.open(boss_path)
        log("uploading…")
        start = time.perf_counter()
        with _engine(boss_db, address["boss"], "pw-boss") as engine:
            uploaded = engine.join()
        upload_seconds = time.perf_counter() - start
        log(f"uploaded {uploaded.pushed} rows in {upload_seconds:.1f} s")

        floors, joins = [], []
        for run_index in range(RUNS):
            floors.append(_copy_floor(cluster, database, f"{database}_exec", "pw-exec"))
            path = folder / f"join-{run_index}.stakemap"
            db = Database.open(path)
            start = time.perf_counter()
            with _engine(db, address["exec"], "pw-exec") as engine:
                joined = engine.join()
            joins.append(time.perf_counter() - start)
            log(f"join {run_index + 1}: {joins[-1]:.2f} s, floor {floors[-1]:.3f} s")
            db.close()
            if run_index < RUNS - 1:
                for suffix in ("", "-wal", "-shm"):
                    Path(str(path) + suffix).unlink(missing_ok=True)
        shutil.copy(path, exec_path)
        log(f"joined: {joined.pulled} rows")
        records.append({"metric": "sync_join", "size": people, "seconds": statistics.median(joins),
                        "baseline_seconds": statistics.median(floors)})
        if join_only:
            boss_db.close()
            return records

        exec_db = Database.open(exec_path)
        pulls, pushes = [], []
        for run_index in range(RUNS):
            _edit_titles(boss_path, 100, f"pull{run_index}-")
            with _engine(boss_db, address["boss"], "pw-boss") as engine:
                engine.sync()
            start = time.perf_counter()
            with _engine(exec_db, address["exec"], "pw-exec") as engine:
                result = engine.sync()
            pulls.append(time.perf_counter() - start)
            assert result.pulled == 100, result
        records.append({"metric": "sync_pull", "size": 100, "seconds": statistics.median(pulls),
                        "baseline_seconds": None})
        for run_index in range(RUNS):
            _edit_titles(exec_path, 1000, f"push{run_index}-")
            start = time.perf_counter()
            with _engine(exec_db, address["exec"], "pw-exec") as engine:
                result = engine.sync()
            pushes.append(time.perf_counter() - start)
            assert result.pushed == 1000, result
            with _engine(boss_db, address["boss"], "pw-boss") as engine:
                engine.sync()
        records.append({"metric": "sync_push", "size": 1000, "seconds": statistics.median(pushes),
                        "baseline_seconds": None})
        records.append({"metric": "sync_live", "size": 1,
                        "seconds": statistics.median(_live(boss_db, exec_db, address) for _ in range(RUNS)),
                        "baseline_seconds": None})
        exec_db.close()
        boss_db.close()
    finally:
        cluster.stop()
        shutil.rmtree(cluster.folder, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
    return records


def _live(boss_db, exec_db, address) -> float:
    """Seconds from one file's edit to the other file holding it, the other pulling on NOTIFY."""
    from app.sync.connection import connect

    listener = connect(address["exec"], "pw-exec", autocommit=True)
    listener.execute("LISTEN stakemap_sync")
    stamp = f"live-{time.time_ns()}"
    arrived = threading.Event()

    def listen():
        for _ in listener.notifies(timeout=10, stop_after=1):
            with _engine(exec_db, address["exec"], "pw-exec") as engine:
                engine.sync()
            row = exec_db.engine.raw_connection()
            try:
                if row.execute("SELECT count(*) FROM person WHERE title = ?", (stamp,)).fetchone()[0]:
                    arrived.set()
            finally:
                row.close()

    thread = threading.Thread(target=listen)
    thread.start()
    start = time.perf_counter()
    conn = sqlite3.connect(boss_db.path)
    with conn:
        conn.execute("UPDATE person SET title = ? WHERE id = (SELECT min(id) FROM person)", (stamp,))
    conn.close()
    with _engine(boss_db, address["boss"], "pw-boss") as engine:
        engine.sync()
    thread.join(15)
    seconds = time.perf_counter() - start
    listener.close()
    if not arrived.is_set():
        raise RuntimeError("the change never reached the other file")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--accounts", type=int, default=ACCOUNTS,
                        help=f"accounts in the portfolio (default {ACCOUNTS}; links scale with it)")
    parser.add_argument("--join-only", action="store_true", help="time the join alone")
    args = parser.parse_args()
    ensure_project_python("bench/sync.py", ("psycopg", "sqlalchemy"))
    records = run(args.json, args.accounts, args.join_only)
    if args.json:
        print(json.dumps(records))
        return
    print(f"{'metric':<10} {'size':>7} {'seconds':>9} {'floor':>9} {'ratio':>7}")
    for r in records:
        base = r["baseline_seconds"]
        floor = f"{base:.3f}" if base is not None else "-"
        ratio = f"{r['seconds'] / base:.1f}x" if base else "-"
        print(f"{r['metric']:<10} {r['size']:>7} {r['seconds']:>9.3f} {floor:>9} {ratio:>7}")


if __name__ == "__main__":
    main()
