"""Structural risk of each account: the people whose departure would cut our team off from the decision.

Per account, the map is taken as an undirected graph: our team members on the account, its client-side people
who have not left, and every link between them but `rival` (a `covers` link is a way in as much as a
`knows`). Someone is a cut-point when, without them, an economic buyer or decision-maker (not themselves) that
some team member could reach is out of reach of every team member.

All accounts go into one graph: a root joined to one entry per account, each entry joined to that account's
team members (a member on several accounts is a separate node on each). Any path from an entry to a person
starts at one of that account's members, so "X cuts Y off from the whole team" is "every path from the entry to
Y passes X": X dominates Y. One call of igraph's dominator tree (Lengauer–Tarjan, in C) answers that for every
account, and the cut-points of Y are Y's ancestors in that tree below the account's entry.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import igraph
import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.analysis.model import KEY_ROLES
from app.models.entities import Account, AccountTeam, Person, TeamMember
from app.portfolio.map_sql import counted_threads, map_links

_ROLE_ORDER = {role: i for i, role in enumerate(KEY_ROLES)}
_NAME_CHUNK = 900  # ids per IN (...) list, well below SQLite's limit on bound parameters


@dataclass(frozen=True)
class CutPoint:
    name: str
    side: str  # "client" | "team"
    cuts_off: tuple[str, ...]  # economic buyers and decision-makers no team member could reach without them
    key: tuple[str, int] | None = None  # ("person" | "member", id), as app.analysis keys a map's nodes


@dataclass(frozen=True)
class StructuralRisk:
    account_id: int
    account: str
    sole_member: str | None  # the one member holding every relationship of level ≥ 3, when single-threaded
    cut_points: tuple[CutPoint, ...]  # most people cut off first


def structural_risk(session: Session) -> list[StructuralRisk]:
    """The accounts that are single-threaded or have a cut-point, ordered by name."""
    accounts = list(session.execute(select(Account.id, Account.name).order_by(Account.name)))
    members = {member_id: name for member_id, name in session.execute(select(TeamMember.id, TeamMember.name))}
    threads = counted_threads(session)
    cuts = _cut_points(session, members)
    risks = []
    for account_id, name in accounts:
        count, member_id = threads.get(account_id, (0, None))
        sole = members.get(member_id) if count == 1 else None
        points = cuts.get(account_id, ())
        if sole is not None or points:
            risks.append(StructuralRisk(account_id, name, sole, points))
    return risks


def _cut_points(session: Session, member_names: dict[int, str]) -> dict[int, tuple[CutPoint, ...]]:
    team = list(session.execute(select(AccountTeam.account_id, AccountTeam.member_id)))
    key_people = list(session.execute(
        select(Person.account_id, Person.id, Person.name, Person.role, Person.influence)
        .where(Person.archived.is_(False), Person.role.in_(KEY_ROLES))))
    if not team or not key_people:
        return {}
    tree = _DominatorTree(map_links(session, exclude_kinds=("rival",)), team)

    found: dict[int, dict[int, list[tuple]]] = {}  # account -> cut node -> the key people it cuts off
    for account_id, person_id, name, role, influence in key_people:
        order = (_ROLE_ORDER[role], -(influence or 0), person_id, name)
        for node in tree.cut_nodes(2 * person_id):
            found.setdefault(account_id, {}).setdefault(node, []).append(order)

    person_names = _person_names(session, [int(tree.codes[node]) // 2 for cuts in found.values() for node in cuts
                                           if tree.codes[node] % 2 == 0])
    result = {}
    for account_id, cuts in found.items():
        points = []
        for node, cut_off in cuts.items():
            code = int(tree.codes[node])
            if code % 2 == 0:
                key, name, side = ("person", code // 2), person_names.get(code // 2, ""), "client"
            else:
                member_id = (code // 2) % tree.member_span
                key, name, side = ("member", member_id), member_names.get(member_id, ""), "team"
            points.append(CutPoint(name, side, tuple(order[-1] for order in sorted(cut_off)), key))
        points.sort(key=lambda point: (-len(point.cuts_off), point.side != "client", point.name, point.key))
        result[account_id] = tuple(points)
    return result


class _DominatorTree:
    """Every account's map in one directed graph (each link both ways) under one root, and its dominator tree.

    Nodes are numbered by code: a person 2·id; a member on an account 2·(account·span + member) + 1, since a
    member is a separate node on each account. After those come one entry node per account, then the root.
    """

    def __init__(self, links: list[tuple[int, int, int]], team: list[tuple[int, int]]) -> None:
        self.member_span = max(member_id for _, member_id in team) + 1
        link_array = np.array(links, dtype=np.int64).reshape(-1, 3)
        team_array = np.array(team, dtype=np.int64)
        source = _codes(link_array[:, 0], link_array[:, 1], self.member_span)
        target = _codes(link_array[:, 0], link_array[:, 2], self.member_span)
        member_codes = 2 * (team_array[:, 0] * self.member_span + team_array[:, 1]) + 1
        self.codes, inverse = np.unique(np.concatenate((source, target, member_codes)), return_inverse=True)
        n_links = len(links)
        self.n_nodes = len(self.codes)
        link_ends = inverse[:2 * n_links].reshape(2, n_links)
        member_nodes = inverse[2 * n_links:]

        account_ids = np.unique(team_array[:, 0])
        entry = self.n_nodes + np.searchsorted(account_ids, team_array[:, 0])
        root = self.n_nodes + len(account_ids)
        arcs = np.concatenate((
            link_ends.T,
            link_ends[::-1].T,
            np.column_stack((entry, member_nodes)),
            np.column_stack((np.full(len(account_ids), root), self.n_nodes + np.arange(len(account_ids)))),
        ))
        graph = igraph.Graph(n=root + 1, directed=True)
        graph.add_edges(arcs)
        self.dominator = graph.dominator(root, mode="out")

    def cut_nodes(self, code: int) -> list[int]:
        """The nodes whose removal cuts the node of `code` off from its account's team: its dominators below the
        account's entry; none when no team member reaches it at all."""
        position = int(np.searchsorted(self.codes, code))
        if position == self.n_nodes or self.codes[position] != code or _unreached(self.dominator[position]):
            return []
        cut = []
        parent = int(self.dominator[position])
        while parent < self.n_nodes:
            cut.append(parent)
            parent = int(self.dominator[parent])
        return cut


def _codes(account: np.ndarray, end: np.ndarray, member_span: int) -> np.ndarray:
    """Node codes of link ends as map_links gives them (a person's id, or minus a member's)."""
    return np.where(end > 0, 2 * end, 2 * (account * member_span - end) + 1)


def _unreached(parent) -> bool:
    return parent is None or (isinstance(parent, float) and math.isnan(parent)) or parent < 0


def _person_names(session: Session, ids: list[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    unique = sorted(set(ids))
    for start in range(0, len(unique), _NAME_CHUNK):
        chunk = unique[start:start + _NAME_CHUNK]
        names.update((person_id, name) for person_id, name in
                     session.execute(select(Person.id, Person.name).where(Person.id.in_(chunk))))
    return names
