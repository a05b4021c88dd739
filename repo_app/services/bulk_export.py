"""Bulk export of public metadata, as JSON Lines or CSV, streamed: rows are read in batches
and written as they come, so memory stays the same whatever the size of the repository.

Only what the public sees (``public_view.record_view`` with the anonymous principal), and only
metadata: no full text, no extraction internals. With no query and no filter the whole
repository is read from the database in id order; with them, the search engine picks the
records (the same filters and words as the search page, in its order), at most
``MAX_RESULT_WINDOW`` of them as any search.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from sqlalchemy import select

from repo_app.models import Record
from repo_app.services.principal import ANONYMOUS
from repo_app.services.public_view import record_view
from repo_app.services.search import SearchParams, search
from schemas.search_fields import MAX_PAGE_SIZE, MAX_RESULT_WINDOW

BATCH = 200
INTERNAL = ("full_text", "provenance", "entities", "quality", "version", "registration_state")
CSV_COLUMNS = (
    "id", "url", "kind", "document_type", "title", "title_en", "abstract", "abstract_en",
    "language", "keywords", "host_organisation", "parent_agency", "people", "field_of_science",
    "sectors", "ipc_classes", "task_code", "registration_number", "application_number",
    "publication_number", "patent_number", "date_start", "date_end", "date_accepted",
    "date_filed", "date_published", "date_granted", "budget_total_vnd", "trl", "place",
    "commercialisation_status", "ip_status", "access_level", "available_for_licensing",
)


def _metadata(record: Record, record_url: str) -> dict | None:
    data = record_view(record, ANONYMOUS)
    if data is None:
        return None
    for name in INTERNAL:
        data.pop(name, None)
    data["url"] = record_url.format(id=record.id)
    return data


def _filtered(params: SearchParams | None) -> bool:
    return params is not None and bool(params.text or params.filters)


def public_metadata(services, params: SearchParams | None, record_url: str) -> Iterator[dict]:
    """Every public record matching ``params`` (None: every public record), one dict each.

    The first page of a search is asked at once, so that a request the engine refuses raises
    ``BadSearchParameters`` here, before a response has begun."""
    if not _filtered(params):
        return _all_public(services, record_url)
    return _searched(services, params, record_url, _page(services, params, 1))


def _page(services, params: SearchParams, page: int) -> list[dict]:
    ask = SearchParams(text=params.text, filters=params.filters, page=page,
                       size=MAX_PAGE_SIZE, sort=params.sort)
    return search(services.search_engine, ask)["hits"]


def _searched(services, params: SearchParams, record_url: str, hits: list[dict]):
    page = 1
    while True:
        if not hits:
            return
        ids = [hit["id"] for hit in hits]
        with services.sessions() as session:
            rows = {r.id: r for r in session.scalars(select(Record).where(Record.id.in_(ids)))}
            found = [_metadata(rows[i], record_url) for i in ids if i in rows]
        yield from (data for data in found if data is not None)
        if len(hits) < MAX_PAGE_SIZE or page * MAX_PAGE_SIZE >= MAX_RESULT_WINDOW:
            return
        page += 1
        hits = _page(services, params, page)


def _all_public(services, record_url: str) -> Iterator[dict]:
    last = ""
    while True:
        with services.sessions() as session:
            rows = session.scalars(select(Record).where(Record.id > last).order_by(Record.id)
                                   .limit(BATCH)).all()
            found = [_metadata(row, record_url) for row in rows]
        yield from (data for data in found if data is not None)
        if len(rows) < BATCH:
            return
        last = rows[-1].id


def jsonl(records: Iterator[dict]) -> Iterator[str]:
    for data in records:
        yield json.dumps(data, ensure_ascii=False, sort_keys=False) + "\n"


def _flat(data: dict) -> dict:
    identifiers, dates = data.get("identifiers") or {}, data.get("dates") or {}
    row = {name: data.get(name) for name in CSV_COLUMNS}
    row.update({name: identifiers.get(name) for name in (
        "task_code", "registration_number", "application_number", "publication_number",
        "patent_number")})
    row.update({f"date_{name}": value for name, value in dates.items()})
    row["people"] = [f"{p['name']} ({p['role']})" for p in data.get("people") or []]
    row["budget_total_vnd"] = (data.get("budget") or {}).get("total_vnd")
    row["place"] = (data.get("place") or {}).get("label")
    return row


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    return str(value)


def csv_lines(records: Iterator[dict]) -> Iterator[str]:
    """UTF-8 with a byte-order mark (spreadsheets then read Vietnamese right); lists joined
    with ``; `` as the site's other CSV exports."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + flush()
    for data in records:
        row = _flat(data)
        writer.writerow([_cell(row.get(name)) for name in CSV_COLUMNS])
        yield flush()
