"""The Conflicts panel: every open sync conflict with the team's value, mine and the value both sides had, who
made the team's value and when; resolving keeps theirs, uses mine or sets a typed value, as one undoable edit
that syncs like any other. Possible duplicates (the same person made on two laptops) are listed below with a
merge that keeps every link and record of both."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.sync import conflicts as kinds
from app.ui.common.stamp_text import when_text, who_text
from app.ui.common.widgets import perform_or_warn
from app.ui.team.conflicts_labels import field_label, table_label, value_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(72)
    return table


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class ConflictsPanel(QWidget):
    row_activated = Signal(object)  # (account id, ("person", id)) of the row in conflict

    def __init__(self, workspace, undo_stack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictsPanel")
        self._ws, self._stack = workspace, undo_stack
        self._me = workspace.team_user()
        self._records: dict[int, object] = {}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = _table([translate("Conflicts", "Account"), translate("Conflicts", "Row"),
                             translate("Conflicts", "Field"), translate("Conflicts", "Theirs"),
                             translate("Conflicts", "Mine"), translate("Conflicts", "Before"),
                             translate("Conflicts", "Changed by"), translate("Conflicts", "When")])
        self.theirs_button = QPushButton(translate("Conflicts", "Keep theirs"))
        self.mine_button = QPushButton(translate("Conflicts", "Use mine"))
        self.typed_button = QPushButton(translate("Conflicts", "Type another value…"))
        self.duplicates_label = QLabel(translate("Conflicts", "Possible duplicates"))
        self.duplicates_label.setStyleSheet("font-weight: bold;")
        self.duplicates = _table([translate("Conflicts", "Account"), translate("Conflicts", "Person"),
                                  translate("Conflicts", "Here"), translate("Conflicts", "From the team"),
                                  translate("Conflicts", "Added by"), translate("Conflicts", "When")])
        self.merge_button = QPushButton(translate("Conflicts", "Merge into one person"))
        self.keep_both_button = QPushButton(translate("Conflicts", "Keep both"))
        # Side by side: a dock below the map is wide and low.
        left, right = QWidget(), QWidget()
        left_layout, right_layout = QVBoxLayout(left), QVBoxLayout(right)
        for box in (left_layout, right_layout):
            box.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(_buttons(self.theirs_button, self.mine_button, self.typed_button))
        right_layout.addWidget(self.duplicates_label)
        right_layout.addWidget(self.duplicates, 1)
        right_layout.addLayout(_buttons(self.merge_button, self.keep_both_button))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.splitter)
        self.theirs_button.clicked.connect(lambda: self.resolve_current("theirs"))
        self.mine_button.clicked.connect(lambda: self.resolve_current("mine"))
        self.typed_button.clicked.connect(self._ask_typed)
        self.merge_button.clicked.connect(self.merge_current)
        self.keep_both_button.clicked.connect(self.keep_both_current)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.duplicates.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda item: self._activate(self.table, item.row()))
        self.duplicates.itemDoubleClicked.connect(lambda item: self._activate(self.duplicates, item.row()))
        workspace.conflicts_changed.connect(self.reload)
        # A sync announces what it wrote with these signals; a conflict it opened comes with them.
        for signal in (workspace.people_changed, workspace.accounts_changed, workspace.links_changed,
                       workspace.team_changed, workspace.needs_changed, workspace.interactions_changed,
                       workspace.actions_changed, workspace.opportunities_changed):
            signal.connect(self._on_data_changed)
        self.reload()

    # -- contents -------------------------------------------------------------------------------
    def reload(self, *_args) -> None:
        records = self._ws.conflicts()
        self._records = {c.id: c for c in records}
        names = {a.id: a.name for a in self._ws.account_summaries()}
        fields = [c for c in records if c.kind != kinds.DUPLICATE]
        doubles = [c for c in records if c.kind == kinds.DUPLICATE]
        self._fill(self.table, [(c, [names.get(c.account_id, ""), f"{table_label(c.table)} · {c.label}",
                                     self._field_text(c), value_text(c.table, c.field, c.theirs, c.kind),
                                     value_text(c.table, c.field, c.mine, c.kind),
                                     value_text(c.table, c.field, c.base, c.kind),
                                     who_text(c.by, self._me), when_text(c.at)]) for c in fields])
        self._fill(self.duplicates, [(c, [names.get(c.account_id, ""), c.label, self._person_text(c.row_id),
                                          self._person_text(c.other_id), who_text(c.by, self._me), when_text(c.at)])
                                     for c in doubles])
        if records:
            opened = self.tr("%n open conflict(s): the team's value is the one in use until you choose.", "",
                             len(fields))
            self.summary.setText(opened + " " + self.tr("%n possible duplicate(s).", "", len(doubles)))
        else:
            self.summary.setText(translate("Conflicts", "No open conflicts: this file and the team server agree."))
        self._update_buttons()

    def _person_text(self, person_id: int | None) -> str:
        """A person as the duplicates list tells the two apart: title, e-mail, phone."""
        try:
            p = self._ws.person(person_id)
        except ValueError:
            return ""
        return " · ".join(x for x in (p.name, p.title, p.email, p.phone) if x)

    def _on_data_changed(self, _change) -> None:
        if self.isVisible():
            self.reload()

    @staticmethod
    def _field_text(c) -> str:
        if c.kind == kinds.DELETED_HERE:
            return translate("Conflicts", "Deleted here, changed by the team")
        if c.kind == kinds.DELETED_THERE:
            return translate("Conflicts", "Changed here, deleted by the team")
        return field_label(c.field)

    @staticmethod
    def _fill(table: QTableWidget, rows: list) -> None:
        table.setRowCount(len(rows))
        for r, (record, texts) in enumerate(rows):
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(ID_ROLE, record.id)
                table.setItem(r, col, item)
        table.resizeColumnsToContents()
        for col in range(table.columnCount()):
            table.setColumnWidth(col, min(table.columnWidth(col), 200))

    def _current(self, table: QTableWidget):
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        if not rows:
            return None
        return self._records.get(table.item(rows[0].row(), 0).data(ID_ROLE))

    def select_conflict(self, conflict_id: int) -> bool:
        for table in (self.table, self.duplicates):
            for row in range(table.rowCount()):
                if table.item(row, 0).data(ID_ROLE) == conflict_id:
                    table.selectRow(row)
                    return True
        return False

    def _update_buttons(self) -> None:
        current = self._current(self.table)
        field_kind = current is not None and current.kind == kinds.FIELD
        self.theirs_button.setEnabled(current is not None)
        self.mine_button.setEnabled(current is not None)
        self.typed_button.setEnabled(field_kind and current.row_id is not None)
        double = self._current(self.duplicates)
        self.merge_button.setEnabled(double is not None)
        self.keep_both_button.setEnabled(double is not None)

    def _activate(self, table: QTableWidget, row: int) -> None:
        record = self._records.get(table.item(row, 0).data(ID_ROLE))
        if record is not None and record.table == "person" and record.row_id is not None:
            self.row_activated.emit((record.account_id, ("person", record.row_id)))

    # -- resolving ------------------------------------------------------------------------------
    def resolve_current(self, keep: str, value=None) -> bool:
        """Resolve the selected conflict (``keep``: theirs, mine, or typed with ``value`` as typed text)."""
        from app.commands.conflict_edits import ResolveConflictCommand
        from app.document.team import typed_value
        from app.models.repositories import InvalidInput

        current = self._current(self.table)
        if current is None:
            return False
        if current.kind != kinds.FIELD:
            from app.commands.conflict_edits import SettleDeletionCommand

            command = SettleDeletionCommand(self._ws, current.id, keep, current.label)
            return perform_or_warn(self, self._stack, command) is not None
        if keep == "typed":
            try:
                value = typed_value(current.table, current.field, value) if isinstance(value, str) else value
            except InvalidInput as exc:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, translate("Edits", "Not saved"), str(exc))
                return False
        command = ResolveConflictCommand(self._ws, current.id, keep, value, current.label)
        return perform_or_warn(self, self._stack, command) is not None

    def _ask_typed(self) -> None:
        current = self._current(self.table)
        if current is None:
            return
        from app.ui.team.conflicts_labels import choices

        options = choices(current.table, current.field)
        if options:
            labels = list(options.values())
            text, ok = QInputDialog.getItem(self, translate("Conflicts", "Another value"),
                                            field_label(current.field), labels, 0, False)
            if ok:
                self.resolve_current("typed", next(k for k, v in options.items() if v == text))
            return
        start = current.mine if isinstance(current.mine, str) else json.dumps(current.mine, ensure_ascii=False)
        text, ok = QInputDialog.getText(self, translate("Conflicts", "Another value"), field_label(current.field),
                                        text=start)
        if ok:
            self.resolve_current("typed", text)

    def merge_current(self) -> bool:
        """Merge the selected possible duplicate: the person here is kept, the team's one merged into it."""
        from app.commands.conflict_edits import MergePeopleCommand

        current = self._current(self.duplicates)
        if current is None:
            return False
        command = MergePeopleCommand(self._ws, current.row_id, current.other_id, current.label)
        return perform_or_warn(self, self._stack, command) is not None

    def keep_both_current(self) -> bool:
        from app.commands.conflict_edits import DismissDuplicateCommand

        current = self._current(self.duplicates)
        if current is None:
            return False
        return perform_or_warn(self, self._stack, DismissDuplicateCommand(self._ws, current.id, current.label)) \
            is not None
