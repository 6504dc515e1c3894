"""Repository functions: read and change rows inside the caller's session. They never commit."""

from app.models.repositories.common import InvalidInput, get_or_fail, snapshot_fields, update_fields

__all__ = ["InvalidInput", "get_or_fail", "snapshot_fields", "update_fields"]
