"""What the user's gestures on accounts, people, team and links do: ask, then perform a command.

Every change goes through an undoable command; a value the database refuses is shown to the user and
nothing is written.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from app.commands import edits
from app.commands.base import WorkspaceCommand
from app.document import Workspace
from app.i18n import labels
from app.ui.common.widgets import perform_or_warn
from app.ui.map.link_dialog import LinkDialog
from app.ui.map.person_dialogs import MemberDialog, PersonDialog


class AccountEditor(QObject):
    def __init__(self, workspace: Workspace, stack: QUndoStack, window: QWidget) -> None:
        super().__init__(window)
        self._ws, self._stack, self._window = workspace, stack, window

    def _perform(self, command: WorkspaceCommand) -> WorkspaceCommand | None:
        return perform_or_warn(self._window, self._stack, command)

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self._window, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- accounts -------------------------------------------------------------------------------
    def new_account(self) -> int | None:
        name, ok = QInputDialog.getText(self._window, self.tr("New account"), self.tr("Name of the key account:"))
        if not ok or not name.strip():
            return None
        command = self._perform(edits.add_account(self._ws, name.strip()))
        return command.ident if command else None

    def rename_account(self, account_id: int) -> None:
        current = self._ws.account(account_id).name
        name, ok = QInputDialog.getText(self._window, self.tr("Rename account"), self.tr("New name:"),
                                        QLineEdit.EchoMode.Normal, current)
        if ok and name.strip() and name.strip() != current:
            self._perform(edits.edit_account(self._ws, account_id, {"name": name.strip()}))

    def delete_account(self, account_id: int) -> None:
        name = self._ws.account(account_id).name
        if self._confirm(self.tr("Delete account"),
                         self.tr("Delete the account “%1” with all its people, links, needs and history?\n"
                                 "You can undo this with Edit ▸ Undo.").replace("%1", name)):
            self._perform(edits.delete_account(self._ws, account_id))

    def edit_profile(self, account_id: int, changes: dict) -> None:
        self._perform(edits.edit_account(self._ws, account_id, changes))

    # -- people ---------------------------------------------------------------------------------
    def add_person(self, account_id: int) -> int | None:
        dialog = PersonDialog(parent=self._window)
        if dialog.exec() != PersonDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        command = self._perform(edits.add_person(self._ws, account_id, values.pop("name"), **values))
        return command.ident if command else None

    def edit_person(self, person_id: int) -> None:
        person = self._ws.person(person_id)
        dialog = PersonDialog(person, parent=self._window)
        if dialog.exec() != PersonDialog.DialogCode.Accepted:
            return
        changes = {k: v for k, v in dialog.values().items() if (v or None) != (getattr(person, k) or None)}
        if changes:
            self._perform(edits.edit_person(self._ws, person_id, changes))

    def edit_person_fields(self, person_id: int, changes: dict) -> None:
        self._perform(edits.edit_person(self._ws, person_id, changes))

    def record_survey_answer(self, person_id: int) -> int | None:
        """Ask for one survey answer of the person and record it (undoable); the new answer's id."""
        from app.commands import record_edits
        from app.ui.common.survey_dialog import SurveyAnswerDialog

        person = self._ws.person(person_id)
        dialog = SurveyAnswerDialog(person.name, parent=self._window)
        if dialog.exec() != SurveyAnswerDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        command = self._perform(record_edits.record_survey_answer(
            self._ws, person_id, person.name, values["answered_on"], values["recommend"], values["satisfaction"],
            values["comment"]))
        return None if command is None else command.ident

    def toggle_archive_person(self, person_id: int) -> None:
        person = self._ws.person(person_id)
        if not person.archived and not self._confirm(
            self.tr("Archive person"),
            self.tr("Archive %1 (left the company)? Their history is kept.").replace("%1", person.name),
        ):
            return
        self._perform(edits.edit_person(self._ws, person_id, {"archived": not person.archived}))

    def delete_person(self, person_id: int) -> None:
        name = self._ws.person(person_id).name
        if self._confirm(self.tr("Delete person"),
                         self.tr("Delete %1 and their links, needs and participation in interactions?\n"
                                 "To keep their history, archive them instead.").replace("%1", name)):
            self._perform(edits.delete_person(self._ws, person_id))

    # -- team members ---------------------------------------------------------------------------
    def add_member(self, account_id: int) -> int | None:
        dialog = MemberDialog(parent=self._window)
        if dialog.exec() != MemberDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        command = self._perform(edits.add_member(self._ws, values.pop("name"), account_id, **values))
        return command.ident if command else None

    def add_existing_member(self, account_id: int) -> None:
        on_team = {m.id for m in self._ws.account_members(account_id)}
        candidates = [m for m in self._ws.members(include_archived=False) if m.id not in on_team]
        if not candidates:
            QMessageBox.information(self._window, self.tr("Add to team"),
                                    self.tr("Everyone on our side already works on this account."))
            return
        roles = labels.team_roles()
        names = [f"{m.name} — {roles.get(m.team_role, '')}" if m.team_role else m.name for m in candidates]
        choice, ok = QInputDialog.getItem(self._window, self.tr("Add to team"),
                                          self.tr("Team member:"), names, 0, False)
        if ok:
            member = candidates[names.index(choice)]
            self._perform(edits.AssignMemberCommand(self._ws, account_id, member.id, assign=True))

    def edit_member(self, member_id: int) -> None:
        member = self._ws.member(member_id)
        dialog = MemberDialog(member, parent=self._window)
        if dialog.exec() != MemberDialog.DialogCode.Accepted:
            return
        changes = {k: v for k, v in dialog.values().items() if (v or None) != (getattr(member, k) or None)}
        if changes:
            self._perform(edits.edit_member(self._ws, member_id, changes))

    def remove_member(self, account_id: int, member_id: int) -> None:
        self._perform(edits.AssignMemberCommand(self._ws, account_id, member_id, assign=False))

    def toggle_archive_member(self, member_id: int) -> None:
        member = self._ws.member(member_id)
        self._perform(edits.edit_member(self._ws, member_id, {"archived": not member.archived}))

    # -- links ----------------------------------------------------------------------------------
    def _ends(self, account_id: int) -> dict[tuple[str, int], str]:
        ends = {("person", p.id): p.name for p in self._ws.people(account_id, include_archived=False)}
        ends.update({("member", m.id): self.tr("%1 (our team)").replace("%1", m.name)
                     for m in self._ws.account_members(account_id)})
        return ends

    def add_link(self, account_id: int) -> None:
        ends = self._ends(account_id)
        if len(ends) < 2:
            QMessageBox.information(self._window, self.tr("Add link"), self.tr("Add at least two people first."))
            return
        dialog = LinkDialog(ends, parent=self._window)
        if dialog.exec() == LinkDialog.DialogCode.Accepted:
            v = dialog.values()
            self._perform(edits.add_link(self._ws, account_id, v["kind"], v["source"], v["target"], v["strength"]))

    def edit_link(self, account_id: int, link_id: int) -> None:
        link = next(link for link in self._ws.links(account_id) if link.id == link_id)
        ends = self._ends(account_id)
        ends.setdefault(link.source, "?")
        ends.setdefault(link.target, "?")
        dialog = LinkDialog(ends, link, parent=self._window)
        if dialog.exec() == LinkDialog.DialogCode.Accepted:
            v = dialog.values()
            changes = {k: v[k] for k in ("kind", "strength") if v[k] != getattr(link, k)}
            if changes:
                self._perform(edits.edit_link(self._ws, link_id, changes))

    def delete_link(self, link_id: int) -> None:
        self._perform(edits.delete_link(self._ws, link_id))

    # -- qualification --------------------------------------------------------------------------
    def edit_qualification(self, account_id: int | None, criterion_id: int, field: str, value, label: str) -> None:
        if field == "rating":
            if account_id is not None:
                self._perform(edits.SetRatingCommand(self._ws, account_id, criterion_id, value, label))
        else:
            self._perform(edits.edit_criterion(self._ws, criterion_id, {field: value}, label))

    def add_criterion(self) -> None:
        name, ok = QInputDialog.getText(self._window, self.tr("Add criterion"), self.tr("Name of the criterion:"))
        if not ok or not name.strip():
            return
        weight, ok = QInputDialog.getDouble(self._window, self.tr("Add criterion"), self.tr("Weight:"), 10, 0, 1000, 1)
        if ok:
            self._perform(edits.add_criterion(self._ws, name.strip(), weight))

    def remove_criterion(self, criterion_id: int, label: str) -> None:
        if self._confirm(self.tr("Remove criterion"),
                         self.tr("Remove the criterion “%1” and its ratings on every account?").replace("%1", label)):
            self._perform(edits.delete_criterion(self._ws, criterion_id, label))
