"""A map's cards and links as auto-layout input, and running one layout (no threads, no widgets)."""

from __future__ import annotations


def snapshot(scene, keys=None) -> tuple[list, list]:
    """The cards and links of ``scene`` as plain layout input (safe to hand to another thread)."""
    from app.layout import LayoutEdge, LayoutNode

    nodes, wanted = [], None if keys is None else set(keys)
    for card in scene.card_items():
        if wanted is not None and card.key not in wanted:
            continue
        w, h = card.size
        role = "member" if card.is_member else card.record.role
        department = None if card.is_member else card.record.department
        nodes.append(LayoutNode(card.key, w, h, role, department, card.pos().x(), card.pos().y()))
    present = {n.key for n in nodes}
    edges = [LayoutEdge(link.source.key, link.target.key, link.record.kind, link.record.strength)
             for link in scene.link_items() if link.source.key in present and link.target.key in present]
    return nodes, edges


def layout_input(data) -> tuple[list, list]:
    """An account's map data (MapData) as layout input with the cards' own sizes, without a scene."""
    from app.layout import LayoutEdge, LayoutNode
    from app.views.map.style import card_size

    nodes = [LayoutNode(("person", p.id), *card_size("person", p.influence), p.role, p.department)
             for p in data.people if not p.archived]
    nodes += [LayoutNode(("member", m.id), *card_size("member", None), "member") for m in data.members]
    present = {n.key for n in nodes}
    edges = [LayoutEdge(link.source, link.target, link.kind, link.strength) for link in data.links
             if link.source in present and link.target in present]
    return nodes, edges


def demo_layout_input() -> dict[str, tuple[list, list]]:
    """Layout input of each demo account, from a temporary database (benchmarks and tests measure layouts and
    routing on the committees a new user sees first)."""
    import tempfile
    from pathlib import Path

    from app.demo import load_demo
    from app.document import Workspace
    from app.storage.database import Database

    maps = {}
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "demo.db")
        try:
            with db.session() as session:
                names = load_demo(session)
            workspace = Workspace(db)
            for name in names:
                maps[name] = layout_input(workspace.map_data(workspace.account_id_by_name(name)))
        finally:
            db.close()
    return maps


def compute(name: str, nodes, edges, progress=None, aspect: float | None = None) -> dict:
    """Positions from the named layout; the org chart wraps its wide levels to suit `aspect` (the view's)."""
    from app import layout

    if name == "org_chart":
        if aspect is None or not 0.2 <= aspect <= 5.0:
            return layout.org_chart(nodes, edges, progress=progress)
        return layout.org_chart(nodes, edges, progress=progress, aspect=aspect)
    if name == "force":
        return layout.force_directed(nodes, edges, progress=progress)
    if name == "by_role":
        return layout.grouped(nodes, edges, by="role", progress=progress)
    if name == "by_department":
        return layout.grouped(nodes, edges, by="department", progress=progress)
    raise ValueError(name)
