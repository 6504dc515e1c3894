"""Maps from GraphML and GEXF (Gephi, yEd, networkx), with the attributes of DESIGN.md "GraphML and GEXF".

Parsed with defusedxml: a file that declares entities (billion laughs) or refers to external ones is refused
whole before anything is read from it.
"""

from __future__ import annotations

from pathlib import Path

from app.io.report import ImportRefused, ImportReport, Refusal
from app.io.rows import LinkRow, PersonRow, link_kind_or_none, parse_enums
from app.models import enums

MAX_BYTES = 256 * 1024 * 1024
NODE_ATTRS = frozenset({"name", "label", "title", "department", "role", "stance", "influence", "side", "email",
                        "phone", "notes", "competitor_preference", "team_role", "x", "y", "external_id"})
# Written by our own export and by layout tools; read back without complaint, but not stored.
IGNORED_ATTRS = frozenset({"size", "color", "influence_score", "brokerage", "community", "coverage_level", "flags",
                           "weight", "id", "r", "g", "b", "stance_colour", "nodegraphics", "edgegraphics"})
EDGE_ATTRS = frozenset({"kind", "strength", "notes", "label", "interaction"})
TEXT_ATTRS = ("title", "department", "email", "phone", "notes", "competitor_preference")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, name: str):
    return [child for child in element if _local(child.tag) == name]


def _parse_xml(path: Path, source: str):
    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportRefused(source, f"the file is larger than {MAX_BYTES // 2**20} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(source, f"cannot read the file: {exc.strerror or exc}") from None
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as exc:
        if exc.sysid or exc.pubid:
            raise ImportRefused(source, "the file refers to an external XML entity "
                                        f"({exc.sysid or exc.pubid}); refused") from None
        raise ImportRefused(source, "the file declares XML entities (an entity-expansion attack?); refused") from None
    except ExternalReferenceForbidden:
        raise ImportRefused(source, "the file refers to external XML entities or documents; refused") from None
    except DTDForbidden:
        raise ImportRefused(source, "the file has a document type declaration; refused") from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise ImportRefused(source, f"not well-formed XML (line {line}, column {column + 1})\n{exc}") from None
    except (ValueError, UnicodeError, LookupError) as exc:  # LookupError: an encoding name Python does not know
        raise ImportRefused(source, f"not readable XML\n{exc}") from None


def _person(node_id: str, attrs: dict[str, str], ordinal: int, report: ImportReport) -> PersonRow | None:
    """``attrs`` keyed by lower-case attribute names. The name is ``name``, else ``label`` (Gephi, networkx,
    igraph, yEd's node label), else the node id."""
    name = (attrs.get("name") or "").strip() or (attrs.get("label") or "").strip() or node_id.strip()
    fields: dict[str, object] = {"name": name}
    side = (attrs.get("side") or "client").strip().lower() or "client"
    if side not in ("client", "team"):
        report.refused.append(Refusal(ordinal, f"node {ordinal} “{node_id}”: side must be client or team, "
                                               f"not “{side}”"))
        return None
    for key in TEXT_ATTRS:
        if (attrs.get(key) or "").strip():
            fields[key] = attrs[key].strip()
    warnings: list[str] = []
    parse_enums({k: (attrs.get(k) or "").strip() for k in ("role", "stance", "influence")}, fields, warnings)
    for warning in warnings:
        report.warnings.append(Refusal(ordinal, f"node {ordinal} “{name}”: {warning}"))
    team_role = (attrs.get("team_role") or "").strip()
    if team_role in enums.TEAM_ROLES:
        fields["team_role"] = team_role
    for axis in ("x", "y"):
        try:
            value = float(attrs.get(axis) or "nan")
        except ValueError:
            continue
        if value == value and abs(value) < 1e9:
            fields[axis] = value
    if not fields["name"]:
        report.refused.append(Refusal(ordinal, f"node {ordinal}: no name and no id"))
        return None
    external_id = (attrs.get("external_id") or "").strip() or None
    return PersonRow(ordinal, fields, node_id, side, external_id=external_id)


def _link(source: str, target: str, attrs: dict[str, str], ordinal: int, symmetric: bool,
          report: ImportReport) -> LinkRow | None:
    given = (attrs.get("kind") or "").strip()
    kind = given or link_kind_or_none(attrs.get("label") or "") or link_kind_or_none(attrs.get("interaction") or "")
    kind = link_kind_or_none(kind or "") or kind or "knows"
    raw = (attrs.get("strength") or "3").strip() or "3"
    try:
        number = float(raw)
        if number != int(number):
            raise ValueError
        strength = int(number)
    except (ValueError, OverflowError):  # "abc", or "inf"
        report.refused.append(Refusal(ordinal, f"edge {ordinal} {source} → {target}: strength “{raw}” is not 1 to 5"))
        return None
    notes = (attrs.get("notes") or "").strip() or None
    # An undirected reports_to still means source reports to target, as written.
    return LinkRow(source, target, kind, strength, ordinal, symmetric and kind != "reports_to", notes)


def _note_unknown(report: ImportReport, names, known: frozenset[str]) -> None:
    for name in names:
        if name not in known and name not in IGNORED_ATTRS and name not in report.unknown_columns:
            report.unknown_columns.append(name)


def read_graphml(path: Path, report: ImportReport) -> tuple[list[PersonRow], list[LinkRow]]:
    source = str(path)
    root = _parse_xml(path, source)
    if _local(root.tag) != "graphml":
        raise ImportRefused(source, f"not GraphML (the root element is <{_local(root.tag)}>)")
    keys: dict[str, tuple[str, str]] = {}  # key id -> (for, attribute name)
    defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for key in _children(root, "key"):
        name = key.get("attr.name") or key.get("id") or ""
        domain = key.get("for") or "all"
        keys[key.get("id") or name] = (domain, name)
        default = _children(key, "default")
        for target in ("node", "edge"):
            if default and domain in (target, "all"):
                defaults[target][name.casefold()] = (default[0].text or "").strip()
    graphs = _children(root, "graph")
    if not graphs:
        raise ImportRefused(source, "no <graph> element")
    graph = graphs[0]
    undirected = (graph.get("edgedefault") or "directed") == "undirected"

    def data(element, domain: str) -> dict[str, str]:
        values = dict(defaults[domain])
        for item in _children(element, "data"):
            key = item.get("key") or ""
            labels = [e for e in item.iter() if _local(e.tag) in ("NodeLabel", "EdgeLabel")]
            if labels:  # yEd: the label inside its graphics description
                text = "".join(labels[0].itertext()).strip()
                if text:
                    values.setdefault("label", text)
                continue
            values[keys.get(key, (domain, key))[1].casefold()] = "".join(item.itertext())
        return values

    people: list[PersonRow] = []
    for ordinal, node in enumerate(_children(graph, "node"), 1):
        attrs = data(node, "node")
        _note_unknown(report, attrs, NODE_ATTRS)
        row = _person(node.get("id") or "", attrs, ordinal, report)
        if row is not None:
            people.append(row)
    links: list[LinkRow] = []
    for ordinal, edge in enumerate(_children(graph, "edge"), 1):
        attrs = data(edge, "edge")
        _note_unknown(report, attrs, EDGE_ATTRS)
        directed = edge.get("directed")
        symmetric = undirected if directed is None else directed == "false"
        link = _link(edge.get("source") or "", edge.get("target") or "", attrs, ordinal, symmetric, report)
        if link is not None:
            links.append(link)
    return people, links


def read_gexf(path: Path, report: ImportReport) -> tuple[list[PersonRow], list[LinkRow]]:
    source = str(path)
    root = _parse_xml(path, source)
    if _local(root.tag) != "gexf":
        raise ImportRefused(source, f"not GEXF (the root element is <{_local(root.tag)}>)")
    graphs = _children(root, "graph")
    if not graphs:
        raise ImportRefused(source, "no <graph> element")
    graph = graphs[0]
    undirected = (graph.get("defaultedgetype") or "directed") == "undirected"
    titles: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for block in _children(graph, "attributes"):
        domain = block.get("class") or "node"
        if domain not in titles:
            continue
        for attribute in _children(block, "attribute"):
            title = (attribute.get("title") or attribute.get("id") or "").casefold()
            titles[domain][attribute.get("id") or title] = title
            default = _children(attribute, "default")
            if default:
                defaults[domain][title] = (default[0].text or "").strip()

    def values(element, domain: str) -> dict[str, str]:
        found = dict(defaults[domain])
        for holder in _children(element, "attvalues"):
            for item in _children(holder, "attvalue"):
                key = item.get("for") or item.get("id") or ""
                found[titles[domain].get(key, key.casefold())] = item.get("value") or ""
        return found

    people: list[PersonRow] = []
    nodes = [node for container in _children(graph, "nodes") for node in _children(container, "node")]
    for ordinal, node in enumerate(nodes, 1):
        attrs = values(node, "node")
        _note_unknown(report, attrs, NODE_ATTRS)
        if (node.get("label") or "").strip():
            attrs.setdefault("label", node.get("label"))
        positions = [child for child in node if _local(child.tag) == "position"]
        if positions and not ({"x", "y"} & attrs.keys()):  # viz:position, where y grows upwards
            try:
                attrs["x"], attrs["y"] = positions[0].get("x"), str(-float(positions[0].get("y") or 0))
            except ValueError:
                pass
        row = _person(node.get("id") or "", attrs, ordinal, report)
        if row is not None:
            people.append(row)
    links: list[LinkRow] = []
    ordinal = 0
    for container in _children(graph, "edges"):
        for edge in _children(container, "edge"):
            ordinal += 1
            attrs = values(edge, "edge")
            _note_unknown(report, attrs, EDGE_ATTRS)
            if (edge.get("label") or "").strip():
                attrs.setdefault("label", edge.get("label"))
            kind_of_edge = edge.get("type")
            symmetric = undirected if kind_of_edge is None else kind_of_edge == "undirected"
            link = _link(edge.get("source") or "", edge.get("target") or "", attrs, ordinal, symmetric, report)
            if link is not None:
                links.append(link)
    return people, links
