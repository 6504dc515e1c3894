"""What the tables of one account's records share (needs, history, next actions, opportunities).

Rows are read from the workspace for the current account, optionally narrowed to one person, and read again
whenever the workspace announces a change of what they show; edits go through commands, never through a model.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from app.document import Workspace


class AccountRecordsModel(QAbstractTableModel):
    COLUMNS = 0  # set by each table

    def __init__(self, workspace: Workspace, signals: tuple[str, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._account_id: int | None = None
        self._person_id: int | None = None
        self._rows: list = []
        for name in signals:
            getattr(workspace, name).connect(self._on_changed)

    # -- what a table defines ---------------------------------------------------------------------------
    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _read(self, account_id: int) -> list:
        """The rows of ``account_id`` after the table's filters; raises ValueError for a deleted account."""
        raise NotImplementedError

    def _forget(self) -> None:
        """Drop what was read beside the rows (names and the like)."""

    # -- the account and the person -----------------------------------------------------------------
    @property
    def account_id(self) -> int | None:
        return self._account_id

    @property
    def person_filter(self) -> int | None:
        return self._person_id

    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self._person_id = None
        self.reload()

    def set_person_filter(self, person_id: int | None) -> None:
        if person_id != self._person_id:
            self._person_id = person_id
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._forget()
        if self._account_id is not None:
            try:
                self._rows = self._read(self._account_id)
            except ValueError:  # the account was deleted
                self._account_id = None
                self._forget()
        self.endResetModel()

    def _on_changed(self, change) -> None:
        if self._account_id is not None and change.account_id in (None, self._account_id):
            self.reload()

    # -- rows -----------------------------------------------------------------------------------------
    def records(self) -> list:
        return list(self._rows)

    def record_at(self, row: int):
        return self._rows[row]

    def row_of(self, record_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), None)

    def _row(self, index: QModelIndex):
        """The record of ``index``, or None for an index that is not a row of this table."""
        return self._rows[index.row()] if index.isValid() and 0 <= index.row() < len(self._rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]
