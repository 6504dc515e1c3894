"""The document layer: runs each user action in one session, commits, then announces what changed."""

from app.document.workspace import Workspace

__all__ = ["Workspace"]
