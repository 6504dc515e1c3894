"""Team sync: a uid on every synced row, shadows and change-capture triggers

Revision ID: 0006_team_sync
Revises: 0005_relationship_health
"""
from alembic import op

revision = "0006_team_sync"
down_revision = "0005_relationship_health"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The triggers are generated from the tables' sync declarations (app/models/sync_rules.py); the file keeps
    # them in step with later declarations when it is opened (app.sync.capture.ensure).
    from app.sync import capture

    capture.install(op.get_bind().connection.dbapi_connection)


def downgrade() -> None:
    raise NotImplementedError("team sync keeps its uids: restore a backup to go back")
