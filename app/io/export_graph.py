"""An account's map as GraphML or GEXF (DESIGN.md "GraphML and GEXF"), readable by Gephi and networkx.

Archived people are left out, as on the map. Every node carries the attributes the importer reads plus the
computed analysis, so a round trip through networkx gives back the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.document.records import MapData
from app.io.atomic import write_atomically
from app.io.rows import strip_controls

# What a shareable export leaves out: opinions about people and who is at odds with whom.
PRIVATE_PERSON_FIELDS = ("stance", "influence", "notes")
PRIVATE_LINK_KINDS = ("rival",)


@dataclass(frozen=True)
class AnalysedMap:
    data: MapData
    results: dict  # ("person"|"member", id) -> app.analysis.PersonResult


def analysed_map(session: Session, account_id: int) -> AnalysedMap:
    from app.analysis import analyze
    from app.document.analysis_input import analysis_input
    from app.document.map_reading import read_map_data

    data = read_map_data(session, account_id)
    nodes, edges = analysis_input(data)
    result = analyze(nodes, edges)
    return AnalysedMap(data, {person.key: person for person in result.people})


def node_id(key: tuple[str, int]) -> str:
    return ("p" if key[0] == "person" else "m") + str(key[1])


STANCE_COLOURS = {"advocate": (26, 152, 80), "supporter": (145, 207, 96), "neutral": (190, 190, 190),
                  "skeptic": (252, 141, 89), "opponent": (215, 48, 39), "unknown": (150, 150, 150)}
TEAM_COLOUR = (66, 133, 244)


def build_graph(amap: AnalysedMap, shareable: bool = False):
    """A networkx MultiDiGraph (two people may be linked in several ways) with no None attribute values,
    which both writers refuse. Every field a person or a link has travels, with ``label`` for the tools that
    show only that (Gephi, yEd, Cytoscape) and the map's positions."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for person in amap.data.people:
        if person.archived:
            continue
        key = ("person", person.id)
        attrs = {"name": person.name, "label": person.name, "title": person.title, "department": person.department,
                 "role": person.role, "stance": person.stance, "influence": person.influence,
                 "competitor_preference": person.competitor_preference, "side": "client", "email": person.email,
                 "phone": person.phone, "notes": person.notes, "x": person.x, "y": person.y}
        if shareable:
            for private in (*PRIVATE_PERSON_FIELDS, "competitor_preference"):
                attrs.pop(private, None)
        attrs.update(_computed(amap.results.get(key)))
        graph.add_node(node_id(key), **_present(attrs))
    for member in amap.data.members:
        key = ("member", member.id)
        x, y = amap.data.member_positions.get(member.id, (None, None))
        attrs = {"name": member.name, "label": member.name, "title": member.title, "team_role": member.team_role,
                 "side": "team", "email": member.email, "phone": member.phone,
                 "notes": None if shareable else member.notes, "x": x, "y": y}
        attrs.update(_computed(amap.results.get(key)))
        graph.add_node(node_id(key), **_present(attrs))
    for link in amap.data.links:
        if shareable and link.kind in PRIVATE_LINK_KINDS:
            continue
        source, target = node_id(link.source), node_id(link.target)
        if source not in graph or target not in graph:
            continue  # a link of an archived person
        attrs = {"id": f"l{link.id}", "kind": link.kind, "label": link.kind, "strength": int(link.strength),
                 "weight": float(link.strength), "notes": None if shareable else link.notes}
        graph.add_edge(source, target, key=f"l{link.id}", **_present(attrs))
    return graph


def _computed(result) -> dict:
    if result is None:
        return {}
    return {"influence_score": float(result.influence_score), "brokerage": float(result.brokerage),
            "community": result.community, "coverage_level": int(result.coverage_level)}


def _present(attrs: dict) -> dict:
    """The attributes that have a value, text without control characters (XML cannot hold a NUL)."""
    return {k: strip_controls(v) if isinstance(v, str) else v for k, v in attrs.items() if v is not None}


def write_graphml(session: Session, account_id: int, path: str | Path, shareable: bool = False) -> None:
    import networkx as nx

    graph = build_graph(analysed_map(session, account_id), shareable)
    write_atomically(Path(path), lambda temp: nx.write_graphml(graph, temp, encoding="utf-8"))


def write_gexf(session: Session, account_id: int, path: str | Path, shareable: bool = False) -> None:
    import networkx as nx

    graph = build_graph(analysed_map(session, account_id), shareable)
    for _node, attrs in graph.nodes(data=True):
        # Gephi draws the map as we did: viz:position (y grows upwards there), colour by stance, size by influence.
        viz: dict = {"size": 10.0 + 4.0 * float(attrs.get("influence") or 3)}
        if "x" in attrs and "y" in attrs:
            viz["position"] = {"x": float(attrs["x"]), "y": -float(attrs["y"]), "z": 0.0}
        r, g, b = TEAM_COLOUR if attrs.get("side") == "team" else STANCE_COLOURS.get(attrs.get("stance"),
                                                                                     STANCE_COLOURS["unknown"])
        viz["color"] = {"r": r, "g": g, "b": b, "a": 1.0}
        attrs["viz"] = viz
    write_atomically(Path(path), lambda temp: nx.write_gexf(graph, temp, encoding="utf-8"))
