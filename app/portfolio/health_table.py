"""Relationship health of every key account at once (DESIGN.md "Relationship health"), for the dashboard.

The same measures as `stakemap analyze` gives for one account, from a handful of queries over the whole
database: each account's people, team, covers links, interactions, survey answers and latest snapshot are read
in bulk, and app.analysis.health runs on each account's plain records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.analysis.graph import PreparedMap
from app.analysis.health import Answer, HealthInput, Touch, relationship_health
from app.analysis.model import Node
from app.models.entities import (
    AccountTeam,
    Interaction,
    InteractionParticipant,
    Link,
    Person,
    Snapshot,
    SurveyAnswer,
)


@dataclass(frozen=True)
class HealthRow:
    effective_score: float
    stale: tuple[str, ...]  # names, in the map's order
    nps: float | None
    champions_at_risk: tuple[str, ...]  # names (people who left included)


def portfolio_health(session: Session, today: dt.date | None = None) -> dict[int, HealthRow]:
    """account_id -> its relationship health as of `today` (every account that has people)."""
    today = today or dt.date.today()
    person, team, link = Person.__table__.c, AccountTeam.__table__.c, Link.__table__.c
    interaction, answer = Interaction.__table__.c, SurveyAnswer.__table__.c
    participant = InteractionParticipant.__table__.c
    maps: dict[int, PreparedMap] = {}
    departed: dict[int, list[Node]] = {}

    def map_of(aid: int) -> PreparedMap:
        prep = maps.get(aid)
        if prep is None:
            prep = maps[aid] = PreparedMap()
        return prep

    # The file's constraints already hold every value in range, so the maps are built directly, as
    # app.analysis.graph.prepare would build them from valid records.
    for pid, aid, name, role, stance, influence, archived in session.execute(
            select(person.id, person.account_id, person.name, person.role, person.stance, person.influence,
                   person.archived).order_by(person.id)).all():
        node = Node(("person", pid), name, role, stance, influence)
        if archived:
            departed.setdefault(aid, []).append(node)
            continue
        prep = map_of(aid)
        prep.by_key[node.key] = node
        prep.clients.append(node)
        prep.declared[node.key] = influence
    for aid, mid in session.execute(select(team.account_id, team.member_id).order_by(team.member_id)).all():
        node = Node(("member", mid), "")
        prep = map_of(aid)
        prep.by_key[node.key] = node
        prep.members.append(node)
    for aid, mid, pid, strength in session.execute(
            select(link.account_id, link.source_member_id, link.target_person_id, link.strength)
            .where(link.kind == "covers")).all():
        prep = maps.get(aid)
        if prep is None or ("person", pid) not in prep.by_key or ("member", mid) not in prep.by_key:
            continue  # a covers link to someone who left, or from someone no longer on the team
        levels = prep.covers.setdefault(("person", pid), {})
        levels[("member", mid)] = max(levels.get(("member", mid), 0), strength)
    # One row per participant, in one query: interactions without participants touch nobody anyway.
    shared: dict[int, tuple[int, dt.datetime, str, set]] = {}
    for iid, aid, when, channel, pid, mid in session.execute(
            select(interaction.id, interaction.account_id, interaction.occurred_at, interaction.channel,
                   participant.person_id, participant.member_id)
            .join(InteractionParticipant.__table__, participant.interaction_id == interaction.id)).all():
        entry = shared.get(iid)
        if entry is None:
            entry = shared[iid] = (aid, when, channel, set())
        entry[3].add(("person", pid) if pid is not None else ("member", mid))
    touches: dict[int, list[Touch]] = {}
    for aid, when, channel, keys in shared.values():
        touches.setdefault(aid, []).append(Touch(when.date(), channel, frozenset(keys)))
    answers: dict[int, list[Answer]] = {}
    for aid, pid, day, recommend in session.execute(
            select(answer.account_id, answer.person_id, answer.answered_on, answer.recommend)
            .order_by(answer.answered_on, answer.id)).all():
        answers.setdefault(aid, []).append(Answer(("person", pid), day, recommend))
    stances = _latest_snapshot_stances(session)

    rows = {}
    for aid, prep in maps.items():
        if not prep.clients:
            continue
        levels = {key: max(by_member.values()) for key, by_member in prep.covers.items()}
        health = relationship_health(prep, levels, HealthInput(
            today=today, interactions=tuple(touches.get(aid, ())), answers=tuple(answers.get(aid, ())),
            snapshot_stances=stances.get(aid, {}), departed=tuple(departed.get(aid, ()))))
        rows[aid] = HealthRow(
            effective_score=health.effective_score, stale=tuple(prep.by_key[key].name for key in health.stale),
            nps=health.nps, champions_at_risk=tuple(risk.name for risk in health.champions_at_risk))
    return rows


def with_health(rows: list, health: dict[int, HealthRow]) -> list:
    """The dashboard's account rows with their relationship health filled in (accounts without people: 0 %)."""
    from dataclasses import replace

    empty = HealthRow(0.0, (), None, ())
    return [replace(row, effective_score=h.effective_score, stale=h.stale, nps=h.nps,
                    champions_at_risk=h.champions_at_risk)
            for row in rows for h in (health.get(row.account_id, empty),)]


def _latest_snapshot_stances(session: Session) -> dict[int, dict]:
    latest = (select(Snapshot.account_id, func.max(Snapshot.taken_at).label("taken_at"))
              .group_by(Snapshot.account_id).subquery())
    stmt = (select(Snapshot.account_id, Snapshot.id, Snapshot.data)
            .join(latest, (latest.c.account_id == Snapshot.account_id) & (latest.c.taken_at == Snapshot.taken_at))
            .order_by(Snapshot.id))
    found: dict[int, dict] = {}
    for aid, _sid, data in session.execute(stmt):  # of two taken at one moment, the later id wins
        found[aid] = {("person", p["id"]): p["stance"] for p in (data or {}).get("people", [])
                      if isinstance(p, dict) and isinstance(p.get("id"), int) and isinstance(p.get("stance"), str)}
    return found
