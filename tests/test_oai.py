"""OAI-PMH 2.0 at /oai: every answer valid against the official schemas (OAI-PMH.xsd, oai_dc.xsd
and the Dublin Core it imports, oai-identifier.xsd, kept in tests/data so no network is needed,
and our own kqkhcn.xsd), every protocol error, resumption tokens across a restart and after
their expiry, deleted records, and whole harvests by a real harvester (Sickle)."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree

from repo_app.models import OaiTombstone, Record
from repo_app.services import oai
from repo_app.services.access import can_see
from repo_app.services.principal import ANONYMOUS

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "tests" / "data" / "oai-pmh-schemas"
KQKHCN_XSD = ROOT / "repo_app" / "static" / "oai" / "kqkhcn.xsd"
NS = {"o": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/",
      "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
      "kq": "urn:kho-ket-qua-khcn:record:1.0"}
REPOSITORY = oai.DEFAULT_REPOSITORY_ID


class LocalSchemas(etree.Resolver):
    """The schemas' canonical URLs (as catalog.xml maps them) answered from tests/data."""

    def resolve(self, url, pubid, context):
        if not url.startswith(("http:", "https:")):
            return None  # a local file
        local = SCHEMAS / url.rsplit("/", 1)[-1]
        if local.exists():
            return self.resolve_filename(str(local), context)
        raise AssertionError(f"A schema asked for {url}, which is not kept in {SCHEMAS}.")


@pytest.fixture(scope="module")
def schema():
    """OAI-PMH.xsd with every metadata schema its strict wildcards may meet."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalSchemas())
    imports = {
        NS["o"]: SCHEMAS / "OAI-PMH.xsd",
        NS["oai_dc"]: SCHEMAS / "oai_dc.xsd",
        "http://www.openarchives.org/OAI/2.0/oai-identifier": SCHEMAS / "oai-identifier.xsd",
        NS["kq"]: KQKHCN_XSD,
    }
    wrapper = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{}</xs:schema>'.format(
        "".join(f'<xs:import namespace="{ns}" schemaLocation="{path.as_uri()}"/>'
                for ns, path in imports.items()))
    return etree.XMLSchema(etree.fromstring(wrapper, parser))


def _valid(schema, body: bytes):
    tree = etree.fromstring(body, etree.XMLParser(no_network=True))
    if not schema.validate(tree):
        raise AssertionError(f"Invalid OAI-PMH answer: {schema.error_log}\n{body[:3000]!r}")
    return tree


def ask(client, schema, method="get", **params):
    response = getattr(client, method)("/oai", **({"query_string": params} if method == "get"
                                                 else {"data": params}))
    assert response.status_code == 200
    assert response.mimetype == "text/xml"
    return _valid(schema, response.data)


def error_code(tree) -> str | None:
    found = tree.find("o:error", NS)
    return found.get("code") if found is not None else None


def identifiers(tree) -> list[str]:
    """The records a page lists; headers of deleted records (other tests of the session may
    have removed records from the shared corpus) are answered apart, see ``deleted``."""
    return [h.find("o:identifier", NS).text for h in tree.iterfind(".//o:header", NS)
            if h.get("status") != "deleted"]


def deleted(tree) -> list[str]:
    return [h.find("o:identifier", NS).text for h in tree.iterfind(".//o:header", NS)
            if h.get("status") == "deleted"]


def public_ids(services) -> set[str]:
    with services.sessions() as session:
        return {r.id for r in session.query(Record) if can_see(ANONYMOUS, r)}


def harvest(client, schema, verb="ListIdentifiers", **params) -> list:
    """Every page of a list, following the tokens: the list of answers."""
    pages = [ask(client, schema, verb=verb, **params)]
    while True:
        token = pages[-1].find(f"o:{verb}/o:resumptionToken", NS)
        if token is None or not token.text:
            return pages
        pages.append(ask(client, schema, verb=verb, resumptionToken=token.text))


# -- The corpus, read only ---------------------------------------------------------------------


def test_identify(client, schema):
    tree = ask(client, schema, verb="Identify")
    identify = tree.find("o:Identify", NS)
    assert identify.findtext("o:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("o:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("o:baseURL", namespaces=NS).endswith("/oai")
    earliest = identify.findtext("o:earliestDatestamp", namespaces=NS)
    assert datetime.strptime(earliest, "%Y-%m-%dT%H:%M:%SZ") <= datetime.now(UTC).replace(
        tzinfo=None)
    assert tree.find("o:request", NS).get("verb") == "Identify"


def test_metadata_formats_and_sets(client, schema, corpus_app):
    formats = ask(client, schema, verb="ListMetadataFormats")
    prefixes = [e.text for e in formats.iterfind(".//o:metadataPrefix", NS)]
    assert prefixes == ["oai_dc", "oai_kqkhcn"]
    kq_schema = formats.findall(".//o:schema", NS)[1].text
    served_schema = client.get(kq_schema.replace("http://localhost", ""))
    assert served_schema.status_code == 200 and b"urn:kho-ket-qua-khcn" in served_schema.data
    served_schema.close()
    sets = [e.text for e in ask(client, schema, verb="ListSets").iterfind(".//o:setSpec", NS)]
    assert {"kind", "kind:patent", "field", "field:4", "field:401", "sector",
            "sector:thanh-long"} <= set(sets)
    some_id = sorted(public_ids(corpus_app.extensions["repo"]))[0]
    one = ask(client, schema, verb="ListMetadataFormats",
              identifier=f"oai:{REPOSITORY}:{some_id}")
    assert len(one.findall(".//o:metadataFormat", NS)) == 2


def test_get_record_in_both_formats(client, schema, corpus_app):
    services = corpus_app.extensions["repo"]
    with services.sessions() as session:
        record = next(r for r in session.query(Record).order_by(Record.id)
                      if can_see(ANONYMOUS, r) and r.data.get("sectors"))
        title, sectors, kind = record.title, record.data["sectors"], record.kind
    identifier = f"oai:{REPOSITORY}:{record.id}"
    dc = ask(client, schema, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    assert dc.findtext(".//dc:title", namespaces=NS) == title
    assert dc.findtext(".//o:header/o:identifier", namespaces=NS) == identifier
    specs = [e.text for e in dc.iterfind(".//o:header/o:setSpec", NS)]
    assert f"kind:{kind}" in specs and f"sector:{sectors[0]}" in specs
    assert any(e.text.endswith(f"/records/{record.id}") for e in dc.iterfind(".//dc:identifier",
                                                                            NS))
    kq = ask(client, schema, verb="GetRecord", identifier=identifier,
             metadataPrefix="oai_kqkhcn")
    assert kq.find(".//kq:record", NS).get("id") == record.id
    assert kq.findtext(".//kq:title", namespaces=NS) == title
    assert [e.get("key") for e in kq.iterfind(".//kq:sector", NS)] == sectors
    assert kq.find(".//kq:fullText", NS) is None  # metadata only, never the full text


@pytest.mark.parametrize("prefix", ["oai_dc", "oai_kqkhcn"])
def test_list_records_pages_through_every_public_record_once(client, schema, corpus_app,
                                                              monkeypatch, prefix):
    monkeypatch.setattr(oai, "PAGE_SIZE", 7)
    pages = harvest(client, schema, "ListRecords", metadataPrefix=prefix)
    assert len(pages) > 2
    seen = [i.rsplit(":", 1)[1] for page in pages for i in identifiers(page)]
    assert len(seen) == len(set(seen))
    assert set(seen) == public_ids(corpus_app.extensions["repo"])
    gone = {i.rsplit(":", 1)[1] for page in pages for i in deleted(page)}
    assert not gone & set(seen)  # a record is announced as a record or as deleted, never both
    cursors = [int(p.find(".//o:resumptionToken", NS).get("cursor")) for p in pages[1:]]
    assert cursors == [7 * n for n in range(1, len(pages))]
    first = pages[0].find(".//o:resumptionToken", NS)
    assert first.get("expirationDate")
    assert pages[-1].find(".//o:resumptionToken", NS).text is None  # the list is complete


def test_selective_harvest_by_set_and_dates(client, schema, corpus_app):
    services = corpus_app.extensions["repo"]
    with services.sessions() as session:
        rows = [r for r in session.query(Record) if can_see(ANONYMOUS, r)]
        patents = {r.id for r in rows if r.kind == "patent"}
        stamps = sorted(oai.utc(r.updated_at) for r in rows)
    found = {i.rsplit(":", 1)[1] for p in harvest(client, schema, metadataPrefix="oai_dc",
                                                  set="kind:patent") for i in identifiers(p)}
    assert found == patents
    middle = stamps[len(stamps) // 2]
    since = oai.datestamp(middle)
    later = {i for p in harvest(client, schema, metadataPrefix="oai_dc", **{"from": since})
             for i in identifiers(p)}
    expected = {r.id for r in rows if oai.utc(r.updated_at).replace(microsecond=0) >= middle
                .replace(microsecond=0)}
    assert {i.rsplit(":", 1)[1] for i in later} == expected
    # ``until`` is inclusive of its whole second, and of its whole day at day granularity.
    until = {i for p in harvest(client, schema, metadataPrefix="oai_dc", until=since)
             for i in identifiers(p)}
    assert {i.rsplit(":", 1)[1] for i in until} == {
        r.id for r in rows if oai.utc(r.updated_at).replace(microsecond=0)
        <= middle.replace(microsecond=0)}
    day = middle.strftime("%Y-%m-%d")
    whole_day = {i for p in harvest(client, schema, metadataPrefix="oai_dc",
                                    **{"from": day, "until": day}) for i in identifiers(p)}
    assert {i.rsplit(":", 1)[1] for i in whole_day} >= {
        r.id for r in rows if oai.utc(r.updated_at).date() == middle.date()}


def test_post_form_encoded_answers_as_get(client, schema):
    tree = ask(client, schema, method="post", verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert identifiers(tree)
    assert error_code(ask(client, schema, method="post", verb="Nope")) == "badVerb"


ERRORS = [
    ({}, "badVerb"),
    ({"verb": "Harvest"}, "badVerb"),
    ({"verb": ["Identify", "Identify"]}, "badVerb"),
    ({"verb": "Identify", "set": "kind"}, "badArgument"),
    ({"verb": "ListRecords"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-13-01"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01T00:00:00"},
     "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01",
      "until": "2024-02-01T00:00:00Z"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-02-01",
      "until": "2024-01-01"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"},
     "badArgument"),
    ({"verb": "GetRecord", "identifier": f"oai:{REPOSITORY}:x"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
    ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2999-01-01"},
     "noRecordsMatch"),
    ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "sector:no-such"},
     "noRecordsMatch"),
    ({"verb": "GetRecord", "identifier": "oai:elsewhere.org:1", "metadataPrefix": "oai_dc"},
     "idDoesNotExist"),
    ({"verb": "GetRecord", "identifier": f"oai:{REPOSITORY}:0000", "metadataPrefix": "oai_dc"},
     "idDoesNotExist"),
    ({"verb": "ListMetadataFormats", "identifier": f"oai:{REPOSITORY}:0000"},
     "idDoesNotExist"),
    ({"verb": "ListRecords", "resumptionToken": "not-a-token"}, "badResumptionToken"),
    ({"verb": "ListSets", "resumptionToken": "anything"}, "badResumptionToken"),
]


@pytest.mark.parametrize(("params", "code"), ERRORS)
def test_protocol_errors(client, schema, params, code):
    response = client.get("/oai", query_string=params)
    tree = _valid(schema, response.data)
    assert error_code(tree) == code
    request = tree.find("o:request", NS)
    if code in ("badVerb", "badArgument"):
        assert dict(request.attrib) == {}  # nothing echoed of a request that was not valid


def test_a_token_survives_a_restart_and_expires(client, schema, corpus_app, monkeypatch):
    from repo_app import create_app
    from repo_app.services import Services

    monkeypatch.setattr(oai, "PAGE_SIZE", 5)
    first = ask(client, schema, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.find(".//o:resumptionToken", NS).text
    services = corpus_app.extensions["repo"]
    restarted = Services(services.settings)  # a new process: the key is read again
    try:
        again = create_app(services=restarted).test_client()
        second = ask(again, schema, verb="ListIdentifiers", resumptionToken=token)
        assert identifiers(second) and not set(identifiers(second)) & set(identifiers(first))
        # The token names its verb: it does not page another list.
        wrong = ask(again, schema, verb="ListRecords", resumptionToken=token)
        assert error_code(wrong) == "badResumptionToken"
    finally:
        restarted.close()
    old = datetime.now(UTC) - oai.TOKEN_LIFETIME - timedelta(minutes=1)
    expired, _ = oai.make_token(services.secret_key, {"verb": "ListIdentifiers",
                                                      "prefix": "oai_dc"},
                                (old, "0"), 5, old)
    tree = ask(client, schema, verb="ListIdentifiers", resumptionToken=expired)
    assert error_code(tree) == "badResumptionToken"
    assert "expired" in tree.findtext("o:error", namespaces=NS)
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert error_code(ask(client, schema, verb="ListIdentifiers",
                          resumptionToken=forged)) == "badResumptionToken"


# -- Harvesting with Sickle, a harvester from PyPI ----------------------------------------------


@contextmanager
def served(app):
    from werkzeug.serving import WSGIRequestHandler, make_server

    class QuietHandler(WSGIRequestHandler):
        def log_request(self, *args, **kwargs):
            pass

    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="oai-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/oai"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def test_sickle_harvests_every_public_record_exactly_once(corpus_app, monkeypatch):
    from sickle import Sickle

    monkeypatch.setattr(oai, "PAGE_SIZE", 9)
    with served(corpus_app) as url:
        harvester = Sickle(url, max_retries=0, timeout=30)
        assert harvester.Identify().repositoryName
        records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
        formats = [f.metadataPrefix for f in harvester.ListMetadataFormats()]
    ids = [r.header.identifier.rsplit(":", 1)[1] for r in records if not r.header.deleted]
    assert len(ids) == len(set(ids))
    assert set(ids) == public_ids(corpus_app.extensions["repo"])
    assert all(r.metadata.get("title") for r in records if not r.header.deleted)
    assert formats == ["oai_dc", "oai_kqkhcn"]


# -- Deleted records, in a private instance ----------------------------------------------------


def _add(session, id_, *, state="accepted", access="public", kind="research_result",
         sectors=("thanh-long",)):
    session.add(Record(
        id=id_, kind=kind, document_type="final_report", title=f"Kết quả {id_}",
        access_level=access, commercialisation_status="accepted", ip_status="none",
        registration_state=state, data={"kind": kind, "title": f"Kết quả {id_}",
                                        "document_type": "final_report",
                                        "sectors": list(sectors), "field_of_science": "401"},
        full_text=""))


@pytest.fixture
def private_app(services):
    from repo_app import create_app

    with services.sessions.begin() as session:
        for n in range(1, 7):
            _add(session, f"pub{n}")
        _add(session, "draft1", state="draft")
        _add(session, "secret1", access="restricted")
        _add(session, "meta1", access="metadata_only")
    app = create_app(services=services)
    app.config.update(TESTING=True)
    return app


def _change(services, record_id, **values):
    with services.sessions.begin() as session:
        record = session.get(Record, record_id)
        if values.pop("delete", False):
            session.delete(record)
        for name, value in values.items():
            setattr(record, name, value)


def test_records_that_stop_being_public_are_announced_deleted(private_app, services, schema):
    client = private_app.test_client()
    everything = harvest(client, schema, metadataPrefix="oai_dc")
    assert sorted(i.rsplit(":", 1)[1] for p in everything for i in identifiers(p)) == [
        "meta1", "pub1", "pub2", "pub3", "pub4", "pub5", "pub6"]  # never drafts or restricted

    _change(services, "pub1", access_level="restricted")
    _change(services, "pub2", registration_state="submitted")  # sent back for review
    _change(services, "pub3", delete=True)
    _change(services, "draft1", access_level="restricted")  # never public: no tombstone
    with services.sessions() as session:
        buried = {t.record_id: t.reason for t in session.query(OaiTombstone)}
    assert buried == {"pub1": "restricted", "pub2": "unpublished", "pub3": "removed"}

    pages = harvest(client, schema, "ListRecords", metadataPrefix="oai_kqkhcn")
    records = [r for p in pages for r in p.iterfind(".//o:record", NS)]
    announced = {r.findtext("o:header/o:identifier", namespaces=NS).rsplit(":", 1)[1]
                 for r in records if r.find("o:header", NS).get("status") == "deleted"}
    assert announced == {"pub1", "pub2", "pub3"}
    for r in records:
        if r.find("o:header", NS).get("status") == "deleted":
            assert r.find("o:metadata", NS) is None
    assert len(records) == 7

    gone = f"oai:{REPOSITORY}:pub1"
    tree = ask(client, schema, verb="GetRecord", identifier=gone, metadataPrefix="oai_dc")
    assert tree.find(".//o:header", NS).get("status") == "deleted"
    assert tree.find(".//o:metadata", NS) is None
    formats = ask(client, schema, verb="ListMetadataFormats", identifier=gone)
    assert error_code(formats) == "noMetadataFormats"
    # A selective harvest learns of it too: the tombstone keeps the sets it was in.
    in_set = harvest(client, schema, metadataPrefix="oai_dc", set="sector:thanh-long")
    statuses = {h.findtext("o:identifier", namespaces=NS).rsplit(":", 1)[1]: h.get("status")
                for p in in_set for h in p.iterfind(".//o:header", NS)}
    assert statuses["pub1"] == "deleted" and statuses["pub4"] is None
    # Deleted since a date: an incremental harvest after the change.
    since = ask(client, schema, verb="ListIdentifiers", metadataPrefix="oai_dc",
                **{"from": oai.datestamp(datetime.now(UTC) - timedelta(minutes=5))})
    assert {"pub1", "pub2", "pub3"} <= {i.rsplit(":", 1)[1] for i in deleted(since)}
    for never in ("draft1", "secret1"):
        tree = ask(client, schema, verb="GetRecord", identifier=f"oai:{REPOSITORY}:{never}",
                   metadataPrefix="oai_dc")
        assert error_code(tree) == "idDoesNotExist"

    # Public again: a record once more, the tombstone gone.
    _change(services, "pub1", access_level="public")
    tree = ask(client, schema, verb="GetRecord", identifier=gone, metadataPrefix="oai_dc")
    assert tree.find(".//o:header", NS).get("status") is None
    with services.sessions() as session:
        assert session.get(OaiTombstone, "pub1") is None


def test_sickle_never_receives_a_restricted_record(private_app, services, monkeypatch):
    from sickle import Sickle

    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    _change(services, "pub5", access_level="restricted")
    with served(private_app) as url:
        harvester = Sickle(url, http_method="POST", max_retries=0, timeout=30)
        records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    live = {r.header.identifier.rsplit(":", 1)[1] for r in records if not r.header.deleted}
    dead = {r.header.identifier.rsplit(":", 1)[1] for r in records if r.header.deleted}
    assert live == {"meta1", "pub1", "pub2", "pub3", "pub4", "pub6"}
    assert dead == {"pub5"}
    assert "secret1" not in live | dead and "draft1" not in live | dead


def test_a_staff_edit_that_restricts_a_record_announces_it_deleted(private_app, services,
                                                                    schema):
    """Through the service staff use, not by writing the row: the tombstone follows."""
    from repo_app.models import User
    from repo_app.services import registration
    from repo_app.services.principal import Principal

    with services.sessions.begin() as session:
        session.add(User(id=900, email="can-bo@skhcn.gov.vn", name="Cán bộ", role="staff",
                         password_hash="x"))
        version = session.get(Record, "pub4").version
    staff = Principal(user_id=900, role="staff", name="Cán bộ")
    registration.update_metadata(services, staff, "pub4", version,
                                 {"access_level": "restricted"}, comment="bí mật")
    client = private_app.test_client()
    tree = ask(client, schema, verb="GetRecord", identifier=f"oai:{REPOSITORY}:pub4",
               metadataPrefix="oai_kqkhcn")
    assert tree.find(".//o:header", NS).get("status") == "deleted"
    specs = [e.text for e in tree.iterfind(".//o:header/o:setSpec", NS)]
    assert "sector:thanh-long" in specs and "field:4" in specs
