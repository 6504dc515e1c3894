"""Who changed the server's side of a sync conflict, and when, kept with the conflict

Revision ID: 0008_conflict_stamps
Revises: 0007_interaction_source_uid
"""
from alembic import op

revision = "0008_conflict_stamps"
down_revision = "0007_interaction_source_uid"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The bookkeeping belongs to the change capture, which adds its later columns itself.
    from app.sync import capture

    raw = op.get_bind().connection.dbapi_connection
    if raw.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_conflict'").fetchone():
        capture.add_missing_columns(raw)


def downgrade() -> None:
    raise NotImplementedError("restore a backup to go back")
