"""Keep the search index in step with the database, which is the source of truth.

A record whose ``indexed_at`` is empty or older than its ``updated_at`` is pending. Whatever
changed it (an ingest, a web action), ``sync_index`` brings the index up to date, so a crash
between a commit and the index write heals at the next sync.
"""

from __future__ import annotations

from sqlalchemy import or_, select, update

from repo_app.models import Record, utcnow

BATCH = 500


def _pending(session, limit):
    stmt = (
        select(Record)
        .where(or_(Record.indexed_at.is_(None), Record.indexed_at < Record.updated_at))
        .order_by(Record.id)
        .limit(limit)
    )
    return session.scalars(stmt).all()


def sync_index(services) -> int:
    """Index every pending record; return how many were written or removed.

    An index that is new or was made for another schema is rebuilt whole from the database.
    """
    engine = services.search_engine
    if getattr(engine, "needs_rebuild", False):
        return rebuild_index(services)
    done = 0
    while True:
        with services.sessions() as session:
            records = _pending(session, BATCH)
            if not records:
                return done
            # The engine decides what a record shows (restricted ones are removed, not indexed).
            payload = [record.as_dict() for record in records]
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
                yield record.as_dict()

    count = services.search_engine.rebuild(records())
    with services.sessions.begin() as session:
        session.execute(
            update(Record).where(Record.updated_at <= started).values(indexed_at=utcnow())
        )
    # Rows changed during the rebuild are still pending: index them now.
    sync_index(services)
    return count
