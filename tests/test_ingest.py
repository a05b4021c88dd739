"""Ingesting the sample corpus: every file reported, broken ones set aside, reruns idempotent,
a killed ingest leaves no half record and a rerun finishes the job."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy
from click.testing import CliRunner

from repo_app.cli import main as cli
from repo_app.models import QuarantinedFile, Record
from repo_app.services.ingest import Ingestor
from tests.conftest import CORPUS, ROOT, all_ground_truth

GROUND_TRUTH = all_ground_truth()


def test_every_sample_file_is_reported_with_its_outcome(corpus_instance):
    _, summary = corpus_instance
    by_path = {os.path.relpath(o.path, CORPUS): o for o in summary.outcomes}
    assert set(by_path) == {doc["path"] for doc in GROUND_TRUTH}
    for doc in GROUND_TRUTH:
        outcome = by_path[doc["path"]]
        if doc.get("expected_status") == "quarantined":
            assert outcome.status == "quarantined", doc["path"]
            assert outcome.reason == doc["reason"], doc["path"]
            assert outcome.message
        else:
            # A second version of a known result (same task code) is an update.
            assert outcome.status in ("ingested", "updated"), (
                doc["path"], outcome.reason, outcome.message)
            assert outcome.kind == doc["expected"]["kind"]
            assert outcome.record_id


def test_scanned_documents_are_read_by_ocr(corpus_instance):
    from indexer.ocr import ocr_available

    _, summary = corpus_instance
    scanned = [o for o in summary.outcomes if "/scanned/" in o.path]
    assert len(scanned) >= 3
    assert all(o.status in ("ingested", "updated") for o in scanned)
    expected = ("ocr", "needs_review") if ocr_available() else ("needs_ocr",)
    assert all(o.quality in expected for o in scanned), [(o.path, o.quality) for o in scanned]


def test_set_aside_files_are_kept_with_their_reason(corpus_instance):
    services, _ = corpus_instance
    with services.sessions() as session:
        rows = session.scalars(sqlalchemy.select(QuarantinedFile)).all()
    assert {row.reason for row in rows} >= {"encrypted", "truncated", "not_pdf", "no_pages"}
    for row in rows:
        assert (services.settings.instance / row.storage_path).exists()


def _count(services, model):
    with services.sessions() as session:
        return session.scalar(sqlalchemy.select(sqlalchemy.func.count()).select_from(model))


def test_rerun_is_unchanged_and_a_copy_under_another_name_is_the_same_record(services, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    reports = sorted((CORPUS / "reports").glob("*.pdf"))[:3]
    for report in reports:
        shutil.copy(report, folder / report.name)
    first = Ingestor(services, workers=1).run([folder])
    assert first.counts["ingested"] == 3
    shutil.copy(reports[0], folder / "ban-sao-cung-noi-dung.pdf")
    second = Ingestor(services, workers=1).run([folder])
    assert second.counts == {"unchanged": 4}
    ids = {o.record_id for o in second.outcomes}
    assert len(ids) == 3
    assert _count(services, Record) == 3
    assert services.search_engine.count() == 3


def test_cli_ingest_writes_a_report_and_a_summary(tmp_path, monkeypatch, database_url):
    monkeypatch.setenv("REPO_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()
    assert runner.invoke(cli, ["init"]).exit_code == 0
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(sorted((CORPUS / "patents").glob("*.pdf"))[0], batch)
    shutil.copy(CORPUS / "broken" / "encrypted.pdf", batch)
    report = tmp_path / "report.json"
    result = runner.invoke(
        cli, ["ingest", str(batch), "--workers", "1", "--report", str(report), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert "ingested 1" in result.output and "quarantined 1" in result.output
    assert "encrypted" in result.output
    rows = json.loads(report.read_text(encoding="utf-8"))
    assert {row["status"] for row in rows} == {"ingested", "quarantined"}
    for row in rows:
        assert set(row) >= {"path", "status", "record_id", "kind", "reason"}
    quarantined = next(row for row in rows if row["status"] == "quarantined")
    assert quarantined["reason"] == "encrypted" and quarantined["record_id"] is None


@pytest.mark.slow
def test_killed_ingest_leaves_no_half_record_and_a_rerun_finishes(tmp_path):
    instance = tmp_path / "instance"
    env = {**os.environ, "REPO_INSTANCE": str(instance)}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "repo_app.cli"]
    subprocess.run([*command, "init"], env=env, check=True, capture_output=True, cwd=ROOT)
    database = sqlalchemy.create_engine(f"sqlite:///{instance / 'repository.sqlite3'}")

    def stored():
        with database.connect() as connection:
            return connection.scalar(sqlalchemy.text("SELECT count(*) FROM records"))

    process = subprocess.Popen(
        [*command, "ingest", str(CORPUS / "reports"), "--workers", "1", "--quiet"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while stored() < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    partial = stored()
    total = len(list((CORPUS / "reports").glob("*.pdf")))
    assert 2 <= partial < total, "the kill should land mid-batch"
    with database.connect() as connection:
        orphans = connection.scalar(sqlalchemy.text(
            "SELECT count(*) FROM records r WHERE NOT EXISTS "
            "(SELECT 1 FROM files f WHERE f.record_id = r.id)"
        ))
    assert orphans == 0

    rerun = subprocess.run(
        [*command, "ingest", str(CORPUS / "reports"), "--workers", "2", "--quiet"],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True,
    )
    assert f"unchanged {partial}" in rerun.stdout
    assert f"ingested {total - partial}" in rerun.stdout
    assert stored() == total
    database.dispose()


def test_the_search_index_follows_the_database_after_a_killed_run(tmp_path):
    """The index is derived: pending rows (committed but not yet indexed) are indexed by the
    next ingest, whatever interrupted the previous one."""
    from tests.conftest import build_services

    services = build_services(tmp_path / "instance", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    batch = tmp_path / "batch"
    batch.mkdir()
    for report in sorted((CORPUS / "reports").glob("*.pdf"))[:2]:
        shutil.copy(report, batch)
    Ingestor(services, workers=1).run([batch])
    # Simulate a crash between a commit and the index write: forget the index stamps.
    with services.sessions.begin() as session:
        session.execute(sqlalchemy.update(Record).values(indexed_at=None))
    shutil.rmtree(services.settings.index_dir)
    services.__dict__.pop("search_engine", None)
    rerun = Ingestor(services, workers=1).run([batch])
    assert rerun.counts == {"unchanged": 2}
    assert services.search_engine.count() == 2
    services.close()


def test_reread_updates_stored_records_in_place(services, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    scan = sorted((CORPUS / "scanned").glob("*.pdf"))[0]
    report = sorted((CORPUS / "reports").glob("*.pdf"))[0]
    for path in (scan, report):
        shutil.copy(path, folder)
    first = Ingestor(services, workers=1).run([folder])
    ids = {o.path: o.record_id for o in first.outcomes}
    # Staff decided something about the report meanwhile; a re-read must not undo it.
    with services.sessions.begin() as session:
        record = session.get(Record, ids[str(folder / report.name)])
        record.data = {**record.data, "commercialisation_status": "screening"}
        record.commercialisation_status = "screening"
    again = Ingestor(services, workers=1, reread=True).run([folder])
    assert {o.path: o.record_id for o in again.outcomes} == ids
    assert {o.status for o in again.outcomes} <= {"updated", "unchanged"}
    assert _count(services, Record) == 2
    with services.sessions() as session:
        record = session.get(Record, ids[str(folder / report.name)])
        assert record.commercialisation_status == "screening"
