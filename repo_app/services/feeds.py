"""Any search followed as an Atom feed (RFC 4287): the records matching it, most recently
added or changed first, public ones only.

With no words and no filter the newest rows come straight from the database; otherwise the
search engine names the matches (the first ``SCAN_LIMIT`` of them, in its order) and the
newest ``FEED_SIZE`` of those by ``updated_at`` are the entries.
"""

from __future__ import annotations

import heapq
import xml.etree.ElementTree as ET

from sqlalchemy import select

from repo_app.models import Record
from repo_app.services.oai import datestamp, utc
from repo_app.services.oai_xml import clean
from repo_app.services.principal import ANONYMOUS
from repo_app.services.public_view import record_view
from repo_app.services.search import SearchParams, search
from schemas import vocabularies
from schemas.search_fields import MAX_PAGE_SIZE

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50
SCAN_LIMIT = 1000
SUMMARY_CHARS = 600


def newest(services, params: SearchParams) -> list[tuple]:
    """[(updated_at, public record dict)], newest first, at most FEED_SIZE."""
    if not (params.text or params.filters):
        found = []
        with services.sessions() as session:
            statement = select(Record).order_by(Record.updated_at.desc(), Record.id.desc())
            # Closed explicitly: leaving a server-side cursor early must not wait for the GC.
            with session.scalars(statement.execution_options(yield_per=FEED_SIZE)) as rows:
                for row in rows:
                    data = record_view(row, ANONYMOUS)
                    if data is not None:
                        found.append((utc(row.updated_at), data))
                        if len(found) == FEED_SIZE:
                            break
        return found
    best: list[tuple] = []
    for page in range(1, SCAN_LIMIT // MAX_PAGE_SIZE + 1):
        ask = SearchParams(text=params.text, filters=params.filters, page=page,
                           size=MAX_PAGE_SIZE, sort=params.sort)
        hits = search(services.search_engine, ask)["hits"]
        ids = [hit["id"] for hit in hits]
        with services.sessions() as session:
            for row in session.scalars(select(Record).where(Record.id.in_(ids))):
                data = record_view(row, ANONYMOUS)
                if data is None:
                    continue
                entry = (utc(row.updated_at), row.id, data)
                if len(best) < FEED_SIZE:
                    heapq.heappush(best, entry)
                else:
                    heapq.heappushpop(best, entry)
        if len(hits) < MAX_PAGE_SIZE:
            break
    return [(stamp, data) for stamp, _, data in sorted(best, key=lambda e: (e[0], e[1]),
                                                        reverse=True)]


def _el(parent, tag: str, text=None, **attributes):
    element = ET.SubElement(parent, tag, {k: clean(v) for k, v in attributes.items()})
    if text is not None:
        element.text = clean(text)
    return element


def atom(entries: list[tuple], *, feed_url: str, page_url: str, record_url: str, title: str,
         author: str, now) -> bytes:
    """The feed document. Atom's elements are written unqualified under a literal default
    namespace, as the OAI-PMH answers are."""
    feed = ET.Element("feed", {"xmlns": ATOM})
    _el(feed, "id", feed_url)
    _el(feed, "title", title)
    _el(feed, "updated", datestamp(entries[0][0] if entries else now))
    _el(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _el(feed, "link", rel="alternate", type="text/html", href=page_url)
    _el(_el(feed, "author"), "name", author)
    kinds = vocabularies.load("kinds")
    for stamp, data in entries:
        url = record_url.format(id=data["id"])
        entry = _el(feed, "entry")
        _el(entry, "id", url)
        _el(entry, "title", data["title"])
        _el(entry, "updated", datestamp(stamp))
        _el(entry, "link", rel="alternate", type="text/html", href=url)
        for person in data.get("people") or []:
            if person.get("role") in ("principal_investigator", "inventor"):
                _el(_el(entry, "author"), "name", person["name"])
        if data.get("kind"):
            _el(entry, "category", term=data["kind"], label=kinds.term_label(data["kind"]))
        abstract = (data.get("abstract") or "").strip()
        if abstract:
            if len(abstract) > SUMMARY_CHARS:
                abstract = abstract[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
            _el(entry, "summary", abstract, type="text")
    body = ET.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")
