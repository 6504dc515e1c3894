"""What the account's page shows when there is no account to show: on an empty database, the three ways to
begin (the demo accounts, a new account, an import) as buttons; otherwise where to pick one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        self.heading = QLabel(self.tr("No key accounts yet"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QLabel(self.tr(
            "A key account holds the decision map of one customer's buying committee: who decides, who "
            "influences whom, who is for or against you, and how well your team knows each of them. Look "
            "around the demo accounts, start one of your own, or import the people you already have."))
        self.text.setWordWrap(True)
        self.hint = QLabel(self.tr("Select a key account in the list, or create one with Account ▸ New account."))
        self.hint.setWordWrap(True)
        self.buttons: list[QToolButton] = []
        self._row = QHBoxLayout()
        self._row.setSpacing(12)
        self._row.addStretch(1)
        self._row.addStretch(1)
        # A column of reading width in the middle (a wrapped label given an alignment would not get its height).
        column = QWidget()
        column.setMaximumWidth(620)
        inner = QVBoxLayout(column)
        for label in (self.heading, self.text, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(label)
        inner.addSpacing(12)
        inner.addLayout(self._row)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(column, 4)
        middle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(2)
        self.set_empty_database(False)

    def set_actions(self, actions: list[QAction]) -> None:
        """The buttons, each the action itself (its text, its enabled state), first one the default."""
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(36)
            button.setStyleSheet("QToolButton { padding: 6px 16px; }")
            self._row.insertWidget(self._row.count() - 1, button)
            self.buttons.append(button)
        self.set_empty_database(self.empty_database)

    def set_empty_database(self, empty: bool) -> None:
        """An empty database shows the ways to begin; one with accounts only says where to pick one."""
        self.empty_database = empty
        for widget in (self.heading, self.text, *self.buttons):
            widget.setVisible(empty)
        self.hint.setVisible(not empty)
