"""The database of record: migrations and the record store, on SQLite and PostgreSQL."""

from __future__ import annotations

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
    assert {"records", "files", "quarantined_files", "staff_users", "alembic_version"} <= tables


def test_a_new_version_of_a_known_result_updates_it_and_keeps_staff_decisions(services):
    with services.sessions.begin() as session:
        status, record = save_extraction(session, _draft(), _file("a" * 64))
        record_id = record.id
    assert status == "ingested"
    with services.sessions.begin() as session:
        record = session.get(Record, record_id)
        record.data = {**record.data, "commercialisation_status": "negotiation"}
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
