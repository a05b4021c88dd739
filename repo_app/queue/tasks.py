"""The tasks a worker runs: read one document, or one part of its OCR pages, and store it.

Each pool process of a worker is a reader like the embedded ingest's (``indexer.isolation``):
its memory is capped (``RLIMIT_AS``, ``repo-app worker --max-memory``), spaCy is loaded once
when it starts, and a document over its time limit gets its process killed (Celery's hard
``time_limit``, sent with each task) and is set aside with reason ``timeout``.

Nothing lost, nothing twice:

* tasks are acknowledged after their result is committed (``acks_late``); a worker that dies
  holding one (``kill -9``, a machine lost) leaves it to be delivered again (RabbitMQ at once,
  Redis after ``CELERY_VISIBILITY_TIMEOUT``), and a pool process that dies has its task put
  back at once (``task_reject_on_worker_lost``);
* every start is counted on the item's row before reading: a file whose reader keeps dying is
  set aside with reason ``crashed`` after :data:`MAX_TRIES` starts, never retried forever;
* a result is stored in one transaction with its item: a task delivered again finds the item
  closed and does nothing, and a file already stored (``StoredFile``, keyed by its SHA-256) is
  reported ``unchanged``, never stored twice. Database errors are retried a bounded number of
  times (:data:`DB_RETRIES`).

A scan with more than ``split_pages`` pages to OCR is not read by one task: the pages go to
``ocr_part`` tasks, several workers read them, and ``assemble_document`` (a chord's callback)
reads the document once more with those pages, so its record is the one the embedded ingest
makes. ``indexer.extract`` asks ``indexer.ocr.ocr_pages`` for its OCR; in a worker that function
is wrapped (:func:`_planned_ocr_pages`) to stop the reading where OCR would start (then split),
or to answer with the pages the parts read.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import asdict
from pathlib import Path

from celery import chord, group, signals
from celery.exceptions import TimeLimitExceeded
from sqlalchemy.exc import IntegrityError, OperationalError

from indexer.extract import extract_or_reason, warm_up
from indexer.isolation import DEFAULT_MEMORY_MB, cpu_count
from repo_app.queue.app import app

MAX_TRIES = 3  # starts of one file's task before it is set aside as crashing its reader
DB_RETRIES = 5  # a database that does not answer: retried with backoff, then set aside
FINAL = ("done", "set_aside")
log = logging.getLogger(__name__)

_services = None


def worker_services():
    """This process's services (database, settings), made on first use after the fork."""
    global _services
    if _services is None:
        from repo_app.services import Services
        from repo_app.settings import Settings

        _services = Services(Settings.from_env())
    return _services


@signals.worker_process_init.connect
def _init_reader(**_kwargs) -> None:
    """A pool process starts: its own database connections, capped memory, spaCy loaded."""
    global _services
    if _services is not None and "db" in _services.__dict__:
        _services.db.dispose(close=False)  # the parent's connections are not ours to use
    _services = None
    memory_mb = int(os.environ.get("REPO_WORKER_MEMORY_MB") or DEFAULT_MEMORY_MB)
    if memory_mb:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _install_ocr_plan()
    warm_up()


# -- OCR split over several tasks ------------------------------------------------------------


class _SplitOcr(BaseException):
    """Raised where ``extract_document`` would start its OCR: the pages go to a chord instead.
    A BaseException, so that the reader's ``except Exception`` lets it through."""

    def __init__(self, indices):
        super().__init__(indices)
        self.indices = list(indices)


_plan: dict = {}
_real_ocr_pages = None


def _install_ocr_plan() -> None:
    global _real_ocr_pages
    from indexer import ocr

    if _real_ocr_pages is None:
        _real_ocr_pages = ocr.ocr_pages
        ocr.ocr_pages = _planned_ocr_pages


def _planned_ocr_pages(path, indices, *, workers=None, **kwargs):
    """``indexer.ocr.ocr_pages`` as the current task plans it: the pages its parts read, or a
    split when there are more than ``split_above`` of them, else plain OCR."""
    indices = list(indices)
    done = _plan.get("pages")
    if done is not None:
        missing = [index for index in indices if index not in done]
        read = {}
        if missing:
            read = {p.index: p for p in _real_ocr_pages(path, missing, workers=workers, **kwargs)}
        return [done.get(index) or read[index] for index in indices]
    split_above = _plan.get("split_above") or 0
    if split_above and len(indices) > split_above:
        raise _SplitOcr(indices)
    return _real_ocr_pages(path, indices, workers=workers, **kwargs)


def _ocr_workers() -> int:
    """Tesseract processes per document: the cores shared between the pool's processes."""
    concurrency = int(os.environ.get("REPO_WORKER_CONCURRENCY") or 1)
    return max(1, cpu_count() // max(1, concurrency))


def _read(staged: Path, name: str, *, split_above: int = 0, pages: dict | None = None) -> tuple:
    _install_ocr_plan()
    _plan.update(split_above=split_above, pages=pages)
    try:
        return extract_or_reason(str(staged), name, _ocr_workers())
    except MemoryError:
        memory_mb = int(os.environ.get("REPO_WORKER_MEMORY_MB") or DEFAULT_MEMORY_MB)
        return ("unreadable", "too_large", f"Reading it needed more than {memory_mb} MB of memory.")
    finally:
        _plan.clear()


# -- the item's row ----------------------------------------------------------------------------


def _begin(item_id: int, hostname: str | None):
    """Count one start of a task for this item; None when the item is closed already."""
    from repo_app.models import IngestItem, utcnow

    with worker_services().sessions.begin() as session:
        item = session.get(IngestItem, item_id, with_for_update=True)
        if item is None or item.state in FINAL:
            return None
        item.attempts += 1
        item.worker = (hostname or "")[:200]
        item.started_at = item.started_at or utcnow()
        if item.state == "queued":
            item.state = "running"
        return item


def _allowed_starts(item) -> int:
    # A split file starts its first task, each part and the assembly once when nothing dies.
    return MAX_TRIES + (item.ocr_parts + 1 if item.ocr_parts else 0)


def _too_many_starts(item) -> bool:
    if item.attempts <= _allowed_starts(item):
        return False
    _close(item.id, ("unreadable", "crashed",
                     f"Its reading was started {item.attempts - 1} times and never finished (its "
                     "reader killed, out of memory, or its machine lost)."), known=item)
    return True


def _close(item_id: int, result: tuple, timings: dict | None = None, *,
           known=None) -> str | None:
    """Store a reading's result and close the item, in one transaction; the status, or None
    when the item was closed already (a task delivered twice). ``known``: the item as this task
    began it (saves reading it again)."""
    from repo_app.models import IngestItem, QuarantinedFile, StoredFile, utcnow
    from repo_app.services import records as record_service
    from repo_app.services.ingest import _store_copy

    services = worker_services()
    settings = services.settings
    item = known
    if item is None:
        with services.sessions() as session:
            item = session.get(IngestItem, item_id)
            if item is None or item.state in FINAL:
                return None
    sha256, name, size = item.sha256, item.original_name, item.size
    staged = settings.instance / item.staged_path
    started = time.perf_counter()
    unreadable = result[0] == "unreadable"
    folder = settings.quarantine_dir if unreadable else settings.files_dir
    stored = _store_copy(staged, folder, sha256)
    storage_path = str(stored.relative_to(settings.instance))
    for attempt in range(3):
        try:
            with services.sessions.begin() as session:
                item = session.get(IngestItem, item_id, with_for_update=True)
                if item is None or item.state in FINAL:
                    return None
                if unreadable:
                    _, reason, message = result
                    record_service.quarantine(session, QuarantinedFile(
                        sha256=sha256, original_name=name, size=size, reason=reason,
                        message=message, storage_path=storage_path,
                    ))
                    item.state, item.status = "set_aside", "quarantined"
                    item.reason, item.message = reason, message
                else:
                    extraction = result[1]
                    stored_file = record_service.find_file(session, sha256)
                    if stored_file is not None:
                        status, record = "unchanged", stored_file.record
                    else:
                        status, record = record_service.save_extraction(
                            session, extraction.record, StoredFile(
                                sha256=sha256, original_name=name, size=size,
                                pages=extraction.page_count, text_method=extraction.text_method,
                                quality=extraction.quality, storage_path=storage_path,
                            ))
                    item.state, item.status = "done", status
                    item.record_id, item.kind = record.id, record.kind
                    item.quality, item.pages = extraction.quality, extraction.page_count
                    timings = {**extraction.timings, **(timings or {})}
                item.timings = {**(timings or {}), "database": time.perf_counter() - started}
                item.finished_at = utcnow()
                status = item.status
            break
        except IntegrityError:
            # Another worker stored the same file, or the first version of the same result, at
            # the same moment: read again what is there now.
            if attempt == 2:
                raise
    if settings.search_engine == "elasticsearch":
        _index_now(services)
    return status


def _index_now(services) -> None:
    """Elasticsearch takes writes from every worker: index what was just committed."""
    from repo_app.services.indexing import sync_index

    try:
        sync_index(services)
    except Exception:  # noqa: BLE001 - the commit stands; the coordinator's sync catches up
        log.exception("indexing after the commit failed; the coordinator will index it")


def _mark_split(item_id: int, parts: int) -> None:
    from repo_app.models import IngestItem

    with worker_services().sessions.begin() as session:
        item = session.get(IngestItem, item_id, with_for_update=True)
        if item is not None and item.state not in FINAL:
            item.state, item.ocr_parts = "split", parts


def _staged(item) -> Path:
    return worker_services().settings.instance / item.staged_path


# -- tasks -------------------------------------------------------------------------------------


class ReaderTask(app.Task):
    """What a task does when it fails for good: its file is set aside with the reason. A hard
    time limit is handled in the worker's main process (the reader was killed)."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        item_id = args[-1] if self.name == assemble_document.name else args[0]
        if isinstance(exc, TimeLimitExceeded):
            limit = exc.args[0] if exc.args else "?"
            result = ("unreadable", "timeout", f"Reading it took longer than {limit:.0f} s."
                      if isinstance(limit, int | float) else "Reading it took too long.")
        else:
            result = ("unreadable", "worker_error", f"{type(exc).__name__}: {exc}")
        try:
            _close(item_id, result)
        except Exception:  # noqa: BLE001 - the database may be what failed; the item stays open
            log.exception("could not set item %s aside", item_id)


_RETRY = dict(
    bind=True, base=ReaderTask, autoretry_for=(OperationalError,), max_retries=DB_RETRIES,
    retry_backoff=2, retry_backoff_max=60, retry_jitter=False,
)


@app.task(name="repo_app.ingest_document", ignore_result=True, **_RETRY)
def ingest_document(self, item_id: int, split_pages: int = 0, timeout: float = 600) -> None:
    item = _begin(item_id, self.request.hostname)
    if item is None or _too_many_starts(item) or item.state == "split":
        return  # closed, set aside now, or its OCR parts are already on their way
    try:
        result = _read(_staged(item), item.original_name, split_above=split_pages)
    except _SplitOcr as split:
        parts = [split.indices[i:i + split_pages]
                 for i in range(0, len(split.indices), split_pages)]
        header = group(ocr_part.s(item_id, part).set(time_limit=timeout) for part in parts)
        chord(header)(assemble_document.s(item_id).set(time_limit=timeout))
        _mark_split(item_id, len(parts))
        return
    _close(item_id, result, known=item)


@app.task(name="repo_app.ocr_part", **_RETRY)
def ocr_part(self, item_id: int, indices: list[int]) -> list[dict]:
    """OCR some pages of a split scan; the pages as dicts (``indexer.ocr.OcrPage``)."""
    item = _begin(item_id, self.request.hostname)
    if item is None or _too_many_starts(item):
        return []
    _install_ocr_plan()
    try:
        pages = _real_ocr_pages(_staged(item), indices, workers=1)
    except MemoryError:
        return []  # the assembly reads what is missing itself, under the same limits
    except Exception:  # noqa: BLE001 - no OCR on this machine: the assembly tries again
        log.exception("OCR of pages %s of item %s failed", indices, item_id)
        return []
    return [asdict(page) for page in pages]


@app.task(name="repo_app.assemble_document", ignore_result=True, **_RETRY)
def assemble_document(self, parts: list[list[dict]], item_id: int) -> None:
    """All the OCR parts of a scan are read: read the document with them and store it."""
    from indexer.ocr import OcrPage

    item = _begin(item_id, self.request.hostname)
    if item is None or _too_many_starts(item):
        return
    pages = {page["index"]: OcrPage(**page) for part in parts for page in part}
    result = _read(_staged(item), item.original_name, pages=pages)
    _close(item_id, result, {"ocr_parts": float(len(parts))}, known=item)
