"""Undoable edits. Each command is thin: redo() and undo() each call one workspace method."""

from app.commands.base import perform

__all__ = ["perform"]
