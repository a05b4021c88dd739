"""OAI-PMH tombstones: the records harvesters saw that are no longer public, announced as
deleted for ever (repo_app.services.oai).

No tombstone is made for records already not public: OAI-PMH did not exist before this
revision, so no harvester can have seen them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('oai_tombstones',
    sa.Column('record_id', sa.String(length=32), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('set_specs', sa.JSON(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('record_id')
    )
    op.create_index(op.f('ix_oai_tombstones_deleted_at'), 'oai_tombstones', ['deleted_at'])


def downgrade() -> None:
    op.drop_index(op.f('ix_oai_tombstones_deleted_at'), table_name='oai_tombstones')
    op.drop_table('oai_tombstones')
