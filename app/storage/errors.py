"""Errors that name a problem with a database file. Messages are plain English; the UI translates them
by their class and fills in ``path``."""

from __future__ import annotations


class StorageError(Exception):
    """A database file could not be used. Nothing on disk was changed."""

    def __init__(self, path: str, detail: str = "") -> None:
        self.path = str(path)
        self.detail = detail
        super().__init__(self.describe())

    def describe(self) -> str:
        return f"{self.path}: {self.detail}"


class EmptyFileError(StorageError):
    def describe(self) -> str:
        return f"{self.path} is an empty file (0 bytes), not a Stakemap database"


class NotADatabaseError(StorageError):
    def describe(self) -> str:
        return f"{self.path} is not a Stakemap database" + (f" ({self.detail})" if self.detail else "")


class CorruptDatabaseError(StorageError):
    def describe(self) -> str:
        return f"{self.path} is damaged" + (f": {self.detail}" if self.detail else "")


class NewerVersionError(StorageError):
    def describe(self) -> str:
        return (
            f"{self.path} was written by a newer version of Stakemap ({self.detail}); "
            "update Stakemap to open it"
        )


class AlreadyOpenError(StorageError):
    def describe(self) -> str:
        return f"{self.path} is already open in another Stakemap window" + (
            f" ({self.detail})" if self.detail else ""
        )


class MigrationError(StorageError):
    def describe(self) -> str:
        return f"{self.path} could not be upgraded ({self.detail}); it was left as it was"
