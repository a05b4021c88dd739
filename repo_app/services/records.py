"""Records in the database: create from an extraction, update, read."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from repo_app.models import QuarantinedFile, Record, StoredFile, utcnow
from repo_app.services.cases import open_case
from repo_app.services.owners import organisation_key
from schemas.records import validate_record

# Set by Department staff through the workflows; a re-sent document must not reset them.
STAFF_MANAGED = ("access_level", "trl")
# Kept in their own columns, moved only by the workflows: never in ``data``.
STATUS_COLUMNS = ("commercialisation_status", "ip_status")


def natural_key(record: dict) -> str | None:
    """The identifier a result keeps across new versions of its document."""
    identifiers = record.get("identifiers") or {}
    if identifiers.get("application_number"):
        return f"application:{identifiers['application_number']}"
    if identifiers.get("task_code"):
        code = re.sub(r"\s+", "", identifiers["task_code"]).upper()
        return f"task:{code}"
    return None


def find_file(session: Session, sha256: str) -> StoredFile | None:
    return session.get(StoredFile, sha256)


def get_record(session: Session, record_id: str) -> Record | None:
    return session.get(Record, record_id)


def apply_metadata(record: Record, data: dict) -> None:
    """Write validated metadata into the row. The statuses a document states (a patent's
    grant) set a new record's columns; afterwards only the workflows move them."""
    data = validate_record(data)
    data.pop("id", None)
    for name in ("registration_state", "available_for_licensing"):
        data.pop(name, None)
    statuses = {name: data.pop(name) for name in STATUS_COLUMNS}
    for name, value in statuses.items():
        if getattr(record, name, None) is None:
            setattr(record, name, value)
    record.full_text = data.pop("full_text", "") or ""
    record.kind = data["kind"]
    record.document_type = data["document_type"]
    record.title = data["title"]
    record.access_level = data["access_level"]
    record.organisation_key = organisation_key(data.get("host_organisation")) or (
        record.organisation_key)
    record.data = data
    record.updated_at = utcnow()


def save_extraction(session: Session, draft: dict, file_row: StoredFile) -> tuple[str, Record]:
    """Store a newly read document: a new record, or a new version of a known one.

    Returns ``("ingested" | "updated", record)``.
    """
    key = natural_key(draft)
    existing = session.scalar(select(Record).where(Record.natural_key == key)) if key else None
    if existing is None:
        record = Record(id=file_row.sha256[:16], natural_key=key, version=1,
                        registration_state="accepted")
        apply_metadata(record, {**draft, "id": record.id})
        session.add(record)
        session.flush()
        open_case(session, record)
        snapshot(session, record, None, "ingest")
        status = "ingested"
    else:
        record = existing
        merged = {**draft}
        for name in STAFF_MANAGED:
            if name in existing.data:
                merged[name] = existing.data[name]
        merged["files"] = existing.data.get("files", []) + draft.get("files", [])
        apply_metadata(record, merged)
        snapshot(session, record, None, "ingest_update")
        status = "updated"
    file_row.record_id = record.id
    session.add(file_row)
    return status, record


def save_reread(session: Session, draft: dict, sha256: str, pages: int, text_method: str,
                quality: str) -> tuple[str, Record]:
    """Store what a new reading of an already stored file found (``ingest --reread``, e.g.
    after OCR became available): the file's record is updated in place, whatever its key."""
    row = session.get(StoredFile, sha256)
    record = row.record
    merged = {**draft}
    for name in STAFF_MANAGED:
        if name in record.data:
            merged[name] = record.data[name]
    merged["files"] = record.data.get("files", [])
    before = {k: v for k, v in record.data.items() if k != "provenance"}
    apply_metadata(record, merged)
    after = {k: v for k, v in record.data.items() if k != "provenance"}
    record.natural_key = natural_key(record.data) or record.natural_key
    row.pages, row.text_method, row.quality = pages, text_method, quality
    return ("updated" if before != after else "unchanged"), record


def quarantine(session: Session, row: QuarantinedFile) -> None:
    session.merge(row)


def snapshot(session: Session, record: Record, actor_id: int | None, reason: str) -> None:
    """Keep this version of the record's metadata (every version is kept, to be compared)."""
    from sqlalchemy import func

    from repo_app.models import RecordVersion

    last = session.scalar(select(func.max(RecordVersion.number))
                          .where(RecordVersion.record_id == record.id)) or 0
    session.add(RecordVersion(record_id=record.id, number=last + 1, data=dict(record.data),
                              actor_id=actor_id, reason=reason))


def new_record_id() -> str:
    import secrets

    return secrets.token_hex(8)


def create_granted_record(session: Session, request, source: Record, key: str) -> Record:
    """The patent (or utility solution...) record of a grant the repository did not hold."""
    people = [{"name": name, "role": "inventor"} for name in request.inventors]
    people.append({"name": request.applicant, "role": "applicant"})
    draft = {
        "kind": request.ip_type, "document_type": "patent_document", "title": source.title,
        "language": source.data.get("language", "vi"),
        "host_organisation": source.data.get("host_organisation"), "people": people,
        "sectors": source.data.get("sectors", []),
        "field_of_science": source.data.get("field_of_science"),
        "identifiers": {"application_number": request.application_number,
                        "patent_number": request.grant_number},
        "dates": {"filed": request.filing_date.isoformat(),
                  "granted": request.grant_date.isoformat()},
        "ip_status": "granted",
    }
    record = Record(id=new_record_id(), natural_key=key, version=1,
                    registration_state="accepted", created_by=source.created_by)
    apply_metadata(record, draft)
    record.organisation_key = record.organisation_key or source.organisation_key
    session.add(record)
    session.flush()
    snapshot(session, record, None, "granted")
    return record
