"""Web pages: the search page, the record page and file downloads."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, send_file, url_for

from repo_app import i18n
from repo_app.services import public_view
from repo_app.services import search as search_service
from schemas import vocabularies

blueprint = Blueprint("pages", __name__)


def _services():
    return current_app.extensions["repo"]


def _url_without(args, name: str, value: str | None = None) -> str:
    """The current search URL with one filter value (or a whole parameter) removed."""
    pairs = [
        (key, item)
        for key in args
        for item in args.getlist(key)
        if key != "page" and not (key == name and (value is None or item == value))
    ]
    return url_for("pages.search") + ("?" + _encode(pairs) if pairs else "")


def _url_with_page(args, page: int) -> str:
    pairs = [(key, item) for key in args for item in args.getlist(key) if key != "page"]
    return url_for("pages.search") + "?" + _encode([*pairs, ("page", str(page))])


def _encode(pairs) -> str:
    from urllib.parse import urlencode

    return urlencode(pairs)


@blueprint.get("/")
def search():
    lang = i18n.current_language()
    error, results = None, None
    try:
        params = search_service.SearchParams.from_args(request.args)
        results = search_service.search(_services().search_engine, params, lang)
    except search_service.BadSearchParameters as problem:
        params, error = None, str(problem)
    status = 400 if error else 200
    page_count = 0
    if results:
        page_count = max(1, -(-results["total"] // results["size"]))
    return (
        render_template(
            "search.html",
            results=results,
            params=params,
            error=error,
            args=request.args,
            page_count=page_count,
            url_without=_url_without,
            url_with_page=_url_with_page,
        ),
        status,
    )


@blueprint.get("/records/<record_id>")
def record(record_id: str):
    data = public_view.public_record(_services(), record_id)
    if data is None:
        abort(404)
    lang = i18n.current_language()

    def label(vocabulary, key):
        return vocabularies.load(vocabulary).term_label(key, lang) if key else None

    return render_template("record.html", record=data, label=label)


@blueprint.get("/records/<record_id>/files/<sha256>")
def download(record_id: str, sha256: str):
    found = public_view.downloadable_file(_services(), record_id, sha256)
    if found is None:
        abort(404)
    path, name = found
    return send_file(path, mimetype="application/pdf", download_name=name, as_attachment=True)


@blueprint.app_errorhandler(404)
def not_found(_error):
    return render_template("error.html", message=i18n.translate("not_found")), 404
