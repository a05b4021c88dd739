"""What a service refuses, and why, in words a person understands. The API maps each to its
HTTP status; the pages show the message.

Messages are gettext messages (English msgids, ``%(name)s`` placeholders), made lazy with
``lazy_gettext`` below: a message becomes text when it is read, in the reader's language on a
page, in English in the API (``api_errors`` says so per request), and in English without a
request (the CLI, Celery workers, tests), whether or not an application context is pushed —
the application's own default language is Vietnamese, which an operator's terminal or a log
does not want. ``ServiceError.message`` and ``.fields`` hand out plain ``str`` (JSON-ready), read
at the moment they are asked for.
"""

from __future__ import annotations

import flask_babel
from flask import g, has_request_context
from flask_babel.speaklater import LazyString

# Outside a request, messages are English.
NO_REQUEST_LANGUAGE = "en"
# ``g`` key through which the HTTP layer (the API) fixes the language of service messages for
# one request; unset, a request reads them in the reader's language.
LANGUAGE_KEY = "service_message_language"


def _message_language() -> str | None:
    if not has_request_context():
        return NO_REQUEST_LANGUAGE
    return g.get(LANGUAGE_KEY)


def _translate(function, *args, **variables) -> str:
    language = _message_language()
    if language is None:
        return function(*args, **variables)
    # Without an application context force_locale changes nothing and flask_babel's null
    # translations give the English msgid: English either way.
    with flask_babel.force_locale(language):
        return function(*args, **variables)


def lazy_gettext(string: str, **variables) -> LazyString:
    """A message translated when read (``pybabel`` finds it through ``babel.cfg``)."""
    return LazyString(_translate, flask_babel.gettext, string, **variables)


def lazy_pgettext(context: str, string: str, **variables) -> LazyString:
    return LazyString(_translate, flask_babel.pgettext, context, string, **variables)


def in_reader_language(label_of) -> LazyString:
    """A placeholder value known in both languages (``label_of(lang)`` for "vi" and "en"), read
    in the language the message around it is read in."""
    return LazyString(_label_now, label_of)


def _label_now(label_of) -> str:
    if not has_request_context():
        return label_of(NO_REQUEST_LANGUAGE)
    locale = str(flask_babel.get_locale())  # forced by _translate when the message is
    return label_of(locale if locale in ("vi", "en") else NO_REQUEST_LANGUAGE)


def text(value, plain=None):
    """``value`` with every lazy message in it read now: a string, or lists and dicts of them
    (marshmallow's nested field errors) with the same shape; anything else as it is.
    ``plain`` rewrites the strings that were not lazy (marshmallow's own messages)."""
    if isinstance(value, LazyString):
        return str(value)
    if isinstance(value, str):
        return plain(value) if plain else value
    if isinstance(value, list | tuple):
        return [text(item, plain) for item in value]
    if isinstance(value, dict):
        return {key: text(item, plain) for key, item in value.items()}
    return value


class ServiceError(Exception):
    status = 400

    def __init__(self, message, fields: dict | None = None):
        super().__init__(message)
        self._message = message
        self._fields = fields or {}

    @property
    def message(self) -> str:
        return text(self._message)

    @property
    def fields(self) -> dict:
        """Field -> list of reasons, as text in the language of the moment (marshmallow's own
        reasons too)."""
        from repo_app.services.field_messages import reword  # it builds on this module

        return text(self._fields, reword)


class NotAuthenticated(ServiceError):
    status = 401


class Forbidden(ServiceError):
    status = 403


class NotFound(ServiceError):
    status = 404


class Conflict(ServiceError):
    """A stale version, or a transition that does not leave from the current state."""

    status = 409


class Invalid(ServiceError):
    """Missing or invalid fields, named in ``fields`` (field -> list of reasons)."""

    status = 422

    def __init__(self, fields: dict, message=None):
        names = ", ".join(sorted(fields))
        super().__init__(message or lazy_gettext("Invalid or missing fields: %(names)s.",
                                                 names=names), fields)
