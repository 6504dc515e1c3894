"""Many laptops editing the same three accounts at once against one team server (a throwaway cluster).

    python bench/sync_load.py                        # 20 replicas for 60 s
    python bench/sync_load.py --replicas 8 --seconds 15 --json

Every replica is a process of its own with its own file, joined as its own member login with write grants on
the three demo accounts. Each loops until the time is up: one to three edits (a person's title, department or
notes set to a value nobody else ever writes; now and then a new person or a new interaction), then a sync,
then a short pause. Every edit is written to the replica's journal with the value the field had before.

Afterwards every replica syncs twice more and the run is checked:
- no lost update: the last value each replica wrote to a field is on the server, or in that replica's conflict
  list, or was seen and overwritten knowingly (another edit of that field started from it);
- no duplicate: every new person and interaction is on the server exactly once, and every file holds exactly
  the server's people;
and the sync times are printed: p50 and p95 of every sync of the run (the joins left out).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIELDS = ("title", "department", "notes")
ACCOUNTS = ("东潮商业银行 Dongchao Commercial Bank", "禾润生活超市 Herun Living Supermarkets",
            "恒岳重工集团 Hengyue Heavy Industries")


# --- one replica ---------------------------------------------------------------------------------------
def _edit(conn, rng: random.Random, tag: str, journal: list[dict]) -> None:
    account = rng.choice(ACCOUNTS)
    row = conn.execute("SELECT id FROM account WHERE name = ?", (account,)).fetchone()
    if row is None:
        return
    account_id = row[0]
    roll = rng.random()
    with conn:
        if roll < 0.08:
            conn.execute("INSERT INTO person (account_id, name, role, stance) VALUES (?, ?, 'unknown', 'unknown')",
                         (account_id, f"load {tag}"))
            journal.append({"kind": "person", "value": f"load {tag}"})
            return
        # A few people per account take every edit, so that replicas really do edit the same rows at once.
        people = conn.execute("SELECT id, uid FROM person WHERE account_id = ? AND uid IS NOT NULL "
                              "AND name NOT LIKE 'load %' ORDER BY uid LIMIT 8", (account_id,)).fetchall()
        pid, uid = rng.choice(people)
        if roll < 0.16:
            talk = conn.execute("INSERT INTO interaction (account_id, occurred_at, channel, summary) VALUES "
                                "(?, '2026-12-02 09:00:00', 'call', ?)", (account_id, f"load {tag}")).lastrowid
            conn.execute("INSERT INTO interaction_participant (interaction_id, person_id) VALUES (?, ?)", (talk, pid))
            journal.append({"kind": "interaction", "value": f"load {tag}"})
            return
        field = rng.choice(FIELDS)
        prev = conn.execute(f"SELECT {field} FROM person WHERE id = ?", (pid,)).fetchone()[0]
        conn.execute(f"UPDATE person SET {field} = ? WHERE id = ?", (tag, pid))
        journal.append({"kind": "field", "uid": uid, "field": field, "value": tag, "prev": prev})


def worker(config: dict) -> None:
    import app.sync  # noqa: F401  (change capture)
    from app.storage.database import Database
    from app.sync.connection import ServerAddress, SyncRefused
    from app.sync.engine import Engine

    rng = random.Random(config["seed"])
    path = Path(config["db"])
    address = ServerAddress.parse(config["url"], user=config["user"])
    journal: list[dict] = []
    timings: list[float] = []
    errors: list[str] = []
    with Database.open(path) as db, Engine(db, address, config["password"]) as engine:
        engine.join(upload=False)
        Path(config["out"]).with_suffix(".joined").touch()
        go = Path(config["go"])
        while not go.exists():  # every replica has joined: the minute starts for all at once
            time.sleep(0.02)
        window = json.loads(go.read_text())
        while time.time() < window["start"]:
            time.sleep(0.01)
        conn = sqlite3.connect(path, timeout=30)
        n = 0
        while time.time() < window["stop"]:
            for _ in range(rng.randint(1, 3)):
                n += 1
                _edit(conn, rng, f"r{config['index']}-{n}", journal)
            began = time.perf_counter()
            try:
                engine.sync()
                timings.append(time.perf_counter() - began)
            except SyncRefused as exc:
                errors.append(str(exc))
            time.sleep(rng.uniform(0.0, 0.3))
        conn.close()
    Path(config["out"]).write_text(json.dumps({"journal": journal, "timings": timings, "errors": errors}))


# --- the run --------------------------------------------------------------------------------------------
def _sync_all(files: list[tuple[Path, str, str]], url: str) -> None:
    from app.storage.database import Database
    from app.sync.connection import ServerAddress
    from app.sync.engine import Engine

    for path, user, password in files:
        with Database.open(path) as db, Engine(db, ServerAddress.parse(url, user=user), password) as engine:
            engine.sync()


def run_load(cluster, replicas: int, seconds: float, folder: Path) -> dict:
    """Run the load against a fresh database of ``cluster``; the figures and the problems found."""
    import psycopg

    import app.sync  # noqa: F401
    from app.cli import main as cli
    from app.sync import server_admin

    database = cluster.create_database("load")
    admin = cluster.url(database)
    url = cluster.bare_url(database)
    server_admin.init(admin)
    seed = folder / "seed.stakemap"
    server_admin.add_user(admin, f"{database}_seed", "member", "pw-seed")
    cli(["--db", str(seed), "demo"])
    from app.storage.database import Database
    from app.sync.connection import ServerAddress
    from app.sync.engine import Engine

    with Database.open(seed) as db, Engine(db, ServerAddress.parse(url, user=f"{database}_seed"), "pw-seed") as e:
        e.join()
    logins = []
    for i in range(replicas):
        login = f"{database}_r{i}"
        server_admin.add_user(admin, login, "member", f"pw-r{i}")
        for account in ACCOUNTS:
            server_admin.grant(admin, login, account, writable=True)
        logins.append(login)
    go = folder / "go.json"
    procs, outs, files = [], [], []
    for i, login in enumerate(logins):
        config = {"index": i, "seed": 1000 + i, "db": str(folder / f"r{i}.stakemap"), "url": url, "user": login,
                  "password": f"pw-r{i}", "go": str(go), "out": str(folder / f"r{i}.json")}
        (folder / f"r{i}.config.json").write_text(json.dumps(config))
        procs.append(subprocess.Popen([sys.executable, __file__, "--worker", str(folder / f"r{i}.config.json")],
                                      env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE,
                                      text=True))
        outs.append(Path(config["out"]))
        files.append((Path(config["db"]), login, f"pw-r{i}"))
    while not all(o.with_suffix(".joined").exists() or p.poll() is not None for o, p in zip(outs, procs, strict=True)):
        time.sleep(0.05)
    start = time.time() + 0.5
    tmp = go.with_suffix(".tmp")
    tmp.write_text(json.dumps({"start": start, "stop": start + seconds}))
    tmp.replace(go)
    problems = []
    for i, proc in enumerate(procs):
        _, err = proc.communicate(timeout=seconds + 300)
        if proc.returncode != 0:
            problems.append(f"replica {i} ended with {proc.returncode}: {err.strip()[-500:]}")
    results = [json.loads(p.read_text()) for p in outs if p.exists()]
    _sync_all(files, url)
    _sync_all(files, url)
    with psycopg.connect(admin) as conn:
        server = {(uid, f): v for uid, *values in conn.execute(f"SELECT uid::text, {', '.join(FIELDS)} FROM person")
                  for f, v in zip(FIELDS, values, strict=True)}
        names = [r[0] for r in conn.execute("SELECT name FROM person WHERE name LIKE 'load %'")]
        summaries = [r[0] for r in conn.execute("SELECT summary FROM interaction WHERE summary LIKE 'load %'")]
        server_people = sorted(conn.execute("SELECT uid::text, name, title, department, notes FROM person"))
    accounted: dict = {}
    problems += _check(results, files, server, names, summaries, server_people, accounted)
    timings = sorted(t for r in results for t in r["timings"])
    edits = sum(len(r["journal"]) for r in results)
    conflicts = sum(sqlite3.connect(f).execute("SELECT count(*) FROM sync_conflict").fetchone()[0]
                    for f, _u, _p in files)
    return {"replicas": replicas, "seconds": seconds, "syncs": len(timings), "edits": edits,
            "conflicts": conflicts, "errors": sum(len(r["errors"]) for r in results),
            "error_lines": sorted({e for r in results for e in r["errors"]})[:5],
            "p50_s": _quantile(timings, 0.5), "p95_s": _quantile(timings, 0.95), "last_values": accounted,
            "new_people": len(names), "new_interactions": len(summaries), "problems": problems}


def _check(results, files, server, names, summaries, server_people, accounted: dict) -> list[str]:
    """The problems found; ``accounted`` counts where each replica's last value of a field ended up."""
    accounted.update(on_server=0, in_conflicts=0, overwritten_knowingly=0)
    problems = []
    made_people = [e["value"] for r in results for e in r["journal"] if e["kind"] == "person"]
    made_talks = [e["value"] for r in results for e in r["journal"] if e["kind"] == "interaction"]
    if sorted(names) != sorted(made_people):
        problems.append(f"new people on the server: {len(names)} for {len(made_people)} made")
    if sorted(summaries) != sorted(made_talks):
        problems.append(f"new interactions on the server: {len(summaries)} for {len(made_talks)} made")
    seen_before = {(e["uid"], e["field"], e["prev"]) for r in results for e in r["journal"] if e["kind"] == "field"}
    for (path, _user, _pw), result in zip(files, results, strict=False):
        conn = sqlite3.connect(path)
        listed = {(uid, field, json.loads(mine)) for uid, field, mine in conn.execute(
            "SELECT uid, field, mine FROM sync_conflict WHERE tbl = 'person' AND kind = 'field'")}
        mine_people = sorted(conn.execute("SELECT uid, name, title, department, notes FROM person"))
        conn.close()
        if mine_people != server_people:
            problems.append(f"{path.name} does not hold the server's people")
        last: dict = {}
        for e in result["journal"]:
            if e["kind"] == "field":
                last[(e["uid"], e["field"])] = e["value"]  # a later edit of one's own replaces the earlier
        for (uid, field), value in last.items():
            if server.get((uid, field)) == value:
                accounted["on_server"] += 1
            elif (uid, field, value) in listed:
                accounted["in_conflicts"] += 1
            elif (uid, field, value) in seen_before:
                accounted["overwritten_knowingly"] += 1
            else:
                problems.append(f"lost update: {path.name} set {field} of {uid} to {value!r}")
    return problems


def _quantile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(json.loads(Path(args.worker).read_text()))
        return
    from tests.pg_cluster import start_cluster

    cluster = start_cluster()
    folder = Path(tempfile.mkdtemp(prefix="stakemap-load-"))
    try:
        report = run_load(cluster, args.replicas, args.seconds, folder)
    finally:
        cluster.stop()
        import shutil

        shutil.rmtree(cluster.folder, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps({"metric": "sync_load", **report}))
    else:
        print(f"{report['replicas']} replicas, {report['seconds']:.0f} s: {report['syncs']} syncs, "
              f"{report['edits']} edits, {report['conflicts']} open conflicts, {report['errors']} failed syncs")
        print(f"sync time p50 {report['p50_s'] * 1000:.0f} ms, p95 {report['p95_s'] * 1000:.0f} ms")
        kept = report["last_values"]
        print(f"last value of each edited field: {kept['on_server']} on the server, {kept['in_conflicts']} in the "
              f"editor's conflicts, {kept['overwritten_knowingly']} overwritten by an edit that started from it; "
              f"{report['new_people']} new people and {report['new_interactions']} interactions, each once")
        for line in report["error_lines"]:
            print(f"a sync failed (and was retried): {line}")
        print("no lost update, no duplicate" if not report["problems"] else "\n".join(report["problems"]))
    sys.exit(1 if report["problems"] else 0)


if __name__ == "__main__":
    main()
