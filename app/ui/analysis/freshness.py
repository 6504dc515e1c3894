"""The Relationships tab of the Analysis panel: which relationships have gone cold, where the claims outrun the
evidence, whose contact is overdue (one click plans it) and which champions are at risk. Each line selects
its person's card on the map."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.commands import record_edits
from app.i18n import labels, translate
from app.i18n.relative_time import days_ago
from app.ui.common.widgets import perform_or_warn

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
PLAN_WITHIN_DAYS = 7  # an overdue contact is planned for within a week
KEY_ROLES = ("economic_buyer", "decision_maker")


class FreshnessPanel(QWidget):
    person_activated = Signal(object)  # card key
    action_planned = Signal(int)  # the new action's id

    def __init__(self, workspace, undo_stack=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws, self._stack = workspace, undo_stack
        self.account_id: int | None = None
        self.analysis = None
        self.today: dt.date | None = None  # None: the real today (tests fix it)
        self._levels = labels.relationship_levels()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.groups: dict[str, QTreeWidgetItem] = {}
        self.plan_buttons: dict[tuple[str, int], QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self._ws.actions_changed.connect(self._on_actions_changed)

    # -- filling --------------------------------------------------------------------------------
    def set_analysis(self, account_id: int | None, analysis) -> None:
        self.account_id, self.analysis = account_id, analysis
        self.tree.clear()
        self.groups, self.plan_buttons = {}, {}
        health = getattr(analysis, "health", None)
        if health is None:
            return
        names = {p.key: p.name for p in analysis.people}
        people = {p.key: p for p in analysis.people}
        strongest = self._strongest_links(health)

        stale = self._group("stale", self.tr("Gone stale (%1)").replace("%1", str(len(health.stale))))
        for key in health.stale:
            link = strongest.get(key)
            days = None if link is None else link.last_touch_days
            text = (self.tr("%1 — last met %2 — book a meeting").replace("%2", days_ago(days)) if days is not None
                    else self.tr("%1 — no meeting on record — book a meeting")).replace("%1", names.get(key, "?"))
            item = self._item(stale, key, text)
            if link is not None:
                item.setToolTip(0, self.tr("%1's relationship is declared “%2” and counts as “%3” today")
                                .replace("%1", names.get(link.member, "?"))
                                .replace("%2", self._level(link.declared)).replace("%3", self._level(link.effective)))

        claims = [(p.key, flag) for p in analysis.people for flag in p.flags
                  if flag in ("overstated_relationship", "understated_relationship")]
        evidence = self._group("claims", self.tr("Claims and evidence disagree (%1)").replace("%1", str(len(claims))))
        for key, flag in claims:
            person = people[key]
            text = (self.tr("%1 — declared “%2”, the last 180 days show “%3”") if flag == "overstated_relationship"
                    else self.tr("%1 — the last 180 days show “%3”, declared only “%2”"))
            self._item(evidence, key, text.replace("%1", person.name)
                       .replace("%2", self._level(person.coverage_level))
                       .replace("%3", self._level(person.inferred_level)))

        overdue = [key for key, h in health.people.items() if "cadence_overdue" in h.flags]
        late = self._group("cadence", self.tr("Contact overdue (%1)").replace("%1", str(len(overdue))))
        for key in overdue:
            h = health.people[key]
            text = (self.tr("%1 — every %2 days, last contact %3").replace("%3", days_ago(h.last_contact_days))
                    if h.last_contact_days is not None else self.tr("%1 — every %2 days, no contact on record"))
            item = self._item(late, key, text.replace("%1", names.get(key, "?")).replace("%2", str(h.cadence_days)))
            button = QPushButton(self.tr("Plan contact"))
            button.setToolTip(self.tr("Add a next action to meet this person within a week"))
            button.clicked.connect(lambda _checked=False, k=key: self.plan_contact(k))
            self.tree.setItemWidget(item, 1, button)
            self.plan_buttons[key] = button

        reasons = {"left": self.tr("left the account"), "turned": self.tr("stance fell since the last snapshot"),
                   "stale": self.tr("the relationship has gone stale")}
        risks = self._group("champions", self.tr("Champions at risk (%1)").replace(
            "%1", str(len(health.champions_at_risk) + len(health.lone_strong_stale))))
        for risk in health.champions_at_risk:
            text = self.tr("%1 — %2").replace("%1", risk.name).replace(
                "%2", translate("Lists", ", ").join(reasons[r] for r in risk.reasons))
            self._item(risks, risk.key, text)
        for person, member in health.lone_strong_stale:
            self._item(risks, person, self.tr("%1 — our only strong relationship (%2) has gone stale")
                       .replace("%1", names.get(person, "?")).replace("%2", names.get(member, "?")))
        self.tree.expandAll()
        self._on_actions_changed()

    def _group(self, code: str, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [title])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.groups[code] = group
        return group

    def _item(self, group: QTreeWidgetItem, key, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [text])
        item.setData(0, KEY_ROLE, key)
        return item

    def _level(self, level: int) -> str:
        return self._levels.get(level, "—") if level else self.tr("none")

    @staticmethod
    def _strongest_links(health) -> dict:
        """Each person's declared relationship that counts most: the highest declared level, then the freshest."""
        best: dict = {}
        for link in health.links:
            if not link.declared:
                continue
            current = best.get(link.person)
            rank = (link.declared, -(link.last_touch_days if link.last_touch_days is not None else 10**6))
            if current is None or rank > current[0]:
                best[link.person] = (rank, link)
        return {person: link for person, (_rank, link) in best.items()}

    # -- acting ---------------------------------------------------------------------------------
    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, KEY_ROLE)
        if key is not None:
            self.person_activated.emit(key)

    def plan_contact(self, key) -> int | None:
        """One next action: meet the person within a week, owned by whoever holds the relationship."""
        if self.account_id is None or self.analysis is None or self._stack is None or key[0] != "person":
            return None
        person = next((p for p in self.analysis.people if p.key == key), None)
        if person is None:
            return None
        link = self._strongest_links(self.analysis.health).get(key)
        today = self.today or dt.date.today()
        due = today + dt.timedelta(days=PLAN_WITHIN_DAYS)
        title = self.tr("Meet %1 before %2").replace("%1", person.name).replace("%2", due.isoformat())
        command = perform_or_warn(self, self._stack, record_edits.add_action(
            self._ws, self.account_id, title, due_date=due, person_id=key[1],
            owner_id=None if link is None else link.member[1],
            priority="high" if person.role in KEY_ROLES else "medium"))
        if command is None:
            return None
        self.action_planned.emit(command.ident)
        return command.ident

    def _on_actions_changed(self, change=None) -> None:
        """A contact already planned (an open action for the person) needs no second button press."""
        if self.account_id is None or not self.plan_buttons:
            return
        if change is not None and change.account_id not in (None, self.account_id):
            return
        planned = {a.person_id for a in self._ws.actions(self.account_id) if a.status == "open"}
        for key, button in self.plan_buttons.items():
            done = key[1] in planned
            button.setEnabled(not done)
            button.setText(self.tr("Planned") if done else self.tr("Plan contact"))
