"""The edits a user can make, each named in the current language for Edit ▸ Undo."""

from __future__ import annotations

from typing import Any

from app.commands.base import CreateCommand, DeleteCommand, EditCommand, WorkspaceCommand
from app.document import Workspace
from app.i18n import translate
from app.models.repositories import InvalidInput


# -- accounts ------------------------------------------------------------------------------------
def add_account(ws: Workspace, name: str, **fields: Any) -> CreateCommand:
    return CreateCommand(
        translate("Commands", "Add account {name}").format(name=name),
        lambda: ws.create_account(name, **fields),
        ws.delete_account,
        ws.restore,
    )


def edit_account(ws: Workspace, account_id: int, changes: dict[str, Any]) -> EditCommand:
    name = ws.account(account_id).name
    if set(changes) == {"name"}:
        text = translate("Commands", "Rename account {old} to {new}").format(old=name, new=changes["name"])
    else:
        text = translate("Commands", "Edit profile of {name}").format(name=name)
    return EditCommand(text, ws.update_account, account_id, changes)


def delete_account(ws: Workspace, account_id: int) -> DeleteCommand:
    name = ws.account(account_id).name
    return DeleteCommand(
        translate("Commands", "Delete account {name}").format(name=name), ws.delete_account, account_id, ws.restore
    )


# -- people --------------------------------------------------------------------------------------
def add_person(ws: Workspace, account_id: int, name: str, **fields: Any) -> CreateCommand:
    return CreateCommand(
        translate("Commands", "Add {name}").format(name=name),
        lambda: ws.add_person(account_id, name, **fields),
        ws.delete_person,
        ws.restore,
    )


def edit_person(ws: Workspace, person_id: int, changes: dict[str, Any]) -> EditCommand:
    name = ws.person(person_id).name
    if set(changes) == {"archived"}:
        text = (
            translate("Commands", "Archive {name}") if changes["archived"] else translate("Commands", "Restore {name}")
        ).format(name=name)
    else:
        text = translate("Commands", "Edit {name}").format(name=name)
    return EditCommand(text, ws.update_person, person_id, changes)


def delete_person(ws: Workspace, person_id: int) -> DeleteCommand:
    name = ws.person(person_id).name
    return DeleteCommand(
        translate("Commands", "Delete {name}").format(name=name), ws.delete_person, person_id, ws.restore
    )


# -- team members --------------------------------------------------------------------------------
def add_member(ws: Workspace, name: str, account_id: int | None = None, **fields: Any) -> CreateCommand:
    return CreateCommand(
        translate("Commands", "Add team member {name}").format(name=name),
        lambda: ws.add_member(name, account_id, **fields),
        ws.delete_member,
        ws.restore,
    )


def edit_member(ws: Workspace, member_id: int, changes: dict[str, Any]) -> EditCommand:
    name = ws.member(member_id).name
    if set(changes) == {"archived"}:
        text = (
            translate("Commands", "Archive {name}") if changes["archived"] else translate("Commands", "Restore {name}")
        ).format(name=name)
    else:
        text = translate("Commands", "Edit team member {name}").format(name=name)
    return EditCommand(text, ws.update_member, member_id, changes)


class AssignMemberCommand(WorkspaceCommand):
    """Put a team member on an account's team, or (``assign=False``) take them off it."""

    def __init__(self, ws: Workspace, account_id: int, member_id: int, assign: bool = True) -> None:
        name = ws.member(member_id).name
        account = ws.account(account_id).name
        text = (
            translate("Commands", "Add {name} to the team of {account}")
            if assign
            else translate("Commands", "Remove {name} from the team of {account}")
        )
        super().__init__(text.format(name=name, account=account))
        self._ws, self._account_id, self._member_id, self._assign = ws, account_id, member_id, assign
        self._saved: dict[str, Any] | None = None

    def _put_on(self) -> None:
        saved = self._saved or {}
        if not self._ws.assign_member(self._account_id, self._member_id, saved.get("x"), saved.get("y")):
            # Refused, so that undoing a no-op cannot take off a member who was already there.
            raise InvalidInput("This team member already works on this account")

    def _take_off(self) -> None:
        saved = self._ws.unassign_member(self._account_id, self._member_id)
        if saved is None:
            raise InvalidInput("This team member does not work on this account")
        self._saved = saved

    def _do(self) -> None:
        self._put_on() if self._assign else self._take_off()

    def _undo(self) -> None:
        self._take_off() if self._assign else self._put_on()


# -- links ---------------------------------------------------------------------------------------
def add_link(
    ws: Workspace, account_id: int, kind: str, source: tuple[str, int], target: tuple[str, int], strength: int = 3
) -> CreateCommand:
    return CreateCommand(
        translate("Commands", "Add link"),
        lambda: ws.add_link(account_id, kind, source, target, strength),
        ws.delete_link,
        ws.restore,
    )


def edit_link(ws: Workspace, link_id: int, changes: dict[str, Any]) -> EditCommand:
    return EditCommand(translate("Commands", "Edit link"), ws.update_link, link_id, changes)


def delete_link(ws: Workspace, link_id: int) -> DeleteCommand:
    return DeleteCommand(translate("Commands", "Delete link"), ws.delete_link, link_id, ws.restore)


# -- qualification -------------------------------------------------------------------------------
class SetRatingCommand(WorkspaceCommand):
    def __init__(self, ws: Workspace, account_id: int, criterion_id: int, rating: int | None, label: str) -> None:
        super().__init__(translate("Commands", "Rate {criterion}").format(criterion=label))
        self._ws, self._account_id, self._criterion_id = ws, account_id, criterion_id
        self._new, self._old = rating, None

    def _do(self) -> None:
        self._old = self._ws.set_rating(self._account_id, self._criterion_id, self._new)

    def _undo(self) -> None:
        self._ws.set_rating(self._account_id, self._criterion_id, self._old)


def add_criterion(ws: Workspace, name: str, weight: float) -> CreateCommand:
    return CreateCommand(
        translate("Commands", "Add criterion {name}").format(name=name),
        lambda: ws.add_criterion(name, weight),
        ws.delete_criterion,
        ws.restore,
    )


def edit_criterion(ws: Workspace, criterion_id: int, changes: dict[str, Any], label: str) -> EditCommand:
    return EditCommand(
        translate("Commands", "Edit criterion {name}").format(name=label), ws.update_criterion, criterion_id, changes
    )


def delete_criterion(ws: Workspace, criterion_id: int, label: str) -> DeleteCommand:
    return DeleteCommand(
        translate("Commands", "Delete criterion {name}").format(name=label),
        ws.delete_criterion,
        criterion_id,
        ws.restore,
    )
