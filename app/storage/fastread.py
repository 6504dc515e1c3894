"""Read the account list straight from an SQLite file, without loading SQLAlchemy.

The window shows the key accounts this way while the database layer is still loading, which keeps
start-up close to that of a bare window. The statement is the SQLite compilation of
``app.models.repositories.accounts.account_summaries_statement()``; a test keeps the two identical.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.storage.fileinfo import APPLICATION_ID, read_only_uri

ACCOUNT_SUMMARIES_SQL = (
    "SELECT account.id, account.name, account.tier, account.industry, account.region, account.owner_id, team_member.name AS name_1, coalesce(anon_1.n, 0) AS coalesce_1, coalesce(anon_2.n, 0) AS coalesce_2 \n"
    "FROM account LEFT OUTER JOIN team_member ON team_member.id = account.owner_id LEFT OUTER JOIN (SELECT person.account_id AS account_id, count(*) AS n \n"
    "FROM person \n"
    "WHERE person.archived IS 0 GROUP BY person.account_id) AS anon_1 ON anon_1.account_id = account.id LEFT OUTER JOIN (SELECT account_team.account_id AS account_id, count(*) AS n \n"
    "FROM account_team GROUP BY account_team.account_id) AS anon_2 ON anon_2.account_id = account.id ORDER BY account.name"
)


def read_account_summaries(path: Path) -> list[tuple] | None:
    """The account list of a Stakemap file, or None when the file cannot be read this way (missing,
    not ours, damaged, older schema); the normal open path then decides what to tell the user."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return None
        return [tuple(row) for row in conn.execute(ACCOUNT_SUMMARIES_SQL)]
    except sqlite3.Error:
        return None
    finally:
        conn.close()
