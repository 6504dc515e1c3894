"""People ▸ Contact cadence by role: how often each buying role should hear from us, shared by all accounts.

Each change is one undoable command, committed at once; the workspace then announces it, so the overdue
lists of every open panel refresh — and so does this dialog after an undo.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.analysis.health import DEFAULT_CADENCE_DAYS
from app.commands.record_edits import SetRoleCadence
from app.document.health_input import role_cadence_defaults
from app.i18n import labels
from app.models import enums
from app.ui.common.widgets import perform_or_warn

MAX_DAYS = 365


class RoleCadenceDialog(QDialog):
    def __init__(self, workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws, self._stack = workspace, undo_stack
        self.setWindowTitle(self.tr("Contact cadence by role"))
        self._roles = labels.buying_roles()
        intro = QLabel(self.tr("How often each buying role should hear from us. A person's own cadence (in their "
                               "profile) comes first; past it, the contact shows as overdue beside the next "
                               "actions."))
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self._header(self.tr("Buying role")), 0, 0)
        grid.addWidget(self._header(self.tr("Contact every")), 0, 1)
        grid.addWidget(self._header(self.tr("Built-in")), 0, 2)
        self.spins: dict[str, QSpinBox] = {}
        self.reset_buttons: dict[str, QPushButton] = {}
        for row, role in enumerate(enums.BUYING_ROLES, start=1):
            name = QLabel(self._roles.get(role, role))
            spin = QSpinBox()
            spin.setRange(0, MAX_DAYS)
            spin.setSuffix(self.tr(" days"))
            spin.setSpecialValueText(self.tr("No cadence"))
            spin.setAccelerated(True)
            name.setBuddy(spin)
            builtin = DEFAULT_CADENCE_DAYS.get(role)
            default = QLabel(self.tr("%1 days").replace("%1", str(builtin)) if builtin else self.tr("none"))
            default.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            reset = QPushButton(self.tr("Use built-in"))
            reset.setToolTip(self.tr("Go back to the cadence Stakemap suggests for this role"))
            spin.editingFinished.connect(lambda r=role: self._on_edited(r))
            reset.clicked.connect(lambda _checked=False, r=role: self.reset(r))
            grid.addWidget(name, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(default, row, 2)
            grid.addWidget(reset, row, 3)
            self.spins[role], self.reset_buttons[role] = spin, reset
        grid.setColumnStretch(0, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self._ws.cadences_changed.connect(self._refresh)
        self._refresh()

    @staticmethod
    def _header(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _refresh(self, _change=None) -> None:
        overrides = self._ws.role_cadences()
        current = role_cadence_defaults(overrides)
        for role, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(current.get(role, 0))
            spin.blockSignals(False)
            self.reset_buttons[role].setEnabled(role in overrides)

    def cadence(self, role: str) -> int | None:
        """The role's cadence as the overdue lists read it (None: none)."""
        return role_cadence_defaults(self._ws.role_cadences()).get(role)

    # -- edits ----------------------------------------------------------------------------------
    def set_cadence(self, role: str, days: int | None) -> None:
        """One undoable change; setting what is already in force records nothing."""
        if days == self.cadence(role):
            return
        perform_or_warn(self, self._stack, SetRoleCadence(self._ws, role, self._roles.get(role, role), days))
        self._refresh()

    def reset(self, role: str) -> None:
        if role not in self._ws.role_cadences():
            return
        perform_or_warn(self, self._stack, SetRoleCadence(self._ws, role, self._roles.get(role, role), None,
                                                          reset=True))
        self._refresh()

    def _on_edited(self, role: str) -> None:
        self.set_cadence(role, self.spins[role].value() or None)
