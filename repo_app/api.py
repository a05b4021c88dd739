"""REST API, version 1: JSON in, JSON out. Views only parse and call services."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, current_app, jsonify, request

from indexer.search.engine import InvalidQuery, SearchError
from repo_app import i18n
from repo_app.api_errors import problem
from repo_app.auth import current_principal
from repo_app.services import public_view
from repo_app.services import search as search_service

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")


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
def search_records():
    params = search_service.SearchParams.from_args(request.args)
    lang = request.args.get("lang") if request.args.get("lang") in i18n.LANGUAGES else "vi"
    answer = search_service.search(_services().search_engine, params, lang)
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
def get_record(record_id: str):
    record = public_view.public_record(_services(), record_id, current_principal())
    if record is None:
        return problem(404, f"No record {record_id!r}.")
    # A conditional GET answers 304 while the record is unchanged (an ETag of its content).
    response = jsonify(record)
    response.add_etag()
    response.headers["Cache-Control"] = "private, no-cache"
    return response.make_conditional(request)


@blueprint.get("/suggest")
def suggest():
    size = search_service.positive_int(request.args.get("size"), "size", 8, 10)
    items = search_service.suggest(_services().search_engine, request.args.get("q", ""), size)
    return jsonify({"suggestions": items})
