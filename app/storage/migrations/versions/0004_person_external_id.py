"""A person's identity in the system an import came from

Revision ID: 0004_person_external_id
Revises: 0003_account_team
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_person_external_id"
down_revision = "0003_account_team"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("person", sa.Column("external_id", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_column("external_id")
