"""Relationship health: survey answers, a contact cadence per person and per buying role

Revision ID: 0005_relationship_health
Revises: 0004_person_external_id
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_relationship_health"
down_revision = "0004_person_external_id"
branch_labels = None
depends_on = None

_ROLES = ("'economic_buyer', 'decision_maker', 'technical_buyer', 'user_buyer', 'influencer', 'coach', "
          "'gatekeeper', 'approver', 'procurement', 'unknown'")


def upgrade() -> None:
    op.create_table(
        "survey_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("recommend", sa.Integer(), nullable=False),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint("recommend BETWEEN 0 AND 10", name=op.f("ck_survey_answer_recommend")),
        sa.CheckConstraint("satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5",
                           name=op.f("ck_survey_answer_satisfaction")),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], name=op.f("fk_survey_answer_account_id_account"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_survey_answer_person_id_person"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_answer")),
    )
    with op.batch_alter_table("survey_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_answer_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_survey_answer_person_id"), ["person_id"], unique=False)
    op.create_table(
        "role_cadence",
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.CheckConstraint(f"role IN ({_ROLES})", name=op.f("ck_role_cadence_role")),
        sa.CheckConstraint("days IS NULL OR days > 0", name=op.f("ck_role_cadence_days")),
        sa.PrimaryKeyConstraint("role", name=op.f("pk_role_cadence")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cadence_days", sa.Integer(), nullable=True))
        batch_op.create_check_constraint("cadence_days", "cadence_days IS NULL OR cadence_days > 0")


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_person_cadence_days"), type_="check")
        batch_op.drop_column("cadence_days")
    op.drop_table("role_cadence")
    with op.batch_alter_table("survey_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_answer_person_id"))
        batch_op.drop_index(batch_op.f("ix_survey_answer_account_id"))
    op.drop_table("survey_answer")
