"""accounts and workflows: users with roles (staff accounts migrate), API tokens, the audit
trail, commercialisation cases, support actions, technology transactions, IP-registration
requests, inquiries, record versions, technology offers and the e-mail outbox.

The two statuses leave ``records.data`` for their columns (one source of truth); every accepted
research result gets its commercialisation case.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('recipient', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_outbox_sent_at'), 'outbox', ['sent_at'])
    op.create_table('users',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('organisation_key', sa.String(length=80), nullable=True),
    sa.Column('organisation_confirmed', sa.Boolean(), nullable=False),
    sa.Column('enterprise_name', sa.String(length=300), nullable=True),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('email_confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('email')
    )
    op.create_index(op.f('ix_users_role'), 'users', ['role'])
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_index(op.f('ix_api_tokens_user_id'), 'api_tokens', ['user_id'])
    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('subject_type', sa.String(length=30), nullable=False),
    sa.Column('subject_id', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=32), nullable=True),
    sa.Column('workflow', sa.String(length=40), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('transition', sa.String(length=60), nullable=True),
    sa.Column('from_state', sa.String(length=40), nullable=True),
    sa.Column('to_state', sa.String(length=40), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_events_at'), 'events', ['at'])
    op.create_index(op.f('ix_events_record_id'), 'events', ['record_id'])
    op.create_table('commercialisation_cases',
    sa.Column('record_id', sa.String(length=32), nullable=False),
    sa.Column('owner', sa.String(length=80), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id')
    )
    op.create_index(op.f('ix_commercialisation_cases_due'), 'commercialisation_cases', ['due'])
    op.create_table('ip_requests',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_id', sa.String(length=32), nullable=False),
    sa.Column('ip_type', sa.String(length=30), nullable=False),
    sa.Column('applicant', sa.String(length=300), nullable=False),
    sa.Column('inventors', sa.JSON(), nullable=False),
    sa.Column('requested_by', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=40), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('application_number', sa.String(length=20), nullable=True),
    sa.Column('filing_date', sa.Date(), nullable=True),
    sa.Column('priority_date', sa.Date(), nullable=True),
    sa.Column('grant_date', sa.Date(), nullable=True),
    sa.Column('grant_number', sa.String(length=40), nullable=True),
    sa.Column('granted_record_id', sa.String(length=32), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['granted_record_id'], ['records.id'], ),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ),
    sa.ForeignKeyConstraint(['requested_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('application_number')
    )
    op.create_index(op.f('ix_ip_requests_record_id'), 'ip_requests', ['record_id'])
    op.create_index(op.f('ix_ip_requests_state'), 'ip_requests', ['state'])
    op.create_table('record_versions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_id', sa.String(length=32), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('record_id', 'number')
    )
    op.create_index(op.f('ix_record_versions_record_id'), 'record_versions', ['record_id'])
    op.create_table('support_actions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_id', sa.String(length=32), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_support_actions_date'), 'support_actions', ['date'])
    op.create_index(op.f('ix_support_actions_record_id'), 'support_actions', ['record_id'])
    op.create_index(op.f('ix_support_actions_type'), 'support_actions', ['type'])
    op.create_table('technology_offers',
    sa.Column('record_id', sa.String(length=32), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('benefits', sa.Text(), nullable=False),
    sa.Column('applications', sa.Text(), nullable=False),
    sa.Column('offered', sa.JSON(), nullable=False),
    sa.Column('contact', sa.String(length=300), nullable=False),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id')
    )
    op.create_table('transactions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('value_vnd', sa.BigInteger(), nullable=False),
    sa.Column('form', sa.String(length=40), nullable=False),
    sa.Column('includes_ip', sa.Boolean(), nullable=False),
    sa.Column('origin', sa.String(length=40), nullable=False),
    sa.Column('country', sa.String(length=80), nullable=True),
    sa.Column('developed_country', sa.Boolean(), nullable=True),
    sa.Column('parties', sa.JSON(), nullable=False),
    sa.Column('record_id', sa.String(length=32), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('fingerprint')
    )
    op.create_index(op.f('ix_transactions_date'), 'transactions', ['date'])
    op.create_index(op.f('ix_transactions_form'), 'transactions', ['form'])
    op.create_index(op.f('ix_transactions_origin'), 'transactions', ['origin'])
    op.create_index(op.f('ix_transactions_record_id'), 'transactions', ['record_id'])
    op.create_table('inquiries',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_id', sa.String(length=32), nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('contact', sa.String(length=300), nullable=False),
    sa.Column('state', sa.String(length=40), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('transaction_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['record_id'], ['records.id'], ),
    sa.ForeignKeyConstraint(['transaction_id'], ['transactions.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_inquiries_enterprise_id'), 'inquiries', ['enterprise_id'])
    op.create_index(op.f('ix_inquiries_record_id'), 'inquiries', ['record_id'])
    op.create_index(op.f('ix_inquiries_state'), 'inquiries', ['state'])
    op.execute(
        "INSERT INTO users (email, name, role, organisation_confirmed, password_hash, active,"
        " email_confirmed_at, created_at) SELECT email, name, 'staff', false, password_hash,"
        " true, created_at, created_at FROM staff_users"
    )
    op.drop_table('staff_users')
    with op.batch_alter_table('records') as batch:
        batch.add_column(sa.Column('registration_state', sa.String(length=40), nullable=False,
                                   server_default='accepted'))
        batch.add_column(sa.Column('organisation_key', sa.String(length=80), nullable=True))
        batch.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch.add_column(sa.Column('created_by', sa.Integer(), nullable=True))
        batch.create_index('ix_records_organisation_key', ['organisation_key'])
        batch.create_index('ix_records_registration_state', ['registration_state'])
        batch.create_foreign_key('fk_records_created_by_users', 'users', ['created_by'], ['id'])
    _records_to_new_shape()


def _records_to_new_shape() -> None:
    """Statuses out of ``data``; the owning organisation; a case for each accepted result."""
    from repo_app.services.owners import case_owner, organisation_key

    connection = op.get_bind()
    records = sa.table('records', sa.column('id'), sa.column('kind'), sa.column('data', sa.JSON),
                       sa.column('organisation_key'), sa.column('commercialisation_status'))
    cases = sa.table('commercialisation_cases', sa.column('record_id'), sa.column('owner'),
                     sa.column('due', sa.Date), sa.column('opened_at', sa.DateTime))
    now = datetime.now(UTC)
    for row in connection.execute(sa.select(records)).all():
        data = {k: v for k, v in (row.data or {}).items()
                if k not in ('commercialisation_status', 'ip_status')}
        connection.execute(
            records.update().where(records.c.id == row.id).values(
                data=data, organisation_key=organisation_key(data.get('host_organisation')))
        )
        if row.kind == 'research_result' and row.commercialisation_status == 'accepted':
            connection.execute(cases.insert().values(
                record_id=row.id, owner=case_owner(data.get('sectors') or []),
                due=date.today() + timedelta(days=90), opened_at=now))



def downgrade() -> None:
    # WARNING: constraint name is None; this directive will fail as
    # rendered.  Add a name, or use a naming convention; see
    # https://alembic.sqlalchemy.org/en/latest/naming.html
    with op.batch_alter_table('records') as batch:
        batch.drop_constraint('fk_records_created_by_users', type_='foreignkey')
        batch.drop_index('ix_records_registration_state')
        batch.drop_index('ix_records_organisation_key')
        batch.drop_column('created_by')
        batch.drop_column('version')
        batch.drop_column('organisation_key')
        batch.drop_column('registration_state')
    op.create_table('staff_users',
    sa.Column('id', sa.INTEGER(), nullable=False),
    sa.Column('email', sa.VARCHAR(length=254), nullable=False),
    sa.Column('name', sa.VARCHAR(length=200), nullable=False),
    sa.Column('password_hash', sa.VARCHAR(length=300), nullable=False),
    sa.Column('created_at', sa.DATETIME(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('email')
    )
    op.drop_index(op.f('ix_inquiries_state'), table_name='inquiries')
    op.drop_index(op.f('ix_inquiries_record_id'), table_name='inquiries')
    op.drop_index(op.f('ix_inquiries_enterprise_id'), table_name='inquiries')
    op.drop_table('inquiries')
    op.drop_index(op.f('ix_transactions_record_id'), table_name='transactions')
    op.drop_index(op.f('ix_transactions_origin'), table_name='transactions')
    op.drop_index(op.f('ix_transactions_form'), table_name='transactions')
    op.drop_index(op.f('ix_transactions_date'), table_name='transactions')
    op.drop_table('transactions')
    op.drop_table('technology_offers')
    op.drop_index(op.f('ix_support_actions_type'), table_name='support_actions')
    op.drop_index(op.f('ix_support_actions_record_id'), table_name='support_actions')
    op.drop_index(op.f('ix_support_actions_date'), table_name='support_actions')
    op.drop_table('support_actions')
    op.drop_index(op.f('ix_record_versions_record_id'), table_name='record_versions')
    op.drop_table('record_versions')
    op.drop_index(op.f('ix_ip_requests_state'), table_name='ip_requests')
    op.drop_index(op.f('ix_ip_requests_record_id'), table_name='ip_requests')
    op.drop_table('ip_requests')
    op.drop_index(op.f('ix_commercialisation_cases_due'), table_name='commercialisation_cases')
    op.drop_table('commercialisation_cases')
    op.drop_index(op.f('ix_events_record_id'), table_name='events')
    op.drop_index(op.f('ix_events_at'), table_name='events')
    op.drop_table('events')
    op.drop_index(op.f('ix_api_tokens_user_id'), table_name='api_tokens')
    op.drop_table('api_tokens')
    op.drop_index(op.f('ix_users_role'), table_name='users')
    op.drop_table('users')
    op.drop_index(op.f('ix_outbox_sent_at'), table_name='outbox')
    op.drop_table('outbox')

