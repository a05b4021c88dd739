"""Backup and restore: a round trip keeps every record, file and workflow event, across
database engines (a SQLite backup restores into PostgreSQL and back)."""

from __future__ import annotations

import hashlib
from datetime import UTC

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from repo_app.models import Event, Record, StoredFile, Transaction, User
from repo_app.services import accounts, commercialisation
from repo_app.services.principal import Principal
from tests.conftest import BACKENDS, CORPUS, build_services, make_database_url

FILES = [CORPUS / "reports" / "2013-nuoc-mam-haccp.pdf",
         CORPUS / "patents" / "1-2018-04512.pdf", CORPUS / "broken" / "not-a-pdf.pdf"]


def _utc(moment) -> str:
    """SQLite gives times back without their zone; both engines store UTC."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def _snapshot(services) -> dict:
    with services.sessions() as db:
        files = {}
        for row in db.scalars(select(StoredFile)):
            content = (services.settings.instance / row.storage_path).read_bytes()
            files[row.sha256] = hashlib.sha256(content).hexdigest()
        return {
            "records": {r.id: (r.as_dict(), r.version, r.commercialisation_status)
                        for r in db.scalars(select(Record))},
            "files": files,
            "events": [(e.id, e.kind, e.transition, e.record_id, e.actor_name, _utc(e.at))
                       for e in db.scalars(select(Event).order_by(Event.id))],
            "transactions": [(t.id, t.value_vnd, t.record_id)
                             for t in db.scalars(select(Transaction))],
            "users": [(u.email, u.role, u.password_hash) for u in db.scalars(select(User))],
        }


@pytest.mark.parametrize("target_backend", BACKENDS)
def test_a_backup_restores_everything(tmp_path, database_url, target_backend):
    from repo_app.services.backup import backup, restore
    from repo_app.services.ingest import Ingestor

    source = build_services(tmp_path / "source", database_url)
    Ingestor(source, workers=1).run([f for f in FILES if f.exists()])
    staff = accounts.add_user(source, "staff@skhcn.gov.vn", role="staff",
                              password="mot-mat-khau-dai")
    with source.sessions() as db:
        result = db.scalar(select(Record.id).where(Record.kind == "research_result"))
    who = Principal.of(staff)
    commercialisation.add_support_action(source, result, who, {"type": "valuation",
                                                               "date": "2025-01-02"})
    for version, name in enumerate(("start_screening", "offer"), start=1):
        commercialisation.run_transition(source, result, who, {"transition": name,
                                                               "version": version})
    commercialisation.run_transition(source, result, who, {
        "transition": "transfer", "version": 3, "date": "2025-02-01", "value_vnd": 10**8,
        "form": "licence", "includes_ip": False, "origin": "domestic_enterprise",
        "parties": ["A", "B"]})
    before = _snapshot(source)
    archive = tmp_path / "backup.tar.gz"
    manifest = backup(source, archive)
    assert manifest["rows"]["records"] == len(before["records"]) >= 2
    source.close()

    (tmp_path / "target-db").mkdir()
    url, drop = make_database_url(target_backend, tmp_path / "target-db")
    try:
        target = build_services(tmp_path / "target", url)
        restore(target, archive)
        assert _snapshot(target) == before
        # The index was rebuilt from the restored database.
        from repo_app.services import search as search_service

        found = search_service.search(target.search_engine,
                                      search_service.SearchParams.from_args(MultiDict()), "vi")
        assert found["total"] == len(before["records"])
        # New rows get new ids after the restored ones.
        commercialisation.add_support_action(target, result, who, {"type": "training",
                                                                   "date": "2025-03-01"})
        with pytest.raises(ValueError):
            restore(target, archive)  # never over a repository that holds records
        target.close()
    finally:
        drop()


def test_cli_backup_and_restore(tmp_path, monkeypatch):
    from repo_app.cli import main as cli

    runner = CliRunner()
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("REPO_INSTANCE", str(tmp_path / "one"))
    assert runner.invoke(cli, ["init"]).exit_code == 0
    assert runner.invoke(cli, ["ingest", "--quiet", "--workers", "1",
                               str(FILES[0])]).exit_code == 0
    made = runner.invoke(cli, ["backup", str(tmp_path / "b.tar.gz")])
    assert made.exit_code == 0 and "records 1" in made.output
    monkeypatch.setenv("REPO_INSTANCE", str(tmp_path / "two"))
    restored = runner.invoke(cli, ["restore", str(tmp_path / "b.tar.gz")])
    assert restored.exit_code == 0, restored.output
    assert "Restored 1 records" in restored.output
    again = runner.invoke(cli, ["restore", str(tmp_path / "b.tar.gz")])
    assert again.exit_code != 0 and "already holds records" in again.output
