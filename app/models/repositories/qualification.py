"""The account qualification model (客户需求评估模型): weighted criteria, rated 0–5 per account."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.models import enums
from app.models.entities import QualificationCriterion, QualificationRating
from app.models.repositories.common import InvalidInput, clean_text, update_fields

CRITERION_FIELDS = ("name", "weight", "position")


def criteria(session: Session) -> list[QualificationCriterion]:
    return list(session.scalars(select(QualificationCriterion).order_by(QualificationCriterion.position)))


def add_criterion(session: Session, name: str, weight: float = 10.0) -> QualificationCriterion:
    if not clean_text(name):
        raise InvalidInput("A criterion needs a name")
    if weight < 0:
        raise InvalidInput("A weight cannot be negative")
    position = (session.scalar(select(func.max(QualificationCriterion.position))) or 0) + 1
    crit = QualificationCriterion(name=clean_text(name), weight=weight, position=position)
    session.add(crit)
    session.flush()
    return crit


def update_criterion(session: Session, criterion_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    if "weight" in changes and (changes["weight"] is None or changes["weight"] < 0):
        raise InvalidInput("A weight cannot be negative")
    return update_fields(session, QualificationCriterion, criterion_id, changes, CRITERION_FIELDS)


def ratings(session: Session, account_id: int) -> dict[int, int]:
    stmt = select(QualificationRating.criterion_id, QualificationRating.rating).where(
        QualificationRating.account_id == account_id
    )
    return dict(session.execute(stmt).all())


def set_rating(session: Session, account_id: int, criterion_id: int, rating: int | None) -> int | None:
    """Set (or clear, with None) one rating; returns the previous one."""
    if rating is not None and not 0 <= rating <= enums.RATING_MAX:
        raise InvalidInput(f"A rating is 0 to {enums.RATING_MAX}, not {rating}")
    row = session.get(QualificationRating, (account_id, criterion_id))
    old = row.rating if row else None
    if rating is None:
        if row is not None:
            session.execute(
                delete(QualificationRating).where(
                    QualificationRating.account_id == account_id,
                    QualificationRating.criterion_id == criterion_id,
                )
            )
    elif row is None:
        session.add(QualificationRating(account_id=account_id, criterion_id=criterion_id, rating=rating))
    else:
        row.rating = rating
    session.flush()
    return old


def score(weights: dict[int, float], account_ratings: dict[int, int]) -> float | None:
    """Weighted score 0–100 over the rated criteria; None when nothing with weight is rated."""
    total_weight = sum(w for cid, w in weights.items() if cid in account_ratings)
    if total_weight <= 0:
        return None
    achieved = sum(weights[cid] * account_ratings[cid] for cid in weights if cid in account_ratings)
    return round(100.0 * achieved / (total_weight * enums.RATING_MAX), 1)
