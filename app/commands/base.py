"""Command plumbing.

A command is applied once *before* it is pushed, so that a value the database refuses raises in the
caller (which shows the message) instead of inside QUndoStack.push, where an exception cannot travel.
Undo and redo cannot raise out of the stack either: a storage failure there (a full disk, a read-only file)
is kept on the command, and ``undo_or_failure`` / ``redo_or_failure`` put the stack back where it was and
hand the failure to the caller to show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from app.models.repositories.deletion import DeletionRecord
from app.storage.errors import StorageError


class WorkspaceCommand(QUndoCommand):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._applied_once = False
        self._skip_undo = False
        self.failure: StorageError | None = None

    def apply(self) -> None:
        self._do()
        self._applied_once = True

    def redo(self) -> None:
        if self._applied_once:
            self._applied_once = False  # the push right after apply(), or the step back after a failed undo
            return
        try:
            self._do()
        except StorageError as exc:
            self.failure = exc
            self._skip_undo = True  # nothing was done: the step back must not undo it

    def undo(self) -> None:
        if self._skip_undo:
            self._skip_undo = False
            return
        try:
            self._undo()
        except StorageError as exc:
            self.failure = exc
            self._applied_once = True  # nothing was undone: the step forward must not redo it

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


def perform(stack: QUndoStack, command: WorkspaceCommand) -> WorkspaceCommand:
    """Apply ``command`` (raising InvalidInput if refused, a StorageError if the file refused the write),
    then record it on ``stack``; a refused command is not recorded."""
    command.apply()
    stack.push(command)
    return command


def _take_failure(command) -> StorageError | None:
    failure = getattr(command, "failure", None)
    if failure is not None:
        command.failure = None
    return failure


def undo_or_failure(stack: QUndoStack) -> StorageError | None:
    """Undo the last edit; when the file refuses, the stack is left as it was and the failure returned."""
    if not stack.canUndo():
        return None
    command = stack.command(stack.index() - 1)
    stack.undo()
    failure = _take_failure(command)
    if failure is not None:
        stack.redo()  # back to where it was (the command skips this redo)
    return failure


def redo_or_failure(stack: QUndoStack) -> StorageError | None:
    """Redo the next edit; when the file refuses, the stack is left as it was and the failure returned."""
    if not stack.canRedo():
        return None
    command = stack.command(stack.index())
    stack.redo()
    failure = _take_failure(command)
    if failure is not None:
        stack.undo()  # back to where it was (the command skips this undo)
    return failure


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
