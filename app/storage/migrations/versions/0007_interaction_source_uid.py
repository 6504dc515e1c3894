"""Where an interaction came from: a calendar event's UID (and recurrence), so importing it again adds nothing

Revision ID: 0007_interaction_source_uid
Revises: 0006_team_sync
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_interaction_source_uid"
down_revision = "0006_team_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("interaction", sa.Column("source_uid", sa.String(length=500), nullable=True))
    op.create_index("ix_interaction_source_uid", "interaction", ["source_uid"])


def downgrade() -> None:
    op.drop_index("ix_interaction_source_uid", "interaction")
    with op.batch_alter_table("interaction") as batch:
        batch.drop_column("source_uid")
