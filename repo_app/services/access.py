"""One access policy for records, called by pages, API and workflows alike.

The public sees a record once it is published (registration accepted) and not restricted.
Staff see everything. Researchers of the owning organisation, and whoever registered the
record, also see its drafts.
"""

from __future__ import annotations

from repo_app.models import Record
from repo_app.services.errors import NotFound, lazy_gettext
from repo_app.services.principal import Principal


def is_owner(principal: Principal, record: Record) -> bool:
    return principal.member_of(record.organisation_key) or (
        principal.authenticated and record.created_by == principal.user_id)


def can_see(principal: Principal, record: Record | None) -> bool:
    if record is None:
        return False
    if principal.is_staff or is_owner(principal, record):
        return True
    return record.registration_state == "accepted" and record.access_level != "restricted"


def visible_record(session, principal: Principal, record_id: str) -> Record:
    """The record, or NotFound when it does not exist for this person (never 403: a
    restricted record's existence is itself not public)."""
    record = session.get(Record, record_id)
    if not can_see(principal, record):
        raise NotFound(lazy_gettext("No record %(id)s.", id=repr(record_id)))
    return record


def require_staff(principal: Principal, refusal=None) -> Principal:
    """401 for the anonymous, 403 for anyone but Department staff (``refusal``: the 403's
    message, saying what only staff may do)."""
    from repo_app.services.errors import Forbidden, NotAuthenticated

    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext(
            "Sign in, or send an API token (Authorization: Bearer ...)."))
    if not principal.is_staff:
        raise Forbidden(refusal or lazy_gettext("Only Department staff may do this."))
    return principal


def relations(principal: Principal, record: Record) -> set[str]:
    """The workflow roles ``principal`` holds on ``record``."""
    held = set()
    if principal.is_staff:
        held.add("staff")
    if is_owner(principal, record):
        held.add("owner")
    return held
