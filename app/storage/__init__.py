"""Where the data lives: opening, validating, locking, migrating and backing up the database file."""

from app.storage.errors import StorageError

__all__ = ["StorageError"]
