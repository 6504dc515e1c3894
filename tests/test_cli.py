"""The command line of DESIGN.md: demo, check, accounts, and the exit statuses other tools rely on."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.demo import DEMO_ACCOUNT_NAMES

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=ROOT, timeout=120)


def test_demo_then_accounts_json_through_main_py(tmp_path):
    db = tmp_path / "cli.db"
    first = run("--db", str(db), "demo")
    assert first.returncode == 0, first.stderr
    assert all(name in first.stdout for name in DEMO_ACCOUNT_NAMES)
    again = run("--db", str(db), "demo")
    assert again.returncode == 0 and "nothing added" in again.stdout

    listed = run("--db", str(db), "accounts", "--json")
    assert listed.returncode == 0, listed.stderr
    payload = json.loads(listed.stdout)
    assert set(payload) == {"accounts"}
    rows = {row["account"]: row for row in payload["accounts"]}
    assert set(rows) == set(DEMO_ACCOUNT_NAMES)
    for row in rows.values():
        assert set(row) == {"account", "tier", "people", "team_members"}
        assert 15 <= row["people"] <= 40 and row["team_members"] >= 1
    conn = sqlite3.connect(db)
    people = dict(conn.execute(
        "SELECT a.name, count(p.id) FROM account a JOIN person p ON p.account_id = a.id "
        "WHERE p.archived = 0 GROUP BY a.name").fetchall())
    conn.close()
    assert {name: row["people"] for name, row in rows.items()} == people
    assert rows[DEMO_ACCOUNT_NAMES[0]]["tier"] == "strategic"


def test_accounts_table_is_readable(tmp_path, capsys):
    db = tmp_path / "cli.db"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "accounts"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["Account", "Tier", "People", "Team"]
    assert len(out) == 1 + len(DEMO_ACCOUNT_NAMES)


def test_check_writes_a_verified_backup(tmp_path, capsys):
    from app.storage.backup import integrity_problems, list_backups

    db = tmp_path / "cli.db"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "check"]) == 0
    out = capsys.readouterr().out
    assert "pages and references ok" in out
    backups = list_backups(db)
    assert len(backups) == 1 and integrity_problems(backups[0]) == []
    assert str(backups[0]) in out


def test_check_fails_on_a_database_with_a_problem(tmp_path, capsys):
    from app.storage.backup import list_backups

    db = tmp_path / "cli.db"
    assert main(["--db", str(db), "demo"]) == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO person (account_id, name, role, stance, archived) VALUES (999, 'x', 'unknown', "
                 "'unknown', 0)")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 1
    err = capsys.readouterr().err
    assert "person" in err and "account" in err
    assert list_backups(db) == []  # no backup of a damaged file


@pytest.mark.parametrize("content", [b"", b"name,title\n\xe5\xbc\xa0\xe4\xbc\x9f,CIO\n", os.urandom(4096)])
def test_a_bad_file_is_refused_with_one_line_and_exit_1(tmp_path, content):
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    result = run("--db", str(bad), "accounts")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(bad) in lines[0]
    assert bad.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.db"]


def test_wrong_usage_exits_2(tmp_path):
    assert run("--db", str(tmp_path / "x.db"), "no-such-command").returncode == 2
    assert run("--lang", "fr").returncode == 2
    assert not (tmp_path / "x.db").exists()


def test_a_newer_database_is_refused(tmp_path):
    db = tmp_path / "cli.db"
    assert main(["--db", str(db), "demo"]) == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version=99")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    result = run("--db", str(db), "accounts", "--json")
    assert result.returncode == 1 and "newer version" in result.stderr
    assert db.read_bytes() == before
