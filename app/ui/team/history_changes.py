"""Under the History tab: the account's latest changes made by teammates on the team server (who, when, what),
from the stamps the pulls keep — so a colleague's edits since the last meeting are easy to find."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.i18n import translate
from app.ui.common.stamp_text import when_text
from app.ui.team.conflicts_labels import table_label


class TeamChangesList(QWidget):
    def __init__(self, workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TeamChanges")
        self._ws = workspace
        self._account_id: int | None = None
        self.title = QLabel(translate("Team", "Recent changes by teammates"))
        self.title.setStyleSheet("font-weight: bold;")
        self.list = QListWidget()
        self.list.setMinimumHeight(60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        for signal in (workspace.people_changed, workspace.links_changed, workspace.needs_changed,
                       workspace.interactions_changed, workspace.actions_changed, workspace.accounts_changed,
                       workspace.opportunities_changed):
            signal.connect(self._on_changed)

    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self.reload()

    def _on_changed(self, change) -> None:
        if getattr(change, "account_id", None) in (None, self._account_id):
            self.reload()

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def reload(self) -> None:
        self.list.clear()
        changes = self._ws.recent_changes_by_others(self._account_id) if self._account_id is not None else []
        for table, label, who, at in changes:
            text = translate("Team", "%1 · %2 — %3: %4").replace("%1", when_text(at)).replace("%2", who).replace(
                "%3", table_label(table)).replace("%4", label)
            self.list.addItem(QListWidgetItem(text))
        if not changes:
            self.list.addItem(translate("Team", "No changes by teammates in this account yet."))
