"""The search interface every engine implements, its value types, and the rules they share.

An engine takes *records* (the ``schemas.records.RecordSchema`` dict, with ``id``), turns each
into a flat search document with ``indexer.search.documents.search_document`` and indexes it; a
record that may not be indexed (access level "restricted") is removed instead. ``search`` answers a
``SearchRequest`` with a ``SearchResponse`` of the same shape whatever the engine.

The pure helpers here (``checked``, ``facet_buckets``, ``split_filters``) hold the rules of the
request and of the facet response, so that every engine applies them the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from indexer.search.vietnamese import normalise
from schemas.search_fields import (
    FACETS,
    FACETS_BY_NAME,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    MAX_QUERY_TERMS,
    MAX_RESULT_WINDOW,
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
        engine fails; never anything else. Free text never makes it raise."""

    def count(self) -> int:
        """How many records the index holds."""


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
            if facet.kind != "keyword" and not _is_integer(key):
                raise InvalidQuery(f"Filter {name!r} takes whole numbers, not {key!r}.")
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
    return key.lstrip("-").isdigit() and len(key) <= 18


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


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})


def query_clauses(text: str) -> list[tuple[str, str]]:
    """The user's text as ("term" | "phrase", text) clauses, all of which must match.

    Tolerant by design, never raises: words split on whitespace, text between a pair of double
    quotes is a phrase, an unpaired quote is ignored, and everything else (brackets, colons,
    operators, wildcards) is left for the analyzer to drop. At most MAX_QUERY_TERMS clauses from the
    first MAX_QUERY_LENGTH characters.
    """
    if not isinstance(text, str):
        return []
    text = normalise(text[:MAX_QUERY_LENGTH]).translate(_QUOTES)
    pieces = text.split('"')
    if len(pieces) % 2 == 0:  # an odd number of quotes: the last one is unpaired
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    clauses: list[tuple[str, str]] = []
    for position, piece in enumerate(pieces):
        if position % 2:
            phrase = " ".join(piece.split())
            if phrase:
                clauses.append(("phrase" if " " in phrase else "term", phrase))
        else:
            clauses.extend(("term", word) for word in piece.split())
    unique = list(dict.fromkeys(clauses))
    return unique[:MAX_QUERY_TERMS]
