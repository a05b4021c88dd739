"""What the public may see of a record and its files, by access level.

``public``: everything. ``metadata_only``: the metadata; the full text and the files are given
on request. ``restricted``: nothing (the record does not exist for the public).
"""

from __future__ import annotations

from repo_app.models import StoredFile
from repo_app.services.records import get_record


def public_record(services, record_id: str) -> dict | None:
    with services.sessions() as session:
        record = get_record(session, record_id)
        if record is None or record.access_level == "restricted":
            return None
        data = record.as_dict()
    if data["access_level"] != "public":
        data.pop("full_text", None)
    return data


def downloadable_file(services, record_id: str, sha256: str):
    """The stored path of a file the public may download, or None."""
    with services.sessions() as session:
        row = session.get(StoredFile, sha256)
        if row is None or row.record_id != record_id or row.record.access_level != "public":
            return None
        return services.settings.instance / row.storage_path, row.original_name
