"""From a record to the flat document a search engine indexes.

``search_document`` is pure: the same record always gives the same document, whatever the engine.
Access rules live here so that no engine can get them wrong:

* "restricted" records are never indexed (``None``), nor records whose registration is not
  accepted yet (a researcher's draft or a submission under review);
* the full text is indexed only for levels in ``FULL_TEXT_LEVELS`` ("metadata_only" records are
  found by their metadata, never by words that only their full text contains).
"""

from __future__ import annotations

from indexer.search.rules import PROXIMITY_FIELDS, WORD_PAIRS, pair_term
from indexer.search.vietnamese import fold_words, normalise, word_pairs

NEVER_INDEXED = frozenset({"restricted"})
FULL_TEXT_LEVELS = frozenset({"public"})
YEAR_FROM = ("accepted", "granted", "published", "filed", "end")  # first date present wins
TITLE_SORT_CHARS = 200


def search_document(record: dict) -> dict | None:
    """The engine document for a record (RecordSchema dict with ``id``), or None if the record
    may not be indexed. Raises ValueError for a record without id."""
    if not record.get("id"):
        raise ValueError("A record needs an id to be indexed.")
    access_level = record.get("access_level") or "public"
    if access_level in NEVER_INDEXED or record.get("registration_state", "accepted") != "accepted":
        return None
    identifiers = record.get("identifiers") or {}
    entities = record.get("entities") or {}
    place = record.get("place") or {}
    field, field_l1 = _field_levels(record.get("field_of_science"))
    full_text = normalise(record.get("full_text")) if access_level in FULL_TEXT_LEVELS else ""
    full_text = full_text if full_text.strip() else ""
    title = normalise(record.get("title"))
    document = {
        "id": str(record["id"]),
        "kind": record.get("kind"),
        "document_type": record.get("document_type"),
        "title": title,
        "title_en": normalise(record.get("title_en")) or None,
        "title_sort": fold_words(title)[:TITLE_SORT_CHARS],
        "abstract": normalise(record.get("abstract")) or None,
        "abstract_en": normalise(record.get("abstract_en")) or None,
        "full_text": full_text or None,
        "keywords": _texts(record.get("keywords")),
        "host_organisation": normalise(record.get("host_organisation")) or None,
        "organisations": _texts(
            [record.get("host_organisation"), record.get("parent_agency")]
            + list(entities.get("organisations") or ())
        ),
        "people": _texts(
            [person.get("name") for person in record.get("people") or () if person]
            + list(entities.get("people") or ())
        ),
        "codes": _texts(value for value in identifiers.values()),
        "ipc": _ipc(record.get("ipc_classes")),
        "field": field,
        "field_l1": field_l1,
        "sector": _texts(record.get("sectors")),
        "technology": _texts(record.get("technology_fields")),  # WIPO fields "1".."35"
        "year": _year(record.get("dates") or {}),
        "trl": record.get("trl"),
        "status": record.get("commercialisation_status") or "accepted",
        "ip_status": record.get("ip_status") or "none",
        "place": place.get("district") or None,
        "language": record.get("language") or "vi",
        "access_level": access_level,
        "has_full_text": bool(full_text),
        "licensable": record.get("commercialisation_status") == "ready_to_offer",
    }
    document[WORD_PAIRS] = _pairs(document)
    return document


def _pairs(document: dict) -> list[str]:
    """The proximity bonus's terms (``rules.PROXIMITY_FIELDS``): "title:thanh long" for each
    two words side by side in the title, and so on; within one value, never across two."""
    terms: dict[str, None] = {}
    for field in PROXIMITY_FIELDS:
        values = document.get(field)
        if not values:
            continue
        prefix = pair_term(field, "")  # "title:"
        for value in values if isinstance(values, list) else (values,):
            for pair in word_pairs(value):
                terms[prefix + pair] = None
    return list(terms)


def _texts(values) -> list[str]:
    """Non-empty normalised strings, first occurrence kept."""
    seen: list[str] = []
    for value in values or ():
        text = normalise(value).strip() if value else ""
        if text and text not in seen:
            seen.append(text)
    return seen


def _field_levels(code: str | None) -> tuple[str | None, str | None]:
    """Level-2 code (3 digits, "101"-"699") and level-1 digit of an S&T field code."""
    code = (code or "").strip()
    if not code.isdigit():
        return None, None
    return (code[:3] if len(code) >= 3 else None), code[0]


def _ipc(symbols) -> list[str]:
    """IPC symbols as given, each followed by its subclass ("A01B 1/00" -> also "A01B")."""
    values: list[str] = []
    for symbol in _texts(symbols):
        for value in (symbol, symbol[:4]):
            if value not in values:
                values.append(value)
    return values


def _year(dates: dict) -> int | None:
    for name in YEAR_FROM:
        value = dates.get(name)
        if value and str(value)[:4].isdigit():
            return int(str(value)[:4])
    return None
