"""Installing Stakemap as a user does: with pipx from a wheel, upgrading over an older version, and the
one-folder build that runs without Python. These build and install for real, so they are marked slow
(``-m "not slow"`` leaves them out while developing); .ci/run runs them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import app
from tests.test_packaging import build_wheel, source_tree_copy

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow

UPGRADE_REVISION = '''"""A newer version's schema change, to show that an upgrade migrates the user's file with a backup

Revision ID: 0099_upgrade_check
Revises: {down}
"""
import sqlalchemy as sa
from alembic import op

revision = "0099_upgrade_check"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_check", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("upgrade_check")
'''


def newer_version_tree(destination: Path) -> tuple[Path, str]:
    """A copy of the checkout as the next release: a higher version number and one more schema revision."""
    tree = source_tree_copy(destination)
    major, minor, patch = (int(part) for part in re.match(r"(\d+)\.(\d+)\.(\d+)", app.__version__).groups())
    newer = f"{major}.{minor}.{patch + 1}"
    init = tree / "app" / "__init__.py"
    init.write_text(init.read_text().replace(f'"{app.__version__}"', f'"{newer}"'))
    from app.storage import migrate

    (tree / "app/storage/migrations/versions/0099_upgrade_check.py").write_text(
        UPGRADE_REVISION.format(down=migrate.HEAD_REVISION))
    migrate_py = tree / "app" / "storage" / "migrate.py"
    migrate_py.write_text(migrate_py.read_text().replace(f'"{migrate.HEAD_REVISION}"', '"0099_upgrade_check"'))
    return tree, newer


@pytest.fixture
def user(tmp_path) -> dict[str, str]:
    """The environment of a user with an empty profile; pip's download cache is kept."""
    env = dict(os.environ)
    env.update(
        PIPX_HOME=str(tmp_path / "pipx"), PIPX_BIN_DIR=str(tmp_path / "bin"), PIPX_MAN_DIR=str(tmp_path / "man"),
        XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
        STAKEMAP_CONFIG_DIR=str(tmp_path / "config" / "Stakemap"), QT_QPA_PLATFORM="offscreen",
    )
    env.pop("PYTHONPATH", None)
    return env


def run(env, *command, check=True) -> subprocess.CompletedProcess:
    # From the user's own folder: run from the checkout, Python would import the checkout's app first.
    result = subprocess.run([str(c) for c in command], env=env, capture_output=True, text=True, timeout=900,
                            cwd=Path(env["PIPX_HOME"]).parent)
    if check and result.returncode != 0:
        raise AssertionError(f"{command} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def pipx(env, *arguments) -> subprocess.CompletedProcess:
    return run(env, sys.executable, "-m", "pipx", *arguments)


def test_pipx_install_then_an_upgrade_keeps_the_database_and_settings(tmp_path, user):
    wheel = build_wheel(source_tree_copy(tmp_path / "tree"), tmp_path / "wheel")
    pipx(user, "install", wheel)
    stakemap = Path(user["PIPX_BIN_DIR"]) / "stakemap"
    assert run(user, stakemap, "--version").stdout.strip() == f"stakemap {app.__version__}"

    # The installed copy runs from its own environment, with its translations as package data.
    venv_python = Path(user["PIPX_HOME"]) / "venvs" / "stakemap" / "bin" / "python"
    probe = run(user, venv_python, "-c", (
        "import app, sys; from PySide6.QtCore import QCoreApplication as Q; a = Q([]);"
        "from app.i18n import language; language.install('zh_CN');"
        "print(app.__file__); print(Q.translate('MainWindow', '&About Stakemap'));"
        "print(Q.translate('QPlatformTheme', 'Cancel'))")).stdout.splitlines()
    assert not Path(probe[0]).is_relative_to(ROOT) and Path(probe[0]).is_relative_to(user["PIPX_HOME"])
    assert probe[1] == "关于 Stakemap(&A)"
    assert probe[2] == "取消"  # Qt's own catalogue, from the installed PySide6

    # A first run: the demo in the default database, the language chosen in the window.
    run(user, stakemap, "demo")
    first_window = run({**user, "STAKEMAP_STARTUP_PROBE": "1"}, stakemap, "--lang", "zh_CN")
    assert "startup-ready" in first_window.stdout
    before = json.loads(run(user, stakemap, "accounts", "--json").stdout)
    assert len(before["accounts"]) == 3

    # The launcher names the installed program by its absolute path.
    run(user, stakemap, "install-desktop")
    launcher = Path(user["XDG_DATA_HOME"]) / "applications" / "stakemap.desktop"
    exec_line = next(line for line in launcher.read_text().splitlines() if line.startswith("Exec="))
    program = Path(exec_line.removeprefix("Exec=").removesuffix(" %f"))
    assert program.is_absolute() and program.is_relative_to(user["PIPX_HOME"]) and os.access(program, os.X_OK)

    # The next release, installed over it.
    newer_tree, newer = newer_version_tree(tmp_path / "newer")
    newer_wheel = build_wheel(newer_tree, tmp_path / "newer-wheel")
    pipx(user, "install", "--force", newer_wheel)
    assert run(user, stakemap, "--version").stdout.strip() == f"stakemap {newer}"
    after = json.loads(run(user, stakemap, "accounts", "--json").stdout)
    assert after == before
    database = Path(user["XDG_DATA_HOME"]) / "Stakemap" / "stakemap.db"
    backups = list((database.parent / "backups").rglob("*before-0099_upgrade_check*"))
    assert len(backups) == 1, list(database.parent.rglob("*"))
    import sqlite3

    with sqlite3.connect(backups[0]) as old, sqlite3.connect(database) as new:
        tables = "SELECT name FROM sqlite_master WHERE type = 'table'"
        assert "upgrade_check" not in {r[0] for r in old.execute(tables)}
        assert "upgrade_check" in {r[0] for r in new.execute(tables)}
    # The language chosen before the upgrade is the one the new version opens in.
    second_window = run({**user, "STAKEMAP_STARTUP_PROBE": "1"}, stakemap)
    assert "startup-language zh_CN" in second_window.stdout.splitlines()


def test_the_one_folder_build_runs_its_smoke_commands():
    """scripts/build-app.sh builds dist/stakemap/ and smoke-tests it with the machine's fonts hidden."""
    result = subprocess.run(["bash", "scripts/build-app.sh"], cwd=ROOT, capture_output=True, text=True,
                            timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all smoke commands passed" in result.stderr
    program = ROOT / "dist" / "stakemap" / "stakemap"
    assert os.access(program, os.X_OK)
    size_mb = int(result.stdout.split()[-2])
    assert size_mb <= 250, f"the one-folder build is {size_mb} MB"
    bundled = list((ROOT / "dist" / "stakemap").rglob("_internal/app/resources/fonts/*"))
    assert bundled, "no CJK font in the build"
    qt_modules = {p.name.split(".")[0] for p in (ROOT / "dist/stakemap/_internal/PySide6").glob("Qt*.so")}
    # QtOpenGL(Widgets): pyqtgraph draws its curves through them. No QML, Quick, WebEngine or Network.
    assert qt_modules <= {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport", "QtOpenGL", "QtOpenGLWidgets"}
