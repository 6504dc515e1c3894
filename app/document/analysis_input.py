"""An account's map as the input of the influence analysis (plain values, safe to hand to a worker)."""

from __future__ import annotations

from app.document.records import MapData


def analysis_input(data: MapData) -> tuple[list, list]:
    """Nodes and edges of the people on the map (archived people left out) and of our team on it."""
    from app.analysis import Edge, Node

    nodes = [Node(("person", p.id), p.name, p.role, p.stance, p.influence) for p in data.people if not p.archived]
    nodes += [Node(("member", m.id), m.name) for m in data.members]
    present = {n.key for n in nodes}
    edges = [Edge(link.source, link.target, link.kind, link.strength) for link in data.links
             if link.source in present and link.target in present]
    return nodes, edges
