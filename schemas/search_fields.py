"""What search offers, declared as data: facets, sorts, text-field weights and limits.

Every search engine (embedded tantivy, Elasticsearch) reads these tables, so adding a facet or a
sort is a change here, not in each engine. Field names are those of the flat search document built
by ``indexer.search.documents.search_document``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FACET_KINDS = ("keyword", "year", "integer")
FACET_ORDERS = ("count", "key_desc", "key_asc")


@dataclass(frozen=True)
class Facet:
    """A filterable, countable field.

    ``vocabulary`` names the controlled vocabulary that labels the keys (None: the key is its own
    label). ``kind`` is "keyword" for string keys, "year"/"integer" for whole numbers. Buckets come
    ordered by ``order``: "count" (count desc, then key), "key_desc" or "key_asc".
    """

    name: str
    field: str
    vocabulary: str | None = None
    label: dict = field(default_factory=dict)
    kind: str = "keyword"
    order: str = "count"
    size: int = 100  # at most this many buckets (selected values are always added)


FACETS: tuple[Facet, ...] = (
    Facet("kind", "kind", "kinds", {"vi": "Loại kết quả", "en": "Kind"}),
    # Level-2 code of the S&T field classification (3 digits: 101-699).
    Facet(
        "field", "field", "fields_of_science", {"vi": "Lĩnh vực KH&CN", "en": "Field of science"}
    ),
    Facet("sector", "sector", "sectors", {"vi": "Ngành, sản phẩm", "en": "Sector"}),
    Facet("year", "year", None, {"vi": "Năm", "en": "Year"}, kind="year", order="key_desc"),
    Facet(
        "status",
        "status",
        "commercialisation_statuses",
        {"vi": "Tình trạng thương mại hóa", "en": "Commercialisation status"},
    ),
    Facet("ip_status", "ip_status", "ip_statuses", {"vi": "Tình trạng SHTT", "en": "IP status"}),
    Facet(
        "trl",
        "trl",
        "trl",
        {"vi": "Mức độ sẵn sàng công nghệ (TRL)", "en": "Technology readiness (TRL)"},
        kind="integer",
        order="key_asc",
    ),
    Facet("place", "place", "places", {"vi": "Địa bàn", "en": "Place"}),
    Facet("language", "language", "languages", {"vi": "Ngôn ngữ", "en": "Language"}),
)

FACETS_BY_NAME: dict[str, Facet] = {facet.name: facet for facet in FACETS}


@dataclass(frozen=True)
class Sort:
    """A sort option. ``field`` None means by relevance score (newest first with no text)."""

    name: str
    field: str | None
    descending: bool
    label: dict = field(default_factory=dict)


SORTS: tuple[Sort, ...] = (
    Sort("relevance", None, True, {"vi": "Phù hợp nhất", "en": "Best match"}),
    Sort("newest", "year", True, {"vi": "Mới nhất", "en": "Newest"}),
    Sort("oldest", "year", False, {"vi": "Cũ nhất", "en": "Oldest"}),
    Sort("title", "title_sort", False, {"vi": "Tên (A-Z)", "en": "Title (A-Z)"}),
)

SORTS_BY_NAME: dict[str, Sort] = {sort.name: sort for sort in SORTS}
DEFAULT_SORT = "relevance"

# Free-text fields and their weights. Each is indexed folded (diacritics stripped, for matching)
# and exact (diacritics kept, for ranking).
TEXT_FIELDS: dict[str, float] = {
    "title": 4.0,
    "title_en": 4.0,
    "keywords": 3.0,
    "abstract": 2.0,
    "abstract_en": 2.0,
    "organisations": 2.0,
    "people": 2.0,
    "full_text": 1.0,
}
# Identifier-like fields matched as whole values (lowercased, folded): "1-2020-01234", "A01B 1/00".
CODE_FIELDS: dict[str, float] = {"codes": 5.0, "ipc": 5.0}
# Extra weight of a match that keeps the user's diacritics, on top of the folded match.
EXACT_BOOST = 1.5

MAX_PAGE_SIZE = 100
MAX_RESULT_WINDOW = 10_000  # page * size may not go beyond this
MAX_QUERY_TERMS = 32  # words beyond this are ignored
MAX_QUERY_LENGTH = 1_000  # characters beyond this are ignored
MAX_QUERY_DEPTH = 8  # brackets nested deeper than this are ignored (their content is kept)

# Fielded query prefixes ("title:nước", "ipc:A23L"): prefix -> the search-document fields it
# searches. Text fields are searched the way free text is (folded, exact, prefix, typos); code
# fields ("codes", "ipc") match whole values and their beginning ("ipc:A23L" finds "A23L 27/50").
QUERY_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "title_en"),
    "org": ("organisations",),
    "person": ("people",),
    "inventor": ("people",),
    "keyword": ("keywords",),
    "ipc": ("ipc",),
    "code": ("codes",),
}
# Other spellings users type for the same prefixes.
QUERY_FIELD_ALIASES: dict[str, str] = {
    "author": "person",
    "organisation": "org",
    "organization": "org",
    "keywords": "keyword",
    "kw": "keyword",
}
HIGHLIGHT_CHARS = 240
