"""Our account team's data: tier templates, roles filled per account, competency profiles and account needs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.models import enums
from app.models.entities import AccountTeam
from app.models.repositories.common import InvalidInput, clean_text, update_fields
from app.models.team_entities import (
    AccountCompetencyNeed,
    AccountTeamRole,
    CompetencyCriterion,
    CompetencyRating,
    TeamTemplateRole,
)


def _check_roles(roles) -> tuple[str, ...]:
    roles = tuple(dict.fromkeys(roles))  # once each, in the order given
    unknown = [role for role in roles if role not in enums.TEAM_ROLES]
    if unknown:
        raise InvalidInput(f"Unknown team role: {unknown[0]}")
    return roles


# -- team templates per tier --------------------------------------------------------------------
def templates(session: Session) -> dict[str, tuple[str, ...]]:
    """tier -> the roles its accounts should have, in order; every tier present (possibly empty)."""
    found: dict[str, list[str]] = {tier: [] for tier in enums.TIERS}
    stmt = select(TeamTemplateRole.tier, TeamTemplateRole.role).order_by(
        TeamTemplateRole.tier, TeamTemplateRole.position, TeamTemplateRole.role)
    for tier, role in session.execute(stmt):
        found.setdefault(tier, []).append(role)
    return {tier: tuple(roles) for tier, roles in found.items()}


def set_template(session: Session, tier: str, roles) -> tuple[str, ...]:
    """Make ``roles`` the template of ``tier``; returns the previous one."""
    if tier not in enums.TIERS:
        raise InvalidInput(f"Unknown tier: {tier}")
    roles = _check_roles(roles)
    old = templates(session)[tier]
    session.execute(delete(TeamTemplateRole).where(TeamTemplateRole.tier == tier))
    session.add_all(TeamTemplateRole(tier=tier, role=role, position=i) for i, role in enumerate(roles))
    session.flush()
    return old


# -- roles members fill on an account -----------------------------------------------------------
def account_roles(session: Session, account_id: int) -> dict[int, tuple[str, ...]]:
    """member_id -> the roles assigned to them on the account (their own team_role not included)."""
    found: dict[int, list[str]] = {}
    stmt = select(AccountTeamRole.member_id, AccountTeamRole.role).where(
        AccountTeamRole.account_id == account_id).order_by(AccountTeamRole.member_id, AccountTeamRole.role)
    for member_id, role in session.execute(stmt):
        found.setdefault(member_id, []).append(role)
    return {member_id: tuple(roles) for member_id, roles in found.items()}


def set_account_roles(session: Session, account_id: int, member_id: int, roles) -> tuple[str, ...]:
    """Make ``roles`` what the member does on the account besides their own role; returns the previous ones."""
    roles = _check_roles(roles)
    if roles and session.get(AccountTeam, (account_id, member_id)) is None:
        raise InvalidInput("Only a member of the account's team can fill a role there")
    old = account_roles(session, account_id).get(member_id, ())
    session.execute(delete(AccountTeamRole).where(AccountTeamRole.account_id == account_id,
                                                  AccountTeamRole.member_id == member_id))
    session.add_all(AccountTeamRole(account_id=account_id, member_id=member_id, role=role) for role in roles)
    session.flush()
    return old


# -- competency criteria ------------------------------------------------------------------------
CRITERION_FIELDS = ("name", "position")


def competency_criteria(session: Session) -> list[CompetencyCriterion]:
    return list(session.scalars(select(CompetencyCriterion).order_by(CompetencyCriterion.position,
                                                                     CompetencyCriterion.id)))


def add_competency_criterion(session: Session, name: str) -> CompetencyCriterion:
    if not clean_text(name):
        raise InvalidInput("A criterion needs a name")
    position = (session.scalar(select(func.max(CompetencyCriterion.position))) or 0) + 1
    criterion = CompetencyCriterion(name=clean_text(name), position=position)
    session.add(criterion)
    session.flush()
    return criterion


def update_competency_criterion(session: Session, criterion_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    return update_fields(session, CompetencyCriterion, criterion_id, changes, CRITERION_FIELDS)


def criterion_key(criterion: CompetencyCriterion) -> str:
    """How the command line names a criterion: its built-in code, else its name."""
    return criterion.code or criterion.name or str(criterion.id)


# -- ratings and needs --------------------------------------------------------------------------
def competency_of(session: Session, member_id: int) -> dict[int, int]:
    stmt = select(CompetencyRating.criterion_id, CompetencyRating.rating).where(
        CompetencyRating.member_id == member_id)
    return dict(session.execute(stmt).all())


def all_competency(session: Session) -> dict[int, dict[int, int]]:
    """member_id -> criterion_id -> rating, for every rated member."""
    found: dict[int, dict[int, int]] = {}
    for member_id, criterion_id, rating in session.execute(
            select(CompetencyRating.member_id, CompetencyRating.criterion_id, CompetencyRating.rating)):
        found.setdefault(member_id, {})[criterion_id] = rating
    return found


def set_competency(session: Session, member_id: int, criterion_id: int, rating: int | None) -> int | None:
    """Set (or clear, with None) one rating 1–5; returns the previous one."""
    return _set_level(session, CompetencyRating, "rating",
                      {"member_id": member_id, "criterion_id": criterion_id}, rating)


def needs_of(session: Session, account_id: int) -> dict[int, int]:
    stmt = select(AccountCompetencyNeed.criterion_id, AccountCompetencyNeed.level).where(
        AccountCompetencyNeed.account_id == account_id)
    return dict(session.execute(stmt).all())


def set_need(session: Session, account_id: int, criterion_id: int, level: int | None) -> int | None:
    """Set (or clear, with None) how much the account needs of a competency, 1–5; returns the previous level."""
    return _set_level(session, AccountCompetencyNeed, "level",
                      {"account_id": account_id, "criterion_id": criterion_id}, level)


def _set_level(session: Session, model: type, column: str, key: dict[str, int], value: int | None) -> int | None:
    if value is not None and not 1 <= value <= enums.COMPETENCY_MAX:
        raise InvalidInput(f"A rating is 1 to {enums.COMPETENCY_MAX}, not {value}")
    row = session.get(model, tuple(key.values()))
    old = getattr(row, column) if row is not None else None
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(model(**key, **{column: value}))
    else:
        setattr(row, column, value)
    session.flush()
    return old
