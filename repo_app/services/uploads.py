"""Files uploaded by people: checked by content, never trusted by name, stored by hash.

The name a person gave is kept for the download, but never used as a path. Each file is read
by the indexer in an isolated worker under the same time and memory limits as an ingest.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from indexer.extract import extract_or_reason, warm_up
from indexer.isolation import Failure, run_isolated
from repo_app.models import StoredFile
from repo_app.services.errors import Invalid, lazy_gettext

MAX_UPLOAD_BYTES = 100 * 1024 * 1024
MAX_FILES = 10
UPLOAD_TIMEOUT = 300


@dataclass
class Reading:
    name: str
    sha256: str
    path: Path
    size: int
    record: dict | None = None
    pages: int = 0
    text_method: str = "none"
    quality: str = "needs_review"
    reason: str | None = None

    def stored_file(self, files_dir: Path, instance: Path, record_id: str) -> StoredFile:
        target = files_dir / self.sha256[:2] / f"{self.sha256}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            temp = target.with_suffix(".part")
            temp.write_bytes(self.path.read_bytes())
            os.replace(temp, target)
        return StoredFile(sha256=self.sha256, record_id=record_id, original_name=self.name,
                          size=self.size, pages=self.pages, text_method=self.text_method,
                          quality=self.quality, storage_path=str(target.relative_to(instance)))


def clean_name(name: str) -> str:
    """A display name: Vietnamese letters kept, folders, control characters and the
    characters no file system likes removed."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C" and ch not in '<>:"|?*')
    name = name.strip(" .")[:200]
    return name or "document.pdf"


def read_uploads(uploads: list[tuple[str, bytes]], folder: Path) -> list[Reading]:
    if len(uploads) > MAX_FILES:
        raise Invalid({"files": [lazy_gettext("At most %(max)s files at once.", max=MAX_FILES)]})
    readings = []
    for index, (name, content) in enumerate(uploads):
        name = clean_name(name)
        if len(content) > MAX_UPLOAD_BYTES:
            raise Invalid({"files": [lazy_gettext(
                "“%(name)s” is larger than %(size)s MB.", name=name,
                size=MAX_UPLOAD_BYTES // 2**20)]})
        if not content.lstrip()[:5] == b"%PDF-":
            raise Invalid({"files": [lazy_gettext("“%(name)s” is not a PDF file.", name=name)]})
        sha256 = hashlib.sha256(content).hexdigest()
        path = folder / f"{index}.pdf"  # never the uploaded name
        path.write_bytes(content)
        readings.append(Reading(name, sha256, path, len(content)))
    _read(readings)
    return readings


def _read(readings: list[Reading]) -> None:
    jobs = [(r.sha256, (str(r.path), r.name, 1)) for r in readings]
    by_hash = {r.sha256: r for r in readings}
    for sha256, result in run_isolated(extract_or_reason, jobs, workers=min(2, len(jobs)),
                                       timeout=UPLOAD_TIMEOUT, initializer=warm_up):
        reading = by_hash[sha256]
        if isinstance(result, Failure):
            reading.reason = result.reason
        elif result[0] == "unreadable":
            reading.reason = result[1]
        else:
            extraction = result[1]
            reading.record = extraction.record
            reading.pages, reading.text_method = extraction.page_count, extraction.text_method
            reading.quality = extraction.quality
