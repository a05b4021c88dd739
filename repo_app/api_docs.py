"""The API described: flask-smorest declares every ``/api/v1`` operation with the marshmallow
schemas of ``schemas.api``, parses query strings and bodies with them, and serves the OpenAPI 3
document at ``/api/v1/openapi.json``. ``/api/v1/docs`` is a browsable page rendered on the
server from that document: the site's Content-Security-Policy runs no external or inline
script, and nothing is fetched from a CDN (the usual Swagger UI or ReDoc pages would need both).

Errors stay RFC 9457 problem details (``repo_app.api_errors``), validation errors included."""

from __future__ import annotations

import flask_smorest
from flask import Blueprint, current_app, render_template_string
from webargs.flaskparser import FlaskParser, abort

from schemas import api as contract

API_PREFIX = "/api/v1"
PROBLEM_JSON = "application/problem+json"
SEND_AN_OBJECT = "Send a JSON object (Content-Type: application/json)."


class ApiParser(FlaskParser):
    """Query strings and bodies are read by the schemas; a body that is not JSON is refused
    as the API always refused it (422, naming ``body``)."""

    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        abort(422, exc=error, messages={"json": {"body": [SEND_AN_OBJECT]}})


class ApiBlueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = ApiParser()


class ProblemApi(flask_smorest.Api):
    """flask-smorest with our error format: its default error responses are documented as
    problem details, and ``repo_app.api_errors`` (registered for the whole app) answers them."""

    ERROR_SCHEMA = contract.Problem

    def _register_error_handlers(self):
        pass  # repo_app.api_errors handles HTTPException under /api/ already

    def _register_responses(self):
        """The responses operations refer to by status name (a 400 of the arguments, the
        default error of every operation): problem details, as the API answers them."""
        import http

        from flask_smorest.utils import prepare_response

        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_JSON)
            self.spec.components.response(status.name, response, lazy=True)
        problem = {"description": "A problem (RFC 9457)", "schema": self.ERROR_SCHEMA}
        prepare_response(problem, self.spec, PROBLEM_JSON)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, problem, lazy=True)


def _blueprints():
    from repo_app import api, api_tracker, api_workflows, open_views

    return (api.blueprint, api_workflows.blueprint, api_tracker.blueprint,
            open_views.api_blueprint)


def init_app(app) -> ProblemApi:
    app.config.update(
        API_TITLE="Kho kết quả KH&CN",
        API_VERSION="1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX=API_PREFIX,
        OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={
            "info": {"description": "Research results and intellectual property of the "
                                    "province: search, records, workflows and the plan's "
                                    "indicators. Errors are application/problem+json."},
            "servers": [{"url": "/"}],
            "security": [{}, {"bearerAuth": []}],
        },
    )
    api = ProblemApi(app)
    api.spec.components.security_scheme("bearerAuth", {
        "type": "http", "scheme": "bearer",
        "description": "An API token from the account page (/account)."})
    from schemas.transactions import TransactionSchema

    api.spec.components.schema("Transaction", schema=TransactionSchema)
    for blueprint in _blueprints():
        api.register_blueprint(blueprint)
    app.register_blueprint(docs_page)
    app.extensions["repo_api"] = api
    return api


# -- The browsable page ------------------------------------------------------------------------

docs_page = Blueprint("api_docs", __name__, url_prefix=API_PREFIX)
HTTP_METHODS = ("get", "post", "put", "patch", "delete")


def operations(document: dict) -> list[dict]:
    """Every operation of an OpenAPI document, in path order, as the page lists them."""
    listed = []
    for path, item in document.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                operation = item[method]
                listed.append({
                    "method": method.upper(), "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [*item.get("parameters", []),
                                   *operation.get("parameters", [])],
                    "body": _body_schema(operation),
                    "responses": sorted(operation.get("responses", {})),
                })
    return listed


def _body_schema(operation: dict) -> str | None:
    content = operation.get("requestBody", {}).get("content", {})
    for media in content.values():
        ref = media.get("schema", {}).get("$ref", "")
        return ref.rsplit("/", 1)[-1] or "object"
    return None


@docs_page.get("/docs")
def browse():
    document = current_app.extensions["repo_api"].spec.to_dict()
    return render_template_string(DOCS_PAGE, info=document["info"],
                                  operations=operations(document),
                                  json_url=f"{API_PREFIX}/openapi.json")


DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{{ info.title }}: API</title>
<link rel="stylesheet" href="{{ url_for('static', filename='site.css') }}">
</head><body><main class="api-docs">
<h1>{{ info.title }}: REST API v{{ info.version }}</h1>
<p>{{ info.description }}</p>
<p>The OpenAPI 3 document: <a href="{{ json_url }}">{{ json_url }}</a> (generate a client
from it). Sign requests with <code>Authorization: Bearer TOKEN</code>; tokens are made on
<a href="/account">your account page</a>.</p>
{% for op in operations %}
<section id="{{ op.method }}-{{ op.path }}">
<h2><code>{{ op.method }} {{ op.path }}</code></h2>
{% if op.summary %}<p>{{ op.summary }}</p>{% endif %}
{% if op.description %}<p>{{ op.description }}</p>{% endif %}
{% if op.parameters %}<table><thead><tr><th>parameter</th><th>in</th><th>type</th>
<th>description</th></tr></thead><tbody>
{% for p in op.parameters %}<tr><td><code>{{ p.name }}</code>{% if p.required %} *{% endif %}
</td><td>{{ p.in }}</td><td>{{ p.schema.type or '' }}{% if p.schema.enum %}:
{{ p.schema.enum | join(', ') }}{% endif %}{% if p.schema.items %} of
{{ p.schema['items'].type }}{% endif %}</td><td>{{ p.description or '' }}</td></tr>
{% endfor %}</tbody></table>{% endif %}
{% if op.body %}<p>Body: <code>{{ op.body }}</code> (see the document's components)</p>
{% endif %}
<p>Answers: {{ op.responses | join(', ') }}</p>
</section>
{% endfor %}
</main></body></html>
"""
