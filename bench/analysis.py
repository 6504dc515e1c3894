"""Time of the full account analysis on generated maps of 500, 2,000 and 10,000 people.

    python bench/analysis.py           # readable table
    python bench/analysis.py --json    # [{"metric": "analysis", "size": N, "seconds": ..., "baseline_seconds": ...}]

Each map is made here with a fixed seed: one reporting tree over all the people, about two further random links
per person (influences, knows, dotted lines, allies, rivals), and 5 % team members each covering a few people.
Each map also gets a history (its own seed, so the map is the same with or without it): three interactions per
person over the last year, each with one to three of the people and one or two team members, a survey answer
for every second person and a contact cadence for every third. The measured metric is app.analysis.analyze,
complete: influence score, exact brokerage, communities, coverage, support, flags, reporting cycles and
relationship health (last touch, effective and inferred levels, stale, cadence, NPS, champions at risk), from
the plain records. The baseline is networkx computing the same graph
metrics the plain way in the same run: pagerank, exact betweenness_centrality and louvain_communities (seed 42)
on graphs it builds from the same records. At 10,000 people that baseline would take minutes (its exact
betweenness alone grows with people × links), so it is not run there and baseline_seconds is null.
Every timing is the median of three runs, after one warm-up run at the smallest size.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from functools import partial
from pathlib import Path

from _support import ensure_project_python, log, median_seconds  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

SIZES = (500, 2000, 10000)
BASELINE_UP_TO = 2000
RUNS = 3
SEED = 20240611
TARGET_SECONDS = {2000: 0.3}
KINDS = (("influences", 0.3), ("knows", 0.35), ("dotted_line", 0.1), ("ally", 0.15), ("rival", 0.1))
ROLES = ("decision_maker", "technical_buyer", "user_buyer", "influencer", "coach", "gatekeeper", "approver",
         "procurement", "unknown")
STANCES = ("advocate", "supporter", "neutral", "skeptic", "opponent", "unknown", None)


def sample_map(people: int, seed: int = SEED, extra_links: int = 2, member_share: float = 0.05):
    """A reporting tree, `extra_links` random links per person and `member_share` team members with covers."""
    from app.analysis import Edge, Node

    rng = random.Random(seed)
    nodes = [Node(("person", i), f"Person {i}", "economic_buyer" if i == 0 else rng.choice(ROLES),
                  rng.choice(STANCES), rng.choice((None, 1, 2, 3, 4, 5)))
             for i in range(people)]
    # Managers are drawn from earlier people, favouring the top of the tree so that it has a few wide levels.
    edges = [Edge(("person", i), ("person", int(rng.random() ** 2 * i)), "reports_to", rng.randint(2, 5))
             for i in range(1, people)]
    kinds, weights = zip(*KINDS, strict=True)
    for _ in range(people * extra_links):
        a, b = rng.sample(range(people), 2)
        edges.append(Edge(("person", a), ("person", b), rng.choices(kinds, weights)[0], rng.randint(1, 5)))
    for m in range(max(1, round(people * member_share))):
        nodes.append(Node(("member", m), f"Member {m}", "account_manager"))
        for i in rng.sample(range(people), min(people, rng.randint(3, 8))):
            edges.append(Edge(("member", m), ("person", i), "covers", rng.randint(1, 5)))
    return nodes, edges


def sample_history(nodes, seed: int = SEED + 1, per_person: int = 3):
    """Interactions, survey answers and cadences for a map from `sample_map` (DESIGN.md "Relationship health")."""
    import datetime as dt

    from app.analysis import Answer, HealthInput, Touch

    rng = random.Random(seed)
    today = dt.date(2026, 6, 30)
    people = [n.key for n in nodes if n.key[0] == "person"]
    members = [n.key for n in nodes if n.key[0] == "member"]
    channels = ("meeting", "call", "email", "visit", "demo", "dinner", "event")
    touches = tuple(
        Touch(today - dt.timedelta(days=rng.randint(0, 365)), rng.choice(channels),
              frozenset(rng.sample(people, rng.randint(1, 3)) + rng.sample(members, rng.randint(1, 2))))
        for _ in range(len(people) * per_person))
    answers = tuple(Answer(key, today - dt.timedelta(days=rng.randint(0, 365)), rng.randint(0, 10),
                           rng.randint(1, 5)) for key in people[::2])
    cadence = {key: rng.choice((30, 60, 90)) for key in people[::3]}
    return HealthInput(today=today, interactions=touches, answers=answers, cadence=cadence)


def networkx_baseline(nodes, edges) -> None:
    """The same influence score, brokerage and communities with networkx alone."""
    import networkx as nx

    clients = [n.key for n in nodes if n.key[0] == "person"]
    influence = nx.MultiDiGraph()
    influence.add_nodes_from(clients)
    undirected = nx.Graph()
    undirected.add_nodes_from(clients)
    for e in edges:
        if e.kind in ("rival", "covers") or e.source[0] != "person" or e.target[0] != "person":
            continue
        undirected.add_edge(e.source, e.target)
        if e.kind in ("reports_to", "dotted_line"):
            influence.add_edge(e.source, e.target, weight=e.strength)
        elif e.kind == "influences":
            influence.add_edge(e.target, e.source, weight=e.strength)
        else:
            influence.add_edge(e.source, e.target, weight=e.strength)
            influence.add_edge(e.target, e.source, weight=e.strength)
    nx.pagerank(influence, alpha=0.85, weight="weight")
    nx.betweenness_centrality(undirected, normalized=True)
    nx.community.louvain_communities(undirected, seed=42)


def measure(runs: int) -> list[dict]:
    from app.analysis import analyze

    warm_nodes, warm_edges = sample_map(SIZES[0])
    analyze(warm_nodes, warm_edges, sample_history(warm_nodes))
    results = []
    for size in SIZES:
        nodes, edges = sample_map(size)
        history = sample_history(nodes)
        row = {"size": size, "nodes": len(nodes), "links": len(edges)}
        log(f"{size} people: analyze …")
        row["seconds"] = median_seconds(partial(analyze, nodes, edges, history), runs)
        row["baseline"] = None
        if size <= BASELINE_UP_TO:
            log(f"{size} people: networkx pagerank + betweenness + louvain …")
            row["baseline"] = median_seconds(partial(networkx_baseline, nodes, edges), runs)
        results.append(row)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print a JSON list of results")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"measured runs of each (default {RUNS})")
    args = parser.parse_args(argv)

    ensure_project_python("bench/analysis.py", ("numpy", "scipy", "networkx", "igraph"))
    sys.path.insert(0, str(ROOT))
    runs = max(1, args.runs)
    results = measure(runs)

    if args.json:
        print(json.dumps([{"metric": "analysis", "size": r["size"], "seconds": round(r["seconds"], 4),
                           "baseline_seconds": None if r["baseline"] is None else round(r["baseline"], 4)}
                          for r in results]))
        return 0

    print(f"Account analysis of generated maps (seed {SEED}), median of {runs} runs, seconds")
    print()
    print(f"  {'people':>7}{'nodes':>7}{'links':>7}  {'analyze':>9}{'networkx':>10}{'speed-up':>10}")
    for r in results:
        if r["baseline"] is None:
            baseline, ratio = "not run", "—"
        else:
            baseline, ratio = f"{r['baseline']:.3f}", f"{r['baseline'] / r['seconds']:.0f}x"
        print(f"  {r['size']:>7}{r['nodes']:>7}{r['links']:>7}  {r['seconds']:>9.3f}{baseline:>10}{ratio:>10}")
    print()
    print("  analyze: app.analysis.analyze, everything included (the `analysis` metric)")
    print("  networkx: pagerank + exact betweenness + louvain on the same graphs; not run at 10,000 people, where")
    print("  it would take minutes (baseline_seconds is null in --json)")
    for size, target in TARGET_SECONDS.items():
        row = next((r for r in results if r["size"] == size), None)
        if row is not None:
            verdict = "met" if row["seconds"] <= target else "NOT met"
            print(f"  target: analyze <= {target:g} s at {size:,} people: {verdict} ({row['seconds']:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
