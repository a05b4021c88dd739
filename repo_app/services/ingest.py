"""Ingest files and folders: read each document in a worker process, store it in its own
transaction, set aside what cannot be read, and bring the search index up to date.

Reading (text, OCR, parsing, spaCy) is the slow part and runs in isolated worker processes,
each document under a time and memory limit (``indexer.isolation``); writing
to the database and the index happens in this process, one document per transaction, so a
killed ingest leaves no half-written record and a rerun picks up where it stopped (files
already stored are recognised by their content hash and reported as unchanged).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

# What the workers run lives in indexer, so a worker process imports the reading side only:
# importing this module would bring Flask and SQLAlchemy along (0.3 s per worker started).
from indexer.extract import extract_or_reason, sha256_of, warm_up
from indexer.isolation import (
    DEFAULT_MEMORY_MB,
    DEFAULT_TIMEOUT,
    Failure,
    cpu_count,
    run_isolated,
)
from repo_app.models import QuarantinedFile, StoredFile
from repo_app.services import records as record_service
from repo_app.services.indexing import sync_index

STATUSES = ("ingested", "updated", "unchanged", "quarantined")
INDEX_EVERY_SECONDS = 5.0


@dataclass
class FileOutcome:
    path: str
    status: str
    record_id: str | None = None
    kind: str | None = None
    reason: str | None = None
    message: str | None = None
    quality: str | None = None
    pages: int = 0
    # Seconds per stage: "text", "ocr", "parse", "nlp" (in the worker), "database" (here).
    timings: dict = field(default_factory=dict)

    def report_row(self) -> dict:
        row = asdict(self)
        return {key: row[key] for key in ("path", "status", "record_id", "kind", "reason")} | {
            "message": self.message,
            "quality": self.quality,
            "pages": self.pages,
        }


@dataclass
class IngestSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def counts(self) -> Counter:
        return Counter(outcome.status for outcome in self.outcomes)

    index_seconds: float = 0.0

    def stage_seconds(self) -> Counter:
        """Total seconds spent in each stage, over all documents (workers run in parallel)."""
        total = Counter()
        for outcome in self.outcomes:
            total.update(outcome.timings)
        total["index"] = self.index_seconds
        return total

    @property
    def pages(self) -> int:
        return sum(outcome.pages for outcome in self.outcomes if outcome.status != "unchanged")


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files named on the command line, and every PDF below the folders named."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
            )
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(f"No such file or folder: {path}")
    return found


def _store_copy(source: Path, folder: Path, sha256: str) -> Path:
    """Copy a file into content-addressed storage atomically (temp file, then rename)."""
    target = folder / sha256[:2] / f"{sha256}.pdf"
    if not target.exists():
        _copy_atomically(source, target)
    return target


def _copy_atomically(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as temp:
        with source.open("rb") as handle:
            shutil.copyfileobj(handle, temp)
        temp.flush()
        os.fsync(temp.fileno())
    os.replace(temp.name, target)


class Ingestor:
    def __init__(
        self,
        services,
        workers: int | None = None,
        progress: Callable | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        memory_mb: int = DEFAULT_MEMORY_MB,
        reread: bool = False,
    ):
        self.reread = reread  # read stored files again (a better extractor, OCR now installed)
        self._stored: set[str] = set()
        self.services = services
        self.workers = max(1, workers or min(4, os.cpu_count() or 1))
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.progress = progress or (lambda outcome, summary: None)
        self.settings = services.settings

    def run(self, paths: Iterable[str | Path]) -> IngestSummary:
        started = time.perf_counter()
        summary = IngestSummary()
        files = discover(paths)
        sync_index(self.services)  # heal anything a previous, interrupted run left pending
        to_read: dict[str, Path] = {}
        duplicates: list[tuple[Path, str]] = []
        for path in files:
            sha256 = sha256_of(path)
            with self.services.sessions() as session:
                known = record_service.find_file(session, sha256)
                if known:
                    self._restore_lost_copy(path, known.storage_path)
                known = (known.record_id, known.record.kind) if known else None
            if sha256 in to_read:
                duplicates.append((path, sha256))
            elif known and self.reread:
                self._stored.add(sha256)
                to_read[sha256] = path
            elif known:
                self._record(summary, FileOutcome(str(path), "unchanged", *known))
            else:
                to_read[sha256] = path
        self._read_all(to_read, summary)
        for path, sha256 in duplicates:
            with self.services.sessions() as session:
                known = record_service.find_file(session, sha256)
                outcome = FileOutcome(str(path), "unchanged", *(
                    (known.record_id, known.record.kind) if known else (None, None)
                ))
            if known is None:
                outcome.status, outcome.reason = "quarantined", "duplicate_of_unreadable"
            self._record(summary, outcome)
        self._sync(summary)
        summary.seconds = time.perf_counter() - started
        return summary

    def _restore_lost_copy(self, source: Path, storage_path: str) -> None:
        """A stored file whose copy was lost (or set aside as corrupt by ``repo-app check
        --repair``) is copied again from this file, which has its hash: ingesting the original
        again is how a missing file is repaired."""
        target = self.settings.instance / storage_path
        if not target.exists():
            _copy_atomically(source, target)

    def _sync(self, summary: IngestSummary) -> None:
        started = time.perf_counter()
        sync_index(self.services)
        summary.index_seconds += time.perf_counter() - started

    def _record(self, summary: IngestSummary, outcome: FileOutcome) -> None:
        summary.outcomes.append(outcome)
        self.progress(outcome, summary)

    def _read_all(self, to_read: dict[str, Path], summary: IngestSummary) -> None:
        # Documents run side by side: share the cores between their tesseract processes.
        ocr_workers = max(1, cpu_count() // self.workers)
        jobs = [(sha256, (str(path), path.name, ocr_workers)) for sha256, path in to_read.items()]
        last_sync = time.monotonic()
        results = run_isolated(
            extract_or_reason, jobs, workers=self.workers, timeout=self.timeout,
            memory_mb=self.memory_mb, initializer=warm_up,
        )
        for sha256, result in results:
            if isinstance(result, Failure):
                result = ("unreadable", result.reason, result.message)
            self._record(summary, self._store(sha256, to_read[sha256], result))
            if time.monotonic() - last_sync > INDEX_EVERY_SECONDS:
                self._sync(summary)
                last_sync = time.monotonic()

    def _store(self, sha256: str, path: Path, result) -> FileOutcome:
        if result[0] == "unreadable":
            _, reason, message = result
            stored = _store_copy(path, self.settings.quarantine_dir, sha256)
            with self.services.sessions.begin() as session:
                record_service.quarantine(
                    session,
                    QuarantinedFile(
                        sha256=sha256,
                        original_name=path.name,
                        size=path.stat().st_size,
                        reason=reason,
                        message=message,
                        storage_path=str(stored.relative_to(self.settings.instance)),
                    ),
                )
            return FileOutcome(str(path), "quarantined", reason=reason, message=message)

        extraction = result[1]
        started = time.perf_counter()
        stored = _store_copy(path, self.settings.files_dir, sha256)
        file_row = StoredFile(
            sha256=sha256,
            original_name=path.name,
            size=path.stat().st_size,
            pages=extraction.page_count,
            text_method=extraction.text_method,
            quality=extraction.quality,
            storage_path=str(stored.relative_to(self.settings.instance)),
        )
        with self.services.sessions.begin() as session:
            if sha256 in self._stored:
                status, record = record_service.save_reread(
                    session, extraction.record, sha256, extraction.page_count,
                    extraction.text_method, extraction.quality,
                )
            else:
                status, record = record_service.save_extraction(
                    session, extraction.record, file_row
                )
            record_id, kind = record.id, record.kind
        timings = {**extraction.timings, "database": time.perf_counter() - started}
        return FileOutcome(
            str(path), status, record_id, kind,
            quality=extraction.quality, pages=extraction.page_count, timings=timings,
        )
