"""Keep the search index in step with the database, which is the source of truth.

A record whose ``indexed_at`` is empty or older than its ``updated_at`` is pending. Whatever
changed it (an ingest, a web action), ``sync_index`` brings the index up to date, so a crash
between a commit and the index write heals at the next sync.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import func, or_, select, update

from repo_app.models import Record, utcnow

BATCH = 500
RETRY_SECONDS = (1, 2, 5, 10, 30)
log = logging.getLogger(__name__)


def _is_pending():
    return or_(Record.indexed_at.is_(None), Record.indexed_at < Record.updated_at)


def _pending(session, limit, only=None):
    stmt = select(Record).where(_is_pending())
    if only is not None:
        stmt = stmt.where(Record.id.in_(sorted(only)))
    return session.scalars(stmt.order_by(Record.id).limit(limit)).all()


def pending_count(services) -> int:
    """How many records the index has not caught up with."""
    with services.sessions() as session:
        return session.scalar(select(func.count()).select_from(Record).where(_is_pending()))


def indexed_form(record: Record) -> dict:
    """What the engine indexes: the record, and its ``updated_at`` so that an engine that
    versions its writes (Elasticsearch) never lets an older copy overwrite a newer one."""
    return {**record.as_dict(), "updated_at": record.updated_at.isoformat()}


def sync_index(services, only: set[str] | None = None) -> int:
    """Index every pending record (or those of ``only`` that are pending); return how many were
    written or removed.

    An index that is new or was made for another schema is rebuilt whole from the database.
    """
    engine = services.search_engine
    if getattr(engine, "needs_rebuild", False):
        return rebuild_index(services)
    done = 0
    while True:
        with services.sessions() as session:
            records = _pending(session, BATCH, only)
            if not records:
                return done
            # The engine decides what a record shows (restricted ones are removed, not indexed).
            payload = [indexed_form(record) for record in records]
            stamps = {record.id: record.updated_at for record in records}
        engine.upsert(payload)
        with services.sessions.begin() as session:
            for record_id, updated_at in stamps.items():
                # Stamp with the version we indexed: a row changed meanwhile stays pending.
                session.execute(
                    update(Record)
                    .where(Record.id == record_id, Record.updated_at == updated_at)
                    .values(indexed_at=utcnow())
                )
        done += len(stamps)


def rebuild_index(services) -> int:
    """Build a fresh index from every record and switch to it; searches go on meanwhile."""
    started = utcnow()

    def records():
        with services.sessions() as session:
            for record in session.scalars(select(Record).order_by(Record.id)).yield_per(200):
                yield indexed_form(record)

    count = services.search_engine.rebuild(records())
    with services.sessions.begin() as session:
        session.execute(
            update(Record).where(Record.updated_at <= started).values(indexed_at=utcnow())
        )
        # Rows changed during the rebuild may have been indexed meanwhile by another process
        # (a site worker) into the build this one replaced: index them again, into the new one.
        session.execute(
            update(Record).where(Record.updated_at > started).values(indexed_at=None)
        )
    sync_index(services)
    return count


def follow_commits(services) -> None:
    """Reindex after every commit that changed records, so any web action or command that
    edits a record is searchable as soon as its transaction is committed.

    Ingest does not use this: it commits one document at a time and syncs in batches.
    """
    from sqlalchemy import event

    sessions = services.sessions
    if getattr(sessions, "_follows_index", False):
        return
    sessions._follows_index = True

    @event.listens_for(sessions, "before_flush")
    def _stamp_changes(session, _context, _instances):
        for obj in session.dirty:
            if isinstance(obj, Record) and session.is_modified(obj, include_collections=False):
                obj.updated_at = utcnow()

    @event.listens_for(sessions, "after_flush")
    def _collect(session, _context):
        touched = session.info.setdefault("records_touched", set())
        removed = session.info.setdefault("records_removed", set())
        touched.update(o.id for o in (*session.new, *session.dirty) if isinstance(o, Record))
        removed.update(o.id for o in session.deleted if isinstance(o, Record))

    @event.listens_for(sessions, "after_commit")
    def _reindex(session):
        touched = session.info.pop("records_touched", set())
        removed = session.info.pop("records_removed", set())
        if not (touched or removed):
            return
        try:
            if removed:
                services.search_engine.delete(sorted(removed))
            # Only what this commit touched: a request must not pay for a backlog (records
            # loaded behind the application's back, or left while the engine was down), nor
            # race other requests over it; the background catch-up and reindex take that.
            if touched:
                sync_index(services, only=touched - removed)
        except Exception:  # noqa: BLE001 - the commit stands; the index catches up later
            log.exception("the search index could not follow a commit; retrying shortly")
            _catch_up_later(services)

    @event.listens_for(sessions, "after_rollback")
    def _forget(session):
        session.info.pop("records_touched", None)
        session.info.pop("records_removed", None)


def _catch_up_later(services, attempt: int = 0) -> None:
    """Retry the index sync in the background until the engine answers again: the rows stay
    pending (``indexed_at`` older than ``updated_at``) meanwhile, so nothing is lost. A record
    removed while the engine was down is removed by the next rebuild."""
    if getattr(services, "_catching_up", False) and attempt == 0:
        return
    services._catching_up = True

    def retry():
        try:
            sync_index(services)
            services._catching_up = False
        except Exception as error:  # noqa: BLE001
            log.warning("search index still unreachable: %s", error)
            _catch_up_later(services, attempt + 1)

    delay = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
    timer = threading.Timer(delay, retry)
    timer.daemon = True
    timer.start()
