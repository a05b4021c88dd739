"""The coordinator's side: submit a batch, follow it to the end, report on it.

What is sent survives the coordinator: the batch and its items are committed before any task
is sent, each item is marked when its task is sent, and :func:`follow` (``repo-app queue wait``)
sends again what a stopped coordinator had not sent. With tantivy (one writer) the coordinator
indexes what the workers committed (``sync_index``, every few seconds and at the end); with
Elasticsearch the workers index as they go and the coordinator's sync finds little left.
"""

from __future__ import annotations

import secrets
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, update

from indexer.extract import sha256_of
from indexer.isolation import DEFAULT_TIMEOUT
from repo_app.models import IngestBatch, IngestItem, utcnow
from repo_app.queue import DEFAULT_SPLIT_PAGES
from repo_app.services import records as record_service
from repo_app.services.indexing import sync_index
from repo_app.services.ingest import _store_copy, discover

SEND_CHUNK = 200
INDEX_EVERY_SECONDS = 5.0
OPEN_STATES = ("queued", "running", "split")


@dataclass
class Submitted:
    batch_id: str
    files: int  # every file named
    sent: int  # distinct new files, one task each
    known: int  # already stored: unchanged
    duplicates: list[str] = field(default_factory=list)  # same content as another file named


@dataclass
class BatchStatus:
    batch_id: str
    states: Counter  # queued, running (split included), done, set_aside
    statuses: Counter  # ingested, updated, unchanged, quarantined
    pages: int
    seconds: float  # first start to last finish, over all workers
    finished: bool

    @property
    def open(self) -> int:
        return self.states["queued"] + self.states["running"]

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (f"batch {self.batch_id}: queued {self.states['queued']}, running "
                f"{self.states['running']}, done {self.states['done']}, set aside "
                f"{self.states['set_aside']}; {self.pages} pages, "
                f"{self.pages_per_second:.1f} pages/s across all workers")


def _tasks():
    from repo_app.queue import tasks

    return tasks


def submit(services, paths: Iterable[str | Path], *, timeout: float = DEFAULT_TIMEOUT,
           split_pages: int = DEFAULT_SPLIT_PAGES, send: bool = True) -> Submitted:
    """Stage each new file on the shared instance folder, commit the batch, send its tasks."""
    paths = [str(path) for path in paths]
    files = discover(paths)
    settings = services.settings
    batch_id = secrets.token_hex(8)
    staging = settings.instance / "incoming" / batch_id
    items: dict[str, IngestItem] = {}
    duplicates: list[str] = []
    known_count = 0
    with services.sessions() as session:
        for path in files:
            sha256 = sha256_of(path)
            if sha256 in items:
                duplicates.append(str(path))
                continue
            item = IngestItem(batch_id=batch_id, sha256=sha256, path=str(path),
                              original_name=path.name, size=path.stat().st_size, attempts=0,
                              pages=0, ocr_parts=0)
            known = record_service.find_file(session, sha256)
            if known is not None:
                item.state, item.status = "done", "unchanged"
                item.record_id, item.kind = known.record_id, known.record.kind
                item.finished_at = utcnow()
                known_count += 1
            else:
                staged = _store_copy(path, staging, sha256)
                item.staged_path = str(staged.relative_to(settings.instance))
                item.state = "queued"
            items[sha256] = item
    with services.sessions.begin() as session:
        session.add(IngestBatch(id=batch_id, paths=paths, timeout=timeout,
                                split_pages=split_pages))
        session.flush()
        session.add_all(items.values())
    submitted = Submitted(batch_id, len(files), len(items) - known_count, known_count, duplicates)
    if send:
        send_pending(services, batch_id)
    return submitted


def send_pending(services, batch_id: str) -> int:
    """Send a task for every queued item of the batch not yet sent; how many were sent."""
    tasks = _tasks()
    with services.sessions() as session:
        batch = session.get(IngestBatch, batch_id)
        if batch is None:
            raise LookupError(f"No batch {batch_id}")
        ids = session.scalars(
            select(IngestItem.id)
            .where(IngestItem.batch_id == batch_id, IngestItem.state == "queued",
                   IngestItem.sent_at.is_(None))
            .order_by(IngestItem.id)
        ).all()
    # Splitting needs a result backend, where the parts wait for their assembly.
    split = batch.split_pages if tasks.app.conf.result_backend else 0
    for start in range(0, len(ids), SEND_CHUNK):
        chunk = ids[start:start + SEND_CHUNK]
        for item_id in chunk:
            tasks.ingest_document.apply_async(
                (item_id, split, batch.timeout), time_limit=batch.timeout)
        # Marked after sending: a coordinator stopped in between sends them again, and the
        # tasks delivered twice find their item closed.
        with services.sessions.begin() as session:
            session.execute(update(IngestItem).where(IngestItem.id.in_(chunk))
                            .values(sent_at=utcnow()))
    return len(ids)


def latest_batch(services) -> str | None:
    recent = recent_batches(services, 1)
    return recent[0] if recent else None


def recent_batches(services, limit: int = 10) -> list[str]:
    """The ids of the last batches, the newest first."""
    with services.sessions() as session:
        return list(session.scalars(
            select(IngestBatch.id).order_by(IngestBatch.created_at.desc()).limit(limit)))


def forget_sent(services, batch_id: str) -> int:
    """Mark the batch's files that no task has started as not sent, so that :func:`follow`
    sends them again: for a broker that lost its queue (one that keeps nothing on disk). Their
    earlier messages, if any survive, find the item closed or run it once more (idempotent)."""
    with services.sessions.begin() as session:
        return session.execute(
            update(IngestItem)
            .where(IngestItem.batch_id == batch_id, IngestItem.state == "queued",
                   IngestItem.sent_at.is_not(None))
            .values(sent_at=None)
        ).rowcount


def status(services, batch_id: str) -> BatchStatus:
    with services.sessions() as session:
        batch = session.get(IngestBatch, batch_id)
        if batch is None:
            raise LookupError(f"No batch {batch_id}")
        states, statuses = Counter(), Counter()
        for state, item_status, count in session.execute(
            select(IngestItem.state, IngestItem.status, func.count())
            .where(IngestItem.batch_id == batch_id)
            .group_by(IngestItem.state, IngestItem.status)
        ):
            states["running" if state == "split" else state] += count
            if item_status:
                statuses[item_status] += count
        pages, first, last = session.execute(
            select(func.coalesce(func.sum(IngestItem.pages), 0),
                   func.min(IngestItem.started_at), func.max(IngestItem.finished_at))
            .where(IngestItem.batch_id == batch_id, IngestItem.state == "done",
                   IngestItem.status != "unchanged")
        ).one()
        finished = batch.finished_at is not None
    seconds = (last - first).total_seconds() if first and last else 0.0
    for state in ("queued", "running", "done", "set_aside"):
        states.setdefault(state, 0)
    return BatchStatus(batch_id, states, statuses, int(pages), seconds, finished)


def follow(services, batch_id: str, *, progress: Callable | None = None, poll: float = 0.5,
           index_every: float = INDEX_EVERY_SECONDS, deadline: float | None = None
           ) -> BatchStatus:
    """Send what is unsent, then wait until every item is closed, indexing what the workers
    committed as they go; the batch's final status. A coordinator stopped at any point is
    replaced by calling this again."""
    send_pending(services, batch_id)
    sync_index(services)  # heal what an interrupted run left pending
    last_sync = time.monotonic()
    while True:
        current = status(services, batch_id)
        if progress:
            progress(current)
        if current.open == 0:
            break
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError(current.line())
        if time.monotonic() - last_sync > index_every:
            sync_index(services)
            last_sync = time.monotonic()
        time.sleep(poll)
    sync_index(services)
    with services.sessions.begin() as session:
        batch = session.get(IngestBatch, batch_id)
        batch.finished_at = batch.finished_at or utcnow()
    # the copies the workers read: every file is stored or set aside now
    shutil.rmtree(services.settings.instance / "incoming" / batch_id, ignore_errors=True)
    return status(services, batch_id)


def report(services, batch_id: str) -> list[dict]:
    """One row per distinct file, as ``repo-app ingest --report`` writes them."""
    with services.sessions() as session:
        items = session.scalars(select(IngestItem).where(IngestItem.batch_id == batch_id)
                                .order_by(IngestItem.id)).all()
        return [
            {"path": item.path, "status": item.status or item.state,
             "record_id": item.record_id, "kind": item.kind, "reason": item.reason,
             "message": item.message, "quality": item.quality, "pages": item.pages,
             "attempts": item.attempts, "worker": item.worker}
            for item in items
        ]
