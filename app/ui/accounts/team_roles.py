"""The account's team roles: which roles its tier expects, who fills each, which nobody does — shown in the
"Our team" tab and as a warning in the account's header; a member's roles on the account are set in a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.commands import team_edits
from app.i18n import labels, translate
from app.models import enums
from app.ui.common.widgets import perform_or_warn
from app.views.competency_models import FitModel
from app.views.team_models import AccountRolesModel, role_names


class TeamRolesPanel(QWidget):
    """The roles table of one account, kept up to date from the document."""

    missing_changed = Signal(object)  # the roles nobody fills, in the template's order

    def __init__(self, workspace, stack=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws, self._stack = workspace, stack
        self.account_id: int | None = None
        self.missing: tuple[str, ...] = ()
        self.model = AccountRolesModel(self)
        self.title = QLabel()
        self.view = _plain_table(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fit_model = FitModel(self._on_need_edited if stack is not None else None, self)
        self.fit_title = QLabel(self.tr("Competency fit — what the account needs against our team's best "
                                        "(type the level it needs, 1–5)"))
        self.fit_view = _plain_table(self.fit_model)
        roles_box, fit_box = QWidget(), QWidget()
        for box, title, view in ((roles_box, self.title, self.view), (fit_box, self.fit_title, self.fit_view)):
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            title.setWordWrap(True)
            box_layout.addWidget(title)
            box_layout.addWidget(view, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(roles_box)
        split.addWidget(fit_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        for signal in (workspace.team_changed, workspace.accounts_changed, workspace.account_team_changed):
            signal.connect(self._on_changed)

    def set_account(self, account_id: int | None) -> None:
        self.account_id = account_id
        self.reload()

    def reload(self) -> None:
        if self.account_id is None:
            status, names = None, {}
        else:
            try:
                status = self._ws.account_team_status(self.account_id)
            except KeyError:  # the account has just been deleted
                status = None
            names = {m.id: m.name for m in self._ws.account_members(self.account_id)} if status else {}
        self.model.set_status(status, names)
        missing = status.missing if status else ()
        if status is None or not status.expected:
            self.title.setText(self.tr("Roles on our side — this account's tier expects none (set its tier in "
                                       "the profile)."))
        elif missing:
            self.title.setText(self.tr("Roles on our side — missing: %1").replace("%1", role_names(missing)))
        else:
            self.title.setText(self.tr("Roles on our side — every role its tier expects is filled."))
        self._reload_fit()
        if missing != self.missing:
            self.missing = missing
            self.missing_changed.emit(missing)

    def _reload_fit(self) -> None:
        if self.account_id is None:
            self.fit_model.set_fit([], {}, [], {}, {})
            return
        members = self._ws.account_members(self.account_id)
        self.fit_model.set_fit(self._ws.competency_criteria(), self._ws.competency_needs(self.account_id),
                               [m.id for m in members], self._ws.all_competency(), {m.id: m.name for m in members})

    def _on_need_edited(self, criterion_id: int, level: int | None) -> None:
        if self.account_id is not None:
            perform_or_warn(self, self._stack,
                            team_edits.set_competency_need(self._ws, self.account_id, criterion_id, level))

    def _on_changed(self, change) -> None:
        if self.account_id is not None and change.account_id in (None, self.account_id):
            self.reload()


class MemberRolesDialog(QDialog):
    """The roles a member fills on one account: their own role always, any other ticked here."""

    def __init__(self, own_role: str | None, roles: tuple[str, ...], member_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roles of %1 on this account").replace("%1", member_name))
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        for role, label in labels.team_roles().items():
            box = QCheckBox(label)
            if role == own_role:
                box.setChecked(True)
                box.setEnabled(False)
                box.setToolTip(self.tr("Their role on our team: they fill it on every account they work on"))
            else:
                box.setChecked(role in roles)
            self.boxes[role] = box
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._own = own_role

    def roles(self) -> tuple[str, ...]:
        return tuple(role for role in enums.TEAM_ROLES if role != self._own and self.boxes[role].isChecked())


def _plain_table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def edit_member_roles(parent: QWidget, workspace, stack, account_id: int, member_id: int) -> bool:
    """Ask which roles the member fills on the account, then set them as one undoable edit."""
    member = workspace.member(member_id)
    current = workspace.account_roles(account_id).get(member_id, ())
    dialog = MemberRolesDialog(member.team_role, current, member.name, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.roles() == current:
        return False
    command = team_edits.set_account_roles(workspace, account_id, member_id, dialog.roles(), member.name)
    return perform_or_warn(parent, stack, command) is not None


def warning_text(missing: tuple[str, ...]) -> str:
    """The account header's warning: the roles of the tier's template nobody fills (empty when none)."""
    return translate("TeamRoles", "⚠ Our team lacks: %1").replace("%1", role_names(missing)) if missing else ""
