"""OAI-PMH answers as XML: the envelope (OAI-PMH.xsd), ``oai_dc`` (oai_dc.xsd) and
``oai_kqkhcn``, our whole public record (``repo_app/static/oai/kqkhcn.xsd``).

Built with the standard library's ElementTree; text from documents (OCR) may hold characters
XML 1.0 forbids, which are dropped rather than making the whole answer unreadable.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from repo_app.services.oai import KQKHCN, METADATA_FORMATS, OAI_DC, Answer, Site
from schemas import vocabularies

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
DC_NS = "http://purl.org/dc/elements/1.1/"
OAI_DC_NS = METADATA_FORMATS[OAI_DC]["namespace"]
KQ_NS = METADATA_FORMATS[KQKHCN]["namespace"]
ID_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier"
ID_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
XML_NS = "http://www.w3.org/XML/1998/namespace"

for _prefix, _uri in (("xsi", XSI_NS), ("dc", DC_NS), ("oai_dc", OAI_DC_NS),
                      ("kq", KQ_NS), ("oai-identifier", ID_NS)):
    ET.register_namespace(_prefix, _uri)

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
PERSON_CREATORS = ("principal_investigator", "secretary", "member", "inventor")
DATE_ORDER = ("granted", "published", "accepted", "end", "filed", "start")


def clean(value) -> str:
    return _NOT_XML.sub("", str(value))


def _el(parent, tag: str, text=None, **attributes):
    element = ET.SubElement(parent, tag, {k: clean(v) for k, v in attributes.items()})
    if text is not None:
        element.text = clean(text)
    return element


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def response(answer: Answer, site: Site, response_date: str) -> bytes:
    root = ET.Element("OAI-PMH",
                      {"xmlns": OAI_NS, _q(XSI_NS, "schemaLocation"): f"{OAI_NS} {OAI_SCHEMA}"})
    _el(root, "responseDate", response_date)
    # A badVerb or badArgument answer echoes no arguments (the standard's rule).
    echoed = {} if any(e.code in ("badVerb", "badArgument") for e in answer.errors) else {
        "verb": answer.verb, **answer.arguments}
    _el(root, "request", site.base_url, **{k: v for k, v in echoed.items() if v})
    if answer.errors:
        for error in answer.errors:
            _el(root, "error", error.message, code=error.code)
    else:
        verb = _el(root, answer.verb)
        WRITERS[answer.verb](verb, answer.payload, site)
    # The protocol's elements are written unqualified under a literal default namespace
    # (ElementTree's ``default_namespace`` refuses unqualified attributes).
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")


def _identify(parent, payload, site: Site) -> None:
    for tag, text in (("repositoryName", site.name), ("baseURL", site.base_url),
                      ("protocolVersion", "2.0"), ("adminEmail", site.admin_email),
                      ("earliestDatestamp", payload["earliest"]),
                      ("deletedRecord", "persistent"),
                      ("granularity", "YYYY-MM-DDThh:mm:ssZ")):
        _el(parent, tag, text)
    description = _el(parent, "description")
    identifier = _el(description, _q(ID_NS, "oai-identifier"),
                     **{_q(XSI_NS, "schemaLocation"): f"{ID_NS} {ID_SCHEMA}"})
    for tag, text in (("scheme", "oai"), ("repositoryIdentifier", site.repository_id),
                      ("delimiter", ":"),
                      ("sampleIdentifier", f"oai:{site.repository_id}:0123456789abcdef")):
        _el(identifier, _q(ID_NS, tag), text)


def _list_metadata_formats(parent, payload, _site) -> None:
    for spec in payload["formats"]:
        entry = _el(parent, "metadataFormat")
        _el(entry, "metadataPrefix", spec["prefix"])
        _el(entry, "schema", spec["schema"])
        _el(entry, "metadataNamespace", spec["namespace"])


def _list_sets(parent, payload, _site) -> None:
    for spec in payload["sets"]:
        entry = _el(parent, "set")
        _el(entry, "setSpec", spec["spec"])
        _el(entry, "setName", spec["name"])


def _header(parent, found: dict) -> None:
    header = _el(parent, "header", **({"status": "deleted"} if found["deleted"]
                                                  else {}))
    _el(header, "identifier", found["identifier"])
    _el(header, "datestamp", found["datestamp"])
    for spec in found["sets"]:
        _el(header, "setSpec", spec)


def _record(parent, found: dict, site: Site) -> None:
    record = _el(parent, "record")
    _header(record, found)
    if found["deleted"]:
        return
    metadata = _el(record, "metadata")
    if found["prefix"] == OAI_DC:
        dublin_core(metadata, found["record"], site)
    else:
        kqkhcn(metadata, found["record"], site)


def _token(parent, payload) -> None:
    token = payload.get("token")
    if token is None:
        return
    attributes = {"cursor": str(token["cursor"])}
    if token.get("expires"):
        attributes["expirationDate"] = token["expires"]
    _el(parent, "resumptionToken", token["value"], **attributes)


def _list_identifiers(parent, payload, _site) -> None:
    for found in payload["items"]:
        _header(parent, found)
    _token(parent, payload)


def _list_records(parent, payload, site) -> None:
    for found in payload["items"]:
        _record(parent, found, site)
    _token(parent, payload)


def _get_record(parent, payload, site) -> None:
    _record(parent, payload["item"], site)


WRITERS = {
    "Identify": _identify, "ListMetadataFormats": _list_metadata_formats,
    "ListSets": _list_sets, "ListIdentifiers": _list_identifiers,
    "ListRecords": _list_records, "GetRecord": _get_record,
}


def _label(vocabulary: str, key, lang: str = "vi") -> str | None:
    return vocabularies.load(vocabulary).term_label(key, lang) if key else None


def main_date(record: dict) -> str | None:
    dates = record.get("dates") or {}
    return next((dates[name] for name in DATE_ORDER if dates.get(name)), None)


def dublin_core(parent, record: dict, site: Site) -> None:
    dc = _el(parent, _q(OAI_DC_NS, "dc"), **{
        _q(XSI_NS, "schemaLocation"): f"{OAI_DC_NS} {METADATA_FORMATS[OAI_DC]['schema']}"})

    def add(name, value, lang=None):
        if value:
            _el(dc, _q(DC_NS, name), value, **({_q(XML_NS, "lang"): lang} if lang else {}))

    add("title", record.get("title"), record.get("language") or "vi")
    add("title", record.get("title_en"), "en")
    for person in record.get("people") or []:
        add("creator" if person.get("role") in PERSON_CREATORS else "contributor",
            person.get("name"))
    for keyword in record.get("keywords") or []:
        add("subject", keyword)
    if record.get("field_of_science"):
        key = record["field_of_science"]
        add("subject", f"{key} {_label('fields_of_science', key)}")
    for sector in record.get("sectors") or []:
        add("subject", _label("sectors", sector))
    for symbol in record.get("ipc_classes") or []:
        add("subject", f"IPC {symbol}")
    add("description", record.get("abstract"), record.get("language") or "vi")
    add("description", record.get("abstract_en"), "en")
    add("publisher", record.get("host_organisation"))
    add("date", main_date(record))
    add("type", _label("kinds", record.get("kind"), "en"))
    add("type", "Text")
    if record.get("files"):
        add("format", "application/pdf")
    add("identifier", site.record_url.format(id=record["id"]))
    for value in (record.get("identifiers") or {}).values():
        add("identifier", value)
    add("language", record.get("language"))
    place = (record.get("place") or {}).get("label")
    add("coverage", place)
    add("rights", _label("access_levels", record.get("access_level"), "en"))


def kqkhcn(parent, record: dict, site: Site) -> None:
    """Our record, element by element in the order of ``kqkhcn.xsd``."""
    root = _el(parent, _q(KQ_NS, "record"), id=record["id"], **{
        _q(XSI_NS, "schemaLocation"): f"{KQ_NS} {site.kqkhcn_schema}"})

    def add(into, name, value=None, **attributes):
        return _el(into, _q(KQ_NS, name), value, **{k: v for k, v in attributes.items()
                                                     if v is not None})

    def keyed(into, name, vocabulary, key):
        if key:
            add(into, name, _label(vocabulary, key), key=key,
                en=_label(vocabulary, key, "en"))

    add(root, "url", site.record_url.format(id=record["id"]))
    keyed(root, "kind", "kinds", record.get("kind"))
    add(root, "documentType", record.get("document_type"))
    add(root, "title", record.get("title"))
    for name, key in (("titleEn", "title_en"), ("abstract", "abstract"),
                      ("abstractEn", "abstract_en"), ("language", "language")):
        if record.get(key):
            add(root, name, record[key])
    if record.get("keywords"):
        group = add(root, "keywords")
        for keyword in record["keywords"]:
            add(group, "keyword", keyword)
    for name, key in (("hostOrganisation", "host_organisation"),
                      ("parentAgency", "parent_agency")):
        if record.get(key):
            add(root, name, record[key])
    if record.get("people"):
        group = add(root, "people")
        for person in record["people"]:
            entry = add(group, "person", role=person.get("role"), title=person.get("title"))
            add(entry, "name", person.get("name"))
            if person.get("affiliation"):
                add(entry, "affiliation", person["affiliation"])
    keyed(root, "fieldOfScience", "fields_of_science", record.get("field_of_science"))
    if record.get("sectors"):
        group = add(root, "sectors")
        for sector in record["sectors"]:
            keyed(group, "sector", "sectors", sector)
    if record.get("ipc_classes"):
        group = add(root, "ipcClasses")
        for symbol in record["ipc_classes"]:
            add(group, "ipc", symbol)
    if record.get("technology_fields"):
        group = add(root, "technologyFields")
        for key in record["technology_fields"]:
            keyed(group, "technologyField", "ipc_technology", key)
    identifiers = {k: v for k, v in (record.get("identifiers") or {}).items() if v}
    if identifiers:
        group = add(root, "identifiers")
        for kind, value in identifiers.items():
            add(group, "identifier", value, type=kind)
    dates = {k: v for k, v in (record.get("dates") or {}).items() if v}
    if dates:
        group = add(root, "dates")
        for kind, value in dates.items():
            add(group, "date", value, type=kind)
    budget = {k: v for k, v in (record.get("budget") or {}).items() if v is not None}
    if budget:
        group = add(root, "budget")
        for name, key in (("totalVnd", "total_vnd"), ("stateVnd", "state_vnd")):
            if key in budget:
                add(group, name, budget[key])
    if record.get("trl"):
        add(root, "trl", record["trl"])
    place = {k: v for k, v in (record.get("place") or {}).items() if v}
    if place:
        group = add(root, "place")
        for name in ("district", "province", "label"):
            if name in place:
                add(group, name, place[name])
    keyed(root, "commercialisationStatus", "commercialisation_statuses",
          record.get("commercialisation_status"))
    keyed(root, "ipStatus", "ip_statuses", record.get("ip_status"))
    keyed(root, "accessLevel", "access_levels", record.get("access_level"))
    add(root, "availableForLicensing",
        "true" if record.get("available_for_licensing") else "false")
    if record.get("files"):
        group = add(root, "files")
        for stored in record["files"]:
            entry = add(group, "file", sha256=stored["sha256"], size=stored.get("size"),
                        pages=stored.get("pages"))
            add(entry, "name", stored.get("original_name"))
