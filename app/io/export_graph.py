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


def build_graph(amap: AnalysedMap, shareable: bool = False):
    """A networkx MultiDiGraph (two people may be linked in several ways) with no None attribute values,
    which both writers refuse."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for person in amap.data.people:
        if person.archived:
            continue
        key = ("person", person.id)
        attrs = {"name": person.name, "title": person.title, "department": person.department,
                 "role": person.role, "stance": person.stance, "influence": person.influence,
                 "side": "client", "email": person.email}
        if shareable:
            for private in PRIVATE_PERSON_FIELDS:
                attrs.pop(private, None)
        attrs.update(_computed(amap.results.get(key)))
        graph.add_node(node_id(key), **_present(attrs))
    for member in amap.data.members:
        key = ("member", member.id)
        attrs = {"name": member.name, "title": member.title, "team_role": member.team_role, "side": "team",
                 "email": member.email}
        attrs.update(_computed(amap.results.get(key)))
        graph.add_node(node_id(key), **_present(attrs))
    for link in amap.data.links:
        if shareable and link.kind in PRIVATE_LINK_KINDS:
            continue
        source, target = node_id(link.source), node_id(link.target)
        if source not in graph or target not in graph:
            continue  # a link of an archived person
        graph.add_edge(source, target, key=f"l{link.id}", id=f"l{link.id}", kind=link.kind,
                       strength=int(link.strength), weight=float(link.strength))
    return graph


def _computed(result) -> dict:
    if result is None:
        return {}
    return {"influence_score": float(result.influence_score), "brokerage": float(result.brokerage),
            "community": result.community, "coverage_level": int(result.coverage_level)}


def _present(attrs: dict) -> dict:
    return {k: v for k, v in attrs.items() if v is not None}


def write_graphml(session: Session, account_id: int, path: str | Path, shareable: bool = False) -> None:
    import networkx as nx

    graph = build_graph(analysed_map(session, account_id), shareable)
    write_atomically(Path(path), lambda temp: nx.write_graphml(graph, temp, encoding="utf-8"))


def write_gexf(session: Session, account_id: int, path: str | Path, shareable: bool = False) -> None:
    import networkx as nx

    graph = build_graph(analysed_map(session, account_id), shareable)
    for node, attrs in graph.nodes(data=True):
        attrs["label"] = attrs.get("name", node)  # Gephi shows the label, not the id
    write_atomically(Path(path), lambda temp: nx.write_gexf(graph, temp, encoding="utf-8"))
