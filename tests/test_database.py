"""The database of record: migrations and the record store, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy

from repo_app.migrate import current_revision, head_revision, upgrade
from repo_app.models import Record, StoredFile
from repo_app.services.records import natural_key, save_extraction


def _draft(**changes):
    draft = {
        "kind": "research_result",
        "document_type": "final_report",
        "title": "Nghiên cứu quy trình sản xuất nước mắm Phan Thiết",
        "identifiers": {"task_code": "ĐTKH.04/2019"},
        "full_text": "Nước mắm Phan Thiết được làm từ cá cơm.",
        "files": [],
    }
    draft.update(changes)
    return draft


def _file(sha: str) -> StoredFile:
    return StoredFile(
        sha256=sha, original_name="bao-cao.pdf", size=10, pages=3,
        text_method="text_layer", quality="clean", storage_path="files/x.pdf",
    )


def test_migrations_create_the_schema_and_are_idempotent(database_url):
    upgrade(database_url)
    upgrade(database_url)  # a second `repo-app init` is harmless
    assert current_revision(database_url) == head_revision()
    engine = sqlalchemy.create_engine(database_url)
    tables = set(sqlalchemy.inspect(engine).get_table_names())
    engine.dispose()
    assert {"records", "files", "quarantined_files", "users", "events", "transactions",
            "ip_requests", "inquiries", "alembic_version"} <= tables
    assert "staff_users" not in tables  # migrated into users


EXPRESSION_INDEXES = ("ix_records_plan_year", "ix_records_plan_district")


# SQLite cannot reflect an index on an expression.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrations_produce_exactly_the_models_schema(database_url):
    """What ``repo-app init`` builds is what the code expects: no model change without its
    migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from repo_app.models import Base

    upgrade(database_url)
    engine = sqlalchemy.create_engine(database_url)

    def declared(obj, name, type_, reflected, compare_to):
        # Indexes on JSON expressions, written per database by migration 0004.
        return not (type_ == "index" and name in EXPRESSION_INDEXES)

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": declared})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_upgrading_an_instance_keeps_staff_accounts_and_moves_statuses(database_url):
    """An instance made before accounts and workflows: its staff keep signing in, the statuses
    leave the metadata for their columns, and accepted results get their case."""
    from alembic import command
    from werkzeug.security import generate_password_hash

    from repo_app.migrate import alembic_config

    command.upgrade(alembic_config(database_url), "0002")
    engine = sqlalchemy.create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(sqlalchemy.text(
            "INSERT INTO staff_users (email, name, password_hash, created_at) VALUES "
            "('staff@skhcn.gov.vn', 'Cán bộ', :hash, CURRENT_TIMESTAMP)"),
            {"hash": generate_password_hash("mot-mat-khau-dai")})
        connection.execute(sqlalchemy.text(
            "INSERT INTO records (id, kind, document_type, title, natural_key, access_level, "
            "commercialisation_status, ip_status, data, full_text, created_at, updated_at) "
            "VALUES ('r1', 'research_result', 'final_report', 'Nước mắm', NULL, 'public', "
            "'accepted', 'none', :data, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
            {"data": '{"kind": "research_result", "title": "Nước mắm", '
                     '"commercialisation_status": "accepted", "ip_status": "none", '
                     '"host_organisation": "Trường Đại học Phan Thiết", '
                     '"sectors": ["nuoc-mam"]}'})
    engine.dispose()
    upgrade(database_url)
    from repo_app.services import Services
    from repo_app.services.accounts import authenticate
    from repo_app.settings import Settings

    services = Services(Settings.from_env({"DATABASE_URL": database_url}))
    user = authenticate(services, "staff@skhcn.gov.vn", "mot-mat-khau-dai")
    assert user is not None and user.role == "staff"
    from repo_app.models import CommercialisationCase

    with services.sessions() as session:
        record = session.get(Record, "r1")
        assert "commercialisation_status" not in record.data and "ip_status" not in record.data
        assert record.as_dict()["commercialisation_status"] == "accepted"
        assert record.organisation_key == "dai-hoc-phan-thiet"
        assert record.registration_state == "accepted" and record.version == 1
        assert session.get(CommercialisationCase, "r1").owner == "phong-quan-ly-cong-nghe"
    services.close()


def test_a_new_version_of_a_known_result_updates_it_and_keeps_staff_decisions(services):
    with services.sessions.begin() as session:
        status, record = save_extraction(session, _draft(), _file("a" * 64))
        record_id = record.id
    assert status == "ingested"
    with services.sessions.begin() as session:
        record = session.get(Record, record_id)
        record.commercialisation_status = "negotiation"
    with services.sessions.begin() as session:
        status, record = save_extraction(
            session, _draft(title="Nghiên cứu sản xuất nước mắm (bản sửa)"), _file("b" * 64)
        )
    assert status == "updated"
    assert record.id == record_id
    with services.sessions() as session:
        stored = session.get(Record, record_id)
        assert stored.title == "Nghiên cứu sản xuất nước mắm (bản sửa)"
        assert stored.commercialisation_status == "negotiation"
        assert {f.sha256 for f in stored.files} == {"a" * 64, "b" * 64}
        assert session.scalar(sqlalchemy.select(sqlalchemy.func.count(Record.id))) == 1


def test_natural_key_ignores_spacing_and_case_of_task_codes():
    assert natural_key(_draft(identifiers={"task_code": "đtkh.04 / 2019"})) == natural_key(
        _draft(identifiers={"task_code": "ĐTKH.04/2019"})
    )
    assert natural_key(_draft(identifiers={"application_number": "1-2019-01234"})) == (
        "application:1-2019-01234"
    )
    assert natural_key(_draft(identifiers={})) is None
