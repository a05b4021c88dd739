"""REST API, version 1: JSON in, JSON out. Views only parse and call services."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import current_app, jsonify, request

from indexer.search.engine import InvalidQuery, SearchError
from repo_app import i18n
from repo_app.api_docs import ApiBlueprint
from repo_app.api_errors import problem
from repo_app.auth import current_principal
from repo_app.services import public_view
from repo_app.services import search as search_service
from schemas import api as contract

blueprint = ApiBlueprint("api", __name__, url_prefix="/api/v1",
                         description="Search, records and completions.")


def _services():
    return current_app.extensions["repo"]


@blueprint.errorhandler(search_service.BadSearchParameters)
def _bad_parameters(error):
    return problem(400, str(error), {"query": [str(error)]})


@blueprint.errorhandler(SearchError)
def _search_unavailable(error):
    if isinstance(error, InvalidQuery):
        return problem(400, error.message)
    return problem(503, "Search is unavailable right now; records, downloads and workflows "
                        "still work. Try again in a minute.", headers={"Retry-After": "30"})


@blueprint.get("/records")
@blueprint.arguments(contract.SearchArgs, location="query", error_status_code=400)
@blueprint.response(200, contract.SearchAnswer)
def search_records(arguments):
    """Search the records.

    Full text with or without diacritics, facet filters, sort and pages. When nothing is
    found, ``suggestion`` offers another query and ``relaxations`` the filters to remove.
    The ``Link`` header repeats ``links``."""
    params = search_service.SearchParams.from_arguments(arguments)
    lang = arguments.get("lang") if arguments.get("lang") in i18n.LANGUAGES else "vi"
    engine = _services().search_engine
    answer = search_service.search(engine, params, lang)
    offers = search_service.alternatives(engine, params, answer, lang)
    answer["suggestion"] = offers["suggestion"]
    answer["relaxations"] = offers["relaxations"]
    answer["links"] = _page_links(answer)
    response = jsonify(answer)
    response.headers["Link"] = ", ".join(
        f'<{url}>; rel="{rel}"' for rel, url in answer["links"].items())
    return response


def _page_links(answer: dict) -> dict:
    """``self``, and ``next``/``prev`` where there is such a page (within the result window)."""
    from schemas.search_fields import MAX_RESULT_WINDOW

    def url(page: int) -> str:
        args = [(k, v) for k, v in request.args.items(multi=True) if k != "page"]
        query = urlencode([*args, ("page", str(page))])
        return f"{request.base_url}?{query}"

    page, size, total = answer["page"], answer["size"], answer["total"]
    links = {"self": url(page)}
    if page * size < min(total, MAX_RESULT_WINDOW):
        links["next"] = url(page + 1)
    if page > 1:
        links["prev"] = url(page - 1)
    return links


@blueprint.get("/records/<record_id>")
@blueprint.response(200, contract.RecordAnswer)
@blueprint.alt_response(304, description="Unchanged since the ETag sent in If-None-Match.")
def get_record(record_id: str):
    """One record in full (a conditional GET answers 304 while it is unchanged)."""
    record = public_view.public_record(_services(), record_id, current_principal())
    if record is None:
        return problem(404, f"No record {record_id!r}.")
    response = jsonify(record)
    response.add_etag()  # of its content
    response.headers["Cache-Control"] = "private, no-cache"
    return response.make_conditional(request)


@blueprint.get("/suggest")
@blueprint.arguments(contract.SuggestArgs, location="query", error_status_code=400)
@blueprint.response(200, contract.SuggestAnswer)
def suggest(arguments):
    """Completions as the user types: titles, organisations, keywords."""
    items = search_service.suggest(_services().search_engine, arguments["q"],
                                   arguments["size"])
    return jsonify({"suggestions": items})
