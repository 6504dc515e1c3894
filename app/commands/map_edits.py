"""Undoable edits made on the map: moving cards (by drag, keyboard or auto-layout)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from app.commands.base import WorkspaceCommand
from app.document import Workspace
from app.i18n import translate

Positions = dict[tuple[str, int], tuple[float | None, float | None]]

NUDGE_ID = 7301  # QUndoCommand.id() of keyboard nudges, so a run of arrow presses merges into one step


class MoveCardsCommand(WorkspaceCommand):
    """Cards moved from ``old`` to ``new`` positions. A drag or a layout is recorded once it is over."""

    def __init__(self, ws: Workspace, account_id: int, new: Positions, old: Positions, text: str,
                 nudge: bool = False) -> None:
        super().__init__(text)
        self._ws, self.account_id = ws, account_id
        self.new, self.old = dict(new), dict(old)
        self._nudge = nudge

    def _do(self) -> None:
        self._ws.set_positions(self.account_id, self.new)

    def _undo(self) -> None:
        self._ws.set_positions(self.account_id, self.old)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return NUDGE_ID if self._nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, MoveCardsCommand) or not other._nudge or other.account_id != self.account_id:
            return False
        if set(other.new) != set(self.new):
            return False
        self.new = dict(other.new)  # keep our ``old``: undo returns to before the first nudge
        return True


def move_text(count: int) -> str:
    return translate("Commands", "Move %n card(s)", "", count)


def nudge_text(count: int) -> str:
    return translate("Commands", "Nudge %n card(s)", "", count)


def layout_text(name: str) -> str:
    return translate("Commands", "Auto-layout: {name}").format(name=name)


def move_cards(ws: Workspace, account_id: int, new: Positions, old: Positions) -> MoveCardsCommand:
    return MoveCardsCommand(ws, account_id, new, old, move_text(len(new)))


def nudge_cards(ws: Workspace, account_id: int, new: Positions, old: Positions) -> MoveCardsCommand:
    return MoveCardsCommand(ws, account_id, new, old, nudge_text(len(new)), nudge=True)


def apply_layout(ws: Workspace, account_id: int, new: Positions, old: Positions, name: str) -> MoveCardsCommand:
    return MoveCardsCommand(ws, account_id, new, old, layout_text(name))
