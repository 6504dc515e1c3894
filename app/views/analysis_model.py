"""The analysis of an account as a sortable ranking table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from app.i18n import labels, translate
from app.i18n.language import join_names
from app.i18n.relative_time import days_ago
from app.views.map.card_marks import marks_from_health

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
NEVER = 10**6  # days since the last contact of someone never met: they sort as the longest ago


def flag_labels() -> dict[str, str]:
    return {
        "gap": translate("Analysis", "coverage gap"),
        "uncovered": translate("Analysis", "nobody of ours knows them"),
        "hidden_power": translate("Analysis", "hidden power"),
        "overrated": translate("Analysis", "less power than declared"),
        "reporting_cycle": translate("Analysis", "reporting cycle"),
        "stale": translate("Analysis", "gone stale"),
        "overstated_relationship": translate("Analysis", "closer on paper than in the history"),
        "understated_relationship": translate("Analysis", "closer in the history than on paper"),
        "cadence_overdue": translate("Analysis", "contact overdue"),
        "champion_at_risk": translate("Analysis", "champion at risk"),
    }


class AnalysisModel(QAbstractTableModel):
    NAME, SCORE, BROKERAGE, DECLARED, STANCE, COVERAGE, COMMUNITY, FLAGS, EFFECTIVE, LAST_CONTACT = range(10)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._stances = labels.stances()
        self._levels = labels.relationship_levels()
        self._flags = flag_labels()
        self._reasons: dict = {}

    def set_analysis(self, analysis) -> None:
        self.beginResetModel()
        self._rows = [p for p in analysis.people if p.side == "client"] if analysis is not None else []
        # The same explanations as the marks on the cards: whose claim, against how many interactions.
        health = getattr(analysis, "health", None)
        self._reasons = {} if health is None else {
            key: mark.tooltip_lines()
            for key, mark in marks_from_health(health, {p.key: p.name for p in analysis.people}).items()}
        self.endResetModel()

    def person_at(self, row: int):
        return self._rows[row]

    def row_of(self, key) -> int | None:
        return next((i for i, p in enumerate(self._rows) if p.key == key), None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 10

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("Analysis", "Person"),
                translate("Analysis", "Influence score"),
                translate("Analysis", "Brokerage"),
                translate("Analysis", "Declared"),
                translate("Analysis", "Stance"),
                translate("Analysis", "Coverage"),
                translate("Analysis", "Coalition"),
                translate("Analysis", "Flags"),
                translate("Analysis", "Effective"),
                translate("Analysis", "Last contact"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                None,
                translate("Analysis", "Share of influence flowing to this person through reporting lines, "
                                      "influence, alliances and acquaintances (PageRank); all sum to 1"),
                translate("Analysis", "How often this person stands on the shortest path between two others"),
                translate("Analysis", "Influence as declared on the person's card (1–5)"),
                None,
                translate("Analysis", "Our strongest relationship with this person (0 = none)"),
                translate("Analysis", "Groups that are more connected among themselves than with the rest"),
                None,
                translate("Analysis", "Our strongest relationship once time is counted: one level less for every "
                                      "60 days without meeting (a relationship never met counts one less)"),
                translate("Analysis", "When this person last took part in an interaction we logged"),
            )[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                p.name,
                f"{p.influence_score:.3f}",
                f"{p.brokerage:.3f}",
                "" if p.influence_declared is None else str(p.influence_declared),
                self._stances.get(p.stance or "unknown", p.stance or ""),
                self._levels.get(p.coverage_level, "—") if p.coverage_level else "—",
                "" if p.community is None else str(p.community + 1),
                join_names(self._flags.get(f, f) for f in p.flags),
                self._levels.get(p.effective_coverage_level, "—") if p.effective_coverage_level else "—",
                "—" if p.last_contact_days is None else days_ago(p.last_contact_days),
            )[col]
        if role == Qt.ItemDataRole.EditRole:  # sort keys
            return (p.name, p.influence_score, p.brokerage, p.influence_declared or 0,
                    {"advocate": 2, "supporter": 1, "neutral": 0, "skeptic": -1, "opponent": -2}.get(p.stance, -3),
                    p.coverage_level, -1 if p.community is None else p.community, len(p.flags),
                    p.effective_coverage_level,
                    NEVER if p.last_contact_days is None else p.last_contact_days)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.FLAGS and self._reasons.get(p.key):
            return "\n".join(self._reasons[p.key])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.SCORE, self.BROKERAGE, self.DECLARED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KEY_ROLE:
            return p.key
        return None
