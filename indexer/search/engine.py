"""The search interface every engine implements, its value types, and the rules they share.

An engine takes *records* (the ``schemas.records.RecordSchema`` dict, with ``id``), turns each
into a flat search document with ``indexer.search.documents.search_document`` and indexes it; a
record that may not be indexed (access level "restricted") is removed instead. ``search`` answers a
``SearchRequest`` with a ``SearchResponse`` of the same shape whatever the engine.

The pure helpers here (``checked``, ``facet_buckets``, ``split_filters``, ``numeric_bounds``,
``fuzzy_distance``) hold the rules of the request and of the facet response, so that every engine
applies them the same way. The query text itself is parsed by ``indexer.search.query.parse_query``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from schemas.search_fields import (
    FACETS,
    FACETS_BY_NAME,
    FUZZY_DISTANCES,
    MAX_PAGE_SIZE,
    MAX_RESULT_WINDOW,
    RANGE_SEPARATOR,
    SORTS_BY_NAME,
    Facet,
)

HIT_KEYS = (
    "id",
    "kind",
    "title",
    "title_en",
    "year",
    "status",
    "ip_status",
    "sectors",
    "field",
    "host_organisation",
    "highlight",
    "score",
)


class SearchError(Exception):
    """The engine failed (index unreadable, engine down...): not the user's fault."""


class InvalidQuery(SearchError):
    """The request cannot be answered as asked: bad page, size, sort or filter.

    ``message`` is safe to show to the user.
    """

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class SearchRequest:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet name -> selected keys
    page: int = 1
    size: int = 10
    sort: str = "relevance"


@dataclass
class SearchResponse:
    total: int
    hits: list[dict]  # each with exactly HIT_KEYS; "highlight" is HTML with <mark> only
    facets: dict[str, list[dict]]  # facet name -> [{"key", "doc_count", "is_selected"}]


@runtime_checkable
class SearchEngine(Protocol):
    def upsert(self, records: Iterable[dict]) -> int:
        """Index (or re-index) records; remove those that may not be indexed. Returns how many
        were indexed. Visible to ``search`` when this returns."""

    def delete(self, ids: Iterable[str]) -> None:
        """Remove records by id; unknown ids are ignored."""

    def rebuild(self, records: Iterable[dict]) -> int:
        """Build a new index from these records and switch to it atomically; searches running
        meanwhile answer from the old index. Returns how many were indexed."""

    def search(self, request: SearchRequest) -> SearchResponse:
        """Raises ``InvalidQuery`` for a request that cannot be answered, ``SearchError`` if the
        engine fails; never anything else. Free text never makes it raise: it is read by
        ``indexer.search.query.parse_query`` (words, phrases, AND/OR/NOT, fields, prefixes)."""

    def count(self) -> int:
        """How many records the index holds."""

    def suggest(self, text: str, size: int = 8) -> list[dict]:
        """Completions of what the user is typing, folded ("nuoc ma" -> "Nước mắm…"), at most
        ``size`` (1..MAX_SUGGESTIONS): ``{"text", "type": "title"|"organisation"|"keyword",
        "record_id"}``, each text once. Never raises for any text."""

    def similar(self, record_id: str, size: int = 5) -> list[dict]:
        """Up to ``size`` (1..MAX_SIMILAR) records sharing sectors, field, keywords or title words
        with this one, shaped like search hits, never the record itself; [] for an unknown id."""


def checked(request: SearchRequest) -> SearchRequest:
    """The request with filters normalised (facet -> de-duplicated list of str), or InvalidQuery.

    Refused: page < 1, size outside 1..MAX_PAGE_SIZE, page * size beyond MAX_RESULT_WINDOW,
    an unknown sort or facet, a non-numeric value for a numeric facet.
    """
    page, size = request.page, request.size
    if not isinstance(page, int) or isinstance(page, bool) or page < 1:
        raise InvalidQuery("Page must be a whole number from 1.")
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= MAX_PAGE_SIZE:
        raise InvalidQuery(f"Page size must be between 1 and {MAX_PAGE_SIZE}.")
    if page * size > MAX_RESULT_WINDOW:
        raise InvalidQuery(f"Only the first {MAX_RESULT_WINDOW} results can be paged through.")
    if request.sort not in SORTS_BY_NAME:
        raise InvalidQuery(f"Unknown sort: {request.sort!r}.")
    filters: dict[str, list[str]] = {}
    raw_filters = request.filters or {}
    if not isinstance(raw_filters, Mapping):
        raise InvalidQuery("Filters must map a facet name to a list of values.")
    for name, values in raw_filters.items():
        facet = FACETS_BY_NAME.get(name)
        if facet is None:
            raise InvalidQuery(f"Unknown filter: {name!r}.")
        if not isinstance(values, list | tuple | set | frozenset):
            values = [values]
        keys: list[str] = []
        for value in values or ():
            key = _clean_key(value) if value is not None else ""
            if key and facet.numeric:
                key = _numeric_key_or_range(facet, key)
            elif key and facet.kind == "boolean":
                key = _boolean_key(facet, key)
            if key and key not in keys:
                keys.append(key)
        if keys:
            filters[name] = keys
    text = request.text if isinstance(request.text, str) else ""
    return SearchRequest(text=text, filters=filters, page=page, size=size, sort=request.sort)


def _clean_key(value) -> str:
    text = str(value).strip()
    # Lone surrogates cannot cross into an engine; control characters are never part of a key.
    return "".join(ch for ch in text if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF)


def _is_integer(key: str) -> bool:
    return key.lstrip("-").isdigit() and key.count("-") <= 1 and len(key) <= 18


def _numeric_key_or_range(facet: Facet, key: str) -> str:
    """"2021", or a range "2020..2023", "2020..", "..2019" (numbers canonical), or InvalidQuery."""
    key = "".join(key.split())
    if RANGE_SEPARATOR not in key:
        if _is_integer(key):
            return str(int(key))
    else:
        start, _, end = key.partition(RANGE_SEPARATOR)
        if (start or end) and all(_is_integer(part) for part in (start, end) if part):
            if start and end and int(start) > int(end):
                raise InvalidQuery(
                    f"Filter {facet.name!r}: the range {key!r} starts after it ends."
                )
            return f"{int(start) if start else ''}{RANGE_SEPARATOR}{int(end) if end else ''}"
    example = "2020..2023" if facet.kind == "year" else "4..6"
    raise InvalidQuery(
        f"Filter {facet.name!r} takes whole numbers or a range such as {example} "
        f"(or {example.split('..')[0]}.. , ..{example.split('..')[1]}), not {key[:40]!r}."
    )


_BOOLEANS = {"true": "true", "1": "true", "yes": "true"}
_BOOLEANS |= {"false": "false", "0": "false", "no": "false"}


def _boolean_key(facet: Facet, key: str) -> str:
    value = _BOOLEANS.get(key.lower())
    if value is None:
        raise InvalidQuery(f"Filter {facet.name!r} takes true or false, not {key[:40]!r}.")
    return value


def numeric_bounds(key: str) -> tuple[int | None, int | None]:
    """The inclusive bounds of a checked numeric filter key: "2021" -> (2021, 2021),
    "2020.." -> (2020, None), "..2019" -> (None, 2019)."""
    if RANGE_SEPARATOR not in key:
        return int(key), int(key)
    start, _, end = key.partition(RANGE_SEPARATOR)
    return (int(start) if start else None), (int(end) if end else None)


def fuzzy_distance(word: str) -> int:
    """Edits a word of this (folded) length may have to still match: FUZZY_DISTANCES."""
    distance = 0
    for length, edits in FUZZY_DISTANCES:
        if len(word) >= length:
            distance = edits
    return distance


def split_filters(filters: dict[str, list[str]]) -> list[tuple[list[Facet], dict[str, list[str]]]]:
    """Which facet counts to compute under which filters (multi-select semantics).

    A facet's counts use every filter except its own. Returns (facets, filters to apply) groups:
    one per facet that has a selection, and one for all unselected facets together.
    """
    groups: list[tuple[list[Facet], dict[str, list[str]]]] = []
    unselected = [facet for facet in FACETS if facet.name not in filters]
    if unselected:
        groups.append((unselected, dict(filters)))
    for facet in FACETS:
        if facet.name in filters:
            others = {name: keys for name, keys in filters.items() if name != facet.name}
            groups.append(([facet], others))
    return groups


def facet_buckets(facet: Facet, counts: Mapping[str, int], selected: Iterable[str]) -> list[dict]:
    """Buckets in the facet's order, capped at ``facet.size``, selected keys always included."""
    selected = list(selected)
    counts = {str(key): int(count) for key, count in counts.items() if count > 0}
    if facet.numeric:  # a selected range is a bucket of its own: the sum of the years it covers
        for key in selected:
            if RANGE_SEPARATOR in key:
                low, high = numeric_bounds(key)
                counts[key] = sum(
                    count
                    for value, count in counts.items()
                    if _is_integer(value)
                    and (low is None or int(value) >= low)
                    and (high is None or int(value) <= high)
                )
    if facet.order == "count":
        keys = sorted(counts, key=lambda key: (-counts[key], key))
    else:
        keys = sorted(counts, key=_numeric_key, reverse=facet.order == "key_desc")
    keys = keys[: facet.size]
    missing = [key for key in selected if key not in keys]
    if missing:
        keys += missing
        if facet.order == "count":
            keys.sort(key=lambda key: (-counts.get(key, 0), key))
        else:
            keys.sort(key=_numeric_key, reverse=facet.order == "key_desc")
    return [
        {"key": key, "doc_count": counts.get(key, 0), "is_selected": key in selected}
        for key in keys
    ]


def _numeric_key(key: str):
    return (0, int(key), "") if _is_integer(key) else (1, 0, key)
