"""The throwaway cluster the team-mode tests run against: real password authentication, per-test databases."""

from __future__ import annotations

import psycopg
import pytest

from tests.pg_cluster import SUPERUSER


def test_cluster_takes_scram_passwords_only(pg_cluster, pg_database):
    with psycopg.connect(pg_cluster.url(pg_database)) as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == SUPERUSER
        assert conn.execute("SHOW password_encryption").fetchone()[0] == "scram-sha-256"
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_cluster.url(pg_database, password="wrong"), connect_timeout=5)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(pg_cluster.url(pg_database, password=None), connect_timeout=5)
