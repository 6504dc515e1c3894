"""The rows app.portfolio.team_analysis works on, read from the database in a few queries over all accounts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from app.models.entities import (
    Account,
    AccountTeam,
    Action,
    Interaction,
    InteractionParticipant,
    Link,
    Person,
    TeamMember,
)
from app.models.repositories import account_team as repo
from app.models.team_entities import AccountTeamRole
from app.portfolio.team_analysis import (
    RECENT_DAYS,
    AccountInfo,
    AccountTeamStatus,
    ActionRow,
    CoverRow,
    MemberInfo,
    MemberLoad,
    TeamInput,
    WhatIf,
    missing_roles,
    team_status,
    what_ifs,
    workload,
)


def team_input(session: Session, today: dt.date | None = None) -> TeamInput:
    """Everything the team figures need: members, accounts, teams, roles, covers links on the maps, open
    actions, the interactions of the last RECENT_DAYS days, and competency ratings keyed as `criterion_key`."""
    today = today or dt.date.today()
    members = {mid: MemberInfo(mid, name, role, bool(archived)) for mid, name, role, archived in session.execute(
        select(TeamMember.id, TeamMember.name, TeamMember.team_role, TeamMember.archived))}
    accounts = {aid: AccountInfo(aid, name, tier) for aid, name, tier in session.execute(
        select(Account.id, Account.name, Account.tier))}
    team = [tuple(row) for row in session.execute(select(AccountTeam.account_id, AccountTeam.member_id))]
    extra = [tuple(row) for row in session.execute(
        select(AccountTeamRole.account_id, AccountTeamRole.member_id, AccountTeamRole.role))]
    # A covers link counts on its account's map only: its member on the team, its person there and not gone.
    covers = [CoverRow(*row) for row in session.execute(
        select(Link.account_id, Link.source_member_id, Link.target_person_id, Link.strength)
        .join(AccountTeam, and_(AccountTeam.account_id == Link.account_id,
                                AccountTeam.member_id == Link.source_member_id))
        .join(Person, and_(Person.id == Link.target_person_id, Person.account_id == Link.account_id))
        .where(Link.kind == "covers", Person.archived.is_(False)))]
    actions = [ActionRow(*row) for row in session.execute(
        select(Action.id, Action.account_id, Action.title, Action.owner_id, Action.requester_id, Action.status,
               Action.due_date).where(Action.status == "open"))]
    since = dt.datetime.combine(today - dt.timedelta(days=RECENT_DAYS - 1), dt.time())
    until = dt.datetime.combine(today + dt.timedelta(days=1), dt.time())
    participations = [(member_id, when.date()) for member_id, when in session.execute(
        select(InteractionParticipant.member_id, Interaction.occurred_at)
        .join(Interaction, Interaction.id == InteractionParticipant.interaction_id)
        .where(InteractionParticipant.member_id.is_not(None), Interaction.occurred_at >= since,
               Interaction.occurred_at < until))]
    keys = {c.id: repo.criterion_key(c) for c in repo.competency_criteria(session)}
    competency = {mid: {keys[cid]: rating for cid, rating in ratings.items() if cid in keys}
                  for mid, ratings in repo.all_competency(session).items()}
    return TeamInput(members=members, accounts=accounts, team=team, templates=repo.templates(session),
                     extra_roles=extra, covers=covers, actions=actions, participations=participations,
                     competency=competency)


def roles_missing(session: Session) -> dict[int, tuple[str, ...]]:
    """account_id -> the roles of its tier's template nobody on its team fills (the dashboard's light read)."""
    members: dict[int, MemberInfo] = {}
    accounts: dict[int, AccountInfo] = {}
    team = []
    for account_id, tier, member_id, role in session.execute(
            select(Account.id, Account.tier, AccountTeam.member_id, TeamMember.team_role)
            .outerjoin(AccountTeam, AccountTeam.account_id == Account.id)
            .outerjoin(TeamMember, TeamMember.id == AccountTeam.member_id)):
        accounts.setdefault(account_id, AccountInfo(account_id, "", tier))
        if member_id is not None:
            members.setdefault(member_id, MemberInfo(member_id, "", role))
            team.append((account_id, member_id))
    data = TeamInput(
        members=members, accounts=accounts, team=team, templates=repo.templates(session),
        extra_roles=[tuple(row) for row in session.execute(
            select(AccountTeamRole.account_id, AccountTeamRole.member_id, AccountTeamRole.role))])
    return missing_roles(data)


def members_json(session: Session, today: dt.date | None = None) -> dict:
    """The object that `stakemap members --json` prints (DESIGN.md "Our account team")."""
    data = team_input(session, today)
    keys = [repo.criterion_key(c) for c in repo.competency_criteria(session)]
    return {"members": [
        {"name": load.name, "team_role": load.team_role, "accounts": len(load.accounts),
         "people_covered": load.people_covered, "strong_relationships": load.strong_relationships,
         "open_actions": load.open_actions, "overdue_actions": load.overdue_actions,
         "competency": {key: data.competency[load.member_id][key] for key in keys
                        if key in data.competency.get(load.member_id, {})}}
        for load in workload(data, today or dt.date.today())]}


def account_team_input(session: Session, account_id: int) -> TeamInput:
    """The rows of one account's team roles: enough for team_status of that account."""
    account = session.get(Account, account_id)
    accounts = {account_id: AccountInfo(account_id, account.name if account else "", account.tier if account else None)}
    members, team = {}, []
    for member_id, name, role, archived in session.execute(
            select(TeamMember.id, TeamMember.name, TeamMember.team_role, TeamMember.archived)
            .join(AccountTeam, AccountTeam.member_id == TeamMember.id).where(AccountTeam.account_id == account_id)):
        members[member_id] = MemberInfo(member_id, name, role, bool(archived))
        team.append((account_id, member_id))
    extra = [(account_id, member_id, role) for member_id, roles in repo.account_roles(session, account_id).items()
             for role in roles]
    return TeamInput(members=members, accounts=accounts, team=team, templates=repo.templates(session),
                     extra_roles=extra)


@dataclass(frozen=True)
class TeamData:
    """What the team view shows, read at once in a worker."""

    input: TeamInput
    loads: list[MemberLoad]
    what_ifs: dict[int, WhatIf]
    status: dict[int, AccountTeamStatus]
    today: dt.date


def read_team(session: Session, today: dt.date | None = None) -> TeamData:
    today = today or dt.date.today()
    data = team_input(session, today)
    return TeamData(data, workload(data, today), what_ifs(data), team_status(data), today)
