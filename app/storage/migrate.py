"""Alembic, driven from code: the schema's revisions live in app/storage/migrations."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from sqlalchemy.engine import Connection

# Package data (alembic reads the revision scripts as files), found the same way when installed or frozen.
MIGRATIONS_DIR = Path(str(files("app.storage").joinpath("migrations")))
# The newest revision this build knows; a test keeps it equal to alembic's head.
HEAD_REVISION = "0008_conflict_stamps"


def _config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def upgrade(connection: Connection, target: str = "head") -> None:
    """Run the migrations on ``connection`` inside the caller's transaction."""
    from alembic import command

    cfg = _config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, target)
