"""Settings of our account team: the roles each tier's accounts should have (team templates).

Every tick is one undoable edit; the table follows the document, so an undo from the main window shows here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.commands import team_edits
from app.i18n import labels
from app.models import enums


class TeamSettingsDialog(QDialog):
    def __init__(self, workspace, perform: Callable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team settings"))
        self._ws, self._perform = workspace, perform
        self._filling = False
        note = QLabel(self.tr("Tick the roles an account of each tier should have on our side. An account's "
                              "“Our team” tab, its header and the dashboards name the roles nobody fills."))
        note.setWordWrap(True)
        roles = labels.team_roles()
        self.table = QTableWidget(len(enums.TIERS), len(enums.TEAM_ROLES))
        self.table.setHorizontalHeaderLabels([roles[r] for r in enums.TEAM_ROLES])
        self.table.setVerticalHeaderLabels([labels.tiers()[t] for t in enums.TIERS])
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.table.resizeColumnsToContents()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.itemChanged.connect(self._on_item_changed)
        workspace.account_team_changed.connect(self._on_team_changed)
        self._fill()
        self.resize(760, 300)

    def _fill(self) -> None:
        self._filling = True
        templates = self._ws.team_templates()
        for row, tier in enumerate(enums.TIERS):
            for col, role in enumerate(enums.TEAM_ROLES):
                item = self.table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    self.table.setItem(row, col, item)
                item.setCheckState(Qt.CheckState.Checked if role in templates.get(tier, ())
                                   else Qt.CheckState.Unchecked)
        self._filling = False

    def set_checked(self, tier: str, role: str, on: bool) -> None:
        """Tick or untick one role of a tier's template, as a click does."""
        item = self.table.item(enums.TIERS.index(tier), enums.TEAM_ROLES.index(role))
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        tier = enums.TIERS[item.row()]
        roles = [role for col, role in enumerate(enums.TEAM_ROLES)
                 if self.table.item(item.row(), col).checkState() == Qt.CheckState.Checked]
        if self._perform(team_edits.set_team_template(self._ws, tier, roles, labels.tiers()[tier])) is None:
            self._fill()

    def _on_team_changed(self, change) -> None:
        if change.kind == "team_template":
            self._fill()
