"""Made-up account maps of any size, for the layout tests and benchmark.

The shape follows real buying committees: one or a few reporting trees with a handful of reports per manager
(and now and then a big team of individual contributors), a few people outside any reporting line, about two
further links per person that mostly stay near each other in the organisation, and some five per cent of
team members on our side, each covering a few people.
"""

from __future__ import annotations

import random
from collections import deque

from app.layout.model import ROLE_ORDER, LayoutEdge, LayoutNode

DEPARTMENTS = ("Executive", "Finance", "IT", "Operations", "Procurement", "Engineering", "Quality", "Sales",
               "Legal", "Logistics", "Marketing", "HR")
OTHER_KINDS = (("influences", 0.35), ("knows", 0.35), ("dotted_line", 0.15), ("ally", 0.10), ("rival", 0.05))


def sample_map(people: int, seed: int = 7, extra_links: float = 1.8,
               member_share: float = 0.05) -> tuple[list[LayoutNode], list[LayoutEdge]]:
    """`people` people and about `member_share` × people team members; about 3 links per person in all."""
    rng = random.Random(seed)
    keys = [("person", i + 1) for i in range(people)]
    loose = set(rng.sample(range(1, people), k=people * 3 // 100)) if people > 1 else set()
    manager: dict[int, int] = {}
    reports: dict[int, list[int]] = {0: []} if people else {}
    # Breadth-first filling gives an organisation a few levels deep; most people manage nobody.
    open_slots: deque[tuple[int, int]] = deque([(0, rng.randint(4, 8))] if people else [])
    for i in range(1, people):
        if i in loose:
            continue
        while open_slots and open_slots[0][1] == 0:
            open_slots.popleft()
        if not open_slots:
            open_slots.append((i, rng.randint(2, 6)))
            reports[i] = []
            continue
        boss, left = open_slots[0]
        open_slots[0] = (boss, left - 1)
        manager[i] = boss
        reports.setdefault(boss, []).append(i)
        reports[i] = []
        roll = rng.random()
        if roll < 0.02:
            open_slots.append((i, rng.randint(20, 40)))
        elif roll < 0.45:
            open_slots.append((i, rng.randint(2, 7)))
    # A few heads of separate units whose line to the top is unknown: a forest, as in real maps.
    for i in rng.sample(sorted(manager), k=len(manager) // 100):
        del manager[i]

    department: dict[int, str | None] = {}
    depth: dict[int, int] = {}
    for i in range(people):
        boss = manager.get(i)
        depth[i] = depth[boss] + 1 if boss is not None else 0
        if boss is None:
            department[i] = DEPARTMENTS[0] if i == 0 else rng.choice(DEPARTMENTS)
        elif boss == 0:
            department[i] = DEPARTMENTS[len([r for r in reports[0] if r < i]) % len(DEPARTMENTS)]
        else:
            department[i] = department[boss]
    nodes = []
    for i in range(people):
        role = "economic_buyer" if i == 0 else rng.choice(ROLE_ORDER[1:] if depth[i] < 3 else ROLE_ORDER[2:])
        nodes.append(LayoutNode(keys[i], float(rng.randint(180, 240)), float(rng.randint(70, 110)), role,
                                None if rng.random() < 0.08 else department[i]))

    edges = [LayoutEdge(keys[i], keys[boss], "reports_to", rng.randint(2, 5)) for i, boss in sorted(manager.items())]
    seen = {(e.source, e.target) for e in edges}
    kinds, weights = zip(*OTHER_KINDS, strict=True)
    wanted = int(people * extra_links)
    tries = 0
    while people > 1 and len(edges) - len(manager) < wanted and tries < wanted * 5:
        tries += 1
        a = rng.randrange(people)
        near = [manager[a]] if a in manager else []
        near += reports.get(a, [])
        if a in manager:
            near += reports.get(manager[a], [])
        b = rng.choice(near) if near and rng.random() < 0.6 else rng.randrange(people)
        if a == b or (keys[a], keys[b]) in seen or (keys[b], keys[a]) in seen:
            continue
        seen.add((keys[a], keys[b]))
        edges.append(LayoutEdge(keys[a], keys[b], rng.choices(kinds, weights)[0], rng.randint(1, 5)))

    members = max(1, round(people * member_share)) if people else 0
    senior = sorted(range(people), key=lambda i: (depth[i], i))[: max(1, people // 5)]
    for m in range(members):
        key = ("member", m + 1)
        nodes.append(LayoutNode(key, float(rng.randint(180, 240)), float(rng.randint(70, 110)), "member"))
        for i in sorted(set(rng.choices(senior, k=rng.randint(3, 8)))):
            edges.append(LayoutEdge(key, keys[i], "covers", rng.randint(1, 5)))
    return nodes, edges
