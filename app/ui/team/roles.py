"""Roles in the window: the banner over an account the team server shares with this login for reading only.
The refusal itself is the document's (app.document.team_access); the banner says why before anyone tries."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy

from app.i18n import translate


class ReadOnlyBanner(QLabel):
    def __init__(self, workspace, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ReadOnlyAccountBanner")
        self._ws = workspace
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setStyleSheet("QLabel#ReadOnlyAccountBanner { background: #fff4ce; color: #5d4037; "
                           "border: 1px solid #f0d58c; padding: 4px 8px; }")
        self.hide()
        workspace.accounts_changed.connect(self._refresh)
        self._account_id = None

    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self._refresh()

    def _refresh(self, *_args) -> None:
        read_only = self._ws.account_is_read_only(self._account_id)
        if read_only and self._ws.team_role() == "viewer":
            self.setText(translate("Team", "Read only: your login is a viewer on the team server, which shares "
                                           "accounts with you for reading only, and the team's shared lists too. "
                                           "You can look, export and prepare; changes are not saved."))
        elif read_only:
            self.setText(translate("Team", "Read only: the team server shares this account with you for reading. "
                                           "You can look, export and prepare; changes are not saved."))
        self.setVisible(read_only)
