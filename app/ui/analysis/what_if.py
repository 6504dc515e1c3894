"""What if: how the support index and coverage would move if one person's stance or one of our
relationships changed — nothing is saved — and whose better coverage would help most."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import labels
from app.i18n.language import join_names
from app.ui.common.widgets import fill_combo, steady_box


def reason_labels() -> dict[str, str]:
    from app.i18n import translate

    roles = labels.buying_roles()
    return {
        "economic_buyer": roles["economic_buyer"],
        "decision_maker": roles["decision_maker"],
        "gap": translate("WhatIf", "coverage gap"),
        "uncovered": translate("WhatIf", "nobody of ours knows them"),
        "weakly_covered": translate("WhatIf", "only a weak relationship"),
        "stale": translate("WhatIf", "the relationship has gone stale"),
        "high_influence": translate("WhatIf", "high declared influence"),
        "influence_unknown": translate("WhatIf", "influence not known"),
        "hidden_power": translate("WhatIf", "hidden power"),
    }


class WhatIfPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inputs = None
        self._analysis = None
        self._person = None
        self.person_label = QLabel()
        self.stance = QComboBox()
        self.member = QComboBox()
        self.level = QSpinBox()
        self.level.setRange(0, 5)
        self.level.setSpecialValueText(self.tr("none"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.suggestions = QListWidget()
        self.suggestions.setWordWrap(True)
        self.suggestions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.suggestions.setResizeMode(QListWidget.ResizeMode.Adjust)
        box = QGroupBox(self.tr("If things changed (nothing is saved)"))
        form = QFormLayout(box)
        form.addRow(self.tr("Person"), self.person_label)
        form.addRow(self.tr("Stance"), self.stance)
        form.addRow(self.tr("Our team member"), self.member)
        form.addRow(self.tr("Relationship level"), self.level)
        form.addRow(steady_box(self.result, 3))
        best = QGroupBox(self.tr("Next best relationships to build"))
        best_layout = QVBoxLayout(best)
        best_layout.addWidget(self.suggestions)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(best, 1)
        self.stance.currentIndexChanged.connect(self._recompute)
        self.member.currentIndexChanged.connect(self._on_member_changed)
        self.level.valueChanged.connect(self._recompute)
        self.set_person(None)

    def set_inputs(self, inputs, analysis) -> None:
        self._inputs, self._analysis = inputs, analysis
        members = {} if inputs is None else {n.key: n.name for n in inputs.nodes if n.key[0] == "member"}
        fill_combo(self.member, members, self.member.currentData())
        self.suggestions.clear()
        if inputs is not None:
            reasons = reason_labels()
            for s in inputs.suggestions:
                why = join_names(reasons.get(code, code) for code in s.reason)
                self.suggestions.addItem(self.tr("%1: coverage score +%2 (%3)").replace("%1", s.name)
                                         .replace("%2", f"{s.gain:.0%}").replace("%3", why))
        self.set_person(self._person)

    def set_person(self, key) -> None:
        node = None
        if self._inputs is not None and key is not None:
            node = next((n for n in self._inputs.nodes if n.key == key and key[0] == "person"), None)
        self._person = key if node is not None else None
        self.person_label.setText(node.name if node else self.tr("Select a person on the map or in the ranking"))
        for widget in (self.stance, self.member, self.level):
            widget.setEnabled(node is not None)
        fill_combo(self.stance, labels.stances(), node.stance if node and node.stance else "unknown")
        self._on_member_changed()

    def _current_level(self) -> int:
        member = self.member.currentData()
        if self._inputs is None or member is None or self._person is None:
            return 0
        levels = [e.strength for e in self._inputs.edges
                  if e.kind == "covers" and e.source == member and e.target == self._person]
        return max(levels, default=0)

    def _on_member_changed(self, *_args) -> None:
        self.level.blockSignals(True)
        self.level.setValue(self._current_level())
        self.level.blockSignals(False)
        self._recompute()

    def _recompute(self, *_args) -> None:
        if self._inputs is None or self._person is None:
            self.result.clear()
            return
        from app.analysis import what_if

        stance = {self._person: self.stance.currentData()}
        member = self.member.currentData()
        covers = {(member, self._person): self.level.value()} if member is not None else None
        outcome = what_if(self._inputs.nodes, self._inputs.edges, stance=stance, covers=covers)

        def signed(value) -> str:
            return "—" if value is None else f"{value:+.2f}"

        lines = [
            self.tr("Support index: %1 → %2").replace("%1", signed(outcome.support_before))
            .replace("%2", signed(outcome.support_after)),
            self.tr("Coverage score: %1 → %2").replace("%1", f"{outcome.coverage_before:.0%}")
            .replace("%2", f"{outcome.coverage_after:.0%}"),
            self.tr("Coverage gaps: %1 → %2").replace("%1", str(len(outcome.gaps_before)))
            .replace("%2", str(len(outcome.gaps_after))),
        ]
        self.result.setText("\n".join(lines))
