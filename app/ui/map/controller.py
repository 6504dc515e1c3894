"""What the user's gestures on the map do: ask what is needed, then perform an undoable command."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from app.commands import edits, map_edits
from app.commands.base import WorkspaceCommand
from app.document import Workspace
from app.i18n import labels
from app.layout.free_space import below, free_spot
from app.ui.common.widgets import perform_or_warn
from app.ui.map.deletion import deletion_question
from app.ui.map.link_dialog import LinkDialog
from app.ui.map.person_dialogs import MemberDialog, PersonDialog
from app.views.map import style
from app.views.map.scene import MapScene


class MapController(QObject):
    layout_requested = Signal(str)
    focus_requested = Signal(object)  # card key

    def __init__(self, workspace: Workspace, stack: QUndoStack, scene: MapScene, window: QWidget) -> None:
        super().__init__(window)
        self._ws, self._stack, self._scene, self._window = workspace, stack, scene, window

    @property
    def account_id(self) -> int | None:
        return self._scene.account_id

    def _perform(self, command: WorkspaceCommand) -> WorkspaceCommand | None:
        return perform_or_warn(self._window, self._stack, command)

    def _name(self, key) -> str:
        card = self._scene.card(key)
        return card.record.name if card is not None else "?"

    # -- moving ---------------------------------------------------------------------------------
    def cards_moved(self, new: dict, old: dict) -> None:
        if self.account_id is not None:
            self._perform(map_edits.move_cards(self._ws, self.account_id, new, old))

    def nudge(self, new: dict, old: dict) -> None:
        if self.account_id is not None:
            self._perform(map_edits.nudge_cards(self._ws, self.account_id, new, old))

    def place(self, positions: dict) -> None:
        """First placement of cards that had no position: stored, but not an edit to undo."""
        if self.account_id is not None and positions:
            self._scene.animate_moves = False  # a first placement appears in place, it does not fly in
            try:
                self._ws.set_positions(self.account_id, positions)
            finally:
                self._scene.animate_moves = True

    def apply_layout(self, name: str, label: str, positions: dict) -> None:
        if self.account_id is None:
            return
        old = self._scene.positions(list(positions))
        changed = {k: p for k, p in positions.items() if k in old and old[k] != p}
        if changed:
            self._perform(map_edits.apply_layout(self._ws, self.account_id, changed,
                                                 {k: old[k] for k in changed}, label))

    # -- adding ---------------------------------------------------------------------------------
    def _free_spot(self, near: QPointF, kind: str, influence: int | None = None) -> tuple[float, float]:
        """The free spot nearest ``near`` for a new card: it never lands on top of another card."""
        occupied = [(c.pos().x(), c.pos().y(), *c.size) for c in self._scene.card_items() if self._scene.is_shown(c)]
        return free_spot(occupied, style.card_size(kind, influence), (near.x(), near.y()))

    def _show_new_card(self, key) -> None:
        """Select a card just added and bring it into view, so the user sees where it went."""
        card = self._scene.card(key)
        if card is None:
            return
        self._scene.clearSelection()
        card.setSelected(True)
        for view in self._scene.views():
            view.ensureVisible(card, 40, 40)

    def add_person_at(self, pos: QPointF) -> int | None:
        if self.account_id is None:
            return None
        dialog = PersonDialog(parent=self._window)
        if dialog.exec() != PersonDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        x, y = self._free_spot(pos, "person", values.get("influence"))
        command = self._perform(edits.add_person(self._ws, self.account_id, values.pop("name"), x=x, y=y,
                                                 **values))
        if command is None:
            return None
        self._show_new_card(("person", command.ident))
        return command.ident

    def add_report_of(self, manager) -> int | None:
        """Add a person who reports to ``manager``'s card, under it; one undo step."""
        card = self._scene.card(manager)
        if self.account_id is None or card is None:
            return None
        dialog = PersonDialog(parent=self._window)
        dialog.setWindowTitle(self.tr("Add a report of %1").replace("%1", card.record.name))
        if dialog.exec() != PersonDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        size = style.card_size("person", values.get("influence"))
        x, y = self._free_spot(QPointF(*below((card.pos().x(), card.pos().y(), *card.size), size)), "person",
                               values.get("influence"))
        name = values.pop("name")
        self._stack.beginMacro(self.tr("Add %1 reporting to %2").replace("%1", name).replace("%2", card.record.name))
        try:
            command = self._perform(edits.add_person(self._ws, self.account_id, name, x=x, y=y, **values))
            if command is not None:
                self._perform(edits.add_link(self._ws, self.account_id, "reports_to", ("person", command.ident),
                                             manager))
        finally:
            self._stack.endMacro()
        if command is None:
            return None
        self._show_new_card(("person", command.ident))
        return command.ident

    def add_member_at(self, pos: QPointF) -> int | None:
        if self.account_id is None:
            return None
        dialog = MemberDialog(parent=self._window)
        if dialog.exec() != MemberDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        x, y = self._free_spot(pos, "member")
        command = self._perform(edits.add_member(self._ws, values.pop("name"), self.account_id, x=x, y=y,
                                                 **values))
        if command is None:
            return None
        self._show_new_card(("member", command.ident))
        return command.ident

    def ask_add_at(self, pos: QPointF, screen_pos) -> None:
        menu = QMenu(self._window)
        person = menu.addAction(self.tr("Add person here…"))
        member = menu.addAction(self.tr("Add team member here…"))
        chosen = menu.exec(screen_pos)
        if chosen is person:
            self.add_person_at(pos)
        elif chosen is member:
            self.add_member_at(pos)

    # -- connecting -----------------------------------------------------------------------------
    def valid_kinds(self, source, target) -> list[str]:
        from app.models.enums import link_kinds_between

        return list(link_kinds_between(source[0], target[0]))

    def connect(self, source, target, kind: str, strength: int = 3) -> None:
        if self.account_id is not None:
            self._perform(edits.add_link(self._ws, self.account_id, kind, source, target, strength))

    def ask_connect(self, source, target, screen_pos) -> None:
        menu = QMenu(self._window)
        menu.setTitle(self.tr("Link %1 to %2").replace("%1", self._name(source)).replace("%2", self._name(target)))
        kinds = labels.link_kinds()
        header = menu.addAction(menu.title())
        header.setEnabled(False)
        menu.addSeparator()
        actions = {menu.addAction(kinds[k]): k for k in self.valid_kinds(source, target)}
        chosen = menu.exec(screen_pos)
        if chosen in actions:
            self.connect(source, target, actions[chosen])

    # -- editing --------------------------------------------------------------------------------
    def edit(self, key) -> None:
        if key[0] == "person":
            person = self._ws.person(key[1])
            dialog = PersonDialog(person, parent=self._window)
            if dialog.exec() == PersonDialog.DialogCode.Accepted:
                changes = {k: v for k, v in dialog.values().items() if (v or None) != (getattr(person, k) or None)}
                if changes:
                    self._perform(edits.edit_person(self._ws, key[1], changes))
        else:
            member = self._ws.member(key[1])
            dialog = MemberDialog(member, parent=self._window)
            if dialog.exec() == MemberDialog.DialogCode.Accepted:
                changes = {k: v for k, v in dialog.values().items() if (v or None) != (getattr(member, k) or None)}
                if changes:
                    self._perform(edits.edit_member(self._ws, key[1], changes))

    def rename(self, key, name: str) -> None:
        name = name.strip()
        if not name or name == self._name(key):
            return
        if key[0] == "person":
            self._perform(edits.edit_person(self._ws, key[1], {"name": name}))
        else:
            self._perform(edits.edit_member(self._ws, key[1], {"name": name}))

    def edit_link(self, link_id: int) -> None:
        item = self._scene.link(link_id)
        if item is None:
            return
        ends = {item.source.key: item.source.record.name, item.target.key: item.target.record.name}
        dialog = LinkDialog(ends, item.record, parent=self._window)
        if dialog.exec() == LinkDialog.DialogCode.Accepted:
            values = dialog.values()
            changes = {k: values[k] for k in ("kind", "strength") if values[k] != getattr(item.record, k)}
            if changes:
                self._perform(edits.edit_link(self._ws, link_id, changes))

    def set_link(self, link_id: int, **changes) -> None:
        self._perform(edits.edit_link(self._ws, link_id, changes))

    def archive(self, key) -> None:
        if key[0] != "person":
            return
        name = self._name(key)
        text = self.tr("Archive %1 (left the company)? Their history is kept.").replace("%1", name)
        answer = QMessageBox.question(self._window, self.tr("Archive person"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self._perform(edits.edit_person(self._ws, key[1], {"archived": True}))

    def delete(self, keys: list, link_ids: list[int]) -> None:
        """Delete cards (people; team members leave this account's team) and links, as one undo step."""
        if self.account_id is None or not (keys or link_ids):
            return
        people = [k for k in keys if k[0] == "person"]
        members = [k for k in keys if k[0] == "member"]
        if keys:
            text = deletion_question(self._ws, self.account_id, keys, self._name)
            answer = QMessageBox.question(self._window, self.tr("Delete"), text)
            if answer != QMessageBox.StandardButton.Yes:
                return
        gone = {k for k in keys}
        lone_links = [i for i in link_ids if (link := self._scene.link(i)) is not None
                      and link.source.key not in gone and link.target.key not in gone]
        count = len(people) + len(members) + len(lone_links)
        self._stack.beginMacro(self.tr("Delete %n item(s) from the map", "", count))
        try:
            for link_id in lone_links:
                self._perform(edits.delete_link(self._ws, link_id))
            for key in people:
                self._perform(edits.delete_person(self._ws, key[1]))
            for key in members:
                self._perform(edits.AssignMemberCommand(self._ws, self.account_id, key[1], assign=False))
        finally:
            self._stack.endMacro()

    # -- context menu ---------------------------------------------------------------------------
    def context_menu(self, screen_pos, scene_pos: QPointF, target) -> None:
        menu = QMenu(self._window)
        if isinstance(target, tuple):
            self._card_menu(menu, target)
        elif isinstance(target, int):
            self._link_menu(menu, target)
        else:
            menu.addAction(self.tr("Add person here…"), lambda: self.add_person_at(scene_pos))
            menu.addAction(self.tr("Add team member here…"), lambda: self.add_member_at(scene_pos))
        menu.exec(screen_pos)

    def _card_menu(self, menu: QMenu, key) -> None:
        menu.addAction(self.tr("Edit…"), lambda: self.edit(key))
        menu.addAction(self.tr("Focus on this person"), lambda: self.focus_requested.emit(key))
        if key[0] == "person":
            menu.addAction(self.tr("Add a report…"), lambda: self.add_report_of(key))
            menu.addAction(self.tr("Archive (left the company)…"), lambda: self.archive(key))
        menu.addSeparator()
        selected = self._scene.selected_keys() or [key]
        menu.addAction(self.tr("Delete…"), lambda: self.delete(selected, []))

    def _link_menu(self, menu: QMenu, link_id: int) -> None:
        item = self._scene.link(link_id)
        if item is None:
            return
        kinds = labels.link_kinds()
        kind_menu = menu.addMenu(self.tr("Relationship"))
        for kind in self.valid_kinds(item.source.key, item.target.key):
            action = QAction(kinds[kind], kind_menu, checkable=True, checked=kind == item.record.kind)
            action.triggered.connect(lambda _c=False, k=kind: self.set_link(link_id, kind=k))
            kind_menu.addAction(action)
        strength_menu = menu.addMenu(self.tr("Strength"))
        levels = labels.relationship_levels() if item.record.kind == "covers" else {i: str(i) for i in range(1, 6)}
        for level, text in levels.items():
            action = QAction(text, strength_menu, checkable=True, checked=level == item.record.strength)
            action.triggered.connect(lambda _c=False, s=level: self.set_link(link_id, strength=s))
            strength_menu.addAction(action)
        menu.addAction(self.tr("Edit link…"), lambda: self.edit_link(link_id))
        menu.addSeparator()
        menu.addAction(self.tr("Delete link"), lambda: self.delete([], [link_id]))
