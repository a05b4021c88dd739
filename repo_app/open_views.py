"""Open formats beside the pages: search feeds (Atom), bulk exports of public metadata (JSON
Lines, CSV), citations (BibTeX, RIS), and the machine-readable metadata of the record page
(a context processor for ``_record_meta.html``). Views only parse and call services."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Response, abort, current_app, jsonify, request, url_for

from repo_app.api_docs import ApiBlueprint
from repo_app.api_errors import problem
from repo_app.auth import current_principal
from repo_app.services import bulk_export, citations, feeds, public_view
from repo_app.services import saved_searches as saved_search_service
from repo_app.services import search as search_service
from schemas import api as contract

blueprint = Blueprint("open", __name__)
# The bulk exports and saved searches are API operations, described with the rest of /api/v1.
api_blueprint = ApiBlueprint("open_api", __name__, url_prefix="/api/v1",
                             description="Bulk exports of public metadata and saved searches.")
SITE_NAME = "Kho kết quả KH&CN"


def _services():
    return current_app.extensions["repo"]


def _record_url() -> str:
    url = url_for("pages.record", record_id="RECORD-ID", _external=True)
    return url.replace("RECORD-ID", "{id}")


@blueprint.errorhandler(search_service.BadSearchParameters)
@api_blueprint.errorhandler(search_service.BadSearchParameters)
def _bad_parameters(error):
    return problem(400, str(error), {"query": [str(error)]})


@blueprint.get("/feeds/search.atom")
def search_feed():
    params = search_service.SearchParams.from_args(request.args)
    entries = feeds.newest(_services(), params)
    query = request.query_string.decode()
    page_url = url_for("pages.search", _external=True) + (f"?{query}" if query else "")
    title = SITE_NAME + (f": {params.text}" if params.text else "")
    body = feeds.atom(entries, feed_url=request.url, page_url=page_url,
                      record_url=_record_url(), title=title, author=SITE_NAME,
                      now=datetime.now(UTC))
    # Feed readers poll: an unchanged feed answers 304 to their conditional GET (ETag, or the
    # newest entry's time as Last-Modified), so polling costs a header, not the feed.
    response = Response(body, mimetype="application/atom+xml")
    response.add_etag()
    if entries:
        response.last_modified = entries[0][0]
    response.headers["Cache-Control"] = "public, no-cache"
    return response.make_conditional(request)


def _export(arguments: dict, kind: str, writer, mimetype: str):
    params = search_service.SearchParams.from_arguments(arguments)
    records = bulk_export.public_metadata(_services(), params, _record_url())
    return Response(writer(records), mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="kqkhcn-public-metadata.{kind}"'})


@api_blueprint.get("/export.jsonl")
@api_blueprint.arguments(contract.SearchArgs, location="query", error_status_code=400)
@api_blueprint.response(200, content_type="application/jsonl")
def export_jsonl(arguments):
    """Public metadata of the records a search finds (all its pages), one JSON per line."""
    return _export(arguments, "jsonl", bulk_export.jsonl, "application/jsonl")


@api_blueprint.get("/export.csv")
@api_blueprint.arguments(contract.SearchArgs, location="query", error_status_code=400)
@api_blueprint.response(200, content_type="text/csv")
def export_csv(arguments):
    """Public metadata of the records a search finds (all its pages), as CSV."""
    return _export(arguments, "csv", bulk_export.csv_lines, "text/csv")


def _cited(record_id: str) -> tuple[dict, str]:
    record = public_view.public_record(_services(), record_id, current_principal())
    if record is None or record.get("registration_state") != "accepted":
        abort(404)
    return record, _record_url().format(id=record_id)


@blueprint.get("/records/<record_id>/cite.bib")
def cite_bibtex(record_id: str):
    record, url = _cited(record_id)
    return Response(citations.bibtex(record, url), mimetype="application/x-bibtex",
                    headers={"Content-Disposition": f'inline; filename="{record_id}.bib"'})


@blueprint.get("/records/<record_id>/cite.ris")
def cite_ris(record_id: str):
    record, url = _cited(record_id)
    return Response(citations.ris(record, url), mimetype="application/x-research-info-systems",
                    headers={"Content-Disposition": f'attachment; filename="{record_id}.ris"'})


@blueprint.app_context_processor
def _record_metadata():
    def record_metadata(record: dict) -> dict:
        """JSON-LD and Highwire tags of a record shown on its page (published ones only:
        a draft shown to its owner is not announced to indexers)."""
        if record.get("registration_state") != "accepted" or \
                record.get("access_level") == "restricted":
            return {}
        url = _record_url().format(id=record["id"])
        files = record.get("files") or []
        pdf = url_for("pages.download", record_id=record["id"], sha256=files[0]["sha256"],
                      _external=True) if files and record.get("access_level") == "public" \
            else None
        return {"json_ld": citations.json_ld(record, url),
                "highwire": citations.highwire(record, url, pdf),
                "bibtex_url": url_for("open.cite_bibtex", record_id=record["id"]),
                "ris_url": url_for("open.cite_ris", record_id=record["id"])}

    return {"record_metadata": record_metadata}


# -- Saved searches (the weekly digest is ``repo-app digest``) ---------------------------------


@api_blueprint.get("/saved-searches")
@api_blueprint.response(200, contract.SavedSearchList)
def saved_searches():
    """The signed-in account's saved searches (the weekly digest follows them)."""
    return jsonify({"saved_searches": saved_search_service.list_for(_services(),
                                                                    current_principal())})


@api_blueprint.post("/saved-searches")
@api_blueprint.arguments(contract.SavedSearchBody)
@api_blueprint.response(201, contract.SavedSearch)
def save_search(body):
    """Save a search (its query string) under a name."""
    query = body.get("query") if isinstance(body.get("query"), str) else ""
    name = body.get("name") if isinstance(body.get("name"), str) else ""
    saved = saved_search_service.save(_services(), current_principal(), query, name)
    return jsonify(saved), 201


@api_blueprint.delete("/saved-searches/<int:search_id>")
@api_blueprint.response(204)
def delete_saved_search(search_id: int):
    """Stop following a saved search."""
    saved_search_service.remove(_services(), current_principal(), search_id)
    return Response(status=204)
