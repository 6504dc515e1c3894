"""The layers stay apart, and the Qt build in use does not corrupt Python's None."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout


def _pyside_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("PySide6"))
    return found


def test_document_layer_uses_qtcore_only():
    used = set()
    for path in (ROOT / "app" / "document").rglob("*.py"):
        used |= _pyside_modules(path)
    assert used <= {"PySide6.QtCore"}, used


def test_models_and_storage_do_not_import_qt():
    for folder in ("models", "storage", "demo"):
        for path in (ROOT / "app" / folder).rglob("*.py"):
            assert not _pyside_modules(path), path


def test_void_qt_calls_do_not_leak_none_references(qapp):
    """PySide6 6.12.0 on Python 3.11 decrements None's refcount in every void method and crashes."""
    from PySide6.QtWidgets import QGraphicsRectItem

    item = QGraphicsRectItem(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for i in range(500):
        item.setPos(i, i)
        item.setZValue(i)
    after = sys.getrefcount(None)
    assert after >= before - 10, (before, after)


_WITHOUT_SCIPY = r'''
import importlib
import pkgutil
import sys
import tempfile
from pathlib import Path


class NoScipy:
    """As if scipy were not installed, which it is not in the desktop build."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "scipy":
            raise ImportError(f"No module named {name!r} (blocked)")
        return None


sys.meta_path.insert(0, NoScipy())

import numpy as np

import app

for info in pkgutil.walk_packages(app.__path__, "app."):
    importlib.import_module(info.name)

from app.analysis import Edge, Node, analyze, best_routes
from app.demo import DEMO_ACCOUNT_NAMES, load_demo
from app.io.export_graph import analysed_map, write_gexf, write_graphml
from app.layout import force_directed, grouped, org_chart, remove_overlaps
from app.layout.synthetic import sample_map
from app.models.repositories.accounts import find_account_by_name
from app.storage.database import Database

# Layouts: all pairs below EXACT_UP_TO people, the FFT field and the neighbour grid above it.
for people in (60, 700):
    nodes, edges = sample_map(people, seed=3)
    for layout in (force_directed, org_chart, lambda n, e: grouped(n, e, "role")):
        positions = layout(nodes, edges)
        assert len(positions) == len(nodes) and np.all(np.isfinite(list(positions.values())))
heap = {n.key: (float(i % 7), 0.0) for i, n in enumerate(nodes)}
assert len(remove_overlaps(nodes, heap)) == len(nodes)

# Analysis of a generated map with a reporting loop in it, and routes to its economic buyers.
records = [Node(n.key, f"Person {i}", n.role, ("supporter", "skeptic", None)[i % 3], (None, 2, 4)[i % 3])
           for i, n in enumerate(nodes)]
links = [Edge(e.source, e.target, e.kind, e.strength) for e in edges]
people = [n.key for n in nodes if not n.is_member]
links += [Edge(people[1], people[2], "reports_to"), Edge(people[2], people[1], "reports_to")]
result = analyze(records, links)
assert len(result.people) == len(records)
assert abs(sum(p.influence_score for p in result.people if p.key[0] == "person") - 1.0) < 1e-9
assert any(problem.startswith("reporting cycle: ") for problem in result.problems)
best_routes(records, links, [n.key for n in nodes if n.role == "economic_buyer"])

# The demo accounts analysed from a database and written as GraphML and GEXF (networkx writes those).
with tempfile.TemporaryDirectory() as folder:
    database = Database.open(Path(folder) / "stakemap.db")
    try:
        with database.session() as session:
            load_demo(session)
        with database.session() as session:
            for name in DEMO_ACCOUNT_NAMES:
                account = find_account_by_name(session, name).id
                assert analysed_map(session, account).results
                write_graphml(session, account, Path(folder) / f"{account}.graphml")
                write_gexf(session, account, Path(folder) / f"{account}.gexf")
    finally:
        database.close()

loaded = sorted(name for name in sys.modules if name.partition(".")[0] == "scipy")
assert not loaded, loaded
print("ran without scipy")
'''


def test_the_app_runs_without_scipy():
    """Every module imports, and layouts, analysis and graph export work, with scipy out of reach."""
    result = subprocess.run([sys.executable, "-c", _WITHOUT_SCIPY], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ran without scipy" in result.stdout
