"""What a meeting pack says, gathered from the workspace as plain records (no drawing, no widgets).

The shareable pack is gathered, not filtered at drawing time: what it must not say is never put into it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from app.analysis import analyze
from app.analysis.health import (
    OVERSTATED_DECLARED,
    OVERSTATED_INFERRED,
    UNDERSTATED_DECLARED,
    UNDERSTATED_INFERRED,
    AccountHealth,
)
from app.analysis.model import COUNTED_LEVEL, KEY_ROLES
from app.analysis.routes import best_routes
from app.document.analysis_input import analysis_input
from app.document.records import ActionRecord, InteractionRecord, NeedRecord, PersonRecord

LAST_INTERACTIONS = 3
DEFAULT_ATTENDEES = 6
PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Attendee:
    person: PersonRecord
    coverage_level: int
    covered_by: tuple[tuple[str, int], ...]  # our team members who know them, strongest first
    business_needs: tuple[NeedRecord, ...]
    personal_needs: tuple[NeedRecord, ...]  # personal wins: never in a shareable pack
    interactions: tuple[InteractionRecord, ...]  # newest first
    last_contact: dt.date | None


@dataclass(frozen=True)
class TalkingPoint:
    need: NeedRecord
    person: str | None  # whose need it is; None for the account's own


@dataclass(frozen=True)
class RelationshipFlag:
    """Where a declared relationship with an attendee and the history disagree, or the relationship has faded."""
    person: str
    member: str
    kind: str  # OVERSTATED, UNDERSTATED or STALE
    declared: int
    inferred: int  # from the last 180 days of shared interactions
    effective: int  # the declared level decayed by the time since the last shared interaction
    last_touch_days: int | None  # None: never met together


OVERSTATED, UNDERSTATED, STALE = "overstated", "understated", "stale"


@dataclass(frozen=True)
class ChampionAlert:
    name: str
    reasons: tuple[str, ...]  # "left", "turned", "stale"; "lone_strong_stale" with the member who holds it
    member: str | None = None


@dataclass(frozen=True)
class OpenAction:
    action: ActionRecord
    owner: str | None
    person: str | None
    overdue: bool


@dataclass(frozen=True)
class Gap:
    name: str
    role: str
    coverage_level: int


@dataclass(frozen=True)
class RouteStep:
    name: str
    strength: int | None  # of the link that leads to this person; None for the introducer


@dataclass(frozen=True)
class DecisionRoute:
    target: str
    role: str
    steps: tuple[RouteStep, ...]  # introducer first
    score: float


@dataclass
class BriefContent:
    account: str
    meeting_date: dt.date
    shareable: bool
    attendees: list[Attendee]
    attendee_keys: list[tuple[str, int]]
    talking_points: list[TalkingPoint]
    actions: list[OpenAction]
    coverage_score: float | None  # None in a shareable pack: it is weighted by declared influence
    gaps: list[Gap]
    single_threaded: bool
    routes: list[DecisionRoute]
    unreachable: list[Gap] = field(default_factory=list)  # decision-makers nobody on our side can reach
    member_names: dict[int, str] = field(default_factory=dict)
    person_names: dict[int, str] = field(default_factory=dict)
    # Relationship health; empty in a shareable pack (a judgement of our own relationships and of stances).
    relationship_flags: list[RelationshipFlag] = field(default_factory=list)
    champions_at_risk: list[ChampionAlert] = field(default_factory=list)
    effective_coverage_score: float | None = None


def default_attendees(workspace, account_id: int, limit: int = DEFAULT_ATTENDEES) -> list[int]:
    """Whom a meeting most likely involves when nobody said: the economic buyer and decision-makers, then the
    most influential people, then the rest in map order."""
    people = workspace.people(account_id, include_archived=False)
    order = {role: i for i, role in enumerate(KEY_ROLES)}
    people.sort(key=lambda p: (order.get(p.role, len(KEY_ROLES)), -(p.influence or 0)))
    return [p.id for p in people[:limit]]


def gather(workspace, account_id: int, attendee_ids: list[int], meeting_date: dt.date,
           shareable: bool = False, today: dt.date | None = None) -> BriefContent:
    today = today or dt.date.today()
    data = workspace.map_data(account_id)
    people = {p.id: p for p in data.people if not p.archived}
    members = {m.id: m.name for m in data.members}
    member_names = {m.id: m.name for m in workspace.members()}
    nodes, edges = analysis_input(data)
    health = None if shareable else workspace.health_input(data, today)
    result = analyze(nodes, edges, health)
    levels = {r.key: r.coverage_level for r in result.people}

    covers: dict[int, list[tuple[str, int]]] = {}
    for link in data.links:
        if link.kind == "covers" and link.source[0] == "member" and link.target[0] == "person" \
                and link.source[1] in members:
            covers.setdefault(link.target[1], []).append((members[link.source[1]], link.strength))

    needs = workspace.needs(account_id)
    interactions = sorted(workspace.interactions(account_id), key=lambda i: i.occurred_at, reverse=True)
    chosen = [pid for pid in attendee_ids if pid in people]
    attendees = []
    for pid in chosen:
        person = people[pid]
        if shareable:
            person = replace(person, stance="unknown", influence=None, notes=None, competitor_preference=None)
        mine = [n for n in needs if n.person_id == pid and n.status != "addressed"]
        theirs = tuple(i for i in interactions if ("person", pid) in i.participants)
        if shareable:
            # A meeting's summary is our own account of it: an internal note.
            theirs = tuple(replace(i, summary=None, sentiment=None) for i in theirs)
        attendees.append(Attendee(
            person=person,
            coverage_level=levels.get(("person", pid), 0),
            covered_by=tuple(sorted(covers.get(pid, []), key=lambda c: -c[1])),
            business_needs=tuple(_by_priority(n for n in mine if n.kind == "business")),
            personal_needs=() if shareable else tuple(_by_priority(n for n in mine if n.kind == "personal")),
            interactions=theirs[:LAST_INTERACTIONS],
            last_contact=theirs[0].occurred_at.date() if theirs else None,
        ))

    chosen_set = set(chosen)
    points = [n for n in needs if n.status != "addressed" and n.kind == "business"
              and (n.person_id is None or n.person_id in chosen_set)]
    talking = [TalkingPoint(n, people[n.person_id].name if n.person_id in people else None)
               for n in _by_priority(points, attendees_first=chosen_set)]

    open_actions = []
    for action in workspace.actions(account_id):
        if action.status != "open":
            continue
        if shareable:
            action = replace(action, notes=None)
        person = people.get(action.person_id)
        open_actions.append(OpenAction(action, member_names.get(action.owner_id), person.name if person else None,
                                       action.is_overdue(today)))
    open_actions.sort(key=lambda a: (not a.overdue, a.action.due_date or dt.date.max,
                                     PRIORITY_ORDER.get(a.action.priority, 1)))

    gaps = []
    for key in result.gaps:
        person = people.get(key[1])
        # A shareable pack lists only the gaps its reader could see on the map: roles, not influence.
        if person is None or (shareable and person.role not in KEY_ROLES):
            continue
        gaps.append(Gap(person.name, person.role, levels.get(key, 0)))

    decision_routes, unreachable = [], []
    targets = [p for p in people.values() if p.role in KEY_ROLES]
    targets.sort(key=lambda p: KEY_ROLES.index(p.role))
    names = {n.key: n.name for n in nodes}
    strengths = _strongest(edges)
    found = best_routes(nodes, edges, [("person", p.id) for p in targets])
    for person in targets:
        key = ("person", person.id)
        route = found.get(key)
        if route is None:
            unreachable.append(Gap(person.name, person.role, levels.get(key, 0)))
            continue
        path = route.path
        steps = [RouteStep(names[path[0]], None)]
        steps += [RouteStep(names[b], strengths.get(frozenset((a, b)))) for a, b in zip(path, path[1:], strict=False)]
        decision_routes.append(DecisionRoute(person.name, person.role, tuple(steps), route.score))

    flags: list[RelationshipFlag] = []
    alerts: list[ChampionAlert] = []
    if health is not None and result.health is not None:
        names_by_key = {n.key: n.name for n in nodes}
        flags = _relationship_flags(result.health, [("person", pid) for pid in chosen], names_by_key)
        alerts = [ChampionAlert(risk.name, risk.reasons) for risk in result.health.champions_at_risk]
        alerts += [ChampionAlert(names_by_key.get(person, "?"), ("lone_strong_stale",), names_by_key.get(member))
                   for person, member in result.health.lone_strong_stale]

    return BriefContent(
        account=workspace.account(account_id).name, meeting_date=meeting_date, shareable=shareable,
        attendees=attendees, attendee_keys=[("person", pid) for pid in chosen], talking_points=talking,
        actions=open_actions, coverage_score=None if shareable else result.coverage_score, gaps=gaps,
        single_threaded=result.single_threaded, routes=decision_routes, unreachable=unreachable,
        member_names=member_names, person_names={pid: p.name for pid, p in people.items()},
        relationship_flags=flags, champions_at_risk=alerts,
        effective_coverage_score=None if health is None else result.health.effective_score)


def _relationship_flags(health: AccountHealth, attendees: list, names: dict) -> list[RelationshipFlag]:
    """Per attendee and team member: a claim the last 180 days do not bear out, a history stronger than the
    claim, or a counted relationship faded below the counted level. Attendees in meeting order."""
    order = {key: i for i, key in enumerate(attendees)}
    found = []
    for link in health.links:
        if link.person not in order:
            continue
        if link.declared >= OVERSTATED_DECLARED and link.inferred <= OVERSTATED_INFERRED:
            kind = OVERSTATED
        elif link.declared <= UNDERSTATED_DECLARED and link.inferred >= UNDERSTATED_INFERRED:
            kind = UNDERSTATED
        elif link.declared >= COUNTED_LEVEL > link.effective:
            kind = STALE
        else:
            continue
        found.append((order[link.person], -link.declared, RelationshipFlag(
            names.get(link.person, "?"), names.get(link.member, "?"), kind, link.declared, link.inferred,
            link.effective, link.last_touch_days)))
    found.sort(key=lambda item: item[:2])
    return [flag for *_rank, flag in found]


def _by_priority(needs, attendees_first: set[int] | None = None) -> list[NeedRecord]:
    def rank(need: NeedRecord):
        theirs = attendees_first is not None and need.person_id in attendees_first
        return (PRIORITY_ORDER.get(need.priority, 1), not theirs, need.id)

    return sorted(needs, key=rank)


def _strongest(edges) -> dict[frozenset, int]:
    best: dict[frozenset, int] = {}
    for edge in edges:
        if edge.kind == "rival":
            continue
        pair = frozenset((edge.source, edge.target))
        best[pair] = max(best.get(pair, 0), edge.strength)
    return best
