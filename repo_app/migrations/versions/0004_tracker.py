"""tracker: the plan's activities (trainings, promotion programmes, survey, connection events,
intermediaries) with what they are tied to, and enterprises' technology needs with the results
proposed for them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

# The record's year as the tracker computes it (repo_app/services/plan_indicators.py,
# RECORD_YEAR_SQL): indexed with the kind and the registration state, and the id, so that a
# period's accepted research results are counted from the index alone.
YEAR_FROM = ("accepted", "granted", "published", "filed", "end")
RECORD_YEAR = {
    "sqlite": "substr(coalesce(" + ", ".join(
        f"json_extract(data, '$.dates.{name}')" for name in YEAR_FROM) + "), 1, 4)",
    "postgresql": "substr(coalesce(" + ", ".join(
        f"data #>> '{{dates,{name}}}'" for name in YEAR_FROM) + "), 1, 4)",
}
# The record's district, for the place filter (RECORD_DISTRICT_SQL there).
RECORD_DISTRICT = {"sqlite": "json_extract(data, '$.place.district')",
                   "postgresql": "(data #>> '{place,district}')"}

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('activities',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('organiser', sa.String(length=300), nullable=False),
    sa.Column('place', sa.String(length=80), nullable=True),
    sa.Column('participants', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('connected_on', sa.Date(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_activities_type'), 'activities', ['type'])
    op.create_index(op.f('ix_activities_start_date'), 'activities', ['start_date'])
    op.create_index(op.f('ix_activities_place'), 'activities', ['place'])
    op.create_table('activity_links',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('target_id', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('activity_id', 'kind', 'target_id')
    )
    op.create_index(op.f('ix_activity_links_activity_id'), 'activity_links', ['activity_id'])
    op.create_index(op.f('ix_activity_links_target_id'), 'activity_links', ['target_id'])
    op.create_table('technology_needs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=True),
    sa.Column('enterprise_name', sa.String(length=300), nullable=False),
    sa.Column('contact', sa.String(length=300), nullable=False),
    sa.Column('sector', sa.String(length=80), nullable=True),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('budget_min_vnd', sa.BigInteger(), nullable=True),
    sa.Column('budget_max_vnd', sa.BigInteger(), nullable=True),
    sa.Column('timeline', sa.String(length=200), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_technology_needs_enterprise_id'), 'technology_needs',
                    ['enterprise_id'])
    op.create_index(op.f('ix_technology_needs_sector'), 'technology_needs', ['sector'])
    op.create_index(op.f('ix_technology_needs_state'), 'technology_needs', ['state'])
    op.create_table('need_matches',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.String(length=32), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('forwarded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('inquiry_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['need_id'], ['technology_needs.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['inquiry_id'], ['inquiries.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('need_id', 'record_id')
    )
    op.create_index(op.f('ix_need_matches_need_id'), 'need_matches', ['need_id'])
    dialect = op.get_bind().dialect.name
    if dialect in RECORD_YEAR:
        op.execute(f"CREATE INDEX ix_records_plan_year ON records "
                   f"(kind, registration_state, ({RECORD_YEAR[dialect]}), id)")
        op.execute(f"CREATE INDEX ix_records_plan_district ON records "
                   f"(registration_state, ({RECORD_DISTRICT[dialect]}), "
                   f"commercialisation_status, id)")
    op.create_index('ix_records_plan_potential', 'records',
                    ['registration_state', 'commercialisation_status', 'id'])


def downgrade() -> None:
    op.drop_index('ix_records_plan_potential', table_name='records')
    if op.get_bind().dialect.name in RECORD_YEAR:
        op.drop_index('ix_records_plan_district', table_name='records')
        op.drop_index('ix_records_plan_year', table_name='records')
    op.drop_table('need_matches')
    op.drop_table('technology_needs')
    op.drop_table('activity_links')
    op.drop_table('activities')
