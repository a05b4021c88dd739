"""API errors as RFC 9457 problem details (``application/problem+json``): ``type``,
``title``, ``status``, ``detail``, and ``fields`` naming each invalid field. ``message`` repeats
``detail`` for the clients written against the first version of this API. Every 4xx and 5xx
under ``/api/`` answers this way, unknown URLs included.

The services' messages (``detail``, ``fields``) are English, whatever language the client's
cookie or ``Accept-Language`` asks of the pages: other systems are written against these texts.
``?lang=vi`` asks for them in Vietnamese."""

from __future__ import annotations

from flask import Response, g, json, request
from flask_babel import force_locale
from werkzeug.exceptions import HTTPException

from repo_app.services import errors as service_errors
from repo_app.services.errors import ServiceError
from repo_app.services.field_messages import reword

API_PREFIX = "/api/"
API_LANGUAGES = ("en", "vi")  # the first unless asked


def api_language() -> str:
    """The language of the API's messages: English, or Vietnamese on ``?lang=vi``."""
    asked = request.args.get("lang")
    return asked if asked in API_LANGUAGES else API_LANGUAGES[0]


def _messages_in_api_language() -> None:
    """Before an API request: a service message read while answering it (by the problem below,
    or by a handler's ``str(error)``) is in the API's language, not the reader's."""
    if request.path.startswith(API_PREFIX):
        g.setdefault(service_errors.LANGUAGE_KEY, api_language())


def problem(status: int, detail: str, fields: dict | None = None, title: str | None = None,
            headers: dict | None = None) -> Response:
    from http import HTTPStatus

    title = title or HTTPStatus(status).phrase
    with force_locale(api_language()):  # any lazy message still in detail or fields
        detail, fields = service_errors.text(detail), service_errors.text(fields)
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail,
            "message": detail}
    if fields:
        body["fields"] = fields
    response = Response(json.dumps(body, ensure_ascii=False), status=status,
                        mimetype="application/problem+json")
    response.headers.update(headers or {})
    return response


def service_problem(error: ServiceError) -> Response:
    with force_locale(api_language()):
        return problem(error.status, error.message, error.fields)


def invalid_fields(messages: dict) -> dict:
    """webargs' validation messages (``{"query": {"page": [...]}}``, by location) as
    ``fields``: each argument's name and its reasons; a body that is not an object is
    ``body``."""
    found: dict[str, list[str]] = {}
    for reasons in messages.values():
        if not isinstance(reasons, dict):
            reasons = {"body": reasons}
        for name, why in reasons.items():
            if isinstance(why, dict):  # a list's items or a nested object: reasons by key
                why = [f"{key}: {' '.join(map(_reason, text))}" if isinstance(text, list)
                       else f"{key}: {_reason(text)}" for key, text in why.items()]
            found.setdefault("body" if name == "_schema" else name, []).extend(map(_reason, why))
    return found


def _reason(message) -> str:
    """A reason as text in the API's language (marshmallow's own ones are reworded)."""
    return str(reword(message))


def _http_problem(error: HTTPException):
    if not request.path.startswith(API_PREFIX):
        return error
    detail = error.description or error.name
    headers = {k: v for k, v in error.get_headers() if k.lower() in ("allow", "retry-after")}
    messages = (getattr(error, "data", None) or {}).get("messages")
    fields = invalid_fields(messages) if isinstance(messages, dict) else None
    if fields:  # the arguments or body a schema refused (flask-smorest / webargs)
        reasons = "; ".join(f"'{name}': {' '.join(why)}" for name, why in fields.items())
        detail = str(service_errors.lazy_gettext("Invalid arguments: %(reasons)s",
                                                 reasons=reasons))
    return problem(error.code or 500, detail, fields, headers=headers)


def _crash_problem(error: Exception):
    if not request.path.startswith(API_PREFIX) or isinstance(error, HTTPException):
        raise error
    return problem(500, "The server failed to answer; the error is logged.")


def init_app(app) -> None:
    app.before_request(_messages_in_api_language)
    app.register_error_handler(HTTPException, _http_problem)
    app.register_error_handler(ServiceError, service_problem)
    app.register_error_handler(Exception, _crash_problem)
