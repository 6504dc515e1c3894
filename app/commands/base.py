"""Command plumbing.

A command is applied once *before* it is pushed, so that a value the database refuses raises in the
caller (which shows the message) instead of inside QUndoStack.push, where an exception cannot travel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from app.models.repositories.deletion import DeletionRecord


class WorkspaceCommand(QUndoCommand):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._applied_once = False

    def apply(self) -> None:
        self._do()
        self._applied_once = True

    def redo(self) -> None:
        if self._applied_once:
            self._applied_once = False  # the push right after apply(): already done
            return
        self._do()

    def undo(self) -> None:
        self._undo()

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


def perform(stack: QUndoStack, command: WorkspaceCommand) -> WorkspaceCommand:
    """Apply ``command`` (raising InvalidInput if refused), then record it on ``stack``."""
    command.apply()
    stack.push(command)
    return command


class EditCommand(WorkspaceCommand):
    """Change fields of one row: ``update(ident, changes)`` returns the previous values."""

    def __init__(self, text: str, update: Callable[[int, dict[str, Any]], dict[str, Any]], ident: int,
                 changes: dict[str, Any]) -> None:
        super().__init__(text)
        self._update = update
        self.ident = ident
        self._new = dict(changes)
        self._old: dict[str, Any] = {}

    def _do(self) -> None:
        self._old = self._update(self.ident, self._new)

    def _undo(self) -> None:
        self._update(self.ident, self._old)


class CreateCommand(WorkspaceCommand):
    """Create a row; undo deletes it, redo restores it with the same id."""

    def __init__(self, text: str, create: Callable[[], int], delete: Callable[[int], DeletionRecord],
                 restore: Callable[[DeletionRecord], None]) -> None:
        super().__init__(text)
        self._create, self._delete, self._restore = create, delete, restore
        self.ident: int | None = None
        self._record: DeletionRecord | None = None

    def _do(self) -> None:
        if self._record is None:
            self.ident = self._create()
        else:
            self._restore(self._record)

    def _undo(self) -> None:
        self._record = self._delete(self.ident)


class DeleteCommand(WorkspaceCommand):
    """Delete a row and all that depends on it; undo puts every row back as it was."""

    def __init__(self, text: str, delete: Callable[[int], DeletionRecord], ident: int,
                 restore: Callable[[DeletionRecord], None]) -> None:
        super().__init__(text)
        self._delete, self._restore = delete, restore
        self.ident = ident
        self._record: DeletionRecord | None = None

    def _do(self) -> None:
        self._record = self._delete(self.ident)

    def _undo(self) -> None:
        self._restore(self._record)
