"""Web pages: the search page, the record page and file downloads.

Views only read the request, call the services and hand plain data to the templates. The whole
search state lives in the URL (``?q=&sort=&page=&<facet>=<value>...``, years as ``year=A..B``),
so a result page can be shared and the back button works.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext

from indexer.search.engine import SearchError
from repo_app import i18n, workflow_views
from repo_app.api_errors import API_PREFIX, problem
from repo_app.auth import current_principal, current_user_is_staff
from repo_app.services import public_view
from repo_app.services import search as search_service
from schemas import vocabularies
from schemas.search_fields import FACETS_BY_NAME, MAX_RESULT_WINDOW

blueprint = Blueprint("pages", __name__)
log = logging.getLogger(__name__)

FACET_VISIBLE = 6  # buckets shown before "show more"
PAGER_RADIUS = 2  # page links on each side of the current page
RANGE = ".."  # year=2020..2023
YEAR_PARAMETERS = ("year", "year_from", "year_to")


def _services():
    return current_app.extensions["repo"]


# -- URLs -------------------------------------------------------------------------------------


def _pairs(args, drop=lambda key, value: False) -> list[tuple[str, str]]:
    return [
        (key, value)
        for key in args
        for value in args.getlist(key)
        if key != "page" and not drop(key, value)
    ]


def _search_url(pairs) -> str:
    return url_for("pages.search") + ("?" + urlencode(pairs) if pairs else "")


def _url_without(args, name: str, value: str | None = None) -> str:
    """The current search URL with one filter value (or a whole parameter) removed."""
    return _search_url(
        _pairs(args, lambda key, item: key == name and (value is None or item == value))
    )


def _url_without_filters(args) -> str:
    """The current query, sort and language with every filter removed."""
    return _search_url(_pairs(args, lambda key, _value: key in FACETS_BY_NAME))


def _url_with_page(args, page: int) -> str:
    pairs = _pairs(args)
    return _search_url([*pairs, ("page", str(page))] if page > 1 else pairs)


# -- Year ranges ------------------------------------------------------------------------------


def _year(raw: str | None, name: str) -> int | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    if not (raw.isdigit() and len(raw) == 4):
        raise search_service.BadSearchParameters(
            gettext("“%(field)s” must be a four-digit year, not “%(value)s”.",
                    field=gettext("From year") if name == "year_from" else gettext("To year"),
                    value=raw[:20])
        )
    return int(raw)


def _canonical_year_range(args) -> str:
    """The search URL for a ``year_from``/``year_to`` form: ``year=A..B`` replaces every year
    filter; two empty boxes remove the range and keep single ticked years."""
    start, end = _year(args.get("year_from"), "year_from"), _year(args.get("year_to"), "year_to")
    if start and end and start > end:
        start, end = end, start
    if start is None and end is None:
        return _search_url(
            _pairs(args, lambda key, value: key in ("year_from", "year_to")
                   or (key == "year" and RANGE in value))
        )
    pairs = _pairs(args, lambda key, _value: key in ("year_from", "year_to", "year"))
    value = str(start) if start == end else f"{start or ''}{RANGE}{end or ''}"
    return _search_url([*pairs, ("year", value)])


def _range_bounds(value: str) -> tuple[str, str]:
    start, _, end = value.partition(RANGE)
    return start, end


def _value_label(facet_name: str, value: str, results: dict | None) -> str:
    if facet_name == "year" and RANGE in value:
        start, end = _range_bounds(value)
        if start and end:
            return f"{start}–{end}"
        if start:
            return gettext("from %(year)s", year=start)
        return gettext("up to %(year)s", year=end)
    buckets = (results or {}).get("facets", {}).get(facet_name, {}).get("buckets", [])
    bucket = next((bucket for bucket in buckets if bucket["key"] == value), None)
    if bucket:
        return bucket["label"]
    facet = FACETS_BY_NAME[facet_name]
    if facet.vocabulary:
        return vocabularies.load(facet.vocabulary).term_label(value, i18n.current_language())
    return value


def _facet_label(facet_name: str) -> str:
    label = FACETS_BY_NAME[facet_name].label
    return label.get(i18n.current_language()) or label["vi"]


# -- What the search page shows ---------------------------------------------------------------


def _chips(args, params, results) -> list[dict]:
    return [
        {
            "facet": _facet_label(name),
            "label": _value_label(name, value, results),
            "href": _url_without(args, name, value),
        }
        for name, values in (params.filters if params else {}).items()
        for value in values
    ]


def _page_links(page: int, page_count: int) -> list[int | None]:
    """Page numbers around the current one, with the first and last; None marks a gap."""
    shown = {1, page_count, *range(page - PAGER_RADIUS, page + PAGER_RADIUS + 1)}
    numbers = sorted(number for number in shown if 1 <= number <= page_count)
    links: list[int | None] = []
    for number in numbers:
        if links and number - links[-1] > 1:
            links.append(None)
        links.append(number)
    return links


def _relaxation_links(args, offers: list[dict], results) -> list[dict]:
    """The search service's filter removals, as the page shows them: labels and links."""
    links = []
    for offer in offers:
        if offer["facet"] is None:
            links.append({"all": True, "href": _url_without_filters(args),
                          "total": offer["total"]})
        else:
            name, value = offer["facet"], offer["value"]
            links.append({"facet": _facet_label(name), "label": _value_label(name, value, results),
                          "href": _url_without(args, name, value), "total": offer["total"]})
    return links


@blueprint.get("/")
def search():
    lang = i18n.current_language()
    error, params, results = None, None, None
    try:
        if "year_from" in request.args or "year_to" in request.args:
            return redirect(_canonical_year_range(request.args))
        params = search_service.SearchParams.from_args(request.args)
        results = search_service.search(_services().search_engine, params, lang)
    except search_service.BadSearchParameters as problem:
        error = str(problem)
    except SearchError as failure:  # the engine is away: say so, the rest of the site works
        log.warning("search unavailable: %s", failure)
        context = {"results": None, "params": None, "args": request.args,
                   "error": gettext("Search is unavailable right now. Record pages, downloads "
                                    "and workflows still work; please try again in a minute.")}
        return render_template("search.html", **context), 503, {"Retry-After": "30"}
    context = {"results": results, "params": params, "error": error, "args": request.args}
    if results is not None:
        context.update(_search_page(params, results, lang))
    return render_template("search.html", **context), 400 if error else 200


def _search_page(params, results, lang: str) -> dict:
    args = request.args
    size = results["size"]
    last_page = max(1, min(-(-results["total"] // size), MAX_RESULT_WINDOW // size))
    year_range = next(
        (_range_bounds(value) for value in params.filters.get("year", []) if RANGE in value),
        ("", ""),
    )
    # "Did you mean" and "remove this filter" are the search service's, as in the API answer.
    offers = search_service.alternatives(_services().search_engine, params, results, lang)
    facets = {
        name: {**facet, "buckets": [b for b in facet["buckets"] if RANGE not in b["key"]]}
        for name, facet in results["facets"].items()
    }
    return {
        "facets": facets,
        "chips": _chips(args, params, results),
        "clear_all_url": _url_without_filters(args),
        "page_count": last_page,
        "page_links": _page_links(results["page"], last_page),
        "url_with_page": _url_with_page,
        "url_without": _url_without,
        "year_range": year_range,
        "kept_args": _pairs(args, lambda key, value: key in FACETS_BY_NAME and RANGE not in value),
        "range_kept_args": _pairs(args, lambda key, _value: key in YEAR_PARAMETERS),
        "relaxations": _relaxation_links(args, offers["relaxations"], results),
        "did_you_mean": offers["did_you_mean"],
        "facet_visible": FACET_VISIBLE,
    }


# -- The record page --------------------------------------------------------------------------


def _similar(record_id: str, lang: str) -> list[dict]:
    """Similar records, or none if the engine cannot answer now (the page still renders)."""
    try:
        return search_service.similar_records(_services(), record_id, lang)
    except SearchError as problem:
        log.warning("similar records for %s are not available: %s", record_id, problem)
        return []


@blueprint.get("/records/<record_id>")
def record(record_id: str):
    data = public_view.public_record(_services(), record_id, current_principal())
    if data is None:
        abort(404)
    lang = i18n.current_language()
    staff = current_user_is_staff()

    def label(vocabulary, key):
        return vocabularies.load(vocabulary).term_label(key, lang) if key else None

    return render_template(
        "record.html",
        record=data,
        label=label,
        staff=staff,
        similar=_similar(record_id, lang),
        **workflow_views.panel_context(record_id),  # the commercialisation panel
    )


@blueprint.get("/records/<record_id>/files/<sha256>")
def download(record_id: str, sha256: str):
    found = public_view.downloadable_file(_services(), record_id, sha256, current_principal())
    if found is None:
        abort(404)
    path, name = found
    return send_file(path, mimetype="application/pdf", download_name=name, as_attachment=True)


# -- Shared bits ------------------------------------------------------------------------------


@blueprint.app_errorhandler(404)
def not_found(error):
    if request.path.startswith(API_PREFIX):
        return problem(404, error.description or "Not found.")
    return render_template("error.html",
                           message=gettext("This page or record does not exist.")), 404
