"""What the panels of an account's records share (needs, next actions, opportunities, history).

A table of the model's rows with Add, Edit and Delete buttons; a double-click edits the row; the form's values
become an undoable command, and a deletion is confirmed first. Each panel says which form, which commands
and which words; the table follows the workspace through its model.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.document import Workspace
from app.i18n import translate
from app.ui.common.widgets import perform_or_warn

READABLE_COLUMN = 220  # pixels a free-text column needs to show a few words
# The synced table of each kind of record, for who last changed it.
_TEAM_TABLES = {"NeedRecord": "need", "ActionRecord": "action", "InteractionRecord": "interaction",
                "OpportunityRecord": "opportunity"}


class RecordPanel(QWidget):
    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, model, parent: QWidget | None = None,
                 sort_role: int | None = None, add_text: str | None = None) -> None:
        super().__init__(parent)
        self._ws, self._stack = workspace, undo_stack
        self.model = model
        model.setParent(self)
        self.proxy = None
        shown = model
        if sort_role is not None:
            self.proxy = QSortFilterProxyModel(self)
            self.proxy.setSourceModel(model)
            self.proxy.setSortRole(sort_role)
            shown = self.proxy
        self.add_button = QPushButton(add_text or translate("RecordPanel", "Add…"))
        self.edit_button = QPushButton(translate("RecordPanel", "Edit…"))
        self.delete_button = QPushButton(translate("RecordPanel", "Delete"))
        self.view = QTableView()
        self.view.setModel(shown)
        self.view.setSortingEnabled(self.proxy is not None)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.model.modelReset.connect(self._update_buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def _size_columns(self, stretched: tuple[int, ...]) -> None:
        """Columns as wide as their contents, but ``stretched`` ones share what is left — and when that is too
        little to read (a narrow dock), they keep a readable width and the table scrolls sideways."""
        self._stretched = stretched
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column not in stretched:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._fit_stretched_columns()
        self.view.viewport().installEventFilter(self)
        header.sectionResized.connect(lambda *_args: self._fit_stretched_columns())

    def _fit_stretched_columns(self) -> None:
        header = self.view.horizontalHeader()
        stretched = getattr(self, "_stretched", ())
        fixed = sum(header.sectionSize(c) for c in range(header.count())
                    if c not in stretched and not header.isSectionHidden(c))
        roomy = self.view.viewport().width() - fixed >= READABLE_COLUMN * len(stretched)
        for column in stretched:
            mode = QHeaderView.ResizeMode.Stretch if roomy else QHeaderView.ResizeMode.Interactive
            if header.sectionResizeMode(column) != mode:
                header.setSectionResizeMode(column, mode)
                if not roomy:
                    header.resizeSection(column, READABLE_COLUMN)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit_stretched_columns()
        if event.type() == QEvent.Type.ToolTip and watched is self.view.viewport():
            text = self.tooltip_text(self.view.indexAt(event.pos()))
            if text:
                from PySide6.QtWidgets import QToolTip

                QToolTip.showText(event.globalPos(), text, self.view)
                return True
        return super().eventFilter(watched, event)

    def tooltip_text(self, index: QModelIndex) -> str:
        """A row's tooltip with who last changed the record on the team server, and when ("" for a file that
        was never joined: the cell's own tooltip then shows)."""
        from PySide6.QtCore import Qt

        from app.ui.common.stamp_text import stamp_text

        if not index.isValid():
            return ""
        source = self.proxy.mapToSource(index) if self.proxy is not None else index
        record = self.model.record_at(source.row())
        table = _TEAM_TABLES.get(type(record).__name__)
        if table is None:
            return ""
        line = stamp_text(self._ws.last_changes(table, [record.id]).get(record.id), self._ws.team_user())
        if not line:
            return ""
        own = index.data(Qt.ItemDataRole.ToolTipRole) or index.data(Qt.ItemDataRole.DisplayRole)
        return "\n".join(str(t) for t in (own, line) if t)

    def _lay_out(self, *left: QWidget, right: tuple[QWidget, ...] = ()) -> None:
        """The bar over the table: ``left`` widgets, and on the right ``right`` ones followed by the buttons."""
        bar = QHBoxLayout()
        for widget in left:
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (*right, self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    # -- what a panel defines ---------------------------------------------------------------------
    def _dialog(self, record):
        """The form for ``record`` (None: a new one)."""
        raise NotImplementedError

    def _add_command(self, account_id: int, values: dict):
        raise NotImplementedError

    def _edit_command(self, record, changes: dict):
        raise NotImplementedError

    def _delete_command(self, record):
        raise NotImplementedError

    def _delete_question(self, record) -> tuple[str, str]:
        """The title and the question of the confirmation before ``record`` is deleted."""
        raise NotImplementedError

    def _changes(self, record, values: dict) -> dict:
        return {k: v for k, v in values.items() if getattr(record, k) != v}

    # -- the table --------------------------------------------------------------------------------
    def selected_record(self):
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        index = self.proxy.mapToSource(rows[0]) if self.proxy is not None else rows[0]
        return self.model.record_at(index.row())

    def select_record(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            index = self.model.index(row, 0)
            self.view.selectRow(self.proxy.mapFromSource(index).row() if self.proxy is not None else row)

    def _update_buttons(self, *_args) -> None:
        self.add_button.setEnabled(self.model.account_id is not None)
        chosen = self.selected_record() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.view.selectRow(index.row())
        self.edit_record()

    # -- edits ------------------------------------------------------------------------------------
    def _perform(self, command):
        """The command once done, or None when the database refused it (the user has been told)."""
        return perform_or_warn(self, self._stack, command)

    def add_record(self):
        account_id = self.model.account_id
        if account_id is None:
            return None
        dialog = self._dialog(None)
        if not dialog.exec():
            return None
        return self._perform(self._add_command(account_id, dialog.values()))

    def edit_record(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        dialog = self._dialog(record)
        if not dialog.exec():
            return
        changes = self._changes(record, dialog.values())
        if changes:
            self._perform(self._edit_command(record, changes))

    def delete_record(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        title, question = self._delete_question(record)
        answer = QMessageBox.question(self, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._perform(self._delete_command(record))
