"""`stakemap analyze --json` with relationship health (DESIGN.md "Relationship health"), through the program."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from app.document import Workspace
from app.storage.database import Database

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=ROOT, timeout=120)


def test_analyze_json_reports_freshness_evidence_cadence_and_nps(tmp_path, qapp):
    path = tmp_path / "health.db"
    today = dt.datetime.combine(dt.date.today(), dt.time(10, 0))
    database = Database.open(path)
    try:
        ws = Workspace(database)
        acme = ws.create_account("Acme")
        zhang = ws.add_person(acme, "张伟", role="economic_buyer", stance="advocate", influence=5)
        li = ws.add_person(acme, "李娜", role="user_buyer", influence=1)
        wang = ws.add_person(acme, "王强", role="unknown")
        chen = ws.add_member("陈思远")
        ws.assign_member(acme, chen)
        ws.add_link(acme, "covers", ("member", chen), ("person", zhang), 4)
        ws.add_link(acme, "covers", ("member", chen), ("person", li), 1)
        ws.add_link(acme, "covers", ("member", chen), ("person", wang), 3)
        # 张伟: one meeting 130 days ago with 陈思远 → last contact 130, effective 4 − 2 = 2 (stale), inferred 3.
        ws.add_interaction(acme, today - dt.timedelta(days=130), "meeting", [("person", zhang), ("member", chen)])
        # 李娜: three visits and a demo in the last month with 陈思远: 3 + 3 + 3 + 2 = 11 → 1 + floor(log2 12) = 4.
        for days, channel in ((3, "visit"), (10, "visit"), (20, "visit"), (25, "demo")):
            ws.add_interaction(acme, today - dt.timedelta(days=days), channel, [("person", li), ("member", chen)])
        ws.add_survey_answer(zhang, dt.date.today() - dt.timedelta(days=40), 4)
        ws.add_survey_answer(zhang, dt.date.today() - dt.timedelta(days=5), 10, 5)
        ws.add_survey_answer(li, dt.date.today() - dt.timedelta(days=5), 5)
    finally:
        database.close()

    result = run("--db", str(path), "analyze", "--account", "Acme", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    people = {p["name"]: p for p in payload["people"]}
    z, lina, w, c = people["张伟"], people["李娜"], people["王强"], people["陈思远"]
    assert (z["last_contact_days"], z["effective_coverage_level"], z["inferred_level"], z["satisfaction"]) == (
        130, 2, 3, 10)
    assert {"stale", "cadence_overdue", "champion_at_risk"} <= set(z["flags"])
    assert "overstated_relationship" not in z["flags"]  # one meeting in 180 days is evidence of 3, not ≤ 2
    assert (lina["last_contact_days"], lina["effective_coverage_level"], lina["inferred_level"]) == (3, 1, 4)
    assert "understated_relationship" in lina["flags"] and "stale" not in lina["flags"]
    assert "cadence_overdue" not in lina["flags"]  # a user buyer every 90 days, met 3 days ago
    # 王强 was never met: level 3 counts 2, and nobody asked him.
    assert (w["last_contact_days"], w["effective_coverage_level"], w["satisfaction"]) == (None, 2, None)
    assert (c["last_contact_days"], c["effective_coverage_level"], c["inferred_level"], c["satisfaction"]) == (
        None, 0, 0, None)
    assert payload["coverage"]["stale"] == ["张伟", "王强"]
    # Declared: 张伟 (5) and 王强 (3) count, of 5 + 1 + 3; effective: nobody reaches 3.
    assert payload["coverage"]["score"] == 8 / 9
    assert payload["coverage"]["effective_score"] == 0.0
    # Latest answers 10 and 5: one promoter, one detractor.
    assert payload["nps"] == 0.0

    table = run("--db", str(path), "analyze", "--account", "Acme")
    assert table.returncode == 0, table.stderr
    assert "stale            张伟, 王强" in table.stdout
