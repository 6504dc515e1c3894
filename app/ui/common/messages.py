"""Messages for the user, in the current language, about problems with a database file."""

from app.document.storage_messages import read_only_reason_text, storage_error_text

__all__ = ["read_only_reason_text", "storage_error_text"]
