"""Relationship health (DESIGN.md "Relationship health"): how fresh and how real our relationships are.

Pure Python over plain records, like the rest of the analysis: the interaction history, the survey answers,
each person's contact cadence and the stances of the latest snapshot come in as a `HealthInput`; the
declared `covers` levels come from the prepared map.

Choices the definitions leave open, made once here:
- interactions dated after `today` have not happened yet and count for nothing;
- "the last 180 days" of the inferred level includes an interaction exactly 180 days old;
- a team member on the map who shares interactions with a person but has no `covers` link to them has a
  declared level of 0, so a strong history without any declared link is `understated_relationship`;
- a person's latest survey answer is the one with the latest date, and of answers on one date the last given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.analysis.graph import PreparedMap
from app.analysis.model import COUNTED_LEVEL, KEY_ROLES, PERSON, STANCE_VALUES, Key, Node

DECAY_DAYS = 60  # a relationship loses one level for every 60 days without a touch
INFERRED_WINDOW_DAYS = 180
CHANNEL_WEIGHTS = {"meeting": 3.0, "visit": 3.0, "dinner": 3.0, "demo": 2.0, "event": 2.0, "call": 1.5,
                   "email": 1.0}
MAX_LEVEL = 5
OVERSTATED_DECLARED, OVERSTATED_INFERRED = 4, 2  # declared ≥ 4 while the history shows ≤ 2
UNDERSTATED_DECLARED, UNDERSTATED_INFERRED = 2, 4  # declared ≤ 2 while the history shows ≥ 4
STRONG_LEVEL = 4
PROMOTER_FROM, DETRACTOR_UP_TO = 9, 6
CHAMPION_ROLE, CHAMPION_STANCE = "coach", "advocate"

# How often each buying role should hear from us, in days, unless the person carries a cadence of their own.
# Only the roles a deal cannot do without: users, influencers, gatekeepers and procurement are met as the work
# needs, and a cadence for everyone would bury the few that matter in a long overdue list.
DEFAULT_CADENCE_DAYS: dict[str, int] = {
    "economic_buyer": 30,
    "decision_maker": 30,
    "coach": 30,
    "technical_buyer": 45,
    "approver": 60,
}

# Flags the health analysis adds to a person's flags in `analyze --json`.
STALE = "stale"
OVERSTATED = "overstated_relationship"
UNDERSTATED = "understated_relationship"
CADENCE_OVERDUE = "cadence_overdue"
CHAMPION_AT_RISK = "champion_at_risk"
# Why a champion is at risk.
LEFT, TURNED = "left", "turned"


@dataclass(frozen=True)
class Touch:
    """An interaction as relationship health reads it: its local date, channel and who took part."""

    date: dt.date
    channel: str
    participants: frozenset[Key]


@dataclass(frozen=True)
class Answer:
    """One survey answer (客户满意度): a 0–10 recommend score, an optional 1–5 satisfaction score."""

    person: Key
    date: dt.date
    recommend: int
    satisfaction: int | None = None
    comment: str | None = None


@dataclass(frozen=True)
class HealthInput:
    today: dt.date | None = None  # None: the local date when the analysis runs
    interactions: tuple[Touch, ...] = ()
    answers: tuple[Answer, ...] = ()  # in the order they were given
    cadence: Mapping[Key, int] = field(default_factory=dict)  # resolved cadences (see `cadence_for`)
    snapshot_stances: Mapping[Key, str] = field(default_factory=dict)  # stances at the latest snapshot
    departed: tuple[Node, ...] = ()  # people who left the account (archived), with role and stance


@dataclass(slots=True)
class LinkHealth:
    """One team member's relationship with one person."""

    member: Key
    person: Key
    declared: int  # strongest covers level, 0 without a covers link
    last_touch_days: int | None  # None: never touched
    effective: int
    inferred: int
    recent_touches: int = 0  # interactions of the inferred level's window in which both took part


@dataclass
class PersonHealth:
    last_contact_days: int | None
    effective_coverage_level: int
    inferred_level: int  # the strongest over team members
    satisfaction: int | None  # latest recommend score
    trend: int | None  # change of the recommend score between the last two answers
    cadence_days: int | None
    flags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ChampionRisk:
    key: Key
    name: str
    reasons: tuple[str, ...]  # "left", "turned", "stale"


@dataclass
class AccountHealth:
    people: dict[Key, PersonHealth]  # every client person on the map
    links: list[LinkHealth]  # every declared relationship, and undeclared ones the history shows as strong
    effective_score: float
    stale: list[Key]
    nps: float | None
    nps_weighted: float | None
    champions_at_risk: list[ChampionRisk]
    # Decision-makers (and economic buyers) whose one strong relationship (level ≥ 4) has gone stale.
    lone_strong_stale: list[tuple[Key, Key]]  # (person, member)


def cadence_for(own_days: int | None, role: str | None,
                defaults: Mapping[str, int] | None = None) -> int | None:
    """A person's own cadence, else the default of their buying role, else none."""
    if own_days is not None:
        return own_days
    return (DEFAULT_CADENCE_DAYS if defaults is None else defaults).get(role or "")


def decayed_level(level: int, days: int | None) -> int:
    """`max(0, level − floor(days / 60))`; a relationship never touched counts `level − 1`."""
    if days is None:
        return max(0, level - 1)
    return max(0, level - max(0, days) // DECAY_DAYS)


def level_from_weight(weight: float) -> int:
    """`0` with no weight, else `min(5, 1 + floor(log2(1 + weight)))`, with the logarithm's floor in integers."""
    if weight <= 0:
        return 0
    value, power = 1 + weight, 0
    while 2 ** (power + 1) <= value:
        power += 1
    return min(MAX_LEVEL, 1 + power)


def nps(scores: Iterable[int], weights: Iterable[float] | None = None) -> float | None:
    """% promoters (9–10) − % detractors (0–6), −100…100; None without scores."""
    scores = list(scores)
    weights = [1.0] * len(scores) if weights is None else list(weights)
    total = sum(weights)
    if not scores or total <= 0:
        return None
    promoters = sum(w for s, w in zip(scores, weights, strict=True) if s >= PROMOTER_FROM)
    detractors = sum(w for s, w in zip(scores, weights, strict=True) if s <= DETRACTOR_UP_TO)
    return 100.0 * (promoters - detractors) / total


def latest_answers(answers: Iterable[Answer]) -> dict[Key, list[Answer]]:
    """Each person's answers, oldest first (answers of one date in the order given)."""
    by_person: dict[Key, list[Answer]] = {}
    for answer in answers:
        by_person.setdefault(answer.person, []).append(answer)
    for history in by_person.values():
        history.sort(key=lambda a: a.date)  # stable: one date keeps the order given
    return by_person


def nps_over_time(answers: Iterable[Answer], weights: Mapping[Key, float] | None = None
                  ) -> list[tuple[dt.date, float, float]]:
    """The account NPS after each answer date: (date, plain NPS, influence-weighted NPS)."""
    ordered = sorted(answers, key=lambda a: a.date)
    latest: dict[Key, int] = {}
    series = []
    for i, answer in enumerate(ordered):
        latest[answer.person] = answer.recommend
        if i + 1 < len(ordered) and ordered[i + 1].date == answer.date:
            continue
        keys = list(latest)
        plain = nps(latest[k] for k in keys)
        weighted = nps((latest[k] for k in keys), (1.0 if weights is None else weights.get(k, 1.0) for k in keys))
        series.append((answer.date, plain, weighted))
    return series


def relationship_health(prep: PreparedMap, levels: Mapping[Key, int], health: HealthInput) -> AccountHealth:
    """Every measure of DESIGN.md "Relationship health" on a prepared map whose coverage `levels` are known."""
    today = health.today or dt.date.today()
    clients = {node.key for node in prep.clients}
    members = {node.key for node in prep.members}
    last_contact: dict[Key, int] = {}  # person -> days since their latest interaction
    last_touch: dict[tuple[Key, Key], int] = {}  # (member, person) -> days since their latest shared one
    weight: dict[tuple[Key, Key], float] = {}  # (member, person) -> channel weight within the window
    count: dict[tuple[Key, Key], int] = {}  # (member, person) -> interactions within the window
    day = today.toordinal()
    # Newest first, so the first interaction that reaches a person or a pair is its latest.
    for touch in sorted(health.interactions, key=_date, reverse=True):
        days = day - touch.date.toordinal()
        if days < 0:
            continue
        participants = touch.participants
        people = clients.intersection(participants)
        if not people:
            continue
        ours = members.intersection(participants)
        recent = days <= INFERRED_WINDOW_DAYS
        channel_weight = CHANNEL_WEIGHTS.get(touch.channel, 0.0)
        for person in people:
            last_contact.setdefault(person, days)
            for member in ours:
                pair = (member, person)
                last_touch.setdefault(pair, days)
                if recent:
                    weight[pair] = weight.get(pair, 0.0) + channel_weight
                    count[pair] = count.get(pair, 0) + 1

    links = []
    effective: dict[Key, int] = {}
    inferred: dict[Key, int] = {}
    overstated: set[Key] = set()
    understated: set[Key] = set()
    inferred_of: dict[float, int] = {}  # weights repeat (they are sums of a few channel weights)
    for person, by_member in prep.covers.items():
        for member, declared in by_member.items():
            pair = (member, person)
            days = last_touch.get(pair)
            eff = decayed_level(declared, days)
            w = weight.pop(pair, 0.0)  # what is left afterwards: shared history without a declared link
            inf = inferred_of.get(w)
            if inf is None:
                inf = inferred_of[w] = level_from_weight(w)
            links.append(LinkHealth(member, person, declared, days, eff, inf, count.get(pair, 0)))
            if eff > effective.get(person, 0):
                effective[person] = eff
            if inf > inferred.get(person, 0):
                inferred[person] = inf
            if declared >= OVERSTATED_DECLARED and inf <= OVERSTATED_INFERRED:
                overstated.add(person)
            if declared <= UNDERSTATED_DECLARED and inf >= UNDERSTATED_INFERRED:
                understated.add(person)
    # Declared 0: only the strength of the evidence matters, and only a strong one is worth a record.
    for pair, w in weight.items():
        inf = inferred_of.get(w)
        if inf is None:
            inf = inferred_of[w] = level_from_weight(w)
        member, person = pair
        if inf > inferred.get(person, 0):
            inferred[person] = inf
        if inf >= UNDERSTATED_INFERRED:
            understated.add(person)
            links.append(LinkHealth(member, person, 0, last_touch.get(pair), 0, inf, count.get(pair, 0)))

    total = sum(prep.weight(node.key) for node in prep.clients)
    covered = sum(prep.weight(node.key) for node in prep.clients
                  if effective.get(node.key, 0) >= COUNTED_LEVEL)
    stale = [node.key for node in prep.clients
             if levels.get(node.key, 0) >= COUNTED_LEVEL and effective.get(node.key, 0) < COUNTED_LEVEL]
    stale_set = set(stale)

    history = latest_answers(a for a in health.answers if a.person in clients)
    latest = {key: answers[-1].recommend for key, answers in history.items()}
    keys = [node.key for node in prep.clients if node.key in latest]
    account_nps = nps(latest[k] for k in keys)
    weighted_nps = nps((latest[k] for k in keys), (prep.weight(k) for k in keys))

    risks = _champions_at_risk(prep, health, stale_set)
    at_risk = {risk.key for risk in risks}

    people = {}
    for node in prep.clients:
        key = node.key
        days = last_contact.get(key)
        cadence = health.cadence.get(key)
        answers = history.get(key, [])
        flags = []
        if key in stale_set:
            flags.append(STALE)
        if key in overstated:
            flags.append(OVERSTATED)
        if key in understated:
            flags.append(UNDERSTATED)
        if cadence is not None and (days is None or days > cadence):
            flags.append(CADENCE_OVERDUE)
        if key in at_risk:
            flags.append(CHAMPION_AT_RISK)
        people[key] = PersonHealth(
            last_contact_days=days, effective_coverage_level=effective.get(key, 0),
            inferred_level=inferred.get(key, 0), satisfaction=answers[-1].recommend if answers else None,
            trend=answers[-1].recommend - answers[-2].recommend if len(answers) >= 2 else None,
            cadence_days=cadence, flags=flags)

    lone = []
    by_link = {(link.member, link.person): link for link in links}
    for node in prep.clients:
        if node.role not in KEY_ROLES:
            continue
        strong = [m for m, level in prep.covers.get(node.key, {}).items() if level >= STRONG_LEVEL]
        if len(strong) == 1 and by_link[(strong[0], node.key)].effective < COUNTED_LEVEL:
            lone.append((node.key, strong[0]))

    return AccountHealth(people=people, links=links, effective_score=covered / total if total else 0.0,
                         stale=stale, nps=account_nps, nps_weighted=weighted_nps, champions_at_risk=risks,
                         lone_strong_stale=lone)


def overdue_contacts(cadence: Mapping[Key, int], interactions: Iterable[Touch], today: dt.date
                     ) -> list[tuple[Key, int, int | None]]:
    """(person, cadence days, days since their last contact or None) of each person whose cadence is overdue —
    `last_contact_days` above the cadence, or no contact at all — the longest overdue first (never contacted
    before everyone; ties in the order of `cadence`). The measure `relationship_health` flags as
    `cadence_overdue`, without the rest of the analysis, so a list beside the next actions stays cheap."""
    day = today.toordinal()
    last: dict[Key, int] = {}
    for touch in interactions:
        days = day - touch.date.toordinal()
        if days < 0:
            continue
        for key in touch.participants:
            if key in cadence and (key not in last or days < last[key]):
                last[key] = days
    late = []
    for position, (key, every) in enumerate(cadence.items()):
        days = last.get(key)
        if days is None or days > every:
            late.append(((0, 0, position) if days is None else (1, every - days, position), (key, every, days)))
    late.sort(key=lambda item: item[0])
    return [entry for _rank, entry in late]


def _date(touch: Touch) -> dt.date:
    return touch.date


def _is_champion(role: str | None, stance: str | None, was: str | None) -> bool:
    return role == CHAMPION_ROLE or stance == CHAMPION_STANCE or was == CHAMPION_STANCE


def _champions_at_risk(prep: PreparedMap, health: HealthInput, stale: set[Key]) -> list[ChampionRisk]:
    """Coaches and advocates who left, whose stance fell since the latest snapshot, or who went stale."""
    risks = []
    for node in prep.clients:
        was = health.snapshot_stances.get(node.key)
        if not _is_champion(node.role, node.stance, was):
            continue
        reasons = []
        now_value, was_value = STANCE_VALUES.get(node.stance or ""), STANCE_VALUES.get(was or "")
        if now_value is not None and was_value is not None and now_value < was_value:
            reasons.append(TURNED)
        if node.key in stale:
            reasons.append(STALE)
        if reasons:
            risks.append(ChampionRisk(node.key, node.name, tuple(reasons)))
    on_map = set(prep.by_key)
    for node in health.departed:
        if node.key[0] == PERSON and node.key not in on_map and _is_champion(
                node.role, node.stance, health.snapshot_stances.get(node.key)):
            risks.append(ChampionRisk(node.key, node.name, (LEFT,)))
    return risks


__all__ = [
    "Answer", "AccountHealth", "ChampionRisk", "HealthInput", "LinkHealth", "PersonHealth", "Touch",
    "cadence_for", "decayed_level", "level_from_weight", "nps", "nps_over_time", "overdue_contacts",
    "relationship_health",
]
