"""REST API, version 1: JSON in, JSON out. Views only parse and call services."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

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


@blueprint.get("/records")
def search_records():
    params = search_service.SearchParams.from_args(request.args)
    lang = request.args.get("lang") if request.args.get("lang") in i18n.LANGUAGES else "vi"
    return jsonify(search_service.search(_services().search_engine, params, lang))


@blueprint.get("/records/<record_id>")
def get_record(record_id: str):
    record = public_view.public_record(_services(), record_id, current_principal())
    if record is None:
        return problem(404, f"No record {record_id!r}.")
    return jsonify(record)


@blueprint.get("/suggest")
def suggest():
    size = search_service.positive_int(request.args.get("size"), "size", 8, 10)
    items = search_service.suggest(_services().search_engine, request.args.get("q", ""), size)
    return jsonify({"suggestions": items})
