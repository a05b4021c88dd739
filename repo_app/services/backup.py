"""Backup and restore of a whole instance: every table of the database of record (SQLite or
PostgreSQL, in a format that does not depend on either), the stored and set-aside files, and
the instance's settings (its secret key). The search index is not backed up: it is rebuilt
from the database on restore.

A backup is one ``.tar.gz``: ``manifest.json`` (format, schema revision, row counts),
``tables/<name>.jsonl`` (one JSON object per row, dates as ISO text), ``files/...``,
``quarantine/...`` and ``secret_key``.
"""

from __future__ import annotations

import io
import json
import tarfile
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Date, DateTime, Integer, delete, func, insert, select, text

from repo_app.migrate import current_revision, head_revision, upgrade
from repo_app.models import Base

FORMAT = "kho-kqkhcn-backup/1"
BATCH = 1000


def _encode(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decode(column, value):
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        moment = datetime.fromisoformat(value)
        # SQLite keeps no time zone; every time this product writes is UTC.
        if column.type.timezone and moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def backup(services, target: Path) -> dict:
    """Write the backup of ``services``'s instance to ``target``; return its manifest."""
    settings = services.settings
    counts = {}
    with tarfile.open(target, "w:gz") as archive:
        with services.db.connect() as connection:
            for table in Base.metadata.sorted_tables:
                lines, count = [], 0
                for row in connection.execute(select(table)).mappings():
                    lines.append(json.dumps({k: _encode(v) for k, v in row.items()},
                                            ensure_ascii=False))
                    count += 1
                _add_bytes(archive, f"tables/{table.name}.jsonl",
                           ("\n".join(lines) + ("\n" if lines else "")).encode())
                counts[table.name] = count
        for folder in ("files", "quarantine"):
            path = settings.instance / folder
            if path.exists():
                archive.add(path, arcname=folder)
        _add_bytes(archive, "secret_key", services.secret_key.encode())
        manifest = {"format": FORMAT, "revision": current_revision(settings.database_url),
                    "created_at": datetime.now().astimezone().isoformat(), "rows": counts}
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
    return manifest


def restore(services, source: Path) -> dict:
    """Restore a backup into ``services``'s instance (its database must be empty of records);
    then rebuild the search index. Returns the manifest."""
    settings = services.settings
    with tarfile.open(source, "r:gz") as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
        if manifest.get("format") != FORMAT:
            raise ValueError(f"{source} is not a backup of this product.")
        if manifest["revision"] != head_revision():
            raise ValueError(
                f"The backup's schema is revision {manifest['revision']}, this version's is "
                f"{head_revision()}: restore it with the version that made it, then upgrade.")
        settings.instance.mkdir(parents=True, exist_ok=True)
        upgrade(settings.database_url)
        _load_tables(services, archive, manifest)
        members = [m for m in archive.getmembers()
                   if m.name.split("/")[0] in ("files", "quarantine") and m.isfile()]
        for member in members:
            if ".." in Path(member.name).parts or member.name.startswith("/"):
                raise ValueError(f"Refusing a path outside the instance: {member.name}")
        archive.extractall(settings.instance, members=members, filter="data")
        secret = archive.extractfile("secret_key").read().decode().strip()
    if not settings.secret_key:
        (settings.instance / "secret_key").write_text(secret)
        services.__dict__.pop("secret_key", None)
    from repo_app.services.indexing import rebuild_index

    rebuild_index(services)
    return manifest


def _load_tables(services, archive: tarfile.TarFile, manifest: dict) -> None:
    from repo_app.models import Record

    with services.db.begin() as connection:
        if connection.scalar(select(func.count()).select_from(Record)):
            raise ValueError("The target database already holds records: restore into an "
                             "empty instance.")
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(delete(table))
        for table in Base.metadata.sorted_tables:
            member = archive.extractfile(f"tables/{table.name}.jsonl")
            rows = [json.loads(line) for line in member.read().decode().splitlines() if line]
            columns = {c.name: c for c in table.columns}
            rows = [{k: _decode(columns[k], v) for k, v in row.items() if k in columns}
                    for row in rows]
            for start in range(0, len(rows), BATCH):
                connection.execute(insert(table), rows[start:start + BATCH])
        if connection.dialect.name == "postgresql":
            _advance_sequences(connection)


def _advance_sequences(connection) -> None:
    """Rows came with their ids: move each serial's sequence past the largest one."""
    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            # A table without a sequence gets NULL from pg_get_serial_sequence: no effect.
            if isinstance(column.type, Integer):
                connection.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                    f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"))
