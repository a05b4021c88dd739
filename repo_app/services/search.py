"""Search: turn request parameters into an engine request, and the engine's answer into the
response the API and the pages show (facet and value labels in the reader's language)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from indexer.search.engine import InvalidQuery, SearchError, SearchRequest
from repo_app.services.errors import lazy_gettext
from schemas import vocabularies
from schemas.search_fields import FACETS, FACETS_BY_NAME


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


@dataclass
class SearchParams:
    text: str
    filters: dict[str, list[str]]
    page: int
    size: int
    sort: str

    @classmethod
    def from_arguments(cls, arguments: dict) -> SearchParams:
        """From the arguments ``schemas.api.SearchArgs`` loaded (the API parses them so)."""
        return cls(text=arguments["q"], filters=arguments["filters"], page=arguments["page"],
                   size=arguments["size"], sort=arguments["sort"])

    @classmethod
    def from_args(cls, args) -> SearchParams:
        """Parse a query string (a MultiDict: filters repeat a facet's name) with the API's
        ``SearchArgs`` schema, for the pages, feeds and saved searches."""
        from marshmallow import ValidationError

        try:
            return cls.from_arguments(_search_args().load(_multi(args)))
        except ValidationError as error:
            raise BadSearchParameters(describe_invalid(error.messages)) from None


@cache
def _search_args():
    """One ``SearchArgs`` schema for every request (making one costs five times a load)."""
    from schemas.api import SearchArgs

    return SearchArgs()


def _multi(args) -> dict:
    """A MultiDict as the schema reads it: lists for the facets, one value for the rest."""
    facet_names = FACETS_BY_NAME.keys()
    return {key: args.getlist(key) if key in facet_names else args.get(key) for key in args}


def describe_invalid(messages: dict) -> str:
    """``{"page": ["Must be ..."]}`` as one sentence a person can act on."""
    parts = []
    for name, reasons in messages.items():
        if isinstance(reasons, dict):  # a list field: reasons by position
            reasons = [reason for nested in reasons.values() for reason in nested]
        parts.append(f"'{name}': {' '.join(str(reason) for reason in reasons)}")
    return " ".join(parts)


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


MAX_RELAXATIONS = 6  # filter values tried, one search each, when filters leave nothing
DID_YOU_MEAN = 3  # other queries offered for one that found nothing


def alternatives(engine, params: SearchParams, results: dict, lang: str = "vi") -> dict:
    """What to offer when a search found nothing on its first page: ``did_you_mean`` (other
    queries, when no filter is set) and ``relaxations`` (the filters whose removal brings
    results back); ``suggestion`` is the first other query or None. Empty otherwise, so the
    answer of a search that found something costs no extra lookup."""
    empty = not results["hits"] and params.page == 1
    others = did_you_mean(engine, params.text) if empty and not params.filters else []
    relaxed = relaxations(engine, params, lang) if empty and params.filters else []
    return {"suggestion": others[0] if others else None, "did_you_mean": others,
            "relaxations": relaxed}


def _total_without(engine, params: SearchParams, lang: str, name: str | None = None,
                   value: str | None = None) -> int | None:
    """How many results the same search finds with one filter value (or, with no ``name``,
    every filter) removed; None when that search cannot run."""
    filters = {}
    if name is not None:
        filters = {key: [item for item in values if not (key == name and item == value)]
                   for key, values in params.filters.items()}
        filters = {key: values for key, values in filters.items() if values}
    relaxed = SearchParams(text=params.text, filters=filters, page=1, size=1, sort=params.sort)
    try:
        return search(engine, relaxed, lang)["total"]
    except (BadSearchParameters, SearchError):
        return None


def relaxations(engine, params: SearchParams, lang: str = "vi") -> list[dict]:
    """The filter values whose removal brings results back, each with how many
    (``{"facet", "value", "total"}``), then removing every filter (``facet`` None) when more
    than one is set. At most MAX_RELAXATIONS values are tried, one small search each."""
    offers = []
    values = [(name, value) for name, items in params.filters.items() for value in items]
    for name, value in values[:MAX_RELAXATIONS]:
        total = _total_without(engine, params, lang, name, value)
        if total:
            offers.append({"facet": name, "value": value, "total": total})
    if len(values) > 1:
        total = _total_without(engine, params, lang)
        if total:
            offers.append({"facet": None, "value": None, "total": total})
    return offers


def did_you_mean(engine, text: str) -> list[str]:
    """Other queries for one that found nothing: completions of what was typed, or of it with
    the last one or two letters dropped ("nuoc mamm" -> "nước mắm"). Cheap: at most three
    suggestion lookups; titles are left out (they are records, not queries)."""
    if not text or len(text) > 100:
        return []
    for cut in range(3):
        stem = text[: len(text) - cut] if cut else text
        if len(stem.strip()) < 3 or (cut and stem[-1].isspace()):
            break
        try:
            items = suggest(engine, stem, 8)
        except (BadSearchParameters, SearchError):
            return []
        found = []
        for item in items:
            candidate = (item.get("text") or "").strip()
            if (item.get("type") != "title" and candidate
                    and candidate.casefold() != text.casefold() and candidate not in found):
                found.append(candidate)
        if found:
            return found[:DID_YOU_MEAN]
    return []


MAX_SUGGESTIONS = 10


def suggest(engine, text: str, size: int = 8) -> list[dict]:
    """Completions as the user types: titles, organisations, keywords (never restricted ones)."""
    text = (text or "").strip()
    if not text:
        return []
    if len(text) > 200:
        raise BadSearchParameters(lazy_gettext("Suggestions take at most %(max)s characters.",
                                                       max=200))
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
