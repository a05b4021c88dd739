"""Do the database of record, the stored files and the search index agree? (``repo-app check``)

The database is the truth; the index is derived from it and the files are what its rows name.
``check`` compares the three and lists each disagreement as a ``Finding``; ``repair`` fixes what
can be fixed without a person, then checks again and reports what remains:

* the index is brought back to the database (missing and stale entries indexed again, entries of
  records gone or not public removed, builds left by a killed rebuild deleted): derived data;
* a file no row names is moved to ``quarantine/moved-by-check/`` (a person may need it), never
  deleted; so is a stored copy whose content no longer has its hash, after which it counts as
  missing;
* a missing file and a record sharing its file with another are only reported, naming the
  record: the original must be ingested again (``repo-app ingest`` restores a lost copy) or
  restored from a backup, and duplicates merged by a person.

Run it on a quiet instance: an ingest or an edit running meanwhile can show as a passing
disagreement. Files younger than ``ORPHAN_GRACE_SECONDS`` that no row names yet are not judged,
as an ingest or upload writes the file just before committing its row.
"""

from __future__ import annotations

import shutil
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select, update

from indexer.extract import sha256_of
from repo_app.models import QuarantinedFile, Record, StoredFile
from repo_app.services.indexing import indexed_form, sync_index

MOVED_ASIDE = Path("quarantine") / "moved-by-check"
ORPHAN_GRACE_SECONDS = 3600
RECORD_BATCH = 200

# Kind -> what it means, for the report. ``repair`` fixes all but the UNREPAIRABLE ones.
KINDS = {
    "missing_from_index": "public record missing from the search index",
    "stale_in_index": "index entry older than its record",
    "duplicate_in_index": "record indexed more than once",
    "stray_in_index": "index entry with no public record",
    "index_leftover": "index build or pointer file no process will use",
    "orphan_file": "file no row names",
    "corrupt_file": "stored file whose content does not match its hash",
    "missing_file": "file a row names, missing on disk",
    "duplicate_record": "one file in several records",
}
REINDEXED = ("missing_from_index", "stale_in_index", "duplicate_in_index")
UNREPAIRABLE = ("missing_file", "duplicate_record")
ADVICE = {
    "missing_file": "ingest the original again (repo-app ingest FILE) or restore a backup",
    "duplicate_record": "merge or delete the extra records (a person decides which)",
}


@dataclass(frozen=True)
class Finding:
    kind: str  # a key of KINDS
    subject: str  # a record id, an index entry id, or a path under the instance folder
    detail: str = ""
    record_id: str | None = None

    @property
    def repairable(self) -> bool:
        return self.kind not in UNREPAIRABLE

    def line(self) -> str:
        named = self.record_id and self.record_id != self.subject
        record = f" (record {self.record_id})" if named else ""
        detail = f": {self.detail}" if self.detail else ""
        return f"{KINDS[self.kind]}: {self.subject}{record}{detail}"


@dataclass(frozen=True)
class Repair:
    finding: Finding
    action: str


@dataclass
class CheckReport:
    findings: list[Finding]
    counts: dict[str, int]
    index_checked: bool
    seconds: float
    repairs: list[Repair] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def by_kind(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            grouped[finding.kind].append(finding)
        return dict(grouped)

    def as_dict(self) -> dict:
        return {
            "ok": self.ok, "counts": self.counts, "index_checked": self.index_checked,
            "seconds": round(self.seconds, 3),
            "findings": [asdict(f) | {"repairable": f.repairable,
                                      "advice": ADVICE.get(f.kind)} for f in self.findings],
            "repairs": [asdict(r.finding) | {"action": r.action} for r in self.repairs],
        }


def check(services) -> CheckReport:
    started = time.perf_counter()
    counts: dict[str, int] = {}
    findings = _record_files(services, counts)
    findings += _orphan_files(services, counts)
    engine = services.search_engine
    index_checked = hasattr(engine, "entries")
    if index_checked:
        findings += _index(services, engine, counts)
    return CheckReport(findings, counts, index_checked, time.perf_counter() - started)


def repair(services) -> CheckReport:
    """Fix what ``check`` finds that needs no person; return a new check, with what was done."""
    findings = check(services).findings
    repairs = _repair_index(services, findings)
    for finding in findings:
        if finding.kind in ("orphan_file", "corrupt_file"):
            target = _move_aside(services.settings.instance, finding.subject)
            repairs.append(Repair(finding, f"moved to {target}"))
    report = check(services)
    report.repairs = repairs
    return report


# -- the database and its files -------------------------------------------------------------------


def _record_files(services, counts: dict) -> list[Finding]:
    """Each file a row names, present and with its hash; each file in one record only."""
    instance = services.settings.instance
    findings: list[Finding] = []
    owners: dict[str, set[str]] = defaultdict(set)  # file hash -> records holding it
    with services.sessions() as session:
        rows = session.execute(select(StoredFile.sha256, StoredFile.record_id,
                                      StoredFile.original_name, StoredFile.storage_path)).all()
        set_aside = session.execute(select(QuarantinedFile.sha256, QuarantinedFile.original_name,
                                           QuarantinedFile.storage_path)).all()
        for record_id, data in session.execute(select(Record.id, Record.data)):
            for listed in (data or {}).get("files") or ():
                if listed.get("sha256"):
                    owners[listed["sha256"]].add(record_id)
    for sha256, record_id, name, path in rows:
        owners[sha256].add(record_id)
        findings += _file_findings(instance, sha256, path, name, record_id)
    for sha256, name, path in set_aside:
        findings += _file_findings(instance, sha256, path, name, None)
    for sha256, records in sorted(owners.items()):
        if len(records) > 1:
            findings.append(Finding("duplicate_record", ", ".join(sorted(records)),
                                    f"file {sha256[:16]}… is in {len(records)} records"))
    counts.update(stored_files=len(rows), set_aside_files=len(set_aside))
    return findings


def _file_findings(instance: Path, sha256: str, path: str, name: str,
                   record_id: str | None) -> list[Finding]:
    full = instance / path
    if not full.is_file():
        return [Finding("missing_file", path, f"“{name}”", record_id)]
    if sha256_of(full) != sha256:
        return [Finding("corrupt_file", path, f"“{name}”", record_id)]
    return []


def _orphan_files(services, counts: dict) -> list[Finding]:
    settings = services.settings
    with services.sessions() as session:
        named = set(session.scalars(select(StoredFile.storage_path)))
        named.update(session.scalars(select(QuarantinedFile.storage_path)))
    moved_aside = settings.instance / MOVED_ASIDE
    now, recent, findings = time.time(), 0, []
    for folder in (settings.files_dir, settings.quarantine_dir):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if not path.is_file() or path.is_relative_to(moved_aside):
                continue
            relative = str(path.relative_to(settings.instance))
            if relative in named:
                continue
            if now - path.stat().st_mtime < ORPHAN_GRACE_SECONDS:
                recent += 1  # maybe a file whose row is being committed: not judged yet
                continue
            findings.append(Finding("orphan_file", relative, f"{path.stat().st_size} bytes"))
    counts["recent_unnamed_files"] = recent
    return findings


# -- the search index -----------------------------------------------------------------------------


def _index(services, engine, counts: dict) -> list[Finding]:
    entries = engine.entries()
    findings = [Finding("index_leftover", name) for name in engine.leftovers()]
    public = 0
    with services.sessions() as session:
        records = session.scalars(select(Record).order_by(Record.id)).yield_per(RECORD_BATCH)
        for record in records:
            expected = engine.fingerprint(indexed_form(record))
            held = entries.pop(record.id, [])
            public += expected is not None
            findings += _entry_findings(record.id, expected, held)
            session.expunge(record)  # keep memory flat on large instances
    for stray in sorted(entries):
        findings.append(Finding("stray_in_index", stray, "no such record"))
    counts.update(public_records=public, index_entries=engine.count())
    return findings


def _entry_findings(record_id: str, expected: str | None, held: list[str]) -> list[Finding]:
    if expected is None:
        return [Finding("stray_in_index", record_id, "the record may not be public",
                        record_id)] if held else []
    if not held:
        return [Finding("missing_from_index", record_id, record_id=record_id)]
    if len(held) > 1:
        return [Finding("duplicate_in_index", record_id, f"{len(held)} entries", record_id)]
    if held[0] != expected:
        return [Finding("stale_in_index", record_id, record_id=record_id)]
    return []


# -- repairs --------------------------------------------------------------------------------------


def _repair_index(services, findings: list[Finding]) -> list[Repair]:
    """The index is derived: entries of the database's public records are written again,
    others removed, left builds deleted; each kind in one batch."""
    engine = services.search_engine
    reindex = [f for f in findings if f.kind in REINDEXED]
    stray = [f for f in findings if f.kind == "stray_in_index"]
    leftovers = [f for f in findings if f.kind == "index_leftover"]
    if stray:
        engine.delete([f.subject for f in stray])
    if leftovers:
        engine.remove_leftovers()
    if reindex:
        with services.sessions.begin() as session:
            session.execute(update(Record).where(Record.id.in_([f.subject for f in reindex]))
                            .values(indexed_at=None))
        sync_index(services)
    return ([Repair(f, "removed from the index") for f in stray]
            + [Repair(f, "deleted (derived data)") for f in leftovers]
            + [Repair(f, "indexed again") for f in reindex])


def _move_aside(instance: Path, relative: str) -> str:
    """Move a file under ``MOVED_ASIDE``, keeping its path; never overwrite one already there."""
    target = MOVED_ASIDE / relative
    number = 1
    while (instance / target).exists():
        number += 1
        target = MOVED_ASIDE / f"{relative}.{number}"
    (instance / target).parent.mkdir(parents=True, exist_ok=True)
    shutil.move(instance / relative, instance / target)
    return str(target)
