"""The Relationships tab of the Analysis panel: which relationships have gone cold, where the claims outrun the
evidence, whose contact is overdue (one click plans it) and which champions are at risk. Each line selects
its person's card on the map."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.analysis.health import OVERSTATED_DECLARED, OVERSTATED_INFERRED, UNDERSTATED_DECLARED, UNDERSTATED_INFERRED
from app.commands import record_edits
from app.i18n import labels, translate
from app.i18n.relative_time import days_ago
from app.ui.common.widgets import perform_or_warn

PLAN_WITHIN_DAYS = 7  # an overdue contact is planned for within a week
KEY_ROLES = ("economic_buyer", "decision_maker")


@dataclass
class Entry:
    """One line of the tab: whose card it selects, and its text (the name, then what is wrong and what to do)."""

    key: tuple[str, int]
    name: str
    detail: str
    label: QLabel

    @property
    def text(self) -> str:
        return f"{self.name} — {self.detail}"


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
        # Labels that wrap, in a scroll area: whole sentences fit a narrow dock in either language.
        self._body = QWidget()
        self._rows = QVBoxLayout(self._body)
        self._rows.setContentsMargins(6, 6, 6, 6)
        self._rows.setSpacing(4)
        self._rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._body)
        self.titles: dict[str, QLabel] = {}
        self.entries: dict[str, list[Entry]] = {}
        self.plan_buttons: dict[tuple[str, int], QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._ws.actions_changed.connect(self._on_actions_changed)

    # -- filling --------------------------------------------------------------------------------
    def set_analysis(self, account_id: int | None, analysis) -> None:
        self.account_id, self.analysis = account_id, analysis
        self._clear()
        health = getattr(analysis, "health", None)
        if health is None:
            return
        names = {p.key: p.name for p in analysis.people}
        strongest = self._strongest_links(health)

        stale = self._group("stale", self.tr("Gone stale (%1)").replace("%1", str(len(health.stale))))
        for key in health.stale:
            link = strongest.get(key)
            days = None if link is None else link.last_touch_days
            text = (self.tr("last met %1 — book a meeting").replace("%1", days_ago(days)) if days is not None
                    else self.tr("no meeting on record — book a meeting"))
            entry = self._item(stale, key, names.get(key, "?"), text)
            if link is not None:
                entry.label.setToolTip(self.tr("%1's relationship is declared “%2” and counts as “%3” today")
                                .replace("%1", names.get(link.member, "?"))
                                .replace("%2", self._level(link.declared)).replace("%3", self._level(link.effective)))

        # Per relationship, since one team member's claim can outrun the history while another's does not.
        claims = [link for link in health.links
                  if (link.declared >= OVERSTATED_DECLARED and link.inferred <= OVERSTATED_INFERRED)
                  or (link.declared <= UNDERSTATED_DECLARED and link.inferred >= UNDERSTATED_INFERRED)]
        evidence = self._group("claims", self.tr("Claims and evidence disagree (%1)").replace("%1", str(len(claims))))
        for link in claims:
            text = (self.tr("%3 declares “%1”, the last 180 days show “%2”") if link.declared >= OVERSTATED_DECLARED
                    else self.tr("the last 180 days with %3 show “%2”, declared only “%1”"))
            self._item(evidence, link.person, names.get(link.person, "?"),
                       text.replace("%1", self._level(link.declared)).replace("%2", self._level(link.inferred))
                       .replace("%3", names.get(link.member, "?")))

        overdue = [key for key, h in health.people.items() if "cadence_overdue" in h.flags]
        late = self._group("cadence", self.tr("Contact overdue (%1)").replace("%1", str(len(overdue))))
        for key in overdue:
            h = health.people[key]
            text = (self.tr("every %1 days, last contact %2").replace("%2", days_ago(h.last_contact_days))
                    if h.last_contact_days is not None else self.tr("every %1 days, no contact on record"))
            button = QPushButton(self.tr("Plan contact"))
            button.setToolTip(self.tr("Add a next action to meet this person within a week"))
            button.clicked.connect(lambda _checked=False, k=key: self.plan_contact(k))
            self._item(late, key, names.get(key, "?"), text.replace("%1", str(h.cadence_days)), button)
            self.plan_buttons[key] = button

        reasons = {"left": self.tr("left the account"), "turned": self.tr("stance fell since the last snapshot"),
                   "stale": self.tr("the relationship has gone stale")}
        risks = self._group("champions", self.tr("Champions at risk (%1)").replace(
            "%1", str(len(health.champions_at_risk) + len(health.lone_strong_stale))))
        for risk in health.champions_at_risk:
            self._item(risks, risk.key, risk.name, translate("Lists", ", ").join(reasons[r] for r in risk.reasons))
        for person, member in health.lone_strong_stale:
            detail = self.tr("our only strong relationship (%1) has gone stale").replace("%1", names.get(member, "?"))
            self._item(risks, person, names.get(person, "?"), detail)
        self._on_actions_changed()

    def _clear(self) -> None:
        while self._rows.count() > 1:  # the stretch at the end stays
            widget = self._rows.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.titles, self.entries, self.plan_buttons = {}, {}, {}

    def _add_row(self, widget: QWidget) -> None:
        self._rows.insertWidget(self._rows.count() - 1, widget)

    def _group(self, code: str, title: str) -> str:
        label = QLabel(title)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        self._add_row(label)
        self.titles[code] = label
        self.entries[code] = []
        return code

    def _item(self, group: str, key, name: str, detail: str, button: QPushButton | None = None) -> Entry:
        """The person's name, a link to their card, then what is wrong and what to do, wrapped to the width."""
        label = QLabel(f'<a href="{key[0]}:{key[1]}">{html.escape(name)}</a> — {html.escape(detail)}')
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        label.linkActivated.connect(lambda _href, k=key: self.person_activated.emit(k))
        entry = Entry(key, name, detail, label)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(12, 0, 0, 0)
        line.addWidget(label, 1)
        if button is not None:
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self._add_row(row)
        self.entries[group].append(entry)
        return entry

    def activate(self, entry: Entry) -> None:
        """What a click on the entry's name does: its card is selected on the map."""
        entry.label.linkActivated.emit(f"{entry.key[0]}:{entry.key[1]}")

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
