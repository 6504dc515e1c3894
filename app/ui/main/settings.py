"""What the app remembers between runs: language, window geometry, the last database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.storage.paths import config_dir


class AppSettings:
    def __init__(self, path: Path | None = None) -> None:
        path = path or config_dir() / "stakemap.ini"
        path.parent.mkdir(parents=True, exist_ok=True)
        self._s = QSettings(str(path), QSettings.Format.IniFormat)

    def _get(self, key: str) -> object:
        return self._s.value(key)

    @property
    def language(self) -> str | None:
        value = self._get("ui/language")
        return str(value) if value else None

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)
        self._s.sync()

    @property
    def last_database(self) -> Path | None:
        value = self._get("data/last_database")
        return Path(str(value)) if value else None

    @last_database.setter
    def last_database(self, value: Path) -> None:
        self._s.setValue("data/last_database", str(value))
        self._s.sync()

    def window_state(self, window: str = "window") -> tuple[QByteArray | None, QByteArray | None]:
        geometry, state = self._get(f"{window}/geometry"), self._get(f"{window}/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray, window: str = "window") -> None:
        self._s.setValue(f"{window}/geometry", geometry)
        self._s.setValue(f"{window}/state", state)
        self._s.sync()

    @property
    def last_account(self) -> int | None:
        value = self._get("data/last_account")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    @last_account.setter
    def last_account(self, value: int | None) -> None:
        self._s.setValue("data/last_account", value if value is not None else "")
        self._s.sync()

    @property
    def second_backup_folder(self) -> Path | None:
        """A folder on another disk or a share where every backup is written too; None when not set."""
        value = self._get("data/second_backup_folder")
        return Path(str(value)) if value else None

    @second_backup_folder.setter
    def second_backup_folder(self, value: Path | None) -> None:
        self._s.setValue("data/second_backup_folder", str(value) if value else "")
        self._s.sync()
