"""The entities of DESIGN.md's vocabulary as typed SQLAlchemy models.

Portable on purpose: no SQLite-only types or SQL here, so the same schema can live on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models import enums
from app.models.base import Base, exactly_one, in_list, in_range
from app.models.sync_rules import APPEND_ONLY, EDIT_MANAGERS, EDIT_SELF_OR_MANAGERS, POSITIONS, synced


class TimestampMixin:
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


class TeamMember(TimestampMixin, Base):
    """Someone on our side; shared by all accounts."""

    __tablename__ = "team_member"
    __sync__ = synced(None, long_text=("notes",), natural_key=("name",), shared_edit=EDIT_SELF_OR_MANAGERS)
    __table_args__ = (CheckConstraint(in_list("team_role", enums.TEAM_ROLES, nullable=True), name="team_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    team_role: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str | None] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Account(TimestampMixin, Base):
    __tablename__ = "account"
    __sync__ = synced("self", long_text=("notes",), unique="name")
    __table_args__ = (
        CheckConstraint(in_list("tier", enums.TIERS, nullable=True), name="tier"),
        CheckConstraint(
            in_list("purchasing_capacity", enums.PURCHASING_CAPACITIES, nullable=True),
            name="purchasing_capacity",
        ),
        CheckConstraint("employees IS NULL OR employees >= 0", name="employees"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    industry: Mapped[str | None] = mapped_column(String(120))
    region: Mapped[str | None] = mapped_column(String(120))
    employees: Mapped[int | None] = mapped_column(Integer)
    annual_revenue: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    purchasing_capacity: Mapped[str | None] = mapped_column(String(20))
    tier: Mapped[str | None] = mapped_column(String(20))
    lead_source: Mapped[str | None] = mapped_column(String(120))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)

    owner: Mapped[TeamMember | None] = relationship()
    people: Mapped[list[Person]] = relationship(back_populates="account", passive_deletes=True)
    team: Mapped[list[AccountTeam]] = relationship(back_populates="account", passive_deletes=True)


class AccountTeam(Base):
    """A team member working on an account, with the member's card position on that account's map."""

    __tablename__ = "account_team"
    __sync__ = synced("account_id", latest=POSITIONS, natural_key=("account_id", "member_id"))

    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id", ondelete="CASCADE"), primary_key=True)
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)

    account: Mapped[Account] = relationship(back_populates="team")
    member: Mapped[TeamMember] = relationship()


class Person(TimestampMixin, Base):
    """Someone at the account. Archived people keep their history."""

    __tablename__ = "person"
    __sync__ = synced("account_id", long_text=("notes",), latest=POSITIONS, duplicate_keys=("email", "name"))
    __table_args__ = (
        CheckConstraint(in_list("role", enums.BUYING_ROLES), name="role"),
        CheckConstraint(in_list("stance", enums.STANCES), name="stance"),
        CheckConstraint(in_range("influence", 1, 5), name="influence"),
        CheckConstraint("cadence_days IS NULL OR cadence_days > 0", name="cadence_days"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(40), default="unknown", server_default="unknown")
    stance: Mapped[str] = mapped_column(String(20), default="unknown", server_default="unknown")
    influence: Mapped[int | None] = mapped_column(Integer)
    competitor_preference: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str | None] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)
    # The person's identity in the system a file came from (工号, UserId, a CRM's record id, or the e-mail), so
    # importing the same file again updates them instead of adding a second person of the same name.
    external_id: Mapped[str | None] = mapped_column(String(200))
    # How often we should be in touch, in days; None: the default of the person's buying role.
    cadence_days: Mapped[int | None] = mapped_column(Integer)

    account: Mapped[Account] = relationship(back_populates="people")


class Link(Base):
    """A relationship between two people on a map; each end is a person or a team member."""

    __tablename__ = "link"
    __sync__ = synced("account_id", long_text=("notes",))
    __table_args__ = (
        CheckConstraint(in_list("kind", enums.LINK_KINDS), name="kind"),
        CheckConstraint(in_range("strength", 1, 5, nullable=False), name="strength"),
        CheckConstraint(exactly_one("source_person_id", "source_member_id"), name="one_source"),
        CheckConstraint(exactly_one("target_person_id", "target_member_id"), name="one_target"),
        CheckConstraint(
            "kind <> 'covers' OR (source_member_id IS NOT NULL AND target_person_id IS NOT NULL)",
            name="covers_ends",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    strength: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    source_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    source_member_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id", ondelete="CASCADE"))
    target_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    target_member_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id", ondelete="CASCADE"))
    notes: Mapped[str | None] = mapped_column(Text)


class Need(TimestampMixin, Base):
    __tablename__ = "need"
    __sync__ = synced("account_id", long_text=("description", "value_proposition"))
    __table_args__ = (
        CheckConstraint(in_list("kind", enums.NEED_KINDS), name="kind"),
        CheckConstraint(in_list("status", enums.NEED_STATUSES), name="status"),
        CheckConstraint(in_list("priority", enums.PRIORITIES), name="priority"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20), default="business", server_default="business")
    description: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(10), default="medium", server_default="medium")
    status: Mapped[str] = mapped_column(String(20), default="identified", server_default="identified")
    value_proposition: Mapped[str | None] = mapped_column(Text)


class Interaction(TimestampMixin, Base):
    __tablename__ = "interaction"
    __sync__ = synced("account_id", long_text=("summary",))
    __table_args__ = (
        CheckConstraint(in_list("channel", enums.CHANNELS), name="channel"),
        CheckConstraint(in_range("sentiment", -2, 2), name="sentiment"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    channel: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str | None] = mapped_column(Text)
    sentiment: Mapped[int | None] = mapped_column(Integer)
    # The calendar event it was imported from ("UID" or "UID/RECURRENCE-ID"): importing it again adds nothing.
    source_uid: Mapped[str | None] = mapped_column(String(500), index=True)

    participants: Mapped[list[InteractionParticipant]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class InteractionParticipant(Base):
    __tablename__ = "interaction_participant"
    __sync__ = synced("interaction_id>interaction", kind=APPEND_ONLY)
    __table_args__ = (CheckConstraint(exactly_one("person_id", "member_id"), name="one_participant"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interaction.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id", ondelete="CASCADE"))


class SurveyAnswer(TimestampMixin, Base):
    """One person's answer to a satisfaction survey (客户满意度): 0–10 recommend, optional 1–5 satisfaction."""

    __tablename__ = "survey_answer"
    __table_args__ = (
        CheckConstraint(in_range("recommend", 0, 10, nullable=False), name="recommend"),
        CheckConstraint(in_range("satisfaction", 1, 5), name="satisfaction"),
    )
    # An answer is a fact of its day: corrected by deleting and answering again, never edited in place.
    __sync__ = synced("account_id", kind=APPEND_ONLY)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    answered_on: Mapped[dt.date] = mapped_column(Date)
    recommend: Mapped[int] = mapped_column(Integer)
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)


class RoleCadence(Base):
    """The contact cadence of a buying role, in days, where the user changed the built-in default."""

    __tablename__ = "role_cadence"
    # The team's cadence per role, one row per role: managers set it for everyone.
    __sync__ = synced(None, natural_key=("role",), shared_edit=EDIT_MANAGERS)
    __table_args__ = (
        CheckConstraint(in_list("role", enums.BUYING_ROLES), name="role"),
        CheckConstraint("days IS NULL OR days > 0", name="days"),
    )

    role: Mapped[str] = mapped_column(String(40), primary_key=True)
    days: Mapped[int | None] = mapped_column(Integer)  # None: no cadence for this role


class Action(TimestampMixin, Base):
    __tablename__ = "action"
    __sync__ = synced("account_id", long_text=("notes",))
    __table_args__ = (
        CheckConstraint(in_list("status", enums.ACTION_STATUSES), name="status"),
        CheckConstraint(in_list("priority", enums.PRIORITIES), name="priority"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id", ondelete="SET NULL"))
    # Who asked for it: another member than the owner makes the action a hand-off between departments.
    # Team mode merges it as the action's other fields (the later edit wins).
    requester_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id", ondelete="SET NULL"))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    priority: Mapped[str] = mapped_column(String(10), default="medium", server_default="medium")
    status: Mapped[str] = mapped_column(String(20), default="open", server_default="open")
    notes: Mapped[str | None] = mapped_column(Text)


class Opportunity(TimestampMixin, Base):
    __tablename__ = "opportunity"
    __sync__ = synced("account_id", long_text=("notes", "competitors"))
    __table_args__ = (
        CheckConstraint(in_list("stage", enums.OPPORTUNITY_STAGES), name="stage"),
        CheckConstraint(in_range("probability", 0, 100), name="probability"),
        CheckConstraint("value IS NULL OR value >= 0", name="value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    value: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    currency: Mapped[str] = mapped_column(String(3), default="CNY", server_default="CNY")
    stage: Mapped[str] = mapped_column(String(30), default="need_recognition", server_default="need_recognition")
    probability: Mapped[int | None] = mapped_column(Integer)
    expected_close: Mapped[dt.date | None] = mapped_column(Date)
    competitors: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class OpportunityPerson(Base):
    """A person who takes part in an opportunity's buying decision."""

    __tablename__ = "opportunity_person"
    __sync__ = synced("opportunity_id>opportunity", kind=APPEND_ONLY, natural_key=("opportunity_id", "person_id"))

    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)


class Snapshot(Base):
    """A named, dated, read-only copy of a map's people, stances and links."""

    __tablename__ = "snapshot"
    __sync__ = synced("account_id", kind=APPEND_ONLY)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime)
    data: Mapped[dict] = mapped_column(JSON)


class QualificationCriterion(Base):
    """One criterion of the account qualification model (客户需求评估模型), shared by all accounts.

    Built-in criteria carry a ``code`` and are labelled in the current language; a user-given ``name``
    overrides the label.
    """

    __tablename__ = "qualification_criterion"
    __sync__ = synced(None, natural_key=("code",))
    __table_args__ = (
        CheckConstraint("weight >= 0", name="weight"),
        UniqueConstraint("code", name="uq_qualification_criterion_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str | None] = mapped_column(String(200))
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    position: Mapped[int] = mapped_column(Integer, default=0)


class QualificationRating(Base):
    """How an account rates on one criterion, 0 (not at all) to 5 (fully)."""

    __tablename__ = "qualification_rating"
    __sync__ = synced("account_id", natural_key=("account_id", "criterion_id"))
    __table_args__ = (CheckConstraint(in_range("rating", 0, enums.RATING_MAX, nullable=False), name="rating"),)

    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("qualification_criterion.id", ondelete="CASCADE"), primary_key=True
    )
    rating: Mapped[int] = mapped_column(Integer)
