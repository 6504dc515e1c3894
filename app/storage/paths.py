"""Default locations of the database and settings (the platform's user folders)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Stakemap"


def default_database_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "stakemap.db"


def config_dir() -> Path:
    """Settings folder; STAKEMAP_CONFIG_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("STAKEMAP_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
