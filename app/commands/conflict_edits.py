"""Undoable resolutions of sync conflicts and merges of possible duplicates: each is one local edit, so it
syncs like any other, and its undo re-opens the conflict."""

from __future__ import annotations

from typing import Any

from app.commands.base import WorkspaceCommand
from app.document import Workspace
from app.i18n import translate


class ResolveConflictCommand(WorkspaceCommand):
    """Keep theirs, use mine, or set a typed value (``keep`` = theirs | mine | typed)."""

    def __init__(self, ws: Workspace, conflict_id: int, keep: str, value: Any = None, label: str = "") -> None:
        texts = {"theirs": translate("Commands", "Keep the team's value of {row}"),
                 "mine": translate("Commands", "Use my value of {row}"),
                 "typed": translate("Commands", "Set a new value of {row}")}
        super().__init__(texts[keep].format(row=label))
        self._ws, self._id, self._keep, self._value = ws, conflict_id, keep, value
        self._record = None

    def _do(self) -> None:
        self._record = self._ws.resolve_conflict(self._id, self._keep, self._value)

    def _undo(self) -> None:
        self._ws.reopen_conflict(self._record)


class DismissDuplicateCommand(WorkspaceCommand):
    def __init__(self, ws: Workspace, conflict_id: int, label: str = "") -> None:
        super().__init__(translate("Commands", "Keep {row} as two people").format(row=label))
        self._ws, self._id, self._record = ws, conflict_id, None

    def _do(self) -> None:
        self._record = self._ws.dismiss_duplicate(self._id)

    def _undo(self) -> None:
        self._ws.reopen_conflict(self._record)


class MergePeopleCommand(WorkspaceCommand):
    def __init__(self, ws: Workspace, kept_id: int, gone_id: int, label: str = "") -> None:
        super().__init__(translate("Commands", "Merge the two {row}").format(row=label))
        self._ws, self._kept, self._gone, self._record = ws, kept_id, gone_id, None

    def _do(self) -> None:
        self._record = self._ws.merge_people(self._kept, self._gone)

    def _undo(self) -> None:
        self._ws.unmerge_people(self._record)


class SettleDeletionCommand(WorkspaceCommand):
    """A row deleted on one side and changed on the other: keep theirs or mine."""

    def __init__(self, ws: Workspace, conflict_id: int, keep: str, label: str = "") -> None:
        texts = {"theirs": translate("Commands", "Keep the team's version of {row}"),
                 "mine": translate("Commands", "Keep my version of {row}")}
        super().__init__(texts[keep].format(row=label))
        self._ws, self._id, self._keep, self._done = ws, conflict_id, keep, None

    def _do(self) -> None:
        self._done = self._ws.settle_deletion_conflict(self._id, self._keep)

    def _undo(self) -> None:
        self._ws.unsettle_deletion_conflict(self._done)
