"""Analysis of one account's map (DESIGN.md "Analysis definitions"): pure Python, no Qt and no database,
so that it runs in a worker on plain records."""

from app.analysis.health import AccountHealth, Answer, HealthInput, Touch
from app.analysis.model import (
    AccountAnalysis,
    Edge,
    Key,
    Node,
    PersonResult,
    Route,
    Suggestion,
    WhatIf,
)
from app.analysis.report import analyze, to_json
from app.analysis.routes import best_routes, routes
from app.analysis.whatif import next_best_relationships, what_if

__all__ = [
    "AccountAnalysis",
    "AccountHealth",
    "Answer",
    "HealthInput",
    "Touch",
    "Edge",
    "Key",
    "Node",
    "PersonResult",
    "Route",
    "Suggestion",
    "WhatIf",
    "analyze",
    "next_best_relationships",
    "best_routes",
    "routes",
    "to_json",
    "what_if",
]
