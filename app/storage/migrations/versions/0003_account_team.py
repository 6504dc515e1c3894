"""Our account team: tier templates, roles per account, competency profiles and needs, action requesters

Revision ID: 0003_account_team
Revises: 0002_opportunity_people
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_account_team"
down_revision = "0002_opportunity_people"
branch_labels = None
depends_on = None

_TEAM_ROLES = "('account_manager', 'solution_consultant', 'executive_sponsor', 'delivery', 'service')"
# Written out rather than read from app.models.enums: a migration must keep doing what it did when written.
_TEMPLATES = {
    "strategic": ("account_manager", "solution_consultant", "executive_sponsor", "delivery", "service"),
    "key": ("account_manager", "solution_consultant", "executive_sponsor"),
    "growth": ("account_manager", "solution_consultant"),
    "maintain": ("account_manager",),
}
_COMPETENCIES = ("industry_knowledge", "solution_selling", "executive_presence", "negotiation",
                 "relationship_building", "internal_coordination")


def upgrade() -> None:
    op.create_table(
        "competency_criterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competency_criterion")),
        sa.UniqueConstraint("code", name="uq_competency_criterion_code"),
    )
    op.create_table(
        "team_template_role",
        sa.Column("tier", sa.String(length=20), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(f"role IN {_TEAM_ROLES}", name=op.f("ck_team_template_role_role")),
        sa.CheckConstraint("tier IN ('strategic', 'key', 'growth', 'maintain')",
                           name=op.f("ck_team_template_role_tier")),
        sa.PrimaryKeyConstraint("tier", "role", name=op.f("pk_team_template_role")),
    )
    op.create_table(
        "competency_rating",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name=op.f("ck_competency_rating_rating")),
        sa.ForeignKeyConstraint(["criterion_id"], ["competency_criterion.id"],
                                name=op.f("fk_competency_rating_criterion_id_competency_criterion"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["team_member.id"],
                                name=op.f("fk_competency_rating_member_id_team_member"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("member_id", "criterion_id", name=op.f("pk_competency_rating")),
    )
    op.create_table(
        "account_competency_need",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.CheckConstraint("level BETWEEN 1 AND 5", name=op.f("ck_account_competency_need_level")),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"],
                                name=op.f("fk_account_competency_need_account_id_account"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["criterion_id"], ["competency_criterion.id"],
                                name=op.f("fk_account_competency_need_criterion_id_competency_criterion"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("account_id", "criterion_id", name=op.f("pk_account_competency_need")),
    )
    op.create_table(
        "account_team_role",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.CheckConstraint(f"role IN {_TEAM_ROLES}", name=op.f("ck_account_team_role_role")),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], name=op.f("fk_account_team_role_account_id_account"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["team_member.id"],
                                name=op.f("fk_account_team_role_member_id_team_member"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("account_id", "member_id", "role", name=op.f("pk_account_team_role")),
    )
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.add_column(sa.Column("requester_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_action_requester_id_team_member"), "team_member",
                                    ["requester_id"], ["id"], ondelete="SET NULL")

    templates = sa.table("team_template_role", sa.column("tier", sa.String), sa.column("role", sa.String),
                         sa.column("position", sa.Integer))
    op.bulk_insert(templates, [{"tier": tier, "role": role, "position": i}
                               for tier, roles in _TEMPLATES.items() for i, role in enumerate(roles)])
    criteria = sa.table("competency_criterion", sa.column("code", sa.String), sa.column("position", sa.Integer))
    op.bulk_insert(criteria, [{"code": code, "position": i} for i, code in enumerate(_COMPETENCIES)])


def downgrade() -> None:
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_action_requester_id_team_member"), type_="foreignkey")
        batch_op.drop_column("requester_id")
    op.drop_table("account_team_role")
    op.drop_table("account_competency_need")
    op.drop_table("competency_rating")
    op.drop_table("team_template_role")
    op.drop_table("competency_criterion")
