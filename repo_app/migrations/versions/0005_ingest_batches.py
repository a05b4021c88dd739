"""ingest batches: the files a distributed ingest sent to its Celery workers and what became of
each (repo_app.queue).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ingest_batches',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('paths', sa.JSON(), nullable=False),
    sa.Column('timeout', sa.Float(), nullable=False),
    sa.Column('split_pages', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('ingest_items',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('batch_id', sa.String(length=32), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('original_name', sa.Text(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('staged_path', sa.Text(), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=True),
    sa.Column('record_id', sa.String(length=32), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=True),
    sa.Column('quality', sa.String(length=20), nullable=True),
    sa.Column('reason', sa.String(length=40), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('ocr_parts', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('worker', sa.String(length=200), nullable=True),
    sa.Column('timings', sa.JSON(), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['ingest_batches.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('batch_id', 'sha256')
    )
    op.create_index(op.f('ix_ingest_items_batch_id'), 'ingest_items', ['batch_id'])
    op.create_index(op.f('ix_ingest_items_state'), 'ingest_items', ['state'])


def downgrade() -> None:
    op.drop_index(op.f('ix_ingest_items_state'), table_name='ingest_items')
    op.drop_index(op.f('ix_ingest_items_batch_id'), table_name='ingest_items')
    op.drop_table('ingest_items')
    op.drop_table('ingest_batches')
