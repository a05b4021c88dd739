"""Search: turn request parameters into an engine request, and the engine's answer into the
response the API and the pages show (facet and value labels in the reader's language)."""

from __future__ import annotations

from dataclasses import dataclass

from indexer.search.engine import InvalidQuery, SearchRequest
from schemas import vocabularies
from schemas.search_fields import (
    FACETS,
    FACETS_BY_NAME,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    SORTS_BY_NAME,
)


class BadSearchParameters(ValueError):
    """A parameter the user can fix; shown as a 400 with this message."""


def build_search_engine(settings):
    if settings.search_engine == "tantivy":
        from indexer.search.results_cache import ResultsCache
        from indexer.search.tantivy_engine import TantivyEngine

        entries = settings.extra.get("search_cache_entries", 0)
        return TantivyEngine(settings.index_dir,
                             results_cache=ResultsCache(entries) if entries > 0 else None)
    if settings.search_engine == "elasticsearch":
        from indexer.search.elasticsearch_engine import ElasticsearchEngine

        if not settings.elasticsearch_url:
            raise RuntimeError("SEARCH_ENGINE=elasticsearch needs ELASTICSEARCH_URL.")
        options = {}
        if settings.extra.get("elasticsearch_api_key"):
            options["api_key"] = settings.extra["elasticsearch_api_key"]
        if settings.extra.get("elasticsearch_ca_certs"):
            options["ca_certs"] = settings.extra["elasticsearch_ca_certs"]
        return ElasticsearchEngine(settings.elasticsearch_url, **options)
    raise RuntimeError(
        f"SEARCH_ENGINE={settings.search_engine!r} is not an engine: "
        "use 'tantivy' (embedded, the default) or 'elasticsearch'."
    )


def positive_int(raw: str | None, name: str, default: int, upper: int | None = None) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadSearchParameters(f"'{name}' must be a whole number, not {raw[:40]!r}.") from None
    if value < 1 or (upper is not None and value > upper):
        limit = f" between 1 and {upper}" if upper else " of 1 or more"
        raise BadSearchParameters(f"'{name}' must be a number{limit}.")
    return value


@dataclass
class SearchParams:
    text: str
    filters: dict[str, list[str]]
    page: int
    size: int
    sort: str

    @classmethod
    def from_args(cls, args) -> SearchParams:
        """Parse a Flask ``request.args`` (a MultiDict): filters repeat a facet's name."""
        text = (args.get("q") or "").strip()
        if len(text) > MAX_QUERY_LENGTH:
            raise BadSearchParameters(f"The query is longer than {MAX_QUERY_LENGTH} characters.")
        sort = args.get("sort") or "relevance"
        if sort not in SORTS_BY_NAME:
            raise BadSearchParameters(f"'sort' must be one of: {', '.join(SORTS_BY_NAME)}.")
        filters = {}
        for name in FACETS_BY_NAME:
            values = [value.strip() for value in args.getlist(name) if value.strip()]
            if values:
                filters[name] = list(dict.fromkeys(values))
        return cls(
            text=text,
            filters=filters,
            page=positive_int(args.get("page"), "page", 1),
            size=positive_int(args.get("size"), "size", 10, MAX_PAGE_SIZE),
            sort=sort,
        )


def _bucket_labeller(facet, lang: str):
    """A function from a bucket key of ``facet`` to its label in ``lang`` (the vocabulary looked
    up once per facet, not once per bucket: a page of results has a few hundred buckets)."""
    if facet.vocabulary:
        vocabulary = vocabularies.load(facet.vocabulary)
        return lambda key: vocabulary.term_label(key, lang)
    value_labels = getattr(facet, "value_labels", None) or {}

    def label(key: str) -> str:
        labels = value_labels.get(key, {})
        return labels.get(lang) or labels.get("vi") or key

    return label


def _label(vocabulary: str, key: str | None, lang: str) -> str | None:
    return vocabularies.load(vocabulary).term_label(key, lang) if key else None


def search(engine, params: SearchParams, lang: str = "vi") -> dict:
    """Run a search; raise BadSearchParameters for what the user must change."""
    request = SearchRequest(
        text=params.text, filters=params.filters, page=params.page, size=params.size,
        sort=params.sort,
    )
    try:
        response = engine.search(request)
    except InvalidQuery as error:
        raise BadSearchParameters(str(error)) from None
    facets = {}
    for facet in FACETS:
        buckets = response.facets.get(facet.name, [])
        label = _bucket_labeller(facet, lang)
        facets[facet.name] = {
            "label": facet.label.get(lang) or facet.label["vi"],
            "buckets": [{**bucket, "label": label(bucket["key"])} for bucket in buckets],
        }
    hits = [
        {
            **hit,
            "kind_label": _label("kinds", hit.get("kind"), lang),
            "status_label": _label("commercialisation_statuses", hit.get("status"), lang),
            "ip_status_label": _label("ip_statuses", hit.get("ip_status"), lang),
        }
        for hit in response.hits
    ]
    return {
        "total": response.total,
        "page": params.page,
        "size": params.size,
        "hits": hits,
        "facets": facets,
    }


MAX_SUGGESTIONS = 10


def suggest(engine, text: str, size: int = 8) -> list[dict]:
    """Completions as the user types: titles, organisations, keywords (never restricted ones)."""
    text = (text or "").strip()
    if not text:
        return []
    if len(text) > 200:
        raise BadSearchParameters("Suggestions take at most 200 characters.")
    try:
        return engine.suggest(text, size=min(max(size, 1), MAX_SUGGESTIONS))
    except InvalidQuery as error:
        raise BadSearchParameters(str(error)) from None


def similar_records(services, record_id: str, lang: str = "vi", size: int = 5) -> list[dict]:
    """Records like this one, for the record page (labels in the reader's language)."""
    hits = services.search_engine.similar(record_id, size=size)
    return [
        {
            **hit,
            "kind_label": _label("kinds", hit.get("kind"), lang),
            "status_label": _label("commercialisation_statuses", hit.get("status"), lang),
        }
        for hit in hits
    ]
