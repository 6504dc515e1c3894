"""Settings of our account team: the roles each tier's accounts should have (team templates), and the criteria
of the members' competency profiles.

Every tick, name or deletion is one undoable edit; both pages follow the document, so an undo from the main
window shows here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

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
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        templates = QWidget()
        templates_layout = QVBoxLayout(templates)
        templates_layout.addWidget(note)
        templates_layout.addWidget(self.table, 1)

        self.criteria = QListWidget()
        add, rename, delete = (QPushButton(self.tr("&Add…")), QPushButton(self.tr("&Rename…")),
                               QPushButton(self.tr("&Delete")))
        add.clicked.connect(self._on_add)
        rename.clicked.connect(self._on_rename)
        delete.clicked.connect(self._on_delete)
        side = QVBoxLayout()
        for button in (add, rename, delete):
            side.addWidget(button)
        side.addStretch(1)
        competencies = QWidget()
        competencies_layout = QVBoxLayout(competencies)
        competency_note = QLabel(self.tr("The criteria each member is rated on, 1 to 5, in the team view; an "
                                         "account's “Our team” tab compares what it needs with its team's best."))
        competency_note.setWordWrap(True)
        competencies_layout.addWidget(competency_note)
        row = QHBoxLayout()
        row.addWidget(self.criteria, 1)
        row.addLayout(side)
        competencies_layout.addLayout(row, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(templates, self.tr("Team templates"))
        self.tabs.addTab(competencies, self.tr("Competencies"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.table.itemChanged.connect(self._on_item_changed)
        workspace.account_team_changed.connect(self._on_team_changed)
        self._fill()
        self._fill_criteria()
        self.resize(780, 340)

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
        elif change.kind == "competency_criterion":
            self._fill_criteria()

    # -- competency criteria ------------------------------------------------------------------------
    def _fill_criteria(self) -> None:
        current = self.current_criterion()
        self.criteria.clear()
        for criterion in self._ws.competency_criteria():
            item = QListWidgetItem(labels.competency_label(criterion.code, criterion.name))
            item.setData(Qt.ItemDataRole.UserRole, criterion.id)
            self.criteria.addItem(item)
            if criterion.id == current:
                self.criteria.setCurrentItem(item)

    def criterion_names(self) -> list[str]:
        return [self.criteria.item(i).text() for i in range(self.criteria.count())]

    def current_criterion(self) -> int | None:
        item = self.criteria.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def add_criterion(self, name: str) -> None:
        if name.strip():
            self._perform(team_edits.add_competency_criterion(self._ws, name.strip()))

    def rename_criterion(self, criterion_id: int, name: str) -> None:
        if name.strip():
            self._perform(team_edits.rename_competency_criterion(self._ws, criterion_id, name.strip()))

    def delete_criterion(self, criterion_id: int) -> None:
        label = next(self.criteria.item(i).text() for i in range(self.criteria.count())
                     if self.criteria.item(i).data(Qt.ItemDataRole.UserRole) == criterion_id)
        self._perform(team_edits.delete_competency_criterion(self._ws, criterion_id, label))

    def _on_add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New competency"), self.tr("Name of the competency:"))
        if ok:
            self.add_criterion(name)

    def _on_rename(self) -> None:
        item = self.criteria.currentItem()
        if item is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename competency"), self.tr("New name:"),
                                        QLineEdit.EchoMode.Normal, item.text())
        if ok and name.strip() != item.text():
            self.rename_criterion(item.data(Qt.ItemDataRole.UserRole), name)

    def _on_delete(self) -> None:
        criterion = self.current_criterion()
        if criterion is not None:
            self.delete_criterion(criterion)  # with its ratings and needs; Edit ▸ Undo brings them back
