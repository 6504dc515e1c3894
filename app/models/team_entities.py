"""Our account team: the roles each tier expects, the roles members fill on an account, competency profiles
and an account's competency needs (DESIGN.md "Our account team"). Each entity declares its team-mode rule."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models import enums
from app.models.base import Base, in_list, in_range
from app.models.sync_rules import APPEND_ONLY, EDIT_MANAGERS, synced


class TeamTemplateRole(Base):
    """One role an account of ``tier`` should have on our side; a tier's rows in ``position`` order."""

    __tablename__ = "team_template_role"
    __table_args__ = (
        CheckConstraint(in_list("tier", enums.TIERS), name="tier"),
        CheckConstraint(in_list("role", enums.TEAM_ROLES), name="role"),
    )
    # A tier's roles are there or not; their order follows the latest edit. Edited by managers.
    __sync__ = synced(None, kind=APPEND_ONLY, natural_key=("tier", "role"), shared_edit=EDIT_MANAGERS)

    tier: Mapped[str] = mapped_column(String(20), primary_key=True)
    role: Mapped[str] = mapped_column(String(40), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class AccountTeamRole(Base):
    """A role a member fills on one account besides their own ``team_role`` (a member may fill several).

    It counts while the member is on the account's team, so taking someone off a team and back (or undoing
    that) keeps what they did there.
    """

    __tablename__ = "account_team_role"
    __table_args__ = (CheckConstraint(in_list("role", enums.TEAM_ROLES), name="role"),)
    __sync__ = synced("account_id", kind=APPEND_ONLY, natural_key=("account_id", "member_id", "role"))

    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(40), primary_key=True)


class CompetencyCriterion(Base):
    """One criterion of the competency profile, shared by all members.

    Built-in criteria carry a ``code`` and are labelled in the current language; a user-given ``name``
    overrides the label.
    """

    __tablename__ = "competency_criterion"
    __table_args__ = (UniqueConstraint("code", name="uq_competency_criterion_code"),)
    __sync__ = synced(None, natural_key=("code",), shared_edit=EDIT_MANAGERS)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class CompetencyRating(Base):
    """How a member rates on one criterion, 1 to 5. A member's profile is edited by managers only."""

    __tablename__ = "competency_rating"
    __table_args__ = (
        CheckConstraint(in_range("rating", 1, enums.COMPETENCY_MAX, nullable=False), name="rating"),
    )
    __sync__ = synced(None, natural_key=("member_id", "criterion_id"), shared_edit=EDIT_MANAGERS)

    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id", ondelete="CASCADE"), primary_key=True)
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("competency_criterion.id", ondelete="CASCADE"), primary_key=True
    )
    rating: Mapped[int] = mapped_column(Integer)


class AccountCompetencyNeed(Base):
    """How much an account needs of one competency, 1 to 5 (e.g. negotiation-heavy, technical)."""

    __tablename__ = "account_competency_need"
    __table_args__ = (
        CheckConstraint(in_range("level", 1, enums.COMPETENCY_MAX, nullable=False), name="level"),
    )
    __sync__ = synced("account_id", natural_key=("account_id", "criterion_id"))

    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("competency_criterion.id", ondelete="CASCADE"), primary_key=True
    )
    level: Mapped[int] = mapped_column(Integer)
