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
