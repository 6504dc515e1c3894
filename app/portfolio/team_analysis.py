"""Our account team across the portfolio (DESIGN.md "Our account team"), as pure functions over plain rows.

Nothing here reads the database: app.portfolio.team_sql gathers a `TeamInput` in a few queries, and tests
build one by hand. The figures:

- the roles an account fills — each member on its team fills their own `team_role` there, plus any role
  assigned to them on that account; the roles **missing** are those of its tier's template nobody fills;
- a member's **workload** — accounts whose team they are on, people they cover (their `covers` links on those
  maps, any strength), strong relationships (strength ≥ 4), open and overdue actions they own, interactions
  they took part in during the last 90 days, and the hand-offs they owe others or wait for;
- the **what-if** of a member leaving — the accounts whose relationships of level ≥ 3 would then all come from
  one member (single-threaded) or from nobody (uncovered).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

COUNTED_LEVEL = 3  # a relationship counts as coverage from "working" upwards (app.analysis.model)
STRONG_LEVEL = 4  # "trusted" and "advocate"
RECENT_DAYS = 90


@dataclass(frozen=True)
class MemberInfo:
    member_id: int
    name: str
    team_role: str | None = None
    archived: bool = False


@dataclass(frozen=True)
class AccountInfo:
    account_id: int
    name: str
    tier: str | None = None


@dataclass(frozen=True)
class CoverRow:
    """A `covers` link on an account's map: its member is on the account's team, its person has not left."""

    account_id: int
    member_id: int
    person_id: int
    strength: int


@dataclass(frozen=True)
class ActionRow:
    action_id: int
    account_id: int
    title: str
    owner_id: int | None  # who does it
    requester_id: int | None  # who asked for it; another member than the owner makes it a hand-off
    status: str
    due_date: dt.date | None = None


@dataclass
class TeamInput:
    members: dict[int, MemberInfo]
    accounts: dict[int, AccountInfo]
    team: list[tuple[int, int]]  # (account_id, member_id)
    templates: dict[str, tuple[str, ...]]  # tier -> expected roles, in the template's order
    extra_roles: list[tuple[int, int, str]] = field(default_factory=list)  # (account_id, member_id, role)
    covers: list[CoverRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    participations: list[tuple[int, dt.date]] = field(default_factory=list)  # (member_id, interaction's date)
    competency: dict[int, dict[str, int]] = field(default_factory=dict)  # member -> criterion key -> rating


@dataclass(frozen=True)
class AccountTeamStatus:
    account_id: int
    expected: tuple[str, ...]  # the roles of the tier's template (none without a tier)
    filled: dict[str, tuple[int, ...]]  # role -> the members who fill it (any role, expected or not)
    missing: tuple[str, ...]  # expected roles nobody fills, in the template's order


@dataclass(frozen=True)
class HandOff:
    action_id: int
    account_id: int
    title: str
    other_id: int  # the requester of what a member owes, the owner of what they wait for
    due_date: dt.date | None
    overdue: bool


@dataclass(frozen=True)
class MemberLoad:
    member_id: int
    name: str
    team_role: str | None
    accounts: tuple[int, ...]  # ids of the accounts whose team they are on
    people_covered: int
    strong_relationships: int
    open_actions: int  # overdue ones included
    overdue_actions: int
    recent_interactions: int  # in the last RECENT_DAYS days, today included
    owes: tuple[HandOff, ...] = ()
    waits_for: tuple[HandOff, ...] = ()
    roles: tuple[str, ...] = ()  # every role they fill on any account, team_role first


@dataclass(frozen=True)
class WhatIf:
    """What leaving would do: the accounts that would be single-threaded or uncovered without the member."""

    member_id: int
    single_threaded: tuple[int, ...]  # had two or more members with level ≥ 3, one would be left
    uncovered: tuple[int, ...]  # the member was the only one with level ≥ 3 there

    @property
    def accounts_hurt(self) -> int:
        return len(self.single_threaded) + len(self.uncovered)


def team_status(data: TeamInput) -> dict[int, AccountTeamStatus]:
    """Every account's expected, filled and missing roles."""
    filled: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    on_team = set(data.team)
    for account_id, member_id in sorted(on_team):
        member = data.members.get(member_id)
        if member is not None and member.team_role:
            filled[account_id][member.team_role].append(member_id)
    for account_id, member_id, role in sorted(set(data.extra_roles)):
        # A role assigned on an account counts while its member is on that account's team.
        if (account_id, member_id) in on_team and member_id not in filled[account_id][role]:
            filled[account_id][role].append(member_id)
    result = {}
    for account_id, account in data.accounts.items():
        expected = tuple(data.templates.get(account.tier, ())) if account.tier else ()
        roles = {role: tuple(ids) for role, ids in filled.get(account_id, {}).items() if ids}
        result[account_id] = AccountTeamStatus(account_id, expected, roles,
                                               tuple(role for role in expected if role not in roles))
    return result


def missing_roles(data: TeamInput) -> dict[int, tuple[str, ...]]:
    """account_id -> the roles of its tier's template nobody on its team fills."""
    return {account_id: status.missing for account_id, status in team_status(data).items()}


def workload(data: TeamInput, today: dt.date) -> list[MemberLoad]:
    """Every member's figures, ordered by name (archived members included: their load still needs a home)."""
    accounts: dict[int, set[int]] = defaultdict(set)
    for account_id, member_id in data.team:
        accounts[member_id].add(account_id)
    covered: dict[int, set[tuple[int, int]]] = defaultdict(set)
    strong: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for row in data.covers:
        covered[row.member_id].add((row.account_id, row.person_id))
        if row.strength >= STRONG_LEVEL:
            strong[row.member_id].add((row.account_id, row.person_id))
    open_counts: dict[int, int] = defaultdict(int)
    overdue_counts: dict[int, int] = defaultdict(int)
    owes: dict[int, list[HandOff]] = defaultdict(list)
    waits: dict[int, list[HandOff]] = defaultdict(list)
    for action in data.actions:
        if action.status != "open":
            continue
        overdue = action.due_date is not None and action.due_date < today
        if action.owner_id is not None:
            open_counts[action.owner_id] += 1
            overdue_counts[action.owner_id] += overdue
        if is_hand_off(action):
            owes[action.owner_id].append(HandOff(action.action_id, action.account_id, action.title,
                                                 action.requester_id, action.due_date, overdue))
            waits[action.requester_id].append(HandOff(action.action_id, action.account_id, action.title,
                                                      action.owner_id, action.due_date, overdue))
    since = today - dt.timedelta(days=RECENT_DAYS - 1)
    recent: dict[int, int] = defaultdict(int)
    for member_id, day in data.participations:
        if since <= day <= today:
            recent[member_id] += 1
    roles = _roles_per_member(data)
    loads = []
    for member in sorted(data.members.values(), key=lambda m: (m.name, m.member_id)):
        mid = member.member_id
        loads.append(MemberLoad(
            member_id=mid, name=member.name, team_role=member.team_role,
            accounts=tuple(sorted(accounts.get(mid, ()))),
            people_covered=len(covered.get(mid, ())),
            strong_relationships=len(strong.get(mid, ())),
            open_actions=open_counts.get(mid, 0), overdue_actions=overdue_counts.get(mid, 0),
            recent_interactions=recent.get(mid, 0),
            owes=tuple(sorted(owes.get(mid, ()), key=_hand_off_order)),
            waits_for=tuple(sorted(waits.get(mid, ()), key=_hand_off_order)),
            roles=roles.get(mid, ()),
        ))
    return loads


def is_hand_off(action: ActionRow) -> bool:
    return (action.owner_id is not None and action.requester_id is not None
            and action.owner_id != action.requester_id)


def what_if(data: TeamInput, member_id: int) -> WhatIf:
    """The accounts that losing `member_id` would leave single-threaded or without any relationship of level ≥ 3."""
    holders = strong_holders(data.covers)
    single, uncovered = [], []
    for account_id, members in sorted(holders.items()):
        if member_id not in members:
            continue
        if len(members) == 1:
            uncovered.append(account_id)
        elif len(members) == 2:
            single.append(account_id)
    return WhatIf(member_id, tuple(single), tuple(uncovered))


def what_ifs(data: TeamInput) -> dict[int, WhatIf]:
    """The what-if of every member, computed in one pass over the links."""
    holders = strong_holders(data.covers)
    single: dict[int, list[int]] = defaultdict(list)
    uncovered: dict[int, list[int]] = defaultdict(list)
    for account_id, members in sorted(holders.items()):
        if len(members) == 1:
            uncovered[next(iter(members))].append(account_id)
        elif len(members) == 2:
            for member_id in members:
                single[member_id].append(account_id)
    return {mid: WhatIf(mid, tuple(single.get(mid, ())), tuple(uncovered.get(mid, ()))) for mid in data.members}


def strong_holders(covers: Iterable[CoverRow]) -> dict[int, set[int]]:
    """account_id -> the members holding a relationship of level ≥ 3 there."""
    holders: dict[int, set[int]] = defaultdict(set)
    for row in covers:
        if row.strength >= COUNTED_LEVEL:
            holders[row.account_id].add(row.member_id)
    return dict(holders)


@dataclass(frozen=True)
class FitRow:
    criterion: str
    needed: int  # the level the account needs, 1–5
    best: int  # the strongest rating among the account's team (0 when nobody is rated)
    best_members: tuple[int, ...]  # who holds that rating

    @property
    def gap(self) -> int:
        return max(0, self.needed - self.best)


def fit(needs: dict[str, int], team: Iterable[int], competency: dict[int, dict[str, int]]) -> list[FitRow]:
    """The account's needs against its team's strongest ratings, in the order of `needs`."""
    members = sorted(set(team))
    rows = []
    for criterion, needed in needs.items():
        ratings = {mid: competency.get(mid, {}).get(criterion, 0) for mid in members}
        best = max(ratings.values(), default=0)
        rows.append(FitRow(criterion, needed, best,
                           tuple(mid for mid, r in ratings.items() if r == best and best > 0)))
    return rows


def _roles_per_member(data: TeamInput) -> dict[int, tuple[str, ...]]:
    roles: dict[int, list[str]] = defaultdict(list)
    for member in data.members.values():
        if member.team_role:
            roles[member.member_id].append(member.team_role)
    on_team = set(data.team)
    for account_id, member_id, role in sorted(set(data.extra_roles), key=lambda r: (r[1], r[2], r[0])):
        if (account_id, member_id) in on_team and role not in roles[member_id]:
            roles[member_id].append(role)
    return {mid: tuple(r) for mid, r in roles.items()}


def _hand_off_order(hand_off: HandOff) -> tuple:
    return (hand_off.due_date is None, hand_off.due_date or dt.date.min, hand_off.action_id)
