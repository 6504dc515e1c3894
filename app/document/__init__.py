"""The document layer: runs each user action in one session, commits, then announces what changed.

``Workspace`` is imported on first use so that the window can appear before the database layer
(SQLAlchemy) has been loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.document.workspace import Workspace

__all__ = ["Workspace"]


def __getattr__(name: str):
    if name == "Workspace":
        from app.document.workspace import Workspace

        return Workspace
    raise AttributeError(name)
