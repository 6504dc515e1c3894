"""Undoable edits of an account's needs, interactions, next actions, opportunities, snapshots and survey answers."""

from __future__ import annotations

from typing import Any

from app.commands.base import CreateCommand, DeleteCommand, EditCommand, WorkspaceCommand
from app.document import Workspace
from app.i18n import translate


def _short(text: str, limit: int = 24) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def add_need(ws: Workspace, account_id: int, description: str, **fields: Any) -> CreateCommand:
    return CreateCommand(translate("Commands", "Add need “{text}”").format(text=_short(description)),
                         lambda: ws.add_need(account_id, description, **fields), ws.delete_need, ws.restore)


def edit_need(ws: Workspace, need_id: int, changes: dict[str, Any], description: str) -> EditCommand:
    return EditCommand(translate("Commands", "Edit need “{text}”").format(text=_short(description)),
                       ws.update_need, need_id, changes)


def delete_need(ws: Workspace, need_id: int, description: str) -> DeleteCommand:
    return DeleteCommand(translate("Commands", "Delete need “{text}”").format(text=_short(description)),
                         ws.delete_need, need_id, ws.restore)


def log_interaction(ws: Workspace, account_id: int, occurred_at, channel: str, participants, **fields: Any
                    ) -> CreateCommand:
    return CreateCommand(translate("Commands", "Log interaction of {date}").format(date=f"{occurred_at:%Y-%m-%d}"),
                         lambda: ws.add_interaction(account_id, occurred_at, channel, participants, **fields),
                         ws.delete_interaction, ws.restore)


def edit_interaction(ws: Workspace, interaction_id: int, changes: dict[str, Any], occurred_at) -> EditCommand:
    return EditCommand(translate("Commands", "Edit interaction of {date}").format(date=f"{occurred_at:%Y-%m-%d}"),
                       ws.update_interaction, interaction_id, changes)


def delete_interaction(ws: Workspace, interaction_id: int, occurred_at) -> DeleteCommand:
    return DeleteCommand(translate("Commands", "Delete interaction of {date}").format(date=f"{occurred_at:%Y-%m-%d}"),
                         ws.delete_interaction, interaction_id, ws.restore)


def add_action(ws: Workspace, account_id: int, title: str, **fields: Any) -> CreateCommand:
    return CreateCommand(translate("Commands", "Add action “{text}”").format(text=_short(title)),
                         lambda: ws.add_action(account_id, title, **fields), ws.delete_action, ws.restore)


def edit_action(ws: Workspace, action_id: int, changes: dict[str, Any], title: str) -> EditCommand:
    if set(changes) == {"status"} and changes["status"] == "done":
        text = translate("Commands", "Complete “{text}”")
    else:
        text = translate("Commands", "Edit action “{text}”")
    return EditCommand(text.format(text=_short(title)), ws.update_action, action_id, changes)


def delete_action(ws: Workspace, action_id: int, title: str) -> DeleteCommand:
    return DeleteCommand(translate("Commands", "Delete action “{text}”").format(text=_short(title)),
                         ws.delete_action, action_id, ws.restore)


def add_opportunity(ws: Workspace, account_id: int, name: str, **fields: Any) -> CreateCommand:
    return CreateCommand(translate("Commands", "Add opportunity {name}").format(name=name),
                         lambda: ws.add_opportunity(account_id, name, **fields), ws.delete_opportunity, ws.restore)


def edit_opportunity(ws: Workspace, opportunity_id: int, changes: dict[str, Any], name: str) -> EditCommand:
    return EditCommand(translate("Commands", "Edit opportunity {name}").format(name=name),
                       ws.update_opportunity, opportunity_id, changes)


def delete_opportunity(ws: Workspace, opportunity_id: int, name: str) -> DeleteCommand:
    return DeleteCommand(translate("Commands", "Delete opportunity {name}").format(name=name),
                         ws.delete_opportunity, opportunity_id, ws.restore)


def take_snapshot(ws: Workspace, account_id: int, name: str) -> CreateCommand:
    return CreateCommand(translate("Commands", "Take snapshot {name}").format(name=name),
                         lambda: ws.take_snapshot(account_id, name), ws.delete_snapshot, ws.restore)


def delete_snapshot(ws: Workspace, snapshot_id: int, name: str) -> DeleteCommand:
    return DeleteCommand(translate("Commands", "Delete snapshot {name}").format(name=name),
                         ws.delete_snapshot, snapshot_id, ws.restore)


def record_survey_answer(ws: Workspace, person_id: int, person_name: str, answered_on, recommend: int,
                         satisfaction: int | None = None, comment: str | None = None) -> CreateCommand:
    return CreateCommand(
        translate("Commands", "Record survey answer of {name}").format(name=_short(person_name)),
        lambda: ws.add_survey_answer(person_id, answered_on, recommend, satisfaction, comment),
        ws.delete_survey_answer, ws.restore)


def delete_survey_answer(ws: Workspace, answer_id: int, person_name: str) -> DeleteCommand:
    return DeleteCommand(translate("Commands", "Delete survey answer of {name}").format(name=_short(person_name)),
                         ws.delete_survey_answer, answer_id, ws.restore)


class SetRoleCadence(WorkspaceCommand):
    """Change the contact cadence of a buying role (``days`` None: no cadence; ``reset``: the built-in one)."""

    def __init__(self, ws: Workspace, role: str, role_label: str, days: int | None, reset: bool = False) -> None:
        super().__init__(translate("Commands", "Set contact cadence of {role}").format(role=role_label))
        self._ws, self._role, self._days, self._reset = ws, role, days, reset
        self._old: tuple[bool, int | None] = (False, None)

    def _do(self) -> None:
        self._old = self._ws.set_role_cadence(self._role, self._days, self._reset)

    def _undo(self) -> None:
        had_own, days = self._old
        self._ws.set_role_cadence(self._role, days, reset=not had_own)


def import_survey_answers(ws: Workspace, answers: list[tuple], file_name: str) -> CreateCommand:
    """Record the answers of a survey file at once; one undo takes them all back."""
    return CreateCommand(
        translate("Commands", "Import {count} survey answers from {file}").format(count=len(answers),
                                                                                   file=_short(file_name)),
        lambda: ws.add_survey_answers(answers), ws.delete_survey_answers, ws.restore)
