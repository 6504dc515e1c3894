"""Relationship health marked on a map scene that no Analysis panel looks after: the one an export draws.

The window marks its map from the analysis the panel computes in a worker; a file drawn from a scene of its
own computes only what the marks need (coverage levels and relationship health: no centrality, so a few
milliseconds even on a big account) and marks the scene the same way, so the file shows what the screen does.
"""

from __future__ import annotations

from app.views.map import overlays
from app.views.map.card_marks import marks_from_health

COUNTED_LEVEL = 3  # a relationship counts as coverage from "working" upwards (DESIGN.md)


def account_health(workspace, account_id: int):
    """(AccountHealth, names by key) of the account as it is stored now."""
    from app.analysis.coverage import coverage
    from app.analysis.graph import prepare
    from app.analysis.health import relationship_health
    from app.document.analysis_input import analysis_input
    from app.document.health_input import read_health_input
    from app.document.map_reading import read_map_data

    with workspace.database.sessionmaker() as session:
        data = read_map_data(session, account_id)
        history = read_health_input(session, data)
    nodes, edges = analysis_input(data)
    prep = prepare(nodes, edges)
    return relationship_health(prep, coverage(prep).levels, history), {node.key: node.name for node in nodes}


def mark_scene(scene, health, names: dict) -> None:
    """Clock marks and faded links of stale relationships, and the claim and cadence marks, on ``scene``."""
    cold = [(link.member, link.person) for link in health.links
            if link.declared >= COUNTED_LEVEL and link.effective < COUNTED_LEVEL]
    overlays.mark_freshness(scene, health.stale, cold)
    overlays.mark_health(scene, marks_from_health(health, names))
    overlays.show_levels(scene, {(link.member, link.person): (link.declared, link.effective, link.last_touch_days)
                                 for link in health.links if link.declared}, False)
