"""The map scene: mirrors one account's people, team and links through an id → item map.

It changes items only in response to the workspace's signals, so an edit in a panel, an undo or an
import redraws the map the same way. What the user does on the map is reported through signals for
the controller to turn into undoable commands; the scene itself never writes.
"""

from __future__ import annotations

from collections import defaultdict, deque

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
)

from app.document.records import LinkRecord, MapData, MemberRecord, PersonRecord
from app.i18n import labels
from app.views.map import style
from app.views.map.card_item import CardItem
from app.views.map.group_frame import group_frame
from app.views.map.link_item import LinkItem
from app.views.map.overview import OverviewLayer
from app.views.map.routes import Router

Key = tuple[str, int]
KEY_ROLES = frozenset({"economic_buyer", "decision_maker", "technical_buyer", "influencer", "approver"})
ANIMATE_MS = 350


class _Layer(QGraphicsItem):
    """An invisible parent, so a whole kind of item can be hidden in one call."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:
        pass


class MapScene(QGraphicsScene):
    cards_moved = Signal(object, object)  # new {key: (x, y)}, old {key: (x, y)}
    connect_requested = Signal(object, object)  # source key, target key
    add_requested = Signal(object)  # QPointF
    edit_requested = Signal(object)  # key
    link_edit_requested = Signal(int)
    context_requested = Signal(object, object, object)  # screen QPoint, scene QPointF, card key / link id / None
    unplaced = Signal(object)  # keys of cards that have no stored position yet
    content_changed = Signal()

    def __init__(self, workspace, parent=None) -> None:
        super().__init__(parent)
        self._ws = workspace
        # Links are routed around the cards once a change has settled (a layout, a drop, an edit, a filter).
        self._route_timer = QTimer(self)
        self._route_timer.setSingleShot(True)
        self._route_timer.setInterval(0)
        self._route_timer.timeout.connect(self.route_links)
        self.content_changed.connect(self._route_timer.start)
        self.router = Router(self)
        self.account_id: int | None = None
        self._cards: dict[Key, CardItem] = {}
        self._links: dict[int, LinkItem] = {}
        self._hidden: set[Key] = set()
        self._dimmed: set[Key] = set()
        self._rect_cache: QRectF | None = None
        self._unplaced_batch: set[Key] = set()
        self._spot_base = 0.0
        self.animate_moves = True  # off while cards are placed for the first time
        self._frames: list[QGraphicsRectItem] = []
        self._filters = {"key_roles_only": False, "hide_team": False, "focus": None, "focus_depth": 2,
                         "only": None}
        self._syncing = False
        self._press_positions: dict[Key, QPointF] = {}
        self._animation: QVariantAnimation | None = None
        self.connecting_from: CardItem | None = None
        self._rubber_line: QGraphicsLineItem | None = None
        self.overview_mode = False
        # A spatial index costs more to maintain than it saves for cards that move as a block, and its
        # first query on a large scene with long links is very slow.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.link_layer, self.card_layer = _Layer(), _Layer()
        self.overview = OverviewLayer(self)
        for item in (self.link_layer, self.card_layer, self.overview):
            self.addItem(item)
        self._role_badges = style.role_badges()
        self._kind_labels = labels.link_kinds()
        workspace.people_changed.connect(self._on_people_changed)
        workspace.team_changed.connect(self._on_team_changed)
        workspace.links_changed.connect(self._on_links_changed)
        workspace.positions_changed.connect(self._on_positions_changed)
        workspace.accounts_changed.connect(self._on_accounts_changed)
        workspace.actions_changed.connect(self._on_actions_changed)

    # -- reading the items ----------------------------------------------------------------------
    def card(self, key: Key) -> CardItem | None:
        return self._cards.get(key)

    def link(self, link_id: int) -> LinkItem | None:
        return self._links.get(link_id)

    def card_items(self) -> list[CardItem]:
        return list(self._cards.values())

    def link_items(self) -> list[LinkItem]:
        return list(self._links.values())

    def cards_rect(self) -> QRectF:
        if self._rect_cache is None:
            left = top = float("inf")
            right = bottom = float("-inf")
            for card in self._cards.values():
                if card.key in self._hidden:
                    continue
                p, (w, h) = card.pos(), card.size
                x, y = p.x(), p.y()
                left, right = min(left, x - w / 2), max(right, x + w / 2)
                top, bottom = min(top, y - h / 2), max(bottom, y + h / 2)
            self._rect_cache = (QRectF(left - 40, top - 40, right - left + 80, bottom - top + 80)
                                if left != float("inf") else QRectF(-400, -300, 800, 600))
        return QRectF(self._rect_cache)

    def positions(self, keys=None) -> dict[Key, tuple[float, float]]:
        chosen = self._cards if keys is None else {k: self._cards[k] for k in keys if k in self._cards}
        return {k: (c.pos().x(), c.pos().y()) for k, c in chosen.items()}

    def selected_keys(self) -> list[Key]:
        return [c.key for c in self._cards.values() if c.isSelected()]

    def selected_link_ids(self) -> list[int]:
        return [link.id for link in self._links.values() if link.isSelected()]

    def is_shown(self, card: CardItem) -> bool:
        return card.key not in self._hidden

    def is_dimmed(self, card: CardItem) -> bool:
        return card.key in self._dimmed

    def card_at(self, scene_pos: QPointF) -> CardItem | None:
        """The shown card under a point, also when the map is drawn as an overview."""
        for card in self._cards.values():
            if card.key not in self._hidden and card.rect().translated(card.pos()).contains(scene_pos):
                return card
        return None

    # -- building -------------------------------------------------------------------------------
    def show_account(self, account_id: int | None) -> None:
        self.account_id = account_id
        self._clear_items()
        if account_id is not None:
            try:
                data = self._ws.map_data(account_id)
            except ValueError:
                data = None
            if data is not None:
                self._build(data)
                self._refresh_overdue()
        self._apply_filters()
        self.content_changed.emit()

    def _clear_items(self) -> None:
        if self._animation is not None:
            self._animation.stop()
            self._animation = None
        self.clear_group_frames()
        self.clearSelection()
        for item in list(self._links.values()) + list(self._cards.values()):
            self.removeItem(item)
        self._links.clear()
        self._cards.clear()
        self._hidden.clear()
        self._dimmed.clear()

    def _build(self, data: MapData) -> None:
        unplaced: list[Key] = []
        for person in data.people:
            if not person.archived:
                self._add_card(("person", person.id), person, (person.x, person.y), unplaced)
        for member in data.members:
            self._add_card(("member", member.id), member, data.member_positions.get(member.id, (None, None)),
                           unplaced)
        for link in data.links:
            self._add_link(link)
        self._relayout_parallels()
        if unplaced:
            self.unplaced.emit(unplaced)

    def _add_card(self, key: Key, record, position, unplaced: list[Key]) -> CardItem:
        card = CardItem(key, record, self._role_badges, self.card_layer)
        x, y = position
        if x is None or y is None:
            unplaced.append(key)
            self._unplaced_batch = set(unplaced)
            x, y = self._free_spot(len(unplaced))
        card.setPos(x, y)
        card.track_moves()
        self._cards[key] = card
        self._rect_cache = None
        return card

    def _free_spot(self, index: int) -> tuple[float, float]:
        """A row below the placed cards, where a card without a position waits to be placed."""
        if index == 1:  # the first of a batch: measure once, below the cards that had a position
            self._spot_base = max((c.pos().y() + c.size[1] / 2 for c in self._cards.values()
                                   if c.key not in self._unplaced_batch), default=0.0)
        return (index - 1) % 10 * 250.0, self._spot_base + 140.0 + (index - 1) // 10 * 130.0

    def _add_link(self, record: LinkRecord) -> LinkItem | None:
        source, target = self._cards.get(record.source), self._cards.get(record.target)
        if source is None or target is None:
            return None  # an end is archived or not on this map
        item = LinkItem(record, source, target, self._kind_labels, self.link_layer)
        self._links[record.id] = item
        ends = (record.source, record.target)
        if any(k in self._hidden for k in ends):
            item.setVisible(False)
        if any(k in self._dimmed for k in ends):
            item.setOpacity(style.DIMMED_OPACITY)
        return item

    def _remove_link(self, link_id: int) -> None:
        item = self._links.pop(link_id, None)
        if item is not None:
            item.detach()
            self.removeItem(item)

    def _remove_card(self, key: Key) -> None:
        card = self._cards.pop(key, None)
        if card is None:
            return
        self._rect_cache = None
        for link in list(card.links):
            self._remove_link(link.id)
        self.removeItem(card)

    def _relayout_parallels(self) -> None:
        pairs: dict[tuple, list[LinkItem]] = defaultdict(list)
        for link in self._links.values():
            a, b = link.source.key, link.target.key
            pairs[(a, b) if a < b else (b, a)].append(link)
        for group in pairs.values():
            if len(group) == 1:
                if group[0].parallel_index:
                    group[0].parallel_index = 0
                    group[0].adjust()
                continue
            group.sort(key=lambda item: item.id)
            offsets = [0] if len(group) % 2 else []
            step = 1
            while len(offsets) < len(group):
                offsets += [step, -step]
                step += 1
            for item, offset in zip(group, offsets, strict=False):
                # Keep the sign stable whichever way round the link points.
                flip = -1 if item.source.key > item.target.key else 1
                if item.parallel_index != offset * flip:
                    item.parallel_index = offset * flip
                    item.adjust()

    # -- following the document -----------------------------------------------------------------
    def _mine(self, change) -> bool:
        return self.account_id is not None and change.account_id in (None, self.account_id)

    def _on_accounts_changed(self, change) -> None:
        if self.account_id is not None and change.kind == "account" and self.account_id in change.ids:
            try:
                self._ws.account(self.account_id)
            except ValueError:
                self.show_account(None)

    def _on_people_changed(self, change) -> None:
        if not self._mine(change):
            return
        if not change.ids:
            self.show_account(self.account_id)
            return
        found = {p.id: p for p in self._ws.people_by_id(self.account_id, list(change.ids))}
        unplaced: list[Key] = []
        for person_id in change.ids:
            key, person = ("person", person_id), found.get(person_id)
            if person is None or person.archived:
                self._remove_card(key)
            elif key in self._cards:
                self._cards[key].set_record(person)
            else:
                self._add_card(key, person, (person.x, person.y), unplaced)
                self._restore_links_of({key})
        self._after_change(unplaced)

    def _on_team_changed(self, change) -> None:
        if not self._mine(change):
            return
        data = self._ws.map_data(self.account_id)
        members = {m.id: m for m in data.members}
        unplaced: list[Key] = []
        for key in [k for k in self._cards if k[0] == "member" and k[1] not in members]:
            self._remove_card(key)
        added = set()
        for member_id, member in members.items():
            key = ("member", member_id)
            if key in self._cards:
                self._cards[key].set_record(member)
            else:
                self._add_card(key, member, data.member_positions.get(member_id, (None, None)), unplaced)
                added.add(key)
        for link in data.links:
            if link.id not in self._links and (link.source in added or link.target in added):
                self._add_link(link)
        self._after_change(unplaced)

    def _restore_links_of(self, keys: set[Key]) -> None:
        for link in self._ws.links(self.account_id):
            if link.id not in self._links and (link.source in keys or link.target in keys):
                self._add_link(link)

    def _on_links_changed(self, change) -> None:
        if not self._mine(change):
            return
        if not change.ids:
            wanted = {link.id: link for link in self._ws.links(self.account_id)}
            for link_id in [i for i in self._links if i not in wanted]:
                self._remove_link(link_id)
            ids = list(wanted)
        else:
            found = {link.id: link for link in self._ws.links_by_id(self.account_id, list(change.ids))}
            ids = list(change.ids)
            wanted = found
        for link_id in ids:
            record = wanted.get(link_id)
            if record is None:
                self._remove_link(link_id)
            elif link_id in self._links:
                self._links[link_id].set_record(record)
            else:
                self._add_link(record)
        self._after_change([])

    def _on_actions_changed(self, change) -> None:
        if self._mine(change):
            self._refresh_overdue()

    def _refresh_overdue(self) -> None:
        """A badge on the cards of people with an open action past its due date."""
        from app.views.actions_model import overdue_people

        if self.account_id is None:
            return
        late = overdue_people(self._ws.actions(self.account_id))
        for card in self._cards.values():
            flag = card.key[0] == "person" and card.key[1] in late
            if card.overdue != flag:
                card.overdue = flag
                card.update()

    def _after_change(self, unplaced: list[Key]) -> None:
        self._relayout_parallels()
        self._apply_filters()
        self.content_changed.emit()
        if unplaced:
            self.unplaced.emit(unplaced)

    def _on_positions_changed(self, change) -> None:
        if change.account_id != self.account_id or not change.data:
            return
        self.clear_group_frames()
        targets = {key: QPointF(x, y) for key, (x, y) in change.data.items()
                   if key in self._cards and x is not None and y is not None
                   and self._cards[key].pos() != QPointF(x, y)}
        if len(targets) > 3 and not self.overview_mode and self.animate_moves:
            self._animate(targets)
        else:
            self._place(targets)

    def _place(self, targets: dict[Key, QPointF]) -> None:
        self._syncing = True
        for key, point in targets.items():
            self._cards[key].setPos(point)
        self._syncing = False
        self.overview.invalidate()
        self.content_changed.emit()

    def _animate(self, targets: dict[Key, QPointF]) -> None:
        if self._animation is not None:
            self._animation.stop()
        starts = {key: self._cards[key].pos() for key in targets}
        animation = QVariantAnimation(self)
        animation.setStartValue(0.0)
        animation.setEndValue(1.0)
        animation.setDuration(ANIMATE_MS)

        def step(value) -> None:
            t = float(value)
            self._syncing = True
            for key, end in targets.items():
                card = self._cards.get(key)
                if card is not None:
                    start = starts[key]
                    card.setPos(start + (end - start) * t)
            self._syncing = False

        animation.valueChanged.connect(step)
        animation.finished.connect(lambda: self._place({k: p for k, p in targets.items() if k in self._cards}))
        self._animation = animation
        animation.start()

    def finish_animation(self) -> None:
        if self._animation is not None and self._animation.state() == QVariantAnimation.State.Running:
            self._animation.setCurrentTime(ANIMATE_MS)

    # -- filters and focus ----------------------------------------------------------------------
    def set_filters(self, **filters) -> None:
        self._filters.update(filters)
        self._apply_filters()
        self._route_timer.start()

    def route_links(self, wait: bool = False) -> int:
        """Give the shown links their paths around the cards: now for a small map, from a worker for a bigger
        one (``wait``: now whatever the size, e.g. for a file). Returns how many were routed now."""
        return self.router.route(wait=wait)

    def filters(self) -> dict:
        return dict(self._filters)

    def _apply_filters(self) -> None:
        f = self._filters
        hidden: set[Key] = set()
        only = f["only"]
        for key, card in self._cards.items():
            if only is not None and key not in only:
                hidden.add(key)
            elif key[0] == "member":
                if f["hide_team"]:
                    hidden.add(key)
            elif f["key_roles_only"] and card.record.role not in KEY_ROLES:
                hidden.add(key)
        dimmed: set[Key] = set()
        focus = f["focus"]
        if focus in self._cards:
            near = self.within(focus, int(f["focus_depth"]))
            dimmed = {k for k in self._cards if k not in near}
        touched = hidden ^ self._hidden | dimmed ^ self._dimmed
        self._hidden, self._dimmed = hidden, dimmed
        self._rect_cache = None
        for key in touched:
            card = self._cards.get(key)
            if card is None:
                continue
            card.setVisible(key not in hidden)
            card.setOpacity(style.DIMMED_OPACITY if key in dimmed else 1.0)
            for link in card.links:
                ends = (link.source.key, link.target.key)
                link.setVisible(not any(k in hidden for k in ends))
                link.setOpacity(style.DIMMED_OPACITY if any(k in dimmed for k in ends) else 1.0)
        self.overview.invalidate()

    def within(self, start: Key, depth: int) -> set[Key]:
        """Cards at most ``depth`` links away from ``start``, whatever the links' direction."""
        neighbours: dict[Key, set[Key]] = defaultdict(set)
        for link in self._links.values():
            a, b = link.source.key, link.target.key
            neighbours[a].add(b)
            neighbours[b].add(a)
        seen, queue = {start: 0}, deque([start])
        while queue:
            key = queue.popleft()
            if seen[key] >= depth:
                continue
            for other in neighbours[key]:
                if other not in seen:
                    seen[other] = seen[key] + 1
                    queue.append(other)
        return set(seen)

    # -- group frames ---------------------------------------------------------------------------
    def show_group_frames(self, frames: list[tuple[str, QRectF]]) -> None:
        """Titled boxes behind the cards of a grouped layout; gone as soon as a card moves."""
        self.clear_group_frames()
        self._frames = [group_frame(self, title, rect) for title, rect in frames]
        if self._frames:
            self.route_links()  # around the titles as well

    def group_title_rects(self) -> list[QRectF]:
        return [box.childItems()[0].sceneBoundingRect() for box in self._frames]

    def content_rect(self) -> QRectF:
        """The cards and, when shown, the group boxes and their titles."""
        rect = self.cards_rect()
        for box in self._frames:
            rect = rect.united(box.sceneBoundingRect().united(box.childItems()[0].sceneBoundingRect()))
        return rect

    def clear_group_frames(self) -> None:
        for box in self._frames:
            self.removeItem(box)
        self._frames = []

    # -- level of detail ------------------------------------------------------------------------
    def set_overview(self, on: bool) -> None:
        if on == self.overview_mode:
            return
        self.overview_mode = on
        if on:
            self.clearSelection()
        self.link_layer.setVisible(not on)
        self.card_layer.setVisible(not on)
        self.overview.setVisible(on)
        self.overview.invalidate()

    # -- gestures -------------------------------------------------------------------------------
    def card_moved(self, card: CardItem) -> None:
        self._rect_cache = None
        if not self._syncing and self.overview.isVisible():
            self.overview.invalidate()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        super().mousePressEvent(event)
        self._press_positions = {c.key: c.pos() for c in self._cards.values() if c.isSelected()}

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        moved_new, moved_old = {}, {}
        for key, before in self._press_positions.items():
            card = self._cards.get(key)
            if card is not None and card.pos() != before:
                moved_new[key] = (card.pos().x(), card.pos().y())
                moved_old[key] = (before.x(), before.y())
        self._press_positions = {}
        if moved_new:
            self.clear_group_frames()
            self.cards_moved.emit(moved_new, moved_old)

    def _item_at(self, scene_pos: QPointF):
        view = self.views()[0] if self.views() else None
        item = self.itemAt(scene_pos, view.transform()) if view is not None else None
        return None if item is self.overview else item

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if self._item_at(event.scenePos()) is None and self.card_at(event.scenePos()) is None:
            self.add_requested.emit(event.scenePos())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        item = self._item_at(event.scenePos())
        while item is not None and not isinstance(item, CardItem | LinkItem):
            item = item.parentItem()
        target = item.key if isinstance(item, CardItem) else item.id if isinstance(item, LinkItem) else None
        if target is None and self.overview_mode:
            card = self.card_at(event.scenePos())
            target = card.key if card else None
        if item is not None and not item.isSelected():
            self.clearSelection()
            item.setSelected(True)
        self.context_requested.emit(event.screenPos(), event.scenePos(), target)
        event.accept()

    def begin_connect(self, card: CardItem, scene_pos: QPointF) -> None:
        self.connecting_from = card
        self._rubber_line = QGraphicsLineItem()
        self._rubber_line.setPen(QPen(style.SELECTION, 2.5, Qt.PenStyle.DashLine))
        self._rubber_line.setZValue(10)
        self.addItem(self._rubber_line)
        self.update_connect(scene_pos)

    def update_connect(self, scene_pos: QPointF) -> None:
        if self._rubber_line is not None and self.connecting_from is not None:
            start = self.connecting_from.border_point(scene_pos)
            self._rubber_line.setLine(start.x(), start.y(), scene_pos.x(), scene_pos.y())

    def finish_connect(self, scene_pos: QPointF) -> None:
        source = self.connecting_from
        self.connecting_from = None
        if self._rubber_line is not None:
            self.removeItem(self._rubber_line)
            self._rubber_line = None
        target = self.card_at(scene_pos)
        if source is not None and target is not None and target is not source:
            self.connect_requested.emit(source.key, target.key)

    def update_record(self, key: Key, record: PersonRecord | MemberRecord) -> None:
        card = self._cards.get(key)
        if card is not None:
            card.set_record(record)
