"""The strip above an account's map that names its champions at risk (DESIGN.md "Relationship health"): a
coach or advocate who left, turned or went stale, and a decision-maker whose only strong relationship with us
went stale. The first thing a seller sees on opening the account; each name is a click from its card."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton

from app.i18n import translate

MAX_SHOWN = 6  # more would push the map down: the rest are counted, and listed in the Analysis panel


@dataclass(frozen=True)
class Alert:
    key: tuple[str, int]
    name: str
    reason: str
    on_map: bool  # False: the person left (archived), there is no card to select

    @property
    def text(self) -> str:
        return f"{self.name} — {self.reason}"


class ChampionAlerts(QFrame):
    person_activated = Signal(object)  # ("person", id)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ChampionAlerts")
        self.setStyleSheet("#ChampionAlerts { background: #fdecea; border: 1px solid #e6a19a; border-radius: 4px; }"
                           " QLabel { color: #7a1f14; }")
        self.alerts: list[Alert] = []
        self._dismissed: tuple | None = None  # the alerts the user closed: back when the list changes
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.label.linkActivated.connect(self._on_link)
        self.close_button = QToolButton()
        self.close_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setAccessibleName(self.tr("Hide"))
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Hide until the list changes"))
        self.close_button.clicked.connect(self._on_close)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def set_analysis(self, analysis) -> None:
        """The champions at risk of an `AccountAnalysis` (None: nothing to show while it is computed)."""
        health = getattr(analysis, "health", None)
        alerts: list[Alert] = []
        if health is not None:
            names = {p.key: p.name for p in analysis.people}
            reasons = {"left": self.tr("left the account"), "turned": self.tr("stance fell since the last snapshot"),
                       "stale": self.tr("the relationship has gone stale")}
            for risk in health.champions_at_risk:
                alerts.append(Alert(risk.key, risk.name, translate("Lists", ", ").join(
                    reasons.get(r, r) for r in risk.reasons), risk.key in names))
            for person, member in health.lone_strong_stale:
                alerts.append(Alert(person, names.get(person, "?"), self.tr(
                    "our only strong relationship (%1) has gone stale").replace("%1", names.get(member, "?")), True))
        self.alerts = alerts
        items = [f'<a href="{a.key[0]}:{a.key[1]}">{html.escape(a.name)}</a> — {html.escape(a.reason)}'
                 for a in alerts[:MAX_SHOWN]]
        if len(alerts) > MAX_SHOWN:
            items.append(html.escape(self.tr("%n more in Analysis ▸ Relationships", "", len(alerts) - MAX_SHOWN)))
        title = self.tr("Champions at risk (%1):").replace("%1", str(len(alerts)))
        self.label.setText(f"<b>{html.escape(title)}</b> " + " · ".join(items))
        self.setVisible(bool(alerts) and self._signature() != self._dismissed)

    def activate(self, alert: Alert) -> None:
        """What a click on the alert's name does."""
        self.label.linkActivated.emit(f"{alert.key[0]}:{alert.key[1]}")

    def _signature(self) -> tuple:
        return tuple(self.alerts)

    def _on_link(self, href: str) -> None:
        kind, _sep, ident = href.partition(":")
        if ident.isdigit():
            self.person_activated.emit((kind, int(ident)))

    def _on_close(self) -> None:
        self._dismissed = self._signature()
        self.hide()
