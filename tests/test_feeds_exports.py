"""Open formats beside the pages: search feeds (Atom), bulk exports of public metadata (JSON
Lines, CSV), citations (BibTeX, RIS) and the record page's JSON-LD and Highwire tags."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

import pytest
from lxml import etree

from repo_app.models import Record
from repo_app.services import bulk_export
from repo_app.services.access import can_see
from repo_app.services.principal import ANONYMOUS

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def _public(services) -> dict[str, Record]:
    with services.sessions() as session:
        rows = session.query(Record).all()
        return {r.id: (r.kind, r.updated_at) for r in rows if can_see(ANONYMOUS, r)}


def _feed(client, query: str = ""):
    response = client.get(f"/feeds/search.atom{query}")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = etree.fromstring(response.data, etree.XMLParser(no_network=True))
    # RFC 4287's musts: the feed's id, title, updated and author (or every entry's), a self
    # link; each entry's id, title, updated and (with no content) an alternate link.
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"a:{name}", ATOM)) == 1, name
    assert feed.find("a:author/a:name", ATOM).text
    assert feed.find("a:link[@rel='self']", ATOM).get("href").endswith(query or "search.atom")
    stamp = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
    assert stamp.match(feed.findtext("a:updated", namespaces=ATOM))
    entries = feed.findall("a:entry", ATOM)
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"a:{name}", ATOM)) == 1, name
        assert stamp.match(entry.findtext("a:updated", namespaces=ATOM))
        assert entry.find("a:link[@rel='alternate']", ATOM).get("href") == \
            entry.findtext("a:id", namespaces=ATOM)
    return feed, entries


def _entry_ids(entries) -> list[str]:
    return [e.findtext("a:id", namespaces=ATOM).rsplit("/", 1)[1] for e in entries]


def test_a_search_feed_lists_matching_public_records_newest_first(client, corpus_app):
    public = _public(corpus_app.extensions["repo"])
    _, entries = _feed(client)
    ids = _entry_ids(entries)
    assert ids and set(ids) <= set(public) and len(ids) == min(len(public), 50)
    updated = [e.findtext("a:updated", namespaces=ATOM) for e in entries]
    assert updated == sorted(updated, reverse=True)

    feed, patents = _feed(client, "?kind=patent")
    assert _entry_ids(patents) and all(public[i][0] == "patent" for i in _entry_ids(patents))
    assert {e.find("a:category", ATOM).get("term") for e in patents} == {"patent"}
    assert feed.find("a:link[@rel='alternate']", ATOM).get("href").endswith("/?kind=patent")

    _, found = _feed(client, "?q=thanh+long")
    assert _entry_ids(found) and set(_entry_ids(found)) <= set(public)
    assert client.get("/feeds/search.atom?sort=nope").status_code == 400


def _jsonl(client, query: str = "") -> list[dict]:
    response = client.get(f"/api/v1/export.jsonl{query}")
    assert response.status_code == 200 and response.is_streamed
    assert response.mimetype == "application/jsonl"
    assert "attachment" in response.headers["Content-Disposition"]
    return [json.loads(line) for line in response.get_data(as_text=True).splitlines()]


def test_jsonl_export_holds_every_public_record_once_without_full_text(client, corpus_app):
    public = _public(corpus_app.extensions["repo"])
    rows = _jsonl(client)
    assert sorted(r["id"] for r in rows) == sorted(public)
    for row in rows:
        assert "full_text" not in row and "quality" not in row and "provenance" not in row
        assert row["url"].endswith(f"/records/{row['id']}") and row["title"]
    patents = _jsonl(client, "?kind=patent")
    assert sorted(r["id"] for r in patents) == sorted(i for i, v in public.items()
                                                      if v[0] == "patent")
    for bad in ("sort=nope", "year=abc", "kind=patent&year=2020..abc"):
        error = client.get(f"/api/v1/export.jsonl?{bad}")  # refused before the stream begins
        assert error.status_code == 400 and error.mimetype == "application/problem+json", bad


def test_csv_export_is_a_spreadsheet_of_the_same_records(client, corpus_app):
    response = client.get("/api/v1/export.csv?kind=patent")
    assert response.status_code == 200 and response.is_streamed
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert list(rows[0]) == list(bulk_export.CSV_COLUMNS)
    expected = [r["id"] for r in _jsonl(client, "?kind=patent")]
    assert [r["id"] for r in rows] == expected
    assert all(r["kind"] == "patent" and r["title"] for r in rows)
    assert any(r["application_number"] for r in rows)


def test_exports_read_the_database_in_batches(corpus_app, monkeypatch):
    """Constant memory: the unfiltered export holds one batch at a time, whatever the size."""
    services = corpus_app.extensions["repo"]
    monkeypatch.setattr(bulk_export, "BATCH", 4)
    opened = []
    real = services.sessions

    class Counting:
        def __call__(self, *args, **kwargs):
            opened.append(1)
            return real(*args, **kwargs)

        def __getattr__(self, name):
            return getattr(real, name)

    monkeypatch.setattr(services, "sessions", Counting())
    stream = bulk_export.public_metadata(services, None, "http://x/{id}")
    first = next(stream)
    assert first["id"] and len(opened) == 1  # one batch read for the first record
    rest = list(stream)
    total = 1 + len(rest)
    with real() as session:
        rows = session.query(Record).count()
    assert total == len(_public(services)) and len(opened) >= rows // 4


def test_citations_of_a_record(client, corpus_app):
    services = corpus_app.extensions["repo"]
    with services.sessions() as session:
        report = next(r for r in session.query(Record).order_by(Record.id)
                      if can_see(ANONYMOUS, r) and r.kind == "research_result"
                      and any(p["role"] in ("principal_investigator", "member")
                              for p in r.data.get("people") or []))
        title, record_id = report.title, report.id
    bib = client.get(f"/records/{record_id}/cite.bib")
    assert bib.status_code == 200 and bib.mimetype == "application/x-bibtex"
    text = bib.get_data(as_text=True)
    assert text.startswith(f"@techreport{{kqkhcn:{record_id},")
    assert text.count("{") == text.count("}")
    assert " author = {" in text and "institution = {" in text
    assert "{{" + title.replace("%", r"\%").replace("&", r"\&") in " ".join(text.split())
    ris = client.get(f"/records/{record_id}/cite.ris")
    assert ris.status_code == 200
    lines = ris.get_data(as_text=True).split("\r\n")
    assert lines[0] == "TY  - RPRT" and lines[-2] == "ER  - " and lines[-1] == ""
    assert f"TI  - {' '.join(title.split())}" in lines
    assert any(line.startswith("AU  - ") for line in lines)
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines[:-1])
    assert client.get("/records/0000/cite.bib").status_code == 404


def test_record_page_carries_json_ld_and_highwire_tags(client, corpus_app):
    services = corpus_app.extensions["repo"]
    with services.sessions() as session:
        record = next(r for r in session.query(Record).order_by(Record.id)
                      if can_see(ANONYMOUS, r))
        title, record_id = record.title, record.id
    response = client.get(f"/records/{record_id}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org" and data["name"] == title
    assert data["url"].endswith(f"/records/{record_id}")
    # The Content-Security-Policy forbids inline scripts: a JSON-LD block is data, never run,
    # so it is the one inline <script> the page may hold, and the policy stays strict.
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    inline = [m for m in re.finditer(r"<script(?![^>]*\bsrc=)([^>]*)>", html)]
    assert [m.group(1) for m in inline] == [' type="application/ld+json"']
    head = html.split("</head>", 1)[0]
    tags = {name: unescape(value) for name, value in
            re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', head)}
    assert tags["citation_title"] == title
    assert tags["citation_abstract_html_url"].endswith(f"/records/{record_id}")
    assert tags["citation_language"] in ("vi", "en")
    assert f'/records/{record_id}/cite.bib' in head


# -- What is not public never leaves, in a private instance ------------------------------------


def _add(session, id_, *, access="public", state="accepted"):
    session.add(Record(
        id=id_, kind="research_result", document_type="final_report", title=f"Kết quả {id_}",
        access_level=access, commercialisation_status="accepted", ip_status="none",
        registration_state=state, data={"kind": "research_result", "title": f"Kết quả {id_}",
                                        "document_type": "final_report",
                                        "people": [{"name": "Nguyễn Văn A",
                                                    "role": "principal_investigator"}]},
        full_text="văn bản đầy đủ"))


@pytest.fixture
def private_client(services):
    from repo_app import create_app

    with services.sessions.begin() as session:
        _add(session, "open1")
        _add(session, "meta1", access="metadata_only")
        _add(session, "secret1", access="restricted")
        _add(session, "draft1", state="draft")
    app = create_app(services=services)
    app.config.update(TESTING=True)
    return app.test_client()


def test_nothing_private_in_feeds_exports_or_citations(private_client):
    _, entries = _feed(private_client)
    assert sorted(_entry_ids(entries)) == ["meta1", "open1"]
    rows = _jsonl(private_client)
    assert sorted(r["id"] for r in rows) == ["meta1", "open1"]
    assert all("full_text" not in r for r in rows)
    text = private_client.get("/api/v1/export.csv").get_data(as_text=True)
    assert "secret1" not in text and "draft1" not in text and "văn bản đầy đủ" not in text
    for hidden in ("secret1", "draft1"):
        assert private_client.get(f"/records/{hidden}/cite.bib").status_code == 404
        assert private_client.get(f"/records/{hidden}/cite.ris").status_code == 404
    assert private_client.get("/records/meta1/cite.ris").status_code == 200


def test_the_search_page_announces_its_feed(client):
    """A feed reader given a search page finds the feed of that very search."""
    html = client.get("/?q=thanh+long&sector=thanh-long").get_data(as_text=True)
    head = html.split("</head>", 1)[0]
    found = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"',
                      head)
    assert found and unescape(found.group(1)) == \
        "/feeds/search.atom?q=thanh+long&sector=thanh-long"
    _feed(client, "?" + unescape(found.group(1)).split("?", 1)[1])


def test_saved_searches_and_their_weekly_digest(services):
    from datetime import UTC, datetime, timedelta

    from repo_app import create_app
    from repo_app.models import OutboxMessage
    from repo_app.services import accounts, saved_searches

    for email in ("dn@congty.vn", "khac@congty.vn"):
        accounts.add_user(services, email, role="enterprise", name="Doanh nghiệp",
                          password="mot-mat-khau-dai")
    mine = {"Authorization": f"Bearer {accounts.new_token(services, 'dn@congty.vn')}"}
    theirs = {"Authorization": f"Bearer {accounts.new_token(services, 'khac@congty.vn')}"}
    app = create_app(services=services)
    app.config.update(TESTING=True)
    client = app.test_client()

    assert client.post("/api/v1/saved-searches", json={"query": ""}).status_code == 401
    refused = client.post("/api/v1/saved-searches", json={"query": "sort=nope"}, headers=mine)
    assert refused.status_code == 422 and refused.mimetype == "application/problem+json"
    saved = client.post("/api/v1/saved-searches", headers=mine,
                        json={"query": "q=thanh+long&page=3&kind=patent", "name": "Thanh long"})
    assert saved.status_code == 201 and saved.json["query"] == "q=thanh+long&kind=patent"
    everything = client.post("/api/v1/saved-searches", headers=mine,
                             json={"query": "", "name": "Mọi kết quả"}).json
    listed = client.get("/api/v1/saved-searches", headers=mine).json["saved_searches"]
    assert [s["name"] for s in listed] == ["Thanh long", "Mọi kết quả"]
    assert client.get("/api/v1/saved-searches", headers=theirs).json["saved_searches"] == []
    gone = f"/api/v1/saved-searches/{saved.json['id']}"
    assert client.delete(gone, headers=theirs).status_code == 404
    assert client.delete(gone, headers=mine).status_code == 204

    with services.sessions.begin() as session:
        _add(session, "new1")
        _add(session, "hidden1", access="restricted")
    url = "http://kho.example/records/{id}"
    now = datetime.now(UTC)
    assert saved_searches.send_digests(services, url, now) == 0  # the week is not over
    assert saved_searches.send_digests(services, url, now + timedelta(days=8)) == 1
    with services.sessions() as session:
        mails = session.query(OutboxMessage).all()
    assert [m.recipient for m in mails] == ["dn@congty.vn"]
    assert "Mọi kết quả (1)" in mails[0].subject
    assert "http://kho.example/records/new1" in mails[0].body and "hidden1" not in mails[0].body
    # Covered: the next week mails only what is new again, and nothing when nothing is.
    assert saved_searches.send_digests(services, url, now + timedelta(days=9)) == 0
    assert saved_searches.send_digests(services, url, now + timedelta(days=16)) == 0
    listed = client.get("/api/v1/saved-searches", headers=mine).json["saved_searches"]
    assert listed[0]["id"] == everything["id"]
    assert listed[0]["covered_until"].startswith((now + timedelta(days=16)).strftime("%Y-%m-%d"))


def test_a_feed_reader_follows_a_search_feed_over_http(live_url, corpus_app):
    """feedparser, as feed readers use it, over real HTTP: the entries, their links, and a
    second poll answered 304 when nothing changed."""
    import feedparser

    public = _public(corpus_app.extensions["repo"])
    first = feedparser.parse(f"{live_url}/feeds/search.atom?kind=patent")
    assert first.status == 200 and not first.bozo, first.get("bozo_exception")
    assert first.feed.title and first.feed.links
    ids = [entry.id.rsplit("/", 1)[1] for entry in first.entries]
    assert ids and all(public[record_id][0] == "patent" for record_id in ids)
    assert all(entry.link.startswith(live_url + "/records/") for entry in first.entries)
    again = feedparser.parse(f"{live_url}/feeds/search.atom?kind=patent",
                             etag=first.etag, modified=first.get("modified"))
    assert again.status == 304 and not again.entries
