"""Run the influence analysis of an account off the UI thread, with its own database session."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QThread, Signal

from app.ui.common.failures import detail_of


@dataclass(frozen=True)
class AnalysisInputs:
    """What the analysis was computed from, kept for what-if questions asked afterwards."""

    nodes: list
    edges: list
    suggestions: list


class AnalysisRunner(QThread):
    done = Signal(int, object, object, object)  # account id, AccountAnalysis, routes to the target, AnalysisInputs
    failed = Signal(str)

    def __init__(self, database, account_id: int, target=None) -> None:
        super().__init__()
        self._database, self.account_id, self.target = database, account_id, target

    def run(self) -> None:
        from app.analysis import analyze, next_best_relationships, routes
        from app.document.analysis_input import analysis_input
        from app.document.health_input import read_health_input
        from app.document.map_reading import read_map_data

        try:
            with self._database.sessionmaker() as session:
                data = read_map_data(session, self.account_id)
                health = read_health_input(session, data)
            nodes, edges = analysis_input(data)
            result = analyze(nodes, edges, health)
            found = routes(nodes, edges, self.target, k=3) if self.target is not None else []
            suggestions = next_best_relationships(nodes, edges, limit=8, health=health)
        except Exception as exc:  # shown in the panel; an analysis bug must not take the window down
            self.failed.emit(detail_of(exc))
            return
        self.done.emit(self.account_id, result, found, AnalysisInputs(nodes, edges, suggestions))
