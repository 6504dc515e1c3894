"""Start-up time: from process start until Stakemap's main window is shown, on a 500-account database.

    python bench/startup.py           # readable table
    python bench/startup.py --json    # [{"metric": "startup", "size": 500, "seconds": ..., "baseline_seconds": ...}]

The baseline is a bare QApplication with an empty QMainWindow, shown and painted, in the same kind of fresh
process. Both run offscreen; each is measured as the median of several runs after one warm-up run.
The target is a start-up no slower than twice the bare window.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _support import ensure_project_python, log  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

ACCOUNTS = 500
PEOPLE_PER_ACCOUNT = (16, 24)  # inclusive range; about 20 on average
TEAM_POOL = 40
TEAM_PER_ACCOUNT = (1, 3)  # about 2 on average
RUNS = 5
RUN_TIMEOUT = 60.0  # seconds for one process to show its window
TARGET_RATIO = 2.0
READY_LINE = "startup-shown"

BASELINE_CODE = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()

def shown():
    app.processEvents()
    print({READY_LINE!r}, flush=True)
    app.quit()

QTimer.singleShot(0, shown)
sys.exit(app.exec())
"""


# --- data --------------------------------------------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯"
TITLES = ("CEO", "CFO", "CIO", "CTO", "VP Operations", "IT Director", "Procurement Manager", "Plant Manager",
          "Head of Finance", "Project Lead", "Architect", "Engineer", "Buyer", "Analyst")
DEPARTMENTS = ("Executive", "Finance", "IT", "Operations", "Procurement", "Engineering", "Quality", "Sales")
INDUSTRIES = ("Manufacturing", "Energy", "Healthcare", "Finance", "Retail", "Logistics", "Telecom", "Education")
REGIONS = ("华东", "华北", "华南", "西南", "East", "North", "South", "West")


def generate_database(path: Path) -> int:
    """Write the benchmark database through the project's storage API; returns the number of people."""
    from sqlalchemy import insert

    from app.models import Account, AccountTeam, Person, TeamMember, enums
    from app.storage.database import Database

    rng = random.Random(20240501)
    members = [
        {
            "id": i,
            "name": f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{rng.choice(GIVEN)}",
            "title": "Account Manager",
            "team_role": rng.choice(enums.TEAM_ROLES),
            "email": f"member{i}@example.com",
        }
        for i in range(1, TEAM_POOL + 1)
    ]
    accounts, people, teams = [], [], []
    for a in range(1, ACCOUNTS + 1):
        team = rng.sample(range(1, TEAM_POOL + 1), rng.randint(*TEAM_PER_ACCOUNT))
        accounts.append(
            {
                "id": a,
                "name": f"Account {a:03d} {rng.choice(INDUSTRIES)}",
                "industry": rng.choice(INDUSTRIES),
                "region": rng.choice(REGIONS),
                "employees": rng.randint(50, 100_000),
                "tier": rng.choice(enums.TIERS),
                "purchasing_capacity": rng.choice(enums.PURCHASING_CAPACITIES),
                "owner_id": team[0],
            }
        )
        teams.extend({"account_id": a, "member_id": m, "x": rng.uniform(-600, 600), "y": -500.0} for m in team)
        for _ in range(rng.randint(*PEOPLE_PER_ACCOUNT)):
            people.append(
                {
                    "account_id": a,
                    "name": f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{rng.choice(GIVEN)}",
                    "title": rng.choice(TITLES),
                    "department": rng.choice(DEPARTMENTS),
                    "role": rng.choice(enums.BUYING_ROLES),
                    "stance": rng.choice(enums.STANCES),
                    "influence": rng.choice((None, 1, 2, 3, 4, 5)),
                    "x": rng.uniform(-800, 800),
                    "y": rng.uniform(-400, 600),
                }
            )

    db = Database.open(path)
    try:
        with db.engine.begin() as conn:
            conn.execute(insert(TeamMember), members)
            conn.execute(insert(Account), accounts)
            conn.execute(insert(AccountTeam), teams)
            conn.execute(insert(Person), people)
    finally:
        db.close()
    return len(people)


# --- measurement -------------------------------------------------------------------------------------------


class ProbeError(RuntimeError):
    pass


def time_until_shown(cmd: list[str], env: dict[str, str], label: str) -> dict[str, float]:
    """Seconds from starting ``cmd`` until it prints READY_LINE, and until each other ``startup-*`` line
    (e.g. ``startup-ready``: the database layer loaded and every panel editable); the process must then
    exit with 0."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err,
            text=True, encoding="utf-8", errors="replace",
        )
        lines: queue.Queue[str | None] = queue.Queue()

        def pump() -> None:
            for line in proc.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        elapsed = None
        marks: dict[str, float] = {}
        deadline = start + RUN_TIMEOUT
        try:
            while True:
                try:
                    line = lines.get(timeout=max(0.0, deadline - time.perf_counter()))
                except queue.Empty:
                    raise ProbeError(f"{label}: no {READY_LINE!r} line within {RUN_TIMEOUT:.0f} s") from None
                if line is None:
                    if elapsed is not None:
                        break
                    proc.wait(timeout=10)
                    raise ProbeError(f"{label}: exited with {proc.returncode} without printing {READY_LINE!r}")
                word = (line.split() or [""])[0]
                if word.startswith("startup-"):  # "startup-shown", possibly followed by details
                    marks[word] = time.perf_counter() - start
                    if word == READY_LINE:
                        elapsed = marks[word]
            code = proc.wait(timeout=30)
            if code != 0:
                raise ProbeError(f"{label}: printed {READY_LINE!r} but exited with {code}")
            return marks
        except (ProbeError, subprocess.TimeoutExpired) as exc:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-15:]
            detail = ("\n  stderr:\n    " + "\n    ".join(tail)) if tail else ""
            message = str(exc) if isinstance(exc, ProbeError) else f"{label}: did not quit after showing its window"
            raise ProbeError(message + detail) from None


def measure(runs: int) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="stakemap-bench-startup-"))
    try:
        db_path = workdir / "bench.db"
        config_dir = workdir / "config"
        config_dir.mkdir()
        t = time.perf_counter()
        people = generate_database(db_path)
        log(f"generated {ACCOUNTS} accounts, {people} people, {TEAM_POOL} team members in "
            f"{time.perf_counter() - t:.1f} s")

        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
        app_env = dict(env, STAKEMAP_STARTUP_PROBE="1", STAKEMAP_CONFIG_DIR=str(config_dir))
        baseline_cmd = [sys.executable, "-c", BASELINE_CODE]
        app_cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "--lang", "en"]

        result = {"people": people, "runs": runs, "baseline": [], "app": [], "app_ready": [], "error": None}
        time_until_shown(baseline_cmd, env, "bare window")  # warm-up
        try:
            time_until_shown(app_cmd, app_env, "Stakemap")  # warm-up (also writes the first daily backup)
        except ProbeError as exc:
            result["error"] = str(exc)
        for i in range(runs):
            result["baseline"].append(time_until_shown(baseline_cmd, env, "bare window")[READY_LINE])
            if result["error"] is None:
                try:
                    marks = time_until_shown(app_cmd, app_env, "Stakemap")
                    result["app"].append(marks[READY_LINE])
                    if "startup-ready" in marks:
                        result["app_ready"].append(marks["startup-ready"])
                except ProbeError as exc:
                    result["error"] = str(exc)
            log(f"run {i + 1}/{runs} done")
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print a JSON list of results")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"measured runs of each (default {RUNS})")
    args = parser.parse_args(argv)

    ensure_project_python("bench/startup.py", ("PySide6", "sqlalchemy"))
    sys.path.insert(0, str(ROOT))

    result = measure(max(1, args.runs))
    baseline = statistics.median(result["baseline"])
    seconds = statistics.median(result["app"]) if result["app"] and result["error"] is None else None

    if args.json:
        if result["error"]:
            log(f"bench/startup.py: {result['error']}")
            return 1
        print(json.dumps([{"metric": "startup", "size": ACCOUNTS, "seconds": round(seconds, 4),
                           "baseline_seconds": round(baseline, 4)}]))
        return 0

    print(f"Start-up until the main window is shown with its accounts listed (offscreen), {ACCOUNTS} accounts / "
          f"{result['people']} people;")
    print(f"median of {result['runs']} runs after 1 warm-up")
    print()
    print(f"  {'':<28}{'seconds':>9}")
    print(f"  {'bare QMainWindow (baseline)':<28}{baseline:>9.3f}")
    if seconds is None:
        print(f"  {'Stakemap':<28}{'failed':>9}")
        print()
        print(f"Stakemap did not report its window: {result['error']}")
        return 1
    ratio = seconds / baseline
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"  {'Stakemap, accounts listed':<28}{seconds:>9.3f}")
    if result["app_ready"]:
        ready = statistics.median(result["app_ready"])
        print(f"  {'Stakemap, panels editable':<28}{ready:>9.3f}   (database layer loaded in the background)")
    print()
    print(f"  ratio {ratio:.2f}x   target <= {TARGET_RATIO:g}x the bare window: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
