"""Crash safety: ``repo-app check`` finds, and with ``--repair`` fixes, each kind of disagreement
between the database, the stored files and the search index; the ingest and a full reindex killed
with SIGKILL at several points and run again leave them agreeing, no record lost or doubled.

The kill tests are marked ``hard`` (``make check-hard``): each runs the real command as a process
group, waits until the database or the index folder shows that the command reached the point
named, kills the whole group (the command and its readers) and runs the command again.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy
from click.testing import CliRunner
from sqlalchemy import delete, func, insert, select

from indexer.search.documents import search_document
from repo_app.cli import main as cli
from repo_app.models import Record, StoredFile, utcnow
from repo_app.services import consistency
from repo_app.services.indexing import indexed_form
from repo_app.services.ingest import Ingestor
from tests.conftest import BACKENDS, CORPUS, ROOT, build_services, make_database_url

HOUR = 3600


def _copy_batch(folder: Path, reports: int = 4, patents: int = 0) -> int:
    """Copies of corpus PDFs, a file that cannot be read, and one document twice under another
    name. Returns how many distinct documents (records) it holds."""
    folder.mkdir(parents=True, exist_ok=True)
    chosen = (sorted((CORPUS / "reports").glob("*.pdf"))[:reports]
              + sorted((CORPUS / "patents").glob("*.pdf"))[:patents])
    for path in chosen:
        shutil.copy(path, folder / path.name)
    shutil.copy(CORPUS / "broken" / "encrypted.pdf", folder / "encrypted.pdf")
    shutil.copy(chosen[0], folder / "zz-the-same-file-again.pdf")
    return len(chosen)


def _ingested_from_the_command_line(tmp_path, monkeypatch, database_url, reports: int):
    """An instance made by ``repo-app init`` and filled by ``repo-app ingest``; its runner."""
    monkeypatch.setenv("REPO_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()
    assert runner.invoke(cli, ["init"]).exit_code == 0
    _copy_batch(tmp_path / "batch", reports=reports)
    assert runner.invoke(cli, ["ingest", str(tmp_path / "batch"), "--quiet",
                               "--workers", "1"]).exit_code == 0
    return runner


def _public_ids(services) -> set[str]:
    with services.sessions() as session:
        return {record.id for record in session.scalars(select(Record))
                if search_document(indexed_form(record)) is not None}


def _found(report) -> set[tuple[str, str]]:
    return {(finding.kind, finding.subject) for finding in report.findings}


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


# -- check and repair, each kind of disagreement ---------------------------------------------------


def _break_index(services, ids: list[str]) -> set[tuple[str, str]]:
    """An entry deleted, a stray one added, a record changed and one restricted behind the
    index's back (their rows say the index has caught up), builds left by killed rebuilds."""
    missing, stale, restricted, doubled = ids
    engine = services.search_engine
    engine.delete([missing])
    _index_once_more(services.settings.index_dir, doubled)
    engine.upsert([{"id": "stray0000000000", "kind": "research_result",
                    "document_type": "final_report", "title": "Một bản ghi không có thật"}])
    with services.sessions.begin() as session:
        record = session.get(Record, stale)
        record.data = {**record.data, "title": "Tên mới mà chỉ mục chưa biết"}
        hidden = session.get(Record, restricted)
        hidden.access_level = "restricted"
        hidden.data = {**hidden.data, "access_level": "restricted"}
        for row in (record, hidden):
            row.updated_at = utcnow()
            row.indexed_at = row.updated_at + timedelta(seconds=1)
    old = f"build-{1:020d}-{os.getpid()}"  # older than the current build: garbage, whoever made it
    killed = f"build-{9 * 10**19:020d}-{_dead_pid()}"
    running = f"build-{9 * 10**19 + 1:020d}-{os.getpid()}"  # a rebuild still running: kept
    for name in (old, killed, running):
        (services.settings.index_dir / name).mkdir()
    half_written = f".CURRENT.{_dead_pid()}.1.tmp"  # a pointer its killed writer never renamed
    (services.settings.index_dir / half_written).write_text("{")
    return {("missing_from_index", missing), ("stray_in_index", "stray0000000000"),
            ("stale_in_index", stale), ("stray_in_index", restricted),
            ("index_leftover", old), ("index_leftover", killed),
            ("index_leftover", half_written), ("duplicate_in_index", doubled)}


def _index_once_more(index_dir: Path, record_id: str) -> None:
    """A second entry for a record, added by a writer that does not delete the first."""
    import tantivy

    from indexer.search import vietnamese

    build = index_dir / json.loads((index_dir / "CURRENT").read_text())["build"]
    index = tantivy.Index.open(str(build))
    vietnamese.register(index)
    searcher = index.searcher()
    hit = searcher.search(tantivy.Query.term_query(index.schema, "id", record_id), 1).hits[0]
    writer = index.writer(15_000_000, 1)
    writer.add_document(searcher.doc(hit[1]))
    writer.commit()
    writer.wait_merging_threads()


def _break_files(services, ids: list[str]) -> tuple[set[tuple[str, str]], dict]:
    """A stored file deleted, one corrupted, an old unnamed file, a young one (not judged), a
    record holding another record's file."""
    instance = services.settings.instance
    with services.sessions.begin() as session:
        stored = {row.record_id: row.storage_path for row in session.scalars(select(StoredFile))}
        source = session.get(Record, ids[3])
        session.add(Record(id="duplicate0000000", kind=source.kind, title=source.title,
                           document_type=source.document_type, natural_key=None,
                           access_level="public", commercialisation_status="none",
                           ip_status="none", data=dict(source.data), full_text=""))
    (instance / stored[ids[0]]).unlink()
    corrupt = instance / stored[ids[3]]
    corrupt.write_bytes(corrupt.read_bytes()[:-10] + b"0123456789")
    orphan = Path("files") / "ab" / ("ab" + "0" * 62 + ".pdf")
    (instance / orphan).parent.mkdir(parents=True, exist_ok=True)
    (instance / orphan).write_bytes(b"%PDF-1.4 a file no row names")
    os.utime(instance / orphan, (time.time() - 2 * HOUR,) * 2)
    young = instance / "files" / "cd" / "tmp-being-written"
    young.parent.mkdir(parents=True, exist_ok=True)
    young.write_bytes(b"%PDF-1.4 an ingest is writing this one")
    shared = ", ".join(sorted([ids[3], "duplicate0000000"]))
    expected = {("missing_file", stored[ids[0]]), ("corrupt_file", stored[ids[3]]),
                ("orphan_file", str(orphan)), ("missing_from_index", "duplicate0000000"),
                ("duplicate_record", shared)}
    return expected, {"stored": stored, "orphan": orphan, "young": young, "shared": shared}


def test_check_finds_and_repair_fixes_each_disagreement(services, tmp_path):
    batch = tmp_path / "batch"
    _copy_batch(batch, reports=4)
    summary = Ingestor(services, workers=1).run([batch])
    ids = [o.record_id for o in summary.outcomes if o.status == "ingested"]
    assert len(ids) == 4
    assert consistency.check(services).ok

    expected = _break_index(services, ids)
    file_findings, paths = _break_files(services, ids)
    report = consistency.check(services)
    assert _found(report) == expected | file_findings
    assert report.counts["recent_unnamed_files"] == 1

    repaired = consistency.repair(services)
    stored, instance = paths["stored"], services.settings.instance
    # What needs a person remains, named: the lost file, the corrupt one (now set aside) and
    # the record that holds another's file.
    assert _found(repaired) == {("missing_file", stored[ids[0]]),
                                ("missing_file", stored[ids[3]]),
                                ("duplicate_record", paths["shared"])}
    assert {f.record_id for f in repaired.findings} == {ids[0], ids[3], None}
    assert {(r.finding.kind, r.finding.subject) for r in repaired.repairs} == (
        expected | file_findings) - {("missing_file", stored[ids[0]]),
                                     ("duplicate_record", paths["shared"])}
    moved = instance / consistency.MOVED_ASIDE
    assert (moved / paths["orphan"]).read_bytes() == b"%PDF-1.4 a file no row names"
    assert (moved / stored[ids[3]]).exists() and paths["young"].exists()
    assert set(services.search_engine.entries()) == _public_ids(services)
    assert ids[2] not in _public_ids(services)

    # A person's part: ingest the originals again (their lost copies come back) and delete the
    # extra record; then everything agrees.
    Ingestor(services, workers=1).run([batch])
    with services.sessions.begin() as session:
        session.execute(delete(Record).where(Record.id == "duplicate0000000"))
    final = consistency.repair(services)
    assert final.ok, [f.line() for f in final.findings]
    assert [r.finding.kind for r in final.repairs] == ["stray_in_index"]  # the deleted record's


def test_cli_check_exits_1_until_repaired(tmp_path, monkeypatch, database_url):
    runner = _ingested_from_the_command_line(tmp_path, monkeypatch, database_url, reports=2)
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    assert "2 index entries for 2 public records" in result.output
    assert "agree" in result.output

    services = build_services(tmp_path / "instance", database_url)
    lost = sorted(services.search_engine.entries())[0]
    services.search_engine.delete([lost])
    services.close()
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 1
    assert f"public record missing from the search index: {lost}" in result.output
    assert "repo-app check --repair" in result.output

    result = runner.invoke(cli, ["check", "--repair", "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["ok"] and answer["findings"] == []
    assert [(r["kind"], r["subject"], r["action"]) for r in answer["repairs"]] == [
        ("missing_from_index", lost, "indexed again")]
    assert runner.invoke(cli, ["check"]).exit_code == 0


def test_records_a_command_changes_are_indexed_when_it_ends(tmp_path, monkeypatch):
    """demo-data moves three results through the commercialisation workflow from the command
    line, where no commit is followed into the index: the index must still show their new
    status once the command returns (``check`` found them stale before)."""
    database_url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    runner = _ingested_from_the_command_line(tmp_path, monkeypatch, database_url, reports=4)
    result = runner.invoke(cli, ["demo-data"])
    assert result.exit_code == 0, result.output
    assert "Sample history" in result.output, result.output
    services = build_services(tmp_path / "instance", database_url)
    try:
        with services.sessions() as session:
            moved = session.scalar(select(func.count()).select_from(Record).where(
                Record.commercialisation_status != "accepted"))
        assert moved >= 2
        report = consistency.check(services)
        assert report.ok, [finding.line() for finding in report.findings]
    finally:
        services.close()


# -- killed with SIGKILL, run again -------------------------------------------------------------


class Instance:
    """An instance driven through the real command, as an operator would."""

    def __init__(self, folder: Path, backend: str):
        self.folder = folder
        self.url, self._drop = make_database_url(backend, folder)
        self.env = {**os.environ, "REPO_INSTANCE": str(folder / "instance"),
                    "DATABASE_URL": self.url}
        self.database = sqlalchemy.create_engine(self.url)
        self.run("init")

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "repo_app.cli", *args]

    def run(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(self.command(*args), env=self.env, cwd=ROOT, capture_output=True,
                              text=True)
        assert done.returncode == 0 or not ok, done.stdout + done.stderr
        return done

    def kill_when(self, reached, *args: str, deadline: float = 180) -> None:
        """Run the command; SIGKILL its process group the moment ``reached()`` is true."""
        process = subprocess.Popen(self.command(*args), env=self.env, cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        give_up = time.monotonic() + deadline
        while process.poll() is None and not reached() and time.monotonic() < give_up:
            time.sleep(0.005)
        alive = process.poll() is None
        if alive:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        assert alive and process.returncode == -signal.SIGKILL, (
            "the command ended before the kill point")

    def scalar(self, sql: str):
        with self.database.connect() as connection:
            return connection.scalar(sqlalchemy.text(sql))

    def check(self) -> dict:
        return json.loads(self.run("check", "--json", ok=False).stdout)

    def close(self) -> None:
        self.database.dispose()
        self._drop()


def _assert_agreement(instance: Instance, documents: int) -> None:
    """Database, files and index agree; one record per distinct document, each with one file."""
    report = instance.check()
    assert report["ok"], report["findings"]
    assert instance.scalar("SELECT count(*) FROM records") == documents
    assert instance.scalar("SELECT count(*) FROM files") == documents
    assert instance.scalar("SELECT count(DISTINCT record_id) FROM files") == documents
    services = build_services(instance.folder / "instance", instance.url)
    try:
        assert set(services.search_engine.entries()) == _public_ids(services)
        assert len(_public_ids(services)) == documents
    finally:
        services.close()


INGEST_POINTS = {
    # What the database shows when the kill lands (``documents``: how many the batch holds).
    "first record committed": lambda db, documents: db("SELECT count(*) FROM records") >= 1,
    "half the records committed": lambda db, documents: (
        db("SELECT count(*) FROM records") >= documents // 2),
    "every record committed, the index behind": lambda db, documents: (
        db("SELECT count(*) FROM records") == documents
        and db("SELECT count(*) FROM records WHERE indexed_at IS NULL") > 0),
}


@pytest.mark.hard
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("point", INGEST_POINTS)
def test_killed_ingest_run_again_agrees(tmp_path, backend, point):
    instance = Instance(tmp_path, backend)
    try:
        documents = _copy_batch(tmp_path / "batch", reports=8, patents=8)
        instance.kill_when(lambda: INGEST_POINTS[point](instance.scalar, documents),
                           "ingest", str(tmp_path / "batch"), "--workers", "2", "--quiet")
        stored = instance.scalar("SELECT count(*) FROM records")
        assert stored < documents or point.startswith("every")
        rerun = instance.run("ingest", str(tmp_path / "batch"), "--workers", "2", "--quiet")
        assert f"ingested {documents - stored}," in rerun.stdout
        assert "quarantined 1" in rerun.stdout  # the unreadable file, set aside again
        _assert_agreement(instance, documents)
    finally:
        instance.close()


def _new_build(index: Path, before: str):
    builds = [p for p in index.glob("build-*") if p.name > before]
    return builds[0] if builds else None


def _current(index: Path) -> str:
    return json.loads((index / "CURRENT").read_text())["build"]


def _committed(build: Path | None) -> bool:
    try:
        return bool(json.loads((build / "meta.json").read_text())["segments"])
    except (TypeError, OSError, ValueError, KeyError):
        return False


REINDEX_POINTS = {
    # What the index folder shows when the kill lands, given the build current before.
    "new build started": lambda index, before: _new_build(index, before) is not None,
    "segments being written": lambda index, before: any(
        (_new_build(index, before) or index / "none").glob("*.store")),
    "new build committed, not switched to": lambda index, before: _committed(
        _new_build(index, before)),
    "switched to the new build": lambda index, before: _current(index) != before,
}
COPIES = 1000  # records besides the batch's, so that a reindex lasts long enough to be caught


@pytest.fixture(scope="module", params=BACKENDS)
def large_instance(request, tmp_path_factory):
    """An ingested batch and ``COPIES`` more records (copies of its rows, without files)."""
    folder = tmp_path_factory.mktemp(f"reindex-{request.param}")
    instance = Instance(folder, request.param)
    documents = _copy_batch(folder / "batch", reports=4)
    instance.run("ingest", str(folder / "batch"), "--workers", "2", "--quiet")
    with instance.database.begin() as connection:
        rows = connection.execute(select(Record)).mappings().all()
        copies = [{**dict(rows[i % len(rows)]), "id": f"copy{i:012d}", "natural_key": None,
                   "data": {**rows[i % len(rows)]["data"], "files": []}, "indexed_at": None}
                  for i in range(COPIES)]
        connection.execute(insert(Record), copies)
    instance.run("reindex")
    yield instance, documents + COPIES
    instance.close()


@pytest.mark.hard
@pytest.mark.parametrize("point", REINDEX_POINTS)
def test_killed_reindex_run_again_agrees(large_instance, point):
    instance, records = large_instance
    index = instance.folder / "instance" / "index"
    before = _current(index)
    instance.kill_when(lambda: REINDEX_POINTS[point](index, before), "reindex")
    # Searches go on from a whole index meanwhile: the old build, or the new one once switched.
    report = instance.check()
    assert {f["kind"] for f in report["findings"]} <= {"index_leftover"}, report["findings"]
    assert report["counts"]["index_entries"] == records
    again = instance.run("reindex")
    assert f"Indexed {records} records" in again.stdout
    assert instance.scalar("SELECT count(*) FROM records WHERE indexed_at IS NULL") == 0
    # Left: the pointer, the lock file writers take turns on, and one build, the current one.
    assert [p.name for p in index.iterdir() if p.name not in ("CURRENT", "write.lock")] == [
        _current(index)]
    assert instance.check()["ok"]
    assert instance.scalar("SELECT count(*) FROM records") == records
    assert instance.scalar(
        "SELECT count(*) FROM records r WHERE r.id NOT LIKE 'copy%'") == records - COPIES
    services = build_services(instance.folder / "instance", instance.url)
    try:
        assert set(services.search_engine.entries()) == _public_ids(services)
        with services.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Record)) == records
    finally:
        services.close()
