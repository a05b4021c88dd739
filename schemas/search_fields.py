"""What search offers, declared as data: facets, sorts, text-field weights and limits.

Every search engine (embedded tantivy, Elasticsearch) reads these tables, so adding a facet or a
sort is a change here, not in each engine. Field names are those of the flat search document built
by ``indexer.search.documents.search_document``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FACET_KINDS = ("keyword", "year", "integer", "boolean")
FACET_ORDERS = ("count", "key_desc", "key_asc")
RANGE_SEPARATOR = ".."  # numeric facets take ranges: year=2020..2023, year=2020.., year=..2019


@dataclass(frozen=True)
class Facet:
    """A filterable, countable field.

    ``vocabulary`` names the controlled vocabulary that labels the keys (None: the key is its own
    label, or ``value_labels`` gives it). ``kind`` is "keyword" for string keys, "year"/"integer"
    for whole numbers (a filter value may also be a range "A..B", "A..", "..B"), "boolean" for
    "true"/"false". Buckets come ordered by ``order``: "count" (count desc, then key), "key_desc"
    or "key_asc".
    """

    name: str
    field: str
    vocabulary: str | None = None
    label: dict = field(default_factory=dict)
    kind: str = "keyword"
    order: str = "count"
    size: int = 100  # at most this many buckets (selected values are always added)
    value_labels: dict = field(default_factory=dict)  # key -> {"vi", "en"} when no vocabulary

    @property
    def numeric(self) -> bool:
        return self.kind in ("year", "integer")


FACETS: tuple[Facet, ...] = (
    Facet("kind", "kind", "kinds", {"vi": "Loại kết quả", "en": "Kind"}),
    # Level 1 of the S&T field classification (1 digit: 1-6), then level 2 (3 digits: 101-699).
    Facet(
        "field_l1",
        "field_l1",
        "fields_of_science",
        {"vi": "Lĩnh vực KH&CN (cấp 1)", "en": "Field of science (level 1)"},
    ),
    Facet(
        "field", "field", "fields_of_science", {"vi": "Lĩnh vực KH&CN", "en": "Field of science"}
    ),
    Facet("sector", "sector", "sectors", {"vi": "Ngành, sản phẩm", "en": "Sector"}),
    # WIPO technology fields ("1".."35") of the record's IPC classes.
    Facet(
        "technology",
        "technology",
        "ipc_technology",
        {"vi": "Lĩnh vực công nghệ (IPC)", "en": "Technology field (IPC)"},
    ),
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
    Facet(
        "organisation",
        "host_organisation",
        None,
        {"vi": "Tổ chức chủ trì", "en": "Host organisation"},
        size=50,
    ),
    Facet("place", "place", "places", {"vi": "Địa bàn", "en": "Place"}),
    Facet("language", "language", "languages", {"vi": "Ngôn ngữ", "en": "Language"}),
    Facet(
        "has_full_text",
        "has_full_text",
        None,
        {"vi": "Toàn văn", "en": "Full text"},
        kind="boolean",
        value_labels={
            "true": {"vi": "Có toàn văn", "en": "Full text available"},
            "false": {"vi": "Chỉ có thông tin mô tả", "en": "Description only"},
        },
    ),
    # A result with a technology offer on the market (commercialisation ``ready_to_offer``).
    Facet(
        "licensable",
        "licensable",
        None,
        {"vi": "Sẵn sàng chuyển giao", "en": "Available for licensing"},
        kind="boolean",
        value_labels={
            "true": {"vi": "Đang chào bán, cấp phép", "en": "Available for licensing"},
            "false": {"vi": "Chưa chào bán", "en": "Not offered"},
        },
    ),
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
# The text fields that also keep their exact spelling (diacritics) for that bonus: the short
# Vietnamese ones, where a record's subject is named. English fields have no diacritics to keep;
# an exact copy of every full text doubled the indexing work, and of every abstract cost a fifth of
# the query time, for no measured ranking gain (benchmarks/relevance.py: nDCG@10 0.941 -> 0.939).
EXACT_FIELDS: tuple[str, ...] = ("title", "keywords", "organisations", "people")

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

# How a word is matched beyond its folded form, ranked below it (weights multiply the field's):
# typo tolerance by folded length ("from N letters, at most D edits"; shorter words get none),
# given only to words the index does not hold as typed, on the folded text fields;
FUZZY_DISTANCES: tuple[tuple[int, int], ...] = ((5, 1), (9, 2))
FUZZY_WEIGHT = 0.3
MAX_FUZZY_WORDS = 8  # words of one query that get typo tolerance at most
# a trailing "*" from this many letters, standing for at most PREFIX_EXPANSIONS indexed words;
PREFIX_MIN_CHARS = 3
PREFIX_EXPANSIONS = 50
PREFIX_WEIGHT = 0.6
# English stemming ("dried" finds "drying") of English titles, abstracts and English full texts.
STEM_WEIGHT = 0.6

MAX_SUGGESTIONS = 10  # completions as the user types
MAX_SIMILAR = 20  # "similar records"
