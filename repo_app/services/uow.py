"""A unit of work: one transaction for a service call. Its database change and its event rows
commit together; indexing and mail run after the commit and never undo it."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError, OperationalError

from repo_app.services.errors import Conflict, lazy_gettext


@contextmanager
def unit_of_work(services):
    try:
        with services.sessions.begin() as session:
            yield session
    except OperationalError as error:
        # SQLite refuses a write whose snapshot another writer made stale ("database is
        # locked"): someone else changed the same data at the same time.
        if "locked" in str(error.orig).lower() or "busy" in str(error.orig).lower():
            raise Conflict(lazy_gettext(
                "Someone changed this at the same moment; reload and try again.")) \
                from None
        raise
    except IntegrityError:
        raise Conflict(lazy_gettext(
            "This conflicts with what is already stored (a duplicate).")) from None
