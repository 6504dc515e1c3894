"""Shared fixtures: offscreen Qt, isolated settings, a real database file per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread():
    """As the app does (app.ui.main.gui_collector): no cycle collection in a worker thread, where it would free Qt
    objects of the GUI thread; what a test leaves behind is collected here, on the main thread."""
    import gc

    gc.disable()
    yield
    gc.collect()
    # What outlives its test (modules, the application, fixtures of a wider scope) is not looked at again, so
    # the collection after the next test costs what that test allocated, not the whole session's heap.
    gc.freeze()
    gc.enable()


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """Settings (language, geometry, last database) go to a fresh folder for every test."""
    monkeypatch.setenv("STAKEMAP_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "stakemap.db"


@pytest.fixture
def database(db_path):
    from app.storage.database import Database

    db = Database.open(db_path)
    yield db
    db.close()


@pytest.fixture
def workspace(database):
    from app.document import Workspace

    return Workspace(database)


@pytest.fixture(scope="session")
def app():
    """The application with the interface font (which has the Chinese glyphs), for drawing maps and files."""
    from PySide6.QtWidgets import QApplication

    from app.ui.common.fonts import apply_application_font

    application = QApplication.instance() or QApplication([])
    apply_application_font(application)
    return application


@pytest.fixture
def demo(app, workspace):
    """The workspace of a fresh database holding the demo accounts."""
    from app.demo import load_demo

    with workspace.database.session() as session:
        load_demo(session)
    return workspace


@pytest.fixture(autouse=True, scope="session")
def _routing_done():
    """A map routed in a worker may still be at it when the last test ends: let it finish before Qt goes."""
    yield
    from app.views.map.routes import wait_for_routing

    wait_for_routing()


# The throwaway PostgreSQL cluster of the team-mode tests (started only when a test asks for it).
from tests.pg_cluster import pg_cluster, pg_database  # noqa: E402, F401
from tests.team_support import team  # noqa: E402, F401
