"""What a person may see of a record and its files (the access policy in ``access``).

``public``: everything. ``metadata_only``: the metadata; the full text and the files are given
on request. ``restricted``: nothing (the record does not exist for the public). Staff, and the
owning organisation's researchers, also see drafts and restricted records; how well a document
was read (quality, provenance notes) is shown to staff only.
"""

from __future__ import annotations

from repo_app.models import StoredFile
from repo_app.services.access import can_see, is_owner
from repo_app.services.principal import ANONYMOUS, Principal
from repo_app.services.records import get_record

STAFF_ONLY = ("quality",)


def public_record(services, record_id: str, principal: Principal = ANONYMOUS) -> dict | None:
    with services.sessions() as session:
        return record_view(get_record(session, record_id), principal)


def record_view(record, principal: Principal = ANONYMOUS) -> dict | None:
    """What ``principal`` may see of a loaded record, or None (harvests and exports call this
    for each row of a batch instead of opening a session per record)."""
    if not can_see(principal, record):
        return None
    data = record.as_dict()
    privileged = principal.is_staff or is_owner(principal, record)
    data["version"] = record.version
    if data["access_level"] != "public" and not privileged:
        data.pop("full_text", None)
    if not principal.is_staff:
        for name in STAFF_ONLY:
            data.pop(name, None)
        if data.get("provenance"):
            data["provenance"] = {k: v for k, v in data["provenance"].items() if k != "notes"}
    return data


def downloadable_file(services, record_id: str, sha256: str, principal: Principal = ANONYMOUS):
    """The stored path of a file this person may download, or None."""
    with services.sessions() as session:
        row = session.get(StoredFile, sha256)
        if row is None or row.record_id != record_id or not can_see(principal, row.record):
            return None
        privileged = principal.is_staff or is_owner(principal, row.record)
        if row.record.access_level != "public" and not privileged:
            return None
        return services.settings.instance / row.storage_path, row.original_name
