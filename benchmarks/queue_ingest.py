"""Ingest through the Celery queue against the embedded ingest, in the same run.

    .venv/bin/python benchmarks/queue_ingest.py [--files 30] [--scans 3] [--broker URL]

Builds ``--files`` born-digital files (report and patent samples, each copy made distinct by a
trailing PDF comment) and takes ``--scans`` scanned samples, then reads each set into fresh
instances (PostgreSQL when ``TEST_DATABASE_URL`` answers, else SQLite; tantivy):

1. the embedded ingest (``repo-app ingest``) with 1 and with 2 reader processes;
2. the queue (``repo-app queue ingest --wait``) with 1 and with 2 worker processes
   (``repo-app worker --concurrency 1`` each), started and warmed up before the clock starts.

Speeds are steady-state: from the first document stored to the last, so that starting readers
(spaCy) counts in neither path; the end-to-end seconds (index included) are printed too. The
queue's overhead per document is the difference of the seconds per document, as a share of the
embedded path's. Last, a projection of the issue's archive (240,000 scanned pages) on 10 and
100 machines of this size from the measured cost per scanned page: a projection, not a
measurement.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "corpus_samples"
ARCHIVE_PAGES = 240_000
ARCHIVE_DOCUMENTS = 3_000


def build_corpus(folder: Path, count: int) -> list[Path]:
    samples = [*sorted((CORPUS / "reports").glob("*.pdf")),
               *sorted((CORPUS / "patents").glob("*.pdf"))]
    folder.mkdir(parents=True)
    files = []
    for number in range(count):
        path = samples[number % len(samples)]
        target = folder / f"{path.stem}-{number:04d}.pdf"
        # A comment after %%EOF changes the bytes (and the hash), not the document.
        target.write_bytes(path.read_bytes() + f"%benchmark copy {number}\n".encode())
        files.append(target)
    return files


def scans(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True)
    for path in sorted((CORPUS / "scanned").glob("*.pdf"))[:count]:
        shutil.copy(path, folder / path.name)
    return sorted(folder.glob("*.pdf"))


def pages_of(files: list[Path]) -> int:
    return sum(len(pdfium.PdfDocument(path)) for path in files)


class Databases:
    """Fresh databases: on PostgreSQL when it answers, else SQLite files."""

    def __init__(self, folder: Path):
        import sqlalchemy

        self.folder, self.made = folder, []
        url = os.environ.get("TEST_DATABASE_URL", "")
        self.admin = None
        if url.startswith("postgresql"):
            try:
                engine = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT",
                                                  connect_args={"connect_timeout": 2})
                with engine.connect():
                    pass
                self.admin, self.url = engine, sqlalchemy.engine.make_url(url)
            except sqlalchemy.exc.OperationalError:
                pass

    @property
    def kind(self) -> str:
        return "PostgreSQL" if self.admin else "SQLite"

    def fresh(self, name: str) -> str:
        import sqlalchemy

        if self.admin is None:
            return f"sqlite:///{self.folder / name}.sqlite3"
        database = f"bench_{name}_{uuid.uuid4().hex[:8]}"
        with self.admin.connect() as connection:
            connection.execute(sqlalchemy.text(f'CREATE DATABASE "{database}"'))
        self.made.append(database)
        return self.url.set(database=database).render_as_string(hide_password=False)

    def drop(self) -> None:
        import sqlalchemy

        if self.admin is None:
            return
        with self.admin.connect() as connection:
            for database in self.made:
                connection.execute(
                    sqlalchemy.text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        self.admin.dispose()


def instance(folder: Path, database_url: str):
    from repo_app.migrate import upgrade
    from repo_app.services import Services
    from repo_app.settings import Settings

    folder.mkdir(parents=True, exist_ok=True)
    upgrade(database_url)
    return Services(Settings.from_env({"REPO_INSTANCE": str(folder),
                                       "DATABASE_URL": database_url}))


def steady(stamps: list[float], pages: list[int]) -> tuple[float, float]:
    """Seconds per document and pages/s from the first document stored to the last."""
    order = sorted(range(len(stamps)), key=stamps.__getitem__)
    span = stamps[order[-1]] - stamps[order[0]]
    later_pages = sum(pages[i] for i in order[1:])
    return span / max(1, len(stamps) - 1), later_pages / span if span > 0 else 0.0


def embedded(files: list[Path], folder: Path, database_url: str, readers: int) -> dict:
    from repo_app.services.ingest import Ingestor

    services = instance(folder, database_url)
    stamps, pages = [], []

    def progress(outcome, _summary):
        stamps.append(time.perf_counter())
        pages.append(outcome.pages)

    started = time.perf_counter()
    summary = Ingestor(services, workers=readers, progress=progress).run(files)
    total = time.perf_counter() - started
    services.close()
    per_doc, pages_per_second = steady(stamps, pages)
    assert summary.counts["ingested"] + summary.counts["updated"] == len(files), summary.counts
    return {"per_doc": per_doc, "pages_per_second": pages_per_second, "total": total,
            "pages": sum(pages)}


class Workers:
    def __init__(self, env: dict, count: int, logs: Path):
        self.processes = []
        for number in range(count):
            with (logs / f"worker{number}.log").open("wb") as log:
                self.processes.append(subprocess.Popen(
                    [sys.executable, "-m", "repo_app.cli", "worker", "--concurrency", "1",
                     "--loglevel", "WARNING", "--name", f"bench{number}@%h"],
                    env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True))

    def stop(self) -> None:
        for process in self.processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def queued(files: list[Path], folder: Path, database_url: str, workers: int, broker: str,
           warm_file: Path, split_pages: int) -> dict:
    import sqlalchemy

    from repo_app.models import IngestItem

    services = instance(folder, database_url)
    env = {**os.environ, "REPO_INSTANCE": str(folder), "DATABASE_URL": database_url,
           "CELERY_BROKER_URL": broker, "CELERY_QUEUE": "bench-queue-ingest"}
    if broker.startswith("redis"):
        env.setdefault("CELERY_RESULT_BACKEND", broker)
    command = [sys.executable, "-m", "repo_app.cli", "queue", "ingest", "--wait", "--quiet",
               "--split-pages", str(split_pages)]
    pool = Workers(env, workers, folder)
    try:
        # Every worker warm (spaCy loaded) before the clock starts: one file per worker.
        warm = folder.parent / f"{folder.name}-warm"
        warm.mkdir()
        for number in range(workers):
            (warm / f"warm-{number}.pdf").write_bytes(
                warm_file.read_bytes() + f"%warm {number} {uuid.uuid4().hex}\n".encode())
        subprocess.run([*command, str(warm)], env=env, cwd=ROOT, check=True,
                       capture_output=True, timeout=600)
        batch = folder.parent / f"{folder.name}-batch"
        batch.mkdir()
        for path in files:
            os.link(path, batch / path.name)
        started = time.perf_counter()
        subprocess.run([*command, str(batch)], env=env, cwd=ROOT, check=True,
                       capture_output=True, timeout=3600)
        total = time.perf_counter() - started
    finally:
        pool.stop()
    with services.sessions() as session:
        items = session.scalars(sqlalchemy.select(IngestItem).where(
            IngestItem.path.like(f"{batch}%"))).all()
        assert all(item.state == "done" for item in items), [(i.path, i.state) for i in items]
        stamps = [item.finished_at.timestamp() for item in items]
        pages = [item.pages for item in items]
    services.close()
    per_doc, pages_per_second = steady(stamps, pages)
    return {"per_doc": per_doc, "pages_per_second": pages_per_second, "total": total,
            "pages": sum(pages)}


def row(label: str, result: dict, base: dict | None = None) -> str:
    line = (f"  {label:<34} {result['per_doc'] * 1000:7.0f} ms/doc "
            f"{result['pages_per_second']:7.1f} pages/s   end to end {result['total']:6.1f} s")
    if base:
        overhead = result["per_doc"] - base["per_doc"]
        line += (f"   overhead {overhead * 1000:+.0f} ms/doc "
                 f"({100 * overhead / base['per_doc']:+.1f} %)")
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=30, help="born-digital files")
    parser.add_argument("--scans", type=int, default=3, help="scanned samples (0: none)")
    parser.add_argument("--broker", default=os.environ.get("CELERY_BROKER_URL")
                        or "redis://127.0.0.1:6379/0")
    parser.add_argument("--split-pages", type=int, default=1,
                        help="OCR pages per task for the scans (the samples have 3 pages)")
    args = parser.parse_args()
    from indexer.isolation import cpu_count
    from indexer.ocr import ocr_available

    work = Path(tempfile.mkdtemp(prefix="queue-bench-"))
    databases = Databases(work)
    try:
        files = build_corpus(work / "digital", args.files)
        print(f"{len(files)} born-digital files, {pages_of(files)} pages; {cpu_count()} cores; "
              f"database {databases.kind}; broker {args.broker.split('@')[-1]}")
        results = {}
        for readers in (1, 2):
            results[f"embedded {readers}"] = embedded(
                files, work / f"e{readers}", databases.fresh(f"e{readers}"), readers)
            results[f"queue {readers}"] = queued(
                files, work / f"q{readers}", databases.fresh(f"q{readers}"), readers,
                args.broker, files[0], args.split_pages)
        print("Born-digital, steady state (first document stored to last):")
        for readers in (1, 2):
            base = results[f"embedded {readers}"]
            print(row(f"embedded, {readers} reader process(es)", base))
            print(row(f"queue, {readers} worker process(es)", results[f"queue {readers}"], base))
        if args.scans and ocr_available():
            scanned = scans(work / "scanned", args.scans)
            page_count = pages_of(scanned)
            print(f"Scanned: {len(scanned)} files, {page_count} pages to OCR "
                  f"(queue: {args.split_pages} page(s) per OCR task)")
            scan_embedded = embedded(scanned, work / "se", databases.fresh("se"), 2)
            scan_queue = queued(scanned, work / "sq", databases.fresh("sq"), 2, args.broker,
                                files[0], args.split_pages)
            for label, result in (("embedded, 2 readers", scan_embedded),
                                  ("queue, 2 workers, OCR split", scan_queue)):
                print(f"  {label:<34} {result['total']:6.1f} s end to end, "
                      f"{page_count / result['total']:.2f} pages/s")
            per_page = scan_queue["total"] / page_count  # seconds per page on this machine
            one = ARCHIVE_PAGES * per_page
            print(f"Projection (not a measurement): {ARCHIVE_PAGES:,} scanned pages, "
                  f"{ARCHIVE_DOCUMENTS:,} documents, at the {1 / per_page:.2f} pages/s measured "
                  f"here through the queue on one {cpu_count()}-core machine:")
            for machines in (1, 10, 100):
                print(f"  {machines:>3} machine(s): {one / machines / 3600:7.1f} h "
                      f"({ARCHIVE_DOCUMENTS / (one / machines):.2f} documents/s to the database)")
        else:
            print("Scanned: skipped (no OCR here, or --scans 0).")
    finally:
        databases.drop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
