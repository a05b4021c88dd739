"""records, files and quarantined files

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('quarantined_files',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.Text(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('storage_path', sa.Text(), nullable=False),
    sa.Column('quarantined_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    op.create_table('records',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('document_type', sa.String(length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('natural_key', sa.String(length=120), nullable=True),
    sa.Column('access_level', sa.String(length=32), nullable=False),
    sa.Column('commercialisation_status', sa.String(length=40), nullable=False),
    sa.Column('ip_status', sa.String(length=40), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('full_text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('indexed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('natural_key')
    )
    op.create_index(
        op.f('ix_records_commercialisation_status'), 'records', ['commercialisation_status']
    )
    op.create_index(op.f('ix_records_indexed_at'), 'records', ['indexed_at'], unique=False)
    op.create_index(op.f('ix_records_ip_status'), 'records', ['ip_status'], unique=False)
    op.create_index(op.f('ix_records_kind'), 'records', ['kind'], unique=False)
    op.create_table('files',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=32), nullable=False),
    sa.Column('original_name', sa.Text(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('text_method', sa.String(length=20), nullable=False),
    sa.Column('quality', sa.String(length=20), nullable=False),
    sa.Column('storage_path', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('sha256')
    )
    op.create_index(op.f('ix_files_record_id'), 'files', ['record_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_files_record_id'), table_name='files')
    op.drop_table('files')
    op.drop_index(op.f('ix_records_kind'), table_name='records')
    op.drop_index(op.f('ix_records_ip_status'), table_name='records')
    op.drop_index(op.f('ix_records_indexed_at'), table_name='records')
    op.drop_index(op.f('ix_records_commercialisation_status'), table_name='records')
    op.drop_table('records')
    op.drop_table('quarantined_files')
