"""Undoable edits of our account team: tier templates, roles per account, competency profiles and needs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.commands.base import CreateCommand, DeleteCommand, EditCommand, WorkspaceCommand
from app.document import Workspace
from app.i18n import translate


class SetCommand(WorkspaceCommand):
    """Set one value through ``setter(value) -> previous value``; undo sets the previous one back."""

    def __init__(self, text: str, setter: Callable[[Any], Any], value: Any) -> None:
        super().__init__(text)
        self._setter, self._new, self._old = setter, value, None

    def _do(self) -> None:
        self._old = self._setter(self._new)

    def _undo(self) -> None:
        self._setter(self._old)


def set_team_template(ws: Workspace, tier: str, roles, tier_label: str) -> SetCommand:
    return SetCommand(translate("Commands", "Set the team template of {tier}").format(tier=tier_label),
                      lambda value: ws.set_team_template(tier, value), tuple(roles))


def set_account_roles(ws: Workspace, account_id: int, member_id: int, roles, member_name: str) -> SetCommand:
    return SetCommand(translate("Commands", "Set the roles of {name}").format(name=member_name),
                      lambda value: ws.set_account_roles(account_id, member_id, value), tuple(roles))


def set_competency(ws: Workspace, member_id: int, criterion_id: int, rating: int | None,
                   member_name: str) -> SetCommand:
    return SetCommand(translate("Commands", "Rate {name}").format(name=member_name),
                      lambda value: ws.set_competency(member_id, criterion_id, value), rating)


def set_competency_need(ws: Workspace, account_id: int, criterion_id: int, level: int | None) -> SetCommand:
    return SetCommand(translate("Commands", "Set the account's competency need"),
                      lambda value: ws.set_competency_need(account_id, criterion_id, value), level)


def add_competency_criterion(ws: Workspace, name: str) -> CreateCommand:
    return CreateCommand(translate("Commands", "Add competency {name}").format(name=name),
                         lambda: ws.add_competency_criterion(name), ws.delete_competency_criterion, ws.restore)


def rename_competency_criterion(ws: Workspace, criterion_id: int, name: str) -> EditCommand:
    return EditCommand(translate("Commands", "Rename competency to {name}").format(name=name),
                       ws.update_competency_criterion, criterion_id, {"name": name})


def delete_competency_criterion(ws: Workspace, criterion_id: int, name: str) -> DeleteCommand:
    return DeleteCommand(translate("Commands", "Delete competency {name}").format(name=name),
                         ws.delete_competency_criterion, criterion_id, ws.restore)
