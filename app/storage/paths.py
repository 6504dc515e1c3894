"""Default locations of the database and settings (the platform's user folders)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Stakemap"


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "stakemap.db"


def config_dir() -> Path:
    """Settings folder; STAKEMAP_CONFIG_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("STAKEMAP_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
