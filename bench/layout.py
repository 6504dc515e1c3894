"""Automatic layout time on generated account maps of 500, 2,000 and 10,000 people.

    python bench/layout.py           # readable table
    python bench/layout.py --json    # [{"metric": "layout", "size": N, "seconds": ..., "baseline_seconds": ...}, ...]

Each map is made with a fixed seed by app.layout.synthetic: an organisation of reporting trees, about two
further links per person (influences, knows, dotted lines, allies, rivals), and about 5 % team members with
covers links — about three links per person in all. The measured metric is the force-directed layout, complete
with scaling to card sizes, overlap removal and packing of separate groups. The baseline is networkx's
spring_layout (50 iterations, weighted by strength) on the same graph in the same run; it only computes
abstract coordinates. At 10,000 people it would take minutes and is not run (baseline null). The org chart and
grouped layouts are timed as well and shown in the table only: the JSON contract has a single layout metric.
Every timing is the median of several runs, after one warm-up run at the smallest size.

`layout_routed` is the same force-directed layout followed by app.layout.routing.route_links on the cards as
painted (grown by routing.PAINTED_MARGIN), the median of as many runs as the layout (one run at 10,000 people);
the target is layout + routing within twice the layout alone at 2,000 people. The org chart with routing is timed
at every size too and shown in the table only.
`link_card_crossings` counts, for every layout of each demo account and of a generated 300-person account, the
(link, card) pairs where a routed link comes within routing.CLEARANCE of a card it does not connect (size: the
account's people).
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

from _support import ensure_project_python, log, median_seconds  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

SIZES = (500, 2000, 10000)
BASELINE_UP_TO = 2000
RUNS = 3
SEED = 20240611
TARGET_SECONDS = {2000: 1.0}
ROUTED_SIZES = (500, 2000, 10000)
ORG_ROUTED_SIZES = (500, 2000, 10000)
ROUTED_TARGET = {2000: 2.0}  # layout + routing over the layout alone, at most


def _routed_runs(size: int, runs: int) -> int:
    """Layout and routing are timed like the layout alone (the median of `runs`), but once at the biggest size,
    where one run takes seconds."""
    return 1 if size > BASELINE_UP_TO else runs


def spring_layout_task(nodes, edges):
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n.key for n in nodes)
    for e in edges:
        graph.add_edge(e.source, e.target, weight=e.strength / 3.0)
    return lambda: nx.spring_layout(graph, seed=7, weight="weight")


def routed_task(layout, nodes, edges, org_chart=False):
    def task():
        from app.layout.routing import painted_card, route_links

        positions = layout(nodes, edges)
        cards = {n.key: painted_card(*positions[n.key], n.width, n.height) for n in nodes}
        return route_links(cards, [(i, e.source, e.target, e.kind) for i, e in enumerate(edges)], org_chart)
    return task


def crossing_maps() -> dict[str, tuple[list, list]]:
    """The demo accounts (cards sized as the map draws them) and a generated 300-person account."""
    from app.layout.synthetic import sample_map
    from app.views.map.auto_layout import demo_layout_input

    maps = demo_layout_input()
    maps["generated 300"] = sample_map(300, seed=SEED)
    return maps


def crossings() -> list[dict]:
    from app.layout import force_directed, grouped, org_chart
    from app.layout.routing import count_crossings, painted_card, route_links

    layouts = {"org_chart": org_chart, "force_directed": force_directed,
               "by_role": partial(grouped, by="role"), "by_department": partial(grouped, by="department")}
    records = []
    for name, (nodes, edges) in crossing_maps().items():
        people = sum(1 for n in nodes if not n.is_member)
        for layout_name, layout in layouts.items():
            positions = layout(nodes, edges)
            cards = {n.key: painted_card(*positions[n.key], n.width, n.height) for n in nodes}
            links = [(i, e.source, e.target, e.kind) for i, e in enumerate(edges)]
            paths = route_links(cards, links, layout_name == "org_chart")
            records.append({"metric": "link_card_crossings", "size": people, "layout": layout_name,
                            "value": count_crossings(cards, paths, links), "account": name, "links": len(links)})
    return records


def measure(runs: int) -> list[dict]:
    from app.layout import force_directed, grouped, org_chart
    from app.layout.synthetic import sample_map

    warm_nodes, warm_edges = sample_map(SIZES[0], seed=SEED)
    force_directed(warm_nodes, warm_edges)
    org_chart(warm_nodes, warm_edges)
    grouped(warm_nodes, warm_edges, "role")

    results = []
    for size in SIZES:
        nodes, edges = sample_map(size, seed=SEED)
        row = {"size": size, "cards": len(nodes), "links": len(edges)}
        log(f"{size} people: force-directed …")
        row["force"] = median_seconds(partial(force_directed, nodes, edges), runs)
        log(f"{size} people: org chart and grouped …")
        row["org_chart"] = median_seconds(partial(org_chart, nodes, edges), runs)
        row["grouped_role"] = median_seconds(partial(grouped, nodes, edges, "role"), runs)
        row["grouped_department"] = median_seconds(partial(grouped, nodes, edges, "department"), runs)
        row["routed"] = row["org_chart_routed"] = None
        if size in ROUTED_SIZES:
            log(f"{size} people: force-directed and routing …")
            row["routed"] = median_seconds(routed_task(force_directed, nodes, edges), _routed_runs(size, runs))
        if size in ORG_ROUTED_SIZES:
            log(f"{size} people: org chart and routing …")
            row["org_chart_routed"] = median_seconds(routed_task(org_chart, nodes, edges, True),
                                                     _routed_runs(size, runs))
        row["baseline"] = None
        if size <= BASELINE_UP_TO:
            log(f"{size} people: networkx spring_layout …")
            row["baseline"] = median_seconds(spring_layout_task(nodes, edges), runs)
        results.append(row)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print a JSON list of results")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"measured runs of each (default {RUNS})")
    args = parser.parse_args(argv)

    ensure_project_python("bench/layout.py", ("numpy", "scipy", "networkx"))
    sys.path.insert(0, str(ROOT))
    results = measure(max(1, args.runs))
    log("link crossings of the demo accounts and a generated 300-person account …")
    counts = crossings()

    if args.json:
        records = []
        for r in results:
            records.append({"metric": "layout", "size": r["size"], "seconds": round(r["force"], 4),
                            "baseline_seconds": None if r["baseline"] is None else round(r["baseline"], 4)})
            if r["routed"] is not None:
                records.append({"metric": "layout_routed", "size": r["size"], "seconds": round(r["routed"], 4),
                                "baseline_seconds": None})
        records += [{k: c[k] for k in ("metric", "size", "layout", "value")} for c in counts]
        print(json.dumps(records))
        return 0

    print(f"Automatic layout of generated account maps (seed {SEED}), median of {max(1, args.runs)} runs, seconds")
    print()
    header = (f"  {'people':>7}{'cards':>7}{'links':>7}  {'force':>8}{'spring_layout':>15}{'speed-up':>10}"
              f"{'org chart':>11}{'grouped role':>14}{'grouped dept':>14}")
    print(header)
    for r in results:
        if r["baseline"] is None:
            baseline, ratio = "not run", "—"
        else:
            baseline, ratio = f"{r['baseline']:.3f}", f"{r['baseline'] / r['force']:.0f}x"
        print(f"  {r['size']:>7}{r['cards']:>7}{r['links']:>7}  {r['force']:>8.3f}{baseline:>15}{ratio:>10}"
              f"{r['org_chart']:>11.3f}{r['grouped_role']:>14.3f}{r['grouped_department']:>14.3f}")
    print()
    print("  force: the force-directed layout with card scaling, overlap removal and packing (the `layout` metric)")
    print("  spring_layout: networkx baseline, abstract coordinates only; not run at 10,000 people, where it would")
    print("  take minutes (baseline_seconds is null in --json)")
    print()
    print("  Layout and link routing (app.layout.routing), seconds")
    print(f"  {'people':>7}  {'force':>8}{'force+routing':>15}{'ratio':>7}"
          f"{'org chart':>11}{'org+routing':>13}{'ratio':>7}")
    for r in results:
        print(f"  {r['size']:>7}  {r['force']:>8.3f}{_routed(r['routed'], r['force'])}{r['org_chart']:>11.3f}"
              f"{_routed(r['org_chart_routed'], r['org_chart'], 13)}")
    print()
    print("  Link–card crossings after routing (links within the clearance of a card they do not connect)")
    print(f"  {'account':<34}{'people':>7}{'links':>7}  {'layout':<15}{'crossings':>10}")
    for c in counts:
        print(f"  {c['account'][:33]:<34}{c['size']:>7}{c['links']:>7}  {c['layout']:<15}{c['value']:>10}")
    print()
    for size, target in ROUTED_TARGET.items():
        row = next((r for r in results if r["size"] == size and r["routed"] is not None), None)
        if row is not None:
            ratio = row["routed"] / row["force"]
            verdict = "met" if ratio <= target else "NOT met"
            print(f"  target: force-directed layout + routing <= {target:g}x the layout at {size:,} people: {verdict}"
                  f" ({ratio:.1f}x)")
    for size, target in TARGET_SECONDS.items():
        row = next((r for r in results if r["size"] == size), None)
        if row is not None:
            slowest = max(row["force"], row["org_chart"], row["grouped_role"], row["grouped_department"])
            verdict = "met" if slowest <= target else "NOT met"
            print(f"  target: every layout <= {target:g} s at {size:,} people: {verdict} (slowest {slowest:.3f} s)")
    return 0


def _routed(seconds: float | None, layout: float, width: int = 15) -> str:
    """A routed time and its ratio to the layout alone, as table columns."""
    if seconds is None:
        return f"{'not run':>{width}}{'':>7}"
    return f"{seconds:>{width}.3f}{seconds / layout:>6.1f}x"


if __name__ == "__main__":
    sys.exit(main())
