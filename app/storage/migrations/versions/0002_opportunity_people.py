"""The people who take part in an opportunity's decision

Revision ID: 0002_opportunity_people
Revises: 0001_initial
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_opportunity_people"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "opportunity_person",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["opportunity_id"], ["opportunity.id"],
                                name=op.f("fk_opportunity_person_opportunity_id_opportunity"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_opportunity_person_person_id_person"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("opportunity_id", "person_id", name=op.f("pk_opportunity_person")),
    )


def downgrade() -> None:
    op.drop_table("opportunity_person")
