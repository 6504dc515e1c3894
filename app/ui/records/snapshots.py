"""Snapshots (快照): named, dated copies of an account's map, and what changed between two of them or since
one of them. Snapshots are only taken or deleted, never edited, both through undoable commands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.commands import record_edits as commands
from app.commands.base import WorkspaceCommand
from app.document import Workspace
from app.document.records import SnapshotRecord
from app.document.snapshots import SnapshotDiff, diff
from app.ui.common.widgets import perform_or_warn
from app.views.snapshots_model import SnapshotsModel, diff_groups, names_in

MARK_COLOR = QColor("#AA3377")
Key = tuple[str, int]


class SnapshotsPanel(QWidget):
    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws, self._stack = workspace, undo_stack
        self._account_id: int | None = None
        self._scene = None
        self._marked: set[Key] = set()
        self.diff: SnapshotDiff | None = None
        self.model = SnapshotsModel(workspace, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(SnapshotsModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(SnapshotsModel.TAKEN,
                                                          QHeaderView.ResizeMode.ResizeToContents)
        self.view.setMaximumHeight(170)
        self.take_button = QPushButton(self.tr("Take snapshot…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.before = QComboBox()
        self.after = QComboBox()
        for combo in (self.before, self.after):
            combo.setMinimumContentsLength(16)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.result = QTreeWidget()
        self.result.setHeaderHidden(True)
        self.result.setRootIsDecorated(False)
        self.result.setIndentation(16)
        self.mark = QCheckBox(self.tr("Mark changes on the map"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        pick = QHBoxLayout()
        pick.addWidget(self.before, 1)
        pick.addWidget(QLabel(self.tr("with")))
        pick.addWidget(self.after, 1)
        compare = QGroupBox(self.tr("Compare"))
        box = QVBoxLayout(compare)
        box.addLayout(pick)
        box.addWidget(self.result, 1)
        box.addWidget(self.mark)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        layout.addWidget(compare, 1)
        self._wire_signals()
        self._update_enabled()

    def _wire_signals(self) -> None:
        self.model.modelReset.connect(self._on_snapshots_reset)
        self.take_button.clicked.connect(self.take_snapshot)
        self.delete_button.clicked.connect(self.delete_current)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_enabled())
        self.before.currentIndexChanged.connect(lambda _i: self.compare())
        self.after.currentIndexChanged.connect(lambda _i: self.compare())
        self.mark.toggled.connect(self._on_mark_toggled)
        # Comparing with "now" follows every edit of the map.
        for signal in (self._ws.people_changed, self._ws.links_changed, self._ws.team_changed):
            signal.connect(self._on_map_changed)

    # -- what the rest of the window tells the panel --------------------------------------------
    def set_account(self, account_id: int | None) -> None:
        self._account_id = account_id
        self.model.set_account(account_id)

    def set_scene(self, scene) -> None:
        """The map whose cards ``Mark changes on the map`` rings (None: no map)."""
        self.clear_marks()
        if self._scene is not None:
            self._scene.content_changed.disconnect(self._on_scene_content_changed)
        self._scene = scene
        if scene is not None:
            scene.content_changed.connect(self._on_scene_content_changed)
            if self.mark.isChecked():
                self.mark_on_map()

    # -- comparing ------------------------------------------------------------------------------
    def _fill_combos(self) -> None:
        before, after = self.before.currentData(), self.after.currentData()
        snapshots = self.model.snapshots()
        for combo in (self.before, self.after):
            combo.blockSignals(True)
            combo.clear()
        self.after.addItem(self.tr("Now"), None)
        for s in snapshots:
            text = f"{s.name} · {s.taken_at:%Y-%m-%d}"
            self.before.addItem(text, s.id)
            self.after.addItem(text, s.id)
        index = self.before.findData(before)
        self.before.setCurrentIndex(index if index >= 0 else 0)
        index = self.after.findData(after)
        self.after.setCurrentIndex(index if index >= 0 else 0)
        for combo in (self.before, self.after):
            combo.blockSignals(False)

    def _state(self, snapshot_id: int | None) -> dict:
        if snapshot_id is None:
            return self._ws.current_map_state(self._account_id)
        return self._ws.snapshot(snapshot_id).data

    def compare(self) -> SnapshotDiff | None:
        """Compare the two chosen moments, show the groups of changes and, if asked, mark them."""
        self.result.clear()
        self.diff = None
        if self._account_id is None or self.before.currentIndex() < 0:
            placeholder = self.tr("Take a snapshot to compare the map with it later.")
            self.result.addTopLevelItem(QTreeWidgetItem([placeholder if self._account_id else ""]))
            self.clear_marks()
            return None
        before, after = self._state(self.before.currentData()), self._state(self.after.currentData())
        self.diff = diff(before, after)
        groups = diff_groups(self.diff, names_in(before, after))
        bold = QFont(self.result.font())
        bold.setBold(True)
        for group in groups:
            head = QTreeWidgetItem([f"{group.title} ({len(group.entries)})"])
            head.setFont(0, bold)
            head.setData(0, Qt.ItemDataRole.UserRole, group.code)
            for text, _person_id in group.entries:
                head.addChild(QTreeWidgetItem([text]))
            self.result.addTopLevelItem(head)
        if not groups:
            self.result.addTopLevelItem(QTreeWidgetItem([self.tr("No changes")]))
        self.result.expandAll()
        if self.mark.isChecked():
            self.mark_on_map()
        return self.diff

    def shown_groups(self) -> dict[str, list[str]]:
        """What the result list shows: group code → entry texts."""
        found = {}
        for i in range(self.result.topLevelItemCount()):
            head = self.result.topLevelItem(i)
            code = head.data(0, Qt.ItemDataRole.UserRole)
            if code:
                found[code] = [head.child(j).text(0) for j in range(head.childCount())]
        return found

    # -- marking the map ------------------------------------------------------------------------
    def mark_on_map(self, scene=None) -> set[Key]:
        """Ring the cards of the people the comparison found changed; returns the keys ringed."""
        if scene is not None and scene is not self._scene:
            self.set_scene(scene)
        self.clear_marks()
        if self._scene is None or self.diff is None:
            return set()
        for person_id in self.diff.changed_people():
            card = self._scene.card(("person", person_id))
            if card is not None:
                card.change_mark = QColor(MARK_COLOR)
                card.update()
                self._marked.add(card.key)
        return set(self._marked)

    def clear_marks(self) -> None:
        if self._scene is not None:
            for key in self._marked:
                card = self._scene.card(key)
                if card is not None and card.change_mark is not None:
                    card.change_mark = None
                    card.update()
        self._marked.clear()

    def _on_mark_toggled(self, checked: bool) -> None:
        if checked:
            self.mark_on_map()
        else:
            self.clear_marks()

    def _on_scene_content_changed(self) -> None:
        if self.mark.isChecked() and self.diff is not None:
            self.mark_on_map()

    # -- keeping up with the workspace ----------------------------------------------------------
    def _on_snapshots_reset(self) -> None:
        self._fill_combos()
        self._update_enabled()
        self.compare()

    def _on_map_changed(self, change) -> None:
        if self._account_id is not None and change.account_id in (None, self._account_id) \
                and self.after.currentData() is None:
            self.compare()

    def _update_enabled(self) -> None:
        self.take_button.setEnabled(self._account_id is not None)
        self.delete_button.setEnabled(self.current_snapshot() is not None)
        has_any = self.model.rowCount() > 0
        for widget in (self.before, self.after, self.mark):
            widget.setEnabled(has_any)

    # -- the user's gestures --------------------------------------------------------------------
    def current_snapshot(self) -> SnapshotRecord | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.snapshot_at(rows[0].row()) if rows else None

    def _perform(self, command: WorkspaceCommand) -> WorkspaceCommand | None:
        return perform_or_warn(self, self._stack, command)

    def take_snapshot(self) -> int | None:
        if self._account_id is None:
            return None
        name, ok = QInputDialog.getText(self, self.tr("Take snapshot"),
                                        self.tr("Name of the snapshot, e.g. “before QBR”:"))
        if not ok or not name.strip():
            return None
        command = self._perform(commands.take_snapshot(self._ws, self._account_id, name.strip()))
        return command.ident if command else None

    def delete_current(self) -> None:
        snapshot = self.current_snapshot()
        if snapshot is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete snapshot"),
            self.tr("Delete the snapshot “%1”?\nYou can undo this with Edit ▸ Undo.").replace("%1", snapshot.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._perform(commands.delete_snapshot(self._ws, snapshot.id, snapshot.name))
