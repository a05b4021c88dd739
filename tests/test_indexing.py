"""The search index follows the database: after commits, and through a full reindex."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from sqlalchemy import update

from indexer.search.engine import SearchRequest
from repo_app.cli import main as cli
from repo_app.models import Record, utcnow
from repo_app.services.indexing import (
    follow_commits,
    pending_count,
    rebuild_index,
    sync_index,
)
from repo_app.services.ingest import Ingestor
from tests.conftest import CORPUS


@pytest.fixture
def two_reports(services, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for report in sorted((CORPUS / "reports").glob("*.pdf"))[:2]:
        shutil.copy(report, batch)
    summary = Ingestor(services, workers=1).run([batch])
    return [outcome.record_id for outcome in summary.outcomes]


def _ids(services, text):
    return [hit["id"] for hit in services.search_engine.search(SearchRequest(text=text)).hits]


def test_an_edit_is_searchable_as_soon_as_it_is_committed(services, two_reports):
    follow_commits(services)
    record_id = two_reports[0]
    with services.sessions.begin() as session:
        record = session.get(Record, record_id)
        record.title = "Bảo tồn rùa biển ở Hòn Cau"
        record.data = {**record.data, "title": "Bảo tồn rùa biển ở Hòn Cau"}
    assert _ids(services, "rua bien hon cau") == [record_id]


def test_a_record_made_restricted_disappears_and_a_deleted_one_too(services, two_reports):
    follow_commits(services)
    hidden, deleted = two_reports
    with services.sessions.begin() as session:
        record = session.get(Record, hidden)
        record.access_level = "restricted"
        record.data = {**record.data, "access_level": "restricted"}
    with services.sessions.begin() as session:
        session.delete(session.get(Record, deleted))
    assert services.search_engine.count() == 0


def test_a_commit_indexes_what_it_changed_not_a_backlog_left_by_others(services, two_reports):
    """A staff action stays quick when records wait for the index (loaded behind the
    application's back, or left while the engine was down): the commit indexes its own
    record, the backlog is the catch-up's and the reindex's, not this request's."""
    follow_commits(services)
    edited, waiting = two_reports
    with services.sessions.begin() as session:  # the backlog: a row the index has not seen
        session.execute(update(Record).where(Record.id == waiting).values(indexed_at=None))
    with services.sessions.begin() as session:
        record = session.get(Record, edited)
        record.title = "Bảo tồn rùa biển ở Hòn Cau"
        record.data = {**record.data, "title": "Bảo tồn rùa biển ở Hòn Cau"}
    assert _ids(services, "rua bien hon cau") == [edited]
    assert pending_count(services) == 1  # still waiting, for the catch-up
    assert sync_index(services) == 1 and pending_count(services) == 0


def test_rebuild_switches_to_a_new_index_with_every_record(services, two_reports):
    before = services.search_engine.build
    assert rebuild_index(services) == 2
    assert services.search_engine.build != before
    assert services.search_engine.count() == 2


def test_an_edit_indexed_by_another_process_during_a_rebuild_is_in_the_new_index(
        services, two_reports):
    """A site worker commits an edit while the command line rebuilds: the worker writes into
    the build being replaced, so the rebuild indexes that edit again into its own."""
    from indexer.search.tantivy_engine import TantivyEngine

    engine, edited = services.search_engine, two_reports[0]
    other_worker = TantivyEngine(engine.path)  # another process's view of the same folder
    rebuild = engine.rebuild

    def rebuild_while_a_worker_edits(records):
        records = list(records)  # read before the edit, as a long rebuild would have
        with services.sessions.begin() as session:
            record = session.get(Record, edited)
            record.title = "Bảo tồn rùa biển ở Hòn Cau"
            record.data = {**record.data, "title": record.title}
            record.updated_at = utcnow()  # as ``follow_commits`` stamps every edit
        follow_commits_by_hand(services, other_worker, edited)
        return rebuild(records)

    engine.rebuild = rebuild_while_a_worker_edits
    rebuild_index(services)
    assert _ids(services, "rua bien hon cau") == [edited]


def follow_commits_by_hand(services, engine, record_id):
    """What ``follow_commits`` does in another process: index the row, stamp it indexed."""
    from repo_app.services.indexing import indexed_form

    with services.sessions.begin() as session:
        record = session.get(Record, record_id)
        engine.upsert([indexed_form(record)])
        record.indexed_at = record.updated_at


def test_cli_reindex(tmp_path, monkeypatch, database_url):
    monkeypatch.setenv("REPO_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()
    assert runner.invoke(cli, ["init"]).exit_code == 0
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(sorted((CORPUS / "patents").glob("*.pdf"))[0], batch)
    assert runner.invoke(cli, ["ingest", str(batch), "--quiet", "--workers", "1"]).exit_code == 0
    result = runner.invoke(cli, ["reindex"])
    assert result.exit_code == 0, result.output
    assert "Indexed 1 records" in result.output
