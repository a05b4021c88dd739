"""Researchers register results: upload files, the indexer pre-fills the metadata, the
researcher corrects and completes it, submits; staff accept (the record is published), ask
for changes, or reject (``schemas/workflows/registration.json``). Every version of the
metadata is kept and two versions can be compared."""

from __future__ import annotations

import tempfile
from pathlib import Path

from marshmallow import ValidationError
from sqlalchemy import func, or_, select

from repo_app.models import Record, RecordVersion, StoredFile, User
from repo_app.services import notifications, uow
from repo_app.services import records as record_service
from repo_app.services import workflow_engine as engine
from repo_app.services.access import is_owner, relations, visible_record
from repo_app.services.cases import open_case
from repo_app.services.errors import (
    Conflict,
    Forbidden,
    Invalid,
    NotAuthenticated,
    lazy_gettext,
)
from repo_app.services.principal import Principal
from repo_app.services.uploads import read_uploads
from schemas import workflows
from schemas.records import validate_record

MACHINE = "registration"
# What a researcher edits; access level is the Department's decision.
EDITABLE = ("title", "title_en", "abstract", "abstract_en", "keywords", "host_organisation",
            "parent_agency", "field_of_science", "sectors", "identifiers", "dates", "budget",
            "trl", "place", "language", "people", "kind")
STAFF_EDITABLE = (*EDITABLE, "access_level")
EDITABLE_STATES = ("draft", "changes_requested")
REVIEW_LIMIT = 500


def _subject(record: Record) -> engine.Subject:
    return engine.Subject(Record, "record", record.id, "registration_state", record.id)


def create_draft(services, principal: Principal, uploads: list[tuple[str, bytes]]) -> str:
    """A draft record from the uploaded files, its metadata pre-filled by the indexer."""
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to register a result."))
    if principal.role != "researcher" and not principal.is_staff:
        raise Forbidden(lazy_gettext("Results are registered by researchers and staff."))
    if not uploads:
        raise Invalid({"files": [lazy_gettext("Upload at least one PDF file.")]})
    with tempfile.TemporaryDirectory() as folder:
        readings = read_uploads(uploads, Path(folder))
        return _store_draft(services, principal, readings)


def _store_draft(services, principal: Principal, readings) -> str:
    prefill = next((r.record for r in readings if r.record), None)
    files_dir = services.settings.files_dir
    with uow.unit_of_work(services) as session:
        for reading in readings:
            known = session.get(StoredFile, reading.sha256)
            if known is not None:
                raise Conflict(lazy_gettext(
                    "“%(name)s” is already in the repository (record %(record)s).",
                    name=reading.name, record=known.record_id))
        draft = dict(prefill or {"kind": "research_result", "document_type": "final_report",
                                 "title": Path(readings[0].name).stem})
        draft["files"] = [f for r in readings for f in (r.record or {}).get("files", [])]
        record = Record(id=record_service.new_record_id(), natural_key=None, version=1,
                        registration_state="draft", created_by=principal.user_id)
        record_service.apply_metadata(record, draft)
        record.organisation_key = principal.organisation_key or record.organisation_key
        session.add(record)
        session.flush()
        for reading in readings:
            session.add(reading.stored_file(files_dir, services.settings.instance, record.id))
        record_service.snapshot(session, record, principal.user_id, "upload")
        engine.record_event(session, _subject(record), principal, kind="transition",
                            workflow=MACHINE, transition="create", to_state="draft",
                            data={"files": [r.name for r in readings],
                                  "unread": {r.name: r.reason for r in readings if r.reason}})
        return record.id


def update_metadata(services, principal: Principal, record_id: str, version, changes: dict,
                    comment: str = "") -> int:
    """Save an edit; a stale ``version`` is refused (409). Returns the new version."""
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to edit a record."))
    with uow.unit_of_work(services) as session:
        record = visible_record(session, principal, record_id)
        _may_edit(principal, record)
        allowed = STAFF_EDITABLE if principal.is_staff else EDITABLE
        unknown = sorted(set(changes) - set(allowed))
        if unknown:
            raise Invalid({name: [lazy_gettext("This field cannot be edited here.")]
                           for name in unknown})
        merged = {**record.data, **changes, "full_text": record.full_text}
        try:
            validated = validate_record(merged)
        except ValidationError as error:
            raise Invalid(error.messages) from None
        changed = sorted(k for k in changes if record.data.get(k) != validated.get(k))
        if not isinstance(version, int):
            raise Invalid({"version": [lazy_gettext("The version you last saw is required.")]})
        engine.bump_version(session, _subject(record), version)
        session.refresh(record)
        record_service.apply_metadata(record, {**validated, "commercialisation_status":
                                       record.commercialisation_status,
                                       "ip_status": record.ip_status})
        record_service.snapshot(session, record, principal.user_id, "edit")
        engine.record_event(session, _subject(record), principal, kind="edit",
                            comment=comment, data={"fields": changed})
        return record.version


def _may_edit(principal: Principal, record: Record) -> None:
    if principal.is_staff:
        return
    if not is_owner(principal, record):
        raise Forbidden(lazy_gettext(
            "Only the owning organisation's researchers and staff edit this."))
    if record.registration_state not in EDITABLE_STATES:
        raise Conflict(lazy_gettext(
            "A submitted or published record is edited by staff only; ask them for changes."))


def run_transition(services, record_id: str, principal: Principal, body: dict) -> str:
    with uow.unit_of_work(services) as session:
        record = visible_record(session, principal, record_id)
        outcome = engine.run(session, workflows.load(MACHINE), _subject(record),
                             str(body.get("transition") or ""), body.get("version"),
                             principal, relations(principal, record), body)
        session.refresh(record)
        if outcome.transition.target == "accepted":
            _publish(session, record)
        if outcome.transition.name in ("accept", "request_changes", "reject"):
            _notify_creator(session, record, outcome)
        return record.registration_state


def _publish(session, record: Record) -> None:
    key = record_service.natural_key(record.data)
    if key:
        holder = session.scalar(select(Record.id).where(Record.natural_key == key,
                                                        Record.id != record.id))
        if holder:
            raise Conflict(lazy_gettext(
                "The repository already holds this result as record %(record)s: reject this "
                "submission or ask for changes.", record=holder))
        record.natural_key = key
    open_case(session, record)


def _notify_creator(session, record: Record, outcome) -> None:
    creator = session.get(User, record.created_by) if record.created_by else None
    if creator is None:
        return
    notifications.queue(
        session, creator.email, "submission_reviewed", title=record.title,
        decision=f"{outcome.transition.title('vi')} / {outcome.transition.title('en')}",
        comment=outcome.event.comment, link=f"/records/{record.id}")


def versions(services, principal: Principal, record_id: str) -> list[dict]:
    with services.sessions() as session:
        visible_record(session, principal, record_id)
        rows = session.scalars(select(RecordVersion).where(RecordVersion.record_id == record_id)
                               .order_by(RecordVersion.number))
        return [{"number": v.number, "reason": v.reason, "at": v.created_at.isoformat(),
                 "actor": _actor(session, v.actor_id)} for v in rows]


def _actor(session, user_id) -> str:
    user = session.get(User, user_id) if user_id else None
    return (user.name or user.email) if user else "indexer"


def compare(services, principal: Principal, record_id: str, a: int, b: int) -> list[dict]:
    """The fields that differ between versions ``a`` and ``b``: (field, before, after)."""
    with services.sessions() as session:
        visible_record(session, principal, record_id)
        found = {v.number: v.data for v in session.scalars(select(RecordVersion).where(
            RecordVersion.record_id == record_id, RecordVersion.number.in_((a, b))))}
    if a not in found or b not in found:
        raise Invalid({"version": [lazy_gettext("Versions %(a)s and %(b)s are not both kept.",
                                                   a=a, b=b)]})
    before, after = _flatten(found[a]), _flatten(found[b])
    skipped = ("provenance", "quality", "entities")
    return [{"field": key, "before": before.get(key), "after": after.get(key)}
            for key in sorted(set(before) | set(after))
            if before.get(key) != after.get(key) and not key.startswith(skipped)]


def _flatten(data: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def review_queue(services, principal: Principal) -> dict:
    """What staff have to look at: submissions, then ingested records marked needs_review."""
    if not principal.is_staff:
        raise Forbidden(lazy_gettext("The review queue is for staff."))
    with services.sessions() as session:
        submitted = session.scalars(select(Record).where(Record.registration_state ==
                                                         "submitted").order_by(Record.updated_at))
        # Filtered in SQL: the queue opens on every staff home page, whatever the corpus size.
        needs_review = session.scalars(select(Record).where(
            Record.registration_state == "accepted",
            Record.data["quality"]["needs_review"].as_boolean().is_(True),
        ).order_by(Record.updated_at.desc()).limit(REVIEW_LIMIT)).all()
        count = session.scalar(select(func.count()).select_from(Record).where(
            Record.registration_state == "submitted"))
        return {"submitted": [_brief(r) for r in submitted], "submitted_count": count,
                "needs_review": [_brief(r) for r in needs_review]}


def _brief(record: Record) -> dict:
    return {"id": record.id, "title": record.title, "kind": record.kind,
            "state": record.registration_state, "updated_at": record.updated_at.isoformat(),
            "reasons": (record.data.get("quality") or {}).get("review_reasons", [])}


def own_results(services, principal: Principal) -> list[dict]:
    """The results a researcher registered or their organisation owns that are not published
    yet (drafts, submissions, changes asked), for their home page."""
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to see your registrations."))
    with services.sessions() as session:
        mine = [Record.created_by == principal.user_id]
        if principal.organisation_confirmed and principal.organisation_key:
            mine.append(Record.organisation_key == principal.organisation_key)
        rows = session.scalars(select(Record).where(
            or_(*mine), Record.registration_state != "accepted",
        ).order_by(Record.updated_at.desc()).limit(200))
        return [{"id": r.id, "title": r.title, "state": r.registration_state,
                 "updated_at": r.updated_at.isoformat()} for r in rows]
