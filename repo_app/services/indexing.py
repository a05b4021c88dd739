"""Keep the search index in step with the database, which is the source of truth.

A record whose ``indexed_at`` is empty or older than its ``updated_at`` is pending. Whatever
changed it (an ingest, a web action), ``sync_index`` brings the index up to date, so a crash
between a commit and the index write heals at the next sync.
"""

from __future__ import annotations

from sqlalchemy import or_, select, update

from indexer.search.documents import search_document
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
    """Index every pending record; return how many were written or removed."""
    engine = services.search_engine
    done = 0
    while True:
        with services.sessions() as session:
            records = _pending(session, BATCH)
            if not records:
                return done
            documents, hidden, stamps = [], [], {}
            for record in records:
                document = search_document(record.as_dict())
                if document is None:
                    hidden.append(record.id)
                else:
                    documents.append(document)
                stamps[record.id] = record.updated_at
        if hidden:
            engine.delete(hidden)
        if documents:
            engine.upsert(documents)
        with services.sessions.begin() as session:
            for record_id, updated_at in stamps.items():
                # Stamp with the version we indexed: a row changed meanwhile stays pending.
                session.execute(
                    update(Record)
                    .where(Record.id == record_id, Record.updated_at == updated_at)
                    .values(indexed_at=max(utcnow(), updated_at))
                )
        done += len(stamps)


def rebuild_index(services) -> int:
    """Build a fresh index from every record and switch to it; searches go on meanwhile."""
    started = utcnow()

    def documents():
        with services.sessions() as session:
            for record in session.scalars(select(Record).order_by(Record.id)).yield_per(200):
                document = search_document(record.as_dict())
                if document is not None:
                    yield document

    count = services.search_engine.rebuild(documents())
    with services.sessions.begin() as session:
        session.execute(
            update(Record).where(Record.updated_at <= started).values(indexed_at=utcnow())
        )
    # Rows changed during the rebuild are still pending: index them now.
    sync_index(services)
    return count
