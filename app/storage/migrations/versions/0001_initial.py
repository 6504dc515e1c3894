"""initial schema

Revision ID: 0001_initial
Revises: 
"""
import sqlalchemy as sa
from alembic import op

revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('qualification_criterion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint('weight >= 0', name=op.f('ck_qualification_criterion_weight')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qualification_criterion')),
    sa.UniqueConstraint('code', name='uq_qualification_criterion_code')
    )
    op.create_table('team_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('team_role', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('phone', sa.String(length=80), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('archived', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("team_role IS NULL OR team_role IN ('account_manager', 'solution_consultant', 'executive_sponsor', 'delivery', 'service')", name=op.f('ck_team_member_team_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_member'))
    )
    op.create_table('account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('industry', sa.String(length=120), nullable=True),
    sa.Column('region', sa.String(length=120), nullable=True),
    sa.Column('employees', sa.Integer(), nullable=True),
    sa.Column('annual_revenue', sa.Numeric(precision=18, scale=2), nullable=True),
    sa.Column('purchasing_capacity', sa.String(length=20), nullable=True),
    sa.Column('tier', sa.String(length=20), nullable=True),
    sa.Column('lead_source', sa.String(length=120), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("purchasing_capacity IS NULL OR purchasing_capacity IN ('low', 'medium', 'high', 'very_high')", name=op.f('ck_account_purchasing_capacity')),
    sa.CheckConstraint("tier IS NULL OR tier IN ('strategic', 'key', 'growth', 'maintain')", name=op.f('ck_account_tier')),
    sa.CheckConstraint('employees IS NULL OR employees >= 0', name=op.f('ck_account_employees')),
    sa.ForeignKeyConstraint(['owner_id'], ['team_member.id'], name=op.f('fk_account_owner_id_team_member'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account')),
    sa.UniqueConstraint('name', name=op.f('uq_account_name'))
    )
    op.create_table('account_team',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('x', sa.Float(), nullable=True),
    sa.Column('y', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_account_team_account_id_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['team_member.id'], name=op.f('fk_account_team_member_id_team_member'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id', 'member_id', name=op.f('pk_account_team'))
    )
    op.create_table('interaction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('sentiment', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("channel IN ('meeting', 'call', 'email', 'visit', 'demo', 'dinner', 'event')", name=op.f('ck_interaction_channel')),
    sa.CheckConstraint('sentiment IS NULL OR sentiment BETWEEN -2 AND 2', name=op.f('ck_interaction_sentiment')),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_interaction_account_id_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interaction'))
    )
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interaction_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interaction_occurred_at'), ['occurred_at'], unique=False)

    op.create_table('opportunity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('value', sa.Numeric(precision=18, scale=2), nullable=True),
    sa.Column('currency', sa.String(length=3), server_default='CNY', nullable=False),
    sa.Column('stage', sa.String(length=30), server_default='need_recognition', nullable=False),
    sa.Column('probability', sa.Integer(), nullable=True),
    sa.Column('expected_close', sa.Date(), nullable=True),
    sa.Column('competitors', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("stage IN ('need_recognition', 'requirements', 'evaluation', 'shortlist', 'negotiation', 'approval', 'won', 'lost')", name=op.f('ck_opportunity_stage')),
    sa.CheckConstraint('probability IS NULL OR probability BETWEEN 0 AND 100', name=op.f('ck_opportunity_probability')),
    sa.CheckConstraint('value IS NULL OR value >= 0', name=op.f('ck_opportunity_value')),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_opportunity_account_id_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunity'))
    )
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opportunity_account_id'), ['account_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('department', sa.String(length=200), nullable=True),
    sa.Column('role', sa.String(length=40), server_default='unknown', nullable=False),
    sa.Column('stance', sa.String(length=20), server_default='unknown', nullable=False),
    sa.Column('influence', sa.Integer(), nullable=True),
    sa.Column('competitor_preference', sa.String(length=200), nullable=True),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('phone', sa.String(length=80), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('archived', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('x', sa.Float(), nullable=True),
    sa.Column('y', sa.Float(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("role IN ('economic_buyer', 'decision_maker', 'technical_buyer', 'user_buyer', 'influencer', 'coach', 'gatekeeper', 'approver', 'procurement', 'unknown')", name=op.f('ck_person_role')),
    sa.CheckConstraint("stance IN ('advocate', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown')", name=op.f('ck_person_stance')),
    sa.CheckConstraint('influence IS NULL OR influence BETWEEN 1 AND 5', name=op.f('ck_person_influence')),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_person_account_id_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_account_id'), ['account_id'], unique=False)

    op.create_table('qualification_rating',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.CheckConstraint('rating BETWEEN 0 AND 5', name=op.f('ck_qualification_rating_rating')),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_qualification_rating_account_id_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['criterion_id'], ['qualification_criterion.id'], name=op.f('fk_qualification_rating_criterion_id_qualification_criterion'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id', 'criterion_id', name=op.f('pk_qualification_rating'))
    )
    op.create_table('snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_snapshot_account_id_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_snapshot'))
    )
    with op.batch_alter_table('snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_snapshot_account_id'), ['account_id'], unique=False)

    op.create_table('action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('priority', sa.String(length=10), server_default='medium', nullable=False),
    sa.Column('status', sa.String(length=20), server_default='open', nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("priority IN ('high', 'medium', 'low')", name=op.f('ck_action_priority')),
    sa.CheckConstraint("status IN ('open', 'done', 'cancelled')", name=op.f('ck_action_status')),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_action_account_id_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['team_member.id'], name=op.f('fk_action_owner_id_team_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_action_person_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action'))
    )
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_account_id'), ['account_id'], unique=False)

    op.create_table('interaction_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(person_id IS NULL AND member_id IS NOT NULL) OR (person_id IS NOT NULL AND member_id IS NULL)', name=op.f('ck_interaction_participant_one_participant')),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_interaction_participant_interaction_id_interaction'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['team_member.id'], name=op.f('fk_interaction_participant_member_id_team_member'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_interaction_participant_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interaction_participant'))
    )
    with op.batch_alter_table('interaction_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interaction_participant_interaction_id'), ['interaction_id'], unique=False)

    op.create_table('link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('strength', sa.Integer(), server_default='3', nullable=False),
    sa.Column('source_person_id', sa.Integer(), nullable=True),
    sa.Column('source_member_id', sa.Integer(), nullable=True),
    sa.Column('target_person_id', sa.Integer(), nullable=True),
    sa.Column('target_member_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.CheckConstraint("kind <> 'covers' OR (source_member_id IS NOT NULL AND target_person_id IS NOT NULL)", name=op.f('ck_link_covers_ends')),
    sa.CheckConstraint("kind IN ('reports_to', 'dotted_line', 'influences', 'ally', 'rival', 'knows', 'covers')", name=op.f('ck_link_kind')),
    sa.CheckConstraint('(source_person_id IS NULL AND source_member_id IS NOT NULL) OR (source_person_id IS NOT NULL AND source_member_id IS NULL)', name=op.f('ck_link_one_source')),
    sa.CheckConstraint('(target_person_id IS NULL AND target_member_id IS NOT NULL) OR (target_person_id IS NOT NULL AND target_member_id IS NULL)', name=op.f('ck_link_one_target')),
    sa.CheckConstraint('strength BETWEEN 1 AND 5', name=op.f('ck_link_strength')),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_link_account_id_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_member_id'], ['team_member.id'], name=op.f('fk_link_source_member_id_team_member'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_person_id'], ['person.id'], name=op.f('fk_link_source_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_member_id'], ['team_member.id'], name=op.f('fk_link_target_member_id_team_member'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_person_id'], ['person.id'], name=op.f('fk_link_target_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_link'))
    )
    with op.batch_alter_table('link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_link_account_id'), ['account_id'], unique=False)

    op.create_table('need',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), server_default='business', nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('priority', sa.String(length=10), server_default='medium', nullable=False),
    sa.Column('status', sa.String(length=20), server_default='identified', nullable=False),
    sa.Column('value_proposition', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("kind IN ('business', 'personal')", name=op.f('ck_need_kind')),
    sa.CheckConstraint("priority IN ('high', 'medium', 'low')", name=op.f('ck_need_priority')),
    sa.CheckConstraint("status IN ('identified', 'validated', 'addressed')", name=op.f('ck_need_status')),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_need_account_id_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_need_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_need'))
    )
    with op.batch_alter_table('need', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_need_account_id'), ['account_id'], unique=False)


    criteria = sa.table(
        "qualification_criterion",
        sa.column("code", sa.String),
        sa.column("weight", sa.Float),
        sa.column("position", sa.Integer),
    )
    op.bulk_insert(
        criteria,
        [
            {"code": "budget", "weight": 25, "position": 0},
            {"code": "authority", "weight": 20, "position": 1},
            {"code": "need", "weight": 25, "position": 2},
            {"code": "timeline", "weight": 15, "position": 3},
            {"code": "strategic_fit", "weight": 15, "position": 4},
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table('need', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_need_account_id'))

    op.drop_table('need')
    with op.batch_alter_table('link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_link_account_id'))

    op.drop_table('link')
    with op.batch_alter_table('interaction_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_participant_interaction_id'))

    op.drop_table('interaction_participant')
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_account_id'))

    op.drop_table('action')
    with op.batch_alter_table('snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_snapshot_account_id'))

    op.drop_table('snapshot')
    op.drop_table('qualification_rating')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_account_id'))

    op.drop_table('person')
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opportunity_account_id'))

    op.drop_table('opportunity')
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_interaction_account_id'))

    op.drop_table('interaction')
    op.drop_table('account_team')
    op.drop_table('account')
    op.drop_table('team_member')
    op.drop_table('qualification_criterion')
