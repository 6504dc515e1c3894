"""Eight laptops edit the same three accounts at once for fifteen seconds against one team server: no edit
is lost (each is on the server, in its editor's conflict list, or was seen and overwritten knowingly) and
none is applied twice (bench/sync_load.py runs the same with twenty replicas for a minute, and times it)."""

from __future__ import annotations

import importlib.util

import pytest

from tests.fault_support import ROOT


def _load_bench():
    spec = importlib.util.spec_from_file_location("sync_load", ROOT / "bench" / "sync_load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_concurrent_replicas_lose_no_update_and_duplicate_nothing(pg_cluster, tmp_path):
    report = _load_bench().run_load(pg_cluster, replicas=8, seconds=15, folder=tmp_path)
    assert report["problems"] == []
    assert report["errors"] == 0, report["error_lines"]
    assert report["syncs"] >= 8 and report["edits"] >= 8
    kept = report["last_values"]
    assert kept["on_server"] > 0 and sum(kept.values()) > 0
    assert report["new_people"] > 0 and report["new_interactions"] > 0
